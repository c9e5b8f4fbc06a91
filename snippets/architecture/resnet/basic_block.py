"""ResNet의 기본 잔차 블록(basic block): ReLU가 덧셈 뒤에 옵니다."""

import torch
import torch.nn as nn

# --8<-- [start:block]
class BasicBlock(nn.Module):
    """conv3×3-BN-ReLU-conv3×3-BN, 지름길(shortcut)을 더한 뒤 ReLU."""

    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        self.relu = nn.ReLU()
        self.shortcut = nn.Identity()
        if stride != 1 or in_ch != out_ch:   # 크기나 채널이 바뀌면 1×1 합성곱으로 맞춤
            self.shortcut = nn.Sequential(nn.Conv2d(in_ch, out_ch, 1, stride=stride, bias=False),
                                          nn.BatchNorm2d(out_ch))

    def forward(self, x):
        residual = self.bn2(self.conv2(self.relu(self.bn1(self.conv1(x)))))  # F(x)
        self.last_residual = residual.detach()
        return self.relu(residual + self.shortcut(x))                       # ReLU(F(x) + x)


torch.manual_seed(0)
x = torch.randn(2, 16, 32, 32)
same = BasicBlock(16, 16)               # 지름길 = 항등 함수
down = BasicBlock(16, 32, stride=2)     # 지름길 = 1×1 합성곱(stride 2) + BN
print(down)
for name, block in (("항등 지름길", same), ("1×1 지름길", down)):
    out = block(x)
    r = block.last_residual
    print(f"{name}: 입력 {tuple(x.shape)} → 출력 {tuple(out.shape)}, "
          f"F(x)의 음수 비율 {(r < 0).float().mean().item():.1%}, 출력 최솟값 {out.min().item():.1f}")
# --8<-- [end:block]

# 본문에서 인용하는 값
down_stride = down.conv1.stride[0]
down_in, down_out = down.conv1.in_channels, down.conv1.out_channels
