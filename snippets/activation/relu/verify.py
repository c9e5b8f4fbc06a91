"""원문 '코드로 확인하기'를 시드를 고정해 다시 쓴 것입니다. 원문과 달리 무엇을 재는지 정확히 이름 붙입니다."""

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

torch.manual_seed(0)
relu = nn.ReLU()

# --8<-- [start:gradient]
print("=== 기울기 곱: Sigmoid 상한 vs ReLU 활성 경로 ===")
sigmoid_grad = 0.25 ** 10  # σ'의 최댓값 0.25를 10번 곱한 상한
print(f"Sigmoid 10층, σ' 인수의 상한: {sigmoid_grad:.10f}")
relu_grad = 1.0 ** 10  # 지나는 유닛이 모두 활성(x > 0)일 때만 성립
print(f"ReLU 10층, 경로의 모든 유닛이 활성일 때: {relu_grad:.1f}")
# --8<-- [end:gradient]

# --8<-- [start:inactive]
print("=== 표준정규분포 입력에서 ReLU 출력이 0인 비율 (죽은 뉴런이 아님) ===")
x = torch.randn(1000)
inactive_ratio = (relu(x) == 0).float().mean().item()
print(f"출력이 0인 비율: {inactive_ratio:.1%}")
# --8<-- [end:inactive]

# --8<-- [start:sparsity]
print("=== 실제 합성곱 출력의 희소성 ===")
conv = nn.Conv2d(3, 64, 3, padding=1)  # 학습 전, PyTorch 기본 초기화, 편향 있음, BN 없음
images = torch.rand(4, 3, 8, 8)        # 0~1 사이 값의 8×8 이미지 4장
conv_out = relu(conv(images))
conv_sparsity = (conv_out == 0).float().mean().item()
per_channel = (conv_out == 0).float().mean(dim=(0, 2, 3))  # 채널별 0의 비율
channel_zero_min = per_channel.min().item()
channel_zero_max = per_channel.max().item()
channels_all_zero = int((per_channel == 1).sum())
print(f"Conv → ReLU 출력에서 0의 비율(전체): {conv_sparsity:.1%}")
print(f"채널별 0의 비율: 최소 {channel_zero_min:.1%}, 최대 {channel_zero_max:.1%}")
print(f"이 배치에서 출력이 전부 0인 채널: {channels_all_zero} / {conv.out_channels}")
randn_sparsity = (relu(torch.randn(4, 64, 8, 8)) == 0).float().mean().item()
print(f"같은 크기의 randn → ReLU (원문 방식): {randn_sparsity:.1%}")
# --8<-- [end:sparsity]

# --8<-- [start:variants]
print("=== 변형별 출력이 정확히 0인 비율 (randn 10000개) ===")
x = torch.randn(10000)
zero_ratios = {}
variants = [("ReLU", nn.ReLU()), ("LeakyReLU", nn.LeakyReLU()), ("PReLU", nn.PReLU()),
            ("ELU", nn.ELU()), ("ReLU6", nn.ReLU6())]
for name, fn in variants:
    with torch.no_grad():
        zero_ratios[name] = (fn(x) == 0).float().mean().item()
    print(f"{name:>10}: {zero_ratios[name]:.1%}")
relu_zero_ratio = zero_ratios["ReLU"]
leaky_zero_ratio = zero_ratios["LeakyReLU"]
prelu_zero_ratio = zero_ratios["PReLU"]
elu_zero_ratio = zero_ratios["ELU"]
relu6_zero_ratio = zero_ratios["ReLU6"]
# --8<-- [end:variants]

# 본문에서 인용하는 값
n_variant_inputs = x.numel()  # 변형 비교에 쓴 표준정규분포 입력의 개수

# 흔히 하는 말 vs 측정 결과의 판정
HALF_BAND = 0.10  # "약 50%"로 보는 폭: 50% ± 10%p

# 원문 "코드로 확인하기"는 시드 없이 torch.randn을 썼습니다. 실행마다 난수가 다르면 출력도 같은지 봅니다.
run_a = (relu(torch.randn(1000, generator=torch.Generator().manual_seed(1))) == 0).float().mean().item()
run_b = (relu(torch.randn(1000, generator=torch.Generator().manual_seed(2))) == 0).float().mean().item()
inactive_claim = verdicts.claim(
    same_every_run=run_a == run_b,                          # 난수가 다른 두 실행이 같은 비율을 출력하는가
    about_half=abs(inactive_ratio - 0.5) <= HALF_BAND,      # 시드를 고정한 값이 약 50%인가
)

# 원문 주장 "Conv 출력 → ReLU 후 sparsity 약 50%"의 판정: 실제 합성곱 출력에서 봅니다
conv_sparsity_claim = verdicts.claim(
    whole_output=abs(conv_sparsity - 0.5) <= HALF_BAND,     # 출력 전체에서 0의 비율이 약 50%인가
    every_channel=bool(((per_channel - 0.5).abs() <= HALF_BAND).all()),  # 채널마다 0의 비율이 약 50%인가
)
