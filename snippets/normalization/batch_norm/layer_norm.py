"""LayerNorm은 샘플 하나의 특성들로 정규화하므로 배치 구성과 배치 크기에 영향을 받지 않음을 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:per_sample]
torch.manual_seed(0)
x = torch.randn(4, 8) * torch.tensor([[1.0], [5.0], [0.5], [20.0]]) + 3.0   # 크기가 제각각인 샘플 4개

ln = nn.LayerNorm(8)        # 샘플마다 특성 8개의 평균과 분산으로 정규화
y = ln(x)
print("샘플별 평균:   ", [f"{abs(v):.3f}" for v in y.mean(dim=1).tolist()])
print("샘플별 표준편차:", [f"{v:.3f}" for v in y.std(dim=1, unbiased=False).tolist()])

# 샘플 하나만 넣어도(배치 크기 1) 배치 안에서와 같은 출력
alone = ln(x[3:4])
ln_alone_diff = (alone - y[3:4]).abs().max().item()
print(f"배치 크기 1과 배치 안의 출력 차이(LayerNorm): {ln_alone_diff:.1e}")

# 학습 모드의 BN은 배치 통계를 쓰므로, 같은 샘플도 함께 들어온 샘플에 따라 출력이 달라집니다
bn = nn.BatchNorm1d(8)
bn_diff = (bn(x[2:4])[1] - bn(x)[3]).abs().max().item()
print(f"배치 구성을 바꿀 때 같은 샘플의 출력 차이(학습 모드 BN): {bn_diff:.2f}")
# --8<-- [end:per_sample]

# --8<-- [start:transformer]
layer = nn.TransformerEncoderLayer(d_model=16, nhead=2)
for name, module in layer.named_modules():
    if isinstance(module, nn.LayerNorm):
        print(f"{name}: {module}")
# --8<-- [end:transformer]
