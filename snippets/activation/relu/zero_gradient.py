"""x = 0(그리고 ReLU6의 x = 6)에서 autograd가 실제로 돌려주는 기울기를 구현마다 확인합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:at_zero]
def grad_at(fn, value):
    x = torch.tensor(value, requires_grad=True)
    fn(x).backward()
    return x.grad.item()

implementations = {
    "F.relu(x)": F.relu,
    "nn.ReLU()(x)": nn.ReLU(),
    "torch.clamp(x, min=0)": lambda x: torch.clamp(x, min=0),
    "torch.maximum(x, 0)": lambda x: torch.maximum(x, torch.zeros_like(x)),
    "x * (x > 0)": lambda x: x * (x > 0),
    "torch.where(x > 0, x, 0)": lambda x: torch.where(x > 0, x, torch.zeros_like(x)),
    "nn.LeakyReLU(0.01)(x)": nn.LeakyReLU(0.01),
    "nn.ELU()(x)": nn.ELU(),
    "nn.ReLU6()(x)": nn.ReLU6(),
}
for name, fn in implementations.items():
    print(f"{name:<26} x=0 에서 기울기: {grad_at(fn, 0.0):g}")

relu6 = nn.ReLU6()
print(f"{'nn.ReLU6()(x)':<26} x=6 에서 기울기: {grad_at(relu6, 6.0):g}")

relu_grad_at_zero = grad_at(F.relu, 0.0)
clamp_grad_at_zero = grad_at(lambda x: torch.clamp(x, min=0), 0.0)
maximum_grad_at_zero = grad_at(lambda x: torch.maximum(x, torch.zeros_like(x)), 0.0)
leaky_grad_at_zero = grad_at(nn.LeakyReLU(0.01), 0.0)
elu_grad_at_zero = grad_at(nn.ELU(), 0.0)
relu6_grad_at_six = grad_at(relu6, 6.0)
# --8<-- [end:at_zero]
