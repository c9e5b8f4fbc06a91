"""학습률이 너무 크면 ReLU 유닛이 죽습니다: 학습 중 죽은 유닛의 비율을 ReLU와 Leaky ReLU로 잽니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

# --8<-- [start:setup]
torch.manual_seed(0)
X = torch.randn(3000, 20)
Y = (X[:, :10].pow(2).sum(dim=1) > 9.34).float()   # 앞 특성 10개의 제곱합이 중앙값(약 9.34)보다 큰가: 비선형 과제
X_train, Y_train = X[:2000], Y[:2000]
X_test, Y_test = X[2000:], Y[2000:]                # held-out 1000개

ACTIVATIONS = {"ReLU": nn.ReLU, "Leaky ReLU": lambda: nn.LeakyReLU(0.01)}
EPOCHS, BATCH = 20, 128


def make_net(act):
    """Linear(20→128) → act → Linear(128→128) → act → Linear(128→1)"""
    return nn.Sequential(nn.Linear(20, 128), act(), nn.Linear(128, 128), act(), nn.Linear(128, 1))


def all_negative(net):
    """은닉층마다, 학습 데이터 2000개 **모두**에서 활성화 전 값이 0 이하인 유닛을 표시합니다.
    ReLU라면 이 유닛은 죽은 유닛입니다(출력과 기울기가 모든 입력에서 0)."""
    with torch.no_grad():
        z1 = net[0](X_train)
        z2 = net[2](net[1](z1))
    return (z1 <= 0).all(dim=0), (z2 <= 0).all(dim=0)


def accuracy(net, x, y):
    with torch.no_grad():
        return ((net(x).squeeze(1) > 0).float() == y).float().mean().item()


def train(act, lr, seed):
    """Adam(lr)으로 EPOCHS 에폭 학습하며 에폭마다 둘째 은닉층에서 모든 입력에 음수인 유닛의 비율을 기록합니다."""
    torch.manual_seed(seed)
    net = make_net(act)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    curve = [all_negative(net)[1].float().mean().item()]       # 에폭 0 = 학습 전
    ever = torch.zeros(128, dtype=torch.bool)                     # 한 번이라도 모든 입력에 음수였던 유닛
    for epoch in range(EPOCHS):
        order = torch.randperm(len(X_train))
        for i in range(0, len(X_train), BATCH):
            idx = order[i:i + BATCH]
            optimizer.zero_grad()
            loss = nn.functional.binary_cross_entropy_with_logits(net(X_train[idx]).squeeze(1), Y_train[idx])
            loss.backward()
            optimizer.step()
        neg1, neg2 = all_negative(net)
        ever |= neg2
        curve.append(neg2.float().mean().item())
    return {
        "net": net, "curve": curve, "layer1": neg1.float().mean().item(),
        "ever": ever.float().mean().item(), "end": neg2.float().mean().item(),
        # 한 번 모든 입력에 음수였다가 마지막에는 어떤 입력에서든 양수가 된 유닛의 비율
        "revived": (ever & ~neg2).float().sum().item() / max(ever.sum().item(), 1),
        "train_acc": accuracy(net, X_train, Y_train), "test_acc": accuracy(net, X_test, Y_test),
    }
# --8<-- [end:setup]

# --8<-- [start:sweep]
LRS, SEEDS = (1e-3, 1e-2, 1e-1), (0, 1, 2)


def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


runs, stats = {}, {}
print("학습률 | 활성화 함수 | 둘째 층: 끝에 모든 입력 음수 | 한 번이라도 | 되살아난 비율 | 첫 층 | 학습 정확도 | held-out")
for lr in LRS:
    for name, act in ACTIVATIONS.items():
        runs[lr, name] = [train(act, lr, seed) for seed in SEEDS]
        stats[lr, name] = {k: mean_std([r[k] for r in runs[lr, name]])
                           for k in ("end", "ever", "revived", "layer1", "train_acc", "test_acc")}
        s = stats[lr, name]
        print(f"{lr:6g} | {name:10s} | {s['end'][0]:.2f} ± {s['end'][1]:.2f} | {s['ever'][0]:.2f} | "
              f"{s['revived'][0]:.2f} | {s['layer1'][0]:.2f} | {s['train_acc'][0]:.3f} ± {s['train_acc'][1]:.3f} | "
              f"{s['test_acc'][0]:.3f} ± {s['test_acc'][1]:.3f}")
# --8<-- [end:sweep]

# --8<-- [start:gradient]
# lr = 0.1, 시드 0으로 학습한 네트워크에서, 모든 입력에 음수인 둘째 층 유닛으로 들어가는 가중치의 기울기(학습 데이터 전체)
print("활성화 함수 | 모든 입력에 음수인 유닛: 개수, 유닛당 기울기 크기 | 나머지 유닛: 개수, 유닛당 기울기 크기")
grad_of_negative, grad_of_rest = {}, {}
for name in ACTIVATIONS:
    net = runs[0.1, name][0]["net"]
    neg = all_negative(net)[1]
    net.zero_grad()
    nn.functional.binary_cross_entropy_with_logits(net(X_train).squeeze(1), Y_train).backward()
    g = net[2].weight.grad                       # 행 하나 = 유닛 하나로 들어가는 가중치
    n_neg, n_rest = int(neg.sum()), int((~neg).sum())
    grad_of_negative[name] = g[neg].norm().item() / n_neg ** 0.5      # 유닛당 RMS
    grad_of_rest[name] = g[~neg].norm().item() / n_rest ** 0.5
    print(f"{name:10s} | {n_neg:3d}개, {grad_of_negative[name]:.2e} | {n_rest:3d}개, {grad_of_rest[name]:.2e}")
# --8<-- [end:gradient]

# --8<-- [start:gradient_parts]
# 유닛 j로 들어가는 가중치의 기울기 = w3_j · s_j,  s_j = (1/N) Σ_i e_i · f'(z_ij) · h_i
# (w3_j: 유닛 j에서 다음 층으로 나가는 가중치, e_i: 입력 i에서 출력의 기울기, h_i: 첫 층 출력)
# 비교 기준: 유닛이 모든 입력에서 f' = 1이었다면 받았을 기울기 w3_j · (1/N) Σ_i e_i h_i
net = runs[0.1, "Leaky ReLU"][0]["net"]
neg = all_negative(net)[1]
with torch.no_grad():
    h1 = net[1](net[0](X_train))
    z2 = net[2](h1)
    e = (torch.sigmoid(net(X_train).squeeze(1)) - Y_train) / len(X_train)   # BCE의 ∂L/∂(출력)
    w3 = net[4].weight[0]
    slope = torch.where(z2 > 0, 1.0, 0.01)                                  # f'(z_ij)
    grad_actual = w3[:, None] * ((e[:, None] * slope).T @ h1)               # 위 역전파와 같은 값
    grad_if_linear = w3[:, None] * (e @ h1)[None, :]                        # 모든 입력에서 f' = 1이라면
rms = lambda t: t.pow(2).mean().sqrt().item()
neg_vs_linear = rms(grad_actual[neg]) / rms(grad_if_linear[neg])
rest_vs_linear = rms(grad_actual[~neg]) / rms(grad_if_linear[~neg])
rest_active_fraction = (z2[:, ~neg] > 0).float().mean().item()
print(f"모든 입력에서 음수인 유닛: 실제 기울기 / 'f' = 1이라면' = {neg_vs_linear:.3f}")
print(f"나머지 유닛:              실제 기울기 / 'f' = 1이라면' = {rest_vs_linear:.3f}")
print(f"나머지 유닛이 양수인 입력의 비율(유닛·입력 평균): {rest_active_fraction:.1%}")
# 'f' = 1이라면'의 기울기는 유닛마다 나가는 가중치 w3_j의 크기만 다릅니다
linear_ratio = rms(grad_if_linear[neg]) / rms(grad_if_linear[~neg])
print(f"'f' = 1이라면'의 기울기: 음수 유닛 / 나머지 = {linear_ratio:.2f}   (나가는 가중치 크기의 차이)")
print(f"{neg_vs_linear:.3f} / {rest_vs_linear:.3f} × {linear_ratio:.2f} = "
      f"{neg_vs_linear / rest_vs_linear * linear_ratio:.2f}   (위의 유닛당 기울기 비율)")
# --8<-- [end:gradient_parts]

# --8<-- [start:figure]
colors = {"ReLU": "tab:red", "Leaky ReLU": "tab:blue"}
fig, axes = plt.subplots(1, len(LRS), figsize=(12, 3.6), sharey=True)
for ax, lr in zip(axes, LRS):
    for name in ACTIVATIONS:
        curves = [r["curve"] for r in runs[lr, name]]
        mean = [sum(c[e] for c in curves) / len(curves) for e in range(EPOCHS + 1)]
        low = [min(c[e] for c in curves) for e in range(EPOCHS + 1)]
        high = [max(c[e] for c in curves) for e in range(EPOCHS + 1)]
        ax.plot(range(EPOCHS + 1), mean, color=colors[name], linewidth=2, label=name)
        ax.fill_between(range(EPOCHS + 1), low, high, color=colors[name], alpha=0.2)
    ax.set_title(f"Adam, 학습률 {lr:g}")
    ax.set_xlabel("에폭")
    ax.set_xticks([0, 5, 10, 15, 20])
    ax.set_ylim(-0.02, 1.02)
    ax.grid(alpha=0.3)
axes[0].set_ylabel("모든 입력에서 음수인 유닛 비율")
axes[0].legend(loc="upper left")
fig.tight_layout()
# --8<-- [end:figure]

# 본문에서 인용하는 값
relu_dead_end = {lr: stats[lr, "ReLU"]["end"][0] for lr in LRS}
leaky_neg_end = {lr: stats[lr, "Leaky ReLU"]["end"][0] for lr in LRS}
relu_dead_small_lr = stats[1e-3, "ReLU"]["end"][0]
relu_dead_mid_lr = stats[1e-2, "ReLU"]["end"][0]
relu_dead_big_lr = stats[1e-1, "ReLU"]["end"][0]
leaky_neg_mid_lr = stats[1e-2, "Leaky ReLU"]["end"][0]
leaky_neg_big_lr = stats[1e-1, "Leaky ReLU"]["end"][0]
leaky_ever_big_lr = stats[1e-1, "Leaky ReLU"]["ever"][0]
relu_ever_big_lr = stats[1e-1, "ReLU"]["ever"][0]
leaky_revived_big_lr = stats[1e-1, "Leaky ReLU"]["revived"][0]
relu_revived_big_lr = stats[1e-1, "ReLU"]["revived"][0]
layer1_max = max(s["layer1"][0] for s in stats.values())
relu_test_big_lr = stats[1e-1, "ReLU"]["test_acc"][0]
leaky_test_big_lr = stats[1e-1, "Leaky ReLU"]["test_acc"][0]
relu_test_big_lr_std = stats[1e-1, "ReLU"]["test_acc"][1]
leaky_test_big_lr_std = stats[1e-1, "Leaky ReLU"]["test_acc"][1]
relu_test_mid_lr, relu_test_mid_lr_std = stats[1e-2, "ReLU"]["test_acc"]
leaky_test_mid_lr, leaky_test_mid_lr_std = stats[1e-2, "Leaky ReLU"]["test_acc"]
relu_test_small_lr_std = stats[1e-3, "ReLU"]["test_acc"][1]
leaky_test_small_lr_std = stats[1e-3, "Leaky ReLU"]["test_acc"][1]
relu_test_small_lr = stats[1e-3, "ReLU"]["test_acc"][0]
leaky_test_small_lr = stats[1e-3, "Leaky ReLU"]["test_acc"][0]
relu_train_big_lr = stats[1e-1, "ReLU"]["train_acc"][0]
relu_grad_of_dead = grad_of_negative["ReLU"]
leaky_grad_of_negative = grad_of_negative["Leaky ReLU"]
leaky_grad_of_rest = grad_of_rest["Leaky ReLU"]
leaky_negative_to_rest = leaky_grad_of_negative / leaky_grad_of_rest
del relu_dead_end, leaky_neg_end
n_train, n_features = X_train.shape
n_test = len(X_test)
hidden = runs[LRS[0], "ReLU"][0]["net"][0].out_features
lr_small, lr_mid, lr_big = LRS
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
leaky_slope = ACTIVATIONS["Leaky ReLU"]().negative_slope
leaky_neg_vs_linear = neg_vs_linear
leaky_rest_vs_linear = rest_vs_linear
leaky_rest_active = rest_active_fraction
leaky_linear_ratio = linear_ratio
relu_revived_small_lr = stats[1e-3, "ReLU"]["revived"][0]
relu_revived_mid_lr = stats[1e-2, "ReLU"]["revived"][0]
