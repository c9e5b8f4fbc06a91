"""기울기 소실: 연습 문제의 답을 코드로 확인합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:exercise_1]
# 연습 1. sigmoid의 도함수는 x = 0에서 최댓값 0.25입니다. 활성화 전 값이 z = 4인 유닛에서 σ′(z)는 얼마일까요?
# 층마다 z = 4인 sigmoid 층 5개를 지나면, 활성화 함수 쪽 인수의 곱은 상한 0.25⁵보다 몇 배 작을까요?
z = torch.tensor(4.0, dtype=torch.float64, requires_grad=True)
torch.sigmoid(z).backward()
saturated_grad = z.grad.item()                # σ′(4)
saturated_product = saturated_grad ** 5       # 층 5개의 σ′(4)를 곱한 값
quarter_bound = 0.25 ** 5                     # 상한 0.25⁵
bound_over_product = quarter_bound / saturated_product
saturated_share = saturated_grad / 0.25       # 최댓값 0.25에 대한 비
print(f"σ′(4) = {saturated_grad:.4f} (최댓값 0.25의 {saturated_share:.3f}배)")
print(f"층 5개의 곱 = {saturated_product:.1e}, 상한 0.25⁵ = {quarter_bound:.1e}: 상한보다 {bound_over_product:.1e}배 작음")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
# 연습 2. tanh의 도함수는 0 근처에서 1에 가깝습니다. 그런데도 기본 초기화의 깊은 tanh MLP에서는 역전파 신호가
# 층마다 줄어듭니다. 층 하나를 거꾸로 지날 때 신호의 크기는 몇 배가 될까요? (힌트: 기본 초기화에서 n·Var[w] = 1/3)
SIGNAL_WIDTH, SIGNAL_BATCH, SIGNAL_DEPTH = 128, 256, 20
torch.manual_seed(0)
layers = []
for _ in range(SIGNAL_DEPTH):
    layers += [nn.Linear(SIGNAL_WIDTH, SIGNAL_WIDTH), nn.Tanh()]   # PyTorch 기본 초기화
net = nn.Sequential(*layers, nn.Linear(SIGNAL_WIDTH, 1))            # 본문 측정과 같은 구조: 은닉층 20개
x, target = torch.randn(SIGNAL_BATCH, SIGNAL_WIDTH), torch.randn(SIGNAL_BATCH, 1)

hidden_outputs, h = [], x
for module in net:
    h = module(h)
    if isinstance(module, nn.Tanh):
        h.retain_grad()                       # 은닉층 출력 h_l에 대한 기울기를 남겨 둡니다
        hidden_outputs.append(h)
F.mse_loss(h, target).backward()
signal = [out.grad.norm().item() for out in hidden_outputs]     # ‖∂L/∂h_l‖, l = 1 … 20
tanh_signal_ratio = signal[0] / signal[-1]
tanh_per_layer = tanh_signal_ratio ** (1 / (SIGNAL_DEPTH - 1))
tanh_per_layer_one = (1 / 3) ** 0.5          # tanh′ = 1이라면 층당 인수는 √(n·Var[w]) = √(1/3)
print(f"첫 은닉층 / 마지막 은닉층의 역전파 신호 크기: {tanh_signal_ratio:.1e}")
print(f"층 하나당: {tanh_per_layer:.3f}배 (tanh′ = 1일 때의 값 √(1/3) = {tanh_per_layer_one:.3f})")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 본문의 학습 실험에서 Adam의 학습률만 1e-3에서 1e-2로 바꾸면(표시한 줄), Linear 9개짜리 sigmoid 모델은
# 여전히 모든 입력을 한 클래스로 예측할까요? 시드 0, 1, 2로 학습해 봅니다.
torch.manual_seed(777)
X = torch.randn(1500, 20)
Y = (X.sum(dim=1) > 0).float()
x_train, y_train = X[:500], Y[:500]
x_test, y_test = X[500:], Y[500:]
TRAIN_WIDTH, STEPS, LR = 32, 100, 1e-2        # ← 바꾼 줄: 본문은 LR = 1e-3
ACC_LEVEL = 0.9                               # 평가 정확도의 기준: 다수 클래스 비율(약 0.5)보다 훨씬 높은 값


def sigmoid_net(blocks=7):
    """본문의 make_net(nn.Sigmoid)와 같은 구조: Linear(20→32)+Sigmoid, 블록 7개, Linear(32→1)."""
    layers = [nn.Linear(20, TRAIN_WIDTH), nn.Sigmoid()]
    for _ in range(blocks):
        layers += [nn.Linear(TRAIN_WIDTH, TRAIN_WIDTH), nn.Sigmoid()]
    return nn.Sequential(*layers, nn.Linear(TRAIN_WIDTH, 1))


def train_predict(seed):
    """전체 배치 Adam으로 STEPS스텝 학습하고, 평가 데이터의 예측(0 또는 1)을 돌려줍니다."""
    torch.manual_seed(seed)
    model = sigmoid_net()
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(STEPS):
        optimizer.zero_grad()
        F.binary_cross_entropy_with_logits(model(x_train).squeeze(1), y_train).backward()
        optimizer.step()
    with torch.no_grad():
        return (model(x_test).squeeze(1) > 0).float()


one_class_seeds, accurate_seeds = 0, 0
for seed in (0, 1, 2):
    pred = train_predict(seed)
    one_class = bool(pred.min() == pred.max())                      # 모든 입력을 한 클래스로 예측했는가
    accurate = (pred == y_test).float().mean().item() >= ACC_LEVEL  # 평가 정확도가 기준 이상인가
    one_class_seeds += one_class
    accurate_seeds += accurate
    print(f"시드 {seed}: 한 클래스만 예측 {one_class}, 평가 정확도 {ACC_LEVEL} 이상 {accurate}")
print(f"학습률 {LR:g}: 한 클래스만 예측한 시드 {one_class_seeds}개, 평가 정확도 {ACC_LEVEL} 이상인 시드 {accurate_seeds}개 (3개 가운데)")
# --8<-- [end:exercise_3]
