"""실험: Dead ReLU 페이지의 연습 문제와 답. 작은 데이터로 금방 끝나는 변형만 다룹니다."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 학습하지 않은 MLP의 둘째 은닉층 유닛 128개를 입력 k개로만 보고,
# "k개 입력 모두에서 활성화 전 값이 0 이하"인 유닛을 셉니다. k = 1, 10, 100, 1000이면 각각 몇 개쯤일까요?
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(20, 128), nn.ReLU(), nn.Linear(128, 128))   # 둘째 층의 활성화 전 값까지
x = torch.randn(1000, 20)
with torch.no_grad():
    z2 = net(x)
looks_dead = {}
for k in (1, 10, 100, 1000):
    looks_dead[k] = int((z2[:k] <= 0).all(dim=0).sum())
    print(f"입력 {k:4d}개로 셈: 모든 입력에서 0 이하인 유닛 {looks_dead[k]:3d} / 128")
looks_dead_1 = looks_dead[1]
looks_dead_1000 = looks_dead[1000]
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 "태어날 때부터 죽은 신경망" 코드에서 가중치의 표준편차를 He 초기화의 10분의 1로 줄이면
# 너비 2, 은닉층 10개, 편향 0에서 상수 함수인 신경망의 비율이 어떻게 바뀔까요?
N_NETS, N_INPUTS, DIM_IN, WIDTH, DEPTH = 1000, 64, 2, 2, 10


def dead_fraction(weight_scale, bias=0.0):
    """신경망 N_NETS개 가운데 어느 층에서든 은닉층 출력이 모든 입력에서 같아진 비율(페이지와 같은 난수)."""
    torch.manual_seed(0)
    x = torch.randn(N_INPUTS, DIM_IN)
    h = x.expand(N_NETS, N_INPUTS, DIM_IN)
    fan_in = DIM_IN
    dead = torch.zeros(N_NETS, dtype=torch.bool)
    for _ in range(DEPTH):
        w = torch.randn(N_NETS, fan_in, WIDTH) * weight_scale * (2.0 / fan_in) ** 0.5   # 바꾼 줄: × weight_scale
        h = torch.relu(torch.bmm(h, w) + bias)
        fan_in = WIDTH
        dead |= (h.amax(dim=1) == h.amin(dim=1)).all(dim=1)
    return dead.float().mean().item()


dead_he = dead_fraction(1.0)
dead_small = dead_fraction(0.1)
print(f"He 초기화 그대로:        상수 함수인 신경망 {dead_he:.1%}")
print(f"가중치 표준편차 × 0.1: 상수 함수인 신경망 {dead_small:.1%}")
# --8<-- [end:exercise_3]
