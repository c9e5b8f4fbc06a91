"""작은 층의 활성화 전 값이 정확히 0이 되는 횟수를 float32, float16, bfloat16에서 셉니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:count]
torch.manual_seed(0)
n_samples, d_in, d_out = 16_384, 64, 64
layer = nn.Linear(d_in, d_out)                    # PyTorch 기본 초기화
inputs = torch.relu(torch.randn(n_samples, d_in))  # 앞 층 ReLU의 출력이라고 봅니다
batch_size = 128                                  # 미니배치 하나의 샘플 수


def pre_activation(dtype):
    """z = b + Σ w·x를 한 항씩 더합니다. 곱셈과 덧셈마다 결과를 dtype으로 반올림합니다."""
    x = inputs.to(dtype)
    w = layer.weight.detach().to(dtype)
    z = layer.bias.detach().to(dtype).expand(n_samples, d_out).clone()
    for k in range(d_in):
        z = z + x[:, k:k + 1] * w[:, k]
    return z


def grad_of(fn, z):
    """fn(z)의 합을 z로 미분한 값(활성화 전 값마다의 기울기)."""
    z = z.detach().clone().requires_grad_()
    fn(z).sum().backward()
    return z.grad


print("x = 0의 기울기는 F.relu, clamp 순서입니다.")
print(f"{'dtype':<9} | x = 0의 기울기 | 정확히 0인 z | 0이 하나라도 있는 미니배치")
counts = {}
for dtype in [torch.float32, torch.float16, torch.bfloat16]:
    z = pre_activation(dtype)
    zero = torch.zeros((), dtype=dtype)
    at_zero = (grad_of(F.relu, zero).item(), grad_of(lambda t: torch.clamp(t, min=0), zero).item())
    # F.relu(기울기 0)와 clamp(기울기 1)의 기울기가 다른 곳 = z가 정확히 0인 곳
    differs = grad_of(F.relu, z) != grad_of(lambda t: torch.clamp(t, min=0), z)
    n_zero = int((z == 0).sum())
    batches_hit = int(differs.view(-1, batch_size, d_out).any(dim=(1, 2)).sum())
    n_batches = n_samples // batch_size
    name = str(dtype).removeprefix("torch.")
    counts[name] = (n_zero, batches_hit)
    print(f"{name:<9} | {at_zero[0]:g}, {at_zero[1]:g}{'':<9} | {n_zero:>3} / {z.numel():,} | "
          f"{batches_hit:>3} / {n_batches}")
# --8<-- [end:count]

# 본문에서 인용하는 값
n_pre_activations = n_samples * d_out
n_batches = n_samples // batch_size
zeros_float32 = counts["float32"][0]
zeros_float16 = counts["float16"][0]
zeros_bfloat16 = counts["bfloat16"][0]
batches_float32 = counts["float32"][1]
batches_float16 = counts["float16"][1]
batches_bfloat16 = counts["bfloat16"][1]
