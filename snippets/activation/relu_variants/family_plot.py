"""Softplus, Mish, Hardsigmoid, Hardswish, 제곱 ReLU의 함수 모양과 도함수(autograd)를 ReLU와 함께 그립니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:plot]
x = torch.linspace(-5, 4, 1801, requires_grad=True)
curves = {
    "ReLU": (nn.ReLU(), dict(color="gray", linewidth=4.0, alpha=0.35)),
    "Softplus": (nn.Softplus(), dict(linewidth=1.8)),
    "Mish": (nn.Mish(), dict(linewidth=1.8, linestyle="--")),
    "SiLU (비교)": (nn.SiLU(), dict(linewidth=1.2, color="black", linestyle=":")),
    "Hardswish": (nn.Hardswish(), dict(linewidth=1.8, linestyle="-.")),
    "Hardsigmoid": (nn.Hardsigmoid(), dict(linewidth=1.8)),
    "제곱 ReLU": (lambda t: F.relu(t).square(), dict(linewidth=1.8)),
}
fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(10, 4.4))
for label, (fn, style) in curves.items():
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    ax_f.plot(x.detach(), y.detach(), label=label, **style)
    ax_d.plot(x.detach(), grad, label=label, **style)
ax_f.set_title("함수 f(x)")
ax_d.set_title("도함수 f′(x) (autograd)")
for ax in (ax_f, ax_d):
    ax.set_xlabel("x")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
ax_f.set_ylim(-1.0, 4.2)
ax_d.set_ylim(-0.6, 2.2)
handles, labels = ax_f.get_legend_handles_labels()
fig.legend(handles, labels, loc="lower center", ncol=7, fontsize=9, frameon=False)
fig.tight_layout(rect=(0, 0.06, 1, 1))
# --8<-- [end:plot]
