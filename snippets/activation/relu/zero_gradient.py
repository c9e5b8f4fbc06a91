"""x = 0(그리고 ReLU6의 x = 6)에서 autograd가 실제로 돌려주는 기울기를 구현마다 확인합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:at_zero]
def grad_at(fn, value):
    """fn을 스칼라 value에서 역전파해 autograd가 돌려주는 기울기를 얻습니다."""
    x = torch.tensor(value, requires_grad=True)
    fn(x).backward()
    return x.grad.item()


implementations = {
    "F.relu(x)": F.relu,
    "nn.ReLU()(x)": nn.ReLU(),
    "torch.clamp(x, min=0)": lambda x: torch.clamp(x, min=0),
    "torch.maximum(x, zeros_like(x))": lambda x: torch.maximum(x, torch.zeros_like(x)),
    "x * (x > 0)": lambda x: x * (x > 0),
    "torch.where(x > 0, x, 0)": lambda x: torch.where(x > 0, x, torch.zeros_like(x)),
    "nn.LeakyReLU(0.01)(x)": nn.LeakyReLU(0.01),
    "nn.PReLU()(x)": nn.PReLU(),
    "nn.ELU()(x)": nn.ELU(),
    "nn.ReLU6()(x)": nn.ReLU6(),
}
grads = {name: grad_at(fn, 0.0) for name, fn in implementations.items()}
for name, g in grads.items():
    print(f"{name:<32} x=0 에서 기울기: {g:.4g}")

relu6_grad_at_six = grad_at(nn.ReLU6(), 6.0)
print(f"{'nn.ReLU6()(x)':<32} x=6 에서 기울기: {relu6_grad_at_six:.4g}")
# --8<-- [end:at_zero]

# 본문에서 인용하는 값
relu_grad_at_zero = grads["F.relu(x)"]
clamp_grad_at_zero = grads["torch.clamp(x, min=0)"]
maximum_grad_at_zero = grads["torch.maximum(x, zeros_like(x))"]
mask_grad_at_zero = grads["x * (x > 0)"]
where_grad_at_zero = grads["torch.where(x > 0, x, 0)"]
leaky_grad_at_zero = grads["nn.LeakyReLU(0.01)(x)"]
prelu_grad_at_zero = grads["nn.PReLU()(x)"]
elu_grad_at_zero = grads["nn.ELU()(x)"]
relu6_grad_at_zero = grads["nn.ReLU6()(x)"]

# 원문 주장 "x = 0에서 ReLU의 미분은 구현에서 0으로 처리한다"의 판정: ReLU를 만드는 여섯 가지 구현마다 봅니다
zero_grad_claim = verdicts.claim(
    f_relu=relu_grad_at_zero == 0,            # F.relu가 x = 0에서 기울기 0을 돌려주는가
    nn_relu=grads["nn.ReLU()(x)"] == 0,       # nn.ReLU가 x = 0에서 기울기 0을 돌려주는가
    clamp=clamp_grad_at_zero == 0,            # torch.clamp(x, min=0)이 x = 0에서 기울기 0을 돌려주는가
    maximum=maximum_grad_at_zero == 0,        # torch.maximum(x, 0)이 x = 0에서 기울기 0을 돌려주는가
    mask=mask_grad_at_zero == 0,              # x * (x > 0)이 x = 0에서 기울기 0을 돌려주는가
    where=where_grad_at_zero == 0,            # torch.where(x > 0, x, 0)이 x = 0에서 기울기 0을 돌려주는가
)
