"""VGG 스타일 블록: 원래의 Conv→ReLU와 나중에 나온 Conv→BN→ReLU(vgg*_bn) 변형."""

import torch
import torch.nn as nn

# --8<-- [start:blocks]
def vgg_stage(in_ch, out_ch, n_convs, batch_norm=False):
    """3×3 합성곱 n_convs개 뒤에 2×2 최대 풀링. batch_norm=True면 합성곱마다 BN을 끼웁니다."""
    layers = []
    for i in range(n_convs):
        layers.append(nn.Conv2d(in_ch if i == 0 else out_ch, out_ch, 3, padding=1))  # 편향 있음
        if batch_norm:
            layers.append(nn.BatchNorm2d(out_ch))
        layers.append(nn.ReLU(inplace=True))
    layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)


torch.manual_seed(0)
x = torch.randn(1, 3, 32, 32)
original = vgg_stage(3, 64, n_convs=2)                    # VGG 원논문(2014): Conv → ReLU
with_bn = vgg_stage(3, 64, n_convs=2, batch_norm=True)     # 나중의 변형: Conv → BN → ReLU
with_bn.eval()                                             # 이미지 1장이므로 평가 모드로 실행
for name, stage in (("원래 VGG", original), ("BN 변형", with_bn)):
    n_params = sum(p.numel() for p in stage.parameters())
    print(f"--- {name}: 파라미터 {n_params:,}개, 입력 {tuple(x.shape)} → 출력 {tuple(stage(x).shape)}")
    print(stage)
# --8<-- [end:blocks]

# 본문에서 인용하는 값
n_images = x.shape[0]
