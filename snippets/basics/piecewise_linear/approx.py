"""보편 근사의 '존재'를 직접 만들어 봅니다: 은닉층 하나짜리 ReLU 신경망으로 sin을 선형 보간하고, 학습한 신경망과 비교합니다."""

import math

import torch
import torch.nn as nn

import verdicts

# --8<-- [start:construct]
def interpolating_net(f, a, b, n_units):
    """[a, b]를 n_units 구간으로 나눈 매듭에서 f를 지나는 꺾은선 = 은닉층 하나(ReLU n_units개)인 신경망.

    g(x) = f(x₀) + Σ_k c_k · relu(x − x_k),  c_k = (k번째 구간의 기울기) − (k−1번째 구간의 기울기)
    """
    knots = torch.linspace(a, b, n_units + 1, dtype=torch.float64)
    values = f(knots)
    slopes = torch.diff(values) / torch.diff(knots)
    hidden = nn.Linear(1, n_units).double()
    out = nn.Linear(n_units, 1).double()
    with torch.no_grad():
        hidden.weight.fill_(1.0)
        hidden.bias[:] = -knots[:-1]
        out.weight[0] = torch.cat([slopes[:1], torch.diff(slopes)])
        out.bias.fill_(values[0])
    return nn.Sequential(hidden, nn.ReLU(), out)


A, B = 0.0, 2 * math.pi
x = torch.linspace(A, B, 10_001, dtype=torch.float64).unsqueeze(1)
UNITS = (4, 8, 16, 32, 64, 128)
max_error = {}
print("ReLU 유닛 수 | [0, 2π]에서 최대 오차 |sin − g|")
for n in UNITS:
    net = interpolating_net(torch.sin, A, B, n)
    with torch.no_grad():
        max_error[n] = (net(x) - torch.sin(x)).abs().max().item()
    print(f"{n:>12} | {max_error[n]:.2e}")
# --8<-- [end:construct]

# --8<-- [start:outside]
net = interpolating_net(torch.sin, A, B, UNITS[-1])
OUTSIDE = (2.5 * math.pi, 4 * math.pi)
outside_errors = []
with torch.no_grad():
    for t in OUTSIDE:
        g = net(torch.tensor([[t]], dtype=torch.float64)).item()
        outside_errors.append(abs(g - math.sin(t)))
        print(f"구간 밖 x = {t / math.pi:.1f}π:  sin(x) = {math.sin(t):+.3f},  신경망 = {g:+.3f}")
outside_far = net(torch.tensor([[OUTSIDE[-1]]], dtype=torch.float64)).item()
# --8<-- [end:outside]

# --8<-- [start:train]
# 같은 크기(은닉 유닛 TRAIN_UNITS개)의 신경망을 기본 초기화에서 학습하면 어디까지 가는가
torch.manual_seed(0)
TRAIN_UNITS, STEPS, LR = 64, 2000, 1e-2
x_train = torch.linspace(A, B, 256).unsqueeze(1)
model = nn.Sequential(nn.Linear(1, TRAIN_UNITS), nn.ReLU(), nn.Linear(TRAIN_UNITS, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=LR)
for step in range(STEPS):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x_train), torch.sin(x_train))
    loss.backward()
    optimizer.step()
with torch.no_grad():
    trained_error = (model(x.float()) - torch.sin(x.float())).abs().max().item()
constructed_error = max_error[TRAIN_UNITS]
print(f"유닛 {TRAIN_UNITS}개: 직접 만든 신경망 {constructed_error:.2e}, "
      f"Adam {STEPS}스텝으로 학습한 신경망 {trained_error:.2e} (최대 오차)")
# --8<-- [end:train]

# --8<-- [start:claim]
# 주장 "보편 근사 정리: 신경망은 어떤 함수든 배울 수 있다"를 잰 조건마다 확인합니다.
learning_claim = verdicts.claim(
    # 구간 안: Adam으로 학습한 신경망이 같은 크기의 직접 만든 신경망만큼 작은 최대 오차에 이르렀는가 (시드 0 하나)
    learned_in_range=trained_error <= constructed_error,
    # 구간 밖: 직접 만든 신경망이 구간 밖의 점에서도 구간 안의 최대 오차 이내로 sin을 따라가는가
    follows_outside=max(outside_errors) <= max_error[UNITS[-1]],
)
print(f"\"신경망은 어떤 함수든 배울 수 있다\": {learning_claim}")
# --8<-- [end:claim]

error_4, error_128 = max_error[4], max_error[128]
units_min, units_max = UNITS[0], UNITS[-1]
error_drop = error_4 / error_128
