"""0 중심 출력이 왜 중요한가: 양수만 받는 유닛의 가중치 기울기 부호와, SGD로 학습한 뒤의 평가 손실을 활성화 함수별로 잽니다."""

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:setup]
torch.manual_seed(0)
N_TRAIN, D_IN, HIDDEN, N_HIDDEN_LAYERS, BATCH = 2000, 20, 64, 3, 128
X = torch.randn(N_TRAIN, D_IN)
N_TEST = 1000


def target(x):
    """비선형 회귀의 목표값."""
    return torch.sin(x[:, :5].sum(dim=1, keepdim=True)) + 0.5 * x[:, 5:10].pow(2).mean(dim=1, keepdim=True)


Y = target(X)
X_TEST = torch.randn(N_TEST, D_IN)  # 학습에 쓰지 않는 평가 예제
Y_TEST = target(X_TEST)


class CenteredSigmoid(nn.Module):
    """σ(x) − ½: sigmoid와 도함수가 같고 출력만 0 중심. 0 중심의 효과만 떼어 보려고 만든 함수입니다."""

    def forward(self, x):
        return torch.sigmoid(x) - 0.5


class ShiftedTanh(nn.Module):
    """tanh(x) + 1 = 2σ(2x): tanh와 도함수가 같고 출력만 0 중심이 아님(0 ~ 2). 크기는 그대로 두고 중심만 옮긴 함수입니다."""

    def forward(self, x):
        return torch.tanh(x) + 1


SETTINGS = {
    "Sigmoid": lambda: [nn.Sigmoid()],
    "Sigmoid − ½": lambda: [CenteredSigmoid()],
    "Tanh + 1": lambda: [ShiftedTanh()],
    "Tanh": lambda: [nn.Tanh()],
    "ReLU": lambda: [nn.ReLU()],
    "ELU": lambda: [nn.ELU()],
    "BN → ReLU": lambda: [nn.BatchNorm1d(HIDDEN), nn.ReLU()],    # 다음 층 입력은 여전히 0 이상
    "ReLU → BN": lambda: [nn.ReLU(), nn.BatchNorm1d(HIDDEN)],    # 다음 층 입력이 0 중심
}


def make_net(name):
    layers, fan_in = [], D_IN
    for _ in range(N_HIDDEN_LAYERS):
        layers += [nn.Linear(fan_in, HIDDEN), *SETTINGS[name]()]
        fan_in = HIDDEN
    return nn.Sequential(*layers, nn.Linear(HIDDEN, 1))
# --8<-- [end:setup]

# --8<-- [start:sign]
def majority_share(values):
    """행마다, 0이 아닌 값 가운데 다수 부호의 비율(0.5 = 반반, 1 = 모두 같은 부호)의 평균."""
    nonzero = (values != 0).float().sum(dim=1).clamp(min=1)
    positive = (values > 0).float().sum(dim=1) / nonzero
    return torch.maximum(positive, 1 - positive).mean().item()


agreement_one, agreement_batch, input_mean = {}, {}, {}
print("설정        | 둘째 층 입력의 평균 | 부호 일치: 입력 1개 | 입력 128개")
for name in SETTINGS:
    torch.manual_seed(0)
    net = make_net(name)
    second = [m for m in net if isinstance(m, nn.Linear)][1]
    captured = {}
    second.register_forward_hook(lambda m, args, out: captured.update(h=args[0].detach()))
    nn.functional.mse_loss(net(X[:BATCH]), Y[:BATCH]).backward()
    h = captured["h"]                                   # 둘째 Linear 층의 입력 (배치, 64)
    input_mean[name] = h.mean().item()
    # 입력 하나의 기울기는 δ_j · h_k: 유닛 j의 가중치 기울기 부호는 h_k의 부호로만 갈립니다
    agreement_one[name] = majority_share(h)
    agreement_batch[name] = majority_share(second.weight.grad)   # 배치 전체의 기울기, 유닛(행)마다
    mean = round(input_mean[name], 3) + 0.0             # + 0.0: 0에 아주 가까운 음수도 -0.000이 아니라 0.000으로 찍습니다
    print(f"{name:<11} | {mean:19.3f} | {agreement_one[name]:18.3f} | {agreement_batch[name]:.3f}")
# --8<-- [end:sign]

# --8<-- [start:train]
STEPS, LR, SEEDS = 300, 0.1, (0, 1, 2, 3, 4)


