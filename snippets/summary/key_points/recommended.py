"""원문 §9 "실무 팁"의 권장 구조: 빠진 크기를 채우고, 손실 함수와 짝을 맞춰 한 번 실행합니다."""

import torch
import torch.nn as nn

# --8<-- [start:models]
torch.manual_seed(0)
# 원문 코드에 정해져 있지 않은 크기를 채웠습니다: 입력 특성 20개, 다중 클래스 분류는 클래스 3개
input_size, num_classes = 20, 3

# 이진 분류. 원문은 마지막에 nn.Sigmoid()를 두었지만, 여기서는 로짓 1개를 그대로 내고
# sigmoid가 안에 들어 있는 nn.BCEWithLogitsLoss에 넘깁니다.
binary_model = nn.Sequential(
    nn.Linear(input_size, 128),
    nn.ReLU(),                    # 은닉층: ReLU
    nn.Linear(128, 64),
    nn.ReLU(),                    # 은닉층: ReLU
    nn.Linear(64, 1),             # 출력층: 로짓 1개 (원문의 output_size)
)

# 다중 클래스 분류 (원문 그대로). nn.CrossEntropyLoss가 로짓을 받아 안에서 log-softmax를 계산하므로
# 모델에는 softmax 층을 넣지 않습니다.
multiclass_model = nn.Sequential(
    nn.Linear(input_size, 128),
    nn.ReLU(),
    nn.Linear(128, num_classes),  # 출력층: 클래스마다 로짓 하나
)
print(binary_model)
print(multiclass_model)
# --8<-- [end:models]

# --8<-- [start:forward]
x = torch.randn(4, input_size)                    # 예제 4개
y_binary = torch.tensor([[1.0], [0.0], [1.0], [0.0]])
y_class = torch.tensor([0, 2, 1, 2])

logits = binary_model(x)                          # 모양 (4, 1)
binary_loss = nn.BCEWithLogitsLoss()(logits, y_binary).item()
print("이진 분류 확률 (예측할 때만 sigmoid):", " ".join(f"{p:.3f}" for p in torch.sigmoid(logits).squeeze(1).tolist()))
print(f"BCEWithLogitsLoss(로짓)           = {binary_loss:.6f}")

# 원문처럼 모델 끝에 nn.Sigmoid()를 두었다면 짝이 되는 손실은 nn.BCELoss입니다(같은 가중치).
with_sigmoid = nn.Sequential(*binary_model, nn.Sigmoid())
seed_style_loss = nn.BCELoss()(with_sigmoid(x), y_binary).item()
print(f"nn.Sigmoid() + BCELoss(확률)      = {seed_style_loss:.6f}")

class_logits = multiclass_model(x)                # 모양 (4, 3)
multiclass_loss = nn.CrossEntropyLoss()(class_logits, y_class).item()
class_probs = torch.softmax(class_logits, dim=1)  # 확률이 필요할 때만 softmax
print("다중 클래스 예측:", class_probs.argmax(dim=1).tolist(),
      "| 확률의 행 합:", " ".join(f"{s:.4f}" for s in class_probs.sum(dim=1).tolist()))
print(f"CrossEntropyLoss(로짓)            = {multiclass_loss:.6f}")
# --8<-- [end:forward]

loss_gap = abs(binary_loss - seed_style_loss)
