"""σ'의 최댓값 0.25를 n번 곱한 값(활성화 함수가 곱하는 인수의 상한)과, 원문의 9층 Sigmoid 네트워크에서 잰 실제 값."""

import math

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:bound]
for n in (1, 2, 3, 5, 8, 9, 10, 20):
    print(f"0.25 ** {n:>2} = {0.25 ** n:.4e}")
bound_8 = 0.25 ** 8
bound_9 = 0.25 ** 9
bound_10 = 0.25 ** 10
bound_20 = 0.25 ** 20
# --8<-- [end:bound]

# --8<-- [start:seed_net]
# 원문의 9층 Sigmoid 네트워크(Linear 9개, 각 Linear 뒤에 Sigmoid, BCELoss)를 원문과 같은 순서로 만들고
# 학습 전 한 번 역전파해, 층마다 σ'(z)의 평균과 가중치 기울기 크기를 잽니다.
torch.manual_seed(777)
X = torch.randn(1000, 20)
Y = (X.sum(dim=1, keepdim=True) > 0).float()
seed_positive_rate = Y.mean().item()               # 클래스 1의 비율
sizes = [20] + [128] * 8 + [1]
layers = []
for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
    layers += [nn.Linear(fan_in, fan_out), nn.Sigmoid()]
net = nn.Sequential(*layers)

outputs = []
h = X
for module in net:
    h = module(h)
    if isinstance(module, nn.Sigmoid):
        outputs.append(h)
nn.BCELoss()(h, Y).backward()

sigma_prime_means = [(a * (1 - a)).mean().item() for a in outputs]
grad_norms = [m.weight.grad.norm().item() for m in net if isinstance(m, nn.Linear)]
print("층 번호         " + " ".join(f"{k:>8}" for k in range(1, 10)))
print("σ'(z) 평균      " + " ".join(f"{v:>8.3f}" for v in sigma_prime_means))
print("‖∂L/∂W‖        " + " ".join(f"{v:>8.1e}" for v in grad_norms))
# 첫 층과 마지막 층의 기울기 비율에서 마지막 층의 σ'(z₉)는 ∂L/∂W₁과 ∂L/∂W₉에 함께 들어가 지워집니다.
# 그래서 이 비율에 들어가는 σ'는 1~8층의 8개이고, 맞댈 상한은 0.25 ** 8입니다.
sigma_prime_product_8 = math.prod(sigma_prime_means[:8])
seed_net_ratio = grad_norms[0] / grad_norms[-1]
per_layer_factor = seed_net_ratio ** (1 / 8)                  # 8개 층에 고르게 나눈 층당 인수
product_over_ratio = sigma_prime_product_8 / seed_net_ratio   # σ' 평균 8개의 곱보다 몇 배 작은가
bound_over_ratio = bound_8 / seed_net_ratio                   # 상한 0.25 ** 8보다 몇 배 작은가
print(f"σ' 평균 8개(1~8층)의 곱: {sigma_prime_product_8:.2e}  (상한 0.25 ** 8 = {bound_8:.2e})")
print(f"‖∂L/∂W₁‖ / ‖∂L/∂W₉‖ = {seed_net_ratio:.2e}  (층당 {per_layer_factor:.3f}배)")
print(f"σ' 평균 8개의 곱보다 {product_over_ratio:.0f}배, 0.25 ** 8보다 {bound_over_ratio:.0f}배 작음")
print(f"데이터에서 클래스 1의 비율: {seed_positive_rate:.3f}")
# --8<-- [end:seed_net]

# --8<-- [start:claims]
# 원문의 주장을 원문이 적은 정밀도(유효숫자 두 자리, 3.8 × 10⁻⁶)로 잰 값과 맞대어 판정합니다.
CLAIMED = f"{3.8e-6:.1e}"
quarter_power_9 = verdicts.claim(
    arithmetic=f"{bound_9:.1e}" == CLAIMED,              # 계산: 0.25 ** 9가 3.8e-06인가
    measured_ratio=f"{seed_net_ratio:.1e}" == CLAIMED,   # 원문의 9층 네트워크에서 잰 첫/마지막 층 기울기 비율도 3.8e-06인가
)
quarter_per_sigmoid = verdicts.claim(
    # 기울기가 sigmoid마다 0.25배씩 줄었다면, σ' 8개가 들어가는 첫/마지막 층 비율은 0.25 ** 8이어야 함
    measured_ratio=f"{seed_net_ratio:.1e}" == f"{bound_8:.1e}",
)
print(f"원문: {CLAIMED}, 계산한 0.25 ** 9: {bound_9:.1e}, 잰 기울기 비율: {seed_net_ratio:.1e}")
print(f"이 비율에 들어가는 σ'는 8개: 0.25 ** 8 = {bound_8:.1e}")
print(f"주장 \"9층에서 0.25^9 ≈ 3.8e-06\": {quarter_power_9}")
print(f"주장 \"Sigmoid를 통과할 때마다 기울기가 0.25배씩\": {quarter_per_sigmoid}")
# --8<-- [end:claims]