def train(name, seed, lr=LR):
    """SGD로 학습한 뒤, 평가 예제마다의 제곱 오차를 돌려줍니다."""
    torch.manual_seed(seed)
    net = make_net(name)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for step in range(STEPS):
        idx = torch.randint(0, N_TRAIN, (BATCH,))
        optimizer.zero_grad()
        nn.functional.mse_loss(net(X[idx]), Y[idx]).backward()
        optimizer.step()
    net.eval()
    with torch.no_grad():
        return (net(X_TEST) - Y_TEST).pow(2).squeeze(1)


errors = {}  # (설정, 학습률) → 시드 × 평가 예제의 제곱 오차
# 바닥: 늘 학습 데이터 목표값의 평균 하나만 예측할 때의 오차. 여기서 내려가지 못하면 학습하지 못한 것입니다.
floor_errors = (Y_TEST - Y.mean()).pow(2).squeeze(1).repeat(len(SEEDS), 1)
print(f"SGD(lr={LR}) {STEPS}스텝 뒤 평가 MSE (시드 {len(SEEDS)}개: 평균, 최소~최대)   "
      f"바닥(평균만 예측): {floor_errors.mean().item():.3f}")
for name in SETTINGS:
    errors[name, LR] = torch.stack([train(name, s) for s in SEEDS])
    per_seed = errors[name, LR].mean(dim=1)
    print(f"{name:<11} | {per_seed.mean().item():.3f}   ({per_seed.min().item():.3f} ~ {per_seed.max().item():.3f})")
# --8<-- [end:train]

# --8<-- [start:pairs]
# 0 중심만 다른 두 쌍(도함수가 같음)을 학습률 몇 개에서 비교합니다. 차이 = 0 중심이 아닌 쪽 − 0 중심인 쪽의
# 평가 MSE이므로, 양수면 0 중심이 아닌 쪽이 더 나빴다는 뜻입니다. sigmoid 쌍은 기울기가 4배 작아서 큰 학습률까지 봅니다.
PAIRS = {
    ("Sigmoid", "Sigmoid − ½"): (0.1, 0.5),
    ("Tanh + 1", "Tanh"): (0.03, 0.1),
}


def learned(name, lr):
    """바닥(평균만 예측)보다 평가 오차가 판정 규칙으로 구별되게 낮은가."""
    c = verdicts.compare(errors[name, lr], floor_errors)
    return c.verdict == verdicts.DISTINGUISHABLE and c.difference < 0


pair_results = {}  # (0 중심이 아닌 쪽, 학습률) → (비교, 둘 중 하나라도 학습했는가)
print("0 중심만 다른 쌍: 차이 = 0 중심 아님 − 0 중심 (평가 MSE)")
for (shifted, centered), rates in PAIRS.items():
    for lr in rates:
        for name in (shifted, centered):
            if (name, lr) not in errors:
                errors[name, lr] = torch.stack([train(name, s, lr) for s in SEEDS])
        c = verdicts.compare(errors[shifted, lr], errors[centered, lr])
        moved = {name: "학습함" if learned(name, lr) else "바닥" for name in (shifted, centered)}  # 바닥: 구별되게 내려가지 못함
        pair_results[shifted, lr] = (c, "학습함" in moved.values())
        print(f"lr={lr:<4} {shifted} {errors[shifted, lr].mean().item():.3f}({moved[shifted]}) 대 "
              f"{centered} {errors[centered, lr].mean().item():.3f}({moved[centered]}): {c}")

# 0 중심만 다르지 않은 비교(참고): 기울기 크기만 다른 쌍, 모양도 다른 쌍, BN의 두 순서 (모두 lr=0.1)
scale_only = verdicts.compare(errors["Sigmoid − ½", LR], errors["Tanh", LR])
relu_vs_elu = verdicts.compare(errors["ReLU", LR], errors["ELU", LR])
bn_order = verdicts.compare(errors["BN → ReLU", LR], errors["ReLU → BN", LR])
print(f"기울기 크기만 다름: Sigmoid − ½ − Tanh: {scale_only}")
print(f"모양도 다름:       ReLU − ELU: {relu_vs_elu}")
print(f"BN 순서:          (BN → ReLU) − (ReLU → BN): {bn_order}")
# --8<-- [end:pairs]

