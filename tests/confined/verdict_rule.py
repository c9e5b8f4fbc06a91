"""The one rule that draws every verdict (``snippets/verdicts.py``), checked on made-up results with known
answers. The rule is snippet code, so these checks run inside the sandbox, never in the test process:
``tests/test_verdicts.py`` starts them there (``pytest tests/confined/verdict_rule.py`` runs them
unconfined, for debugging only)."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from snippet_runner.worker import published_values
from snippet_site.language import ENGLISH, KOREAN

RULE_FILE = Path(__file__).resolve().parents[2] / "snippets" / "verdicts.py"


def load_rule():
    spec = importlib.util.spec_from_file_location("verdicts", RULE_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["verdicts"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


verdicts = load_rule()


def scores(accuracy_per_seed: list[float], n: int, shift: int = 0) -> np.ndarray:
    """Per-seed correctness on n shared test examples: seed s gets the first round(acc·n) examples
    (rotated by ``shift``) right, so the arms' errors overlap as real models' do."""
    rows = []
    for accuracy in accuracy_per_seed:
        row = np.zeros(n, dtype=bool)
        row[: round(accuracy * n)] = True
        rows.append(np.roll(row, shift))
    return np.array(rows)


def test_a_gap_of_a_few_test_examples_is_not_distinguishable_even_when_the_seeds_agree() -> None:
    # Review item A7: 0.0020 on 2,000 shared test examples is 4 examples. The seeds agree exactly, so a
    # rule that looks only at the seeds' spread (the old one) calls it distinguishable; the test set's
    # sampling error must not be ignored.
    # Every seed makes the same errors: A misses 22 test examples, B misses 26, ten of them shared.
    a_row, b_row = np.ones(2000, dtype=bool), np.ones(2000, dtype=bool)
    a_row[:22] = False
    b_row[12:38] = False
    a, b = np.tile(a_row, (3, 1)), np.tile(b_row, (3, 1))
    seed_spread = a.mean(axis=1).std() + b.mean(axis=1).std()
    result = verdicts.compare(a, b)
    assert result.difference == pytest.approx(0.0020)
    assert result.difference > seed_spread == 0, "the old rule (gap > sum of the seeds' SDs) said distinguishable"
    assert result.verdict == verdicts.NOT_DISTINGUISHABLE
    assert result.low < 0 < result.high


def test_a_large_difference_is_distinguishable_in_either_direction() -> None:
    good, poor = scores([0.99, 0.985, 0.99], 2000), scores([0.95, 0.955, 0.95], 2000, shift=7)
    ahead = verdicts.compare(good, poor)
    behind = verdicts.compare(poor, good)
    assert ahead.verdict == behind.verdict == verdicts.DISTINGUISHABLE
    assert 0 < ahead.low <= ahead.difference <= ahead.high
    assert behind.high < 0
    assert (ahead.seeds, ahead.examples) == (3, 2000)


def test_seed_to_seed_noise_alone_can_hide_a_difference() -> None:
    # One number per seed (no test set): seeds that scatter more than the gap are not distinguishable.
    assert verdicts.compare([0.50, 0.62, 0.55], [0.52, 0.60, 0.50]).verdict == verdicts.NOT_DISTINGUISHABLE
    assert verdicts.compare([0.90, 0.91, 0.92], [0.50, 0.51, 0.52]).verdict == verdicts.DISTINGUISHABLE


def test_the_same_inputs_give_the_same_interval() -> None:
    a, b = scores([0.97, 0.975, 0.98], 500), scores([0.96, 0.965, 0.97], 500, shift=3)
    assert verdicts.compare(a, b) == verdicts.compare(a, b)


def test_a_verdict_declared_to_move_between_cpu_paths_is_inconclusive_and_keeps_its_interval() -> None:
    a, b = scores([0.99, 0.985, 0.99], 2000), scores([0.95, 0.955, 0.95], 2000, shift=7)
    plain, moving = verdicts.compare(a, b), verdicts.compare(a, b, moves_between_cpus=True)
    assert moving.verdict == verdicts.INCONCLUSIVE
    assert (moving.low, moving.high) == (plain.low, plain.high)


def test_malformed_scores_are_refused_with_their_shape() -> None:
    with pytest.raises(ValueError, match="시드 2개 이상"):
        verdicts.compare([[1, 0, 1]], [[1, 1, 1]])
    with pytest.raises(ValueError, match="평가 예제 수가 다릅니다"):
        verdicts.compare(np.ones((3, 10)), np.ones((3, 11)))


@pytest.mark.parametrize(
    ("conditions", "verdict"),
    [({"x": True, "y": True}, "holds"), ({"x": True, "y": False}, "conditional"), ({"x": False}, "wrong")],
)
def test_a_claim_holds_under_all_conditions_some_or_none(conditions: dict, verdict: str) -> None:
    result = verdicts.claim(**conditions)
    assert result.verdict == verdict
    assert (result.held, result.checked) == (sum(conditions.values()), len(conditions))


def test_a_claim_needs_a_condition() -> None:
    with pytest.raises(ValueError):
        verdicts.claim()


def test_a_claimed_difference_is_judged_by_the_comparison() -> None:
    a, b = scores([0.99, 0.985, 0.99], 2000), scores([0.95, 0.955, 0.95], 2000, shift=7)
    same = scores([0.97, 0.97, 0.97], 2000)
    assert verdicts.claim_of_difference(verdicts.compare(a, b), +1).verdict == verdicts.HOLDS
    assert verdicts.claim_of_difference(verdicts.compare(a, b), -1).verdict == verdicts.WRONG
    assert verdicts.claim_of_difference(verdicts.compare(same, same), +1).verdict == verdicts.NOT_SUPPORTED
    moving = verdicts.compare(a, b, moves_between_cpus=True)
    assert verdicts.claim_of_difference(moving, +1).verdict == verdicts.INCONCLUSIVE


def test_the_vanishing_rule_is_one_threshold() -> None:
    assert verdicts.vanishes(verdicts.VANISHING_RATIO / 2)
    assert not verdicts.vanishes(verdicts.VANISHING_RATIO * 2)


def test_every_verdict_has_words_in_the_snippets_and_in_both_editions() -> None:
    codes = {
        verdicts.DISTINGUISHABLE,
        verdicts.NOT_DISTINGUISHABLE,
        verdicts.INCONCLUSIVE,
        verdicts.HOLDS,
        verdicts.CONDITIONAL,
        verdicts.WRONG,
        verdicts.NOT_SUPPORTED,
    }
    assert set(verdicts.WORDS) == codes
    assert set(KOREAN.verdicts) == set(ENGLISH.verdicts) == codes
    assert [verdicts.WORDS[c] for c in sorted(codes)] == [KOREAN.verdicts[c] for c in sorted(codes)]


def test_a_comparison_publishes_its_fields() -> None:
    result = verdicts.compare(scores([0.99, 0.985, 0.99], 200), scores([0.95, 0.955, 0.95], 200, shift=7))
    values = published_values({"order": result, "_hidden": result, "plain": 0.5, "Comparison": verdicts.Comparison})
    assert values["order.verdict"] == "distinguishable" and values["order.examples"] == 200
    assert {f"order.{f.name}" for f in dataclasses.fields(result)} | {"plain"} == set(values)


def test_times_within_the_margin_are_never_distinguishable_however_steady() -> None:
    # A steady 1.5x (ReLU output vs no zeros, Sigmoid vs ReLU on some kernels): load and CPU kernels move
    # a time ratio that much, so no verdict may rest on it.
    relu = [1.0, 1.1, 0.9, 1.05, 0.95, 1.0, 1.02]
    slower = [1.5 * t for t in relu]
    result = verdicts.compare_times(slower, relu)
    assert result.ratio == pytest.approx(1.5) and result.low == pytest.approx(1.5)
    assert result.verdict == verdicts.NOT_DISTINGUISHABLE


def test_times_far_beyond_the_margin_are_distinguishable_paired_by_round() -> None:
    # A busy round slows both functions: pairing by round keeps the ratio steady.
    relu = [1.0, 3.0, 1.1, 2.5, 0.9, 1.0, 4.0]
    elu = [5 * t * (1.1 if i % 2 else 0.9) for i, t in enumerate(relu)]
    result = verdicts.compare_times(elu, relu)
    assert result.verdict == verdicts.DISTINGUISHABLE and result.low > verdicts.TIME_RATIO_MARGIN
    assert verdicts.compare_times(relu, elu).verdict == verdicts.DISTINGUISHABLE
    assert verdicts.claim_of_difference(result, +1).verdict == verdicts.HOLDS
    assert verdicts.claim_of_difference(verdicts.compare_times(relu, elu), +1).verdict == verdicts.WRONG
