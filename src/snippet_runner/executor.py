"""The narrow seam between a build and the place its snippets run.

A build decides what is stale and freezes what comes back; an ``Executor`` only runs. The one
implementation runs on this machine (``scheduler.run_many``); spreading the work over several
machines happens one level up, by shards (``shards``), so no executor needs to talk to a network.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from . import cpu_paths
from .discovery import Snippet
from .progress import Progress
from .project import Options, Project
from .scheduler import RunResult, run_many


class Executor(Protocol):
    def run(self, project: Project, work: list[tuple[Snippet, Options]], progress: Progress) -> Iterator[RunResult]:
        """Run each snippet with its options and yield each result as soon as it is finished.

        A result's ``workdir`` is a local folder with what the run wrote (its figures); the caller
        reads it and then removes it (``scheduler.discard``).
        """
        ...


@dataclass(frozen=True)
class LocalPool:
    """Runs on this machine, at most ``jobs`` at a time, each in its own contained process."""

    jobs: int
    cpu_path: str = cpu_paths.PINNED

    def run(self, project: Project, work: list[tuple[Snippet, Options]], progress: Progress) -> Iterator[RunResult]:
        return run_many(project, work, jobs=self.jobs, progress=progress, cpu_path=self.cpu_path)
