"""가중치 초기화: 연습 문제의 답을 코드로 확인합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:exercise_1]
# 연습 1. 입력 784, 출력 512인 층(정사각이 아님)을 xavier_normal_로 초기화하면 fan_in·Var[w]는 얼마일까요?
# 이 층 뒤에 ReLU가 오면 순전파에서 층 하나당 인수 ½·fan_in·Var[w]는요? 식으로 먼저 계산해 보세요.
torch.manual_seed(0)
fan_in, fan_out = 784, 512
layer = nn.Linear(fan_in, fan_out)
nn.init.xavier_normal_(layer.weight)                 # Var[w] = 2 / (fan_in + fan_out)
xavier_n_var = fan_in * layer.weight.var().item()
xavier_n_var_theory = 2 * fan_in / (fan_in + fan_out)
print(f"xavier_normal_: fan_in·Var[w] = {xavier_n_var:.3f}   (이론 2·784/(784 + 512) = {xavier_n_var_theory:.3f})")
xavier_relu_factor = 0.5 * xavier_n_var
print(f"ReLU와 함께 쓸 때 층당 인수 ½·fan_in·Var[w] = {xavier_relu_factor:.3f}")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
# 연습 2. 가중치는 모두 같은 값(0.1)으로 두고 첫 층의 편향만 무작위로 두면, 학습 뒤 은닉 유닛 8개는
# 서로 다른 유닛이 될까요? 본문의 대칭 실험과 같은 데이터와 학습으로 확인합니다.
torch.manual_seed(0)
X = torch.randn(256, 4)
Y = (X[:, 0] * X[:, 1] > 0).float().unsqueeze(1)   # 비선형 과제

torch.manual_seed(1)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
for p in model.parameters():
    if p.dim() > 1:
        nn.init.constant_(p, 0.1)                    # 가중치: 모두 0.1 (본문과 같음)
nn.init.uniform_(model[0].bias, -0.5, 0.5)           # ← 바꾼 줄: 첫 층의 편향만 무작위
nn.init.zeros_(model[2].bias)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(200):
    optimizer.zero_grad()
    F.binary_cross_entropy_with_logits(model(X), Y).backward()
    optimizer.step()
rows = torch.cat([model[0].weight, model[0].bias.unsqueeze(1)], dim=1)
bias_only_units = len(torch.unique(rows, dim=0))
weight_spread = (model[0].weight.max(dim=0).values - model[0].weight.min(dim=0).values).max().item()
print(f"편향만 무작위: 학습 뒤 서로 다른 은닉 유닛 {bias_only_units}개 / 8개")
print(f"유닛 사이 가중치 차이의 최댓값: {weight_spread:.2f}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. PReLU(음수 쪽 경사의 초깃값 a = 0.25)를 쓰면서 초기화는 ReLU용 He(nonlinearity="relu")로 두면,
# 층 하나당 인수 ½·n·Var[w]·(1 + a²)는 얼마일까요? Linear 층 30개를 거꾸로 지나면 기울기의 제곱 평균은 몇 배가 될까요?
# 본문의 측정 코드(He 초기화)에서 torch.relu를 F.leaky_relu(z, 0.25)로 바꿨습니다(표시한 줄).
DEPTH, WIDTH, BATCH, SEED, SLOPE = 30, 256, 512, 0, 0.25
torch.manual_seed(SEED)
layers = []
for _ in range(DEPTH):
    linear = nn.Linear(WIDTH, WIDTH)
    nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")   # Var[w] = 2/n: ReLU용 그대로
    nn.init.zeros_(linear.bias)
    layers.append(linear)

h = torch.randn(BATCH, WIDTH)
zs = []
for i, linear in enumerate(layers):
    z = linear(h)
    z.retain_grad()
    zs.append(z)
    h = F.leaky_relu(z, SLOPE) if i < DEPTH - 1 else z     # ← 바꾼 줄: 본문은 torch.relu(z)
upstream = torch.randn(BATCH, WIDTH)                       # ∂L/∂(출력) ~ N(0, 1)
(h * upstream).sum().backward()
backward = [z.grad.pow(2).mean().item() for z in zs]
prelu_bwd_ratio = backward[0] / backward[-1]               # 첫 층 / 마지막 층
prelu_factor = prelu_bwd_ratio ** (1 / (DEPTH - 1))
prelu_theory = 0.5 * 2.0 * (1 + SLOPE**2)
prelu_theory_ratio = prelu_theory ** (DEPTH - 1)            # 첫 층에서 마지막 층까지 DEPTH − 1번 곱해짐
print(f"층당 인수: 측정 {prelu_factor:.3f}, 이론 ½·2·(1 + a²) = {prelu_theory:.4f}")
print(f"첫 층 / 마지막 층의 기울기 제곱 평균: 측정 {prelu_bwd_ratio:.1f}배, 이론 {prelu_theory_ratio:.1f}배")
# --8<-- [end:exercise_3]
