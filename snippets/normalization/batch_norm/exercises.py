"""배치 정규화 페이지의 연습 문제와 답."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 채널 평균이 늘 정확히 3인 배치를 10개 보여 주면 running_mean은 얼마가 될까요? (momentum=0.1, 초깃값 0)
torch.manual_seed(0)
bn = nn.BatchNorm2d(3)
BATCH_MEAN = 3.0
N_BATCHES = 10
for _ in range(N_BATCHES):
    x = torch.randn(8, 3, 4, 4)
    x = x - x.mean(dim=(0, 2, 3), keepdim=True) + BATCH_MEAN   # 채널마다 배치 평균을 정확히 3으로
    bn(x)
running_mean_after = bn.running_mean[0].item()
running_mean_formula = BATCH_MEAN * (1 - 0.9 ** N_BATCHES)       # 한 걸음마다 남은 거리의 10%만 다가감
print(f"배치 {N_BATCHES}개 뒤 running_mean: {running_mean_after:.4f}")
print(f"식 3 × (1 − 0.9^{N_BATCHES}):         {running_mean_formula:.4f}")
approach_fraction = running_mean_after / BATCH_MEAN
print(f"데이터 평균 3에 다가간 정도: {approach_fraction:.1%}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 코드에서 momentum을 0.1에서 1.0으로 바꾸면, 배치 하나를 본 뒤
# 평가 모드 출력과 학습 모드 출력의 최대 차이는 얼마일까요? 정확히 0일까요?
torch.manual_seed(0)
bn = nn.BatchNorm2d(3, momentum=1.0)                 # 바꾼 줄: momentum 0.1 → 1.0
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.0, 2.0, 0.5]))   # γ
    bn.bias.copy_(torch.tensor([0.0, 1.0, -1.0]))    # β
x = 3.0 + 2.0 * torch.randn(8, 3, 4, 4)
y = bn(x)                                            # 학습 모드: 이동 통계가 이 배치의 통계로 바뀜
bn.eval()
momentum_one_diff = (bn(x) - y).abs().max().item()
n = x.numel() // x.shape[1]                          # 채널당 값의 개수 128
std_ratio = ((n - 1) / n) ** 0.5                     # 편향 추정량 ÷ 불편 분산의 제곱근
print(f"momentum=1.0, 배치 1개 뒤 평가 모드와 학습 모드 출력의 최대 차이: {momentum_one_diff:.3f}")
print(f"평가 모드 출력의 x̂는 학습 모드의 {std_ratio:.4f}배 (√((n−1)/n), n = {n})")
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. Conv → ReLU → BN처럼 합성곱과 BN 사이에 ReLU가 있으면, 편향을 크게 바꿔도 BN 출력이 같을까요?
torch.manual_seed(0)
conv_b = nn.Conv2d(3, 8, 3, padding=1, bias=True)
conv_nb = nn.Conv2d(3, 8, 3, padding=1, bias=False)
with torch.no_grad():
    conv_nb.weight.copy_(conv_b.weight)
    conv_b.bias.uniform_(-5.0, 5.0)
bn_b, bn_nb = nn.BatchNorm2d(8), nn.BatchNorm2d(8)
x = torch.randn(16, 3, 8, 8)
out_b = bn_b(torch.relu(conv_b(x)))                  # 바꾼 곳: 합성곱과 BN 사이에 ReLU
out_nb = bn_nb(torch.relu(conv_nb(x)))
relu_between_diff = (out_b - out_nb).abs().max().item()
print(f"Conv → ReLU → BN 출력의 최대 차이(편향 있음 vs 없음): {relu_between_diff:.1f}")
# --8<-- [end:exercise_4]
