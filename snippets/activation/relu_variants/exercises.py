"""ReLU 변형 페이지의 연습 문제와 답입니다. 구역 하나가 문제 하나의 답입니다."""

import math

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 학습된 PReLU의 α는 음수가 되기도 합니다. α = −1인 PReLU는 어떤 함수일까요? 먼저 예상한 뒤 실행해 보세요.
prelu = nn.PReLU(init=-1.0)
x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0])
with torch.no_grad():
    out = prelu(x) + 0.0  # -0.0을 0.0으로
print(f"x           : {x.tolist()}")
print(f"PReLU(α=−1) : {out.tolist()}")
print(f"|x|와 같은가: {torch.equal(out, x.abs())}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 SELU 절에서 ReLU는 LeCun 정규 초기화(분산 1/fan_in)로 32층 뒤 표준편차가 거의 0이 됩니다.
# 가중치 줄을 He 초기화(분산 2/fan_in)로 바꾸면 32층 뒤 표준편차는 어떻게 될까요?
torch.manual_seed(0)
width, depth = 256, 32
h = {"LeCun": torch.randn(1024, width)}
h["He"] = h["LeCun"].clone()
print(f"{'층':>4} | {'ReLU, LeCun 표준편차':>20} | {'ReLU, He 표준편차':>18}")
for layer in range(1, depth + 1):
    w = torch.randn(width, width) / width ** 0.5   # 페이지의 줄: 분산 1/fan_in
    w_he = w * 2 ** 0.5                            # 바꾼 줄: 같은 난수로 분산 2/fan_in
    h["LeCun"] = torch.relu(h["LeCun"] @ w)
    h["He"] = torch.relu(h["He"] @ w_he)
    if layer in (1, 8, 16, 32):
        print(f"{layer:>4} | {h['LeCun'].std().item():>20.2e} | {h['He'].std().item():>18.2f}")
relu_lecun_std_last = float(f"{h['LeCun'].std().item():.2e}")
relu_he_std_last = round(h["He"].std().item(), 2)
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. Softplus와 ReLU의 차이는 x = 0에서 가장 크고 그 값은 ln 2입니다.
# nn.Softplus(beta=10)으로 바꾸면 가장 큰 차이는 얼마가 될까요?
x = torch.linspace(-5, 5, 100_001, dtype=torch.float64)
softplus_gap = {}
for beta in (1, 10, 100):                                     # 페이지에서는 beta = 1 (기본값)
    gap = (nn.Softplus(beta=beta)(x) - torch.relu(x)).abs().max().item()
    softplus_gap[beta] = round(gap, 5)
    print(f"beta = {beta:>3}: 최대 |Softplus − ReLU| = {gap:.5f}, ln 2 / beta = {math.log(2) / beta:.5f}")
softplus_gap_beta10 = softplus_gap[10]
# --8<-- [end:exercise_4]
