"""은닉층 설계: 연습 문제의 답을 코드로 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_1]
# 연습 1. 원문처럼 Linear의 개수로 세어 "5층"인 MLP(입력 20, 은닉층 너비 128, 출력 1)는 이 사이트의 셈으로
# 은닉층이 몇 개일까요? 파라미터 수도 층마다 "가중치 + 편향"을 더해 먼저 계산해 보세요.
input_size, hidden_size, output_size = 20, 128, 1


def deep_mlp(num_linear, width=128):
    """Linear 층 num_linear개(은닉층 num_linear - 1개)와 그 사이의 ReLU."""
    layers = [nn.Linear(input_size, width), nn.ReLU()]
    for _ in range(num_linear - 2):
        layers += [nn.Linear(width, width), nn.ReLU()]
    layers.append(nn.Linear(width, output_size))
    return nn.Sequential(*layers)


five = deep_mlp(5)
five_linear = sum(isinstance(m, nn.Linear) for m in five)
five_hidden = five_linear - 1
five_params = sum(p.numel() for p in five.parameters())
five_formula = ((input_size * hidden_size + hidden_size)              # 첫 층
                + 3 * (hidden_size * hidden_size + hidden_size)       # 중간 층 3개
                + (hidden_size * output_size + output_size))          # 출력층
print(f"Linear {five_linear}개 = 은닉층 {five_hidden}개")
print(f"파라미터: 모델에서 센 값 {five_params:,}개, 식으로 계산한 값 {five_formula:,}개")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
# 연습 2. 본문의 너비 실험 모델(입력 2, 은닉층 2개, 출력 1)에서 너비를 32에서 64로 두 배로 늘리면
# 파라미터 수는 몇 배가 될까요? 2배, 4배, 그 사이 가운데 먼저 골라 보세요.
def make_model(width):
    """본문과 같은 모델: 너비 width인 은닉층 2개와 ReLU, 로짓 1개를 내는 출력층."""
    return nn.Sequential(
        nn.Linear(2, width), nn.ReLU(),
        nn.Linear(width, width), nn.ReLU(),
        nn.Linear(width, 1),
    )


params_32 = sum(p.numel() for p in make_model(32).parameters())
params_64 = sum(p.numel() for p in make_model(64).parameters())
middle_64 = 64 * 64 + 64                       # 너비 64끼리 잇는 가운데 층
width_param_ratio = params_64 / params_32
middle_share_64 = middle_64 / params_64
print(f"너비 32: 파라미터 {params_32:,}개")
print(f"너비 64: 파라미터 {params_64:,}개 ({width_param_ratio:.2f}배). 가운데 층이 그중 {middle_share_64:.0%}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 본문의 코드에서 Linear와 BN 사이에 ReLU를 넣으면(표시한 두 줄), 편향은 여전히 BN 출력에서 지워질까요?
torch.manual_seed(0)
with_bias = nn.Linear(20, 64, bias=True).double()
without_bias = nn.Linear(20, 64, bias=False).double()
with torch.no_grad():
    without_bias.weight.copy_(with_bias.weight)   # 가중치는 같고 편향만 다름
bn = nn.BatchNorm1d(64).double()   # 학습 모드: 배치 평균을 뺍니다

x = torch.randn(32, 20, dtype=torch.float64)
out_with = bn(torch.relu(with_bias(x)))           # ← 바꾼 줄: Linear → ReLU → BN
out_without = bn(torch.relu(without_bias(x)))     # ← 바꾼 줄
relu_between_gap = (out_with - out_without).abs().max().item()
print(f"BN 출력의 최대 차이 (편향 있음 vs 없음, 사이에 ReLU): {relu_between_gap:.2f}")
# --8<-- [end:exercise_3]
