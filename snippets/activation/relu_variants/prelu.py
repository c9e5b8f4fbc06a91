"""PReLU의 α가 실제로 학습되는 것을 짧은 학습으로 확인하고, max(αx, x) 표기가 언제 틀리는지 봅니다."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:train]
def make_spirals(n, seed):
    """두 나선이 얽힌 2차원 이진 분류 데이터."""
    g = torch.Generator().manual_seed(seed)
    label = torch.randint(0, 2, (n,), generator=g)
    r = torch.rand(n, generator=g) * 3 * math.pi
    angle = r + label * math.pi
    points = torch.stack([r * torch.cos(angle), r * torch.sin(angle)], dim=1) / 5
    return points + 0.08 * torch.randn(n, 2, generator=g), label


x_train, y_train = make_spirals(1000, seed=0)
x_test, y_test = make_spirals(1000, seed=1)

torch.manual_seed(0)
net = nn.Sequential(
    nn.Linear(2, 64), nn.PReLU(num_parameters=64),   # 유닛마다 α 하나, 초깃값 0.25
    nn.Linear(64, 64), nn.PReLU(num_parameters=64),
    nn.Linear(64, 2),
)
prelus = [m for m in net if isinstance(m, nn.PReLU)]
# He 등(2015)처럼 α에는 가중치 감쇠(weight decay)를 걸지 않습니다. 여기서는 아예 쓰지 않습니다.
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
STEPS = 600
for step in range(STEPS):
    loss = F.cross_entropy(net(x_train), y_train)   # 전체 배치 학습
    opt.zero_grad()
    loss.backward()
    opt.step()

with torch.no_grad():
    train_acc = (net(x_train).argmax(1) == y_train).float().mean().item()
    test_acc = (net(x_test).argmax(1) == y_test).float().mean().item()
print(f"학습 {STEPS}스텝 뒤: 학습 정확도 {train_acc:.3f}, 평가 정확도 {test_acc:.3f}")
for k, prelu in enumerate(prelus, start=1):
    a = prelu.weight.detach()
    print(f"PReLU {k}층 α (64개): 평균 {a.mean().item():.3f}, 최소 {a.min().item():.3f}, "
          f"최대 {a.max().item():.3f}, α<0 {int((a < 0).sum())}개, α>1 {int((a > 1).sum())}개")
# --8<-- [end:train]

# --8<-- [start:max_form]
x = torch.tensor([-2.0, -1.0, 1.0, 2.0])
for alpha in (0.25, 1.5):
    prelu = nn.PReLU(init=alpha)
    with torch.no_grad():
        print(f"α = {alpha:<4}: PReLU      {[f'{v:+.2f}' for v in prelu(x).tolist()]}")
        print(f"{'':10} max(αx, x) {[f'{v:+.2f}' for v in torch.maximum(alpha * x, x).tolist()]}")
# --8<-- [end:max_form]

# 본문에서 인용하는 값
alphas = torch.cat([p.weight.detach() for p in prelus])
alpha_mean = alphas.mean().item()
alpha_min = alphas.min().item()
alpha_max = alphas.max().item()
alpha_negative = int((alphas < 0).sum())
alpha_above_one = int((alphas > 1).sum())
prelu_train_acc = train_acc
prelu_test_acc = test_acc
n_train, n_test = len(x_train), len(x_test)
hidden = net[0].out_features
lr = opt.param_groups[0]["lr"]
n_alphas = alphas.numel()
alpha_example = alpha  # max_form의 마지막 α(1보다 큰 값)

# "PReLU = max(αx, x)"의 판정: 처음 α와 학습된 α 모두에서 두 식이 같은 값을 내는가
probe = torch.linspace(-3, 3, 61)
initial_alpha = nn.PReLU().weight.item()   # PyTorch의 처음 α (0.25)
with torch.no_grad():
    init_matches = torch.equal(nn.PReLU(init=initial_alpha)(probe), torch.maximum(initial_alpha * probe, probe))
    learned_matches = [torch.equal(F.prelu(probe, a.reshape(1)), torch.maximum(a * probe, probe)) for a in alphas]
n_alpha_mismatch = learned_matches.count(False)   # max(αx, x)와 다른 값을 낸 학습된 α의 수
prelu_max_claim = verdicts.claim(
    initial_alpha_matches=init_matches,    # 처음 α에서 PReLU와 max(αx, x)가 같은가
    learned_alphas=all(learned_matches),   # 학습된 α 모두에서 같은가
)
