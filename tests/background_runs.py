"""The suite's two long re-runs, started together as soon as the tests are collected: every selected
snippet through the runner, once, on the pinned CPU path (the other paths run when outputs are
accepted, and in CI's job of their own), and the selected notebook runs of ``notebook_plan`` in fresh,
confined Jupyter kernels. Both are separate processes, so while they compute, the other tests (site
build, browser) run beside them."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from notebook_run import Run, execute
from snippet_runner import store
from snippet_runner.project import Project
from snippet_runner.refresh import PassReport, refresh_outputs
from snippet_runner.scheduler import WALL_FACTOR


def _selected(items: list[pytest.Item], name: str, marker: str) -> list:
    """The values of parameter ``name`` of the selected tests marked ``marker``."""
    found = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if item.get_closest_marker(marker) and callspec is not None and name in callspec.params:
            found.append(callspec.params[name])
    return found


def _rerun_snippets(project: Project, snippet_ids: list[str], outputs: Path) -> tuple[Project, PassReport]:
    target = Project.at(project.root, outputs_dir=outputs)
    return target, refresh_outputs(target, force=True, only=snippet_ids, other_paths=False, stream=io.StringIO())


@dataclass
class BackgroundRuns:
    folder: Path
    pool: ThreadPoolExecutor
    snippets: Future[tuple[Project, PassReport]] | None = None
    """The fresh outputs of the selected snippets, run into a temporary outputs folder."""
    notebooks: dict[str, Future[Run]] = field(default_factory=dict)
    """Execution name (``activation/relu``, ``notebook_plan.Execution.name``) -> its run."""

    @classmethod
    def start(cls, project: Project, items: list[pytest.Item]) -> BackgroundRuns:
        snippet_ids = sorted({snippet.id for snippet in _selected(items, "snippet", "reruns")})
        executions = list(
            {execution.name: execution for execution in _selected(items, "execution", "kernels")}.values()
        )
        cores = len(os.sched_getaffinity(0))
        # `cores` at a time: while the runner (itself `cores` snippets at a time) is busy, one kernel less.
        runs = cls(
            Path(tempfile.mkdtemp(prefix="reruns-")), ThreadPoolExecutor(max_workers=cores, thread_name_prefix="rerun")
        )
        if snippet_ids:
            runs.snippets = runs.pool.submit(_rerun_snippets, project, snippet_ids, runs.folder / "outputs")
        if executions:
            options = project.load_options()
            # A cell is stopped when it waits as long as the runner lets a snippet wait (WALL_FACTOR
            # times the largest CPU budget): the kernels share the cores with everything else here.
            timeout = WALL_FACTOR * max(option.timeout for option in options.values())
            manifest = store.load_manifest(project)
            for execution in sorted(
                executions, key=lambda e: -sum(manifest[s].cpu_seconds for s in e.snippets if s in manifest)
            ):
                runs.notebooks[execution.name] = runs.pool.submit(
                    execute, execution.notebook(project), project, timeout
                )
        return runs

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)
