"""What the numbers were measured on: the machine, its load, and the versions of what ran."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path

PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "torch", "numpy", "matplotlib")


def _first_field(path: Path, prefix: str) -> str | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(prefix):
            return line.split(":", 1)[1].strip()
    return None


def machine() -> dict[str, object]:
    memory_kb = _first_field(Path("/proc/meminfo"), "MemTotal")
    return {
        "cpu_model": _first_field(Path("/proc/cpuinfo"), "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(int(memory_kb.split()[0]) / 1024**2, 1) if memory_kb else None,
        "system": f"{platform.system()} {platform.release()}",
    }


def versions() -> dict[str, str]:
    from snippet_runner.runner_version import runner_version

    found = {"python": platform.python_version(), "snippet-runner": runner_version()}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def commit(root: Path) -> str:
    """The checked-out commit, with ``+changes`` when the work tree differs from it."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
        return result.stdout.strip() if result.returncode == 0 else ""

    head = git("rev-parse", "--short=10", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "docs", "snippets", "outputs", "scripts", "mkdocs.yml")
    return f"{head}+changes" if dirty else head
