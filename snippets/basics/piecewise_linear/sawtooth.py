"""깊이가 만드는 구간: 너비 2짜리 '삼각 함수' 층을 k번 쌓으면 선형 구간이 2^k개가 됩니다."""

import torch
import torch.nn as nn

# --8<-- [start:sawtooth]
def tent_layer():
    """[0, 1]에서 t(x) = 2·relu(x) − 4·relu(x − ½): 0 → 1 → 0으로 올랐다 내려가는 삼각형. ReLU 유닛 2개."""
    first = nn.Linear(1, 2)
    second = nn.Linear(2, 1)
    with torch.no_grad():
        first.weight[:] = torch.tensor([[1.0], [1.0]])
        first.bias[:] = torch.tensor([0.0, -0.5])
        second.weight[:] = torch.tensor([[2.0, -4.0]])
        second.bias.zero_()
    return nn.Sequential(first, nn.ReLU(), second)


GRID = 2**16 + 1                                      # 꺾이는 점 k/2^K가 모두 격자 위에 놓입니다
x = torch.linspace(0, 1, GRID, dtype=torch.float64).unsqueeze(1)
DEPTHS = (1, 2, 4, 6, 8, 10)
pieces = {}
print("층 수 k | ReLU 유닛 | 선형 구간 수 | 2^k")
for k in DEPTHS:
    net = nn.Sequential(*[tent_layer() for _ in range(k)]).double()
    with torch.no_grad():
        y = net(x).squeeze(1)
    slope = torch.diff(y) / torch.diff(x.squeeze(1))
    pieces[k] = 1 + int((torch.diff(slope).abs() > 1e-6).sum())   # 기울기가 바뀌는 곳의 수 + 1
    print(f"{k:>7} | {2 * k:>9} | {pieces[k]:>12} | {2**k}")
# --8<-- [end:sawtooth]

deepest = DEPTHS[-1]
deepest_pieces = pieces[deepest]
deepest_units = 2 * deepest
