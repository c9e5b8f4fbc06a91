"""실험: Sigmoid vs ReLU 깊은 신경망 페이지의 연습 문제와 답. 작은 변형만 다룹니다."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 파라미터 하나에 기울기 g를 주고 Adam(lr=0.001, 기본 eps=1e-8)으로 첫 갱신을 한 번 합니다.
# g = 1e-3, 1e-6, 1e-8, 1e-10이면 파라미터가 각각 얼마나 움직일까요?
LR = 0.001
adam_steps = {}
for g in (1e-3, 1e-6, 1e-8, 1e-10):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=LR)
    w.grad = torch.tensor([g], dtype=torch.float64)
    optimizer.step()
    adam_steps[g] = abs(w.item())
    print(f"g = {g:.0e}: 움직인 거리 {adam_steps[g]:.2e} (학습률의 {adam_steps[g] / LR:.1%})")
step_at_eps = adam_steps[1e-8]
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 모델에서 은닉층을 8개에서 2개로 줄이면(range(7) → range(1)),
# 학습 시작 때 첫 층 기울기의 비 ReLU / Sigmoid는 어떻게 바뀔까요?
def deep_net(act, n_middle):
    """Linear(20→128) → act → (Linear(128→128) → act) × n_middle → Linear(128→1) → Sigmoid."""
    layers = [nn.Linear(20, 128), act()]
    for _ in range(n_middle):                # 페이지의 코드는 range(7)
        layers += [nn.Linear(128, 128), act()]
    return nn.Sequential(*layers, nn.Linear(128, 1), nn.Sigmoid())


def first_grads(n_middle):
    """원문과 같은 순서(데이터 → Sigmoid 모델 → ReLU 모델)로 만들고, 초기화 직후 첫 층 가중치 기울기 크기를 잽니다."""
    torch.manual_seed(777)
    X = torch.randn(1000, 20)
    Y = (X.sum(dim=1, keepdim=True) > 0).float()
    models = {"Sigmoid": deep_net(nn.Sigmoid, n_middle), "ReLU": deep_net(nn.ReLU, n_middle)}
    grads = {}
    for name, model in models.items():
        nn.functional.binary_cross_entropy(model(X), Y).backward()
        grads[name] = model[0].weight.grad.norm().item()
    return grads


grad_ratio = {}
for n_middle in (7, 1):
    grads = first_grads(n_middle)
    grad_ratio[n_middle] = grads["ReLU"] / grads["Sigmoid"]
    print(f"은닉층 {n_middle + 1}개: 첫 층 기울기 Sigmoid {grads['Sigmoid']:.1e}, ReLU {grads['ReLU']:.1e}, "
          f"비 ReLU / Sigmoid = {grad_ratio[n_middle]:.0f}")
ratio_deep, ratio_shallow = grad_ratio[7], grad_ratio[1]
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. 은닉층이 2개뿐인 sigmoid 신경망을 원문과 같은 방법(전체 배치 Adam, 학습률 0.001)으로 학습하면,
# 페이지의 깊은 신경망처럼 100에폭 넘게 평탄 구간에 머물까요? 평탄 구간을 벗어난 에폭을 예상해 보세요.
torch.manual_seed(777)
X = torch.randn(1000, 20)
Y = (X.sum(dim=1, keepdim=True) > 0).float()
threshold = Y.mean().item() + 0.05           # 페이지와 같은 기준: 다수 클래스 비율 + 5%p
model = nn.Sequential(nn.Linear(20, 128), nn.Sigmoid(), nn.Linear(128, 128), nn.Sigmoid(),
                      nn.Linear(128, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
SHALLOW_EPOCHS = 100
accs = []
for epoch in range(SHALLOW_EPOCHS):
    optimizer.zero_grad()
    output = model(X)
    nn.functional.binary_cross_entropy(output, Y).backward()
    optimizer.step()
    accs.append(((output > 0.5).float() == Y).float().mean().item())
below = [i + 1 for i, a in enumerate(accs) if a <= threshold]
shallow_escape = below[-1] + 1 if below else 1
shallow_acc_end = accs[-1]
print(f"은닉층 2개 Sigmoid: 평탄 구간을 벗어난 에폭 {shallow_escape}, {SHALLOW_EPOCHS}에폭 학습 정확도 {shallow_acc_end:.3f}")
# --8<-- [end:exercise_4]
