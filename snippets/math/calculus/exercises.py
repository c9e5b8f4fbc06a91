"""미분 기초: 연습 문제의 답을 코드로 확인합니다."""

import math

import torch

# --8<-- [start:exercise_1]
# 연습 1. ReLU 유닛 y = relu(w·x + b)에서 w = 0.8, b = −0.3입니다. 입력 x = 1.5와 x = −1.5에서 dy/dw는 각각 얼마일까요?
# 연쇄 법칙 dy/dw = relu′(z) · x로 먼저 답해 보세요.
relu_grads = {}
for x_in in (1.5, -1.5):
    w = torch.tensor(0.8, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(-0.3, dtype=torch.float64, requires_grad=True)
    z = w * x_in + b
    torch.relu(z).backward()
    relu_grads[x_in] = w.grad.item() + 0.0       # + 0.0: −0을 0으로 찍습니다
    print(f"x = {x_in:+.1f}: z = {z.item():+.2f}, dy/dw = {relu_grads[x_in]:.2f}")
relu_grad_pos, relu_grad_neg = relu_grads[1.5], relu_grads[-1.5]
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
# 연습 2. f(x) = x³, x = 2에서 정확한 미분계수는 12입니다. h = 0.01이면 한쪽 차분 (f(x + h) − f(x))/h와
# 중앙 차분 (f(x + h) − f(x − h))/(2h)의 오차는 각각 어느 정도일까요? h를 10배 줄이면 오차는 몇 배로 줄까요?
def cube(x):
    return x ** 3


x0, exact = 2.0, 12.0
difference_errors = {}
for step in (0.1, 0.01, 0.001):
    one_sided = (cube(x0 + step) - cube(x0)) / step
    central = (cube(x0 + step) - cube(x0 - step)) / (2 * step)
    difference_errors[step] = (one_sided - exact, central - exact)
    print(f"h = {step:<5g} 한쪽 차분 오차 {one_sided - exact:.1e}, 중앙 차분 오차 {central - exact:.1e}")
one_sided_error, central_error = difference_errors[0.01]
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 본문의 y = σ(σ(σ(x)))에서 입력을 x = 0.5에서 x = 5로 바꾸면(표시한 줄), dy/dx는 커질까요, 작아질까요?
# 세 단계 가운데 어느 단계의 σ′가 곱을 가장 크게 줄일까요?
x = torch.tensor(5.0, dtype=torch.float64, requires_grad=True)   # ← 바꾼 줄: 본문은 0.5
a1 = torch.sigmoid(x)
a2 = torch.sigmoid(a1)
a3 = torch.sigmoid(a2)
a3.backward()

local = [a * (1 - a) for a in (a1.item(), a2.item(), a3.item())]   # 각 단계의 σ′
product = math.prod(local)
print("단계별 σ′:", ", ".join(f"{d:.4f}" for d in local))
print(f"곱        : {product:.2e}")
print(f"autograd  : {x.grad.item():.2e}")
far_first_factor = local[0]
far_product = product
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. 중앙 차분의 h를 계속 줄이면 오차도 계속 줄어들까요? x³의 x = 2에서 h = 1e-4, 1e-8, 1e-12로 봅니다.
tiny_h_errors = {}
for step in (1e-4, 1e-8, 1e-12):
    central = ((2.0 + step) ** 3 - (2.0 - step) ** 3) / (2 * step)
    tiny_h_errors[step] = abs(central - 12.0)
    print(f"h = {step:g}: 중앙 차분 오차 {tiny_h_errors[step]:.1e}")
error_h4, error_h12 = tiny_h_errors[1e-4], tiny_h_errors[1e-12]
# --8<-- [end:exercise_4]
