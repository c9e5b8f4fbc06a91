"""Swish/SiLU 페이지의 연습 문제와 답입니다. 구역 하나가 문제 하나의 답입니다."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:exercise_2]
# 연습 2. SiLU(x) = −0.2가 되는 x는 몇 개일까요? ReLU, Leaky ReLU라면 어떨까요? 먼저 예상한 뒤 실행해 보세요.
x = torch.linspace(-30, 10, 400_001, dtype=torch.float64)   # 0.0001 간격
functions = {"SiLU": F.silu, "ReLU": F.relu, "LeakyReLU(0.01)": nn.LeakyReLU(0.01)}
solutions = {}
for name, fn in functions.items():
    above = fn(x) > -0.2
    crossings = x[1:][above[1:] != above[:-1]]        # f(x) + 0.2의 부호가 바뀌는 곳
    solutions[name] = crossings.tolist()
    where = ", ".join(f"{v:.2f}" for v in crossings.tolist()) or "없음"
    print(f"{name:<16} f(x) = −0.2인 x: {len(crossings)}개 ({where})")
n_silu_solutions = len(solutions["SiLU"])
silu_solution_left, silu_solution_right = (round(v, 2) for v in solutions["SiLU"])
n_relu_solutions = len(solutions["ReLU"])
n_leaky_solutions = len(solutions["LeakyReLU(0.01)"])
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 grad_at은 float32로 계산해 x = −100에서 기울기 0을 돌려줍니다. 텐서를 float64로 바꾸면
# x = −100과 x = −800에서 기울기는 얼마일까요?
def grad_at(value, dtype):
    t = torch.tensor(value, dtype=dtype, requires_grad=True)   # 바꾼 줄: dtype을 정함 (페이지에서는 float32)
    F.silu(t).backward()
    return t.grad.item() + 0.0  # -0.0을 0.0으로


silu_grads = {}
for value in (-100.0, -800.0):
    silu_grads[value] = (grad_at(value, torch.float32), grad_at(value, torch.float64))
    print(f"x = {value:g}: float32 기울기 {silu_grads[value][0]:.3g}, float64 기울기 {silu_grads[value][1]:.3g}")
for dtype in (torch.float32, torch.float64):
    print(f"ln({dtype} 최댓값) = {math.log(torch.finfo(dtype).max):.2f}")
silu_grad_m100_f64 = float(f"{silu_grads[-100.0][1]:.2e}")
f64_ln_max = round(math.log(torch.finfo(torch.float64).max), 2)
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. 페이지의 SwiGLUFeedForward에서 multiple_of=32를 256으로 바꾸면 d_model = 256일 때 은닉 너비와
# 파라미터 수는 얼마가 될까요? 계산으로 예상한 뒤 실행해 보세요.
class SwiGLUFeedForward(nn.Module):
    """SwiGLU: W2·(SiLU(W1·x) ⊙ W3·x). 행렬이 셋이므로 은닉 너비를 4d의 2/3로 줄여 파라미터 수를 맞춥니다."""

    def __init__(self, d_model, multiple_of=32):
        super().__init__()
        hidden = int(2 * 4 * d_model / 3)
        hidden = multiple_of * ((hidden + multiple_of - 1) // multiple_of)  # multiple_of의 배수로 올림
        self.w1 = nn.Linear(d_model, hidden, bias=False)  # 게이트 쪽 (SiLU를 거침)
        self.w3 = nn.Linear(d_model, hidden, bias=False)  # 값 쪽 (선형)
        self.w2 = nn.Linear(hidden, d_model, bias=False)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


d_model = 256
swiglu_sizes = {}
for multiple_of in (32, 256):                      # 바꾼 줄: 페이지에서는 32만
    ffn = SwiGLUFeedForward(d_model, multiple_of=multiple_of)
    n_params = sum(p.numel() for p in ffn.parameters())
    swiglu_sizes[multiple_of] = (ffn.w1.out_features, n_params)
    print(f"multiple_of = {multiple_of:>3}: 은닉 너비 {ffn.w1.out_features}, 파라미터 {n_params:,}개")
hidden_256, params_256 = swiglu_sizes[256]
hidden_32, params_32 = swiglu_sizes[32]
# --8<-- [end:exercise_4]
