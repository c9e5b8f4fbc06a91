"""MobileNet 페이지의 연습 문제와 답."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 채널 256 → 256에서 깊이별 분리 합성곱(깊이별 3×3 + 점별 1×1, BN 제외)의 파라미터는
# 보통 3×3 합성곱의 몇 분의 1일까요? 먼저 식으로 예상해 보세요.
C_IN, C_OUT = 256, 256
depthwise = nn.Conv2d(C_IN, C_IN, 3, padding=1, groups=C_IN, bias=False)   # 채널마다 3×3
pointwise = nn.Conv2d(C_IN, C_OUT, 1, bias=False)                           # 채널 섞기
standard = nn.Conv2d(C_IN, C_OUT, 3, padding=1, bias=False)
separable_params = sum(p.numel() for p in (*depthwise.parameters(), *pointwise.parameters()))
standard_params = sum(p.numel() for p in standard.parameters())
params_fraction = separable_params / standard_params
params_times = 1 / params_fraction
print(f"깊이별 분리: {separable_params:,}개 = 3·3·{C_IN} + {C_IN}·{C_OUT}")
print(f"보통 3×3:    {standard_params:,}개 = 3·3·{C_IN}·{C_OUT}")
print(f"비율 {params_fraction:.4f} = 1/{C_OUT} + 1/9 → 약 {params_times:.1f}분의 1")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 나선 복원 실험에서 torch.relu를 빼면(활성화 함수 없이 선형 사상만 남기면),
# n = 2에서 복원 오차는 얼마가 될까요?
t = torch.linspace(0, 4 * torch.pi, 400, dtype=torch.float64)
spiral = torch.stack([t * torch.cos(t), t * torch.sin(t)], dim=1) / (4 * torch.pi)
g = torch.Generator().manual_seed(0)
linear_error = {}
print(f"{'n':>4} | 복원 오차: ReLU 있음 | ReLU 없음")
for n in (2, 3, 5, 15, 30):
    T = torch.randn(2, n, generator=g, dtype=torch.float64)
    errors = []
    for features in (torch.relu(spiral @ T), spiral @ T):              # 바꾼 줄: torch.relu를 뺀 쪽
        restored = features @ torch.linalg.lstsq(features, spiral).solution
        errors.append(((restored - spiral).norm() / spiral.norm()).item())
    linear_error[n] = errors[1]
    print(f"{n:>4} | {errors[0]:.3f} | {errors[1]:.3f}")
linear_error_2 = linear_error[2]
# --8<-- [end:exercise_3]
