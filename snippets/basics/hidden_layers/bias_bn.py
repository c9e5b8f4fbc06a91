"""BatchNorm 바로 앞 층의 편향은 BN이 평균을 빼면서 지워 버립니다. 그래서 bias=False로 둡니다."""

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:bias_bn]
torch.manual_seed(0)
with_bias = nn.Linear(20, 64, bias=True).double()      # 비교를 위해 float64
without_bias = nn.Linear(20, 64, bias=False).double()
with torch.no_grad():
    without_bias.weight.copy_(with_bias.weight)   # 가중치는 같고 편향만 다름
bn = nn.BatchNorm1d(64).double()   # 학습 모드: 배치 평균을 뺍니다

x = torch.randn(32, 20, dtype=torch.float64)
out_with = bn(with_bias(x))
out_without = bn(without_bias(x))
bias_bn_gap = (out_with - out_without).abs().max().item()
print(f"BN 출력의 최대 차이 (편향 있음 vs 없음): {bias_bn_gap:.1e}")

# 편향에 들어오는 기울기도 0에 가깝습니다: 편향을 바꿔도 BN 출력이 바뀌지 않기 때문입니다.
out_with.pow(2).sum().backward()
bias_grad_norm = with_bias.bias.grad.norm().item()
weight_grad_norm = with_bias.weight.grad.norm().item()
print(f"‖∂L/∂bias‖ = {bias_grad_norm:.1e},  ‖∂L/∂weight‖ = {weight_grad_norm:.1e}")
print(f"아낀 파라미터: {with_bias.bias.numel()}개 (BN의 β가 같은 역할의 이동을 맡습니다)")
# --8<-- [end:bias_bn]

# "bias=True 권장"의 판정: 편향이 출력을 바꾸는가를 BN이 없을 때와 바로 뒤에 BN이 올 때 봅니다
with torch.no_grad():
    no_bn_differs = not torch.allclose(with_bias(x), without_bias(x))  # BN이 없으면 편향이 출력을 바꾸는가
bias_claim = verdicts.claim(
    without_bn=no_bn_differs,
    before_bn=not torch.allclose(out_with, out_without),  # 바로 뒤에 BN이 오면 편향이 출력을 바꾸는가
)
