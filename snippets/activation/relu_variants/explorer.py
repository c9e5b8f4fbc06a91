"""움직여 보는 그림의 데이터: Leaky ReLU(PReLU)의 기울기 a와 ELU의 α를 바꿔 가며 함수와 도함수를 계산합니다.

각 구역은 값의 표를 출력하고(페이지의 그림이 이 점들을 그립니다), 기본값 하나의 정지 그림을 그립니다.
도함수는 autograd로 구하므로 x = 0에서의 값도 PyTorch의 약속 그대로입니다.
"""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

X = torch.linspace(-4, 4, 33, dtype=torch.float64)   # 0.25 간격, x = 0 포함


def curves(fn):
    """fn(x)와 autograd로 구한 fn'(x)"""
    x = X.clone().requires_grad_(True)
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    return y.detach().tolist(), grad.tolist()


def print_table(slider, default, steps):
    """한 줄에 한 기록: 'explorer' 머리줄, 단계마다 x 줄과 계열 줄(탭으로 구분, 숫자는 공백으로)."""
    print(f"explorer\t{slider}\tx\t값\tlinear\t{default}")
    for label, (f, df) in steps.items():
        print(f"x\t{label}\t" + " ".join(f"{v:g}" for v in X.tolist()))
        print(f"f(x)\t{label}\t" + " ".join(f"{v + 0.0:.6g}" for v in f))  # + 0.0: -0 → 0
        print(f"f'(x) (autograd)\t{label}\t" + " ".join(f"{v + 0.0:.6g}" for v in df))


def still(title, f, df):
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(X, f, label="f(x)", color="tab:blue", linewidth=2)
    ax.plot(X, df, label="f'(x) (autograd)", color="tab:orange", linestyle="--", marker="o", markersize=3)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()


# --8<-- [start:leaky]
SLOPES = (0.0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)   # a = 0은 ReLU, a = 1은 항등 함수
leaky = {f"a = {a:g}": curves(lambda x, a=a: F.leaky_relu(x, negative_slope=a)) for a in SLOPES}
print_table("Leaky ReLU 기울기 a", "a = 0.01", leaky)
still("Leaky ReLU, a = 0.01", *leaky["a = 0.01"])
# --8<-- [end:leaky]

# --8<-- [start:elu]
ALPHAS = (0.1, 0.25, 0.5, 1.0, 1.5, 2.0)
elu = {f"α = {alpha:g}": curves(lambda x, alpha=alpha: F.elu(x, alpha=alpha)) for alpha in ALPHAS}
print_table("ELU α", "α = 1", elu)
still("ELU, α = 1", *elu["α = 1"])
# --8<-- [end:elu]
