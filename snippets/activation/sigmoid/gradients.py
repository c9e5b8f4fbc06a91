"""Sigmoid의 도함수 공식, tanh와의 관계, 포화 구간에서 autograd가 돌려주는 기울기를 확인합니다."""

import math

import torch

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:formula]
x = (torch.arange(-1000, 1001, dtype=torch.float64) / 100).requires_grad_()  # -10 ~ 10, 0.01 간격
s = torch.sigmoid(x)
(autograd_grad,) = torch.autograd.grad(s.sum(), x)
formula_grad = s * (1 - s)                      # σ'(x) = σ(x)(1 − σ(x))
formula_error = (autograd_grad - formula_grad).abs().max().item()
print(f"max |autograd − σ(1−σ)|       = {formula_error:.1e}")

tanh_error = (torch.tanh(x) - (2 * torch.sigmoid(2 * x) - 1)).abs().max().item()
print(f"max |tanh(x) − (2σ(2x) − 1)|   = {tanh_error:.1e}")
sigmoid_grad_max = autograd_grad.max().item()
print(f"σ′의 최댓값 = {sigmoid_grad_max:.4f} (x = {x[autograd_grad.argmax()].item():.2f})")
# --8<-- [end:formula]

# --8<-- [start:saturation]
def grad_at(value, dtype=torch.float32):
    t = torch.tensor(value, dtype=dtype, requires_grad=True)
    torch.sigmoid(t).backward()
    return torch.sigmoid(t).item(), t.grad.item()


print(f"{'x':>6} | {'σ(x) float32':>14} | {'σ′(x) float32':>14} | {'σ′(x) float64':>14}")
rows = {}
for value in [0.0, 2.0, 4.0, 10.0, 17.0, 20.0, -20.0, -100.0]:
    out32, g32 = grad_at(value)
    _, g64 = grad_at(value, torch.float64)
    rows[value] = (out32, g32, g64)
    print(f"{value:>6.0f} | {out32:>14.8g} | {g32:>14.4g} | {g64:>14.4g}")

# float32에서 σ′(x)가 정확히 0이 되는 가장 작은 양수 x (0.1 간격으로 찾기)
grid = (torch.arange(0, 400, dtype=torch.float32) / 10).requires_grad_()
torch.sigmoid(grid).sum().backward()
f32_zero_from = grid[grid.grad == 0][0].item()
print(f"float32: x ≥ {f32_zero_from:.1f}이면 σ(x)가 1.0으로 반올림되어 σ′(x) = 0")
# --8<-- [end:saturation]

# --8<-- [start:negative]
# 음수 쪽: σ(x) = 1 / (1 + e^(−x))를 계산하는 도중 e^(−x)가 float32 최댓값을 넘으면 무한대가 되고, 1 / ∞ = 0입니다.
f32_max = torch.finfo(torch.float32).max
exp_100 = torch.exp(torch.tensor(100.0)).item()
print(f"float32 최댓값 {f32_max:.3e}, ln(최댓값) = {math.log(f32_max):.2f}")
print(f"torch.exp(torch.tensor(100.)) = {exp_100}")

# 결과 σ(−100) ≈ e^(−100) 자체는 float32로 나타낼 수 있습니다(정규화되지 않은 작은 수).
sigma_m100_exact = 1 / (1 + math.exp(100))            # 파이썬 float(64비트)로 계산한 σ(−100)
sigma_m100_stored = torch.tensor(sigma_m100_exact, dtype=torch.float32).item()
print(f"σ(−100) = {sigma_m100_exact:.3e}, 이 값을 float32에 저장하면 {sigma_m100_stored:.3e}")
print(f"torch.sigmoid(torch.tensor(−100.)) = {torch.sigmoid(torch.tensor(-100.0)).item()}")

# float32에서 σ(x)가 정확히 0이 되는 가장 큰 x (0.1 간격으로 찾기)
neg = -(torch.arange(0, 1200, dtype=torch.float32) / 10)    # 0, −0.1, …, −119.9
f32_sigmoid_zero_at = neg[torch.sigmoid(neg) == 0][0].item()
print(f"float32: x ≤ {f32_sigmoid_zero_at:.1f}이면 σ(x) = 0 (e^(−x)가 최댓값을 넘는 곳)")
# --8<-- [end:negative]

# 본문에서 인용하는 값
sigmoid_grad_at_4 = rows[4.0][1]
sigmoid_grad_at_10 = rows[10.0][1]
sigmoid_grad_at_20_f32 = rows[20.0][1]
sigmoid_grad_at_20_f64 = rows[20.0][2]
sigmoid_grad_at_m20_f32 = rows[-20.0][1]
f32_ln_max = math.log(f32_max)

# "|x| > 4이면 미분이 0에 가까움"의 판정. "0에 가까움"은 사이트의 기울기 소실 기준과 같게 잡습니다:
# σ′(x)가 최댓값 σ′(0)의 verdicts.VANISHING_RATIO(1%)보다 작은가.
NEAR_ZERO = verdicts.VANISHING_RATIO                               # 최댓값의 1%
grid_x = x.detach()
near_zero = autograd_grad / sigmoid_grad_max < NEAR_ZERO
sigmoid_grad_4_fraction = rows[4.0][2] / sigmoid_grad_max          # σ′(4) / σ′(0)
near_zero_from = grid_x[(grid_x > 0) & near_zero].min().item()      # 기준보다 작아지는 가장 작은 양수 x
saturation_claim = verdicts.claim(
    just_past_4=bool(near_zero[(grid_x.abs() > 4) & (grid_x.abs() < 5)].all()),  # 4 < |x| < 5에서 σ′가 최댓값의 1%보다 작은가
    at_10=bool(near_zero[grid_x.abs() >= 10].all()),                             # |x| = 10에서 σ′가 최댓값의 1%보다 작은가
)
