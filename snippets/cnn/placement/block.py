"""Conv → BN → ReLU 블록 하나를 만들고 구조와 출력 모양을 봅니다."""

import torch
import torch.nn as nn


# --8<-- [start:block]
class ConvBNReLU(nn.Sequential):
    def __init__(self, c_in, c_out):
        super().__init__(
            nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),  # 편향은 BN의 β가 대신합니다
            nn.BatchNorm2d(c_out),
            nn.ReLU(inplace=True),
        )


torch.manual_seed(0)
block = ConvBNReLU(3, 16)
x = torch.randn(4, 3, 32, 32)
print(block)
print(f"입력 {tuple(x.shape)} → 출력 {tuple(block(x).shape)}")
# --8<-- [end:block]
