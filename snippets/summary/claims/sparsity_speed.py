"""ReLU 출력에 0이 많으면 다음 층의 계산이 빨라지는가: 보통의 밀집 행렬 곱셈 시간을 0의 비율별로 잽니다."""

import statistics
import time

import torch
import torch.nn as nn

# --8<-- [start:timing]
torch.set_num_threads(1)
torch.manual_seed(0)
layer = nn.Linear(1024, 1024)
z = torch.randn(512, 1024)
inputs = {
    "randn (0 없음)": z,
    "ReLU(randn)": torch.relu(z),                                   # 약 절반이 0
    "90%가 0": z * (torch.rand(512, 1024) < 0.1),
    "모두 0": torch.zeros(512, 1024),
}
CALLS, REPEAT, WARMUP = 3, 9, 2


def run_once(x):
    """Linear(1024→1024)에 입력 512개를 CALLS번 통과시키는 시간."""
    start = time.perf_counter()
    with torch.no_grad():
        for _ in range(CALLS):
            layer(x)
    return time.perf_counter() - start


def measure():
    """입력을 번갈아 재서 기계 부하의 영향을 고르게 하고, 같은 회차의 'randn' 시간과의 비율의 중앙값을 돌려줍니다."""
    times = {name: [] for name in inputs}
    for rep in range(WARMUP + REPEAT):
        for name, x in inputs.items():
            t = run_once(x)
            if rep >= WARMUP:
                times[name].append(t)
    base = times["randn (0 없음)"]
    return {name: statistics.median(t / b for t, b in zip(ts, base)) for name, ts in times.items()}


ratio = measure()
LOW, HIGH = 0.8, 1.2   # 시간 비율은 실행마다 흔들리므로, 이 범위 안에 드는지만 출력합니다
for name, x in inputs.items():
    inside = LOW <= ratio[name] <= HIGH
    print(f"{name:14s}: 0의 비율 {(x == 0).float().mean().item():6.1%}, "
          f"0이 없을 때와의 시간 비율이 {LOW}~{HIGH}배 {'안' if inside else '밖'}")
all_inside = all(LOW <= r <= HIGH for r in ratio.values())
# --8<-- [end:timing]

relu_zero_fraction = (inputs["ReLU(randn)"] == 0).float().mean().item()
