"""입력 하나가 x = -100이어도 유닛은 죽지 않습니다: 다른 입력들이 기울기를 줍니다."""

import torch
import torch.nn as nn

import verdicts

torch.manual_seed(0)
X = torch.randn(3000, 20)
Y = (X[:, :10].pow(2).sum(dim=1) > 9.34).float()
X_train, Y_train = X[:2000].clone(), Y[:2000]


def make_net(act):
    return nn.Sequential(nn.Linear(20, 128), act(), nn.Linear(128, 128), act(), nn.Linear(128, 1))


# --8<-- [start:one_input]
X_train[0] = -100.0                     # 학습 데이터의 첫 입력만 모든 특성을 -100으로
torch.manual_seed(0)
net = make_net(nn.ReLU)

z1 = net[0](X_train)                    # 첫 은닉층의 활성화 전 값, (2000, 128)
z1.retain_grad()                        # 입력마다 z1로 들어오는 기울기를 보려고 남겨 둡니다
out = net[1:](z1)                       # 나머지 층
nn.functional.binary_cross_entropy_with_logits(out.squeeze(1), Y_train).backward()

off_on_first = z1[0] <= 0               # x = -100 입력에서 비활성인 유닛
dead = (z1 <= 0).all(dim=0)             # 모든 입력에서 비활성인 유닛(죽은 유닛)
unit_grad = net[0].weight.grad.norm(dim=1)
n_off_on_first = int(off_on_first.sum())
n_dead_init = int(dead.sum())
grad_from_first = z1.grad[0, off_on_first].abs().max().item()
min_grad_off = unit_grad[off_on_first].min().item()
print(f"x = -100 입력에서 활성화 전 값이 0 이하인 첫 층 유닛: {n_off_on_first} / 128 "
      f"(그 값의 중앙값 {z1[0, off_on_first].median().item():.1f})")
print(f"그 입력이 이 유닛들에 보내는 기울기의 최댓값: {grad_from_first:.1f}")
print(f"그래도 이 유닛들의 가중치 기울기 크기 (최솟값): {min_grad_off:.2e}")
print(f"학습 데이터 2000개 모두에서 0 이하인 유닛(죽은 유닛): {n_dead_init}")

optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
for epoch in range(20):                 # train.py와 같은 학습: Adam 1e-3, 배치 128, 20 에폭
    order = torch.randperm(len(X_train))
    for i in range(0, len(X_train), 128):
        idx = order[i:i + 128]
        optimizer.zero_grad()
        nn.functional.binary_cross_entropy_with_logits(net(X_train[idx]).squeeze(1), Y_train[idx]).backward()
        optimizer.step()
with torch.no_grad():
    z1_after = net[0](X_train)
    n_dead_after = int((z1_after <= 0).all(dim=0).sum())
    n_off_on_first_after = int((z1_after[0] <= 0).sum())
print(f"20 에폭 뒤: x = -100 입력에서 비활성인 유닛 {n_off_on_first_after}, 죽은 유닛 {n_dead_after}")
# --8<-- [end:one_input]

# 본문에서 인용하는 값
n_epochs = epoch + 1

# 흔히 하는 말 "큰 음수 입력(x = -100)을 받으면 이 뉴런은 영원히 0만 출력"의 판정 (summary/claims)
claim_one_input_kills = verdicts.claim(
    # 학습 전: x = -100 입력에서 꺼진 유닛들의 가중치 기울기가 모두 0인가 (주장대로라면 더 배우지 못함)
    no_gradient=bool((unit_grad[off_on_first] == 0).all()),
    # 20 에폭 뒤: 그 유닛들이 학습 데이터의 모든 입력에서 0을 내는가 (주장대로라면 죽어 있음)
    dead_after_training=bool((z1_after <= 0).all(dim=0)[off_on_first].all()),
)
