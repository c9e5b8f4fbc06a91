"""Sigmoid와 tanh의 함수 모양과 도함수(autograd로 계산)를 그립니다."""

import matplotlib.pyplot as plt
import torch

# --8<-- [start:plot]
x = torch.linspace(-8, 8, 801, requires_grad=True)
curves = {"Sigmoid σ(x)": torch.sigmoid, "Tanh": torch.tanh}

fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(10, 4))
for label, fn in curves.items():
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)  # 도함수는 autograd가 계산한 값
    ax_f.plot(x.detach(), y.detach(), linewidth=2, label=label)
    ax_d.plot(x.detach(), grad, linewidth=2, label=label)

ax_d.axhline(0.25, color="tab:blue", linestyle=":", linewidth=1)
ax_d.annotate("σ′(0) = 0.25", xy=(0, 0.25), xytext=(2.0, 0.45),
              arrowprops=dict(arrowstyle="->", color="tab:blue"), color="tab:blue")
ax_f.set_title("함수")
ax_d.set_title("도함수 (autograd)")
for ax in (ax_f, ax_d):
    ax.set_xlabel("x")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.legend()
fig.tight_layout()
# --8<-- [end:plot]
