"""MobileNet의 블록: V1의 깊이별 분리 합성곱과 V2의 역잔차(inverted residual) + 선형 병목(linear bottleneck)."""

import torch
import torch.nn as nn

# --8<-- [start:v1]
def depthwise_separable(in_ch, out_ch, stride=1):
    """MobileNetV1: 깊이별(depthwise) 3×3 → 점별(pointwise) 1×1, 둘 다 BN과 활성화 뒤따름."""
    return nn.Sequential(
        nn.Conv2d(in_ch, in_ch, 3, stride=stride, padding=1, groups=in_ch, bias=False),  # 채널마다 따로
        nn.BatchNorm2d(in_ch), nn.ReLU6(inplace=True),
        nn.Conv2d(in_ch, out_ch, 1, bias=False),                                        # 채널 섞기
        nn.BatchNorm2d(out_ch), nn.ReLU6(inplace=True),
    )
# --8<-- [end:v1]


# --8<-- [start:v2]
class InvertedResidual(nn.Module):
    """MobileNetV2: 1×1 확장(ReLU6) → 깊이별 3×3(ReLU6) → 1×1 투영(활성화 없음 = 선형 병목)."""

    def __init__(self, in_ch, out_ch, stride=1, expand=6):
        super().__init__()
        hidden = in_ch * expand
        self.use_residual = stride == 1 and in_ch == out_ch
        self.layers = nn.Sequential(
            nn.Conv2d(in_ch, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, hidden, 3, stride=stride, padding=1, groups=hidden, bias=False),
            nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, out_ch, 1, bias=False), nn.BatchNorm2d(out_ch),   # 여기에는 ReLU6가 없습니다
        )

    def forward(self, x):
        out = self.layers(x)
        return x + out if self.use_residual else out   # 덧셈 뒤에도 활성화 없음
# --8<-- [end:v2]


# --8<-- [start:run]
torch.manual_seed(0)
x = torch.randn(2, 24, 16, 16)
v1 = depthwise_separable(24, 48)
v2 = InvertedResidual(24, 24)
v2_down = InvertedResidual(24, 32, stride=2)
standard = nn.Conv2d(24, 48, 3, padding=1, bias=False)
print(v2)
for name, block in (("V1 깊이별 분리", v1), ("V2 역잔차", v2), ("V2 역잔차, stride 2", v2_down),
                    ("비교: 보통 3×3 합성곱 24→48", standard)):
    out = block(x)
    n_params = sum(p.numel() for p in block.parameters())
    print(f"{name}: 파라미터 {n_params:,}개, 출력 {tuple(out.shape)}, 음수 출력 비율 {(out < 0).float().mean().item():.1%}")
# --8<-- [end:run]

# --8<-- [start:collapse]
# V2 논문 그림 1의 실험: 2차원 나선을 무작위 행렬 T로 n차원에 올리고, ReLU를 씌운 뒤
# 가장 잘 맞는 선형 사상(최소제곱)으로 다시 2차원으로 내립니다. n이 작으면 ReLU가 정보를 지웁니다.
t = torch.linspace(0, 4 * torch.pi, 400, dtype=torch.float64)
spiral = torch.stack([t * torch.cos(t), t * torch.sin(t)], dim=1) / (4 * torch.pi)   # (400, 2)
g = torch.Generator().manual_seed(0)
print(f"{'n':>4} | 복원 오차 (나선 크기 대비)")
collapse_error = {}
for n in (2, 3, 5, 15, 30):
    T = torch.randn(2, n, generator=g, dtype=torch.float64)
    features = torch.relu(spiral @ T)                             # (400, n), 음수는 0으로 사라짐
    restored = features @ torch.linalg.lstsq(features, spiral).solution
    collapse_error[n] = ((restored - spiral).norm() / spiral.norm()).item()
    print(f"{n:>4} | {collapse_error[n]:.3f}")
# --8<-- [end:collapse]
v1_params = sum(p.numel() for p in v1.parameters())
standard_params = sum(p.numel() for p in standard.parameters())
collapse_error_2 = collapse_error[2]
collapse_error_30 = collapse_error[30]

# 본문에서 인용하는 값
v2_expand = v2.layers[0].out_channels // v2.layers[0].in_channels   # 확장 배율
v1_in, v1_out = v1[0].in_channels, v1[3].out_channels
n_small, n_large = min(collapse_error), max(collapse_error)
