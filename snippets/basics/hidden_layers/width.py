"""은닉층 너비에 따른 학습 정확도와 held-out 정확도 (나선형 데이터, 시드 3개)."""

import math

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:data]
def spirals(n, generator, noise=0.08):
    """두 갈래 나선. 클래스마다 n // 2개, 좌표에 가우스 잡음을 더합니다."""
    t = torch.rand(n // 2, generator=generator) * 3 * math.pi + 0.5
    arm = torch.stack([t * torch.cos(t), t * torch.sin(t)], dim=1) / (3 * math.pi)
    x = torch.cat([arm, -arm]) + noise * torch.randn(n, 2, generator=generator)
    y = torch.cat([torch.zeros(n // 2), torch.ones(n // 2)])
    return x, y


data_gen = torch.Generator().manual_seed(0)
x_train, y_train = spirals(300, data_gen)      # 학습용 300개
x_test, y_test = spirals(3000, data_gen)       # held-out 3000개 (학습에 쓰지 않음)
# --8<-- [end:data]

# --8<-- [start:train]
WIDTHS = (2, 8, 32, 128)
SEEDS = (0, 1, 2)
STEPS, LR = 400, 0.01


def make_model(width):
    """은닉층 2개(너비 width), ReLU, 출력 로짓 1개."""
    return nn.Sequential(
        nn.Linear(2, width), nn.ReLU(),
        nn.Linear(width, width), nn.ReLU(),
        nn.Linear(width, 1),
    )


class SeedStack(nn.Module):
    """시드별 모델 여러 개를 한 번에 학습합니다.
    층마다 가중치를 (시드, 입력, 출력)으로 쌓아 bmm으로 계산합니다. 손실은 시드별 손실의 합이므로
    기울기는 시드끼리 섞이지 않고, Adam은 원소별 연산이라 각 모델을 따로 학습한 것과 같습니다
    (계산 순서 차이로 부동소수점 끝자리만 다를 수 있습니다)."""

    def __init__(self, width, seeds):
        super().__init__()
        models = []
        for seed in seeds:
            torch.manual_seed(seed)
            models.append(make_model(width))      # 시드마다 PyTorch 기본 초기화
        linears = [i for i, m in enumerate(models[0]) if isinstance(m, nn.Linear)]
        weights = [torch.stack([m[i].weight.detach().T for m in models]) for i in linears]
        biases = [torch.stack([m[i].bias.detach() for m in models]).unsqueeze(1) for i in linears]
        self.weights = nn.ParameterList([nn.Parameter(w) for w in weights])
        self.biases = nn.ParameterList([nn.Parameter(b) for b in biases])

    def forward(self, x):                          # x: (N, 2) → 로짓 (시드, N)
        h = x.expand(len(self.weights[0]), -1, -1)
        for k, (w, b) in enumerate(zip(self.weights, self.biases)):
            h = torch.baddbmm(b, h, w)
            if k < len(self.weights) - 1:
                h = torch.relu(h)
        return h.squeeze(2)


def accuracies(stack, x, y):
    with torch.no_grad():
        return ((stack(x) > 0).float() == y).float().mean(dim=1).tolist()   # 시드별 정확도


results = {}
trained = {}
for width in WIDTHS:
    stack = SeedStack(width, SEEDS)
    opt = torch.optim.Adam(stack.parameters(), lr=LR)
    targets = y_train.expand(len(SEEDS), -1)
    for _ in range(STEPS):                          # 전체 배치 학습
        opt.zero_grad()
        per_seed = nn.functional.binary_cross_entropy_with_logits(
            stack(x_train), targets, reduction="none").mean(dim=1)
        per_seed.sum().backward()
        opt.step()
    results[width] = (accuracies(stack, x_train, y_train),
                      accuracies(stack, x_test, y_test))
    trained[width] = stack


def mean_std(values):
    mean = sum(values) / len(values)
    return mean, (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5


print(f"{'너비':>5} | {'파라미터':>8} | {'학습 정확도':>13} | {'held-out 정확도':>15}")
for width, (train_accs, test_accs) in results.items():
    params = sum(p.numel() for p in make_model(width).parameters())
    (tr_m, tr_s), (te_m, te_s) = mean_std(train_accs), mean_std(test_accs)
    print(f"{width:>5} | {params:>8,} | {tr_m:.3f} ± {tr_s:.3f} | {te_m:.3f} ± {te_s:.3f}")
# --8<-- [end:train]

width_train = {w: mean_std(r[0])[0] for w, r in results.items()}
width_test = {w: mean_std(r[1])[0] for w, r in results.items()}
w_narrow, w_mid, w_wide = WIDTHS[0], WIDTHS[2], WIDTHS[-1]
narrow_train = width_train[w_narrow]
narrow_test = width_test[w_narrow]
mid_train = width_train[w_mid]
mid_test = width_test[w_mid]
wide_train = width_train[w_wide]
wide_test = width_test[w_wide]

# 본문에서 인용하는 값
n_train, n_test = len(x_train), len(x_test)
noise = spirals.__defaults__[0]
n_hidden_layers = sum(isinstance(m, nn.Linear) for m in make_model(w_narrow)) - 1
width_list = ", ".join(str(w) for w in WIDTHS)
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)

# "노드가 너무 많으면 과적합"의 판정: 가장 넓은 신경망의 평가 정확도가 중간 너비보다 낮은가
def correct(stack, x, y):
    """시드 × 평가 예제: 예제마다 맞혔는가."""
    with torch.no_grad():
        return (stack(x) > 0).float() == y


wide_vs_mid = verdicts.compare(correct(trained[w_wide], x_test, y_test), correct(trained[w_mid], x_test, y_test))
print(f"평가 정확도, 너비 {w_wide} − 너비 {w_mid}: {wide_vs_mid}")
overfit_claim = verdicts.claim_of_difference(wide_vs_mid, -1)  # 주장: 넓은 쪽이 평가 데이터에서 더 낮다
