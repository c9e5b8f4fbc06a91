"""GELU 페이지의 연습 문제와 답입니다. 구역 하나가 문제 하나의 답입니다."""

import math

import torch
import torch.nn.functional as F

# --8<-- [start:exercise_2]
# 연습 2. GELU와 ReLU의 차이 |GELU(x) − ReLU(x)|가 가장 큰 x는 어디이고, 그 크기는 얼마일까요?
# 페이지 맨 위의 그림을 보고 먼저 예상해 보세요.
x = torch.linspace(-10, 10, 200_001, dtype=torch.float64)   # 0.0001 간격
gap = (F.gelu(x) - F.relu(x)).abs()
gelu_relu_gap = round(gap.max().item(), 4)
gelu_relu_gap_at = round(abs(x[gap.argmax()].item()), 2)
print(f"최대 |GELU − ReLU| = {gelu_relu_gap:.4f}")
both_sides = torch.tensor([-gelu_relu_gap_at, gelu_relu_gap_at], dtype=torch.float64)
for value, diff in zip(both_sides.tolist(), (F.gelu(both_sides) - F.relu(both_sides)).tolist()):
    print(f"x = {value:+.2f}: GELU(x) − ReLU(x) = {diff:.4f}")
print(f"GELU의 최솟값: {F.gelu(x).min().item():.4f}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 확률적 게이트 코드에서 마스크가 1일 확률을 Φ(x) 대신 σ(x)로 바꾸면,
# x·m의 평균은 어떤 함수에 가까워질까요?
generator = torch.Generator().manual_seed(0)
n_draws = 200_000   # x마다 뽑는 마스크의 개수

print(f"{'x':>5} | {'x·m의 평균':>10} | {'SiLU(x)':>8} | {'GELU(x)':>8}")
sigmoid_gate_means = {}
for value in [-2.0, -1.0, 1.0, 2.0]:
    u = torch.rand(n_draws, generator=generator, dtype=torch.float64)
    m = (u < 1 / (1 + math.exp(-value))).double()   # 바꾼 줄: 확률 σ(x)로 1인 마스크 (페이지에서는 Φ(x))
    sample_mean = (value * m).mean().item()
    sigmoid_gate_means[value] = round(sample_mean, 3)
    t = torch.tensor(value, dtype=torch.float64)
    print(f"{value:>5} | {sample_mean:>10.3f} | {F.silu(t).item():>8.3f} | {F.gelu(t).item():>8.3f}")
sigmoid_gate_mean_at_2 = sigmoid_gate_means[2.0]
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. GELU(x) − GELU(−x)를 계산하면 어떤 값이 나올까요? 왜 그런지 Φ의 성질로 설명해 보세요.
x = torch.tensor([-3.0, -1.0, 0.5, 2.0, 4.0], dtype=torch.float64)
odd_part = F.gelu(x) - F.gelu(-x)
print(f"x                 : {x.tolist()}")
print(f"GELU(x) − GELU(−x): {[round(v, 6) for v in odd_part.tolist()]}")
print(f"x와 같은가(반올림 오차 안에서): {torch.allclose(odd_part, x)}")
# --8<-- [end:exercise_4]
