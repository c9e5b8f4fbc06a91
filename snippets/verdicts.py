"""이 사이트의 모든 판정을 내리는 하나의 규칙입니다 (판정 규칙 페이지: experiments/methods).

두 설정 A와 B를 비교할 때 흔들림은 두 곳에서 옵니다.

1. 시드: 초기화와 미니배치 순서가 바뀌면 같은 설정도 결과가 다릅니다.
2. 평가 데이터: 모든 시드가 같은 평가 예제 n개로 채점되므로, 다른 n개를 뽑았다면 정확도가 달랐을 것입니다.

compare()는 두 흔들림을 함께 다시 뽑는 부트스트랩(시드는 설정마다 복원 추출, 평가 예제는 두 설정에
같은 것을 복원 추출)으로 차이 A − B의 95% 구간을 구하고, 판정 세 가지 가운데 하나를 냅니다.

- "distinguishable" (구별됨): 구간이 0을 포함하지 않음
- "not distinguishable" (구별되지 않음): 구간이 0을 포함함
- "inconclusive" (판단 보류): CPU 경로(연산 커널)에 따라 위 판정이 바뀜. 이때 코드는
  compare(..., moves_between_cpus=True)로 밝히고, 규칙은 판정을 내리지 않습니다

compare_times()는 시간을 잰 비교에 쓰는 같은 규칙입니다. 같은 회차에 번갈아 잰 두 시간의 비율을 회차를
다시 뽑아 구간을 내되, 비율이 1/2 ~ 2 안이면 구별됨이라고 하지 않습니다(TIME_RATIO_MARGIN).

claim()은 원문의 주장 하나를 그 주장을 잰 조건들의 결과로 판정합니다.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LEVEL = 0.95        # 구간의 신뢰 수준
TIME_RATIO_MARGIN = 2.0  # 시간 비율이 1/2 ~ 2 안이면 "구별됨"이라고 하지 않음: 같은 코드의 시간 비율도
                         # 기계의 부하와 CPU 커널에 따라 이만큼 움직입니다(사이트의 모든 시간 측정에 같은 값)
VANISHING_RATIO = 1e-2  # 첫 은닉층과 마지막 은닉층의 기울기 노름 비율이 이보다 작으면 "기울기가 소실됨"
RESAMPLES = 4000    # 부트스트랩 반복 횟수
BOOTSTRAP_SEED = 0  # 다시 뽑기의 난수 시드: 같은 입력이면 늘 같은 구간

DISTINGUISHABLE = "distinguishable"
NOT_DISTINGUISHABLE = "not distinguishable"
INCONCLUSIVE = "inconclusive"

HOLDS = "holds"                  # 맞음: 잰 모든 조건에서 주장대로
CONDITIONAL = "conditional"      # 조건부: 일부 조건에서만 주장대로
WRONG = "wrong"                  # 틀림: 잰 어느 조건에서도 주장대로가 아님
NOT_SUPPORTED = "not supported"  # 뒷받침 안 됨: 주장한 차이가 구별되지 않음

WORDS = {  # 출력에 찍는 한국어 낱말
    DISTINGUISHABLE: "구별됨",
    NOT_DISTINGUISHABLE: "구별되지 않음",
    INCONCLUSIVE: "판단 보류",
    HOLDS: "맞음",
    CONDITIONAL: "조건부",
    WRONG: "틀림",
    NOT_SUPPORTED: "뒷받침 안 됨",
}


@dataclass(frozen=True)
class Comparison:
    """A − B의 차이와 그 95% 구간, 그리고 판정."""

    verdict: str
    difference: float  # 점추정: A의 평균 − B의 평균 (시드와 평가 예제 전체)
    low: float          # 95% 구간의 아래 끝
    high: float         # 95% 구간의 위 끝
    seeds: int          # 설정마다의 시드 수 (두 설정이 다르면 작은 쪽)
    examples: int       # 평가 예제 수
    digits: int = 4     # 페이지와 출력에 보일 소수 자릿수

    def __str__(self) -> str:
        d = self.digits
        return (f"차이 {self.difference:+.{d}f}, 95% 구간 [{self.low:+.{d}f}, {self.high:+.{d}f}] "
                f"→ {WORDS[self.verdict]}")


@dataclass(frozen=True)
class TimeComparison:
    """시간 A / 시간 B의 비율(회차별 비율의 기하 평균)과 그 95% 구간, 그리고 판정."""

    verdict: str
    ratio: float   # 점추정: A의 시간 / B의 시간
    low: float     # 95% 구간의 아래 끝 (비율)
    high: float    # 95% 구간의 위 끝 (비율)
    rounds: int    # 번갈아 잰 회차 수

    @property
    def difference(self) -> float:
        """claim_of_difference()가 보는 방향: 양수면 A가 더 오래 걸림."""
        return float(np.log(self.ratio))

    def __str__(self) -> str:
        return (f"시간 비율 ×{self.ratio:.2f}, 95% 구간 [×{self.low:.2f}, ×{self.high:.2f}] "
                f"→ {WORDS[self.verdict]}")


@dataclass(frozen=True)
class Claim:
    """원문의 주장 하나에 대한 판정과, 주장대로였던 조건의 수."""

    verdict: str
    held: int     # 주장대로였던 조건 수
    checked: int  # 잰 조건 수

    def __str__(self) -> str:
        return f"{WORDS[self.verdict]} (잰 조건 {self.checked}개 가운데 {self.held}개에서 주장대로)"


def _scores(values, name: str) -> np.ndarray:
    """시드 × 평가 예제 모양의 점수 (정확도라면 맞힘 1, 틀림 0; 회귀라면 예제별 손실)."""
    array = np.asarray(values, dtype=np.float64)
    if array.ndim == 1:  # 평가 예제가 없는 값(시드마다 하나): 예제 하나로 봅니다
        array = array[:, None]
    if array.ndim != 2 or array.shape[0] < 2:
        raise ValueError(f"{name}: 시드 2개 이상 × 평가 예제의 점수가 필요합니다 (받은 모양 {array.shape})")
    return array


def _interval(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """A − B의 점추정과 95% 부트스트랩 구간. a, b: 시드 × 평가 예제의 점수 (같은 평가 예제, 같은 순서)."""
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"두 설정의 평가 예제 수가 다릅니다: {a.shape[1]}, {b.shape[1]}")
    n = a.shape[1]
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    # 평가 예제는 두 설정에 같은 것을 뽑고(짝지은 비교), 시드는 설정마다 따로 뽑습니다.
    example_counts = rng.multinomial(n, np.full(n, 1.0 / n), size=RESAMPLES)       # 반복 × 예제
    seed_counts_a = rng.multinomial(len(a), np.full(len(a), 1.0 / len(a)), size=RESAMPLES)
    seed_counts_b = rng.multinomial(len(b), np.full(len(b), 1.0 / len(b)), size=RESAMPLES)
    mean_a = np.einsum("rs,rs->r", seed_counts_a, example_counts @ a.T) / (len(a) * n)
    mean_b = np.einsum("rs,rs->r", seed_counts_b, example_counts @ b.T) / (len(b) * n)
    low, high = np.quantile(mean_a - mean_b, [(1 - LEVEL) / 2, (1 + LEVEL) / 2])
    return float(a.mean() - b.mean()), float(low), float(high)


def compare(a, b, *, digits: int = 4, moves_between_cpus: bool = False) -> Comparison:
    """설정 A와 B를 비교합니다. a, b: 시드 × 평가 예제의 점수.

    moves_between_cpus=True: 판정이 CPU 경로에 따라 바뀌는 비교(실행기가 알려 줍니다). 구간은 그대로
    보이고 판정은 "판단 보류"가 됩니다. 기준을 옮겨 판정을 지키지 않습니다.
    """
    a, b = _scores(a, "a"), _scores(b, "b")
    difference, low, high = _interval(a, b)
    if moves_between_cpus:
        verdict = INCONCLUSIVE
    elif low > 0 or high < 0:
        verdict = DISTINGUISHABLE
    else:
        verdict = NOT_DISTINGUISHABLE
    return Comparison(verdict, difference, low, high, min(len(a), len(b)), a.shape[1], digits)


def vanishes(ratio: float) -> bool:
    """깊은 신경망에서 기울기가 소실되었는가: 첫 은닉층 기울기 노름 / 마지막 은닉층 기울기 노름 < VANISHING_RATIO.

    "X: 기울기 소실 없음" 같은 주장은 모두 같은 조건에서 잽니다: 함수 자체(큰 |x|에서도 도함수가 0으로
    줄지 않는가), 기본 초기화의 깊은 신경망, He 초기화의 깊은 신경망.
    """
    return ratio < VANISHING_RATIO


def compare_times(a, b, *, moves_between_cpus: bool = False) -> TimeComparison:
    """같은 회차에 번갈아 잰 두 시간 목록(a[i]와 b[i]가 같은 회차)을 비교합니다.

    회차마다 log(a/b)를 구해 회차를 복원 추출하는 부트스트랩으로 평균의 95% 구간을 냅니다. 구간 전체가
    TIME_RATIO_MARGIN배 밖에 있을 때만 구별됨입니다: 부하나 CPU 커널이 만드는 흔들림은 판정을 넘지 못합니다.
    """
    log_ratios = np.log(np.asarray(a, dtype=np.float64)) - np.log(np.asarray(b, dtype=np.float64))
    if log_ratios.ndim != 1 or len(log_ratios) < 2:
        raise ValueError(f"compare_times(): 회차 2개 이상의 같은 길이 시간 목록이 필요합니다 (받은 모양 {log_ratios.shape})")
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    counts = rng.multinomial(len(log_ratios), np.full(len(log_ratios), 1.0 / len(log_ratios)), size=RESAMPLES)
    means = counts @ log_ratios / len(log_ratios)
    low, high = np.exp(np.quantile(means, [(1 - LEVEL) / 2, (1 + LEVEL) / 2]))
    if moves_between_cpus:
        verdict = INCONCLUSIVE
    elif low > TIME_RATIO_MARGIN or high < 1 / TIME_RATIO_MARGIN:
        verdict = DISTINGUISHABLE
    else:
        verdict = NOT_DISTINGUISHABLE
    return TimeComparison(verdict, float(np.exp(log_ratios.mean())), float(low), float(high), len(log_ratios))


def claim(**conditions: bool) -> Claim:
    """주장 하나를 잰 조건마다 주장대로였는지(True/False)로 판정합니다: 모두 → 맞음, 없음 → 틀림, 일부 → 조건부."""
    if not conditions:
        raise ValueError("claim(): 잰 조건이 하나도 없습니다")
    held = sum(bool(v) for v in conditions.values())
    verdict = HOLDS if held == len(conditions) else WRONG if held == 0 else CONDITIONAL
    return Claim(verdict, held, len(conditions))


def claim_of_difference(comparison: Comparison | TimeComparison, claimed_sign: int) -> Claim:
    """"A가 B보다 높다"(claimed_sign=+1) 또는 "낮다"(−1)는 주장을 비교 결과로 판정합니다.

    구별되고 방향이 맞음 → 맞음, 구별되고 방향이 반대 → 틀림, 구별되지 않음 → 뒷받침 안 됨,
    판단 보류 → 판단 보류.
    """
    if claimed_sign not in (1, -1):
        raise ValueError("claimed_sign은 +1 또는 −1입니다")
    if comparison.verdict == INCONCLUSIVE:
        return Claim(INCONCLUSIVE, 0, 1)
    if comparison.verdict == NOT_DISTINGUISHABLE:
        return Claim(NOT_SUPPORTED, 0, 1)
    agrees = (comparison.difference > 0) == (claimed_sign > 0)
    return Claim(HOLDS if agrees else WRONG, int(agrees), 1)
