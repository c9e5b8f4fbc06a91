"""Linear 9개짜리 깊은 MLP를 100스텝 학습: Sigmoid는 다수 클래스 비율에 머물고, 처방을 더하면 학습됩니다."""

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:data]
torch.manual_seed(777)
X = torch.randn(1500, 20)
Y = (X.sum(dim=1) > 0).float()          # 원문과 같은 과제: 특성 20개의 합이 양수인가
x_train, y_train = X[:500], Y[:500]     # 학습 500개
x_test, y_test = X[500:], Y[500:]       # held-out: 학습에 쓰지 않는 1000개
positive_train = y_train.mean().item()
positive_test = y_test.mean().item()
print(f"클래스 1의 비율: 학습 {positive_train:.3f}, held-out {positive_test:.3f}")
# --8<-- [end:data]

# --8<-- [start:model]
WIDTH, HIDDEN_BLOCKS, STEPS, LR = 32, 7, 100, 1e-3


class Block(nn.Module):
    """Linear → (BN) → 활성화, residual=True이면 h + f(h)."""

    def __init__(self, act, init, bn, residual):
        super().__init__()
        self.linear = nn.Linear(WIDTH, WIDTH, bias=not bn)
        if init == "he":
            nn.init.kaiming_normal_(self.linear.weight, nonlinearity="relu")
            nn.init.zeros_(self.linear.bias)
        self.bn = nn.BatchNorm1d(WIDTH) if bn else nn.Identity()
        self.act = act()
        self.residual = residual

    def forward(self, h):
        out = self.act(self.bn(self.linear(h)))
        return h + out if self.residual else out


def make_net(act, init="default", bn=False, residual=False, blocks=HIDDEN_BLOCKS):
    """Linear(20→32)+활성화, 블록 blocks개(기본 7개), Linear(32→1): Linear blocks + 2개. 출력은 로짓입니다."""
    first = nn.Linear(20, WIDTH)
    if init == "he":
        nn.init.kaiming_normal_(first.weight, nonlinearity="relu")
        nn.init.zeros_(first.bias)
    hidden = [Block(act, init, bn, residual) for _ in range(blocks)]
    return nn.Sequential(first, act(), *hidden, nn.Linear(WIDTH, 1))
# --8<-- [end:model]

# --8<-- [start:train]
def evaluate(net, x, y):
    """정확도, '1'로 예측한 비율, 예제마다 맞혔는지(True/False)."""
    net.eval()                          # BN은 학습 중 모은 이동 평균을 씁니다
    with torch.no_grad():
        pred = (net(x).squeeze(1) > 0).float()
    net.train()
    correct = pred == y
    return correct.float().mean().item(), pred.mean().item(), correct


def train(net):
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    for _ in range(STEPS):              # 전체 배치 100스텝 (원문의 100 에폭과 같은 횟수)
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(x_train).squeeze(1), y_train)
        loss.backward()
        opt.step()
    return loss.item()


SEEDS = (0, 1, 2)
summary = {}
test_correct = {}                       # (설정 이름, 시드) → 평가 예제마다 맞혔는지


def train_seed(name, act, options, seed):
    """한 시드로 학습하고 (손실, 학습 정확도, 평가 정확도, '1'로 예측한 비율)을 돌려줍니다."""
    torch.manual_seed(seed)
    net = make_net(act, **options)
    loss = train(net)
    train_acc, _, _ = evaluate(net, x_train, y_train)
    test_acc, positive_rate, test_correct[name, seed] = evaluate(net, x_test, y_test)
    return loss, train_acc, test_acc, positive_rate


def mean_std(values):
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


def run(variants):
    """설정마다 시드 0, 1, 2로 학습하고 평균 ± 표준편차를 출력합니다."""
    print("학습 손실     | 학습 정확도   | held-out 정확도 | '1'로 예측한 비율 | 설정")
    for name, act, options in variants:
        rows = [train_seed(name, act, options, seed) for seed in SEEDS]
        summary[name] = [mean_std(col) for col in zip(*rows)]
        print(" | ".join(f"{m:.3f} ± {s:.3f}" for m, s in summary[name]) + f" | {name}")
# --8<-- [end:train]

# --8<-- [start:baseline]
run([("Sigmoid", nn.Sigmoid, dict()), ("ReLU", nn.ReLU, dict())])
# --8<-- [end:baseline]

# --8<-- [start:remedies]
run([
    ("Sigmoid + BN", nn.Sigmoid, dict(bn=True)),
    ("Sigmoid + 잔차 연결", nn.Sigmoid, dict(residual=True)),
    ("ReLU + He 초기화", nn.ReLU, dict(init="he")),
])
# --8<-- [end:remedies]

