"""활성화 함수의 계산 비용을 잽니다: 순전파+역전파 시간을 같은 회차의 ReLU 시간으로 나눈 비율의 중앙값."""

import statistics
import time

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:timing]
torch.set_num_threads(1)            # 스레드 하나로 잽니다
torch.manual_seed(0)
N, CALLS, REPEAT, WARMUP = 100_000, 10, 21, 3
x = torch.randn(N, requires_grad=True)   # float32 원소 10만 개 (400 KB, CPU 캐시에 들어가는 크기)
grad_out = torch.ones(N)

activations = {
    "ReLU": nn.ReLU(),
    "LeakyReLU": nn.LeakyReLU(0.01),
    "PReLU": nn.PReLU(),
    "ELU": nn.ELU(),
    "ReLU6": nn.ReLU6(),
    "SELU": nn.SELU(),
    "Sigmoid": nn.Sigmoid(),
    "Tanh": nn.Tanh(),
    "GELU (erf)": nn.GELU(),
    "GELU (tanh)": nn.GELU(approximate="tanh"),
    "SiLU": nn.SiLU(),
    "Softplus": nn.Softplus(),
    "Mish": nn.Mish(),
    "Hardsigmoid": nn.Hardsigmoid(),
    "Hardswish": nn.Hardswish(),
}


def run_once(fn):
    """순전파 + 역전파를 CALLS번 하는 데 쓴 CPU 시간 (다른 프로그램에 CPU를 내준 동안은 세지 않습니다)."""
    start = time.thread_time()
    for _ in range(CALLS):
        x.grad = None
        fn(x).backward(grad_out)
    return time.thread_time() - start


def measure():
    """함수를 번갈아 가며 재서, 기계의 부하가 바뀌어도 모든 함수에 비슷하게 영향을 주게 합니다."""
    times = {name: [] for name in activations}
    for rep in range(WARMUP + REPEAT):
        for name, fn in activations.items():
            t = run_once(fn)
            if rep >= WARMUP:
                times[name].append(t)
    return times


times = measure()
# 같은 회차에 잰 ReLU 시간과의 비율을 회차마다 구하고, 그 중앙값을 씁니다.
ratio = {name: statistics.median(t / r for t, r in zip(ts, times["ReLU"])) for name, ts in times.items()}
for name in activations:
    print(f"{name:<12} ReLU의 {ratio[name]:.1f}배")
# --8<-- [end:timing]

# 본문에서 인용하는 값 (이 기계에서 잰 값입니다)
ratio_leaky = ratio["LeakyReLU"]
ratio_prelu = ratio["PReLU"]
ratio_elu = ratio["ELU"]
ratio_relu6 = ratio["ReLU6"]
ratio_selu = ratio["SELU"]
ratio_sigmoid = ratio["Sigmoid"]
ratio_tanh = ratio["Tanh"]
ratio_gelu = ratio["GELU (erf)"]
ratio_gelu_tanh = ratio["GELU (tanh)"]
ratio_silu = ratio["SiLU"]

# 본문의 문장이 기대는 판정: 회차마다 잰 시간을 사이트의 판정 규칙으로 비교합니다 (같은 회차끼리의 비율, 1/2 ~ 2배 안은 구별하지 않음).
prelu_vs_leaky = verdicts.compare_times(times["PReLU"], times["LeakyReLU"])
gelu_tanh_vs_erf = verdicts.compare_times(times["GELU (tanh)"], times["GELU (erf)"])
# PReLU가 Leaky ReLU보다 느리다고 구별되는가
prelu_slower_than_leaky = prelu_vs_leaky.verdict == verdicts.DISTINGUISHABLE and prelu_vs_leaky.difference > 0
# GELU의 tanh 근사가 erf 형태보다 빠르다고 구별되지 않는가
gelu_tanh_not_faster = not (gelu_tanh_vs_erf.verdict == verdicts.DISTINGUISHABLE and gelu_tanh_vs_erf.difference < 0)
del prelu_vs_leaky, gelu_tanh_vs_erf
# "Leaky ReLU / PReLU: ReLU와 거의 동일한 속도"의 판정은 summary/claims/training_cost.py가 같은 규칙으로 냅니다.
