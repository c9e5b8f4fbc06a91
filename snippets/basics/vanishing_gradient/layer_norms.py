"""깊은 MLP의 층별 가중치 기울기 크기: 활성화 함수(Sigmoid, Tanh, ReLU, Leaky ReLU, ELU)와 초기화(기본, Xavier, He)별로 잽니다."""

import math

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter
import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:setup]
WIDTH, BATCH = 128, 256
ACTIVATIONS = {"Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh, "ReLU": nn.ReLU,
               "Leaky ReLU": lambda: nn.LeakyReLU(0.01), "ELU": nn.ELU}


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


def seed_log_ratios(act, init, depth):
    """시드마다 log(‖∂L/∂W₁‖ / ‖∂L/∂W_L‖)."""
    logs = []
    for seed in SEEDS:
        torch.manual_seed(seed)
        norms = hidden_grad_norms(make_mlp(depth, act, init), depth)
        logs.append(math.log(norms[0] / norms[-1]))
    return logs


ratios, seed_logs = {}, {}
print(" | ".join(f"은닉층 {d:>2}개" for d in DEPTHS) + " | 설정")
for act, init in SETTINGS:
    row = []
    for depth in DEPTHS:
        logs = seed_log_ratios(act, init, depth)
        seed_logs[(act, init, depth)] = logs
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

# --8<-- [start:tanh_vs_sigmoid]
# "Tanh는 Sigmoid보다 기울기 소실이 덜하다": 은닉층 20개에서 시드마다 잰 log(비율)을 판정 규칙으로 비교합니다.
tanh_vs_sigmoid = {}
for init in ("default", "xavier"):
    tanh_vs_sigmoid[init] = verdicts.compare(seed_logs[("Tanh", init, DEPTHS[-1])],
                                             seed_logs[("Sigmoid", init, DEPTHS[-1])], digits=1)
    print(f"log 비율, Tanh − Sigmoid ({INIT_NAMES[init]}): {tanh_vs_sigmoid[init]}")
# 조건마다: tanh의 비율이 sigmoid보다 크고(덜 줄고) 그 차이가 구별되는가
tanh_less_vanishing = verdicts.claim(
    default_init=verdicts.claim_of_difference(tanh_vs_sigmoid["default"], +1).verdict == verdicts.HOLDS,
    xavier_init=verdicts.claim_of_difference(tanh_vs_sigmoid["xavier"], +1).verdict == verdicts.HOLDS,
)
print(f"주장 \"Tanh: Sigmoid보다 기울기 소실 덜함\": {tanh_less_vanishing}")
# --8<-- [end:tanh_vs_sigmoid]

# --8<-- [start:no_vanishing]
# "X: 기울기 소실 없음"을 ReLU, Leaky ReLU(기울기 0.01), ELU에 같은 세 조건으로 잽니다.
#   함수: 큰 |x|(x = ±100)에서도 도함수가 0이 아니고, |x| = 1일 때보다 작아지지 않는가
#   기본 초기화: 은닉층 20개 MLP의 첫/마지막 은닉층 기울기 비율이 소실(verdicts.vanishes)이 아닌가
#   He 초기화: 같은 MLP를 He 초기화로 만들었을 때 소실이 아닌가
def derivative(act, x):
    """활성화 함수의 도함수 f'(x)를 자동 미분으로 구합니다(float64)."""
    x = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
    ACTIVATIONS[act]()(x).backward()
    return x.grad.item()


deep = DEPTHS[-1]
no_vanishing = {}
print(f"설정        | f'(-100)  | f'(100) | 기본 초기화 비율 | He 초기화 비율 | 판정 (은닉층 {deep}개)")
for act in ("ReLU", "Leaky ReLU", "ELU"):
    for init in ("default", "he"):
        if (act, init, deep) not in ratios:          # ReLU는 위에서 이미 잰 값을 씁니다
            logs = seed_log_ratios(act, init, deep)
            ratios[(act, init, deep)] = math.exp(sum(logs) / len(logs))
    does_not_shrink = all(derivative(act, 100 * side) > 0
                          and derivative(act, 100 * side) >= derivative(act, side) for side in (-1, 1))
    no_vanishing[act] = verdicts.claim(
        function=does_not_shrink,
        default_init=not verdicts.vanishes(ratios[(act, "default", deep)]),
        he_init=not verdicts.vanishes(ratios[(act, "he", deep)]),
    )
    print(f"{act:<11} | {derivative(act, -100):9.1e} | {derivative(act, 100):7.2f} | "
          f"{ratios[(act, 'default', deep)]:16.1e} | {ratios[(act, 'he', deep)]:14.2f} | {no_vanishing[act]}")
# --8<-- [end:no_vanishing]

# 본문에서 인용하는 값: ratio_<활성화>_<초기화>_<깊이>
for (act, init, d), r in ratios.items():
    globals()[f"ratio_{act.lower().replace(' ', '_')}_{init}_{d}"] = r

# 판정: "X: 기울기 소실 없음"과 "Tanh: Sigmoid보다 기울기 소실 덜함"
relu_no_vanishing = no_vanishing["ReLU"]
leaky_relu_no_vanishing = no_vanishing["Leaky ReLU"]
elu_no_vanishing = no_vanishing["ELU"]
tanh_vs_sigmoid_default = tanh_vs_sigmoid["default"]
tanh_vs_sigmoid_xavier = tanh_vs_sigmoid["xavier"]
vanishing_threshold = verdicts.VANISHING_RATIO
relu_grad_m100 = derivative("ReLU", -100)
leaky_relu_grad_m100 = derivative("Leaky ReLU", -100)
elu_grad_m100 = derivative("ELU", -100)

depth_short, depth_mid, depth_deep = DEPTHS
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
