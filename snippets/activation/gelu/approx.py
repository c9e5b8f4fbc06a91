"""GELU의 정의(erf)와 tanh 근사를 직접 구현해 PyTorch와 비교하고, 둘의 최대 차이와 기울기를 잽니다."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:formula]
x = torch.linspace(-10, 10, 200_001, dtype=torch.float64)   # 0.0001 간격


def gelu_erf(x):
    """GELU(x) = x·Φ(x), Φ는 표준정규분포의 누적분포함수."""
    return 0.5 * x * (1 + torch.erf(x / math.sqrt(2)))


def gelu_tanh(x):
    """Hendrycks & Gimpel(2016)의 tanh 근사."""
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


print(f"직접 구현 erf  vs F.gelu(x)                    : {(gelu_erf(x) - F.gelu(x)).abs().max().item():.1e}")
print(f"직접 구현 tanh vs F.gelu(x, approximate='tanh'): "
      f"{(gelu_tanh(x) - F.gelu(x, approximate='tanh')).abs().max().item():.1e}")
# --8<-- [end:formula]

# --8<-- [start:difference]
diff = (F.gelu(x) - F.gelu(x, approximate="tanh")).abs()
max_diff = diff.max().item()
max_diff_at = abs(x[diff.argmax()].item())   # 차이는 ±x에서 대칭입니다
print(f"float64, x ∈ [−10, 10]: 최대 |erf − tanh| = {max_diff:.2e} (x = ±{max_diff_at:.3f})")

x32 = x.float()
diff32 = (F.gelu(x32) - F.gelu(x32, approximate="tanh")).abs()
max_diff_f32 = diff32.max().item()
print(f"float32, 같은 구간      : 최대 |erf − tanh| = {max_diff_f32:.2e}")
# --8<-- [end:difference]

# --8<-- [start:gradients]
def grad_at(value, approximate="none"):
    t = torch.tensor(value, dtype=torch.float64, requires_grad=True)
    F.gelu(t, approximate=approximate).backward()
    return t.grad.item()


print(f"{'x':>6} | {'GELU(x)':>10} | {'GELU′(x) erf':>13} | {'GELU′(x) tanh':>13}")
grads = {}
for value in [-10.0, -3.0, -1.0, 0.0, 1.0, 3.0, 10.0]:
    grads[value] = (grad_at(value), grad_at(value, "tanh"))
    out = F.gelu(torch.tensor(value, dtype=torch.float64)).item() + 0.0  # -0.0을 0.0으로
    print(f"{value:>6.0f} | {out:>10.4g} | {grads[value][0]:>13.4g} | {grads[value][1]:>13.4g}")

y = F.gelu(x)
gelu_min = y.min().item()
gelu_min_at = x[y.argmin()].item()
print(f"GELU의 최솟값: {gelu_min:.4f} (x = {gelu_min_at:.4f}), 이보다 왼쪽에서는 기울기가 음수")
xg = x.clone().requires_grad_()
(dy,) = torch.autograd.grad(F.gelu(xg).sum(), xg)
gelu_grad_max = dy.max().item()
gelu_grad_max_at = x[dy.argmax()].item()
print(f"GELU′의 최댓값: {gelu_grad_max:.4f} (x = {gelu_grad_max_at:.4f})")
# --8<-- [end:gradients]

# --8<-- [start:transformer]
layer = nn.TransformerEncoderLayer(d_model=16, nhead=2)
print("nn.TransformerEncoderLayer 기본 활성화:", layer.activation.__name__)
layer_gelu = nn.TransformerEncoderLayer(d_model=16, nhead=2, activation="gelu")
print("activation='gelu'로 바꾸면        :", layer_gelu.activation.__name__)
# --8<-- [end:transformer]

# 본문에서 인용하는 값
gelu_grad_at_0 = grads[0.0][0]
gelu_grad_at_m10 = grads[-10.0][0]
gelu_grad_at_m3 = grads[-3.0][0]
gelu_grad_at_m1 = grads[-1.0][0]
gelu_grad_at_10 = grads[10.0][0]
