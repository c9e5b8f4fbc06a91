"""모든 가중치를 같은 값으로 두면 은닉 유닛이 영원히 같은 유닛으로 남는지 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:symmetry]
torch.manual_seed(0)
X = torch.randn(256, 4)
Y = (X[:, 0] * X[:, 1] > 0).float().unsqueeze(1)   # 비선형 과제


def distinct_units(init):
    """init으로 초기화한 4→8→1 MLP를 200스텝 학습한 뒤, 서로 다른 은닉 유닛(가중치 행)의 수."""
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    init(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(200):
        optimizer.zero_grad()
        nn.functional.binary_cross_entropy_with_logits(model(X), Y).backward()
        optimizer.step()
    rows = torch.cat([model[0].weight, model[0].bias.unsqueeze(1)], dim=1)
    return len(torch.unique(rows, dim=0))


def constant(model):
    """모든 가중치 0.1, 편향 0: 은닉 유닛 8개가 처음부터 똑같습니다."""
    for p in model.parameters():
        nn.init.constant_(p, 0.1 if p.dim() > 1 else 0.0)


def keep_default(model):
    """PyTorch 기본 초기화(무작위)를 그대로 둡니다."""


same_units = distinct_units(constant)
random_units = distinct_units(keep_default)
print(f"같은 값으로 초기화: 학습 뒤 서로 다른 은닉 유닛 {same_units}개 / 8개")
print(f"무작위 초기화:     학습 뒤 서로 다른 은닉 유닛 {random_units}개 / 8개")
# --8<-- [end:symmetry]
