"""학습률이 너무 크면 ReLU 유닛이 죽습니다: 학습 중 죽은 유닛의 비율을 ReLU와 Leaky ReLU로 잽니다."""

import contextlib
import io
import math

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

import verdicts

# --8<-- [start:setup]
torch.manual_seed(0)
X = torch.randn(3000, 20)
Y = (X[:, :10].pow(2).sum(dim=1) > 9.34).float()   # 앞 특성 10개의 제곱합이 중앙값(약 9.34)보다 큰가: 비선형 과제
# 학습은 float64로 합니다. 학습률 0.1에서는 학습이 혼돈에 가까워서, float32로 하면 CPU마다 다른 커널의
# 반올림 차이가 에폭을 거치며 커져 어느 유닛이 죽는지가 CPU마다 달라집니다. float64에서는 그렇지 않습니다.
X, Y = X.double(), Y.double()                      # 데이터는 그대로(float32로 뽑은 값), 자료형만 바꿈
X_train, Y_train = X[:2000], Y[:2000]
X_test, Y_test = X[2000:], Y[2000:]                # held-out 1000개

ACTIVATIONS = {"ReLU": nn.ReLU, "Leaky ReLU": lambda: nn.LeakyReLU(0.01)}
EPOCHS, BATCH = 20, 128


def make_net(act):
    """Linear(20→128) → act → Linear(128→128) → act → Linear(128→1)"""
    return nn.Sequential(nn.Linear(20, 128), act(), nn.Linear(128, 128), act(), nn.Linear(128, 1)).double()


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


def correct(net, x, y):
    """입력마다 맞혔는지(True/False). 두 설정의 비교는 평가 예제마다의 맞힘으로 합니다(판정 규칙)."""
    with torch.no_grad():
        return (net(x).squeeze(1) > 0).float() == y


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
    test_correct = correct(net, X_test, Y_test)                   # 평가 예제마다 맞혔는지
    return {
        "net": net, "curve": curve, "layer1": neg1.float().mean().item(),
        "ever": ever.float().mean().item(), "end": neg2.float().mean().item(),
        # 한 번이라도 모든 입력에 음수였던 유닛의 수, 그 가운데 마지막에는 어떤 입력에서든 양수가 된 유닛의 수
        "n_ever": int(ever.sum()), "n_revived": int((ever & ~neg2).sum()),
        "train_acc": accuracy(net, X_train, Y_train), "test_acc": test_correct.float().mean().item(),
        "test_correct": test_correct,
    }
# --8<-- [end:setup]

# --8<-- [start:sweep]
LRS, SEEDS = (1e-3, 1e-2, 1e-1), (0, 1, 2, 3)


def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


runs, stats, counts = {}, {}, {}
print(f"학습률 | 활성화 함수 | 둘째 층: 끝에 모든 입력 음수 | 한 번이라도 | 되살아난 비율 (한 번이라도 죽은 유닛 수, 시드 {len(SEEDS)}개 합) "
      "| 첫 층 | 학습 정확도 | held-out")
for lr in LRS:
    for name, act in ACTIVATIONS.items():
        runs[lr, name] = [train(act, lr, seed) for seed in SEEDS]
        stats[lr, name] = {k: mean_std([r[k] for r in runs[lr, name]])
                           for k in ("end", "ever", "layer1", "train_acc", "test_acc")}
        # 되살아난 유닛은 시드를 모아 셉니다. 한 번이라도 죽은 유닛이 몇 개뿐인 학습률도 있어서, 비율과 함께 그 수를 봅니다.
        # (되살아난 유닛의 수 자체는 찍지 않습니다. 학습률 0.1의 ReLU에서는 그 수가 CPU 경로에 따라 몇 개씩 달라집니다.)
        counts[lr, name] = (sum(r["n_revived"] for r in runs[lr, name]), sum(r["n_ever"] for r in runs[lr, name]))
        s = stats[lr, name]
        print(f"{lr:6g} | {name:10s} | {s['end'][0]:.2f} ± {s['end'][1]:.2f} | {s['ever'][0]:.2f} | "
              f"{counts[lr, name][0] / counts[lr, name][1]:.2f} ({counts[lr, name][1]}개) | {s['layer1'][0]:.2f} | "
              f"{s['train_acc'][0]:.3f} ± {s['train_acc'][1]:.3f} | "
              f"{s['test_acc'][0]:.3f} ± {s['test_acc'][1]:.3f}")
