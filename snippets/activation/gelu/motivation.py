"""GELU가 제안된 이유(확률적 게이트의 기댓값)를 표본으로 확인하고, 논문의 두 근사식의 오차를 나란히 잽니다."""

import math

import torch
import torch.nn.functional as F

# --8<-- [start:gate]
# 입력 x에 마스크 m을 곱합니다. m은 확률 Φ(x)로 1, 나머지 확률로 0입니다.
# 이 x·m을 여러 번 뽑아 평균을 내면 GELU(x) = x·Φ(x)에 가까워야 합니다.
generator = torch.Generator().manual_seed(0)
n_draws = 1_000_000   # x마다 뽑는 마스크의 개수


def phi(value):
    """표준정규분포의 누적분포함수 Φ."""
    return 0.5 * (1 + math.erf(value / math.sqrt(2)))


print(f"{'x':>5} | {'Φ(x)':>6} | {'x·m의 평균':>10} | {'x·Φ(x)':>8}")
gate_gaps = []
for value in [-2.0, -1.0, -0.5, 0.5, 1.0, 2.0]:
    u = torch.rand(n_draws, generator=generator, dtype=torch.float64)
    m = (u < phi(value)).double()          # 확률 Φ(x)로 1인 마스크
    sample_mean = (value * m).mean().item()
    gate_gaps.append(abs(sample_mean - value * phi(value)))
    print(f"{value:>5} | {phi(value):>6.3f} | {sample_mean:>10.3f} | {value * phi(value):>8.3f}")
# --8<-- [end:gate]

# --8<-- [start:sigmoid]
x = torch.linspace(-10, 10, 200_001, dtype=torch.float64)   # 0.0001 간격
gelu = F.gelu(x)                                             # 정의 그대로(erf 형태)

approximations = {
    "tanh 근사": F.gelu(x, approximate="tanh"),
    "x·σ(1.702x)": x * torch.sigmoid(1.702 * x),
    "SiLU x·σ(x)": F.silu(x),                                # 비교용: β = 1
}
max_diffs = {}
print(f"{'식':<12} | {'최대 |GELU − 식|':>16} | 그 위치")
for name, y in approximations.items():
    diff = (gelu - y).abs()
    max_diffs[name] = diff.max().item()
    at = abs(x[diff.argmax()].item())   # 차이는 ±x에서 대칭입니다
    print(f"{name:<12} | {max_diffs[name]:>16.2e} | x = ±{at:.2f}")
# --8<-- [end:sigmoid]

# 본문에서 인용하는 값
gate_max_gap = max(gate_gaps)
tanh_max_diff = max_diffs["tanh 근사"]
sigmoid_max_diff = max_diffs["x·σ(1.702x)"]
silu_max_diff = max_diffs["SiLU x·σ(x)"]
sigmoid_vs_tanh = sigmoid_max_diff / tanh_max_diff   # 1.702 근사의 오차가 tanh 근사의 몇 배인가
