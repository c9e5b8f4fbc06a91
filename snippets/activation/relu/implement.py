"""원문 '구현' 절의 코드를 실행 가능한 형태로 옮긴 것입니다."""

import torch
import torch.nn as nn

# --8<-- [start:basic]
relu = nn.ReLU()
x = torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0])
print(f"입력:  {x.tolist()}")
print(f"ReLU:  {relu(x).tolist()}")
# --8<-- [end:basic]

# --8<-- [start:inplace]
relu_ip = nn.ReLU(inplace=True)  # 입력 텐서를 직접 고쳐 씁니다(새 텐서를 만들지 않음)
y = torch.tensor([-2.0, 0.5, 2.0])
out = relu_ip(y)
print(f"inplace 결과가 입력과 같은 메모리인가: {out.data_ptr() == y.data_ptr()}")
print(f"입력 y도 바뀌었는가: {y.tolist()}")


def manual_relu(x):
    return torch.clamp(x, min=0)  # = max(0, x)


z = torch.randn(1000, generator=torch.Generator().manual_seed(0))
manual_matches = torch.equal(manual_relu(z), nn.ReLU()(z))
print(f"clamp 구현과 nn.ReLU의 출력이 같은가: {manual_matches}")
# --8<-- [end:inplace]

# --8<-- [start:variants]
leaky_relu = nn.LeakyReLU(negative_slope=0.01)
prelu = nn.PReLU(num_parameters=1)  # 학습되는 기울기 a, 초깃값 0.25
relu6 = nn.ReLU6()

x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 7.0])
print(f"입력:       {x.tolist()}")
print(f"ReLU:       {relu(x).tolist()}")
print(f"LeakyReLU:  {[round(v, 4) for v in leaky_relu(x).tolist()]}")
print(f"PReLU:      {[round(v, 4) for v in prelu(x).tolist()]}  (a = {prelu.weight.item():.2f})")
print(f"ReLU6:      {relu6(x).tolist()}")

# .tolist()는 float32 값을 그대로 파이썬 float로 옮깁니다. -0.02는 float32로 정확히 표현되지 않습니다.
raw_leaky = leaky_relu(x).tolist()[0]
print(f"반올림 없이 본 LeakyReLU(-2): {raw_leaky!r}")
prelu_init = prelu.weight.item()
# --8<-- [end:variants]
