"""ReLU 계열과 sigmoid, tanh의 함수 모양과 도함수(autograd로 계산)를 한 그림에 그립니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

# --8<-- [start:plot]
x = torch.linspace(-4, 7, 1101, requires_grad=True)
activations = {
    "ReLU": nn.ReLU(),
    "Leaky ReLU (기울기 0.1)": nn.LeakyReLU(0.1),
    "ELU": nn.ELU(),
    "ReLU6": nn.ReLU6(),
    "Sigmoid": nn.Sigmoid(),
    "Tanh": nn.Tanh(),
}

fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(10, 4))
for name, fn in activations.items():
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    ax_f.plot(x.detach(), y.detach(), label=name, linewidth=1.8)
    ax_d.plot(x.detach(), grad, label=name, linewidth=1.8)

ax_f.set_title("함수 f(x)")
ax_d.set_title("도함수 f'(x) (autograd)")
for ax in (ax_f, ax_d):
    ax.set_xlabel("x")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
ax_f.set_ylim(-2, 7)
ax_d.set_ylim(-0.1, 1.2)
ax_d.legend(loc="upper left", fontsize=8)
# --8<-- [end:plot]
