"""무작위로 초기화한 ReLU MLP가 입력 공간을 몇 개의 선형 영역으로 나누는지 셉니다(1차원, 2차원 입력).

초기화 두 가지를 비교합니다: PyTorch 기본 초기화와 He 초기화.
"""

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn

import verdicts
from sawtooth import DEPTHS as SAWTOOTH_DEPTHS, pieces as sawtooth_pieces   # 가중치를 골라 만든 톱니 함수의 구간 수

# --8<-- [start:setup]
TOTAL_UNITS = 48
SHAPES = ((1, 48), (2, 24), (3, 16), (4, 12), (6, 8))   # (은닉층 수, 너비): 은닉 유닛은 모두 48개
SEEDS = tuple(range(10))
RANGE = 4.0                                             # 입력 구간 [-RANGE, RANGE]
INITS = {"default": "기본 초기화", "he": "He 초기화"}


def make_mlp(d_in, depth, width, seed, init="default"):
    """ReLU MLP(은닉층 depth개, 출력 1개).

    init="default": PyTorch 기본 초기화. ReLU 층을 지날 때마다 신호의 크기가 줄어듭니다.
    init="he": 가중치만 He 초기화(정규분포, 분산 2/fan_in)로 바꿉니다. 신호의 크기가 층을 지나도 유지됩니다.
    편향은 두 경우 모두 PyTorch 기본값입니다.
    """
    torch.manual_seed(seed)
    layers, fan_in = [], d_in
    for _ in range(depth):
        linear = nn.Linear(fan_in, width)
        if init == "he":
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
        layers += [linear, nn.ReLU()]
        fan_in = width
    return nn.Sequential(*layers, nn.Linear(fan_in, 1))


def patterns(net, x):
    """입력마다 모든 은닉 유닛의 켜짐/꺼짐(z > 0) 패턴. 패턴이 같은 입력들에서 신경망은 같은 선형 함수입니다."""
    bits, h = [], x
    with torch.no_grad():
        for layer in net:
            h = layer(h)
            if isinstance(layer, nn.Linear) and layer is not net[-1]:
                bits.append(h > 0)
    return torch.cat(bits, dim=1).numpy()


def count_regions(p):
    """격자 위의 서로 다른 활성화 패턴의 수."""
    codes = p.astype(np.uint64) @ (np.uint64(1) << np.arange(p.shape[1], dtype=np.uint64))  # 패턴 → 정수 하나
    return len(np.unique(codes))
# --8<-- [end:setup]

# --8<-- [start:count_1d]
GRID_1D = 200_001
x1 = torch.linspace(-RANGE, RANGE, GRID_1D).unsqueeze(1)
print(f"1차원 입력 [-{RANGE:g}, {RANGE:g}], 격자 {GRID_1D:,}점. 선형 구간의 수(시드 {len(SEEDS)}개 평균, 괄호 안은 최소~최대)")
regions_1d = {init: {} for init in INITS}   # 초기화 → 은닉층 수 → 시드별 구간 수
flipping = {}                               # 초기화 → 가장 깊은 신경망의 마지막 은닉층에서 구간 안에서 켜짐/꺼짐이 바뀌는 유닛 비율
for depth, width in SHAPES:
    for init in INITS:
        counts, flips = [], []
        for seed in SEEDS:
            p = patterns(make_mlp(1, depth, width, seed, init), x1)
            counts.append(1 + int((p[1:] != p[:-1]).any(axis=1).sum()))   # 패턴이 바뀌는 곳 = 꺾이는 곳
            last = p[:, -width:]
            flips.append(float((last.any(axis=0) & ~last.all(axis=0)).mean()))
        regions_1d[init][depth] = counts
        flipping[init] = sum(flips) / len(flips)   # 반복이 끝나면 가장 깊은 신경망의 값이 남습니다
    cells = [f"{INITS[i]} {np.mean(regions_1d[i][depth]):5.1f} ({min(regions_1d[i][depth])}~{max(regions_1d[i][depth])})"
             for i in INITS]
    print(f"은닉층 {depth}개 × 너비 {width:>2} | " + " | ".join(cells))
