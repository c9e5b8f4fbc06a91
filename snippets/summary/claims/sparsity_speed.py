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
    """Linear(1024→1024)에 입력 512개를 CALLS번 통과시키는 CPU 시간.

    time.thread_time()은 이 스레드가 실제로 CPU를 쓴 시간만 셉니다. 다른 프로그램에 CPU를 내준 동안은
    세지 않으므로, 기계가 바빠도 잰 값이 크게 흔들리지 않습니다."""
    start = time.thread_time()
    with torch.no_grad():
        for _ in range(CALLS):
            layer(x)
    return time.thread_time() - start


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
FASTER = 2   # 판정 기준: 0이 있으면 2배 이상 빨라지는가. 측정의 흔들림(±20% 안팎)으로는 넘을 수 없는 폭입니다
for name, x in inputs.items():
    verdict = f"{FASTER}배 이상 빨라짐" if ratio[name] < 1 / FASTER else f"{FASTER}배 이상 빨라지지 않음"
    print(f"{name:14s}: 0의 비율 {(x == 0).float().mean().item():6.1%}, "
          f"시간 비율 {ratio[name]:.2f}배 → {verdict}")
none_faster = all(r >= 1 / FASTER for r in ratio.values())
# --8<-- [end:timing]

relu_zero_fraction = (inputs["ReLU(randn)"] == 0).float().mean().item()
