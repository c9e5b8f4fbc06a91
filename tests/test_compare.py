"""The comparison the snippet tests rely on: text exact, numbers within a tolerance, a readable report."""

from __future__ import annotations

from snippet_runner.compare import Drift, compare_text, compare_values, drift_report
from snippet_runner.drift_rules import Tolerance


def test_numbers_within_the_tolerance_are_equal() -> None:
    assert compare_text("정확도 0.9537\n", "정확도 0.95370004\n", Tolerance(1e-6, 0)) == []
    assert compare_text("정확도 0.9537\n", "정확도 0.9538\n", Tolerance(1e-6, 0)) == [
        Drift("line 1", "0.9537", "0.9538")
    ]


def test_a_number_after_hangul_is_a_number() -> None:
    assert compare_text("기울기0.5\n", "기울기0.6\n", Tolerance(1e-6, 0)) == [Drift("line 1", "0.5", "0.6")]


def test_digits_in_names_are_text() -> None:
    drifts = compare_text("ReLU6 값 1\n", "ReLU7 값 1\n", Tolerance(1, 1))
    assert len(drifts) == 1 and drifts[0].where == "text changed" and "ReLU7" in drifts[0].new


def test_unicode_minus_and_exponents_compare_as_numbers() -> None:
    assert compare_text("−1.5e-03\n", "-1.5e-03\n", Tolerance(1e-9, 0)) == []
    assert compare_text("1e-3\n", "2e-3\n", Tolerance(0.1, 0)) == [Drift("line 1", "1e-3", "2e-3")]


def test_nan_equals_only_nan() -> None:
    assert compare_values({"v": float("nan")}, {"v": float("nan")}, Tolerance(1e-6, 0)) == []
    assert compare_values({"v": float("nan")}, {"v": 1.0}, Tolerance(1e-6, 0)) == [Drift("value v", "nan", "1.0")]


def test_values_that_appear_or_vanish_and_non_numbers_are_drift() -> None:
    drifts = compare_values({"a": 1, "name": "ReLU"}, {"name": "GELU", "b": True}, Tolerance(1e-6, 0))
    assert [d.where for d in drifts] == ["value a", "value b", "value name"]


def test_padding_may_change_but_a_space_may_not_vanish() -> None:
    """A column moves when a number gains a digit or a label is translated; words must stay apart."""
    assert compare_text("ReLU     | 9.5 |\n", "Squared ReLU | 10.5 |\n", Tolerance(0.2, 0))[0].where == "text changed"
    assert compare_text("ReLU  |  9.5 |\n", "ReLU | 9.5   |\n", Tolerance(1e-6, 0)) == []
    assert compare_text("  9.5 10.5\n", "9.5  10.5\n", Tolerance(1e-6, 0)) == []
    assert compare_text("9.5 10.5\n", "9.510.5\n", Tolerance(1e-6, 0))[0].where == "text changed"


def test_a_line_added_is_a_text_change() -> None:
    drifts = compare_text("a 1\n", "a 1\nb 2\n", Tolerance(1e-6, 0))
    assert drifts[0].where == "text changed" and "+b 2" in drifts[0].new


def test_the_report_names_snippet_pages_drifts_and_the_accept_command() -> None:
    report = drift_report("demo/x.py", [Drift("value acc", "0.9", "0.8")], ["docs/a.md", "docs/b.md"])
    assert report.splitlines() == [
        "demo/x.py no longer matches its frozen output (used by docs/a.md, docs/b.md):",
        "  value acc: 0.9 → 0.8",
        "If the new values are right, accept them with: make accept SNIPPET=demo/x.py",
    ]


def test_a_timing_measurement_compares_numbers_within_its_factor() -> None:
    timing = Tolerance(1e-6, 1e-9, factor=3.0)
    assert compare_text("GELU 1.16배\n", "GELU 2.9배\n", timing) == []
    assert compare_text("GELU 1.16배\n", "GELU 3.6배\n", timing) == [Drift("line 1", "1.16", "3.6")]
    assert compare_text("GELU 1.16배\n", "GELU 0.3배\n", timing) == [Drift("line 1", "1.16", "0.3")]
    assert compare_values({"r": 2.0}, {"r": -2.0}, timing) == [Drift("value r", "2.0", "-2.0")], (
        "a sign change is not a factor"
    )
    assert compare_text("2배 미만\n", "2배 이상\n", timing)[0].where == "text changed", (
        "the words of a timing claim must not move"
    )
