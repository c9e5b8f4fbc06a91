"""활성화 함수의 계산 비용이 학습 스텝 전체에서 얼마나 차지하는가: MLP 한 스텝(순전파+역전파+Adam)의 시간을 ReLU와 비교합니다."""

import statistics
import time

import torch
import torch.nn as nn

# --8<-- [start:timing]
torch.set_num_threads(1)
torch.manual_seed(0)
WIDTH, BATCH, CALLS, REPEAT, WARMUP = 512, 256, 2, 7, 2
x = torch.randn(BATCH, WIDTH)
y = torch.randint(0, 10, (BATCH,))
ACTIVATIONS = {"ReLU": nn.ReLU, "Leaky ReLU": nn.LeakyReLU, "ELU": nn.ELU,
               "Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh, "GELU": nn.GELU}


def make_step(act):
    """은닉층 3개(너비 512)짜리 MLP의 학습 스텝 하나를 돌려줍니다."""
    model = nn.Sequential(nn.Linear(WIDTH, WIDTH), act(), nn.Linear(WIDTH, WIDTH), act(),
                          nn.Linear(WIDTH, WIDTH), act(), nn.Linear(WIDTH, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)

    def step():
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    return step


def measure():
    """함수를 번갈아 가며 재고, 같은 회차의 ReLU 시간과의 비율의 중앙값을 돌려줍니다."""
    steps = {name: make_step(act) for name, act in ACTIVATIONS.items()}
    times = {name: [] for name in steps}
    for rep in range(WARMUP + REPEAT):
        for name, step in steps.items():
            start = time.thread_time()   # 이 스레드가 CPU를 쓴 시간만 셉니다 (기계가 바빠도 덜 흔들림)
            for _ in range(CALLS):
                step()
            if rep >= WARMUP:
                times[name].append(time.thread_time() - start)
    return {name: statistics.median(t / r for t, r in zip(ts, times["ReLU"])) for name, ts in times.items()}


step_ratio = measure()
LIMIT = 2   # 판정 기준. 비율은 실행과 CPU에 따라 소수 첫째 자리가 흔들리므로, 흔들림이 넘을 수 없는 폭으로 정합니다
for name, r in step_ratio.items():
    print(f"{name:10s}: 학습 스텝 시간이 ReLU의 {r:.2f}배 → {LIMIT}배 {'미만' if r < LIMIT else '이상'}")
all_below_limit = all(r < LIMIT for r in step_ratio.values())
# --8<-- [end:timing]
del r
