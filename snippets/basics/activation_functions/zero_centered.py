"""0 중심 출력이 왜 중요한가: 양수만 받는 유닛의 가중치 기울기 부호와, SGD 학습 손실을 활성화 함수별로 잽니다."""

import torch
import torch.nn as nn

# --8<-- [start:setup]
torch.manual_seed(0)
N_TRAIN, D_IN, HIDDEN, N_HIDDEN_LAYERS, BATCH = 2000, 20, 64, 3, 128
X = torch.randn(N_TRAIN, D_IN)
Y = torch.sin(X[:, :5].sum(dim=1, keepdim=True)) + 0.5 * X[:, 5:10].pow(2).mean(dim=1, keepdim=True)  # 비선형 회귀


class CenteredSigmoid(nn.Module):
    """σ(x) − ½: sigmoid와 도함수가 같고 출력만 0 중심. 0 중심의 효과만 떼어 보려고 만든 함수입니다."""

    def forward(self, x):
        return torch.sigmoid(x) - 0.5


SETTINGS = {
    "Sigmoid": lambda: [nn.Sigmoid()],
    "Sigmoid − ½": lambda: [CenteredSigmoid()],
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
STEPS, LR, SEEDS = 300, 0.1, (0, 1, 2)


def train(name, seed):
    torch.manual_seed(seed)
    net = make_net(name)
    optimizer = torch.optim.SGD(net.parameters(), lr=LR)
    for step in range(STEPS):
        idx = torch.randint(0, N_TRAIN, (BATCH,))
        optimizer.zero_grad()
        nn.functional.mse_loss(net(X[idx]), Y[idx]).backward()
        optimizer.step()
    net.eval()
    with torch.no_grad():
        return nn.functional.mse_loss(net(X), Y).item()


final_loss = {}
print(f"SGD(lr={LR}) {STEPS}스텝 뒤 학습 MSE (시드 {len(SEEDS)}개: 평균, 최소~최대)   처음 MSE 기준: Var[Y] = {Y.var().item():.3f}")
for name in SETTINGS:
    losses = [train(name, s) for s in SEEDS]
    final_loss[name] = sum(losses) / len(losses)
    print(f"{name:<11} | {final_loss[name]:.3f}   ({min(losses):.3f} ~ {max(losses):.3f})")
# --8<-- [end:train]

n_steps, n_seeds = STEPS, len(SEEDS)
agree_one_sigmoid = agreement_one["Sigmoid"]
agree_one_centered = agreement_one["Sigmoid − ½"]
agree_batch_sigmoid = agreement_batch["Sigmoid"]
agree_batch_centered = agreement_batch["Sigmoid − ½"]
agree_batch_tanh = agreement_batch["Tanh"]
agree_one_relu = agreement_one["ReLU"]
agree_batch_relu = agreement_batch["ReLU"]
agree_batch_elu = agreement_batch["ELU"]
agree_batch_bn_relu = agreement_batch["BN → ReLU"]
agree_batch_relu_bn = agreement_batch["ReLU → BN"]
loss_sigmoid = final_loss["Sigmoid"]
loss_centered = final_loss["Sigmoid − ½"]
loss_tanh = final_loss["Tanh"]
loss_relu = final_loss["ReLU"]
loss_elu = final_loss["ELU"]
loss_bn_relu = final_loss["BN → ReLU"]
loss_relu_bn = final_loss["ReLU → BN"]
y_var = Y.var().item()
