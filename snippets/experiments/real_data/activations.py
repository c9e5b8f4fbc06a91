"""실제 데이터에서 활성화 함수 고르기: 같은 작은 MLP에 여섯 함수를 넣어 손글씨 숫자의 평가 정확도를 비교합니다."""

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
ACTIVATIONS = {
    "relu": nn.ReLU,
    "leaky_relu": lambda: nn.LeakyReLU(0.01),
    "gelu": nn.GELU,
    "silu": nn.SiLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
}
HIDDEN, EPOCHS, BATCH, LR, SEEDS = 64, 30, 32, 1e-3, (0, 1, 2, 3, 4)


def make_net(activation):
    """Linear(64→64) → 활성화 함수 → Linear(64→64) → 활성화 함수 → Linear(64→10), PyTorch 기본 초기화"""
    return nn.Sequential(
        nn.Linear(X_train.shape[1], HIDDEN), ACTIVATIONS[activation](),
        nn.Linear(HIDDEN, HIDDEN), ACTIVATIONS[activation](),
        nn.Linear(HIDDEN, 10),
    ).double()


def train(activation, seed):
    """초기화와 미니배치 순서를 seed로 정해 Adam으로 학습합니다.
    돌려주는 값: 학습 정확도, 평가 샘플마다 맞혔는지(True/False)."""
    torch.manual_seed(seed)
    net = make_net(activation)
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    for epoch in range(EPOCHS):
        order = torch.randperm(len(X_train))
        for i in range(0, len(X_train), BATCH):
            idx = order[i:i + BATCH]
            optimizer.zero_grad()
            nn.functional.cross_entropy(net(X_train[idx]), y_train[idx]).backward()
            optimizer.step()
    with torch.no_grad():
        train_acc = (net(X_train).argmax(dim=1) == y_train).double().mean().item()
        return train_acc, net(X_test).argmax(dim=1) == y_test
# --8<-- [end:setup]

# --8<-- [start:compare]
def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


runs = {name: [train(name, seed) for seed in SEEDS] for name in ACTIVATIONS}
stats = {}
print(f"활성화 함수 | 학습 정확도     | 평가 정확도     (시드 {len(SEEDS)}개의 평균 ± 표준편차)")
for name, rows in runs.items():
    train_m, train_s = mean_std([r[0] for r in rows])
    test_m, test_s = mean_std([r[1].double().mean().item() for r in rows])
    stats[name] = (train_m, train_s, test_m, test_s)
    print(f"{name:11s} | {train_m:.3f} ± {train_s:.3f} | {test_m:.3f} ± {test_s:.3f}")

# ReLU와의 차이(앞 − ReLU)를 판정 규칙으로: 시드와 평가 샘플을 함께 다시 뽑은 95% 구간
print(f"평가 정확도의 차이 (시드 {len(SEEDS)}개 × 평가 샘플 {len(X_test)}개)")
comparisons = {}
for name in ACTIVATIONS:
    if name != "relu":
        comparisons[f"{name}_vs_relu"] = verdicts.compare([r[1] for r in runs[name]], [r[1] for r in runs["relu"]])
        print(f"  {name} − relu: {comparisons[f'{name}_vs_relu']}")
# --8<-- [end:compare]
globals().update(comparisons)  # 본문의 판정: <이름>_vs_relu (예: sigmoid_vs_relu)

# --8<-- [start:claims]
# 합성 과제(최적의 활성화 함수 찾기)에서 본 방향, "sigmoid와 tanh의 평가 정확도가 ReLU보다 높다"를 이 데이터에서 판정합니다.
# 구별되고 같은 방향 → 맞음, 구별되고 반대 방향 → 틀림, 구별되지 않음 → 뒷받침 안 됨
sigmoid_above_relu = verdicts.claim_of_difference(sigmoid_vs_relu, +1)
tanh_above_relu = verdicts.claim_of_difference(tanh_vs_relu, +1)
print(f"'sigmoid의 평가 정확도가 ReLU보다 높다': {sigmoid_above_relu}")
print(f"'tanh의 평가 정확도가 ReLU보다 높다': {tanh_above_relu}")
# --8<-- [end:claims]

# 본문에서 인용하는 값: <이름>_train, <이름>_test (평균), <이름>_test_std
for name, (tr_m, tr_s, te_m, te_s) in stats.items():
    globals()[f"{name}_train"], globals()[f"{name}_test"], globals()[f"{name}_test_std"] = tr_m, te_m, te_s
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
n_test = len(X_test)
steps = EPOCHS * -(-len(X_train) // BATCH)  # 학습 중 갱신 횟수
