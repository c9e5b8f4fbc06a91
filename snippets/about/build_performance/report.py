# 빌드 성능: `make bench`가 측정해 results.json에 쓴 값을 읽어 표의 수치와 그림을 만듭니다.
import json
from pathlib import Path

import matplotlib.pyplot as plt

# --8<-- [start:load]
results = json.loads(Path(__file__).with_name("results.json").read_text(encoding="utf-8"))
scenarios = results["scenarios"]
median = {name: scenarios[name]["median"] for name in results["order"]}
runs = {name: scenarios[name]["seconds"] for name in results["order"]}

warm_vs_plain = median["warm"] / median["plain"]
naive_vs_warm = median["naive"] / median["warm"]
cold_vs_naive = median["cold"] / median["naive"]
full_vs_naive = median["full"] / median["naive"]   # 목표 없음: 코드마다 CPU 경로 셋에서 실행합니다
# 목표는 측정한 `make bench`가 results.json의 targets에 함께 적습니다.
targets = results["targets"]
# --8<-- [end:load]

cold_s, warm_s, changed_s = median["cold"], median["warm"], median["one_changed"]
plain_s, naive_s, full_s = median["plain"], median["naive"], median["full"]
snippet_count = results["snippets"]
changed_snippet = results["changed_snippet"]
repetitions = results["repetitions"]
quick_repetitions = repetitions * results["quick_repetitions"]
stale_after = results["stale_after"]
stale_torch = stale_after["upgrade:torch"]
stale_numpy = stale_after["upgrade:numpy"]
stale_matplotlib = stale_after["upgrade:matplotlib"]
stale_local = stale_after["local_files"]
standalone_failures = len(results["standalone_failures"])  # `python 코드.py`로 혼자 실행하면 실패하는 코드
targets_met = sum(target["met"] for target in targets.values())
verdicts = {name: "달성" if target["met"] else "미달" for name, target in targets.items()}
warm_vs_plain_verdict = verdicts["warm_vs_plain"]
naive_vs_warm_verdict = verdicts["naive_vs_warm"]
cold_vs_naive_verdict = verdicts["cold_vs_naive"]
warm_vs_plain_limit = targets["warm_vs_plain"]["limit"]
naive_vs_warm_limit = targets["naive_vs_warm"]["limit"]
cold_vs_naive_limit = targets["cold_vs_naive"]["limit"]
reruns = targets["one_changed_reruns_one"]
one_changed_reran = ", ".join(reruns["reran"]) or "없음"  # 코드 하나 수정 빌드들에서 다시 실행된 코드
one_changed_most = reruns["most"]  # 그 빌드 하나에서 다시 실행된 코드 수의 최댓값
one_changed_verdict = verdicts["one_changed_reruns_one"]

machine = results["machine"]
cpu_model = machine["cpu_model"]
cores = machine["cores"]
memory_gib = machine["memory_gib"]
load_range = f"{machine['load_min']:.2f}–{machine['load_max']:.2f}"
measured_on = results["measured_at"][:10]
commit = results["commit"]
versions = results["versions"]
# 측정 전체에 걸린 시간(모든 빌드의 합), 다시 측정할 때 얼마나 걸리는지 알리기 위해
bench_minutes = sum(sum(runs[name]) for name in results["order"]) / 60
software = ", ".join(f"{name} {versions[name]}" for name in ("python", "mkdocs", "mkdocs-material", "torch", "numpy", "matplotlib"))

# 빌드 상황마다 그림과 출력에 쓰는 이름
LABELS = {
    "cold": "처음 빌드",
    "full": "처음 빌드 + CPU 경로 검사",
    "naive": "모두 다시 실행",
    "one_changed": "코드 하나 수정",
    "plain": "실행기 끔",
    "warm": "바뀐 것 없음",
}
for name in results["order"]:
    each = ", ".join(f"{seconds:.2f}" for seconds in runs[name])
    print(f"{LABELS[name]}: 중앙값 {median[name]:.2f} s / 각 반복 {each}")

# --8<-- [start:figure]
order = results["order"][::-1]  # 위에서부터 처음 빌드, ..., 모두 다시 실행
fig, ax = plt.subplots(figsize=(7.5, 3.6))
ax.barh([LABELS[name] for name in order], [median[name] for name in order], color="#5c6bc0", alpha=0.8)
for row, name in enumerate(order):
    ax.plot(runs[name], [row] * len(runs[name]), "o", color="black", markersize=3)
    ax.annotate(f"{median[name]:.1f} s", (median[name], row), xytext=(6, 0), textcoords="offset points", va="center")
ax.set_xscale("log")
ax.set_xlim(min(min(r) for r in runs.values()) / 2, max(max(r) for r in runs.values()) * 3)
ax.set_xlabel("빌드 시간 (초, 로그 눈금) — 막대는 중앙값, 점은 각 반복")
ax.set_title(f"코드 {snippet_count}개인 이 사이트의 빌드 시간")
fig.tight_layout()
# --8<-- [end:figure]
