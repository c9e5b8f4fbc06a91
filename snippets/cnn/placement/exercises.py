"""CNN에서 BN과 ReLU의 순서 페이지의 연습 문제와 답."""

import math

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 초기화 직후의 Conv → ReLU → BN 블록에 무작위 입력을 넣으면, 블록 출력 가운데
# 음수인 값과 정확히 0인 값의 비율은 각각 얼마쯤일까요? (학습 모드, β = 0)
torch.manual_seed(0)
relu_bn = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.BatchNorm2d(16))
out = relu_bn(torch.randn(8, 3, 16, 16))
relu_bn_negative = (out < 0).float().mean().item()
relu_bn_zero = (out == 0).float().mean().item()
print(f"Conv → ReLU → BN 출력: 음수 {relu_bn_negative:.1%}, 정확히 0 {relu_bn_zero:.1%}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 ConvBNReLU 블록에서 BN의 이동 β를 0에서 −1로 바꾸면, ReLU 출력 가운데
# 0인 값의 비율은 얼마가 될까요? (γ = 1, 학습 모드)
class ConvBNReLU(nn.Sequential):
    def __init__(self, c_in, c_out):
        super().__init__(
            nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
            nn.BatchNorm2d(c_out),
            nn.ReLU(inplace=True),
        )


torch.manual_seed(0)
block = ConvBNReLU(3, 16)
SHIFT = -1.0
with torch.no_grad():
    block[1].bias.fill_(SHIFT)                        # 바꾼 줄: β = 0 → −1
out = block(torch.randn(4, 3, 32, 32))
shifted_zero = (out == 0).float().mean().item()
normal_below = 0.5 * (1 + math.erf(-SHIFT / math.sqrt(2)))  # 표준정규분포에서 z + β ≤ 0일 확률
print(f"β = {SHIFT:g}: ReLU 출력이 0인 비율 {shifted_zero:.1%} (표준정규분포로 계산한 값 {normal_below:.1%})")
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. 평가 모드의 Conv → BN은 편향이 있는 합성곱 하나로 합칠(fold) 수 있습니다.
# 합친 합성곱 + ReLU의 출력은 원래 블록의 출력과 같을까요? Conv → ReLU → BN에서도 이렇게 합칠 수 있을까요?
torch.manual_seed(0)
conv = nn.Conv2d(3, 16, 3, padding=1, bias=False)
bn = nn.BatchNorm2d(16)
with torch.no_grad():                                 # 학습된 것처럼 이동 통계와 배율, 이동을 채웁니다
    bn.running_mean.uniform_(-1, 1)
    bn.running_var.uniform_(0.5, 2)
    bn.weight.uniform_(0.5, 1.5)
    bn.bias.uniform_(-0.5, 0.5)
block = nn.Sequential(conv, bn, nn.ReLU()).eval()

scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)     # 채널마다 곱하는 수
folded = nn.Conv2d(3, 16, 3, padding=1, bias=True)
with torch.no_grad():
    folded.weight.copy_(conv.weight * scale.view(-1, 1, 1, 1))
    folded.bias.copy_(bn.bias - bn.running_mean * scale)
x = torch.randn(4, 3, 16, 16)
with torch.no_grad():
    fold_matches = torch.allclose(block(x), torch.relu(folded(x)), atol=1e-5)
print(f"합친 합성곱 + ReLU가 Conv → BN → ReLU와 같은가(차이 1e-5 이내): {fold_matches}")
# --8<-- [end:exercise_4]
