"""깊은 ReLU MLP(Linear 층 DEPTH개)에서 층마다 순전파 신호와 역전파 기울기의 크기를 잽니다(기본·Xavier·He 초기화)."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:measure]
DEPTH, WIDTH, BATCH, SEED = 30, 256, 512, 0
INITS = {"기본 (nn.Linear)": "default", "Xavier": "xavier", "He": "he"}
# 층 하나를 지날 때 분산에 곱해지는 이론값: n·Var[w]·½
THEORY = {"default": 1 / 3 * 0.5, "xavier": 1.0 * 0.5, "he": 2.0 * 0.5}


def make_layers(init):
    layers = []
    for _ in range(DEPTH):
        linear = nn.Linear(WIDTH, WIDTH)
        if init == "xavier":
            nn.init.xavier_normal_(linear.weight)
            nn.init.zeros_(linear.bias)
        elif init == "he":
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
            nn.init.zeros_(linear.bias)
        layers.append(linear)          # "default"는 PyTorch 기본값(편향 포함) 그대로
    return layers


def profile(init):
    """층마다 활성화 전 값 z의 제곱 평균 E[z²]과 그 기울기의 제곱 평균 E[(∂L/∂z)²]."""
    torch.manual_seed(SEED)
    layers = make_layers(init)
    h = torch.randn(BATCH, WIDTH)
    zs = []
    for i, linear in enumerate(layers):
        z = linear(h)
        z.retain_grad()
        zs.append(z)
        h = torch.relu(z) if i < DEPTH - 1 else z      # 마지막 층은 출력(활성화 없음)
    upstream = torch.randn(BATCH, WIDTH)                # ∂L/∂(출력) ~ N(0, 1)인 손실 L = Σ 출력·upstream
    (h * upstream).sum().backward()
    forward = [z.pow(2).mean().item() for z in zs]
    backward = [z.grad.pow(2).mean().item() for z in zs]
    return forward, backward


results = {name: profile(init) for name, init in INITS.items()}
print(f"Linear 층 {DEPTH}개, 너비 {WIDTH}, 배치 {BATCH}, 시드 {SEED}")
print("초기화       | 층 1의 E[z²] | 마지막 층 / 층 1 (순전파) | 층 1 / 마지막 층 (역전파)")
for name, (fwd, bwd) in results.items():
    print(f"{name:<12} | {fwd[0]:12.3e} | {fwd[-1] / fwd[0]:25.3e} | {bwd[0] / bwd[-1]:.3e}")
# --8<-- [end:measure]

# --8<-- [start:per_layer]
# 층 하나당 곱해지는 인수: 역전파 기울기(편향이 끼어들지 않음)의 기하평균 비율과 이론값
print("초기화       | 층당 인수 (역전파 측정) | 이론 n·Var[w]·½")
factors = {}
for (name, (fwd, bwd)), init in zip(results.items(), INITS.values()):
    factor = (bwd[0] / bwd[-1]) ** (1 / (DEPTH - 1))
    factors[init] = factor
    print(f"{name:<12} | {factor:23.3f} | {THEORY[init]:.3f}")

# 기본 초기화의 순전파는 0으로 가지 않고 멈춥니다: 편향 분산 1/(3n)이 층마다 더해지기 때문입니다.
# v ← v/6 + 1/(3n)의 고정점은 (1/(3n)) / (1 - 1/6)입니다.
default_bias_var = 1 / (3 * WIDTH)
bias_fixed_point = default_bias_var / (1 - THEORY["default"])
print(f"기본 초기화 마지막 층의 E[z²] = {results['기본 (nn.Linear)'][0][-1]:.3e}, "
      f"편향만으로 정해지는 고정점 = {bias_fixed_point:.3e}")
he_fwd = results["He"][0]
print(f"He: 층별 E[z²]의 최솟값 {min(he_fwd):.3f}, 최댓값 {max(he_fwd):.3f}")
# --8<-- [end:per_layer]

# --8<-- [start:figure]
fig, (ax_f, ax_b) = plt.subplots(1, 2, figsize=(10, 4.2), sharey=True)
layers = range(1, DEPTH + 1)
for name, (fwd, bwd) in results.items():
    ax_f.plot(layers, [v / fwd[0] for v in fwd], marker="o", markersize=3, label=name)
    ax_b.plot(layers, [v / bwd[-1] for v in bwd], marker="o", markersize=3, label=name)
ax_f.set_title("순전파: E[z²] (층 1 = 1)")
ax_b.set_title("역전파: E[(∂L/∂z)²] (마지막 층 = 1)")
for ax in (ax_f, ax_b):
    ax.set_yscale("log")
    ax.set_xlabel("층")
    ax.grid(True, which="major", alpha=0.3)
ax_f.legend()
fig.tight_layout()
# --8<-- [end:figure]

# 본문에서 인용하는 값
fwd_default, bwd_default = results["기본 (nn.Linear)"]
fwd_xavier, bwd_xavier = results["Xavier"]
fwd_he, bwd_he = results["He"]
fwd_ratio_default = fwd_default[-1] / fwd_default[0]
fwd_ratio_xavier = fwd_xavier[-1] / fwd_xavier[0]
fwd_ratio_he = fwd_he[-1] / fwd_he[0]
bwd_ratio_default = bwd_default[0] / bwd_default[-1]
bwd_ratio_xavier = bwd_xavier[0] / bwd_xavier[-1]
bwd_ratio_he = bwd_he[0] / bwd_he[-1]
factor_default, factor_xavier, factor_he = factors["default"], factors["xavier"], factors["he"]
theory_default, theory_xavier = THEORY["default"], THEORY["xavier"]
fwd_default_last = fwd_default[-1]
he_fwd_min, he_fwd_max = min(he_fwd), max(he_fwd)
fwd_he_first = fwd_he[0]

# --8<-- [start:claim]
# "ReLU에는 He 초기화가 맞다"를 He 초기화의 깊은 ReLU MLP에서 잰 두 비율로 판정합니다.
# 소실의 기준은 사이트 공통(verdicts.vanishes)이고 크기(노름)의 비율에 씁니다.
# 위 표의 비율은 제곱 평균의 비율이므로, 그 제곱근이 크기의 비율입니다.
he_bwd_size_ratio = bwd_ratio_he ** 0.5   # 역전파: 첫 층/마지막 층 기울기 크기의 비율
he_fwd_size_ratio = fwd_ratio_he ** 0.5   # 순전파: 마지막 층/첫 층 신호 크기의 비율
he_suits_relu = verdicts.claim(
    backward=not verdicts.vanishes(he_bwd_size_ratio),   # 역전파 크기 비율이 소실이 아닌가
    forward=not verdicts.vanishes(he_fwd_size_ratio),    # 순전파 크기 비율이 소실이 아닌가
)
print(f"He, 역전파: 제곱 평균 비율 {bwd_ratio_he:.3f} → 크기 비율(제곱근) {he_bwd_size_ratio:.2f}")
print(f"He, 순전파: 제곱 평균 비율 {fwd_ratio_he:.3f} → 크기 비율(제곱근) {he_fwd_size_ratio:.2f}")
print(f"소실 기준: 크기 비율 {verdicts.VANISHING_RATIO} 미만")
print(f"주장 \"ReLU에는 He 초기화가 맞다\": {he_suits_relu}")
# --8<-- [end:claim]
vanishing_threshold = verdicts.VANISHING_RATIO
