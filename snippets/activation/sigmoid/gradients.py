"""Sigmoid의 도함수 공식, tanh와의 관계, 포화 구간에서 autograd가 돌려주는 기울기를 확인합니다."""

import torch

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

# 본문에서 인용하는 값
sigmoid_grad_at_4 = rows[4.0][1]
sigmoid_grad_at_10 = rows[10.0][1]
sigmoid_grad_at_20_f32 = rows[20.0][1]
sigmoid_grad_at_20_f64 = rows[20.0][2]
sigmoid_grad_at_m20_f32 = rows[-20.0][1]
