"""The suite's two long re-runs, started together as soon as the tests are collected: every selected
snippet through the runner, and every selected notebook in a fresh Jupyter kernel. Both are separate
processes, so while they compute, the other tests (site build, browser) run beside them."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from notebook_run import Run, execute

from snippet_notebooks import NOTEBOOKS_DIR
from snippet_runner import store
from snippet_runner.build import Report, build
from snippet_runner.project import Project
from snippet_runner.scheduler import WALL_FACTOR


def notebook_name(project: Project, path: Path) -> str:
    """``docs/notebooks/activation/relu.ipynb`` -> ``activation/relu``; the English edition's
    ``docs-en/notebooks/activation/relu.ipynb`` -> ``en/activation/relu``."""
    docs, _, name = path.relative_to(project.root).with_suffix("").as_posix().partition(f"/{NOTEBOOKS_DIR}/")
    return name if docs == "docs" else f"{docs.removeprefix('docs-')}/{name}"


def _selected(items: list[pytest.Item], name: str) -> list:
    """The values of parameter ``name`` of the selected tests marked ``reruns``."""
    found = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if item.get_closest_marker("reruns") and callspec is not None and name in callspec.params:
            found.append(callspec.params[name])
    return found


def _cpu_seconds(project: Project, path: Path, manifest: dict[str, store.Entry]) -> float:
    """What the notebook's snippets took when they were frozen: the longest notebooks start first."""
    cells = nbformat.read(path, as_version=4).cells
    snippets = {cell.metadata["snippet"]["id"] for cell in cells if "snippet" in cell.metadata}
    return sum(manifest[s].cpu_seconds for s in snippets if s in manifest)


def _rerun_snippets(project: Project, snippet_ids: list[str], outputs: Path) -> tuple[Project, Report]:
    target = Project.at(project.root, outputs_dir=outputs)
    return target, build(target, force=True, only=snippet_ids, stream=io.StringIO())


@dataclass
class BackgroundRuns:
    folder: Path
    pool: ThreadPoolExecutor
    snippets: Future[tuple[Project, Report]] | None = None
    """The fresh outputs of the selected snippets, run into a temporary outputs folder."""
    notebooks: dict[str, Future[Run]] = field(default_factory=dict)
    """Notebook name (``activation/relu``) -> its run."""

    @classmethod
    def start(cls, project: Project, items: list[pytest.Item]) -> BackgroundRuns:
        snippet_ids = sorted({snippet.id for snippet in _selected(items, "snippet")})
        notebooks = sorted(set(_selected(items, "notebook")))
        cores = len(os.sched_getaffinity(0))
        # `cores` at a time: while the runner (itself `cores` snippets at a time) is busy, one kernel less.
        runs = cls(Path(tempfile.mkdtemp(prefix="reruns-")), ThreadPoolExecutor(max_workers=cores, thread_name_prefix="rerun"))
        if snippet_ids:
            runs.snippets = runs.pool.submit(_rerun_snippets, project, snippet_ids, runs.folder / "outputs")
        if notebooks:
            options = project.load_options()
            # A cell is stopped when it waits as long as the runner lets a snippet wait (WALL_FACTOR
            # times the largest CPU budget): the kernels share the cores with everything else here.
            timeout = WALL_FACTOR * max(option.timeout for option in options.values())
            manifest = store.load_manifest(project)
            for path in sorted(notebooks, key=lambda p: -_cpu_seconds(project, p, manifest)):
                runs.notebooks[notebook_name(project, path)] = runs.pool.submit(execute, path, project, timeout)
        return runs

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)
