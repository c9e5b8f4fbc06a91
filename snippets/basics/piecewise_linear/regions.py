"""무작위로 초기화한 ReLU MLP가 입력 공간을 몇 개의 선형 영역으로 나누는지 셉니다(1차원, 2차원 입력)."""

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn

# --8<-- [start:setup]
TOTAL_UNITS = 48
SHAPES = ((1, 48), (2, 24), (3, 16), (4, 12), (6, 8))   # (은닉층 수, 너비): 은닉 유닛은 모두 48개
SEEDS = (0, 1, 2, 3, 4)
RANGE = 4.0                                             # 입력 구간 [-RANGE, RANGE]


def make_mlp(d_in, depth, width, seed):
    """PyTorch 기본 초기화의 ReLU MLP(은닉층 depth개, 출력 1개)."""
    torch.manual_seed(seed)
    layers, fan_in = [], d_in
    for _ in range(depth):
        layers += [nn.Linear(fan_in, width), nn.ReLU()]
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
# --8<-- [end:setup]

# --8<-- [start:count_1d]
GRID_1D = 200_001
x1 = torch.linspace(-RANGE, RANGE, GRID_1D).unsqueeze(1)
print(f"1차원 입력 [-{RANGE:g}, {RANGE:g}], 격자 {GRID_1D:,}점. 선형 구간의 수(시드 {len(SEEDS)}개 평균)")
regions_1d = {}
for depth, width in SHAPES:
    counts = []
    for seed in SEEDS:
        p = patterns(make_mlp(1, depth, width, seed), x1)
        counts.append(1 + int((p[1:] != p[:-1]).any(axis=1).sum()))   # 패턴이 바뀌는 곳 = 꺾이는 곳
    regions_1d[depth] = sum(counts) / len(counts)
    print(f"은닉층 {depth}개 × 너비 {width:>2}: {regions_1d[depth]:6.1f}   (시드별 {counts})")
print(f"은닉층 1개의 최대 구간 수: 유닛 수 + 1 = {TOTAL_UNITS + 1}")
# --8<-- [end:count_1d]

# --8<-- [start:count_2d]
GRID_2D = 400
axis = torch.linspace(-RANGE, RANGE, GRID_2D)
gx, gy = torch.meshgrid(axis, axis, indexing="xy")
x2 = torch.stack([gx.flatten(), gy.flatten()], dim=1)
print(f"2차원 입력 [-{RANGE:g}, {RANGE:g}]², 격자 {GRID_2D}×{GRID_2D}. 서로 다른 활성화 패턴의 수(시드 {len(SEEDS)}개 평균)")
regions_2d, maps = {}, {}
for depth, width in SHAPES:
    counts = []
    for seed in SEEDS:
        p = patterns(make_mlp(2, depth, width, seed), x2)
        codes = p.astype(np.uint64) @ (np.uint64(1) << np.arange(p.shape[1], dtype=np.uint64))  # 패턴 → 정수 하나
        _, region_id = np.unique(codes, return_inverse=True)
        counts.append(int(region_id.max()) + 1)
        if seed == 0:
            maps[depth] = region_id.reshape(GRID_2D, GRID_2D)
    regions_2d[depth] = sum(counts) / len(counts)
    print(f"은닉층 {depth}개 × 너비 {width:>2}: {regions_2d[depth]:7.1f}")
# --8<-- [end:count_2d]

# --8<-- [start:count_width]
# 깊이를 은닉층 WIDTH_DEPTH개로 고정하고 너비만 바꿉니다(같은 격자, 시드 SEEDS)
WIDTH_DEPTH, WIDTHS = 2, (4, 8, 16, 32)
regions_width = {}
print(f"은닉층 {WIDTH_DEPTH}개, 너비만 바꿈 | 1차원 구간 수 | 2차원 영역 수 (시드 {len(SEEDS)}개 평균)")
for width in WIDTHS:
    c1, c2 = [], []
    for seed in SEEDS:
        p1 = patterns(make_mlp(1, WIDTH_DEPTH, width, seed), x1)
        c1.append(1 + int((p1[1:] != p1[:-1]).any(axis=1).sum()))
        p2 = patterns(make_mlp(2, WIDTH_DEPTH, width, seed), x2)
        codes = p2.astype(np.uint64) @ (np.uint64(1) << np.arange(p2.shape[1], dtype=np.uint64))
        c2.append(len(np.unique(codes)))
    regions_width[width] = (sum(c1) / len(c1), sum(c2) / len(c2))
    print(f"너비 {width:>2} (유닛 {WIDTH_DEPTH * width:>2}개)          | {regions_width[width][0]:13.1f} | {regions_width[width][1]:.1f}")
# --8<-- [end:count_width]

# --8<-- [start:figure]
shown = (1, 3, 6)
fig, axes = plt.subplots(1, len(shown), figsize=(11, 3.9))
rng = np.random.default_rng(0)
for ax, depth in zip(axes, shown):
    ids = maps[depth]
    colors = rng.permutation(ids.max() + 1)            # 이웃한 영역이 다른 색이 되도록 번호를 섞습니다
    ax.imshow(colors[ids], cmap="tab20", origin="lower", extent=(-RANGE, RANGE, -RANGE, RANGE),
              interpolation="nearest")
    width = dict(SHAPES)[depth]
    ax.set_title(f"은닉층 {depth}개 × 너비 {width}: 영역 {ids.max() + 1}개", fontsize=10)
    ax.set_xlabel("x₁")
axes[0].set_ylabel("x₂")
fig.tight_layout()
# --8<-- [end:figure]

# 본문에서 인용하는 값
shallow_1d, deep_1d = regions_1d[1], regions_1d[6]
shallow_2d, mid_2d, deep_2d = regions_2d[1], regions_2d[3], regions_2d[6]
max_1d_shallow = TOTAL_UNITS + 1
n_seeds = len(SEEDS)
deepest = SHAPES[-1][0]
deepest_width = SHAPES[-1][1]
narrow_width, wide_width = WIDTHS[0], WIDTHS[-1]
narrow_2d, wide_2d = regions_width[narrow_width][1], regions_width[wide_width][1]
narrow_1d, wide_1d = regions_width[narrow_width][0], regions_width[wide_width][0]
