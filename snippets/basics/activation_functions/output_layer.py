"""출력층의 활성화 함수: 이진·다중 레이블(sigmoid), 다중 클래스(softmax), 회귀(없음), [-1, 1](tanh)."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:softmax]
torch.manual_seed(0)
logits = torch.randn(4, 3)                    # 샘플 4개, 클래스 3개의 로짓(출력층의 선형 출력)
target = torch.tensor([0, 2, 1, 2])

probs = torch.softmax(logits, dim=1)
print("softmax 확률 (행 합):", " ".join(f"{s:.4f}" for s in probs.sum(dim=1).tolist()))

ce = nn.CrossEntropyLoss()(logits, target)
manual = F.nll_loss(F.log_softmax(logits, dim=1), target)
print(f"CrossEntropyLoss(로짓)             = {ce.item():.6f}")
print(f"nll_loss(log_softmax(로짓))        = {manual.item():.6f}")
double = nn.CrossEntropyLoss()(torch.softmax(logits, dim=1), target)
print(f"CrossEntropyLoss(softmax(로짓)) ✗  = {double.item():.6f}   ← softmax를 두 번 적용")
ce_value = ce.item()
double_softmax_value = double.item()
# --8<-- [end:softmax]

# --8<-- [start:sigmoid]
# 다중 레이블: 한 샘플이 여러 레이블을 동시에 가질 수 있으므로 레이블마다 sigmoid를 따로 씁니다.
multi_logits = torch.tensor([[2.0, -1.0, 0.5]])
multi_probs = torch.sigmoid(multi_logits)[0]
print("레이블별 sigmoid 확률:", " ".join(f"{p:.4f}" for p in multi_probs.tolist()),
      f"(합 {multi_probs.sum().item():.4f}, 1일 필요 없음)")

labels = torch.tensor([[1.0, 0.0, 1.0]])
bce_logits = nn.BCEWithLogitsLoss()(multi_logits, labels)           # sigmoid를 안에 포함
bce_probs = nn.BCELoss()(torch.sigmoid(multi_logits), labels)       # sigmoid를 밖에서 적용
print(f"BCEWithLogitsLoss(로짓)      = {bce_logits.item():.6f}")
print(f"BCELoss(sigmoid(로짓))       = {bce_probs.item():.6f}")

# 로짓이 크면 sigmoid 출력이 float32에서 정확히 1이 되어 BCELoss가 log(0)을 만납니다.
big = torch.tensor([[40.0]])
zero = torch.tensor([[0.0]])
with_logits = nn.BCEWithLogitsLoss()(big, zero).item()
with_probs = nn.BCELoss()(torch.sigmoid(big), zero).item()
print(f"로짓 40, 정답 0: BCEWithLogitsLoss = {with_logits:.2f}, "
      f"BCELoss(sigmoid) = {with_probs:.2f} (log를 −100에서 자름)")
# --8<-- [end:sigmoid]
