"""inplace=True가 역전파 오류를 내는 경우와 안전한 경우를 실행해 봅니다."""

import torch
import torch.nn as nn

# --8<-- [start:error]
x = torch.randn(4, requires_grad=True, generator=torch.Generator().manual_seed(0))
y = torch.sigmoid(x)        # sigmoid는 역전파 때 자기 출력 y를 씁니다
nn.ReLU(inplace=True)(y)    # 그 y를 덮어씁니다

try:
    y.sum().backward()
except RuntimeError as error:
    message = str(error).split(" Hint:")[0]   # 뒤에 붙는 도움말은 자릅니다
    first, rest = message.split(": ", 1)
    print("backward()에서 RuntimeError가 났습니다.")
    print("메시지:", first)
    print("  자세히:", rest)
# --8<-- [end:error]

# --8<-- [start:safe]
def saved_bytes_and_grads(inplace):
    """Linear → ReLU → Linear를 한 번 역전파하고, 역전파용으로 저장된 바이트 수, 새 텐서 여부, 기울기, ReLU 출력의 바이트 수를 돌려줍니다."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(256, 256), nn.ReLU(inplace=inplace), nn.Linear(256, 10))
    inputs = torch.randn(64, 256)
    saved = {}   # 저장 공간의 주소 → 바이트 수 (같은 공간은 한 번만 셉니다)

    def remember(t):
        saved[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(remember, lambda t: t):
        h = net[0](inputs)
        r = net[1](h)
        new_tensor = r.data_ptr() != h.data_ptr()   # ReLU가 출력을 담을 새 텐서를 만들었는가
        net[2](r).sum().backward()
    grads = [p.grad for p in net.parameters()]
    output_bytes = r.numel() * r.element_size()   # ReLU 출력 텐서 하나의 바이트 수
    return sum(saved.values()), new_tensor, grads, output_bytes


bytes_plain, new_plain, grads_plain, relu_output_bytes = saved_bytes_and_grads(inplace=False)
bytes_inplace, new_inplace, grads_inplace, _ = saved_bytes_and_grads(inplace=True)
same_grads = all(torch.equal(a, b) for a, b in zip(grads_plain, grads_inplace))
print(f"{'':<14} | 새 출력 텐서 | 역전파용으로 저장된 바이트")
print(f"{'inplace=False':<14} | {str(new_plain):<11} | {bytes_plain:,}")
print(f"{'inplace=True':<14} | {str(new_inplace):<11} | {bytes_inplace:,}")
print(f"ReLU 출력 텐서 하나의 크기: {relu_output_bytes:,}바이트")
print("두 경우의 기울기가 같은가:", same_grads)
# --8<-- [end:safe]

# 본문에서 인용하는 값
saved_bytes_plain = bytes_plain
saved_bytes_inplace = bytes_inplace
