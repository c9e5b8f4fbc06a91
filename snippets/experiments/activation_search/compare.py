"""원문 §8의 다섯 활성화 함수를 held-out 데이터와 여러 시드로 다시 비교합니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:setup]
# 원문과 같은 학습 데이터 (시드 42, 5000개)
torch.manual_seed(42)
X = torch.randn(5000, 50)
Y = (X[:, :25].sum(dim=1) > X[:, 25:].sum(dim=1)).long()
# held-out: 같은 분포에서 별도 생성기로 2000개
held_out_gen = torch.Generator().manual_seed(43)
X_test = torch.randn(2000, 50, generator=held_out_gen)
Y_test = (X_test[:, :25].sum(dim=1) > X_test[:, 25:].sum(dim=1)).long()

ACTIVATIONS = {
    "relu": nn.ReLU,
    "leaky_relu": lambda: nn.LeakyReLU(0.01),
    "elu": nn.ELU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
}
EPOCHS, BATCH, LR, SEEDS = 20, 64, 1e-3, (0, 1, 2, 3)


def create_model(activation):
    """원문과 같은 구조. 원문처럼 활성화 모듈 하나를 세 곳에서 같이 씁니다(상태가 없으므로 결과는 같습니다)."""
    act = ACTIVATIONS[activation]()
    return nn.Sequential(
        nn.Linear(50, 128), act,
        nn.Linear(128, 64), act,
        nn.Linear(64, 32), act,
        nn.Linear(32, 2),
    )


def correct(model, x, y):
    """예제마다 맞혔는지(True/False)."""
    with torch.no_grad():
        return model(x).argmax(dim=1) == y


def accuracy(model, x, y):
    return correct(model, x, y).float().mean().item()


def train_and_evaluate(activation, seed):
    """초기화와 미니배치 순서를 seed로 정하고, 에폭마다 held-out 정확도를 기록합니다.

    돌려주는 값: 학습 정확도, 마지막 held-out 정확도, 에폭별 held-out 정확도,
    held-out 예제마다 맞혔는지, 학습 예제마다 맞혔는지.
    """
    torch.manual_seed(seed)
    model = create_model(activation)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    test_curve = []
    for epoch in range(EPOCHS):
        order = torch.randperm(len(X))                 # DataLoader(shuffle=True)와 같은 역할
        for i in range(0, len(X), BATCH):
            idx = order[i:i + BATCH]
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(X[idx]), Y[idx]).backward()
            optimizer.step()
        test_curve.append(accuracy(model, X_test, Y_test))
    train_correct = correct(model, X, Y)  # 학습 예제마다 맞혔는지 (학습 데이터는 모든 함수에 같으므로 짝지은 비교가 됩니다)
    return train_correct.float().mean().item(), test_curve[-1], test_curve, correct(model, X_test, Y_test), train_correct
# --8<-- [end:setup]

# --8<-- [start:compare]
def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


runs = {}
for name in ACTIVATIONS:
    runs[name] = [train_and_evaluate(name, seed) for seed in SEEDS]

stats = {}
print("활성화 함수  | 학습 정확도       | held-out 정확도   | 시드별 held-out")
for name, rows in runs.items():
    train_m, train_s = mean_std([r[0] for r in rows])
    test_m, test_s = mean_std([r[1] for r in rows])
    stats[name] = (train_m, train_s, test_m, test_s)
    per_seed = " ".join(f"{r[1]:.4f}" for r in rows)
    print(f"{name:12s} | {train_m:.4f} ± {train_s:.4f} | {test_m:.4f} ± {test_s:.4f} | {per_seed}")
# --8<-- [end:compare]

# --8<-- [start:ranking]
def best(col):
    """평균이 가장 높은 함수. 출력하는 자릿수(소수 넷째 자리)에서 같은 값이면 "="로 모두 잇습니다."""
    top = round(max(s[col] for s in stats.values()), 4)
    return " = ".join(n for n in stats if round(stats[n][col], 4) == top)


best_train_name, best_test_name = best(0), best(2)
print("학습 정확도가 가장 높은 함수:     " + best_train_name)
print("held-out 정확도가 가장 높은 함수: " + best_test_name)
# 두 함수의 held-out 정확도를 사이트의 판정 규칙으로 비교합니다: 시드와 held-out 예제를 함께 다시 뽑은 95% 구간.
# 평균의 순서는 마지막 자릿수에 따라 바뀔 수 있으므로, 아래 순서로 모든 쌍(앞 − 뒤)을 비교해 이름을 고정합니다.
ORDER = ("sigmoid", "tanh", "elu", "leaky_relu", "relu")
comparisons, pairs = {}, {}
for i, a in enumerate(ORDER):
    for b in ORDER[i + 1:]:
        name = f"{a}_vs_{b}"
        comparisons[name] = verdicts.compare([r[3] for r in runs[a]], [r[3] for r in runs[b]])
        pairs[name] = (a, b)
        print(f"  {a} − {b}: {comparisons[name]}")
# held-out 차이가 구별되는 쌍마다, 학습 정확도도 같은 규칙으로 비교합니다(학습 예제마다 맞힘 1, 틀림 0).
# 학습 데이터는 모든 함수에 같으므로 held-out과 똑같이 짝지은 비교입니다.
# 학습 예제가 많아 비교 한 번이 무겁습니다. 점수가 똑같은 두 쌍(예: 학습 예제를 모두 맞힌 ReLU와 Leaky ReLU가
# 같은 상대와 만나는 쌍)은 비교 결과도 똑같으므로 한 번만 계산합니다.
train_comparisons, computed = {}, {}
print("held-out에서 구별되는 쌍의 학습 정확도 비교:")
for name, (a, b) in pairs.items():
    if comparisons[name].verdict == verdicts.DISTINGUISHABLE:
        train_a = torch.stack([r[4] for r in runs[a]])  # 시드 × 학습 예제 (맞힘 True/False)
        train_b = torch.stack([r[4] for r in runs[b]])
        key = (train_a.numpy().tobytes(), train_b.numpy().tobytes())
        if key not in computed:
            computed[key] = verdicts.compare(train_a, train_b)
        train_comparisons[name] = computed[key]
        print(f"  {a} − {b} (학습): {train_comparisons[name]}")


def train_direction(name):
    """학습 정확도의 비교가 held-out과 같은 쪽(+1), 반대쪽(−1)으로 구별되는가, 아니면 가리지 못했는가(0)."""
    t = train_comparisons[name]
    if t.verdict != verdicts.DISTINGUISHABLE:
        return 0
    return 1 if t.difference * comparisons[name].difference > 0 else -1


n_distinguishable = len(train_comparisons)
n_train_agrees = sum(train_direction(n) == 1 for n in train_comparisons)     # 같은 쪽으로 구별됨
n_train_opposite = sum(train_direction(n) == -1 for n in train_comparisons)  # 반대쪽으로 구별됨
n_train_unresolved = sum(train_direction(n) == 0 for n in train_comparisons)  # 학습 정확도로는 가리지 못함
print(f"held-out에서 구별되는 쌍 {n_distinguishable}개 가운데 학습 정확도가 "
      f"같은 쪽으로 구별: {n_train_agrees}개, 반대쪽으로 구별: {n_train_opposite}개, "
      f"구별되지 않음: {n_train_unresolved}개")
# --8<-- [end:ranking]

# --8<-- [start:figure]
labels = {"relu": "ReLU", "leaky_relu": "Leaky ReLU", "elu": "ELU", "tanh": "Tanh", "sigmoid": "Sigmoid"}
names = list(runs)
fig, (ax_bar, ax_curve) = plt.subplots(1, 2, figsize=(11, 4))
pos = range(len(names))
ax_bar.errorbar([p - 0.12 for p in pos], [stats[n][0] for n in names], yerr=[stats[n][1] for n in names],
                fmt="s", color="tab:gray", capsize=4, markersize=6, label="학습")
ax_bar.errorbar([p + 0.12 for p in pos], [stats[n][2] for n in names], yerr=[stats[n][3] for n in names],
                fmt="o", color="tab:blue", capsize=4, markersize=6, label="held-out")
ax_bar.set_xticks(list(pos), [labels[n] for n in names])
ax_bar.set_xlim(-0.5, len(names) - 0.5)
ax_bar.set_ylim(0.965, 1.003)
ax_bar.set_ylabel("정확도")
ax_bar.set_title(f"{EPOCHS} 에폭 뒤 정확도 (시드 {len(SEEDS)}개 평균 ± 표준편차)")
ax_bar.legend(loc="lower right")
ax_bar.grid(axis="y", alpha=0.3)
for n in names:
    curves = [r[2] for r in runs[n]]
    mean_curve = [sum(c[e] for c in curves) / len(curves) for e in range(EPOCHS)]
    ax_curve.plot(range(1, EPOCHS + 1), mean_curve, linewidth=1.8, label=labels[n])
ax_curve.set_xlabel("에폭")
ax_curve.set_ylabel("held-out 정확도 (시드 평균)")
ax_curve.set_title("에폭별 held-out 정확도")
ax_curve.set_ylim(0.95, 1.0)
ax_curve.set_xticks([1, 5, 10, 15, 20])
ax_curve.grid(alpha=0.3)
ax_curve.legend(fontsize=9)
fig.tight_layout()
# --8<-- [end:figure]

# 본문에서 인용하는 값: <이름>_train / <이름>_test (평균), <이름>_test_std
for n, (tr_m, tr_s, te_m, te_s) in stats.items():
    globals()[f"{n}_train"], globals()[f"{n}_train_std"] = tr_m, tr_s
    globals()[f"{n}_test"], globals()[f"{n}_test_std"] = te_m, te_s
n_params = sum(p.numel() for p in create_model("relu").parameters())
sigmoid_test_epoch1 = sum(r[2][0] for r in runs["sigmoid"]) / len(SEEDS)
relu_test_epoch1 = sum(r[2][0] for r in runs["relu"]) / len(SEEDS)
sigmoid_test_minus_relu = stats["sigmoid"][2] - stats["relu"][2]
globals().update(comparisons)  # 본문의 판정: <앞>_vs_<뒤> (예: tanh_vs_elu)
globals().update({f"train_{n}": c for n, c in train_comparisons.items()})  # 학습 정확도의 판정: train_<앞>_vs_<뒤>


# 원문 주장의 판정 ("흔히 하는 말 vs 측정 결과" 페이지). 조건마다 이 실험의 held-out 비교로 정합니다.
def lower_in_held_out(a, b):
    """held-out 정확도에서 a가 b보다 구별되게 낮은가 (판정 규칙의 구간이 0을 포함하지 않고 a 쪽이 낮음)."""
    if f"{a}_vs_{b}" in comparisons:
        c, sign = comparisons[f"{a}_vs_{b}"], 1
    else:
        c, sign = comparisons[f"{b}_vs_{a}"], -1
    return c.verdict == verdicts.DISTINGUISHABLE and sign * c.difference < 0


# "Sigmoid는 은닉층에 쓰지 말라": 은닉층이 Sigmoid인 신경망이 다른 함수보다 held-out 정확도가 낮은가
sigmoid_hidden_claim = verdicts.claim(
    below_tanh=lower_in_held_out("sigmoid", "tanh"),              # Tanh보다 구별되게 낮은가
    below_elu=lower_in_held_out("sigmoid", "elu"),                # ELU보다 구별되게 낮은가
    below_leaky_relu=lower_in_held_out("sigmoid", "leaky_relu"),  # Leaky ReLU보다 구별되게 낮은가
    below_relu=lower_in_held_out("sigmoid", "relu"),              # ReLU보다 구별되게 낮은가
)
# "1순위는 ReLU, 대부분의 경우 좋은 성능"은 여러 과제에 대한 주장이라 과제 하나인 이 실험으로는 판정하지 않습니다.
# 흔히 하는 말 페이지는 ReLU와 다른 네 함수의 held-out 비교(leaky_relu_vs_relu, elu_vs_relu, tanh_vs_relu,
# sigmoid_vs_relu)를 그대로 보입니다.

# "학습 정확도로 비교하면 된다": held-out 정확도의 차이가 구별되는 쌍마다,
# 학습 정확도의 비교도 같은 함수를 더 높게 가려냈는가 (구별되고 방향이 같음)
train_accuracy_claim = verdicts.claim(
    **{name: train_direction(name) == 1 for name in train_comparisons})  # 조건: 쌍마다 같은 쪽으로 구별되었는가
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
seed_range = f"{SEEDS[0]}~{SEEDS[-1]}"
n_train, n_features = X.shape
n_test = len(X_test)
linears = [m for m in create_model("relu") if isinstance(m, nn.Linear)]
architecture = " → ".join(f"Linear({m.in_features}→{m.out_features})" for m in linears)
n_hidden = len(linears) - 1  # 활성화 함수가 뒤에 오는 층
