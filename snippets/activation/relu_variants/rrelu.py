"""RReLU가 학습 때와 평가 때 음수 쪽 경사를 어떻게 정하는지 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:rrelu]
torch.manual_seed(0)
rrelu = nn.RReLU()                  # 기본 구간: 경사를 lower = 1/8과 upper = 1/3 사이에서 뽑습니다
x = torch.full((10_000,), -1.0)     # 모두 −1인 입력: 출력의 부호를 바꾸면 곧 경사입니다

rrelu.train()                       # 학습 모드: 원소마다, 호출할 때마다 경사를 새로 뽑습니다
slopes_1 = -rrelu(x)
slopes_2 = -rrelu(x)
rrelu.eval()                        # 평가 모드: 경사가 (lower + upper) / 2로 고정됩니다
slopes_eval = -rrelu(x)

print(f"학습 모드 경사: 최소 {slopes_1.min().item():.3f}, 최대 {slopes_1.max().item():.3f}, "
      f"평균 {slopes_1.mean().item():.3f}")
print(f"같은 입력을 다시 넣으면 경사가 바뀌는 원소: {(slopes_1 != slopes_2).float().mean().item():.0%}")
print(f"평가 모드 경사: 서로 다른 값 {slopes_eval.unique().numel()}개, {slopes_eval[0].item():.4f} "
      f"(1/8과 1/3의 평균 = {(1 / 8 + 1 / 3) / 2:.4f})")
# --8<-- [end:rrelu]

# 본문에서 인용하는 값
train_slope_min = slopes_1.min().item()
train_slope_max = slopes_1.max().item()
eval_slope = slopes_eval[0].item()
