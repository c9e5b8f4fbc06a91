"""ReLU 계열과 sigmoid, tanh의 함수 모양과 도함수(autograd로 계산)를 한 그림에 그립니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

# --8<-- [start:plot]
x = torch.linspace(-4, 7, 1101, requires_grad=True)
# Leaky ReLU는 음수 쪽이 눈에 보이도록 기울기를 키워 그립니다(PyTorch 기본값은 0.01).
LEAKY_SLOPE = 0.1
# 양수 쪽에서 ReLU 계열 곡선이 겹치므로 선 모양을 다르게 합니다.
activations = {
    "ReLU": (nn.ReLU(), dict(linewidth=4.0, alpha=0.45)),
    f"Leaky ReLU (기울기 {LEAKY_SLOPE})": (nn.LeakyReLU(LEAKY_SLOPE), dict(linewidth=1.8, linestyle="--")),
    "ELU (α=1)": (nn.ELU(), dict(linewidth=1.8, linestyle="-.")),
    "ReLU6": (nn.ReLU6(), dict(linewidth=2.2, linestyle=":")),
    "Sigmoid": (nn.Sigmoid(), dict(linewidth=1.8)),
    "Tanh": (nn.Tanh(), dict(linewidth=1.8)),
}

fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(10, 4.4))
for label, (fn, style) in activations.items():
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
ax_f.set_ylim(-1.5, 7.2)
ax_d.set_ylim(-0.08, 1.15)
handles, labels = ax_f.get_legend_handles_labels()
fig.legend(handles, labels, loc="lower center", ncol=6, fontsize=9, frameon=False)
fig.tight_layout(rect=(0, 0.06, 1, 1))
# --8<-- [end:plot]
