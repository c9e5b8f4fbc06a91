"""Dead ReLU: 큰 음수 입력 하나로는 유닛이 죽지 않고, 모든 입력에서 음수가 되어야 죽습니다."""

import torch
import torch.nn as nn

# --8<-- [start:one_input]
torch.manual_seed(0)
X = torch.randn(64, 4)
X[0] = -100.0  # 한 예제만 아주 큰 음수
unit = nn.Linear(4, 1)
with torch.no_grad():
    unit.weight.copy_(torch.tensor([[0.5, 0.5, 0.5, 0.5]]))
    unit.bias.zero_()

pre = unit(X)
out = torch.relu(pre)
out.sum().backward()
active_examples = int((pre > 0).sum())
grad_norm_one_input = unit.weight.grad.norm().item()
print(f"x = -100 예제의 사전 활성값: {pre[0].item():.1f} → 출력 {out[0].item():.1f}, 기울기 0")
print(f"양수인 예제 수: {active_examples} / {len(X)}")
print(f"가중치 기울기 크기: {grad_norm_one_input:.4f}  (0이 아니므로 계속 학습됩니다)")
# --8<-- [end:one_input]

# --8<-- [start:bias_shift]
unit.zero_grad()
with torch.no_grad():
    unit.bias.fill_(-50.0)  # 편향이 크게 음수로 밀리면 모든 입력에서 음수가 됩니다
pre = unit(X)
torch.relu(pre).sum().backward()
dead_active_examples = int((pre > 0).sum())
grad_norm_dead = unit.weight.grad.norm().item()
print(f"편향 -50: 양수인 예제 수 {dead_active_examples} / {len(X)}, 가중치 기울기 크기 {grad_norm_dead:.4f}")

unit.zero_grad()
nn.functional.leaky_relu(unit(X), 0.01).sum().backward()
leaky_grad_norm = unit.weight.grad.norm().item()
print(f"같은 유닛에 Leaky ReLU(0.01): 가중치 기울기 크기 {leaky_grad_norm:.4f}")
# --8<-- [end:bias_shift]
