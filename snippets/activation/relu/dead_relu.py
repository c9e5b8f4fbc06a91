"""Dead ReLU: 큰 음수 입력 하나로는 유닛이 죽지 않고, 모든 입력에서 음수가 되어야 죽습니다."""

import torch
import torch.nn as nn

# --8<-- [start:setup]
STEPS, LR = 100, 0.01             # SGD 걸음 수와 학습률
INIT_WEIGHT = 0.5
torch.manual_seed(0)
X = torch.randn(64, 4)            # 입력 64개, 특성 4개
target = torch.rand(64, 1) * 2.0  # 회귀 목표값(0~2)
X[0] = -100.0                     # 첫 입력만 아주 큰 음수


def make_unit(bias):
    """ReLU 유닛 하나(Linear(4, 1))를 정해진 가중치와 편향으로 만듭니다."""
    unit = nn.Linear(4, 1)
    with torch.no_grad():
        unit.weight.fill_(INIT_WEIGHT)
        unit.bias.fill_(bias)
    return unit


def train(unit, activation, steps=STEPS, lr=LR):
    """SGD로 steps번 학습하고, 가중치가 처음에서 얼마나 움직였는지 돌려줍니다."""
    start = unit.weight.detach().clone()
    for _ in range(steps):
        unit.zero_grad()
        nn.functional.mse_loss(activation(unit(X)), target).backward()
        with torch.no_grad():  # 보통의 SGD 한 걸음: p ← p − lr·∂L/∂p
            for p in unit.parameters():
                p -= lr * p.grad
    return (unit.weight.detach() - start).norm().item()
# --8<-- [end:setup]


# --8<-- [start:one_input]
unit = make_unit(bias=0.0)
pre = unit(X)
pre.retain_grad()
nn.functional.mse_loss(torch.relu(pre), target).backward()
active_examples = int((pre > 0).sum())
grad_norm_one_input = unit.weight.grad.norm().item()
print(f"x = -100 입력의 활성화 전 값: {pre[0].item():.1f}, 이 입력으로 들어온 기울기: {pre.grad[0].item():.1f}")
print(f"활성화 전 값이 양수인 입력: {active_examples} / {len(X)}")
print(f"가중치 기울기 크기: {grad_norm_one_input:.4f}")

unit.zero_grad()
moved_one_input = train(unit, torch.relu)
print(f"SGD {STEPS}번 뒤 가중치가 움직인 거리: {moved_one_input:.4f}")
# --8<-- [end:one_input]

# --8<-- [start:bias_shift]
DEAD_BIAS = -50.0
dead = make_unit(bias=DEAD_BIAS)  # 편향이 크게 음수로 밀린 유닛
dead_active_examples = int((dead(X) > 0).sum())
nn.functional.mse_loss(torch.relu(dead(X)), target).backward()
grad_norm_dead = dead.weight.grad.norm().item()
print(f"편향 {DEAD_BIAS:g}: 활성화 전 값이 양수인 입력 {dead_active_examples} / {len(X)}, 가중치 기울기 크기 {grad_norm_dead:.4f}")
dead.zero_grad()
moved_dead = train(dead, torch.relu)
print(f"ReLU: SGD {STEPS}번 뒤 가중치가 움직인 거리 {moved_dead:.4f}")

LEAKY_SLOPE = 0.01
leaky = make_unit(bias=DEAD_BIAS)
moved_leaky = train(leaky, lambda z: nn.functional.leaky_relu(z, LEAKY_SLOPE))
leaky_bias_after = leaky.bias.item()
print(f"같은 유닛에 Leaky ReLU({LEAKY_SLOPE}): SGD {STEPS}번 뒤 가중치가 움직인 거리 {moved_leaky:.4f}, 편향 {leaky_bias_after:.4f}")
# --8<-- [end:bias_shift]

# 본문에서 인용하는 값
n_inputs, n_features = X.shape
