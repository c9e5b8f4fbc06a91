"""BN과 ReLU의 세 가지 순서와 BN 없는 기준선을 같은 과제, 같은 시드로 학습해 비교합니다."""

import math
import statistics

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:data]
N_CLASSES = 6          # 막대 방향을 30°씩 6구간으로 나눈 것이 클래스입니다
SIZE = 12              # 12×12 흑백 이미지
NOISE = 0.5            # 픽셀마다 더하는 가우스 잡음의 표준편차


def make_bars(n, seed):
    """방향이 다른 막대 이미지를 만듭니다. 방향은 구간 안에서 연속적으로 뽑으므로 경계 근처는 헷갈립니다."""
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, N_CLASSES, (n,), generator=g)
    angle = (labels + torch.rand(n, generator=g)) * math.pi / N_CLASSES  # 0 ~ π
    center = 3 + 6 * torch.rand(n, 2, generator=g)                       # 막대 중심 (3~9 픽셀)
    half_len = 2.5 + 2 * torch.rand(n, generator=g)                      # 막대 반길이 2.5~4.5 픽셀
    width = 0.6 + 0.6 * torch.rand(n, generator=g)                       # 막대 두께
    ys, xs = torch.meshgrid(torch.arange(SIZE, dtype=torch.float32),
                            torch.arange(SIZE, dtype=torch.float32), indexing="ij")
    dx = xs[None] - center[:, 0, None, None]
    dy = ys[None] - center[:, 1, None, None]
    ux, uy = torch.cos(angle)[:, None, None], torch.sin(angle)[:, None, None]
    along = (dx * ux + dy * uy).clamp(-half_len[:, None, None], half_len[:, None, None])
    dist2 = (dx - along * ux) ** 2 + (dy - along * uy) ** 2              # 선분까지 거리의 제곱
    images = torch.exp(-dist2 / (2 * width[:, None, None] ** 2))
    images = images + NOISE * torch.randn(n, SIZE, SIZE, generator=g)
    return images[:, None], labels


x_train, y_train = make_bars(2000, seed=0)
x_test, y_test = make_bars(2000, seed=1)   # 따로 뽑은 평가용(held-out) 이미지
print(f"학습 {tuple(x_train.shape)}, 평가 {tuple(x_test.shape)}, 클래스 {N_CLASSES}개")
print("클래스별 학습 이미지 수:", torch.bincount(y_train, minlength=N_CLASSES).tolist())

fig, axes = plt.subplots(2, N_CLASSES, figsize=(9, 3.4))
for c in range(N_CLASSES):
    for row, idx in enumerate(torch.nonzero(y_train == c).flatten()[:2].tolist()):
        axes[row, c].imshow(x_train[idx, 0], cmap="gray")
        axes[row, c].set_xticks([])
        axes[row, c].set_yticks([])
        axes[row, c].grid(False)
    axes[0, c].set_title(f"클래스 {c}\n{30 * c}°~{30 * (c + 1)}°", fontsize=9)
fig.tight_layout()
# --8<-- [end:data]


# --8<-- [start:model]
def block(c_in, c_out, order):
    """order에 따라 합성곱 블록의 순서를 바꿉니다."""
    if order == "conv_bn_relu":
        return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
                             nn.BatchNorm2d(c_out), nn.ReLU())
    if order == "conv_relu_bn":  # ReLU 앞이므로 합성곱 편향을 남깁니다
        return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1),
                             nn.ReLU(), nn.BatchNorm2d(c_out))
    if order == "conv_relu":     # BN 없음(원래 VGG 방식)
        return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU())
    raise ValueError(order)


def make_net(order):
    return nn.Sequential(
        block(1, 8, order), block(8, 8, order), nn.MaxPool2d(2),      # 12×12 → 6×6
        block(8, 16, order), block(16, 16, order),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, N_CLASSES),
    )
# --8<-- [end:model]

# --8<-- [start:preact]
def make_preact_net():
    """사전 활성화 순서 BN → ReLU → Conv (He et al. 2016). 첫 합성곱은 홀로 두고, 마지막에 BN → ReLU를 한 번 더 둡니다."""
    def unit(c_in, c_out):
        return [nn.BatchNorm2d(c_in), nn.ReLU(), nn.Conv2d(c_in, c_out, 3, padding=1, bias=False)]
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1, bias=False),
        *unit(8, 8), nn.MaxPool2d(2),
        *unit(8, 16), *unit(16, 16),
        nn.BatchNorm2d(16), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, N_CLASSES),
    )


def layer_names(net):
    """합성곱 부분의 층 이름을 차례로 이어 붙입니다."""
    short = {nn.Conv2d: "Conv", nn.BatchNorm2d: "BN", nn.ReLU: "ReLU", nn.MaxPool2d: "Pool"}
    return " → ".join(short[type(m)] for m in net.modules() if type(m) in short)


