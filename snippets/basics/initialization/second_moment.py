"""He 초기화의 핵심 사실을 수치로 확인합니다: E[relu(z)²] = ½·Var[z], E[leaky(z)²] = (1 + a²)/2·Var[z]."""

import torch
import torch.nn as nn
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:half]
torch.manual_seed(0)
N_SAMPLES, SIGMA = 1_000_000, 3.0
z = SIGMA * torch.randn(N_SAMPLES, dtype=torch.float64)   # 평균 0, 대칭인 활성화 전 값
var_z = z.var().item()

relu_second_moment = F.relu(z).pow(2).mean().item()
relu_ratio = relu_second_moment / var_z
print(f"Var[z] = {var_z:.4f}")
print(f"ReLU:            E[relu(z)²] / Var[z] = {relu_ratio:.4f}   (이론 0.5)")

SLOPES = (0.01, 0.25, 1.0)
leaky_ratios = {}
for a in SLOPES:
    ratio = F.leaky_relu(z, a).pow(2).mean().item() / var_z
    leaky_ratios[a] = ratio
    print(f"Leaky (a = {a:<4}): E[f(z)²] / Var[z]     = {ratio:.4f}   (이론 (1 + a²)/2 = {(1 + a * a) / 2:.4f})")
# --8<-- [end:half]

# --8<-- [start:gain]
# PyTorch 초기화 함수가 실제로 만드는 가중치 분산에 fan_in n을 곱한 값, n·Var[w]
torch.manual_seed(0)
n = 1024
w = torch.empty(n, n)


def n_var(init, **kwargs):
    init(w, **kwargs)
    return n * w.var().item()


he_relu = n_var(nn.init.kaiming_normal_, nonlinearity="relu")
he_leaky = n_var(nn.init.kaiming_normal_, a=0.25, nonlinearity="leaky_relu")
xavier = n_var(nn.init.xavier_normal_)
xavier_tanh = n_var(nn.init.xavier_normal_, gain=nn.init.calculate_gain("tanh"))
default_linear = n * nn.Linear(n, n).weight.var().item()
print(f"kaiming_normal_(relu)             n·Var[w] = {he_relu:.3f}   (이론 2)")
print(f"kaiming_normal_(a=0.25, leaky)    n·Var[w] = {he_leaky:.3f}   (이론 2/(1 + 0.25²) = {2 / (1 + 0.25**2):.3f})")
print(f"xavier_normal_                    n·Var[w] = {xavier:.3f}   (이론 2n/(n + n) = 1)")
print(f"xavier_normal_(gain=tanh)         n·Var[w] = {xavier_tanh:.3f}   (이론 (5/3)² = {(5 / 3) ** 2:.3f})")
print(f"nn.Linear 기본값                  n·Var[w] = {default_linear:.3f}   (이론 1/3)")
lecun = n_var(nn.init.kaiming_normal_, nonlinearity="linear")   # LeCun 초기화: Var[w] = 1/fan_in
print(f"kaiming_normal_(linear) = LeCun   n·Var[w] = {lecun:.3f}   (이론 1)")
# --8<-- [end:gain]

leaky_ratio_small = leaky_ratios[0.01]
leaky_ratio_prelu = leaky_ratios[0.25]
tanh_gain = nn.init.calculate_gain("tanh")

# --8<-- [start:default_vs_he]
# "nn.Linear의 기본 초기화는 Kaiming이라 ReLU에 맞다": 같은 시드에서 nn.Linear의 기본 가중치와
# ReLU용 He 초기화(kaiming_uniform_, nonlinearity="relu")가 같은 가중치를 만드는지 봅니다.
torch.manual_seed(0)
default_weight = nn.Linear(n, n).weight.detach()
torch.manual_seed(0)
he_weight = nn.init.kaiming_uniform_(torch.empty(n, n), nonlinearity="relu")
default_is_he_for_relu = verdicts.claim(
    same_weights=torch.allclose(default_weight, he_weight),   # 기본값이 ReLU용 He 초기화와 같은 가중치인가
)
print(f"같은 시드의 두 가중치: 표준편차 비 (He / 기본) = {(he_weight.std() / default_weight.std()).item():.3f}")
print(f"주장 \"nn.Linear 기본 초기화는 ReLU에 맞는 Kaiming\": {default_is_he_for_relu}")
# --8<-- [end:default_vs_he]
