"""GELU(정확한 erf 형태), tanh 근사, ReLU의 함수 모양과 도함수, 그리고 두 GELU의 차이를 그립니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

# --8<-- [start:plot]
x = torch.linspace(-5, 5, 2001, dtype=torch.float64, requires_grad=True)
curves = {
    "ReLU": (F.relu(x), dict(color="gray", linewidth=4, alpha=0.35)),
    "GELU (erf)": (F.gelu(x), dict(linewidth=2)),
    "GELU (tanh 근사)": (F.gelu(x, approximate="tanh"), dict(linewidth=1.5, linestyle="--")),
}

fig, (ax_f, ax_d, ax_e) = plt.subplots(1, 3, figsize=(12, 3.8))
for label, (y, style) in curves.items():
    (grad,) = torch.autograd.grad(y.sum(), x)  # 도함수는 autograd가 계산한 값
    ax_f.plot(x.detach(), y.detach(), label=label, **style)
    ax_d.plot(x.detach(), grad, label=label, **style)
diff = (curves["GELU (erf)"][0] - curves["GELU (tanh 근사)"][0]).detach()
ax_e.plot(x.detach(), diff, color="tab:red", linewidth=1.5)

ax_f.set_title("함수")
ax_d.set_title("도함수 (autograd)")
ax_e.set_title("GELU(erf) − GELU(tanh 근사)")
ax_f.set_ylim(-0.6, 3)
for ax in (ax_f, ax_d, ax_e):
    ax.set_xlabel("x")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
ax_f.legend(fontsize=9)
ax_d.legend(fontsize=9)
fig.tight_layout()
# --8<-- [end:plot]
