"""How a verdict travels from a snippet to a page: shown in each edition's words, refused when it moves
between CPU paths; and the rule itself (``snippets/verdicts.py``), checked inside the sandbox
(``tests/confined/verdict_rule.py``), since it is snippet code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from snippet_runner.cpu_paths import measure
from snippet_runner.drift_rules import Tolerance
from snippet_runner.sandbox import Sandbox
from snippet_site.expand import DirectiveError, PageContext, expand
from snippet_site.language import ENGLISH, KOREAN

ROOT = Path(__file__).resolve().parents[1]
RULE_CHECKS = ROOT / "tests" / "confined" / "verdict_rule.py"


def test_the_rule_passes_its_checks_inside_the_sandbox() -> None:
    with Sandbox.create(ROOT, memory_mb=2048, output_bytes=2**20, settings={"PYTHONDONTWRITEBYTECODE": "1"}) as sandbox:
        # From its own folder, with no configuration: a run may not list the checkout's top folder.
        options = [
            "-q",
            "-p",
            "no:cacheprovider",
            "--noconftest",
            "-c",
            "/dev/null",
            "--rootdir",
            ".",
            "--confcutdir",
            ".",
        ]
        command = sandbox.command([sys.executable, "-m", "pytest", *options, RULE_CHECKS.name], cwd=RULE_CHECKS.parent)
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout, result.stdout


def test_a_verdict_that_moves_between_cpu_paths_fails_the_freeze() -> None:
    frozen: Any = {"sections": {}, "values": {"tanh_vs_elu.verdict": "distinguishable", "tanh_vs_elu.low": 0.0001}}
    native: Any = {"sections": {}, "values": {"tanh_vs_elu.verdict": "not distinguishable", "tanh_vs_elu.low": -0.0001}}
    _, problems = measure(frozen, {"native": native}, Tolerance(rel_tol=1.0, abs_tol=1.0))
    assert any("the verdict tanh_vs_elu moves between CPU paths" in p and "inconclusive" in p for p in problems)
    steady: Any = {"sections": {}, "values": {"tanh_vs_elu.verdict": "distinguishable", "tanh_vs_elu.low": 0.0002}}
    assert measure(frozen, {"native": steady}, Tolerance(rel_tol=1.0, abs_tol=1.0))[1] == []


def page_context(words=KOREAN) -> PageContext:
    outputs: Any = {
        "values": {
            "order.verdict": "not distinguishable",
            "order.difference": 0.002,
            "order.low": -0.0022,
            "order.high": 0.0065,
            "order.digits": 4,
            "relu_claim.verdict": "conditional",
            "ratio": 0.5,
        },
        "cpu_spread": {"values": {"order.low": 0.0003}},
    }
    return PageContext(page_uri="a/p.md", page_label="docs/a/p.md", load_outputs={"x/y.py": outputs}.get, words=words)


def test_a_page_shows_the_verdict_and_its_interval_in_its_language() -> None:
    korean = expand("판정: {{ value x/y.py order verdict }}", page_context())
    assert korean.startswith("판정: 구별되지 않음(차이 +0.0020, 95% 구간 ")
    assert "cpu-varies" in korean and "−0.0022" in korean, "the low end moves between CPUs at the shown digits"
    english = expand("{{ value x/y.py order verdict }}", page_context(ENGLISH))
    assert english.startswith("not distinguishable (difference +0.0020, 95% interval ")
    assert expand("{{ value x/y.py relu_claim claim }}", page_context(ENGLISH)) == "conditional"
    assert expand("{{ value x/y.py relu_claim claim }}", page_context()) == "조건부"


def test_a_verdict_directive_on_a_value_that_is_not_a_verdict_names_the_line() -> None:
    with pytest.raises(DirectiveError, match=r"docs/a/p.md:1: 'ratio' is not a verdict"):
        expand("{{ value x/y.py ratio verdict }}", page_context())


def test_a_page_shows_a_time_comparison_as_a_ratio() -> None:
    outputs: Any = {
        "values": {"t.verdict": "distinguishable", "t.ratio": 5.04, "t.low": 4.6, "t.high": 5.5, "t.rounds": 7}
    }
    context = PageContext(
        page_uri="a/p.md", page_label="docs/a/p.md", load_outputs={"x/y.py": outputs}.get, words=ENGLISH
    )
    assert (
        expand("{{ value x/y.py t verdict }}", context)
        == "distinguishable (time ratio ×5.04, 95% interval ×4.60 to ×5.50)"
    )
