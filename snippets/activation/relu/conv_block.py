"""원문의 ConvBlock(Conv → BN → ReLU)을 실제로 만들고, 실제 합성곱 출력에서 0의 비율을 잽니다."""

import torch
import torch.nn as nn


# --8<-- [start:block]
class ConvBlock(nn.Module):
    def __init__(self, in_ch, out_ch):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False)  # 편향은 BN의 β가 대신합니다
        self.bn = nn.BatchNorm2d(out_ch)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


torch.manual_seed(0)
block = ConvBlock(3, 16)
images = torch.rand(8, 3, 32, 32)  # 0~1 사이 값의 32×32 이미지 8장
out = block(images)                # 학습 모드: 배치 통계로 정규화
print(f"입력 {tuple(images.shape)} → 출력 {tuple(out.shape)}")
conv_zero_fraction = (out == 0).float().mean().item()
per_channel = (out == 0).float().mean(dim=(0, 2, 3))
bn_channel_zero_min = per_channel.min().item()
bn_channel_zero_max = per_channel.max().item()
print(f"ReLU 출력에서 0의 비율(전체): {conv_zero_fraction:.1%}")
print(f"채널별 0의 비율: 최소 {bn_channel_zero_min:.1%}, 최대 {bn_channel_zero_max:.1%}")
print(f"파라미터 수: conv {sum(p.numel() for p in block.conv.parameters())}, "
      f"bn {sum(p.numel() for p in block.bn.parameters())}")
# --8<-- [end:block]

# 본문에서 인용하는 값
n_images = images.shape[0]
