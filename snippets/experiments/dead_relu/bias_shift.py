"""편향을 음수로 밀어 첫 은닉층 유닛 절반을 죽이고, ReLU와 Leaky ReLU에서 그 유닛들이 어떻게 되는지 봅니다."""

import torch
import torch.nn as nn

import verdicts

torch.manual_seed(0)
X = torch.randn(3000, 20)
Y = (X[:, :10].pow(2).sum(dim=1) > 9.34).float()
X_train, Y_train, X_test, Y_test = X[:2000], Y[:2000], X[2000:], Y[2000:]
EPOCHS, BATCH, LR = 20, 128, 1e-3


def make_net(act):
    return nn.Sequential(nn.Linear(20, 128), act(), nn.Linear(128, 128), act(), nn.Linear(128, 1))


def accuracy(net, x, y):
    with torch.no_grad():
        return ((net(x).squeeze(1) > 0).float() == y).float().mean().item()


def correct(net, x, y):
    """입력마다 맞혔는지(True/False): 판정 규칙은 평가 예제마다의 맞힘으로 비교합니다."""
    with torch.no_grad():
        return (net(x).squeeze(1) > 0).float() == y


# --8<-- [start:shift]
SHIFTED = slice(0, 64)        # 첫 은닉층 유닛 128개 가운데 앞의 64개


def shift_bias(net, margin=1.0):
    """앞 64개 유닛의 편향을 내려, 학습 데이터 전체에서 활성화 전 값의 최댓값이 -margin이 되게 합니다."""
    with torch.no_grad():
        z_max = net[0](X_train).max(dim=0).values
        net[0].bias[SHIFTED] -= z_max[SHIFTED] + margin


def shifted_max(net):
    """밀린 유닛마다 학습 데이터 전체에서 활성화 전 값의 최댓값 (0 이하면 모든 입력에서 음수)."""
    with torch.no_grad():
        return net[0](X_train)[:, SHIFTED].max(dim=0).values


def run(act, seed):
    torch.manual_seed(seed)
    net = make_net(act)
    shift_bias(net)
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    first_grad = None
    for epoch in range(EPOCHS):
        order = torch.randperm(len(X_train))
        for i in range(0, len(X_train), BATCH):
            idx = order[i:i + BATCH]
            optimizer.zero_grad()
            nn.functional.binary_cross_entropy_with_logits(net(X_train[idx]).squeeze(1), Y_train[idx]).backward()
            if first_grad is None:    # 첫 미니배치에서 밀린 유닛으로 들어가는 가중치의 기울기 크기
                first_grad = net[0].weight.grad[SHIFTED].norm().item()
            optimizer.step()
    z_max = shifted_max(net)
    test_correct = correct(net, X_test, Y_test)
    return {"grad": first_grad, "still_negative": (z_max <= 0).float().mean().item(),
            "z_max": z_max.mean().item(), "train_acc": accuracy(net, X_train, Y_train),
            "test_acc": test_correct.float().mean().item(), "test_correct": test_correct}


def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


SEEDS = tuple(range(8))
results = {}
print(f"시드 {len(SEEDS)}개 | 첫 기울기 크기(최소 ~ 최대) | 20 에폭 뒤 여전히 모든 입력 음수(평균) | "
      "활성화 전 최댓값(평균) | 학습 정확도 | held-out")
for name, act in (("ReLU", nn.ReLU), ("Leaky ReLU", lambda: nn.LeakyReLU(0.01))):
    results[name] = [run(act, seed) for seed in SEEDS]
    rs = results[name]
    train_m, train_s = mean_std([r["train_acc"] for r in rs])
    test_m, test_s = mean_std([r["test_acc"] for r in rs])
    print(f"{name:10s} | {min(r['grad'] for r in rs):.2e} ~ {max(r['grad'] for r in rs):.2e} | "
          f"{mean_std([r['still_negative'] for r in rs])[0]:.2f} | {mean_std([r['z_max'] for r in rs])[0]:+.4f} | "
          f"{train_m:.3f} ± {train_s:.3f} | {test_m:.3f} ± {test_s:.3f}")
# 사이트의 판정 규칙: 시드 × 평가 예제 1000개의 맞힘으로, 시드와 평가 예제를 함께 다시 뽑은 95% 구간
leaky_vs_relu = verdicts.compare([r["test_correct"] for r in results["Leaky ReLU"]],
                                 [r["test_correct"] for r in results["ReLU"]])
print(f"held-out 정확도 Leaky ReLU − ReLU: {leaky_vs_relu}")
# --8<-- [end:shift]

relu_shift_grad = max(r["grad"] for r in results["ReLU"])
leaky_shift_grad_min = min(r["grad"] for r in results["Leaky ReLU"])
relu_still_negative = min(r["still_negative"] for r in results["ReLU"])
leaky_still_negative = sum(r["still_negative"] for r in results["Leaky ReLU"]) / len(SEEDS)
relu_zmax_end = sum(r["z_max"] for r in results["ReLU"]) / len(SEEDS)
leaky_zmax_end = sum(r["z_max"] for r in results["Leaky ReLU"]) / len(SEEDS)
relu_shift_test = sum(r["test_acc"] for r in results["ReLU"]) / len(SEEDS)
leaky_shift_test = sum(r["test_acc"] for r in results["Leaky ReLU"]) / len(SEEDS)
n_seeds = len(SEEDS)
relu_shift_test_std = mean_std([r["test_acc"] for r in results["ReLU"]])[1]
leaky_shift_test_std = mean_std([r["test_acc"] for r in results["Leaky ReLU"]])[1]
# 밀린 유닛 가운데 끝까지 모든 입력에서 음수인 비율(시드마다 하나): Leaky ReLU − ReLU (train.py의 주장 판정에 씁니다)
still_negative_leaky_vs_relu = verdicts.compare([r["still_negative"] for r in results["Leaky ReLU"]],
                                                [r["still_negative"] for r in results["ReLU"]])
n_shifted = SHIFTED.stop - SHIFTED.start
n_first_units = make_net(nn.ReLU)[0].out_features
margin = shift_bias.__defaults__[0]
