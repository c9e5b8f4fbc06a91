"""Time one command: wall-clock seconds, and the load of the machine when it started."""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SUMMARY = re.compile(r"snippets: (?P<ran>\d+) ran, (?P<cached>\d+) cached, (?P<failed>\d+) failed")


class BenchmarkError(Exception):
    """A measured command failed; the message has the command and the end of its output."""


@dataclass(frozen=True)
class Timing:
    seconds: float
    load_before: float
    """One-minute load average when the command started."""
    ran: int | None = None
    """Snippets the runner ran, from its summary line (None when the runner did not report)."""


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


def runner_summary(stderr: str) -> tuple[int, int] | None:
    """(ran, cached) from the runner's last summary line."""
    matches = list(SUMMARY.finditer(stderr))
    if not matches:
        return None
    last = matches[-1]
    return int(last["ran"]), int(last["cached"])
