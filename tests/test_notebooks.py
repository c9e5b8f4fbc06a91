"""The generated notebooks: committed as the generator makes them, and, run top to bottom in a fresh
kernel, they print and compute what the pages show (within each snippet's tolerances)."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from snippet_runner import notebooks, store
from snippet_runner.compare import compare_text, compare_values
from snippet_runner.project import Project

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "docs" / notebooks.NOTEBOOKS_DIR).rglob("*.ipynb"))
ALL_MATCH = "의 출력과 값이 페이지와 일치합니다."
PROBE = "import json\nprint(json.dumps(_page_check.values, ensure_ascii=False))"


def _name(path: Path) -> str:
    return path.relative_to(ROOT / "docs" / notebooks.NOTEBOOKS_DIR).with_suffix("").as_posix()


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    values: dict = field(default_factory=dict)
    error: str = ""


def _execute(path: Path, workdir: Path, timeout: float) -> Run:
    """Run every cell in order in a fresh kernel (working directory: a temp dir), then read what the
    notebook's own checker recorded."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}})
    run = Run(notebook)
    try:
        with client.setup_kernel():
            for index, cell in enumerate(list(notebook.cells)):
                client.execute_cell(cell, index)
            probe = nbformat.v4.new_code_cell(PROBE)
            notebook.cells.append(probe)
            client.execute_cell(probe, len(notebook.cells) - 1)
            notebook.cells.pop()
            run.values = json.loads("".join(o.get("text", "") for o in probe.outputs if o.output_type == "stream"))
    except CellExecutionError as exc:
        run.error = str(exc)
    return run


@pytest.fixture(scope="session")
def executed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, project: Project) -> dict[str, Run]:
    """Every selected notebook, run once, a few at a time."""
    selected = sorted(
        {item.callspec.params["notebook"] for item in request.session.items if hasattr(item, "callspec") and "notebook" in item.callspec.params}
    )
    options = project.load_options()
    timeout = 2 * max(o.timeout for o in options.values())
    workers = max(1, min(len(selected), len(os.sched_getaffinity(0))))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {path: pool.submit(_execute, path, tmp_path_factory.mktemp(_name(path).replace("/", "-")), timeout) for path in selected}
        return {_name(path): future.result() for path, future in futures.items()}


def test_committed_notebooks_are_what_the_generator_makes(project: Project) -> None:
    report = notebooks.generate(project, check=True)
    assert not report.stale, (
        "generated notebooks are out of date (never edit them by hand): run `snippet-runner notebooks` "
        f"(or `make build`) and commit docs/notebooks/: {report.stale}"
    )
    for path in NOTEBOOKS:
        nbformat.validate(nbformat.read(path, as_version=4))


def test_every_page_with_code_has_a_notebook(project: Project) -> None:
    pages = notebooks.pages_with_code(project)
    assert pages, "no page shows code"
    assert {project.docs_dir / notebooks.notebook_uri(page.page) for page in pages} == set(NOTEBOOKS)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[_name(p) for p in NOTEBOOKS])
def test_notebook_reproduces_the_page(notebook: Path, executed: dict[str, Run], project: Project) -> None:
    run = executed[_name(notebook)]
    if run.error:
        pytest.fail(f"{notebook.relative_to(ROOT)} failed to run:\n{run.error[-3000:]}", pytrace=False)
    printed: dict[str, list[str]] = defaultdict(list)
    figures: dict[str, int] = defaultdict(int)
    for cell in run.notebook.cells:
        snippet = cell.metadata.get("snippet", {}).get("id")
        if cell.cell_type != "code" or not snippet:
            continue
        for output in cell.outputs:
            if output.output_type == "stream" and output.name == "stdout":
                printed[snippet].append(output.text)
            elif "image/png" in output.get("data", {}):
                figures[snippet] += 1
    options = project.load_options()
    problems = []
    for snippet in dict.fromkeys(c.metadata["snippet"]["id"] for c in run.notebook.cells if "snippet" in c.metadata):
        frozen = store.load_outputs(project, snippet)
        tolerance = project.options_for(snippet, options)
        drifts = compare_text(frozen["sections"].get("", ""), "".join(printed[snippet]), tolerance.rel_tol, tolerance.abs_tol)
        drifts += compare_values(frozen["values"], run.values.get(snippet, {}), tolerance.rel_tol, tolerance.abs_tol)
        problems += [f"{snippet}: {drift}" for drift in drifts]
        if figures[snippet] != len(frozen["figures"]):
            problems.append(f"{snippet}: {figures[snippet]} figure(s) shown, the page has {len(frozen['figures'])}")
    report = "".join(o.get("text", "") for o in run.notebook.cells[-1].outputs)
    if ALL_MATCH not in report:
        problems.append(f"the notebook's own comparison cell reports differences:\n{report}")
    assert not problems, f"{notebook.relative_to(ROOT)} does not reproduce its page:\n  " + "\n  ".join(problems)
