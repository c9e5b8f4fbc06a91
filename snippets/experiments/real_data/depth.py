"""실제 데이터에서 깊은 Sigmoid vs ReLU: 은닉층 8개의 MLP로 손글씨 숫자를 같은 예산만큼 학습하고 평가 정확도를 비교합니다."""

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# 데이터는 data.py와 같습니다: 한 번 나누고(시드 0) 픽셀마다 표준화
digits = load_digits()
X_train, X_test, y_train, y_test = train_test_split(
    digits.data, digits.target, test_size=0.5, stratify=digits.target, random_state=0)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)
std[std == 0] = 1.0
X_train, X_test = torch.tensor((X_train - mean) / std), torch.tensor((X_test - mean) / std)  # float64
y_train, y_test = torch.tensor(y_train), torch.tensor(y_test)

# --8<-- [start:setup]
DEPTH, WIDTH, EPOCHS, BATCH, LR, SEEDS = 8, 64, 30, 32, 1e-3, (0, 1, 2, 3, 4)
majority = torch.bincount(y_train).max().item() / len(y_train)  # 가장 많은 숫자의 비율
threshold = majority + 0.05  # 평탄 구간 탈출 기준: 합성 과제 페이지와 같은 규칙(다수 클래스 비율 + 5%p)


def deep_net(act):
    """Linear(64→64) → act, 이어서 Linear(64→64) → act 7번(은닉층 8개) → Linear(64→10), PyTorch 기본 초기화"""
    layers = [nn.Linear(X_train.shape[1], WIDTH), act()]
    for _ in range(DEPTH - 1):
        layers += [nn.Linear(WIDTH, WIDTH), act()]
    return nn.Sequential(*layers, nn.Linear(WIDTH, 10)).double()


def train(act, seed):
    """Adam으로 EPOCHS 에폭 학습하며 에폭마다 학습 정확도를 기록합니다.
    돌려주는 값: 에폭별 학습 정확도, 평가 샘플마다 맞혔는지(True/False)."""
    torch.manual_seed(seed)
    net = deep_net(act)
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    train_curve = []
    for epoch in range(EPOCHS):
        order = torch.randperm(len(X_train))
        for i in range(0, len(X_train), BATCH):
            idx = order[i:i + BATCH]
            optimizer.zero_grad()
            nn.functional.cross_entropy(net(X_train[idx]), y_train[idx]).backward()
            optimizer.step()
        with torch.no_grad():
            train_curve.append((net(X_train).argmax(dim=1) == y_train).double().mean().item())
    with torch.no_grad():
        return train_curve, net(X_test).argmax(dim=1) == y_test


def escape_epoch(curve):
    """학습 정확도가 threshold를 넘고 그 뒤로 끝까지 내려오지 않는 첫 에폭(1부터 셉니다)."""
    below = [i + 1 for i, a in enumerate(curve) if a <= threshold]
    return below[-1] + 1 if below else 1
# --8<-- [end:setup]

# --8<-- [start:compare]
def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


runs = {name: [train(act, seed) for seed in SEEDS] for name, act in (("Sigmoid", nn.Sigmoid), ("ReLU", nn.ReLU))}
escapes = {name: [escape_epoch(r[0]) for r in rows] for name, rows in runs.items()}
stats = {}
print(f"기준: 학습 정확도 > {threshold:.3f} (다수 클래스 비율 + 0.05)")
print(f"        | 탈출 에폭 (시드 {', '.join(str(s) for s in SEEDS)}) | {EPOCHS}에폭 학습 정확도 | 평가 정확도 (평균 ± 표준편차)")
for name, rows in runs.items():
    stats[name] = (mean_std([r[0][-1] for r in rows]), mean_std([r[1].double().mean().item() for r in rows]))
    (tr_m, tr_s), (te_m, te_s) = stats[name]
    print(f"{name:7s} | {' '.join(f'{e:3d}' for e in escapes[name])} | {tr_m:.3f} ± {tr_s:.3f} | {te_m:.3f} ± {te_s:.3f}")

# 판정 규칙: 시드와 평가 샘플을 함께 다시 뽑은 95% 구간
sigmoid_vs_relu_test = verdicts.compare([r[1] for r in runs["Sigmoid"]], [r[1] for r in runs["ReLU"]])
print(f"평가 정확도 Sigmoid − ReLU: {sigmoid_vs_relu_test}")
# --8<-- [end:compare]

# --8<-- [start:claims]
# 합성 과제(Sigmoid vs ReLU 깊은 신경망)의 두 결론을 이 데이터에서 판정합니다.
# "깊은 sigmoid 신경망은 ReLU보다 늦게 평탄 구간을 벗어난다": 시드마다
sigmoid_escapes_later = verdicts.claim(**{
    f"seed_{seed}": s > r for seed, s, r in zip(SEEDS, escapes["Sigmoid"], escapes["ReLU"])})
# 합성 과제에서는 sigmoid의 평가 정확도 평균이 ReLU보다 높았습니다: 같은 방향인가
sigmoid_above_relu = verdicts.claim_of_difference(sigmoid_vs_relu_test, +1)
print(f"'깊은 sigmoid 신경망은 ReLU보다 늦게 평탄 구간을 벗어난다': {sigmoid_escapes_later}")
print(f"'깊은 sigmoid 신경망의 평가 정확도가 ReLU보다 높다': {sigmoid_above_relu}")
# --8<-- [end:claims]

# --8<-- [start:figure]
colors = {"Sigmoid": "tab:blue", "ReLU": "tab:orange"}
fig, ax = plt.subplots(figsize=(6, 3.6))
epochs = range(1, EPOCHS + 1)
for name, rows in runs.items():
    for r in rows:  # 시드마다 가는 선
        ax.plot(epochs, r[0], color=colors[name], linewidth=0.7, alpha=0.5)
    mean_curve = [sum(r[0][e] for r in rows) / len(rows) for e in range(EPOCHS)]
    ax.plot(epochs, mean_curve, color=colors[name], linewidth=2, label=f"{name} 학습")
ax.axhline(majority, color="gray", linewidth=1, linestyle=":", label="다수 클래스 비율")
ax.set_xlabel("에폭")
ax.set_ylabel("정확도")
ax.set_ylim(0, 1.02)
ax.grid(alpha=0.3)
ax.legend(loc="center right")
fig.tight_layout()
# --8<-- [end:figure]

(sigmoid_train, _), (sigmoid_test, sigmoid_test_std) = stats["Sigmoid"]
(relu_train, _), (relu_test, relu_test_std) = stats["ReLU"]
sigmoid_escape_min, sigmoid_escape_max = min(escapes["Sigmoid"]), max(escapes["Sigmoid"])
relu_escape_max = max(escapes["ReLU"])
n_seeds = len(SEEDS)
n_linear = DEPTH + 1
