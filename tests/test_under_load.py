"""The guard under load: with a busy loop on every core, what could move with machine load still
matches the page. That is every timing measurement (a `timing` factor in snippets/snippets.toml), run
by the runner and, in one notebook made for them by the notebook generator, in a Jupyter kernel with
the notebook's own check cell. `make stress` runs the whole snippet and notebook comparison this way."""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import pytest

from notebook_run import ALL_MATCH, execute
from snippet_notebooks.builder import NotebookBuilder
from snippet_notebooks.pages import PageCode, SnippetUse
from snippet_notebooks.pins import read_pins
from snippet_notebooks.site import Site
from snippet_runner import store
from snippet_runner.compare import compare_outputs
from snippet_runner.project import Project
from snippet_runner.refresh import refresh_outputs
from tiny_project import Tiny

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _under_load():
    spec = importlib.util.spec_from_file_location("under_load", ROOT / "scripts" / "under_load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def timing(project: Project) -> list[str]:
    names = sorted(name for name, option in project.load_options().items() if name != "defaults" and option.timing)
    assert names, "no timing measurement is declared in snippets/snippets.toml"
    return names


def test_timing_measurements_match_while_every_core_is_busy(
    project: Project, timing: list[str], tmp_path: Path
) -> None:
    fresh = Project.at(ROOT, outputs_dir=tmp_path / "outputs")
    with _under_load().cpu_hogs(len(os.sched_getaffinity(0))):
        report = refresh_outputs(fresh, force=True, only=timing, jobs=len(os.sched_getaffinity(0)))
    assert report.ok, report.failures
    options = project.load_options()
    problems = []
    for snippet in timing:
        drifts = compare_outputs(
            store.require_outputs(project, snippet),
            store.require_outputs(fresh, snippet),
            store.figures_dir(project, snippet),
            store.figures_dir(fresh, snippet),
            project.options_for(snippet, options),
        )
        problems += [f"{snippet}: {drift}" for drift in drifts]
    assert not problems, "under load:\n  " + "\n  ".join(problems)


def test_a_notebook_of_the_timing_measurements_matches_while_every_core_is_busy(
    project: Project, timing: list[str], tmp_path: Path
) -> None:
    builder = NotebookBuilder(
        project, Site.from_mkdocs(ROOT / "mkdocs.yml"), read_pins(ROOT / "requirements.txt"), project.load_options()
    )
    notebook = builder.build(
        PageCode(page="timing.md", title="시간 측정", snippets=[SnippetUse(s, "", "") for s in timing])
    )
    with _under_load().cpu_hogs(len(os.sched_getaffinity(0))):
        run = execute(notebook, project, timeout=600)
    assert not run.error, run.error[-3000:]
    report = "".join(output.get("text", "") for output in run.notebook.cells[-1].outputs)
    assert ALL_MATCH in report, report
    assert all(f"✓ snippets/{snippet}" in report for snippet in timing), report


def test_a_run_that_computes_is_not_stopped_by_the_wall_clock_however_busy_the_machine(tiny: Tiny) -> None:
    """Ten busy loops per core leave the run about a tenth of a core: its 1.2 CPU seconds take longer
    on the wall clock than five times its 1.5 s `timeout`, yet it is computing all the while."""
    tiny.options('["demo/busy.py"]\ntimeout = 1.5\n')
    tiny.write("snippets/demo/busy.py", BUSY)
    started = time.monotonic()
    with _under_load().cpu_hogs(10 * len(os.sched_getaffinity(0))):
        result = tiny.runner("run", "demo/busy.py", timeout=300)
    waited = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert (tiny.outputs / "demo" / "busy.json").exists()
    print(f"1.2 CPU s took {waited:.1f} s on the wall clock")


BUSY = "import time\nstart = time.process_time()\nwhile time.process_time() - start < 1.2:\n    pass\nprint('done')\n"
