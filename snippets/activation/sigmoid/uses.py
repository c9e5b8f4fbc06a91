"""Sigmoid가 실제로 쓰이는 세 곳: 이진 분류 출력, 다중 레이블 출력, LSTM 게이트."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:binary]
# 정답이 1인데 모델이 크게 틀린 로짓(logit) -200을 냈다고 합시다. 정확한 손실은 200입니다.
logit = torch.tensor([-200.0], requires_grad=True)
target = torch.tensor([1.0])

loss_split = F.binary_cross_entropy(torch.sigmoid(logit), target)   # Sigmoid 따로 + BCELoss
(grad_split,) = torch.autograd.grad(loss_split, logit)
grad_split = grad_split + 0.0  # -0.0을 0.0으로 (출력을 깔끔하게)
loss_fused = F.binary_cross_entropy_with_logits(logit, target)      # BCEWithLogitsLoss
(grad_fused,) = torch.autograd.grad(loss_fused, logit)
print(f"sigmoid + BCELoss   : 손실 {loss_split.item():.1f}, 로짓의 기울기 {grad_split.item():.4g}")
print(f"BCEWithLogitsLoss   : 손실 {loss_fused.item():.1f}, 로짓의 기울기 {grad_fused.item():.4g}")
# --8<-- [end:binary]

# --8<-- [start:multilabel]
# 한 이미지에 여러 레이블(예: 고양이, 소파, 사람)이 동시에 붙을 수 있는 다중 레이블 분류
logits = torch.tensor([[2.0, 1.5, -1.0]])
p_sigmoid = torch.sigmoid(logits)          # 레이블마다 독립적인 확률
p_softmax = torch.softmax(logits, dim=1)   # 하나만 고르는 다중 클래스 확률
print("sigmoid:", [f"{p:.3f}" for p in p_sigmoid[0].tolist()], f"합 {p_sigmoid.sum().item():.3f}")
print("softmax:", [f"{p:.3f}" for p in p_softmax[0].tolist()], f"합 {p_softmax.sum().item():.3f}")
# --8<-- [end:multilabel]

# --8<-- [start:lstm]
torch.manual_seed(0)
cell = nn.LSTMCell(input_size=4, hidden_size=3)
x = torch.randn(2, 4)
h, c = torch.randn(2, 3), torch.randn(2, 3)
h_torch, c_torch = cell(x, (h, c))

# 같은 가중치로 게이트를 직접 계산합니다. PyTorch의 게이트 순서는 입력(i), 망각(f), 후보(g), 출력(o)입니다.
gates = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
i, f, g, o = gates.chunk(4, dim=1)
i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)   # 게이트: 0~1 사이의 "얼마나 통과시킬지"
g = torch.tanh(g)                                                # 후보 값: −1~1
c_manual = f * c + i * g
h_manual = o * torch.tanh(c_manual)
lstm_max_diff = max((h_manual - h_torch).abs().max().item(), (c_manual - c_torch).abs().max().item())
print(f"직접 계산한 h, c와 nn.LSTMCell의 최대 차이: {lstm_max_diff:.1e}")
# --8<-- [end:lstm]

# 본문에서 인용하는 값
bce_split_loss = loss_split.item()
bce_split_grad = grad_split.item()
bce_fused_loss = loss_fused.item()
bce_fused_grad = grad_fused.item()

# 본문에서 인용하는 값
logit_value = logit.item()
