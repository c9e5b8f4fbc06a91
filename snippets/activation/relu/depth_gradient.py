"""깊은 MLP에서 첫 층과 마지막 은닉층의 기울기 크기를 비교합니다(Sigmoid/ReLU, 기본 초기화/He 초기화)."""

import math

import torch
import torch.nn as nn

# --8<-- [start:setup]
WIDTH, BATCH = 128, 256


def make_mlp(depth, act, init):
    """너비 WIDTH의 은닉층 depth개 + 출력층 1개. init="he"이면 은닉층에 He(Kaiming) 초기화를 씁니다."""
    layers = []
    for _ in range(depth):
        linear = nn.Linear(WIDTH, WIDTH)
        if init == "he":
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
            nn.init.zeros_(linear.bias)
        layers += [linear, act()]
    layers.append(nn.Linear(WIDTH, 1))
    return nn.Sequential(*layers)
# --8<-- [end:setup]


# --8<-- [start:sigma_prime]
# 은닉층 SIGMOID_DEPTH개짜리 Sigmoid MLP(PyTorch 기본 초기화)에서 은닉층마다 σ'(z)의 평균을 잽니다.
SIGMOID_DEPTH = 10
torch.manual_seed(0)
net = make_mlp(SIGMOID_DEPTH, nn.Sigmoid, "default")
h = torch.randn(BATCH, WIDTH)
sigma_prime_means = []
with torch.no_grad():
    for module in net[:-1]:
        if isinstance(module, nn.Linear):
            z = module(h)
        else:
            h = torch.sigmoid(z)
            sigma_prime_means.append((h * (1 - h)).mean().item())
print("층별 σ'(z) 평균:", " ".join(f"{m:.3f}" for m in sigma_prime_means))
sigma_prime_product = math.prod(sigma_prime_means)
print(f"{SIGMOID_DEPTH}개 층 평균의 곱: {sigma_prime_product:.3e}   "
      f"(상한 0.25 ** {SIGMOID_DEPTH} = {0.25 ** SIGMOID_DEPTH:.3e})")
sigma_prime_max_mean = max(sigma_prime_means)
# --8<-- [end:sigma_prime]

# --8<-- [start:ratio]
# 비율 = ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ (첫 은닉층 / 마지막 은닉층), 손실은 무작위 목표값에 대한 MSE.
settings = [("Sigmoid", nn.Sigmoid, "default"), ("ReLU", nn.ReLU, "default"), ("ReLU", nn.ReLU, "he")]
depths, seeds = (5, 10, 20), (0, 1, 2)
ratios = {}
print("은닉층 수 | 시드 0, 1, 2의 비율            | 기하평균 | 설정")
for act_name, act, init in settings:
    for depth in depths:
        per_seed = []
        for seed in seeds:
            torch.manual_seed(seed)
            net = make_mlp(depth, act, init)
            x, target = torch.randn(BATCH, WIDTH), torch.randn(BATCH, 1)
            nn.functional.mse_loss(net(x), target).backward()
            hidden = [m for m in net if isinstance(m, nn.Linear)][:depth]
            per_seed.append((hidden[0].weight.grad.norm() / hidden[-1].weight.grad.norm()).item())
        geo_mean = math.exp(sum(math.log(r) for r in per_seed) / len(per_seed))
        ratios[(act_name, init, depth)] = geo_mean
        label = f"{act_name} ({'He' if init == 'he' else '기본'} 초기화)"
        print(f"{depth:>9} | " + ", ".join(f"{r:.2e}" for r in per_seed) + f" | {geo_mean:.2e} | {label}")
# --8<-- [end:ratio]

# 본문에서 인용하는 값
n_seeds = len(seeds)
seed_list = ", ".join(str(s) for s in seeds)
depth_short, depth_mid, depth_deep = depths
n_between = depth_mid - 1  # 첫 은닉층과 마지막 은닉층 사이의 층 수
sigmoid_default_10 = ratios[("Sigmoid", "default", depth_mid)]
sigmoid_bound_9 = 0.25 ** n_between
relu_default_10 = ratios[("ReLU", "default", depth_mid)]
relu_default_20 = ratios[("ReLU", "default", depth_deep)]
relu_he_10 = ratios[("ReLU", "he", depth_mid)]
relu_he_20 = ratios[("ReLU", "he", depth_deep)]
