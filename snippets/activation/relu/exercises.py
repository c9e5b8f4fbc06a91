"""ReLU 페이지의 연습 문제와 답입니다. 구역 하나가 문제 하나의 답입니다."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. ReLU(x) − ReLU(−x)와 ReLU(x) + ReLU(−x)는 각각 어떤 함수일까요? 먼저 예상한 뒤 실행해 보세요.
x = torch.tensor([-3.0, -0.5, 0.0, 2.0, 4.0])
difference = torch.relu(x) - torch.relu(-x)
total = torch.relu(x) + torch.relu(-x)
print(f"x                 : {x.tolist()}")
print(f"ReLU(x) − ReLU(−x): {difference.tolist()}")
print(f"ReLU(x) + ReLU(−x): {total.tolist()}")
print(f"차이가 x와 같은가: {torch.equal(difference, x)}, 합이 |x|와 같은가: {torch.equal(total, x.abs())}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지 표의 x * (x > 0)과 torch.where(x > 0, x, 0)에서 조건을 x >= 0으로 바꾸면
# x = 0에서 autograd가 돌려주는 기울기는 얼마일까요?
def grad_at(fn, value):
    """fn을 스칼라 value에서 역전파해 autograd가 돌려주는 기울기를 얻습니다."""
    x = torch.tensor(value, requires_grad=True)
    fn(x).backward()
    return x.grad.item()


changed = {
    "x * (x >= 0)": lambda x: x * (x >= 0),                                         # 바꾼 줄: > 대신 >=
    "torch.where(x >= 0, x, 0)": lambda x: torch.where(x >= 0, x, torch.zeros_like(x)),  # 바꾼 줄: > 대신 >=
}
grads_changed = {name: grad_at(fn, 0.0) for name, fn in changed.items()}
for name, g in grads_changed.items():
    print(f"{name:<32} x=0 에서 기울기: {g:.4g}")
mask_ge_grad_at_zero = grads_changed["x * (x >= 0)"]
where_ge_grad_at_zero = grads_changed["torch.where(x >= 0, x, 0)"]
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. 페이지의 죽은 유닛 실험에서 DEAD_BIAS = -50.0을 -3.0과 -1.0으로 바꾸면, 활성화 전 값이
# 양수인 입력은 몇 개이고 SGD 100번 뒤 가중치는 움직일까요?
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


biased = {}
for DEAD_BIAS in (-3.0, -1.0):    # 바꾼 줄: 페이지에서는 DEAD_BIAS = -50.0
    unit = make_unit(bias=DEAD_BIAS)
    active_before = int((unit(X) > 0).sum())
    moved = train(unit, torch.relu)
    active_after = int((unit(X) > 0).sum())
    biased[DEAD_BIAS] = (active_before, round(moved, 4), round(unit.bias.item(), 3), active_after)
    print(f"편향 {DEAD_BIAS:g}: 활성화 전 값이 양수인 입력 {active_before} → {active_after} / {len(X)}, "
          f"가중치가 움직인 거리 {moved:.4f}, 학습 뒤 편향 {unit.bias.item():.3f}")
active_m3, moved_m3, _, _ = biased[-3.0]
active_m1, moved_m1, bias_after_m1, active_after_m1 = biased[-1.0]
# --8<-- [end:exercise_4]
