"""ReLU 신경망은 조각별 선형 함수입니다: 연습 문제의 답을 코드로 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_1]
# 연습 1. 은닉층 하나에 ReLU 유닛 4개가 있는 1차원 신경망입니다. 유닛 k는 x = −b_k / w_k에서 꺾입니다.
# 가중치와 편향이 아래와 같을 때, 입력 구간 [−4, 4]에서 선형 구간은 몇 개일까요?
hidden = nn.Linear(1, 4).double()
out = nn.Linear(4, 1).double()
with torch.no_grad():
    hidden.weight[:] = torch.tensor([[1.0], [-2.0], [0.5], [1.0]])
    hidden.bias[:] = torch.tensor([0.0, 1.0, -1.0, -6.0])
    out.weight[:] = torch.tensor([[1.0, 1.0, 1.0, 1.0]])
    out.bias.zero_()

with torch.no_grad():
    kinks = (-hidden.bias / hidden.weight.squeeze(1)).tolist()
    x = torch.linspace(-4, 4, 80_001, dtype=torch.float64).unsqueeze(1)
    pattern = hidden(x) > 0                                    # 입력마다 유닛 4개의 켜짐/꺼짐
n_pieces = 1 + int((pattern[1:] != pattern[:-1]).any(dim=1).sum())   # 패턴이 바뀌는 곳 = 꺾이는 곳
print("꺾이는 점 x = −b/w:", ", ".join(f"{k + 0.0:g}" for k in kinks))   # + 0.0: −0을 0으로 찍습니다
print(f"[−4, 4]에서 센 선형 구간: {n_pieces}개")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
# 연습 2. 두 입력 a, b가 같은 활성화 패턴이면 그 사이에서 신경망은 하나의 아핀 함수이므로
# f((a + b)/2) = (f(a) + f(b))/2 입니다. b를 a에서 조금(0.001) 옮길 때와 많이(3) 옮길 때 이 등식은 성립할까요?
torch.manual_seed(0)
mlp = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1)).double()


def activation_pattern(v):
    """모든 은닉 유닛의 켜짐/꺼짐(z > 0)."""
    bits, h = [], v
    for layer in mlp:
        h = layer(h)
        if isinstance(layer, nn.Linear) and layer is not mlp[-1]:
            bits.append(h > 0)
    return torch.cat(bits, dim=1)


a = torch.tensor([[0.3, -0.2]], dtype=torch.float64)
midpoint_gap = {}
with torch.no_grad():
    for step in (0.001, 3.0):
        b = a + step
        mid = (a + b) / 2
        same = bool((activation_pattern(a) == activation_pattern(b)).all()
                    and (activation_pattern(mid) == activation_pattern(a)).all())
        midpoint_gap[step] = (mlp(mid) - (mlp(a) + mlp(b)) / 2).abs().item()
        print(f"b = a + {step:g}: 세 점의 활성화 패턴이 같은가 {same}, |f(중점) − (f(a) + f(b))/2| = {midpoint_gap[step]:.1e}")
near_gap, far_gap = midpoint_gap[0.001], midpoint_gap[3.0]
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 본문의 톱니 함수에서 삼각형의 높이를 1에서 ½로 낮추면(표시한 줄: 2, −4 → 1, −2),
# 층 k개를 합성한 함수의 선형 구간은 여전히 2^k개일까요?
def tent_layer():
    """[0, 1]에서 t(x) = relu(x) − 2·relu(x − ½): 0 → ½ → 0으로 올랐다 내려가는 삼각형. ReLU 유닛 2개."""
    first = nn.Linear(1, 2)
    second = nn.Linear(2, 1)
    with torch.no_grad():
        first.weight[:] = torch.tensor([[1.0], [1.0]])
        first.bias[:] = torch.tensor([0.0, -0.5])
        second.weight[:] = torch.tensor([[1.0, -2.0]])       # ← 바꾼 줄: 본문은 [[2.0, -4.0]]
        second.bias.zero_()
    return nn.Sequential(first, nn.ReLU(), second)


GRID = 2**16 + 1
x = torch.linspace(0, 1, GRID, dtype=torch.float64).unsqueeze(1)
half_pieces = {}
print("층 수 k | 선형 구간 수 | 출력의 최댓값")
for k in (1, 2, 4, 10):
    net = nn.Sequential(*[tent_layer() for _ in range(k)]).double()
    with torch.no_grad():
        y = net(x).squeeze(1)
    slope = torch.diff(y) / torch.diff(x.squeeze(1))
    half_pieces[k] = 1 + int((torch.diff(slope).abs() > 1e-6).sum())   # 기울기가 바뀌는 곳의 수 + 1
    print(f"{k:>7} | {half_pieces[k]:>12} | {y.max().item():.2f}")
half_pieces_10 = half_pieces[10]
# --8<-- [end:exercise_3]
