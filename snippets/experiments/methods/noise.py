"""판정 규칙이 두 흔들림을 어떻게 세는지, 답을 아는 가짜 결과로 확인합니다."""

import numpy as np

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:binomial]
# 평가 예제가 n개이면, 정확도 p 근처의 정확도 하나는 예제를 다시 뽑는 것만으로 약 sqrt(p(1-p)/n) 흔들립니다.
n_test, p = 2000, 0.99
binomial_se = (p * (1 - p) / n_test) ** 0.5
print(f"평가 예제 {n_test}개, 정확도 {p}: 표준오차 {binomial_se:.4f} (예제 {binomial_se * n_test:.1f}개)")
# --8<-- [end:binomial]

# --8<-- [start:known]
# 답을 아는 가짜 실험: 시드마다 평가 예제 n개의 맞힘(1)/틀림(0)을 뽑습니다.
rng = np.random.default_rng(7)
SEEDS = 3


def fake_runs(accuracy):
    """정확도가 accuracy인 설정을 시드 SEEDS개로 학습했다고 치고, 시드 × 평가 예제의 맞힘을 만듭니다."""
    return rng.random((SEEDS, n_test)) < accuracy


same = verdicts.compare(fake_runs(0.990), fake_runs(0.990))    # 참 차이 0
small = verdicts.compare(fake_runs(0.991), fake_runs(0.989))   # 참 차이 0.002: 예제 4개
large = verdicts.compare(fake_runs(0.990), fake_runs(0.970))   # 참 차이 0.02: 예제 40개
print("참 차이 0     :", same)
print("참 차이 0.002 :", small)
print("참 차이 0.02  :", large)
# --8<-- [end:known]

n_seeds = SEEDS
level = verdicts.LEVEL
resamples = verdicts.RESAMPLES
time_margin = verdicts.TIME_RATIO_MARGIN
