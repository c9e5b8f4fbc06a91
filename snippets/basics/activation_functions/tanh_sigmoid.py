"""tanh와 sigmoid의 정확한 관계 tanh(x) = 2σ(2x) − 1, 그리고 x = 0에서의 도함수."""

import torch

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:relation]
x = torch.linspace(-8, 8, 10001, dtype=torch.float64)
sigma = torch.sigmoid

exact = 2 * sigma(2 * x) - 1          # 입력을 2배, 출력을 2배 한 뒤 1을 뺍니다(크기 조절 + 이동)
shift_only = sigma(x) - 0.5           # "0 중심으로 이동"만 한 것

relation_gap = (torch.tanh(x) - exact).abs().max().item()
shift_gap = (torch.tanh(x) - shift_only).abs().max().item()
print(f"max |tanh(x) − (2σ(2x) − 1)| = {relation_gap:.1e}")
print(f"max |tanh(x) − (σ(x) − 0.5)| = {shift_gap:.4f}")
print(f"σ(x) − 0.5 의 출력 범위: ({shift_only.min().item():.4f}, {shift_only.max().item():.4f})")
# --8<-- [end:relation]

# --8<-- [start:slope]
x0 = torch.zeros(1, dtype=torch.float64, requires_grad=True)
tanh_grad_0 = torch.autograd.grad(torch.tanh(x0).sum(), x0)[0].item()
sigmoid_grad_0 = torch.autograd.grad(torch.sigmoid(x0).sum(), x0)[0].item()
print(f"tanh′(0) = {tanh_grad_0:.4f}")
print(f"σ′(0)    = {sigmoid_grad_0:.4f}")
# 관계식을 미분하면 tanh′(x) = 4σ′(2x) 이므로 tanh′(0) = 4 × 0.25 = 1 입니다.
# --8<-- [end:slope]

# 흔히 하는 말 vs 측정 결과의 판정
# "Tanh는 Sigmoid를 0 중심으로 이동한 형태": 이동만 한 σ(x) − 0.5가 tanh와 같은가
shift_claim = verdicts.claim(
    shift_equals_tanh=torch.allclose(torch.tanh(x), shift_only),  # σ(x) − 0.5가 tanh(x)와 (반올림 오차 안에서) 같은가
)

# "Sigmoid/Tanh의 미분값이 1보다 작음": −8 ~ 8의 모든 점(x = 0 포함)에서 봅니다
xg = x.clone().requires_grad_()
sigmoid_grad_grid = torch.autograd.grad(torch.sigmoid(xg).sum(), xg)[0]
tanh_grad_grid = torch.autograd.grad(torch.tanh(xg).sum(), xg)[0]
below_one_claim = verdicts.claim(
    sigmoid=bool((sigmoid_grad_grid < 1).all()),  # σ′(x) < 1이 모든 점에서 성립하는가
    tanh=bool((tanh_grad_grid < 1).all()),        # tanh′(x) < 1이 모든 점에서 성립하는가 (x = 0에서는 1)
)