print(f"은닉층 1개의 최대 구간 수: 유닛 수 + 1 = {TOTAL_UNITS + 1}")
deepest, deepest_width = SHAPES[-1]
print(f"은닉층 {deepest}개의 마지막 은닉층에서 구간 안에서 켜짐/꺼짐이 한 번이라도 바뀌는 유닛의 비율: "
      + ", ".join(f"{INITS[i]} {flipping[i]:.0%}" for i in INITS))
# 깊은 쪽(은닉층 deepest개) − 얕은 쪽(은닉층 1개)의 구간 수: 시드마다 하나의 값, 사이트의 판정 규칙(95% 구간)
deep_vs_shallow_1d = verdicts.compare(regions_1d["default"][deepest], regions_1d["default"][1], digits=1)
he_deep_vs_shallow_1d = verdicts.compare(regions_1d["he"][deepest], regions_1d["he"][1], digits=1)
print(f"은닉층 {deepest}개 − 은닉층 1개, {INITS['default']}: {deep_vs_shallow_1d}")
print(f"은닉층 {deepest}개 − 은닉층 1개, {INITS['he']}: {he_deep_vs_shallow_1d}")
# --8<-- [end:count_1d]

# --8<-- [start:count_2d]
GRID_2D = 400
axis = torch.linspace(-RANGE, RANGE, GRID_2D)
gx, gy = torch.meshgrid(axis, axis, indexing="xy")
x2 = torch.stack([gx.flatten(), gy.flatten()], dim=1)
print(f"2차원 입력 [-{RANGE:g}, {RANGE:g}]², 격자 {GRID_2D}×{GRID_2D}. 서로 다른 활성화 패턴의 수(시드 {len(SEEDS)}개 평균)")
regions_2d = {init: {} for init in INITS}   # 초기화 → 은닉층 수 → 시드별 영역 수
maps = {}                                   # (초기화, 은닉층 수) → 시드 0의 영역 번호 지도 (그림용)
for depth, width in SHAPES:
    for init in INITS:
        counts = []
        for seed in SEEDS:
            p = patterns(make_mlp(2, depth, width, seed, init), x2)
            counts.append(count_regions(p))
            if seed == 0:
                codes = p.astype(np.uint64) @ (np.uint64(1) << np.arange(p.shape[1], dtype=np.uint64))
                maps[init, depth] = np.unique(codes, return_inverse=True)[1].reshape(GRID_2D, GRID_2D)
        regions_2d[init][depth] = counts
    print(f"은닉층 {depth}개 × 너비 {width:>2} | " + " | ".join(f"{INITS[i]} {np.mean(regions_2d[i][depth]):6.1f}" for i in INITS))
deep_vs_shallow_2d = verdicts.compare(regions_2d["default"][deepest], regions_2d["default"][1], digits=1)
he_deep_vs_shallow_2d = verdicts.compare(regions_2d["he"][deepest], regions_2d["he"][1], digits=1)
print(f"은닉층 {deepest}개 − 은닉층 1개, {INITS['default']}: {deep_vs_shallow_2d}")
print(f"은닉층 {deepest}개 − 은닉층 1개, {INITS['he']}: {he_deep_vs_shallow_2d}")
# --8<-- [end:count_2d]

# --8<-- [start:count_width]
# 깊이를 은닉층 WIDTH_DEPTH개로 고정하고 너비만 바꿉니다(기본 초기화, 같은 격자, 시드 SEEDS)
WIDTH_DEPTH, WIDTHS = 2, (4, 8, 16, 32)
regions_width = {}
print(f"은닉층 {WIDTH_DEPTH}개, 너비만 바꿈 | 1차원 구간 수 | 2차원 영역 수 (시드 {len(SEEDS)}개 평균)")
for width in WIDTHS:
    c1, c2 = [], []
    for seed in SEEDS:
        p1 = patterns(make_mlp(1, WIDTH_DEPTH, width, seed), x1)
        c1.append(1 + int((p1[1:] != p1[:-1]).any(axis=1).sum()))
        c2.append(count_regions(patterns(make_mlp(2, WIDTH_DEPTH, width, seed), x2)))
    regions_width[width] = (sum(c1) / len(c1), sum(c2) / len(c2))
    print(f"너비 {width:>2} (유닛 {WIDTH_DEPTH * width:>2}개)          | {regions_width[width][0]:13.1f} | {regions_width[width][1]:.1f}")