# --8<-- [end:sweep]

# --8<-- [start:compare]
# 사이트의 판정 규칙(verdicts.compare)으로 평가 정확도를 비교합니다. 입력은 시드마다 평가 예제 1000개의
# 맞힘(True/False)이고, 시드와 평가 예제를 함께 다시 뽑아 차이(앞 − 뒤)의 95% 구간을 구합니다.
def correct_of(lr, name):
    return [r["test_correct"] for r in runs[lr, name]]


# 같은 코드라도 CPU에 따라 판정이 바뀌는 비교는 판정을 내리지 않습니다("판단 보류").
# Leaky ReLU의 학습률 0.1 학습은 float64에서도 CPU마다 평가 정확도가 달라집니다.
MOVES_BETWEEN_CPUS = {("Leaky ReLU", 1e-1)}
print(f"평가 정확도의 차이 (시드 {len(SEEDS)}개 × 평가 예제 {len(X_test)}개)")
leaky_vs_relu, between_lrs = {}, {}
for lr in LRS:
    leaky_vs_relu[lr] = verdicts.compare(correct_of(lr, "Leaky ReLU"), correct_of(lr, "ReLU"))
    print(f"학습률 {lr:g}, Leaky ReLU − ReLU: {leaky_vs_relu[lr]}")
for name in ACTIVATIONS:
    for lr in LRS[1:]:
        between_lrs[name, lr] = verdicts.compare(correct_of(LRS[0], name), correct_of(lr, name),
                                                 moves_between_cpus=(name, lr) in MOVES_BETWEEN_CPUS)
        print(f"{name}, 학습률 {LRS[0]:g} − {lr:g}: {between_lrs[name, lr]}")
# --8<-- [end:compare]

# --8<-- [start:gradient]
# lr = 0.1로 학습한 신경망(시드마다 하나)에서, 둘째 층 유닛으로 들어가는 가중치의 기울기(학습 데이터 전체)를 유닛당 RMS로 봅니다.
# 어느 유닛이 죽는지는 한 번의 학습에서 우연에 가까우므로 모든 시드의 유닛을 모읍니다. 기울기의 크기 자체는 실행마다,
# CPU마다 몇 배씩 달라서, 경사와 견준 판정만 출력합니다(_로 시작하는 이름은 페이지에 싣지 않습니다).
LEAK = ACTIVATIONS["Leaky ReLU"]().negative_slope
BEYOND_SLOPE = 5          # 음수 유닛의 기울기가 경사의 이 배수를 넘는지
REST_LIMIT = 0.5          # 나머지 유닛의 "실제 / f' = 1이라면" 비가 이보다 작은지
print(f"활성화 함수 | 모든 입력에 음수인 유닛 | 나머지 유닛 (시드 {len(SEEDS)}개의 유닛을 모아서)")
grad_of_negative, grad_of_rest = {}, {}
for name in ACTIVATIONS:
    rows, negs = [], []
    for run in runs[0.1, name]:
        net = run["net"]
        negs.append(all_negative(net)[1])
        net.zero_grad()
        nn.functional.binary_cross_entropy_with_logits(net(X_train).squeeze(1), Y_train).backward()
        rows.append(net[2].weight.grad)          # 행 하나 = 유닛 하나로 들어가는 가중치
    g, neg = torch.cat(rows), torch.cat(negs)
    grad_of_negative[name] = g[neg].norm().item() / int(neg.sum()) ** 0.5      # 유닛당 RMS
    grad_of_rest[name] = g[~neg].norm().item() / int((~neg).sum()) ** 0.5
    flow = "기울기 정확히 0" if grad_of_negative[name] == 0 else "기울기가 흐름"
    print(f"{name:10s} | {int(neg.sum()):3d}개, {flow} | {int((~neg).sum()):3d}개")
