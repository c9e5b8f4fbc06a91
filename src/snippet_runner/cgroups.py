"""The parent side of a run's containment: one control group per run, so that the kernel keeps count of
every process the snippet starts (a new session or a double fork included), limits their memory
together, and kills them all at once.

The process tree goes into a cgroup v2 group (``cgroup.kill``, Linux 5.14). The memory limit uses
cgroup v2's ``memory.max`` where the memory controller is delegated to us, otherwise the cgroup v1
memory controller where that is mounted (hybrid hosts). Without either, ``RunGroup.missing`` says so,
and the caller falls back to following the process tree with psutil.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SETTLE_SECONDS = 5.0


def _mounts() -> list[tuple[str, str, set[str]]]:
    """(mount point, file system type, options) of every mount of this process."""
    found = []
    for line in Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines():
        _, point, kind, options, *_ = line.split()
        found.append((point, kind, set(options.split(","))))
    return found


def _own_cgroup(hierarchy: str) -> str:
    """This process's path in one hierarchy of /proc/self/cgroup ("" names cgroup v2)."""
    for line in Path("/proc/self/cgroup").read_text(encoding="utf-8").splitlines():
        _, controllers, path = line.split(":", 2)
        if controllers == hierarchy or hierarchy in controllers.split(","):
            return path.lstrip("/")
    return ""


def _make(parent: Path, name: str) -> Path | None:
    try:
        path = parent / name
        path.mkdir()
        return path
    except OSError:
        return None


@dataclass
class RunGroup:
    """The control groups of one run. The worker joins them itself, before the snippet starts."""

    tree: Path | None = None
    """The cgroup v2 group that holds every process of the run."""
    memory: Path | None = None
    """Where the memory limit is set: the v2 group itself, or a v1 memory group."""
    missing: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, name: str, memory_mb: int) -> RunGroup:
        group = cls()
        v2 = next((point for point, kind, _ in _mounts() if kind == "cgroup2"), None)
        v1_memory = next((point for point, kind, opts in _mounts() if kind == "cgroup" and "memory" in opts), None)
        if v2 is not None:
            group.tree = _make(Path(v2) / _own_cgroup(""), name)
        if group.tree is None or not (group.tree / "cgroup.kill").exists():
            group.missing["process tree"] = "no writable cgroup v2 with cgroup.kill (Linux 5.14+)"
            group.tree = None
        limit = str(memory_mb * 2**20)
        if group.tree is not None and (group.tree / "memory.max").exists():
            (group.tree / "memory.max").write_text(limit, encoding="utf-8")
            if (group.tree / "memory.swap.max").exists():
                (group.tree / "memory.swap.max").write_text("0", encoding="utf-8")
            group.memory = group.tree
        elif v1_memory is not None and (made := _make(Path(v1_memory) / _own_cgroup("memory"), name)):
            (made / "memory.limit_in_bytes").write_text(limit, encoding="utf-8")
            group.memory = made
        else:
            group.missing["memory"] = "no writable cgroup memory controller (v2 memory.max or v1 memory)"
        return group

    @property
    def procs_files(self) -> tuple[str, ...]:
        """The ``cgroup.procs`` files the worker writes its pid into."""
        return tuple(str(g / "cgroup.procs") for g in dict.fromkeys((self.tree, self.memory)) if g is not None)

    def pids(self) -> list[int]:
        if self.tree is None:
            return []
        try:
            return [int(pid) for pid in (self.tree / "cgroup.procs").read_text(encoding="utf-8").split()]
        except OSError:
            return []

    def cpu_seconds(self, pid: int) -> float:
        """CPU time used so far by every process of the run, those that already ended included."""
        if self.tree is not None:
            try:
                stat = (self.tree / "cpu.stat").read_text(encoding="utf-8").split()
                return int(stat[stat.index("usage_usec") + 1]) / 1e6
            except (OSError, ValueError):
                pass
        return tree_cpu_seconds(pid)

    def out_of_memory(self) -> bool:
        """Whether the kernel has stopped a process of the run at the memory limit."""
        if self.memory is None:
            return False
        events = "memory.events" if self.memory == self.tree else "memory.oom_control"
        try:
            lines = (self.memory / events).read_text(encoding="utf-8").splitlines()
        except OSError:
            return False
        counts = dict(line.split() for line in lines if len(line.split()) == 2)
        return int(counts.get("oom_kill", 0)) > 0 or int(counts.get("oom", 0)) > 0

    def kill(self) -> None:
        if self.tree is not None:
            with contextlib.suppress(OSError):
                (self.tree / "cgroup.kill").write_text("1", encoding="utf-8")

    def close(self) -> list[int]:
        """Kill whatever is left of the run, wait until it is gone, and remove the groups.

        Returns the pids that were still running when the run ended (the snippet left them behind).
        """
        left = self.pids()
        self.kill()
        deadline = time.monotonic() + SETTLE_SECONDS
        while self.pids() and time.monotonic() < deadline:
            time.sleep(0.01)
        for path in dict.fromkeys((self.tree, self.memory)):
            if path is not None:
                with contextlib.suppress(OSError):
                    path.rmdir()
        return left


def kill_tree(pid: int) -> None:
    """The fallback without cgroups: the run's process group and every process psutil finds below it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    try:
        family = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        family = []
    for process in family:
        with contextlib.suppress(psutil.Error):
            process.kill()


def _tree_sum(pid: int, measure: Callable[[psutil.Process], float]) -> float:
    """``measure`` summed over a process and its living descendants (the fallbacks without cgroups)."""
    try:
        root = psutil.Process(pid)
        family = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in family:
        with contextlib.suppress(psutil.Error):
            total += measure(process)
    return total


def tree_resident_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the fallback memory check)."""
    return _tree_sum(pid, lambda process: process.memory_info().rss) / 2**20


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its living descendants (the fallback without cgroups)."""
    return _tree_sum(pid, lambda process: sum(process.cpu_times()[:2]))