# --8<-- [end:count_width]

# --8<-- [start:figure]
shown = (1, 3, 6)
fig, axes = plt.subplots(len(INITS), len(shown), figsize=(11, 7.6))
rng = np.random.default_rng(0)
for row, init in zip(axes, INITS):
    for ax, depth in zip(row, shown):
        ids = maps[init, depth]
        colors = rng.permutation(ids.max() + 1)            # 이웃한 영역이 다른 색이 되도록 번호를 섞습니다
        ax.imshow(colors[ids], cmap="tab20", origin="lower", extent=(-RANGE, RANGE, -RANGE, RANGE),
                  interpolation="nearest")
        width = dict(SHAPES)[depth]
        ax.set_title(f"은닉층 {depth}개 × 너비 {width}: 영역 {ids.max() + 1}개", fontsize=10)
    row[0].set_ylabel(f"{INITS[init]}\nx₂")
for ax in axes[-1]:
    ax.set_xlabel("x₁")
fig.tight_layout()
# --8<-- [end:figure]

# --8<-- [start:claim]
# 주장 "깊을수록 선형 영역이 지수적으로 많아진다"를 잰 조건마다 확인합니다.
# 무작위 초기화에서는 "깊은 쪽이 구별되게 많다"를 봅니다. 이것은 지수적 증가의 필요조건이라서,
# 거짓이면 그 조건에서 주장이 틀린 것입니다.
depth_claim = verdicts.claim(
    # 가중치를 골라 만든 톱니 함수: 층을 k개 쌓으면 구간이 정확히 2^k개인가 (sawtooth.py)
    chosen_weights=all(sawtooth_pieces[k] == 2**k for k in SAWTOOTH_DEPTHS),
    # 기본 초기화, 1차원: 은닉층 deepest개가 은닉층 1개보다 구간이 구별되게 많은가
    default_1d=verdicts.claim_of_difference(deep_vs_shallow_1d, +1).verdict == verdicts.HOLDS,
    # 기본 초기화, 2차원: 은닉층 deepest개가 은닉층 1개보다 영역이 구별되게 많은가
    default_2d=verdicts.claim_of_difference(deep_vs_shallow_2d, +1).verdict == verdicts.HOLDS,
    # He 초기화, 1차원: 은닉층 deepest개가 은닉층 1개보다 구간이 구별되게 많은가
    he_1d=verdicts.claim_of_difference(he_deep_vs_shallow_1d, +1).verdict == verdicts.HOLDS,
    # He 초기화, 2차원: 은닉층 deepest개가 은닉층 1개보다 영역이 구별되게 많은가
    he_2d=verdicts.claim_of_difference(he_deep_vs_shallow_2d, +1).verdict == verdicts.HOLDS,
)
print(f"\"깊을수록 선형 영역이 지수적으로 많아진다\": {depth_claim}")
# --8<-- [end:claim]

# 본문에서 인용하는 값
shallow_1d, deep_1d = float(np.mean(regions_1d["default"][1])), float(np.mean(regions_1d["default"][deepest]))
he_shallow_1d, he_deep_1d = float(np.mean(regions_1d["he"][1])), float(np.mean(regions_1d["he"][deepest]))
shallow_2d, deep_2d = float(np.mean(regions_2d["default"][1])), float(np.mean(regions_2d["default"][deepest]))
he_shallow_2d, he_deep_2d = float(np.mean(regions_2d["he"][1])), float(np.mean(regions_2d["he"][deepest]))
flip_default, flip_he = flipping["default"], flipping["he"]
max_1d_shallow = TOTAL_UNITS + 1
n_seeds = len(SEEDS)
narrow_width, wide_width = WIDTHS[0], WIDTHS[-1]
narrow_2d, wide_2d = regions_width[narrow_width][1], regions_width[wide_width][1]
narrow_1d, wide_1d = regions_width[narrow_width][0], regions_width[wide_width][0]
