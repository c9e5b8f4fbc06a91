"""ResNet 페이지의 연습 문제와 답."""

import torch
import torch.nn as nn

# --8<-- [start:exercise_2]
# 연습 2. 항등 지름길을 쓰는 기본 블록에서 마지막 BN의 배율 γ(bn2.weight)를 모두 0으로 두면
# 블록의 출력은 입력 x의 어떤 함수가 될까요?
torch.manual_seed(0)
conv1 = nn.Conv2d(16, 16, 3, padding=1, bias=False)
bn1 = nn.BatchNorm2d(16)
conv2 = nn.Conv2d(16, 16, 3, padding=1, bias=False)
bn2 = nn.BatchNorm2d(16)
nn.init.zeros_(bn2.weight)                            # γ = 0
x = torch.randn(2, 16, 8, 8)
residual = bn2(conv2(torch.relu(bn1(conv1(x)))))      # F(x)
out = torch.relu(residual + x)                        # 항등 지름길: ReLU(F(x) + x)
residual_is_zero = bool((residual == 0).all())
out_is_relu_x = torch.equal(out, torch.relu(x))
print(f"F(x)가 모두 0인가: {residual_is_zero}")
print(f"블록 출력이 ReLU(x)와 정확히 같은가: {out_is_relu_x}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
# 연습 3. 페이지의 BasicBlock에서 마지막 ReLU를 덧셈 앞으로 옮기면(ReLU(F(x)) + x),
# 블록 출력이 입력보다 작은 원소는 몇 %일까요? 출력의 최솟값은 0 이상일까요?
class BasicBlock(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.conv1 = nn.Conv2d(ch, ch, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(ch)
        self.conv2 = nn.Conv2d(ch, ch, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(ch)
        self.relu = nn.ReLU()

    def forward(self, x, relu_after_add=True):
        residual = self.bn2(self.conv2(self.relu(self.bn1(self.conv1(x)))))
        if relu_after_add:
            return self.relu(residual + x)            # 페이지의 블록: ReLU(F(x) + x)
        return self.relu(residual) + x                # 바꾼 줄: ReLU(F(x)) + x


torch.manual_seed(0)
block = BasicBlock(16)
x = torch.randn(2, 16, 32, 32)
moved = {}
for name, after in (("ReLU(F(x) + x)", True), ("ReLU(F(x)) + x", False)):
    out = block(x, relu_after_add=after)
    moved[after] = ((out < x).float().mean().item(), out.min().item())
    print(f"{name}: 출력 < 입력인 원소 {moved[after][0]:.1%}, 출력 최솟값 {moved[after][1]:.1f}")
below_input_page, below_input_moved = moved[True][0], moved[False][0]
min_moved = moved[False][1]
# --8<-- [end:exercise_3]
