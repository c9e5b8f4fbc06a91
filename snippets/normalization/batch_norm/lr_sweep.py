"""같은 작은 MLP를 BN 없이, BN을 넣어 여러 학습률로 학습하고 학습률마다 평가 정확도를 비교합니다."""

import statistics

import torch
import torch.nn as nn
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:setup]
N_FEATURES, N_CLASSES, WIDTH = 16, 4, 64

# 정답을 정하는 고정된 작은 신경망(교사): 입력 16개 → tanh 유닛 32개 → 클래스 4개
g = torch.Generator().manual_seed(100)
W_TEACHER_1 = torch.randn(N_FEATURES, 32, generator=g) / N_FEATURES ** 0.5
W_TEACHER_2 = torch.randn(32, N_CLASSES, generator=g) / 32 ** 0.5


def make_data(n, seed):
    """표준정규분포 입력과, 교사 신경망이 정한 클래스."""
    x = torch.randn(n, N_FEATURES, generator=torch.Generator().manual_seed(seed))
    y = (torch.tanh(2 * x @ W_TEACHER_1) @ W_TEACHER_2).argmax(1)
    return x, y


x_train, y_train = make_data(1024, seed=0)
x_test, y_test = make_data(1000, seed=1)   # 따로 뽑은 평가 데이터
majority = torch.bincount(y_test, minlength=N_CLASSES).max().item() / len(y_test)


def make_mlp(use_bn):
    """은닉층 3개(너비 64)의 ReLU MLP. BN을 넣으면 Linear(편향 없음) → BN → ReLU."""
    layers, width_in = [], N_FEATURES
    for _ in range(3):
        if use_bn:
            layers += [nn.Linear(width_in, WIDTH, bias=False), nn.BatchNorm1d(WIDTH), nn.ReLU()]
        else:
            layers += [nn.Linear(width_in, WIDTH), nn.ReLU()]
        width_in = WIDTH
    layers.append(nn.Linear(WIDTH, N_CLASSES))
    return nn.Sequential(*layers)


print(f"학습 {len(x_train)}개, 평가 {len(x_test)}개, 클래스 {N_CLASSES}개")
print(f"평가 데이터에서 가장 많은 클래스의 비율: {majority:.3f} (한 클래스만 답하면 이 정확도)")
# --8<-- [end:setup]

# --8<-- [start:train]
LEARNING_RATES = [0.03, 0.3, 1.0, 3.0]
SEEDS = [0, 1, 2, 3]
EPOCHS = 20
BATCH = 64


def train(use_bn, lr, seed):
    """SGD(모멘텀 없음)로 학습하고, 평가 모드에서 평가 샘플마다 맞혔는지와 예측한 클래스 수를 돌려줍니다."""
    torch.manual_seed(seed)
    net = make_mlp(use_bn)
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    for _ in range(EPOCHS):
        perm = torch.randperm(len(x_train))
        for i in range(0, len(x_train), BATCH):
            idx = perm[i:i + BATCH]
            loss = F.cross_entropy(net(x_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    with torch.no_grad():
        pred = net(x_test).argmax(1)
    return pred == y_test, len(torch.unique(pred))


results = {(use_bn, lr): [train(use_bn, lr, seed) for seed in SEEDS]
           for lr in LEARNING_RATES for use_bn in (False, True)}
# --8<-- [end:train]

# --8<-- [start:report]
def accuracy(use_bn, lr):
    return statistics.mean(hits.float().mean().item() for hits, _ in results[(use_bn, lr)])


def one_class_seeds(use_bn, lr):
    """한 클래스만 답하게 된 시드의 수(학습이 망가진 신호)."""
    return sum(n_pred == 1 for _, n_pred in results[(use_bn, lr)])


# 판정 규칙: 시드와 평가 샘플을 함께 다시 뽑은 95% 구간이 0을 포함하는가 (차이는 BN − BN 없음)
comparisons = [verdicts.compare([hits for hits, _ in results[(True, lr)]],
                                [hits for hits, _ in results[(False, lr)]])
               for lr in LEARNING_RATES]

print(f"평가 정확도 (시드 {len(SEEDS)}개 평균), 괄호 안은 한 클래스만 답한 시드 수")
print("학습률 | BN 없음     | BN          | BN − BN 없음")
for lr, comparison in zip(LEARNING_RATES, comparisons):
    print(f"{lr:<6g} | {accuracy(False, lr):.3f} ({one_class_seeds(False, lr)}개) | "
          f"{accuracy(True, lr):.3f} ({one_class_seeds(True, lr)}개) | {comparison}")
# --8<-- [end:report]

# 본문에서 인용하는 값
lr_1, lr_2, lr_3, lr_4 = LEARNING_RATES
bn_vs_plain_1, bn_vs_plain_2, bn_vs_plain_3, bn_vs_plain_4 = comparisons
plain_acc_1, plain_acc_2, plain_acc_3, plain_acc_4 = (accuracy(False, lr) for lr in LEARNING_RATES)
bn_acc_1, bn_acc_2, bn_acc_3, bn_acc_4 = (accuracy(True, lr) for lr in LEARNING_RATES)
plain_one_class_4 = one_class_seeds(False, lr_4)
n_seeds = len(SEEDS)
n_train, n_test = len(x_train), len(x_test)
n_steps = EPOCHS * ((n_train + BATCH - 1) // BATCH)
