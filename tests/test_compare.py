"""The comparison the snippet tests rely on: text exact, numbers within a tolerance, a readable report."""

from __future__ import annotations

from snippet_runner.compare import Drift, compare_text, compare_values, drift_report


def test_numbers_within_the_tolerance_are_equal() -> None:
    assert compare_text("정확도 0.9537\n", "정확도 0.95370004\n", rel_tol=1e-6, abs_tol=0) == []
    assert compare_text("정확도 0.9537\n", "정확도 0.9538\n", rel_tol=1e-6, abs_tol=0) == [Drift("line 1", "0.9537", "0.9538")]


def test_a_number_after_hangul_is_a_number() -> None:
    assert compare_text("기울기0.5\n", "기울기0.6\n", rel_tol=1e-6, abs_tol=0) == [Drift("line 1", "0.5", "0.6")]


def test_digits_in_names_are_text() -> None:
    drifts = compare_text("ReLU6 값 1\n", "ReLU7 값 1\n", rel_tol=1, abs_tol=1)
    assert len(drifts) == 1 and drifts[0].where == "text changed" and "ReLU7" in drifts[0].new


def test_unicode_minus_and_exponents_compare_as_numbers() -> None:
    assert compare_text("−1.5e-03\n", "-1.5e-03\n", rel_tol=1e-9, abs_tol=0) == []
    assert compare_text("1e-3\n", "2e-3\n", rel_tol=0.1, abs_tol=0) == [Drift("line 1", "1e-3", "2e-3")]


def test_nan_equals_only_nan() -> None:
    assert compare_values({"v": float("nan")}, {"v": float("nan")}, 1e-6, 0) == []
    assert compare_values({"v": float("nan")}, {"v": 1.0}, 1e-6, 0) == [Drift("value v", "nan", "1.0")]


def test_values_that_appear_or_vanish_and_non_numbers_are_drift() -> None:
    drifts = compare_values({"a": 1, "name": "ReLU"}, {"name": "GELU", "b": True}, 1e-6, 0)
    assert [d.where for d in drifts] == ["value a", "value b", "value name"]


def test_a_line_added_is_a_text_change() -> None:
    drifts = compare_text("a 1\n", "a 1\nb 2\n", 1e-6, 0)
    assert drifts[0].where == "text changed" and "+b 2" in drifts[0].new


def test_the_report_names_snippet_pages_drifts_and_the_accept_command() -> None:
    report = drift_report("demo/x.py", [Drift("value acc", "0.9", "0.8")], ["docs/a.md", "docs/b.md"])
    assert report.splitlines() == [
        "demo/x.py no longer matches its frozen output (used by docs/a.md, docs/b.md):",
        "  value acc: 0.9 → 0.8",
        "If the new values are right, accept them with: make accept SNIPPET=demo/x.py",
    ]
