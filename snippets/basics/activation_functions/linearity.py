"""활성화 함수 없이 Linear 층을 쌓으면 여전히 하나의 선형 변환임을 확인하고, XOR로 차이를 봅니다."""

import torch
import torch.nn as nn

# --8<-- [start:collapse]
torch.manual_seed(0)
stack = nn.Sequential(nn.Linear(4, 16), nn.Linear(16, 16), nn.Linear(16, 3)).double()   # 활성화 함수 없음

# 세 층을 합친 하나의 선형 변환 y = W x + b 를 직접 만듭니다.
W = torch.eye(4, dtype=torch.float64)
b = torch.zeros(4, dtype=torch.float64)
for layer in stack:
    W = layer.weight @ W                 # W ← W_k W
    b = layer.weight @ b + layer.bias    # b ← W_k b + b_k
single = nn.Linear(4, 3).double()
with torch.no_grad():
    single.weight.copy_(W)
    single.bias.copy_(b)

x = torch.randn(1000, 4, dtype=torch.float64)
with torch.no_grad():
    linear_gap = (stack(x) - single(x)).abs().max().item()
    # 같은 층 사이에 ReLU를 넣으면 더 이상 하나의 선형 변환으로 줄일 수 없습니다.
    with_relu = nn.Sequential(stack[0], nn.ReLU(), stack[1], nn.ReLU(), stack[2])
    relu_gap = (with_relu(x) - single(x)).abs().max().item()
print(f"3층 선형 스택 vs 합친 Linear 하나: 최대 차이 {linear_gap:.2e}")
print(f"ReLU를 넣은 스택 vs 합친 Linear 하나: 최대 차이 {relu_gap:.2f}")
# --8<-- [end:collapse]

# --8<-- [start:xor]
# XOR: 직선 하나로는 나눌 수 없는 네 점입니다.
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
HIDDEN, LR, STEPS = 8, 0.1, 150   # 은닉층 너비, Adam 학습률, 스텝 수


def train_xor(activation, seed):
    torch.manual_seed(seed)
    layers = [nn.Linear(2, HIDDEN), activation, nn.Linear(HIDDEN, 1)]
    model = nn.Sequential(*[m for m in layers if m is not None])
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(STEPS):
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(model(X), Y)
        loss.backward()
        opt.step()
    with torch.no_grad():
        acc = ((model(X) > 0).float() == Y).float().mean().item()
    return acc, loss.item()


seeds = range(3)
xor_results = {}
for name, act in [("활성화 없음 (선형)", None), ("ReLU", nn.ReLU()), ("Tanh", nn.Tanh())]:
    runs = [train_xor(act, s) for s in seeds]
    accs = [a for a, _ in runs]
    xor_results[name] = accs
    print(f"{name:<12} 시드 0–2 정확도: " + " ".join(f"{a:.2f}" for a in accs)
          + f"  | 최종 손실 평균 {sum(l for _, l in runs) / len(runs):.3f}")
linear_xor_best = max(xor_results["활성화 없음 (선형)"])
relu_xor_min = min(xor_results["ReLU"])
tanh_xor_min = min(xor_results["Tanh"])
# --8<-- [end:xor]

# 본문에서 인용하는 값
n_stack_layers = len(stack)
n_seeds = len(seeds)
seed_list = ", ".join(str(s) for s in seeds)
