"""BN 바로 앞 합성곱의 편향(bias)이 왜 쓸모없는지 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:same_output]
torch.manual_seed(0)
BIAS_SCALE = 5.0                                 # 편향을 [-5, 5]에서 고릅니다
conv_b = nn.Conv2d(3, 8, 3, padding=1, bias=True)
conv_nb = nn.Conv2d(3, 8, 3, padding=1, bias=False)
with torch.no_grad():
    conv_nb.weight.copy_(conv_b.weight)          # 가중치는 같고, 편향만 있고 없음
    conv_b.bias.uniform_(-BIAS_SCALE, BIAS_SCALE)   # 편향을 일부러 크게
bn_b, bn_nb = nn.BatchNorm2d(8), nn.BatchNorm2d(8)

x = torch.randn(16, 3, 8, 8)
out_b = bn_b(conv_b(x))
out_nb = bn_nb(conv_nb(x))
bias_out_diff = (out_b - out_nb).abs().max().item()
print(f"학습 모드 BN 출력의 최대 차이(편향 있음 vs 없음): {bias_out_diff:.1e}")
# --8<-- [end:same_output]

# --8<-- [start:zero_grad]
target = torch.randn_like(out_b)
(out_b * target).sum().backward()                # 임의의 손실을 역전파
bias_grad_max = conv_b.bias.grad.abs().max().item()
weight_grad_max = conv_b.weight.grad.abs().max().item()
print(f"합성곱 편향의 기울기 최대 크기:   {bias_grad_max:.1e}")
print(f"합성곱 가중치의 기울기 최대 크기: {weight_grad_max:.1e}")
# --8<-- [end:zero_grad]

# --8<-- [start:param_count]
saved = conv_b.bias.numel()
print(f"편향 파라미터: 출력 채널 수와 같은 {saved}개. BN의 β가 같은 역할(채널별 더하기)을 합니다.")
# --8<-- [end:param_count]
