"""Leaky ReLU, PReLU, ELU, ReLU6, SELU의 함수 모양과 도함수(autograd로 계산)를 그립니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

# --8<-- [start:plot]
x = torch.linspace(-5, 8, 1301, requires_grad=True)
LEAKY_SLOPE = 0.1   # 음수 쪽이 보이도록 키운 기울기(PyTorch 기본값은 0.01)
PRELU_INIT = 0.25   # 학습 전 α
variants = {
    "ReLU": (nn.ReLU(), dict(color="gray", linewidth=4.0, alpha=0.35)),
    f"Leaky ReLU (α={LEAKY_SLOPE})": (nn.LeakyReLU(LEAKY_SLOPE), dict(linewidth=1.8, linestyle="--")),
    f"PReLU (초깃값 α={PRELU_INIT})": (nn.PReLU(init=PRELU_INIT), dict(linewidth=1.8, linestyle="-.")),
    "ELU (α=1)": (nn.ELU(), dict(linewidth=1.8)),
    "ReLU6": (nn.ReLU6(), dict(linewidth=2.2, linestyle=":")),
    "SELU": (nn.SELU(), dict(linewidth=1.8)),
}

fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(10, 4.4))
for label, (fn, style) in variants.items():
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)  # 도함수는 autograd가 계산한 값
    ax_f.plot(x.detach(), y.detach(), label=label, **style)
    ax_d.plot(x.detach(), grad, label=label, **style)

ax_f.set_title("함수 f(x)")
ax_d.set_title("도함수 f′(x) (autograd)")
for ax in (ax_f, ax_d):
    ax.set_xlabel("x")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
ax_f.set_ylim(-2.0, 8.2)
ax_d.set_ylim(-0.1, 1.9)
handles, labels = ax_f.get_legend_handles_labels()
fig.legend(handles, labels, loc="lower center", ncol=6, fontsize=9, frameon=False)
fig.tight_layout(rect=(0, 0.06, 1, 1))
# --8<-- [end:plot]
