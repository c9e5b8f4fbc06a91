"""깊은 MLP의 층별 가중치 기울기 크기: 활성화 함수(Sigmoid, Tanh, ReLU)와 초기화(기본, Xavier, He)별로 잽니다."""

import math

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter
import torch
import torch.nn as nn

# --8<-- [start:setup]
WIDTH, BATCH = 128, 256
ACTIVATIONS = {"Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh, "ReLU": nn.ReLU}


def make_mlp(depth, act, init):
    """너비 WIDTH의 은닉층 depth개 + 출력층 1개.
    init: "default"(PyTorch 기본), "xavier"(Glorot 정규분포, 편향 0),
          "he"(Kaiming 정규분포, ReLU용, 편향 0)"""
    layers = []
    for _ in range(depth):
        linear = nn.Linear(WIDTH, WIDTH)
        if init == "xavier":
            nn.init.xavier_normal_(linear.weight)
            nn.init.zeros_(linear.bias)
        elif init == "he":
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
            nn.init.zeros_(linear.bias)
        layers += [linear, ACTIVATIONS[act]()]
    layers.append(nn.Linear(WIDTH, 1))
    return nn.Sequential(*layers)


def hidden_grad_norms(net, depth):
    """표준정규분포 입력과 목표값으로 MSE 손실을 한 번 역전파하고,
    은닉층마다 ‖∂L/∂W_l‖을 돌려줍니다."""
    x, target = torch.randn(BATCH, WIDTH), torch.randn(BATCH, 1)
    nn.functional.mse_loss(net(x), target).backward()
    hidden = [m for m in net if isinstance(m, nn.Linear)][:depth]
    return [layer.weight.grad.norm().item() for layer in hidden]
# --8<-- [end:setup]

# --8<-- [start:figure]
SETTINGS = [("Sigmoid", "default"), ("Sigmoid", "xavier"),
            ("Tanh", "default"), ("Tanh", "xavier"),
            ("ReLU", "default"), ("ReLU", "he")]
INIT_NAMES = {"default": "기본 초기화", "xavier": "Xavier", "he": "He"}
COLORS = {"Sigmoid": "tab:blue", "Tanh": "tab:orange", "ReLU": "tab:green"}
FIGURE_DEPTHS = (5, 10, 20)       # 패널마다 은닉층 수

fig, axes = plt.subplots(1, len(FIGURE_DEPTHS), figsize=(14, 4.6))
for ax, depth in zip(axes, FIGURE_DEPTHS):
    for act, init in SETTINGS:
        torch.manual_seed(0)
        norms = hidden_grad_norms(make_mlp(depth, act, init), depth)
        ax.plot(range(1, depth + 1), norms, marker="o", markersize=3.5, linewidth=1.8,
                color=COLORS[act], linestyle="-" if init == "default" else "--",
                label=f"{act} ({INIT_NAMES[init]})")
    ax.set_yscale("log")
    # 눈금을 1e-16처럼 표시합니다.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"1e{math.log10(v):.0f}"))
    ax.set_xlabel(f"은닉층 번호 (1 = 입력 쪽, {depth} = 출력 쪽)")
    ax.set_xticks(range(1, depth + 1, 1 if depth <= 10 else 2))
    ax.set_title(f"은닉층 {depth}개")
    ax.grid(alpha=0.3)
axes[0].set_ylabel("가중치 기울기 크기 (로그 눈금)")
fig.suptitle("은닉층별 가중치 기울기 크기 (시드 0, 학습 전)")
handles, labels = axes[0].get_legend_handles_labels()
fig.legend(handles, labels, fontsize=9, ncol=len(SETTINGS), loc="lower center")
fig.tight_layout(rect=(0, 0.08, 1, 1))
# --8<-- [end:figure]

# --8<-- [start:ratio]
# 비율 = ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ (첫 은닉층 / 마지막 은닉층). 시드 0, 1, 2의 기하평균.
DEPTHS, SEEDS = (5, 10, 20), (0, 1, 2)
ratios = {}
print(" | ".join(f"은닉층 {d:>2}개" for d in DEPTHS) + " | 설정")
for act, init in SETTINGS:
    row = []
    for depth in DEPTHS:
        logs = []
        for seed in SEEDS:
            torch.manual_seed(seed)
            norms = hidden_grad_norms(make_mlp(depth, act, init), depth)
            logs.append(math.log(norms[0] / norms[-1]))
        ratios[(act, init, depth)] = math.exp(sum(logs) / len(logs))
        row.append(ratios[(act, init, depth)])
    label = f"{act} ({INIT_NAMES[init]})"
    print(" | ".join(f"{r:>8.1e}" for r in row) + f" | {label}")
# --8<-- [end:ratio]

# --8<-- [start:explorer]
# 움직여 보는 그림의 데이터: 은닉층 수마다 층별 기울기 크기(시드 0). 한 줄에 한 기록, 탭으로 구분합니다.
EXPLORER_DEPTHS = (2, 3, 5, 8, 10, 15, 20, 30)
print("explorer\t은닉층 수\t은닉층 번호 (1 = 입력 쪽)\t가중치 기울기 크기\tlog\t은닉층 10개")
explorer_norms = {}
for depth in EXPLORER_DEPTHS:
    step = f"은닉층 {depth}개"
    print(f"x\t{step}\t" + " ".join(str(layer) for layer in range(1, depth + 1)))
    for act, init in SETTINGS:
        torch.manual_seed(0)
        explorer_norms[act, init, depth] = hidden_grad_norms(make_mlp(depth, act, init), depth)
        print(f"{act} ({INIT_NAMES[init]})\t{step}\t" + " ".join(f"{v:.6g}" for v in explorer_norms[act, init, depth]))

fig, ax = plt.subplots(figsize=(6.4, 3.8))      # 정지 그림: 은닉층 10개
for act, init in SETTINGS:
    ax.plot(range(1, 11), explorer_norms[act, init, 10], marker="o", markersize=3, color=COLORS[act],
            linestyle="-" if init == "default" else "--", label=f"{act} ({INIT_NAMES[init]})")
ax.set_yscale("log")
ax.set_xlabel("은닉층 번호 (1 = 입력 쪽)")
ax.set_ylabel("가중치 기울기 크기")
ax.set_title("은닉층 10개 (시드 0, 학습 전)")
ax.grid(alpha=0.3)
ax.legend(fontsize=7, ncol=2)
fig.tight_layout()
# --8<-- [end:explorer]

# 본문에서 인용하는 값: ratio_<활성화>_<초기화>_<깊이>
for (act, init, d), r in ratios.items():
    globals()[f"ratio_{act.lower()}_{init}_{d}"] = r

depth_short, depth_mid, depth_deep = DEPTHS
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
