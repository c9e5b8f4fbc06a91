"""Time one command: wall-clock seconds, and the load of the machine when it started; read the
runner's JSON report of the build (``SNIPPET_RUNNER_REPORT``)."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from snippet_runner.refresh import REPORT_FORMAT


class BenchmarkError(Exception):
    """A measured command failed; the message has the command and the end of its output."""


@dataclass(frozen=True)
class Timing:
    seconds: float
    load_before: float
    """One-minute load average when the command started."""
    ran: tuple[str, ...] | None = None
    """The snippets the runner ran, from its report (None when the build had no runner pass)."""


def load_average() -> float:
    return os.getloadavg()[0]


def timed(command: list[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Run ``command`` and return its wall-clock time and standard error; raise if it fails."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        tail = (result.stderr or result.stdout)[-3000:]
        raise BenchmarkError(f"`{' '.join(command)}` in {cwd} exited with {result.returncode}:\n{tail}")
    return seconds, result.stderr


@dataclass(frozen=True)
class RunnerReport:
    """What the runner's JSON report says about one pass."""

    ran: tuple[str, ...]
    cached: int
    failed: int
    failures: dict[str, str]
    seconds: float


def read_runner_report(path: Path) -> RunnerReport | None:
    """The report the runner wrote to ``path``; None when it wrote none (no runner pass).

    Raises ``BenchmarkError`` when the file is not a complete report of a format this reads.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
        if data["format"] != REPORT_FORMAT:
            raise BenchmarkError(f"{path}: runner report format {data['format']!r}, expected {REPORT_FORMAT}")
        if not data["completed"]:
            raise BenchmarkError(f"{path}: the runner's pass ended with an error")
        counts = data["counts"]
        report = RunnerReport(
            ran=tuple(data["ran"]),
            cached=int(counts["cached"]),
            failed=int(counts["failed"]),
            failures=dict(data["failures"]),
            seconds=float(data["seconds"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise BenchmarkError(f"{path}: not a runner report ({exc!r})") from exc
    if len(report.ran) != counts["ran"]:
        raise BenchmarkError(f"{path}: counts.ran is {counts['ran']}, but {len(report.ran)} ids are listed")
    return report