_share = grad_of_negative["Leaky ReLU"] / grad_of_rest["Leaky ReLU"]
print(f"Leaky ReLU 유닛당 기울기, 음수 유닛 / 나머지: 경사 {LEAK:g}의 {BEYOND_SLOPE}배 " + ("이상" if _share >= BEYOND_SLOPE * LEAK else "미만"))
# --8<-- [end:gradient]

# --8<-- [start:gradient_parts]
# 유닛 j로 들어가는 가중치의 기울기 = w3_j · s_j,  s_j = (1/N) Σ_i e_i · f'(z_ij) · h_i
# (w3_j: 유닛 j에서 다음 층으로 나가는 가중치, e_i: 입력 i에서 출력의 기울기, h_i: 첫 층 출력)
# 비교 기준: 유닛이 모든 입력에서 f' = 1이었다면 받았을 기울기 w3_j · (1/N) Σ_i e_i h_i
parts = {"actual": [], "if_linear": [], "neg": [], "active": []}
for run in runs[0.1, "Leaky ReLU"]:
    net = run["net"]
    with torch.no_grad():
        h1 = net[1](net[0](X_train))
        z2 = net[2](h1)
        e = (torch.sigmoid(net(X_train).squeeze(1)) - Y_train) / len(X_train)   # BCE의 ∂L/∂(출력)
        w3 = net[4].weight[0]
        slope = torch.where(z2 > 0, 1.0, LEAK)                                  # f'(z_ij)
        parts["actual"].append(w3[:, None] * ((e[:, None] * slope).T @ h1))    # 위 역전파와 같은 값
        parts["if_linear"].append(w3[:, None] * (e @ h1)[None, :])             # 모든 입력에서 f' = 1이라면
        parts["neg"].append(all_negative(net)[1])
        parts["active"].append((z2 > 0).float().mean(0))                       # 유닛마다 양수인 입력의 비율
grad_actual, grad_if_linear, neg, active = (torch.cat(parts[k]) for k in ("actual", "if_linear", "neg", "active"))
rms = lambda t: t.pow(2).mean().sqrt().item()
neg_vs_linear = rms(grad_actual[neg]) / rms(grad_if_linear[neg])
_rest_vs_linear = rms(grad_actual[~neg]) / rms(grad_if_linear[~neg])
rest_active_fraction = active[~neg].mean().item()
print(f"모든 입력에서 음수인 유닛: 실제 기울기 / 'f' = 1이라면' = {neg_vs_linear:.3f}")
print(f"나머지 유닛이 양수인 입력의 비율(유닛·입력 평균): {rest_active_fraction:.1%}")
print(f"나머지 유닛:              실제 기울기 / 'f' = 1이라면' = {REST_LIMIT} " + ("미만" if _rest_vs_linear < REST_LIMIT else "이상"))
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

# --8<-- [start:explorer]
# 움직여 보는 그림의 데이터: 학습률을 더 촘촘히 바꿔 가며(시드 0) 에폭마다 둘째 층에서 모든 입력에 음수인 유닛의 비율.
# 위에서 학습한 학습률은 그 결과를 그대로 씁니다. 한 줄에 한 기록, 탭으로 구분합니다.
EXPLORER_LRS = (1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 1e-1)
explorer_curves = {}
print("explorer\t학습률 (Adam)\t에폭\t모든 입력에서 음수인 유닛 비율\tlinear\t학습률 0.1")
for lr in EXPLORER_LRS:
    step = f"학습률 {lr:g}"
    print(f"x\t{step}\t" + " ".join(str(epoch) for epoch in range(EPOCHS + 1)))
    for name, act in ACTIVATIONS.items():
        curve = runs[lr, name][0]["curve"] if (lr, name) in runs else train(act, lr, seed=0)["curve"]
        explorer_curves[lr, name] = curve
        print(f"{name}\t{step}\t" + " ".join(f"{v:.4f}" for v in curve))

