"""Tanh 페이지의 연습 문제와 답입니다. 구역 하나가 문제 하나의 답입니다."""

import math

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 어떤 입력 x에서 tanh(x) = 0.5입니다. x를 모른 채 tanh′(x)를 예상해 보세요.
x = torch.tensor(math.atanh(0.5), dtype=torch.float64, requires_grad=True)
t = torch.tanh(x)
t.backward()
tanh_at_x = round(t.item(), 4)
tanh_grad_at_x = round(x.grad.item(), 4)
print(f"tanh(x) = {tanh_at_x:.4f}")
print(f"autograd의 tanh′(x) = {tanh_grad_at_x:.4f}, 1 − tanh²(x) = {1 - tanh_at_x ** 2:.4f}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 관계식 코드에서 입력의 2배를 빼먹고 2σ(x) − 1로 쓰면 tanh와 얼마나 다를까요?
# 2σ(x) − 1은 어떤 함수일까요?
x = torch.linspace(-8, 8, 10001, dtype=torch.float64)
sigma = torch.sigmoid
forgot_scale = 2 * sigma(x) - 1       # 바꾼 줄: 페이지에서는 2 * sigma(2 * x) - 1
forgot_gap = round((torch.tanh(x) - forgot_scale).abs().max().item(), 4)
forgot_gap_at = abs(round(x[(torch.tanh(x) - forgot_scale).abs().argmax()].item(), 2))
half_gap = (torch.tanh(x / 2) - forgot_scale).abs().max().item()
print(f"max |tanh(x) − (2σ(x) − 1)| = {forgot_gap:.4f} (x = ±{forgot_gap_at:.2f})")
print(f"max |tanh(x/2) − (2σ(x) − 1)| = {half_gap:.1e}")
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. LSTM의 망각 게이트 편향을 크게(+5) 하고 같은 입력을 100스텝 넣으면 셀 상태 c는 1을 넘어 커집니다.
# 그래도 은닉 상태 h의 절댓값은 늘 1보다 작은 이유는 무엇일까요? 실행해 확인해 보세요.
torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=3).double()
with torch.no_grad():
    lstm.bias_ih_l0[3:6] += 5.0        # PyTorch의 게이트 순서는 입력, 망각, 후보, 출력: 3~5번이 망각 게이트
    x = torch.ones(100, 1, 4, dtype=torch.float64)   # (시간 100, 배치 1, 입력 4)
    out, (h, c) = lstm(x)             # out: 스텝마다의 h, c: 마지막 스텝의 셀 상태
lstm_c_max = round(c.abs().max().item(), 1)
lstm_h_max = round(out.abs().max().item(), 3)
print(f"100스텝 뒤 |c|의 최댓값: {lstm_c_max:.1f}")
print(f"100스텝 동안 |h|의 최댓값: {lstm_h_max:.3f}")
# --8<-- [end:exercise_4]
