"""내 모델의 죽은 ReLU 유닛을 세는 forward hook: 한 배치 전체에서 출력이 늘 0인 유닛."""

import torch
import torch.nn as nn

# --8<-- [start:hook]
def count_dead_units(model, inputs):
    """model 안의 nn.ReLU마다 (유닛 수, inputs 전체에서 출력이 늘 0인 유닛 수)를 돌려줍니다.

    Conv 층 뒤의 ReLU는 채널을 유닛으로 봅니다(배치와 공간 위치 전체에서 0이면 죽은 채널).
    같은 nn.ReLU 객체를 여러 곳에서 다시 쓰는 모델은 호출마다 따로 셉니다.
    """
    counts, handles = {}, []

    def make_hook(name):
        def hook(module, args, output):
            alive = (output > 0).flatten(2).any(dim=2) if output.dim() > 2 else output > 0
            alive = alive.any(dim=0)                     # 배치의 어느 입력에서든 양수였는가
            calls = sum(k == name or k.startswith(name + "#") for k in counts)
            key = name if calls == 0 else f"{name}#{calls}"      # 같은 모듈을 다시 부르면 #1, #2 …
            counts[key] = (alive.numel(), int((~alive).sum()))
        return hook

    for name, module in model.named_modules():
        if isinstance(module, nn.ReLU):
            handles.append(module.register_forward_hook(make_hook(name)))
    try:
        with torch.no_grad():
            model(inputs)
    finally:
        for h in handles:
            h.remove()                                   # hook을 남겨 두지 않습니다
    return counts
# --8<-- [end:hook]

# --8<-- [start:demo]
torch.manual_seed(0)
N_KILLED, KILL_BIAS = 5, -100.0
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
with torch.no_grad():
    model[2].bias[:N_KILLED] = KILL_BIAS                # 둘째 층 유닛 N_KILLED개를 일부러 죽입니다
x = torch.randn(1000, 20)
for layer, (units, dead) in count_dead_units(model, x).items():
    print(f"model[{layer}] 뒤: 유닛 {units}개 가운데 죽은 유닛 {dead}개")

cnn = nn.Sequential(nn.Conv2d(3, 16, 3), nn.BatchNorm2d(16), nn.ReLU())
for layer, (units, dead) in count_dead_units(cnn, torch.randn(8, 3, 16, 16)).items():
    print(f"cnn[{layer}] 뒤: 채널 {units}개 가운데 죽은 채널 {dead}개")
# --8<-- [end:demo]

dead_found = count_dead_units(model, x)["3"][1]