fig, ax = plt.subplots(figsize=(6.4, 3.6))      # 정지 그림: 학습률 0.1
for name in ACTIVATIONS:
    ax.plot(range(EPOCHS + 1), explorer_curves[0.1, name], color=colors[name], linewidth=2, label=name)
ax.set_xlabel("에폭")
ax.set_ylabel("모든 입력에서 음수인 유닛 비율")
ax.set_ylim(-0.02, 1.02)
ax.set_title("Adam, 학습률 0.1 (시드 0)")
ax.grid(alpha=0.3)
ax.legend(loc="upper left")
fig.tight_layout()
# --8<-- [end:explorer]

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


def revived_fraction(lr, name):
    """한 번이라도 죽었던 유닛 가운데 되살아난 유닛의 비율 (시드를 모아서)."""
    revived, ever = counts[lr, name]
    return revived / ever


leaky_revived_big_lr = revived_fraction(1e-1, "Leaky ReLU")
relu_revived_big_lr = revived_fraction(1e-1, "ReLU")
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
leaky_negative_beyond_slope = _share >= BEYOND_SLOPE * LEAK
leaky_rest_mostly_negative = _rest_vs_linear < REST_LIMIT
del relu_dead_end, leaky_neg_end
n_train, n_features = X_train.shape
n_test = len(X_test)
hidden = runs[LRS[0], "ReLU"][0]["net"][0].out_features
lr_small, lr_mid, lr_big = LRS
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
leaky_slope = ACTIVATIONS["Leaky ReLU"]().negative_slope
leaky_neg_vs_linear = neg_vs_linear
leaky_rest_active = rest_active_fraction
relu_revived_small_lr = revived_fraction(1e-3, "ReLU")
relu_revived_mid_lr = revived_fraction(1e-2, "ReLU")
# 그 비율의 바탕이 된 유닛 수 (시드를 모아서): 되살아난 유닛 수, 한 번이라도 죽었던 유닛 수.
# 학습률 0.1에서 되살아난 ReLU 유닛 수는 CPU 경로에 따라 몇 개씩 달라지므로 싣지 않고, 비율과 바탕 수만 싣습니다.
relu_revived_count_small_lr, relu_ever_count_small_lr = counts[1e-3, "ReLU"]
relu_revived_count_mid_lr, relu_ever_count_mid_lr = counts[1e-2, "ReLU"]
relu_ever_count_big_lr = counts[1e-1, "ReLU"][1]
units_pooled = hidden * n_seeds                                     # 시드를 모은 둘째 층 유닛 수
# 판정 규칙으로 낸 평가 정확도 비교
leaky_vs_relu_small_lr, leaky_vs_relu_mid_lr, leaky_vs_relu_big_lr = (leaky_vs_relu[lr] for lr in LRS)
relu_small_vs_mid_lr, relu_small_vs_big_lr = between_lrs["ReLU", 1e-2], between_lrs["ReLU", 1e-1]
leaky_small_vs_mid_lr, leaky_small_vs_big_lr = between_lrs["Leaky ReLU", 1e-2], between_lrs["Leaky ReLU", 1e-1]
# 학습률 0.1에서 끝에 모든 입력 음수인 유닛의 비율(시드마다 하나): Leaky ReLU − ReLU
leaky_vs_relu_stuck_big_lr = verdicts.compare([r["end"] for r in runs[1e-1, "Leaky ReLU"]],
                                              [r["end"] for r in runs[1e-1, "ReLU"]])

# ---- 흔히 하는 말 vs 측정 결과(summary/claims)의 판정 ----
# 주장마다, 그 주장을 잰 조건에서 주장대로였는지(True/False)를 이 실험의 측정으로 정하고 verdicts.claim()으로 모읍니다.
# 편향을 민 실험(bias_shift.py)의 측정도 씁니다. 그 출력은 그 절에서 보이므로 여기서는 찍지 않습니다.
with contextlib.redirect_stdout(io.StringIO()):
    import bias_shift


