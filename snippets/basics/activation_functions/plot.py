"""Sigmoid, tanh, ReLU의 함수 모양과 autograd로 계산한 도함수를 그립니다."""

import matplotlib.pyplot as plt
import torch

# --8<-- [start:plot]
x = torch.linspace(-5, 5, 1001, requires_grad=True)
functions = {"Sigmoid": torch.sigmoid, "Tanh": torch.tanh, "ReLU": torch.relu}

fig, axes = plt.subplots(1, 3, figsize=(11, 3.6), sharex=True)
for ax, (name, fn) in zip(axes, functions.items()):
    y = fn(x)
    (dy,) = torch.autograd.grad(y.sum(), x)      # 도함수: autograd가 계산한 값
    ax.plot(x.detach(), y.detach(), linewidth=2, label=f"{name}(x)")
    ax.plot(x.detach(), dy, linewidth=2, linestyle="--", label=f"{name}′(x)")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.set_title(name)
    ax.set_xlabel("x")
    ax.legend(loc="upper left", fontsize=9)
axes[0].set_ylim(-0.1, 1.1)
axes[1].set_ylim(-1.1, 1.1)
axes[2].set_ylim(-0.5, 5)
fig.tight_layout()
# --8<-- [end:plot]

# --8<-- [start:ranges]
# 몇 개의 입력에서 출력과 도함수(autograd)를 float64로 계산합니다.
points = torch.tensor([-10.0, -2.0, 0.0, 2.0, 10.0], dtype=torch.float64, requires_grad=True)
grad_at_zero = {}
print(f"{'x':<16}" + "  ".join(f"{v:>9.1f}" for v in points.tolist()))
for name, fn in functions.items():
    y = fn(points)
    (dy,) = torch.autograd.grad(y.sum(), points)
    grad_at_zero[name] = dy[2].item()
    print(f"{name + '(x)':<16}" + "  ".join(f"{v:>9.5f}" for v in y.tolist()))
    print(f"{name + '′(x)':<16}" + "  ".join(f"{v:>9.5f}" for v in dy.tolist()))
sigmoid_grad_max = grad_at_zero["Sigmoid"]   # σ'의 최댓값(x = 0)
tanh_grad_max = grad_at_zero["Tanh"]         # tanh'의 최댓값(x = 0)
# --8<-- [end:ranges]

# 본문에서 인용하는 값
x_far = points.max().item()   # 표에서 가장 먼 입력
