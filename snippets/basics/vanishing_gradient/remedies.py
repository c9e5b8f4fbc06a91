"""기울기 소실의 처방(He·Xavier 초기화, BatchNorm, 잔차 연결)이 층별 기울기를 실제로 지키는지 잽니다."""

import math

import torch
import torch.nn as nn

# --8<-- [start:setup]
WIDTH, BATCH = 128, 256


class Block(nn.Module):
    """Linear → (BN) → 활성화. residual=True이면 입력을 더해 h + f(h)를 내보냅니다."""

    def __init__(self, act, init, bn, residual):
        super().__init__()
        self.linear = nn.Linear(WIDTH, WIDTH, bias=not bn)   # BN 앞의 편향은 뺍니다
        if init == "he":
            nn.init.kaiming_normal_(self.linear.weight, nonlinearity="relu")
        elif init == "xavier":                               # Glorot 정규분포, gain 1
            nn.init.xavier_normal_(self.linear.weight)
        elif init == "xavier_tanh":                          # gain 5/3 (PyTorch가 tanh에 권하는 값)
            nn.init.xavier_normal_(self.linear.weight, gain=nn.init.calculate_gain("tanh"))
        if init != "default" and self.linear.bias is not None:
            nn.init.zeros_(self.linear.bias)
        self.bn = nn.BatchNorm1d(WIDTH) if bn else nn.Identity()
        self.act = act()
        self.residual = residual

    def forward(self, h):
        out = self.act(self.bn(self.linear(h)))
        return h + out if self.residual else out


def make_net(depth, act, init="default", bn=False, residual=False):
    blocks = [Block(act, init, bn, residual) for _ in range(depth)]
    return nn.Sequential(*blocks, nn.Linear(WIDTH, 1))


def grad_ratios(net):
    """한 번 역전파하고 두 비율을 돌려줍니다(첫 은닉층 / 마지막 은닉층).
    W 비율: 가중치 기울기 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖
    h 비율: 블록 출력에 대한 기울기 ‖∂L/∂h₁‖ / ‖∂L/∂h_L‖ (역전파 신호 자체)"""
    blocks = [m for m in net if isinstance(m, Block)]
    outputs = []

    def keep(module, inputs, out):        # 블록 출력의 기울기를 남겨 두도록 표시합니다
        out.retain_grad()
        outputs.append(out)

    hooks = [b.register_forward_hook(keep) for b in blocks]
    x, target = torch.randn(BATCH, WIDTH), torch.randn(BATCH, 1)
    nn.functional.mse_loss(net(x), target).backward()
    for hook in hooks:
        hook.remove()
    first, last = blocks[0].linear.weight.grad, blocks[-1].linear.weight.grad
    w_ratio = (first.norm() / last.norm()).item()
    h_ratio = (outputs[0].grad.norm() / outputs[-1].grad.norm()).item()
    return w_ratio, h_ratio
# --8<-- [end:setup]

# --8<-- [start:ratios]
VARIANTS = [
    ("Sigmoid", nn.Sigmoid, dict()),
    ("Sigmoid + BN", nn.Sigmoid, dict(bn=True)),
    ("Sigmoid + 잔차 연결", nn.Sigmoid, dict(residual=True)),
    ("ReLU", nn.ReLU, dict()),
    ("ReLU + He 초기화", nn.ReLU, dict(init="he")),
    ("ReLU + BN", nn.ReLU, dict(bn=True)),
    ("ReLU + 잔차 연결", nn.ReLU, dict(residual=True)),
    ("Tanh + Xavier (gain 1)", nn.Tanh, dict(init="xavier")),
    ("Tanh + Xavier (gain 5/3)", nn.Tanh, dict(init="xavier_tanh")),
]
DEPTHS, SEEDS = (10, 20), (0, 1, 2)
remedy_ratios = {}
print(" | ".join(f"{d:>2}층 W 비율 | {d:>2}층 h 비율" for d in DEPTHS) + " | 설정")
for name, act, options in VARIANTS:
    row = []
    for depth in DEPTHS:
        logs = []
        for seed in SEEDS:
            torch.manual_seed(seed)
            logs.append([math.log(r) for r in grad_ratios(make_net(depth, act, **options))])
        # 시드 0, 1, 2의 기하평균
        w_ratio, h_ratio = (math.exp(sum(col) / len(col)) for col in zip(*logs))
        remedy_ratios[(name, depth)] = (w_ratio, h_ratio)
        row += [w_ratio, h_ratio]
    print(" | ".join(f"{r:>11.1e}" for r in row) + f" | {name}")
# --8<-- [end:ratios]

# 본문에서 인용하는 값: w_<설정>_20, h_<설정>_20
KEYS = {"Sigmoid": "sigmoid", "Sigmoid + BN": "sigmoid_bn", "Sigmoid + 잔차 연결": "sigmoid_res",
        "ReLU": "relu", "ReLU + He 초기화": "relu_he", "ReLU + BN": "relu_bn",
        "ReLU + 잔차 연결": "relu_res", "Tanh + Xavier (gain 1)": "tanh_xavier",
        "Tanh + Xavier (gain 5/3)": "tanh_xavier_gain"}
for (name, d), (w_r, h_r) in remedy_ratios.items():
    globals()[f"w_{KEYS[name]}_{d}"] = w_r
    globals()[f"h_{KEYS[name]}_{d}"] = h_r

depth_mid, depth_deep = DEPTHS
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
