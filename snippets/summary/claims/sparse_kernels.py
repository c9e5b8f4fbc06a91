"""ReLU 출력처럼 절반쯤 0인 입력은 계산을 빠르게 하는가. 참고로 0이 규칙적이거나(죽은 유닛의 열) 아주 많을 때(CSR 희소 행렬)도 잽니다."""

import statistics
import time
import warnings

import torch

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta")

# --8<-- [start:work]
torch.set_num_threads(1)
torch.manual_seed(0)
BATCH, D_IN, D_OUT = 512, 1024, 1024
W = torch.randn(D_IN, D_OUT)


def useful_macs(x):
    """x @ W에서 0이 아닌 x 원소가 참여하는 곱셈-덧셈의 수. 밀집 커널은 늘 BATCH·D_IN·D_OUT번을 합니다."""
    return int((x != 0).sum()) * D_OUT


z = torch.randn(BATCH, D_IN)
relu_out = torch.relu(z)                                          # 0이 약 절반, 위치는 제각각
DEAD_FRACTION = 0.9
alive = torch.rand(D_IN) >= DEAD_FRACTION                         # 유닛(열)의 90%가 죽은 층의 출력
dead_columns = relu_out * alive
SPARSE_FRACTION = 0.99
very_sparse = z * (torch.rand(BATCH, D_IN) >= SPARSE_FRACTION)    # 원소의 99%가 0, 위치는 제각각
dense_macs = BATCH * D_IN * D_OUT
cases = {"ReLU(randn)": relu_out, "죽은 열 90%": dead_columns, "원소 99%가 0": very_sparse}
print(f"밀집 행렬 곱셈의 곱셈-덧셈: {dense_macs:,}번 (0의 비율과 무관)")
for name, x in cases.items():
    print(f"{name:<12} 0의 비율 {(x == 0).float().mean().item():6.1%}, 0이 아닌 값의 곱셈-덧셈 {useful_macs(x):>12,}번 "
          f"(밀집의 {useful_macs(x) / dense_macs:.1%})")
# --8<-- [end:work]

# --8<-- [start:timing]
# 0을 실제로 건너뛰는 두 방법과 보통의 밀집 곱셈을 번갈아 잽니다. 기준은 0이 없는 입력(모든 뉴런이 활성화된 경우)의 밀집 곱셈입니다.
alive_idx = alive.nonzero().squeeze(1)
very_sparse_csr = very_sparse.to_sparse_csr()
relu_csr = relu_out.to_sparse_csr()
BASE = "밀집: randn @ W (0 없음)"
methods = {
    BASE: lambda: z @ W,
    "밀집: ReLU(randn) @ W": lambda: relu_out @ W,
    "CSR: ReLU(randn)": lambda: relu_csr @ W,
    "죽은 열을 빼고 곱하기": lambda: dead_columns[:, alive_idx] @ W[alive_idx],
    "CSR: 원소 99%가 0": lambda: very_sparse_csr @ W,
}
assert torch.allclose(methods["죽은 열을 빼고 곱하기"](), dead_columns @ W, atol=1e-3)
assert torch.allclose(methods["CSR: 원소 99%가 0"](), very_sparse @ W, atol=1e-3)
REPEAT, WARMUP = 9, 2


def measure():
    """방법을 번갈아 가며 재서, 회차마다의 시간을 돌려줍니다."""
    times = {name: [] for name in methods}
    for rep in range(WARMUP + REPEAT):
        for name, fn in methods.items():
            start = time.thread_time()          # 이 스레드의 CPU 시간: 다른 프로그램에 CPU를 내준 동안은 세지 않습니다
            fn()
            if rep >= WARMUP:
                times[name].append(time.thread_time() - start)
    return times


times = measure()
# 회차마다 잰 시간을 기준의 시간과 비교합니다 (사이트의 판정 규칙의 시간 비교: 같은 회차끼리의 비율, 1/2 ~ 2배 안은 구별하지 않음).
versus_base = {name: verdicts.compare_times(times[name], times[BASE]) for name in methods if name != BASE}
# 기준보다 빠른가: 시간의 차이가 구별되고, 시간이 더 짧음
faster = {name: c.verdict == verdicts.DISTINGUISHABLE and c.difference < 0 for name, c in versus_base.items()}
for name in versus_base:
    print(f"{name:<22} {'0 없는 밀집보다 빠름' if faster[name] else '0 없는 밀집보다 빠르다고 할 수 없음'}")
# --8<-- [end:timing]

# 본문에서 인용하는 값: 같은 회차의 기준 시간과의 비율의 중앙값. 이 기계에서 잰 값이고 실행마다, CPU마다 흔들립니다
speedup = {name: statistics.median(b / t for t, b in zip(ts, times[BASE])) for name, ts in times.items()}
speedup_dense_relu = speedup["밀집: ReLU(randn) @ W"]
speedup_dead_columns = speedup["죽은 열을 빼고 곱하기"]
speedup_csr_99 = speedup["CSR: 원소 99%가 0"]
speedup_csr_relu = speedup["CSR: ReLU(randn)"]
macs_dead_fraction = useful_macs(dead_columns) / dense_macs
macs_sparse_fraction = useful_macs(very_sparse) / dense_macs
macs_relu_fraction = useful_macs(relu_out) / dense_macs
n_rounds = REPEAT

# "절반의 뉴런만 활성화 → 계산 효율적"의 판정: 주장이 말하는 입력, 곧 약 절반이 0인 ReLU 출력에서만 봅니다.
# 죽은 열과 원소 99%가 0인 경우는 절반이 아니므로 판정에 넣지 않고, 본문에서 참고로만 보입니다.
sparsity_claim = verdicts.claim(
    dense=faster["밀집: ReLU(randn) @ W"],   # ReLU 출력을 보통의 밀집 곱셈에 넣으면 0 없는 입력보다 빨라지는가
    csr=faster["CSR: ReLU(randn)"],          # ReLU 출력의 흩어진 0을 CSR로 건너뛰면 0 없는 입력의 밀집 곱셈보다 빨라지는가
)