def claimed_difference(comparison, sign):
    """"앞이 뒤보다 높다(+1)/낮다(−1)"가 판정 규칙으로 맞았는가. 판단 보류인 비교는 조건이 될 수 없습니다."""
    result = verdicts.claim_of_difference(comparison, sign)
    assert result.verdict != verdicts.INCONCLUSIVE, "판단 보류인 비교를 주장의 조건으로 쓰려 했습니다"
    return result.verdict == verdicts.HOLDS


def inactive_equals_dead(z):
    """(입력, 유닛) 쌍 가운데 z ≤ 0인 비율(비활성 비율)이, 모든 입력에서 z ≤ 0인 유닛의 비율(죽은 유닛 비율)과 같은가."""
    off = z <= 0
    return math.isclose(off.float().mean().item(), off.all(dim=0).float().mean().item())


def second_layer_z(net):
    with torch.no_grad():
        return net[2](net[1](net[0](X_train)))


def first_layer_z_at_init(seed):
    torch.manual_seed(seed)
    with torch.no_grad():
        return make_net(ACTIVATIONS["ReLU"])[0](X_train)


# "표준정규분포 입력에서 비활성인 비율"을 죽은 뉴런 비율이라고 부름
claim_inactive_is_dead = verdicts.claim(
    # 학습 전 첫 층(입력이 표준정규분포 데이터): 비활성 비율이 죽은 유닛 비율과 같은가 (시드의 유닛을 모아서)
    first_layer_before_training=inactive_equals_dead(torch.cat([first_layer_z_at_init(s) for s in SEEDS], dim=1)),
    # 학습 뒤 둘째 층(ReLU), 학습률마다: 비활성 비율이 죽은 유닛 비율과 같은가
    **{f"second_layer_lr_{lr:g}": inactive_equals_dead(torch.cat([second_layer_z(r["net"]) for r in runs[lr, "ReLU"]], dim=1))
       for lr in LRS},
)

# "죽은 뉴런은 회복하지 못함"
assert all(sum(r["n_ever"] for r in runs[lr, "ReLU"]) > 0 for lr in LRS), "죽은 유닛이 없는 학습률은 조건이 될 수 없습니다"
claim_never_recover = verdicts.claim(
    # 첫 층(입력이 데이터 자체): 편향을 밀어 죽인 ReLU 유닛이 모든 시드에서 끝까지 모든 입력에 음수였는가
    first_layer=all(r["still_negative"] == 1 for r in bias_shift.results["ReLU"]),
    # 둘째 층, 학습률마다: 한 번 죽었던 ReLU 유닛 가운데 되살아난 유닛이 하나도 없었는가 (시드를 모아서)
    **{f"second_layer_lr_{lr:g}": sum(r["n_revived"] for r in runs[lr, "ReLU"]) == 0 for lr in LRS},
)

# "Leaky ReLU: Dying ReLU 문제 해결/방지"
# 조건이 아닌 것: 음수 유닛도 기울기를 받는가(경사가 0이 아니므로 정의로 참), 편향을 민 실험의 평가 정확도
# (밀린 유닛이 하나도 돌아오지 않았으므로 그 차이는 회복에서 온 것이 아님). 둘 다 페이지에 맥락으로만 싣습니다.
claim_leaky_solves = verdicts.claim(
    # 학습률 0.1: 끝에 모든 입력 음수인 유닛이 ReLU의 죽은 유닛보다 적은가 (판정 규칙)
    fewer_stuck_units=claimed_difference(leaky_vs_relu_stuck_big_lr, -1),
    # 편향을 민 첫 층: 여전히 모든 입력 음수인 유닛이 ReLU보다 적은가, 즉 더 많이 돌아왔는가 (판정 규칙)
    shifted_units_recover=claimed_difference(bias_shift.still_negative_leaky_vs_relu, -1),
    # 학습률 0.1: 평가 정확도가 ReLU보다 높은가 (판정 규칙)
    higher_accuracy_big_lr=claimed_difference(leaky_vs_relu_big_lr, +1),
)
