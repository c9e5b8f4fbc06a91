"""ReLU 변형들의 출력과 기울기를 x = 0, 큰 음수, 큰 양수에서 autograd로 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:table]
variants = {
    "ReLU": nn.ReLU(),
    "LeakyReLU(0.01)": nn.LeakyReLU(0.01),
    "PReLU(α=0.25)": nn.PReLU(init=0.25),
    "ELU(α=1)": nn.ELU(),
    "ReLU6": nn.ReLU6(),
    "SELU": nn.SELU(),
}
points = [-100.0, -10.0, -1.0, 0.0, 1.0, 6.0, 100.0]


def out_and_grad(fn, value):
    x = torch.tensor(value, requires_grad=True)
    y = fn(x)
    y.backward()
    return y.item(), x.grad.item()


results = {name: {v: out_and_grad(fn, v) for v in points} for name, fn in variants.items()}
print("기울기 f′(x) (autograd)")
print(f"{'':<16}" + "".join(f"{f'x={v:g}':>10}" for v in points))
for name, row in results.items():
    print(f"{name:<16}" + "".join(f"{row[v][1]:>10.4g}" for v in points))
print("\n출력 f(x)")
print(f"{'':<16}" + "".join(f"{f'x={v:g}':>10}" for v in points))
for name, row in results.items():
    print(f"{name:<16}" + "".join(f"{row[v][0]:>10.4g}" for v in points))
# --8<-- [end:table]

# --8<-- [start:selu]
# SELU의 두 상수. 음수 쪽 하한은 −λα입니다.
selu_lambda, selu_alpha = 1.0507009873554805, 1.6732632423543772
x = torch.linspace(-3, 3, 7)
manual = selu_lambda * torch.where(x > 0, x, selu_alpha * (torch.exp(x) - 1))
selu_max_diff = (manual - nn.SELU()(x)).abs().max().item()
print(f"λ = {selu_lambda:.4f}, α = {selu_alpha:.4f}, 하한 −λα = {-selu_lambda * selu_alpha:.4f}")
print(f"직접 계산한 SELU와 nn.SELU의 최대 차이: {selu_max_diff:.1e}")

# 자기 정규화: LeCun 정규 초기화(분산 1/fan_in)로 쌓은 깊은 MLP에서 층별 출력의 평균과 표준편차
torch.manual_seed(0)
width, depth = 256, 32
h = {"SELU": torch.randn(1024, width), "ReLU": None}
h["ReLU"] = h["SELU"].clone()
print(f"\n{'층':>4} | {'SELU 평균':>10} {'SELU 표준편차':>14} | {'ReLU 평균':>10} {'ReLU 표준편차':>14}")
for layer in range(1, depth + 1):
    w = torch.randn(width, width) / width ** 0.5
    h["SELU"] = torch.selu(h["SELU"] @ w)
    h["ReLU"] = torch.relu(h["ReLU"] @ w)
    if layer in (1, 8, 16, 32):
        print(f"{layer:>4} | {h['SELU'].mean().item():>10.3f} {h['SELU'].std().item():>14.3f} | "
              f"{h['ReLU'].mean().item():>10.3g} {h['ReLU'].std().item():>14.3g}")
selu_std_last = h["SELU"].std().item()
relu_std_last = h["ReLU"].std().item()
# --8<-- [end:selu]

# --8<-- [start:mean]
# 표준정규분포 입력 10만 개(시드 0)에 대한 출력의 평균
torch.manual_seed(0)
z = torch.randn(100_000)
output_mean = {"ReLU": torch.relu(z).mean().item(), "ELU(α=1)": nn.ELU()(z).mean().item()}
print("출력 평균:", ", ".join(f"{name} {m:.3f}" for name, m in output_mean.items()))
# --8<-- [end:mean]

# 본문에서 인용하는 값
relu_grad_0 = results["ReLU"][0.0][1]
leaky_grad_0 = results["LeakyReLU(0.01)"][0.0][1]
leaky_grad_m100 = results["LeakyReLU(0.01)"][-100.0][1]
prelu_grad_0 = results["PReLU(α=0.25)"][0.0][1]
elu_grad_0 = results["ELU(α=1)"][0.0][1]
elu_grad_m1 = results["ELU(α=1)"][-1.0][1]
elu_grad_m10 = results["ELU(α=1)"][-10.0][1]
elu_grad_m100 = results["ELU(α=1)"][-100.0][1]
elu_out_m10 = results["ELU(α=1)"][-10.0][0]
relu6_grad_0 = results["ReLU6"][0.0][1]
relu6_grad_6 = results["ReLU6"][6.0][1]
selu_grad_0 = results["SELU"][0.0][1]
selu_grad_p1 = results["SELU"][1.0][1]
selu_grad_m10 = results["SELU"][-10.0][1]
selu_out_m100 = results["SELU"][-100.0][0]
relu_out_mean = output_mean["ReLU"]
elu_out_mean = output_mean["ELU(α=1)"]
