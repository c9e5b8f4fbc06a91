"""SiLU의 정의, x = 0과 포화 구간에서 autograd가 돌려주는 기울기, 최솟값과 도함수의 최댓값을 확인합니다."""

import torch
import torch.nn.functional as F

# --8<-- [start:formula]
x = torch.linspace(-10, 10, 200_001, dtype=torch.float64)
silu_max_diff = (x * torch.sigmoid(x) - F.silu(x)).abs().max().item()
print(f"max |x·σ(x) − F.silu(x)| = {silu_max_diff:.1e}")
# --8<-- [end:formula]

# --8<-- [start:gradients]
def grad_at(value):
    t = torch.tensor(value, requires_grad=True)
    F.silu(t).backward()
    return t.grad.item()


print(f"{'x':>6} | {'SiLU(x)':>10} | {'SiLU′(x)':>10}")
grads = {}
for value in [-100.0, -20.0, -5.0, -1.0, 0.0, 1.0, 5.0, 20.0]:
    grads[value] = grad_at(value) + 0.0  # -0.0을 0.0으로
    out = F.silu(torch.tensor(value)).item() + 0.0  # -0.0을 0.0으로
    print(f"{value:>6.0f} | {out:>10.4g} | {grads[value]:>10.4g}")

xg = x.clone().requires_grad_()
y = F.silu(xg)
(dy,) = torch.autograd.grad(y.sum(), xg)
silu_min = y.min().item()
silu_min_at = x[y.argmin()].item()
silu_grad_max = dy.max().item()
silu_grad_max_at = x[dy.argmax()].item()
silu_grad_min = dy.min().item()
print(f"SiLU의 최솟값: {silu_min:.4f} (x = {silu_min_at:.4f})")
print(f"SiLU′의 범위: {silu_grad_min:.4f} ~ {silu_grad_max:.4f} (최댓값은 x = {silu_grad_max_at:.4f})")
# --8<-- [end:gradients]

# 본문에서 인용하는 값
silu_grad_at_0 = grads[0.0]
silu_grad_at_m20 = grads[-20.0]
silu_grad_at_m100 = grads[-100.0]
silu_grad_at_20 = grads[20.0]
