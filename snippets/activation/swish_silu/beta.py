"""Swish의 β를 학습되는 파라미터로 두는 법을 보이고, β → 0과 β → ∞의 극한을 잽니다."""

import torch
import torch.nn as nn

# --8<-- [start:trainable]
class Swish(nn.Module):
    """x·σ(βx). β는 학습되는 파라미터입니다(PyTorch에는 β = 1인 nn.SiLU만 있습니다)."""

    def __init__(self, beta=1.0):
        super().__init__()
        self.beta = nn.Parameter(torch.tensor(beta))

    def forward(self, x):
        return x * torch.sigmoid(self.beta * x)


swish = Swish()
x = torch.tensor([-2.0, -1.0, 1.0, 2.0])
swish(x).sum().backward()                  # 출력의 합을 역전파
print("학습되는 파라미터:", [name for name, _ in swish.named_parameters()])
print(f"β = 1에서 nn.SiLU와 같은가: {torch.allclose(swish(x), nn.SiLU()(x))}")
print(f"β가 받은 기울기: {swish.beta.grad.item():.4f}")
# --8<-- [end:trainable]

# --8<-- [start:limits]
x = torch.linspace(-5, 5, 1_000_001, dtype=torch.float64)   # 0.00001 간격


def swish_beta(x, beta):
    return x * torch.sigmoid(beta * x)


print("β가 작을 때: 최대 |Swish_β − x/2|")
gap_linear = {}
for beta in [1.0, 0.1, 0.01, 0.001]:
    gap_linear[beta] = (swish_beta(x, beta) - x / 2).abs().max().item()
    print(f"  β = {beta:<6} {gap_linear[beta]:.2e}")

print("β가 클 때: 최대 |Swish_β − ReLU|")
gap_relu = {}
for beta in [1.0, 10.0, 100.0, 1000.0]:
    gap_relu[beta] = (swish_beta(x, beta) - torch.relu(x)).abs().max().item()
    print(f"  β = {beta:<6} {gap_relu[beta]:.2e}")
# --8<-- [end:limits]

# 본문에서 인용하는 값
beta_grad = swish.beta.grad.item()
gap_linear_small = gap_linear[0.001]   # β = 0.001일 때 x/2와의 최대 차이
gap_relu_large = gap_relu[1000.0]      # β = 1000일 때 ReLU와의 최대 차이
gap_relu_silu = gap_relu[1.0]          # SiLU(β = 1)와 ReLU의 최대 차이
