"""원문 §8의 코드를 그대로 실행합니다(학습 정확도만 잽니다)."""

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:seed_code]
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import TensorDataset, DataLoader

# 데이터 생성
torch.manual_seed(42)
X = torch.randn(5000, 50)
Y = (X[:, :25].sum(dim=1) > X[:, 25:].sum(dim=1)).long()

dataset = TensorDataset(X, Y)
train_loader = DataLoader(dataset, batch_size=64, shuffle=True)

# 다양한 활성화 함수로 모델 생성
def create_model(activation):
    if activation == 'relu':
        act = nn.ReLU()
    elif activation == 'leaky_relu':
        act = nn.LeakyReLU(0.01)
    elif activation == 'elu':
        act = nn.ELU()
    elif activation == 'tanh':
        act = nn.Tanh()
    elif activation == 'sigmoid':
        act = nn.Sigmoid()

    model = nn.Sequential(
        nn.Linear(50, 128), act,
        nn.Linear(128, 64), act,
        nn.Linear(64, 32), act,
        nn.Linear(32, 2)  # 출력층: 활성화 함수 없음 (CrossEntropyLoss 사용)
    )
    return model

# 학습 및 평가
def train_and_evaluate(activation_name):
    model = create_model(activation_name)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.001)

    # 학습
    for epoch in range(20):
        for batch_x, batch_y in train_loader:
            optimizer.zero_grad()
            output = model(batch_x)
            loss = criterion(output, batch_y)
            loss.backward()
            optimizer.step()

    # 최종 정확도
    with torch.no_grad():
        output = model(X)
        predicted = output.argmax(dim=1)
        accuracy = (predicted == Y).float().mean()

    return accuracy.item()

# 모든 활성화 함수 비교
activations = ['relu', 'leaky_relu', 'elu', 'tanh', 'sigmoid']
results = {}

for act in activations:
    acc = train_and_evaluate(act)
    results[act] = acc
    print(f'{act:12s}: {acc:.4f}')

# 최고 성능 출력
best = max(results, key=results.get)
print(f'\n최고 성능: {best} ({results[best]:.4f})')
# --8<-- [end:seed_code]

# --8<-- [start:ties]
top = max(results.values())
tied = [name for name, acc in results.items() if acc == top]
print(f"학습 정확도가 최고값 {top:.4f}인 활성화 함수: {', '.join(tied)}")
print(f"max()는 같은 값이면 먼저 나온 키를 고릅니다 → {best}")
# --8<-- [end:ties]

n_tied = len(tied)
seed_sigmoid_train_acc = results['sigmoid']
seed_relu_train_acc = results['relu']
seed_min_train_acc = min(results.values())
seed_min_train_name = min(results, key=results.get)
positive_rate = Y.float().mean().item()

# 원문 주장 "Sigmoid 정확도 약 0.50, 최고 성능 leaky_relu"의 판정 ("흔히 하는 말 vs 측정 결과" 페이지)
majority_rate = max(positive_rate, 1 - positive_rate)  # 한 클래스만 예측할 때의 정확도
seed_code_claim = verdicts.claim(
    # Sigmoid가 학습에 실패했는가: 다수 클래스 비율 + 5%p를 넘지 못함(Sigmoid vs ReLU 실험의 평탄 구간 기준과 같음)
    sigmoid_near_half=seed_sigmoid_train_acc <= majority_rate + 0.05,
    leaky_relu_best=tied == ["leaky_relu"],  # leaky_relu 혼자 학습 정확도가 가장 높은가
)
