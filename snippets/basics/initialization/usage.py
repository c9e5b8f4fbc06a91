"""He 초기화를 모델 전체에 적용하는 방법."""

import torch
import torch.nn as nn

# --8<-- [start:usage]
torch.manual_seed(0)


def init_he(module):
    if isinstance(module, (nn.Linear, nn.Conv2d)):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")   # Var[w] = 2 / fan_in
        nn.init.zeros_(module.bias)
    # Leaky ReLU·PReLU(a = 0.25): nn.init.kaiming_normal_(w, a=0.25, nonlinearity="leaky_relu")
    # tanh: nn.init.xavier_normal_(w, gain=nn.init.calculate_gain("tanh"))


model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
model.apply(init_he)
for name, p in model.named_parameters():
    if name.endswith("weight"):
        print(f"{name:<8} fan_in = {p.shape[1]:>3}   fan_in·Var[w] = {p.shape[1] * p.var().item():.3f}")
# --8<-- [end:usage]
