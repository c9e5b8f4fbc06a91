"""편향을 음수로 밀어 첫 은닉층 유닛 절반을 죽이고, ReLU와 Leaky ReLU에서 그 유닛들이 어떻게 되는지 봅니다."""

import torch
import torch.nn as nn

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
    return {"grad": first_grad, "still_negative": (z_max <= 0).float().mean().item(),
            "z_max": z_max.mean().item(),
            "train_acc": accuracy(net, X_train, Y_train), "test_acc": accuracy(net, X_test, Y_test)}


SEEDS = (0, 1, 2)
results = {}
print("활성화 함수 | 첫 기울기 크기 | 20 에폭 뒤 여전히 모든 입력 음수 | 활성화 전 최댓값(평균) | 학습 정확도 | held-out")
for name, act in (("ReLU", nn.ReLU), ("Leaky ReLU", lambda: nn.LeakyReLU(0.01))):
    results[name] = [run(act, seed) for seed in SEEDS]
    for seed, r in zip(SEEDS, results[name]):
        print(f"{name:10s} 시드 {seed} | {r['grad']:.2e} | {r['still_negative']:.2f} | {r['z_max']:+.4f} | "
              f"{r['train_acc']:.3f} | {r['test_acc']:.3f}")
n_leaky_higher = sum(leaky["test_acc"] > relu["test_acc"] for leaky, relu in zip(results["Leaky ReLU"], results["ReLU"]))
print(f"held-out 정확도가 Leaky ReLU 쪽이 높은 시드: {n_leaky_higher} / {len(SEEDS)}")
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


def std(values):
    m = sum(values) / len(values)
    return (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


relu_shift_test_std = std([r["test_acc"] for r in results["ReLU"]])
leaky_shift_test_std = std([r["test_acc"] for r in results["Leaky ReLU"]])
n_shifted = SHIFTED.stop - SHIFTED.start
n_first_units = make_net(nn.ReLU)[0].out_features
margin = shift_bias.__defaults__[0]
