"""Sigmoid 페이지의 연습 문제와 답입니다. 구역 하나가 문제 하나의 답입니다."""

import math

import torch
import torch.nn.functional as F

# --8<-- [start:exercise_2]
# 연습 2. 어떤 입력 x에서 σ(x) = 0.9입니다. x를 모른 채 σ′(x)를 예상해 보세요.
x = torch.tensor(math.log(9.0), dtype=torch.float64, requires_grad=True)   # σ(ln 9) = 9/10
s = torch.sigmoid(x)
s.backward()
sigma_at_x = round(s.item(), 4)
sigma_grad_at_x = round(x.grad.item(), 4)
print(f"σ(x) = {sigma_at_x:.4f}")
print(f"autograd의 σ′(x) = {sigma_grad_at_x:.4f}, σ(x)(1 − σ(x)) = {sigma_at_x * (1 - sigma_at_x):.4f}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 다중 레이블 예에 로짓 3.0인 레이블을 하나 더하면, 처음 세 레이블의 확률은
# sigmoid와 softmax에서 각각 어떻게 될까요?
logits = torch.tensor([[2.0, 1.5, -1.0]])
logits_more = torch.tensor([[2.0, 1.5, -1.0, 3.0]])   # 바꾼 줄: 로짓 3.0인 레이블을 더함
for name, row in (("레이블 3개", logits), ("레이블 4개", logits_more)):
    print(f"{name}: sigmoid {[f'{p:.3f}' for p in torch.sigmoid(row)[0].tolist()]}")
    print(f"{'':>7}softmax {[f'{p:.3f}' for p in torch.softmax(row, dim=1)[0].tolist()]}")
softmax_first_before = round(torch.softmax(logits, dim=1)[0, 0].item(), 3)
softmax_first_after = round(torch.softmax(logits_more, dim=1)[0, 0].item(), 3)
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. 페이지의 이진 분류 예에서 로짓 -200을 -20과 -30으로 바꾸면, sigmoid + BCELoss의 손실과
# 기울기는 BCEWithLogitsLoss와 같아질까요?
BCE_EPS = 1e-12   # BCELoss는 역전파에서 σ(1 − σ)로 나누기 전에 이 값보다 작아지지 않게 자릅니다
target = torch.tensor([1.0])
bce_split_grads = {}
for value in (-20.0, -30.0):                                          # 바꾼 줄: 페이지에서는 -200.0
    logit = torch.tensor([value], requires_grad=True)
    loss_split = F.binary_cross_entropy(torch.sigmoid(logit), target)   # Sigmoid 따로 + BCELoss
    (grad_split,) = torch.autograd.grad(loss_split, logit)
    loss_fused = F.binary_cross_entropy_with_logits(logit, target)      # BCEWithLogitsLoss
    (grad_fused,) = torch.autograd.grad(loss_fused, logit)
    bce_split_grads[value] = round(grad_split.item(), 4)
    print(f"로짓 {value:g}: sigmoid + BCELoss 손실 {loss_split.item():.1f}, 기울기 {grad_split.item():.4f} | "
          f"BCEWithLogitsLoss 손실 {loss_fused.item():.1f}, 기울기 {grad_fused.item():.4f}")

s = 1 / (1 + math.exp(30.0))   # σ(−30)을 파이썬 float(64비트)로
clipped = (s - 1) * s * (1 - s) / max(s * (1 - s), BCE_EPS)
print(f"σ(−30)(1 − σ(−30)) = {s * (1 - s):.1e}, 하한 {BCE_EPS:g}에서 자른 식의 기울기 = {clipped:.4f}")
grad_split_m20 = bce_split_grads[-20.0]
grad_split_m30 = bce_split_grads[-30.0]
sigma_spread_m30 = float(f"{s * (1 - s):.1e}")
# --8<-- [end:exercise_4]
