"""Sigmoid와 tanh의 포화: 입력이 커지면 도함수가 얼마나 작아지는지 autograd로 확인합니다."""

import torch

# --8<-- [start:saturation]
x = torch.tensor([0.0, 2.0, 4.0, 6.0, 10.0], requires_grad=True)
sig_grad = torch.autograd.grad(torch.sigmoid(x).sum(), x)[0]
tanh_grad = torch.autograd.grad(torch.tanh(x).sum(), x)[0]
relu_grad = torch.autograd.grad(torch.relu(x).sum(), x)[0]

print(f"{'x':>5} | {'sigmoid′':>10} | {'tanh′':>10} | {'ReLU′':>5}")
for xi, s, t, r in zip(x.tolist(), sig_grad.tolist(), tanh_grad.tolist(), relu_grad.tolist()):
    print(f"{xi:>5.1f} | {s:>10.2e} | {t:>10.2e} | {r:>5.1f}")

sigmoid_grad_max = sig_grad[0].item()   # x = 0에서 최대
sigmoid_grad_at_4 = sig_grad[2].item()
tanh_grad_at_0 = tanh_grad[0].item()
# --8<-- [end:saturation]

# --8<-- [start:power]
# 0.25는 σ'의 "최댓값"입니다. 층마다 이 값이 곱해진다고 가정한 상한입니다.
for layers in (5, 10, 20):
    print(f"0.25 ** {layers:>2} = {0.25 ** layers:.3e}")
sigmoid_bound_10 = 0.25 ** 10
# --8<-- [end:power]
