"""도함수와 연쇄 법칙을 수치 미분(중앙 차분)과 autograd로 확인합니다."""

import math

import matplotlib.pyplot as plt
import torch

# --8<-- [start:secant]
def f(x):
    return x ** 3


# x = 1에서 할선의 기울기 (f(1 + h) − f(1)) / h 는 h → 0 일 때 f'(1) = 3 에 다가갑니다.
for step in (1.0, 0.1, 0.01, 0.001):
    print(f"h = {step:<6g} 할선 기울기 = {(f(1 + step) - f(1)) / step:.4f}")
# --8<-- [end:secant]

# --8<-- [start:derivative]
# f(x) = x³ 의 도함수는 f'(x) = 3x² 입니다. 세 가지 방법으로 x = 2에서 계산합니다.

x0 = 2.0
h = 1e-4
numeric = (f(x0 + h) - f(x0 - h)) / (2 * h)      # 중앙 차분: 기울기의 정의를 작은 h로 근사
formula = 3 * x0 ** 2                             # 손으로 미분한 식

x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
f(x).backward()                                   # autograd: 계산 과정을 거꾸로 따라가며 미분
autograd = x.grad.item()

print(f"식 3x²        : {formula:.6f}")
print(f"중앙 차분     : {numeric:.6f}")
print(f"autograd      : {autograd:.6f}")
derivative_formula = formula
derivative_abs_error = abs(numeric - autograd)
# --8<-- [end:derivative]

# --8<-- [start:chain]
# y = σ(w·x + b) 에서 dy/dw 를 연쇄 법칙으로 계산합니다.
#   z = w·x + b       → dz/dw = x
#   y = σ(z)          → dy/dz = σ(z)(1 − σ(z))
#   dy/dw = dy/dz · dz/dw
w = torch.tensor(0.8, dtype=torch.float64, requires_grad=True)
b = torch.tensor(-0.3, dtype=torch.float64, requires_grad=True)
x_in = 1.5

z = w * x_in + b
y = torch.sigmoid(z)
y.backward()

s = torch.sigmoid(z).item()
dy_dz = s * (1 - s)
dz_dw = x_in
chain_product = dy_dz * dz_dw


def y_of_w(w_value):
    return 1 / (1 + math.exp(-(w_value * x_in + b.item())))


numeric_chain = (y_of_w(w.item() + h) - y_of_w(w.item() - h)) / (2 * h)

print(f"dy/dz = σ(z)(1−σ(z)) : {dy_dz:.6f}")
print(f"dz/dw = x            : {dz_dw:.6f}")
print(f"곱 (연쇄 법칙)        : {chain_product:.6f}")
print(f"autograd w.grad      : {w.grad.item():.6f}")
print(f"중앙 차분            : {numeric_chain:.6f}")
chain_dy_dz = dy_dz
chain_abs_error = abs(chain_product - w.grad.item())
# --8<-- [end:chain]

# --8<-- [start:deep_chain]
# 함수 세 개를 이어 붙인 y = σ(σ(σ(x))) 에서 dy/dx 는 세 도함수의 곱입니다.
x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
a1 = torch.sigmoid(x)
a2 = torch.sigmoid(a1)
a3 = torch.sigmoid(a2)
a3.backward()

local = [a * (1 - a) for a in (a1.item(), a2.item(), a3.item())]   # 각 단계의 σ'
product = math.prod(local)
print("단계별 σ':", ", ".join(f"{d:.4f}" for d in local))
print(f"곱        : {product:.6f}")
print(f"autograd  : {x.grad.item():.6f}")
three_sigmoid_grad = product
# --8<-- [end:deep_chain]

# --8<-- [start:plot]
# x = 1 에서 f(x) = x³ 의 접선: 도함수는 그 점에서 접선의 기울기입니다.
xs = torch.linspace(-0.5, 2.0, 201)
x1 = 1.0
slope = 3 * x1 ** 2
fig, ax = plt.subplots(figsize=(7, 3.6))
ax.plot(xs, xs ** 3, linewidth=2, label="f(x) = $x^3$")
ax.plot(xs, f(x1) + slope * (xs - x1), linestyle="--", linewidth=1.8,
        label=f"x = 1에서의 접선 (기울기 {slope:.0f})")
for step in (1.0, 0.5):
    ax.plot([x1, x1 + step], [f(x1), f(x1 + step)], marker="o", linewidth=1.2,
            label=f"할선 h = {step:.1f} (기울기 {(f(x1 + step) - f(x1)) / step:.2f})")
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.set_ylim(-1, 8)
ax.set_title("h가 작아지면 할선의 기울기가 접선의 기울기(도함수)에 가까워집니다")
ax.legend(fontsize=9)
fig.tight_layout()
# --8<-- [end:plot]
