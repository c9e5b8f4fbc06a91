"""원문 '구현' 절의 코드를 실행 가능한 형태로 옮긴 것입니다."""

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:basic]
relu = nn.ReLU()
x = torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0])
print(f"입력:  {x.tolist()}")
print(f"ReLU:  {relu(x).tolist()}")
# --8<-- [end:basic]

# --8<-- [start:inplace]
relu_ip = nn.ReLU(inplace=True)  # 입력 텐서를 직접 고쳐 씁니다(새 텐서를 만들지 않음)


def manual_relu(x):
    return torch.clamp(x, min=0)  # = max(0, x)


z = torch.randn(1000, generator=torch.Generator().manual_seed(0))
expected = nn.ReLU()(z)                 # 기준: 새 텐서를 돌려주는 nn.ReLU
manual_matches = torch.equal(manual_relu(z), expected)
z_copy = z.clone()
out = relu_ip(z_copy)                   # z_copy 자체가 바뀝니다
inplace_matches = torch.equal(out, expected)
inplace_same_memory = out.data_ptr() == z_copy.data_ptr()
print(f"clamp 구현 == nn.ReLU:          {manual_matches}")
print(f"inplace=True 결과 == nn.ReLU:   {inplace_matches}")
print(f"inplace 결과가 입력과 같은 메모리: {inplace_same_memory}")
print(f"입력 z_copy에 남은 음수 개수:    {int((z_copy < 0).sum())}  (원래 {int((z < 0).sum())}개)")
# --8<-- [end:inplace]

# --8<-- [start:variants]
leaky_relu = nn.LeakyReLU(negative_slope=0.01)
prelu = nn.PReLU(num_parameters=1)  # 학습되는 기울기 a
relu6 = nn.ReLU6()


def show(values):
    """float32 값을 유효숫자 4자리로 반올림해 표시합니다."""
    return "[" + ", ".join(f"{v:.4g}" for v in values.tolist()) + "]"


x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 7.0])
prelu_init = prelu.weight.item()
print(f"입력:       {show(x)}")
print(f"ReLU:       {show(relu(x))}")
print(f"LeakyReLU:  {show(leaky_relu(x))}")
print(f"PReLU:      {show(prelu(x))}  (a 초깃값 = {prelu_init:.2f})")
print(f"ReLU6:      {show(relu6(x))}")

# .tolist()는 float32 값을 그대로 파이썬 float(64비트)로 옮깁니다.
raw_leaky = leaky_relu(x).tolist()
print(f"\n반올림 없이 .tolist(): {raw_leaky}")
raw_leaky_first = raw_leaky[0]  # LeakyReLU(-2)를 float32에서 파이썬 float로 옮긴 값
# --8<-- [end:variants]

# --8<-- [start:prelu_max]
# max(a·x, x)는 a ≤ 1일 때만 PReLU와 같습니다.
x = torch.tensor([-2.0, 2.0])
for a in (0.25, 1.5):
    prelu_a = nn.PReLU(init=a)
    with torch.no_grad():
        prelu_out = prelu_a(x)
    max_out = torch.maximum(a * x, x)
    print(f"a = {a:<4}: PReLU {show(prelu_out)}, max(a·x, x) {show(max_out)}, 같은가: {torch.equal(prelu_out, max_out)}")
# --8<-- [end:prelu_max]

# 원문 주장 "LeakyReLU(...).tolist()가 -0.02를 출력한다"의 판정 (흔히 하는 말 vs 측정 결과)
tolist_claim = verdicts.claim(
    prints_minus_002=raw_leaky_first == -0.02,  # .tolist()가 내놓은 첫 값이 정확히 -0.02인가
)