print("conv_bn_relu:", layer_names(make_net("conv_bn_relu")))
print("bn_relu_conv:", layer_names(make_preact_net()))
# --8<-- [end:preact]


# --8<-- [start:train]
ORDERS = ["conv_bn_relu", "conv_relu_bn", "conv_relu", "bn_relu_conv"]
SEEDS = [0, 1, 2, 3]
EPOCHS = 8
BATCH = 128
LR = 3e-3


def correct(net, x, y):
    """예제마다 맞혔는지(True/False)를 평가 모드에서 잽니다."""
    net.eval()
    with torch.no_grad():
        hits = net(x).argmax(1) == y
    net.train()
    return hits


def train(order, seed):
    """학습된 신경망, 학습 이미지별 맞힘, 에폭마다의 평가 이미지별 맞힘을 돌려줍니다."""
    torch.manual_seed(seed)
    net = make_preact_net() if order == "bn_relu_conv" else make_net(order)   # 사전 활성화는 위의 make_preact_net
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    history = []
    for epoch in range(EPOCHS):
        perm = torch.randperm(len(x_train))
        for i in range(0, len(x_train), BATCH):
            idx = perm[i:i + BATCH]
            loss = F.cross_entropy(net(x_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        history.append(correct(net, x_test, y_test))
    return net, correct(net, x_train, y_train), history


results = {order: [train(order, seed) for seed in SEEDS] for order in ORDERS}
# --8<-- [end:train]

# --8<-- [start:report]
def mean_std(values):
    return statistics.mean(values), statistics.stdev(values)


summary = {}
for order, runs in results.items():
    tr_m, tr_s = mean_std([r[1].float().mean().item() for r in runs])
    te_m, te_s = mean_std([r[2][-1].float().mean().item() for r in runs])
    summary[order] = (tr_m, tr_s, te_m, te_s)
    print(f"{order:<13} 학습 정확도 {tr_m:.3f} ± {tr_s:.3f} | 평가 정확도 {te_m:.3f} ± {te_s:.3f} | 시드별 평가: "
          + ", ".join(f"{r[2][-1].float().mean().item():.3f}" for r in runs))


def final_test(order):
    """마지막 에폭의 평가 이미지별 맞힘, 시드마다 하나씩."""
    return [r[2][-1] for r in results[order]]


# 판정 규칙: 시드와 평가 이미지를 함께 다시 뽑은 95% 구간이 0을 포함하는가 (차이는 앞 − 뒤)
order_comparison = verdicts.compare(final_test("conv_bn_relu"), final_test("conv_relu_bn"))
order_train_comparison = verdicts.compare([r[1] for r in results["conv_bn_relu"]],
                                          [r[1] for r in results["conv_relu_bn"]])
bn_relu_vs_no_bn = verdicts.compare(final_test("conv_bn_relu"), final_test("conv_relu"))
relu_bn_vs_no_bn = verdicts.compare(final_test("conv_relu_bn"), final_test("conv_relu"))
preact_vs_bn_relu = verdicts.compare(final_test("bn_relu_conv"), final_test("conv_bn_relu"))
preact_vs_no_bn = verdicts.compare(final_test("bn_relu_conv"), final_test("conv_relu"))
# BN 없는 곡선이 끝에서도 오르는가: 마지막 에폭과 그 앞 에폭의 평가 정확도 비교
# (이 판정은 CPU에 따라 바뀌므로 판단 보류로 둡니다. 판정 규칙 페이지 참고)
no_bn_last_gain = verdicts.compare(final_test("conv_relu"), [r[2][-2] for r in results["conv_relu"]],
                                   moves_between_cpus=True)
print(f"평가, Conv-BN-ReLU − Conv-ReLU-BN: {order_comparison}")
print(f"학습, Conv-BN-ReLU − Conv-ReLU-BN: {order_train_comparison}")
print(f"평가, Conv-BN-ReLU − BN 없음:      {bn_relu_vs_no_bn}")
print(f"평가, Conv-ReLU-BN − BN 없음:      {relu_bn_vs_no_bn}")
print(f"평가, BN-ReLU-Conv − Conv-BN-ReLU: {preact_vs_bn_relu}")
print(f"평가, BN-ReLU-Conv − BN 없음:      {preact_vs_no_bn}")
print(f"평가, BN 없음 {EPOCHS}에폭 − {EPOCHS - 1}에폭: {no_bn_last_gain}")

# 원문의 주장 "Conv → ReLU → BN은 BN 효과 감소": Conv → BN → ReLU의 평가 정확도가 더 높은가(+1)
order_claim = verdicts.claim_of_difference(order_comparison, +1)
print(f"주장 \"반대 순서는 효과가 떨어진다\": {order_claim}")
# --8<-- [end:report]

# --8<-- [start:sparsity]
def zero_fraction_per_relu(net, x):
    """평가 모드에서 각 ReLU 출력 가운데 정확히 0인 값의 비율을 이미지마다 잽니다(층 × 이미지)."""
    fractions, hooks = [], []
    for module in net.modules():
        if isinstance(module, nn.ReLU):
            hooks.append(module.register_forward_hook(
                lambda m, inp, out: fractions.append((out == 0).float().mean(dim=(1, 2, 3)))))
    net.eval()
    with torch.no_grad():
        net(x)
    for h in hooks:
        h.remove()
    return torch.stack(fractions)


zeros = {order: torch.stack([zero_fraction_per_relu(r[0], x_test) for r in runs])  # 시드 × 층 × 이미지
         for order, runs in results.items()}
sparsity = {order: z.mean(dim=(0, 2)).tolist() for order, z in zeros.items()}
print("ReLU 출력에서 0의 비율(평가 이미지, 시드 평균), 층 1~4:")
for order, fractions in sparsity.items():
    print(f"  {order:<14}" + "  ".join(f"{v:.1%}" for v in fractions))

# 층마다 두 BN 순서의 0의 비율을 같은 판정 규칙으로 비교합니다(이미지마다의 비율, Conv-BN-ReLU − Conv-ReLU-BN)
sparsity_comparisons = [verdicts.compare(zeros["conv_bn_relu"][:, k], zeros["conv_relu_bn"][:, k])
                        for k in range(4)]
for layer, layer_comparison in enumerate(sparsity_comparisons, start=1):
    print(f"  층 {layer}: {layer_comparison}")

# 원문의 주장 "BN이 평균 0으로 맞춤 → 약 절반이 0 → 적절한 sparsity"는 여기서 판정하지 않습니다.
# 이 실험은 0의 비율만 다른 두 신경망을 견주지 않습니다. 두 순서는 BN의 자리도 다르므로,
# 위의 평가 정확도 비교로 "약 절반이 0이면 좋다"를 판정할 수 없습니다. 여기서 잰 것은 층마다의 0의 비율입니다.
# --8<-- [end:sparsity]

# 본문에서 인용하는 값
bn_relu_test_mean, bn_relu_test_std = summary["conv_bn_relu"][2:]
relu_bn_test_mean, relu_bn_test_std = summary["conv_relu_bn"][2:]
no_bn_test_mean, no_bn_test_std = summary["conv_relu"][2:]
preact_test_mean, preact_test_std = summary["bn_relu_conv"][2:]
bn_relu_train_mean = summary["conv_bn_relu"][0]
relu_bn_train_mean = summary["conv_relu_bn"][0]
no_bn_train_mean = summary["conv_relu"][0]
preact_train_mean = summary["bn_relu_conv"][0]
bn_relu_sparsity_min, bn_relu_sparsity_max = min(sparsity["conv_bn_relu"]), max(sparsity["conv_bn_relu"])
relu_bn_sparsity_min, relu_bn_sparsity_max = min(sparsity["conv_relu_bn"]), max(sparsity["conv_relu_bn"])
sparsity_layer1, sparsity_layer2, sparsity_layer3, sparsity_layer4 = sparsity_comparisons

# --8<-- [start:figure]
fig, (ax, ax_s) = plt.subplots(1, 2, figsize=(10, 3.8), gridspec_kw={"width_ratios": [3, 2]})
names = {"conv_bn_relu": "Conv-BN-ReLU", "conv_relu_bn": "Conv-ReLU-BN", "conv_relu": "Conv-ReLU (BN 없음)",
         "bn_relu_conv": "BN-ReLU-Conv"}
epochs = range(1, EPOCHS + 1)
for order, runs in results.items():
    curves = torch.tensor([[h.float().mean().item() for h in r[2]] for r in runs])
    mean, std = curves.mean(0), curves.std(0)
    ax.plot(epochs, mean, marker="o", linewidth=2, label=names[order])
    ax.fill_between(epochs, mean - std, mean + std, alpha=0.2)
ax.set_xlabel("에폭")
ax.set_ylabel("평가 정확도")
ax.set_title(f"평가 정확도: 시드 {len(SEEDS)}개의 평균 ± 표준편차")
ax.legend(fontsize=9)
width = 0.2
for k, (order, fractions) in enumerate(sparsity.items()):
    ax_s.bar([i + (k - 1.5) * width for i in range(1, 5)], fractions, width, label=names[order])
ax_s.set_xticks(range(1, 5))
ax_s.set_xlabel("ReLU 층")
ax_s.set_ylabel("0인 출력의 비율")
ax_s.set_ylim(0, 1)
ax_s.set_title("학습된 신경망의 ReLU 출력 희소성")
fig.tight_layout()
# --8<-- [end:figure]
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
seed_dots = "·".join(str(s) for s in SEEDS)
n_train, n_test = len(x_train), len(x_test)
sector_deg = 180 / N_CLASSES  # 클래스 하나가 맡는 방향의 폭(도)
