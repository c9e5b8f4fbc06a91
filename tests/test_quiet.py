"""``snippet-runner --quiet`` silences progress but keeps errors and the summary line."""

from __future__ import annotations

import re

from tiny_project import Tiny

PROGRESS = re.compile(r"^\[\d+/\d+\] ", re.MULTILINE)
SUMMARY = re.compile(r"^snippets: \d+ ran, \d+ cached, \d+ failed in ", re.MULTILINE)


def test_progress_is_printed_by_default(tiny: Tiny) -> None:
    result = tiny.runner("run")
    assert result.returncode == 0, result.stderr
    assert "[1/1] demo/good.py ok in " in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("snippets: 1 ran, 0 cached, 0 failed in ")


def test_quiet_prints_no_progress_but_the_summary_line(tiny: Tiny) -> None:
    tiny.write("snippets/demo/second.py", "print(2)\n")
    result = tiny.runner("--quiet", "run")
    assert result.returncode == 0, result.stderr
    assert not PROGRESS.search(result.stderr), result.stderr
    assert "re-running" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]  # containment, if any
    assert len(lines) == 1 and SUMMARY.match(lines[0]), result.stderr
    assert "2 ran, 0 cached, 0 failed" in lines[0]


def test_quiet_keeps_errors(tiny: Tiny) -> None:
    tiny.write("snippets/demo/good.py", "raise ValueError('broken')\n")
    result = tiny.runner("-q", "run")
    assert result.returncode == 1
    assert not PROGRESS.search(result.stderr), result.stderr
    assert "error: " in result.stderr and "ValueError: broken" in result.stderr
    assert "0 ran, 0 cached, 1 failed" in result.stderr
