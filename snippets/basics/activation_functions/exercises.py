"""활성화 함수란: 연습 문제의 답을 코드로 확인합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:exercise_1]
# 연습 1. 활성화 함수 없이 Linear 층 세 개(4 → 16 → 16 → 3)를 쌓은 모델은 Linear 하나와 같은 함수입니다.
# 그 Linear 하나의 가중치 행렬은 어떤 모양이고, 파라미터는 세 층 모델보다 얼마나 적을까요?
torch.manual_seed(0)
stack = nn.Sequential(nn.Linear(4, 16), nn.Linear(16, 16), nn.Linear(16, 3))   # 활성화 함수 없음
single = nn.Linear(4, 3)                                                        # 같은 함수를 내는 층 하나
stack_params = sum(p.numel() for p in stack.parameters())
single_params = sum(p.numel() for p in single.parameters())
print(f"합친 Linear 하나의 가중치 모양: {tuple(single.weight.shape)} (출력 × 입력)")
print(f"파라미터 수: 세 층 모델 {stack_params}개, 합친 Linear 하나 {single_params}개")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
# 연습 2. 본문의 코드에서 ReLU를 층 사이가 아니라 마지막 층 뒤에만 하나 두면(표시한 줄),
# 이 모델은 "합친 Linear 하나 뒤에 ReLU"와 같은 함수일까요? 최대 차이를 예상해 보세요.
torch.manual_seed(0)
stack = nn.Sequential(nn.Linear(4, 16), nn.Linear(16, 16), nn.Linear(16, 3)).double()
W = torch.eye(4, dtype=torch.float64)
b = torch.zeros(4, dtype=torch.float64)
for layer in stack:
    W = layer.weight @ W                 # W ← W_k W
    b = layer.weight @ b + layer.bias    # b ← W_k b + b_k

x = torch.randn(1000, 4, dtype=torch.float64)
with torch.no_grad():
    relu_at_end = nn.Sequential(*stack, nn.ReLU())          # ← 바꾼 줄: ReLU는 마지막 층 뒤에만
    end_relu_gap = (relu_at_end(x) - torch.relu(x @ W.T + b)).abs().max().item()
print(f"끝에만 ReLU를 둔 스택 vs 합친 Linear 뒤에 ReLU: 최대 차이 {end_relu_gap:.1e}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 본문에서는 로짓 40, 정답 0일 때 BCELoss(sigmoid)가 log를 −100에서 자른 값을 냈습니다.
# 반대쪽인 로짓 −40, 정답 1이면 어떨까요? 정확한 손실은 40입니다. 로짓이 −200이면요?
label = torch.tensor([[1.0]])
bce_probs, bce_logits, probs = {}, {}, {}
for logit in (-40.0, -200.0):
    z = torch.tensor([[logit]])                               # float32
    probs[logit] = torch.sigmoid(z).item()
    bce_probs[logit] = nn.BCELoss()(torch.sigmoid(z), label).item()
    bce_logits[logit] = nn.BCEWithLogitsLoss()(z, label).item()
    print(f"로짓 {logit:g}, 정답 1: sigmoid = {probs[logit]:.1e}, "
          f"BCELoss(sigmoid) = {bce_probs[logit]:.2f}, BCEWithLogitsLoss = {bce_logits[logit]:.2f}")
prob_m40, prob_m200 = probs[-40.0], probs[-200.0]
bce_probs_m40, bce_probs_m200 = bce_probs[-40.0], bce_probs[-200.0]
bce_logits_m200 = bce_logits[-200.0]
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
# 연습 4. softmax를 먼저 적용한 값을 CrossEntropyLoss에 넘기면 틀린 손실이 나왔습니다.
# 그러면 log_softmax를 먼저 적용한 값을 넘기면 어떨까요? 같은 손실이 나올지 예상하고 까닭을 설명해 보세요.
torch.manual_seed(0)
logits = torch.randn(4, 3)                    # 본문과 같은 로짓: 샘플 4개, 클래스 3개
target = torch.tensor([0, 2, 1, 2])
ce_logits = nn.CrossEntropyLoss()(logits, target).item()
ce_log_softmax = nn.CrossEntropyLoss()(F.log_softmax(logits, dim=1), target).item()
ce_shifted = nn.CrossEntropyLoss()(logits + 5.0, target).item()   # 모든 로짓에 같은 상수를 더함
print(f"CrossEntropyLoss(로짓)              = {ce_logits:.6f}")
print(f"CrossEntropyLoss(log_softmax(로짓)) = {ce_log_softmax:.6f}")
print(f"CrossEntropyLoss(로짓 + 5)          = {ce_shifted:.6f}")
# --8<-- [end:exercise_4]
