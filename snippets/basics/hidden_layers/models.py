"""원문의 얕은 신경망과 깊은 신경망을 실제 크기로 만들고, 층별 파라미터 수를 셉니다."""

import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:models]
input_size, hidden_size, output_size = 20, 128, 1   # 입력 특성 20개, 이진 분류 출력 1개

# 얕은 네트워크: 은닉층 1개 (Linear 2개)
shallow = nn.Sequential(
    nn.Linear(input_size, hidden_size),
    nn.ReLU(),
    nn.Linear(hidden_size, output_size),
)

# 원문의 "깊은 네트워크 (9층)" 코드를 "# ... 계속 추가" 없이 그대로 옮긴 것: Linear 4개
as_written = nn.Sequential(
    nn.Linear(input_size, 128),
    nn.ReLU(),
    nn.Linear(128, 128),
    nn.ReLU(),
    nn.Linear(128, 128),
    nn.ReLU(),
    nn.Linear(128, output_size),
)


def deep_mlp(num_linear, width=128):
    """Linear 층 num_linear개(은닉층 num_linear - 1개)와 그 사이의 ReLU."""
    layers = [nn.Linear(input_size, width), nn.ReLU()]
    for _ in range(num_linear - 2):
        layers += [nn.Linear(width, width), nn.ReLU()]
    layers.append(nn.Linear(width, output_size))
    return nn.Sequential(*layers)


deep = deep_mlp(9)   # 실제로 Linear 9개
# --8<-- [end:models]

# --8<-- [start:print_models]
print(shallow)
print(deep)
# --8<-- [end:print_models]

# --8<-- [start:counts]
def count_linear(model):
    return sum(isinstance(m, nn.Linear) for m in model)


def count_params(model):
    return sum(p.numel() for p in model.parameters())


for name, model in [("얕은 네트워크", shallow), ("원문의 '9층' 코드", as_written),
                    ("Linear 9개", deep)]:
    print(f"Linear {count_linear(model)}개, 파라미터 {count_params(model):>7,}개 | {name}")

print("\nLinear 9개 모델의 층별 파라미터 (가중치 + 편향):")
for index, module in enumerate(deep):
    if isinstance(module, nn.Linear):
        w, b = module.weight.numel(), module.bias.numel()
        print(f"  [{index:>2}] Linear({module.in_features:>3} → {module.out_features:>3}): "
              f"{w:>6,} + {b:>3} = {w + b:>6,}")

shallow_params = count_params(shallow)
as_written_linear = count_linear(as_written)
deep_linear = count_linear(deep)
deep_params = count_params(deep)
deep_to_shallow = deep_params / shallow_params
# --8<-- [end:counts]

# 본문에서 인용하는 값
n_missing_linear = deep_linear - as_written_linear   # 원문 코드에 더 넣어야 하는 Linear 수

# "깊은 네트워크 (9층)" 코드의 판정: 적힌 그대로 옮긴 코드가 9층인가
nine_layer_claim = verdicts.claim(
    nine_linear=as_written_linear == 9,  # 원문 코드 그대로의 Linear 층이 9개인가
)
