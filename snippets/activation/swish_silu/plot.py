"""Swish x·σ(βx)를 β에 따라 그리고, β = 1인 SiLU를 ReLU, GELU와 비교합니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

# --8<-- [start:plot]
x = torch.linspace(-6, 6, 1201, requires_grad=True)

fig, (ax_b, ax_f, ax_d) = plt.subplots(1, 3, figsize=(12, 3.8))
BETAS = (0.5, 1.0, 2.0, 10.0)
for beta in BETAS:
    y = x * torch.sigmoid(beta * x)
    ax_b.plot(x.detach(), y.detach(), linewidth=2 if beta == 1.0 else 1.3,
              label=f"β = {beta:g}" + (" (SiLU)" if beta == 1.0 else ""))
ax_b.plot(x.detach(), F.relu(x).detach(), color="gray", linewidth=4, alpha=0.3, label="ReLU")
ax_b.set_title("Swish: x·σ(βx)")
ax_b.set_ylim(-1, 4)

curves = {"ReLU": (F.relu, dict(color="gray", linewidth=4, alpha=0.35)),
          "SiLU": (F.silu, dict(linewidth=2)),
          "GELU": (F.gelu, dict(linewidth=1.5, linestyle="--"))}
for label, (fn, style) in curves.items():
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)  # 도함수는 autograd가 계산한 값
    ax_f.plot(x.detach(), y.detach(), label=label, **style)
    ax_d.plot(x.detach(), grad, label=label, **style)
ax_f.set_title("SiLU와 GELU")
ax_f.set_ylim(-1, 4)
ax_d.set_title("도함수 (autograd)")
for ax in (ax_b, ax_f, ax_d):
    ax.set_xlabel("x")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.legend(fontsize=9)
fig.tight_layout()
# --8<-- [end:plot]

# 본문에서 인용하는 값
beta_max = max(BETAS)
