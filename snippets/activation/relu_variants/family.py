"""ReLU 가족의 나머지: Softplus, Mish, Hardsigmoid/Hardswish, 제곱 ReLU의 식을 PyTorch 구현과 맞대어 확인합니다."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:check]
x = torch.linspace(-8, 8, 16_001, dtype=torch.float64, requires_grad=True)


def grad_of(fn):
    (g,) = torch.autograd.grad(fn(x).sum(), x)
    return g


def max_diff(a, b):
    return (a - b).abs().max().item()


# Softplus: log(1 + eˣ). 도함수가 정확히 sigmoid입니다.
softplus_grad_vs_sigmoid = max_diff(grad_of(nn.Softplus()), torch.sigmoid(x))
softplus_gap_max = (F.softplus(x) - F.relu(x)).max().item()     # ReLU와의 차이는 x = 0에서 가장 큼
# Mish: x · tanh(softplus(x))
mish_formula = max_diff(nn.Mish()(x), x * torch.tanh(F.softplus(x)))
# Hardsigmoid = ReLU6(x + 3) / 6,  Hardswish = x · Hardsigmoid(x)  (MobileNetV3)
hardsigmoid_formula = max_diff(nn.Hardsigmoid()(x), F.relu6(x + 3) / 6)
hardswish_formula = max_diff(nn.Hardswish()(x), x * F.relu6(x + 3) / 6)
hardswish_vs_silu = max_diff(nn.Hardswish()(x), F.silu(x))          # 근사하려는 함수 SiLU와의 차이
print(f"Softplus′(x) − sigmoid(x)의 최대 차이:   {softplus_grad_vs_sigmoid:.1e}")
print(f"Softplus(x) − ReLU(x)의 최댓값:          {softplus_gap_max:.4f}   (x = 0에서 ln 2 = {math.log(2):.4f})")
print(f"nn.Mish와 x·tanh(softplus(x))의 차이:     {mish_formula:.1e}")
print(f"nn.Hardsigmoid와 ReLU6(x + 3)/6의 차이:   {hardsigmoid_formula:.1e}")
print(f"nn.Hardswish와 x·ReLU6(x + 3)/6의 차이:   {hardswish_formula:.1e}")
print(f"Hardswish와 SiLU의 최대 차이:             {hardswish_vs_silu:.3f}")
# --8<-- [end:check]

# --8<-- [start:at_zero]
functions = {
    "Softplus": nn.Softplus(),
    "Mish": nn.Mish(),
    "Hardsigmoid": nn.Hardsigmoid(),
    "Hardswish": nn.Hardswish(),
    "제곱 ReLU": lambda t: F.relu(t).square(),
}
grad_at_zero, minimum = {}, {}
print("함수        | 최솟값(x ∈ [−8, 8]) | x = 0 기울기")
for name, fn in functions.items():
    y = fn(x).detach()
    z = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    (g0,) = torch.autograd.grad(fn(z).sum(), z)
    grad_at_zero[name], minimum[name] = g0.item(), y.min().item()
    print(f"{name:<11} | {y.min().item():19.4f} | {g0.item():.4f}")
# --8<-- [end:at_zero]

softplus_grad_0 = grad_at_zero["Softplus"]
mish_grad_0 = grad_at_zero["Mish"]
hardsigmoid_grad_0 = grad_at_zero["Hardsigmoid"]
hardswish_grad_0 = grad_at_zero["Hardswish"]
relu2_grad_0 = grad_at_zero["제곱 ReLU"]
mish_min = minimum["Mish"]
hardswish_min = minimum["Hardswish"]
ln2 = math.log(2)

# 흔히 하는 말 vs 측정 결과의 판정
softplus_claim = verdicts.claim(
    # Softplus의 autograd 도함수가 sigmoid와 (반올림 오차 안에서) 같은가
    grad_is_sigmoid=torch.allclose(grad_of(nn.Softplus()), torch.sigmoid(x)),
)
hardswish_vs_relu = max_diff(nn.Hardswish()(x), F.relu(x))  # 비교 대상: ReLU와의 최대 차이
hardswish_claim = verdicts.claim(
    closer_to_silu=hardswish_vs_silu < hardswish_vs_relu,  # Hardswish가 ReLU보다 SiLU에 더 가까운가 (최대 차이로)
)
