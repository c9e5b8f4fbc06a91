"""실제 데이터에서 죽은 유닛: 학습률을 바꿔 손글씨 숫자를 학습하고, 모든 학습 입력에서 활성화 전 값이 음수인(ReLU라면 늘 0을 내는) 은닉 유닛의 비율을 잽니다."""

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
ACTIVATIONS = {"ReLU": nn.ReLU, "Leaky ReLU": lambda: nn.LeakyReLU(0.01)}
LRS, HIDDEN, EPOCHS, BATCH, SEEDS = (1e-3, 1e-2, 1e-1), 128, 20, 128, (0, 1, 2, 3, 4, 5)


def make_net(act):
    """Linear(64→128) → act → Linear(128→128) → act → Linear(128→10), PyTorch 기본 초기화"""
    return nn.Sequential(nn.Linear(X_train.shape[1], HIDDEN), act(), nn.Linear(HIDDEN, HIDDEN), act(),
                         nn.Linear(HIDDEN, 10)).double()


def all_negative(net):
    """은닉층마다, 학습 데이터의 **모든** 입력에서 활성화 전 값이 0 이하인 유닛(True/False).
    ReLU라면 이 유닛은 모든 학습 입력에서 0을 내는 죽은 유닛입니다."""
    with torch.no_grad():
        z1 = net[0](X_train)
        z2 = net[2](net[1](z1))
    return (z1 <= 0).all(dim=0), (z2 <= 0).all(dim=0)


def train(act, lr, seed):
    """Adam(lr)으로 학습하고, 끝난 뒤 은닉층마다 모든 입력에서 음수인 유닛과 평가 샘플마다 맞혔는지를 돌려줍니다."""
    torch.manual_seed(seed)
    net = make_net(act)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    for epoch in range(EPOCHS):
        order = torch.randperm(len(X_train))
        for i in range(0, len(X_train), BATCH):
            idx = order[i:i + BATCH]
            optimizer.zero_grad()
            nn.functional.cross_entropy(net(X_train[idx]), y_train[idx]).backward()
            optimizer.step()
    neg1, neg2 = all_negative(net)
    with torch.no_grad():
        train_acc = (net(X_train).argmax(dim=1) == y_train).double().mean().item()
        test_correct = net(X_test).argmax(dim=1) == y_test
    return {"neg1": neg1.double(), "neg2": neg2.double(), "train_acc": train_acc, "test_correct": test_correct}
# --8<-- [end:setup]

# --8<-- [start:sweep]
def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


runs, stats = {}, {}
print(f"학습률 | 활성화 함수 | 둘째 층: 모든 입력에서 음수 | 첫 층 | 학습 정확도 | 평가 정확도 (시드 {len(SEEDS)}개의 평균 ± 표준편차)")
for lr in LRS:
    for name, act in ACTIVATIONS.items():
        runs[lr, name] = rows = [train(act, lr, seed) for seed in SEEDS]
        stats[lr, name] = s = {
            "neg2": mean_std([r["neg2"].mean().item() for r in rows]),
            "neg1": mean_std([r["neg1"].mean().item() for r in rows]),
            "train_acc": mean_std([r["train_acc"] for r in rows]),
            "test_acc": mean_std([r["test_correct"].double().mean().item() for r in rows]),
        }
        print(f"{lr:6g} | {name:10s} | {s['neg2'][0]:.2f} ± {s['neg2'][1]:.2f} | {s['neg1'][0]:.2f} | "
              f"{s['train_acc'][0]:.3f} ± {s['train_acc'][1]:.3f} | {s['test_acc'][0]:.3f} ± {s['test_acc'][1]:.3f}")
# --8<-- [end:sweep]

# --8<-- [start:compare]
# 판정 규칙(verdicts.compare)으로 비교합니다.
# 모든 입력에서 음수인 유닛의 비율: 시드 × 둘째 층 유닛(그런 유닛 1, 아니면 0). 평가 정확도: 시드 × 평가 샘플(맞힘 1, 틀림 0).
def units(lr, name):
    return [r["neg2"] for r in runs[lr, name]]


def correct(lr, name):
    return [r["test_correct"] for r in runs[lr, name]]


small, mid, big = LRS
relu_dead_mid_vs_small = verdicts.compare(units(mid, "ReLU"), units(small, "ReLU"))
relu_dead_big_vs_mid = verdicts.compare(units(big, "ReLU"), units(mid, "ReLU"))
leaky_vs_relu_negative_big_lr = verdicts.compare(units(big, "Leaky ReLU"), units(big, "ReLU"))
print("둘째 층에서 모든 입력에 음수인 유닛의 비율")
print(f"  ReLU, 학습률 {mid:g} − {small:g}: {relu_dead_mid_vs_small}")
print(f"  ReLU, 학습률 {big:g} − {mid:g}: {relu_dead_big_vs_mid}")
print(f"  학습률 {big:g}, Leaky ReLU − ReLU: {leaky_vs_relu_negative_big_lr}")
print("평가 정확도 (Leaky ReLU − ReLU)")
leaky_vs_relu = {}
for lr in LRS:
    leaky_vs_relu[lr] = verdicts.compare(correct(lr, "Leaky ReLU"), correct(lr, "ReLU"))
    print(f"  학습률 {lr:g}: {leaky_vs_relu[lr]}")


def more(comparison):
    """앞쪽이 구별되게 큰가 (판정 규칙의 구간이 0을 포함하지 않고 차이가 양수)."""
    return comparison.verdict == verdicts.DISTINGUISHABLE and comparison.difference > 0


# 합성 과제(Dead ReLU 실험)의 결론 "학습률이 클수록 ReLU 유닛이 많이 죽는다"를 학습률의 두 단계마다 판정합니다.
more_dead_at_higher_lr = verdicts.claim(mid_over_small=more(relu_dead_mid_vs_small),
                                        big_over_mid=more(relu_dead_big_vs_mid))
print(f"'학습률이 클수록 죽은 ReLU 유닛이 많다': {more_dead_at_higher_lr}")
# --8<-- [end:compare]

leaky_vs_relu_small_lr, leaky_vs_relu_mid_lr, leaky_vs_relu_big_lr = (leaky_vs_relu[lr] for lr in LRS)
lr_small, lr_mid, lr_big = LRS
for lr, tag in zip(LRS, ("small", "mid", "big")):
    globals()[f"relu_dead_{tag}_lr"] = stats[lr, "ReLU"]["neg2"][0]
    globals()[f"leaky_neg_{tag}_lr"] = stats[lr, "Leaky ReLU"]["neg2"][0]
    for name, short in (("ReLU", "relu"), ("Leaky ReLU", "leaky")):
        globals()[f"{short}_test_{tag}_lr"] = stats[lr, name]["test_acc"][0]
        globals()[f"{short}_train_{tag}_lr"] = stats[lr, name]["train_acc"][0]
layer1_max = max(s["neg1"][0] for s in stats.values())  # 첫 은닉층에서 모든 입력에 음수인 유닛 비율의 최댓값
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
n_test = len(X_test)
leaky_slope = 0.01
