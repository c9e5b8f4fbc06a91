"""0을 건너뛰면 언제 빨라지는가: 0이 규칙적이거나(죽은 유닛의 열) 아주 많을 때(CSR 희소 행렬)."""

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
# 0을 실제로 건너뛰는 두 방법과 보통의 밀집 곱셈을 번갈아 재서, 같은 회차의 밀집 시간과의 비율의 중앙값을 씁니다.
alive_idx = alive.nonzero().squeeze(1)
very_sparse_csr = very_sparse.to_sparse_csr()
relu_csr = relu_out.to_sparse_csr()
methods = {
    "밀집: ReLU(randn) @ W": lambda: relu_out @ W,
    "죽은 열을 빼고 곱하기": lambda: dead_columns[:, alive_idx] @ W[alive_idx],
    "CSR: 원소 99%가 0": lambda: very_sparse_csr @ W,
    "CSR: ReLU(randn)": lambda: relu_csr @ W,
}
assert torch.allclose(methods["죽은 열을 빼고 곱하기"](), dead_columns @ W, atol=1e-3)
assert torch.allclose(methods["CSR: 원소 99%가 0"](), very_sparse @ W, atol=1e-3)
REPEAT, WARMUP = 7, 2


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
base = times["밀집: ReLU(randn) @ W"]
speedup = {name: statistics.median(b / t for t, b in zip(ts, base)) for name, ts in times.items()}
# 시간은 실행마다, 프로세서마다 흔들립니다(CSR: ReLU(randn)은 한 기계에서 밀집의 0.8배, AVX-512 커널에서는 0.16배 속도).
# 그래서 밀집보다 이만큼 빨라졌는지만 출력합니다. 잰 속도는 FAST에서 멀리 떨어져 있습니다(1배 이하, 또는 5배 이상).
FAST = 3.0
fast = {name: speedup[name] >= FAST for name in methods}   # 밀집보다 FAST배 이상 빨라졌는가
for name in methods:
    verdict = f"밀집보다 {FAST:g}배 이상 빠름" if fast[name] else f"밀집보다 {FAST:g}배 빨라지지 않음"
    print(f"{name:<22} {verdict}")
# --8<-- [end:timing]

# 본문에서 인용하는 값: 시간 비율은 이 기계에서 잰 값이고 실행마다 흔들립니다(snippets.toml의 rel_tol)
speedup_dead_columns = speedup["죽은 열을 빼고 곱하기"]
speedup_csr_99 = speedup["CSR: 원소 99%가 0"]
speedup_csr_relu = speedup["CSR: ReLU(randn)"]
macs_dead_fraction = useful_macs(dead_columns) / dense_macs
macs_sparse_fraction = useful_macs(very_sparse) / dense_macs
macs_relu_fraction = useful_macs(relu_out) / dense_macs

# "절반의 뉴런만 활성화 → 계산 효율적"의 판정: 0을 건너뛰는 세 경우마다 위에 출력한 판정으로 봅니다
# (보통의 밀집 곱셈은 0을 건너뛰지 않습니다: sparsity_speed.py)
sparsity_claim = verdicts.claim(
    relu_zeros_csr=fast["CSR: ReLU(randn)"],          # ReLU 출력의 흩어진 0(약 절반)을 CSR로 건너뛰면 빨라지는가
    dead_columns=fast["죽은 열을 빼고 곱하기"],         # 0이 규칙적일 때(죽은 유닛의 열) 그 열을 빼고 곱하면 빨라지는가
    very_sparse_csr=fast["CSR: 원소 99%가 0"],         # 0이 아주 많을 때(원소의 99%) CSR로 건너뛰면 빨라지는가
)