n_steps, n_seeds, n_test = STEPS, len(SEEDS), N_TEST
agree_one_sigmoid = agreement_one["Sigmoid"]
agree_one_centered = agreement_one["Sigmoid − ½"]
agree_one_shifted = agreement_one["Tanh + 1"]
agree_batch_sigmoid = agreement_batch["Sigmoid"]
agree_batch_centered = agreement_batch["Sigmoid − ½"]
agree_batch_shifted = agreement_batch["Tanh + 1"]
agree_batch_tanh = agreement_batch["Tanh"]
agree_one_relu = agreement_one["ReLU"]
agree_batch_relu = agreement_batch["ReLU"]
agree_batch_elu = agreement_batch["ELU"]
agree_batch_bn_relu = agreement_batch["BN → ReLU"]
agree_batch_relu_bn = agreement_batch["ReLU → BN"]
loss = {name: errors[name, LR].mean().item() for name in SETTINGS}  # lr=0.1에서 시드와 평가 예제 전체의 평균
loss_sigmoid = loss["Sigmoid"]
loss_centered = loss["Sigmoid − ½"]
loss_shifted = loss["Tanh + 1"]
loss_tanh = loss["Tanh"]
loss_relu = loss["ReLU"]
loss_elu = loss["ELU"]
loss_bn_relu = loss["BN → ReLU"]
loss_relu_bn = loss["ReLU → BN"]
floor_mse = floor_errors.mean().item()
lr_sigmoid_high = max(PAIRS["Sigmoid", "Sigmoid − ½"])   # sigmoid 쌍의 큰 학습률
lr_tanh_low = min(PAIRS["Tanh + 1", "Tanh"])             # tanh 쌍의 작은 학습률
loss_sigmoid_high = errors["Sigmoid", lr_sigmoid_high].mean().item()
loss_centered_high = errors["Sigmoid − ½", lr_sigmoid_high].mean().item()
loss_shifted_low = errors["Tanh + 1", lr_tanh_low].mean().item()
loss_tanh_low = errors["Tanh", lr_tanh_low].mean().item()
sigmoid_pair_01, sigmoid_pair_high = pair_results["Sigmoid", LR][0], pair_results["Sigmoid", lr_sigmoid_high][0]
tanh_pair_low, tanh_pair_01 = pair_results["Tanh + 1", lr_tanh_low][0], pair_results["Tanh + 1", LR][0]

# 주장 "출력이 0 중심이 아니면 기울기가 지그재그로 가서 학습이 느리다" 가운데 이 파일이 잰 부분만 판정합니다:
# 도함수가 같고 중심만 다른 tanh + 1 대 tanh를, 작은 MLP 하나에서 SGD로 STEPS스텝 학습한 결과입니다.
# - "한 입력에서 기울기 부호가 모두 같다"는 입력이 0 이상이면 식(δ_j · h_k)에서 늘 맞으므로 조건에 넣지 않습니다.
# - sigmoid 대 σ − ½는 두 함수 모두 바닥에 머물러 0 중심의 효과를 잴 수 없었고, ReLU는 중심만 다른 쌍으로
#   재지 않았습니다. 이 두 부분은 측정하지 않은 것으로 둡니다. 지그재그 경로 자체도 재지 않았습니다.
zero_centered_conditions = {}
for lr in PAIRS["Tanh + 1", "Tanh"]:
    c, _ = pair_results["Tanh + 1", lr]
    # 학습률 lr에서 0 중심이 아닌 tanh + 1의 평가 오차가 tanh보다 구별되게 높은가
    zero_centered_conditions[f"tanh_plus_1_worse_lr_{lr}"] = c.verdict == verdicts.DISTINGUISHABLE and c.difference > 0
zero_centered_claim = verdicts.claim(**zero_centered_conditions)
# tanh 쌍의 두 학습률에서 tanh + 1이 모두 바닥에 머물렀는가 (페이지의 "300스텝 안에 학습하지 못함")
shifted_stuck_all_rates = all(not learned("Tanh + 1", lr) for lr in PAIRS["Tanh + 1", "Tanh"])
# sigmoid 쌍의 큰 학습률에서도 σ − ½가 바닥에 머물렀는가 (학습률만 키워서는 배율을 되돌리지 못함)
centered_stuck_high_lr = not learned("Sigmoid − ½", lr_sigmoid_high)
print(f"주장 판정(tanh + 1 대 tanh, SGD {STEPS}스텝): {zero_centered_claim}")
print(f"tanh + 1이 두 학습률 모두에서 바닥: {shifted_stuck_all_rates}, "
      f"σ − ½가 lr={lr_sigmoid_high}에서도 바닥: {centered_stuck_high_lr}")
