"""활성화 함수의 계산 비용이 학습 스텝 전체에서 얼마나 차지하는가: MLP 한 스텝(순전파+역전파+Adam)의 시간과,
같은 크기의 텐서에서 활성화 함수 하나만의 시간을 ReLU와 비교합니다."""

import statistics
import time

import torch
import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

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

# --8<-- [start:function]
# 같은 MLP의 은닉층 출력 크기(BATCH × WIDTH)에서, 활성화 함수 하나만의 순전파 + 역전파 시간을 잽니다.
h = torch.randn(BATCH, WIDTH, requires_grad=True)
grad_h = torch.ones(BATCH, WIDTH)
FN_CALLS = 10


def time_function(fn):
    """함수 하나의 순전파 + 역전파를 FN_CALLS번 하는 CPU 시간."""
    start = time.thread_time()
    for _ in range(FN_CALLS):
        h.grad = None
        fn(h).backward(grad_h)
    return time.thread_time() - start


# 학습 스텝을 잰 여섯 함수에 PReLU를 더합니다 (PReLU의 학습 스텝 전체는 재지 않습니다).
functions = {name: act() for name, act in {**ACTIVATIONS, "PReLU": nn.PReLU}.items()}
fn_times = {name: [] for name in functions}
for rep in range(WARMUP + REPEAT):
    for name, fn in functions.items():
        t = time_function(fn)
        if rep >= WARMUP:
            fn_times[name].append(t)
fn_ratio = {name: statistics.median(t / r for t, r in zip(ts, fn_times["ReLU"])) for name, ts in fn_times.items()}
# 회차마다 잰 시간을 ReLU의 시간과 비교합니다 (사이트의 판정 규칙의 시간 비교: 같은 회차끼리의 비율, 1/2 ~ 2배 안은 구별하지 않음).
# Sigmoid는 CPU에 따라 판정이 바뀝니다: 어떤 CPU 커널에서는 ReLU보다 분명히 느리고, 다른 커널에서는 ReLU와 거의 같습니다.
# 판정 규칙대로 이런 비교는 판단 보류로 둡니다.
MOVES_BETWEEN_CPUS = {"Sigmoid"}
fn_versus_relu = {name: verdicts.compare_times(fn_times[name], fn_times["ReLU"], moves_between_cpus=name in MOVES_BETWEEN_CPUS)
                  for name in functions}
for name, versus_relu in fn_versus_relu.items():
    if versus_relu.verdict == verdicts.INCONCLUSIVE:
        verdict = "CPU에 따라 바뀜 (판단 보류)"
    elif versus_relu.verdict == verdicts.DISTINGUISHABLE and versus_relu.difference > 0:
        verdict = "ReLU보다 느림"
    else:
        verdict = "ReLU보다 느리다고 할 수 없음"
    print(f"{name:10s}: 함수 하나만 ReLU의 {fn_ratio[name]:.1f}배 → {verdict}")
# --8<-- [end:function]
del versus_relu, verdict, fn, t

# 본문에서 인용하는 값 (이 CPU에서 잰 값입니다)
fn_ratio_sigmoid = fn_ratio["Sigmoid"]
fn_ratio_elu = fn_ratio["ELU"]
fn_ratio_tanh = fn_ratio["Tanh"]
fn_ratio_gelu = fn_ratio["GELU"]
fn_ratio_leaky = fn_ratio["Leaky ReLU"]
fn_ratio_prelu = fn_ratio["PReLU"]
n_rounds = REPEAT


# 흔히 하는 말 vs 측정 결과의 판정: "X는 ReLU보다 계산 비용이 높다"는 주장을 함수마다 같은 두 조건에서 봅니다.
def cost_claim(name):
    versus_relu = fn_versus_relu[name]
    if versus_relu.verdict == verdicts.INCONCLUSIVE:
        # 함수 하나만의 판정이 CPU에 따라 바뀌면 주장 전체의 판정도 바뀌므로, 주장도 판단 보류입니다.
        return verdicts.claim_of_difference(versus_relu, +1)
    return verdicts.claim(
        # 함수 하나만 재면 ReLU보다 느린가 (위 function 절의 판정)
        function_alone=versus_relu.verdict == verdicts.DISTINGUISHABLE and versus_relu.difference > 0,
        training_step=step_ratio[name] >= LIMIT,   # MLP 학습 스텝 전체가 ReLU의 LIMIT배 이상인가 (위 timing 절의 판정)
    )


sigmoid_cost_claim = cost_claim("Sigmoid")
elu_cost_claim = cost_claim("ELU")
tanh_cost_claim = cost_claim("Tanh")


# 다른 페이지가 인용하는 "함수 하나만 재면 ReLU보다 느리다"의 판정 (위 function 절의 비교 그대로):
# 느리다고 구별되면 맞음, 빠르다고 구별되면 틀림, 구별되지 않으면 뒷받침 안 됨, CPU에 따라 바뀌면 판단 보류
sigmoid_alone_slower = verdicts.claim_of_difference(fn_versus_relu["Sigmoid"], +1)
elu_alone_slower = verdicts.claim_of_difference(fn_versus_relu["ELU"], +1)
gelu_alone_slower = verdicts.claim_of_difference(fn_versus_relu["GELU"], +1)
leaky_alone_slower = verdicts.claim_of_difference(fn_versus_relu["Leaky ReLU"], +1)


def not_slower(name):
    """함수 하나만 잰 시간이 ReLU보다 길다고 구별되지 않는가 (같은 규칙의 시간 비교)."""
    versus_relu = fn_versus_relu[name]
    return not (versus_relu.verdict == verdicts.DISTINGUISHABLE and versus_relu.difference > 0)


# "Leaky ReLU / PReLU: ReLU와 거의 동일한 속도"의 판정. "거의 같다"를 "ReLU보다 느리다고 구별되지 않는다"로 읽습니다.
# 둘 가운데 하나라도 CPU에 따라 판정이 바뀌면 주장도 판단 보류입니다.
if any(fn_versus_relu[name].verdict == verdicts.INCONCLUSIVE for name in ("Leaky ReLU", "PReLU")):
    leaky_prelu_speed_claim = verdicts.Claim(verdicts.INCONCLUSIVE, 0, 2)
else:
    leaky_prelu_speed_claim = verdicts.claim(
        leaky=not_slower("Leaky ReLU"),   # Leaky ReLU 하나만의 시간이 ReLU보다 길다고 구별되지 않는가
        prelu=not_slower("PReLU"),        # PReLU 하나만의 시간이 ReLU보다 길다고 구별되지 않는가
    )