# --8<-- [start:compare]
# 시드를 늘려 판정 규칙으로 비교합니다: 평가 예제마다 맞혔는지(1/0)를 시드 10개에서 모읍니다.
COMPARE_SEEDS = tuple(range(10))


def correct_over_seeds(name, act, options):
    """시드 COMPARE_SEEDS마다 평가 예제를 맞혔는지. 위에서 이미 학습한 시드는 다시 학습하지 않습니다."""
    for seed in COMPARE_SEEDS:
        if (name, seed) not in test_correct:
            train_seed(name, act, options, seed)
    return [test_correct[name, seed] for seed in COMPARE_SEEDS]


relu = correct_over_seeds("ReLU", nn.ReLU, dict())
relu_he = correct_over_seeds("ReLU + He 초기화", nn.ReLU, dict(init="he"))
he_vs_default = verdicts.compare(relu_he, relu)
print(f"평가 정확도, ReLU + He 초기화 − ReLU (기본 초기화), 시드 {len(COMPARE_SEEDS)}개: {he_vs_default}")

# 원문의 "2~3층은 학습이 잘 되고 9~10층은 정확도가 감소": Linear 3개와 Linear 9개를 비교합니다.
majority = float(positive_train > 0.5)                  # 학습 데이터의 다수 클래스만 답하는 기준선
guess = [y_test == majority] * len(COMPARE_SEEDS)
shallow_vs_deep, conditions = {}, {}
for key, name, act in (("sigmoid", "Sigmoid", nn.Sigmoid), ("relu", "ReLU", nn.ReLU)):
    shallow = correct_over_seeds(f"{name} (Linear 3개)", act, dict(blocks=1))
    deep = correct_over_seeds(name, act, dict())
    shallow_vs_guess = verdicts.compare(shallow, guess)
    shallow_vs_deep[key] = verdicts.compare(deep, shallow)
    # 조건: 얕은 신경망이 다수 클래스 찍기보다 높은가, 깊은 신경망이 얕은 신경망보다 낮은가
    conditions[f"{key}_shallow_learns"] = verdicts.claim_of_difference(shallow_vs_guess, +1).verdict == verdicts.HOLDS
    conditions[f"{key}_deep_drops"] = verdicts.claim_of_difference(shallow_vs_deep[key], -1).verdict == verdicts.HOLDS
    print(f"{name}: Linear 3개 평가 정확도 {torch.stack(shallow).float().mean():.3f}, "
          f"Linear 9개 {torch.stack(deep).float().mean():.3f}; 9개 − 3개: {shallow_vs_deep[key]}")
deep_drops = verdicts.claim(**conditions)
print(f"주장 \"2~3층은 학습이 잘 되고 9~10층은 정확도가 감소\": {deep_drops}")
# --8<-- [end:compare]

sigmoid_train_acc = summary["Sigmoid"][1][0]
sigmoid_test_acc = summary["Sigmoid"][2][0]
sigmoid_loss = summary["Sigmoid"][0][0]
sigmoid_bn_test_acc = summary["Sigmoid + BN"][2][0]
sigmoid_res_test_acc = summary["Sigmoid + 잔차 연결"][2][0]
relu_test_acc = summary["ReLU"][2][0]
relu_he_test_acc = summary["ReLU + He 초기화"][2][0]
relu_train_acc = summary["ReLU"][1][0]
relu_he_train_acc = summary["ReLU + He 초기화"][1][0]
sigmoid_positive_rate = summary["Sigmoid"][3][0]
relu_test_std = summary["ReLU"][2][1]
relu_he_test_std = summary["ReLU + He 초기화"][2][1]

# 본문에서 인용하는 값
n_compare_seeds = len(COMPARE_SEEDS)
relu_test_acc_10 = torch.stack(relu).float().mean().item()
relu_he_test_acc_10 = torch.stack(relu_he).float().mean().item()
sigmoid_deep_vs_shallow = shallow_vs_deep["sigmoid"]
relu_deep_vs_shallow = shallow_vs_deep["relu"]
sigmoid_shallow_test_acc = torch.stack([test_correct["Sigmoid (Linear 3개)", s] for s in COMPARE_SEEDS]).float().mean().item()
relu_shallow_test_acc = torch.stack([test_correct["ReLU (Linear 3개)", s] for s in COMPARE_SEEDS]).float().mean().item()
n_features = X.shape[1]
n_train, n_test = len(x_train), len(x_test)
n_linear = sum(isinstance(m, nn.Linear) for m in make_net(nn.ReLU).modules())
n_seeds = len(SEEDS)
seed_list = ", ".join(str(s) for s in SEEDS)
