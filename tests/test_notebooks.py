"""The generated notebooks of both editions (``docs/notebooks/``, ``docs-en/notebooks/``): committed as
the generator makes them, the English ones in English, and, run top to bottom in a fresh, confined
kernel (started without the runner's environment, as a reader's), they print, compute and show what
the pages show (within each snippet's tolerances), on the CPU kernels the machine picks, as a
reader's would: the tolerances cover the other CPU paths (see test_cpu_paths.py).

Each snippet's cells run in a kernel once (``notebook_plan``): a notebook whose cells were all run
elsewhere is shown by being made of the same cells, compared with the same page values."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest

import snippet_notebooks as notebooks
from background_runs import BackgroundRuns
from notebook_plan import (
    Execution,
    cells_by_snippet,
    code_shape,
    covering,
    notebook_name,
    page_of,
    plan,
    snippet_ids,
)
from notebook_run import ALL_MATCH, ALL_MATCH_IN, READER_PATH, Run, execute, reader_environment
from snippet_notebooks import cli as notebook_cli
from snippet_notebooks.check_cell import check_code
from snippet_notebooks.words import ENGLISH, KOREAN, NotebookWords
from snippet_runner import store
from snippet_runner.compare import compare_text, compare_values, tolerance_of
from snippet_runner.english import EnglishEdition
from snippet_runner.project import Project

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "docs" / notebooks.NOTEBOOKS_DIR).rglob("*.ipynb"))


def _name(path: Path) -> str:
    return notebook_name(Project.at(ROOT), path)


@pytest.fixture(scope="session")
def executed(background_runs: BackgroundRuns) -> dict[str, Run]:
    """Every selected run of the plan, a few at a time (started in the background when the tests were
    collected, see conftest.py)."""
    return {name: future.result() for name, future in background_runs.notebooks.items()}


def test_committed_notebooks_are_valid() -> None:
    """(That they are what the generator makes: ``test_the_command_finds_every_edition_current``.)"""
    for path in NOTEBOOKS:
        nbformat.validate(nbformat.read(path, as_version=4))


def test_every_page_with_code_has_a_notebook(project: Project) -> None:
    pages = notebooks.pages_with_code(project)
    assert pages, "no page shows code"
    assert {project.docs_dir / notebooks.notebook_uri(page.page) for page in pages} == set(NOTEBOOKS)


ENGLISH_PROJECT = Project.at(ROOT, docs="docs-en")
ENGLISH_NOTEBOOKS = sorted((ROOT / "docs-en" / notebooks.NOTEBOOKS_DIR).rglob("*.ipynb"))
ENGLISH_SITE = notebooks.Site.from_mkdocs(ROOT / "mkdocs.en.yml")
PLAN = plan(Project.at(ROOT), NOTEBOOKS, ENGLISH_NOTEBOOKS)
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
SITE_LINK = re.compile(r"https://relu-docs\.github\.io/relu-docs/[^)\s]*")


def test_the_command_finds_every_edition_current() -> None:
    """``snippet-notebooks --check`` (what CI runs) checks both editions, and both are current."""
    assert [docs for docs, _ in notebooks.editions(ROOT)] == ["docs", "docs-en"]
    assert notebook_cli.main(["--root", str(ROOT), "--check", "-q"]) == 0, (
        "run `snippet-notebooks` and commit docs*/notebooks/"
    )


def test_every_english_page_with_code_has_a_notebook() -> None:
    pages = notebooks.pages_with_code(ENGLISH_PROJECT)
    assert pages and {ENGLISH_PROJECT.docs_dir / notebooks.notebook_uri(page.page) for page in pages} == set(
        ENGLISH_NOTEBOOKS
    )
    assert [p.relative_to(ROOT / "docs-en") for p in ENGLISH_NOTEBOOKS] == [
        p.relative_to(ROOT / "docs") for p in NOTEBOOKS
    ]
    for path in ENGLISH_NOTEBOOKS:
        nbformat.validate(nbformat.read(path, as_version=4))


@pytest.mark.parametrize(
    "notebook",
    ENGLISH_NOTEBOOKS,
    ids=[p.relative_to(ROOT / "docs-en" / "notebooks").as_posix() for p in ENGLISH_NOTEBOOKS],
)
def test_an_english_notebook_speaks_english_and_opens_its_own_copy_on_colab(notebook: Path) -> None:
    cells = nbformat.read(notebook, as_version=4).cells
    setup, check, report = cells[1].source, cells[2].source, cells[-1].source
    markdown = [cell.source for cell in cells if cell.cell_type == "markdown"]
    assert not [text for text in markdown if HANGUL.search(text)], f"{notebook.name}: Korean in a Markdown cell"
    assert not HANGUL.search(setup + report), f"{notebook.name}: Korean in the set-up or report cell"
    assert not HANGUL.search(check), f"{notebook.name}: Korean in the check cell (its rules or the page's outputs)"
    assert 'print(f"All snippets ({total}) match the page' in check
    relative = notebook.relative_to(ROOT).as_posix()
    assert f"(https://colab.research.google.com/github/relu-docs/relu-docs/blob/main/{relative})" in cells[0].source
    links = [link for text in markdown for link in SITE_LINK.findall(text)]
    assert links and all(link.startswith(ENGLISH_SITE.site_url) for link in links), (
        "the notebook links the English pages"
    )
    code = [c.source for c in cells if "snippet" in c.metadata]
    assert not [c.source for c in cells if c.cell_type == "code" and HANGUL.search(c.source)], (
        f"{notebook.name}: Korean in a code cell"
    )
    korean = nbformat.read(ROOT / "docs" / notebook.relative_to(ROOT / "docs-en"), as_version=4).cells
    assert [code_shape(source) for source in code] == [
        code_shape(c.source) for c in korean if "snippet" in c.metadata
    ], "the code cells compute the same in both editions (only comments and strings differ)"


@pytest.fixture(scope="session")
def machine_capability() -> str:
    """The CPU kernel family torch picks here when nothing is set (AVX512 on this machine)."""
    probe = "import torch; print(torch.backends.cpu.get_cpu_capability())"
    done = subprocess.run(
        [sys.executable, "-c", probe], env=reader_environment(), capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize(
    "notebook", NOTEBOOKS + ENGLISH_NOTEBOOKS, ids=[_name(p) for p in NOTEBOOKS + ENGLISH_NOTEBOOKS]
)
def test_notebooks_leave_the_cpu_kernels_to_the_machine(notebook: Path) -> None:
    """No cell names a CPU kernel setting: a reader's notebook runs on their machine's path, like
    ``python file.py``, and the check within the tolerances is what makes it agree with the page."""
    cells = [cell.source for cell in nbformat.read(notebook, as_version=4).cells if cell.cell_type == "code"]
    named = [name for name in READER_PATH for source in cells if name in source]
    assert not named, f"{notebook.relative_to(ROOT)} sets the CPU kernels: {named}"


FIGURE_SNIPPET = "# snippets/demo/plot.py\nimport matplotlib.pyplot as plt\nplt.plot([0, 1], [1, 0])\n"


@pytest.mark.parametrize(
    ("page_figures", "verdict", "words"),
    [
        (1, ALL_MATCH, KOREAN),
        (2, "그림 수: 페이지 2개, 여기 1개", KOREAN),
        (1, ALL_MATCH_IN["docs-en"], ENGLISH),
        (2, "figures: page 2, here 1", ENGLISH),
    ],
    ids=["ko-match", "ko-differs", "en-match", "en-differs"],
)
def test_the_check_cell_compares_figure_counts(
    page_figures: int, verdict: str, words: NotebookWords, project: Project
) -> None:
    expected = {
        "demo/plot.py": {
            "printed": "",
            "values": {},
            "figures": page_figures,
            "tolerance": {"rel_tol": 1e-6, "abs_tol": 0.0, "factor": 0.0},
        }
    }
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(source)
        for source in (check_code(expected, words), FIGURE_SNIPPET, "_page_check.report()")
    ]
    run = execute(notebook, project, timeout=600)  # per cell; generous so a busy machine only slows it
    assert not run.error, run.error[-2000:]
    shown = sum("image/png" in output.get("data", {}) for output in run.notebook.cells[1].outputs)
    assert shown == 1, "the figure should still be shown inline"
    report = "".join(output.get("text", "") for output in run.notebook.cells[-1].outputs)
    assert verdict in report, report


@functools.cache
def _made(execution: Execution) -> nbformat.NotebookNode:
    return execution.notebook(Project.at(ROOT))


@pytest.mark.parametrize(
    "notebook", NOTEBOOKS + ENGLISH_NOTEBOOKS, ids=[_name(p) for p in NOTEBOOKS + ENGLISH_NOTEBOOKS]
)
def test_every_notebook_is_made_of_cells_that_ran(notebook: Path, project: Project) -> None:
    """Each snippet's code cells (with the files they write) are those of the run that covered it, and
    the notebook's check cell compares them with the same page values. A Korean notebook's cells are
    those of the English run but for comments and strings, and it compares with the Korean outputs."""
    cells = nbformat.read(notebook, as_version=4)
    ran, mine, page = covering(PLAN), cells_by_snippet(cells), page_of(cells)
    assert set(page) == set(snippet_ids(cells)), "the check cell compares every snippet of the notebook, and only those"
    same_edition = notebook.is_relative_to(ROOT / "docs-en")
    for snippet in snippet_ids(cells):
        assert snippet in ran, f"{snippet} runs in no notebook of the plan"
        execution = ran[snippet]
        other = _made(execution)
        theirs, their_page = cells_by_snippet(other)[snippet], page_of(other)[snippet]
        if same_edition:
            assert mine[snippet] == theirs, f"{snippet}: its cells differ from those run in {execution.name}"
            assert page[snippet] == their_page, f"{snippet}: compared with other page values than in {execution.name}"
            continue
        assert list(map(code_shape, mine[snippet])) == list(map(code_shape, theirs)), (
            f"{snippet}: its cells compute differently from those run in {execution.name}"
        )
        frozen = store.require_outputs(project, snippet)
        assert page[snippet]["printed"] == frozen["sections"].get("", "")
        assert page[snippet]["values"] == frozen["values"]
        assert (page[snippet]["figures"], page[snippet]["tolerance"]) == (
            their_page["figures"],
            their_page["tolerance"],
        )


def test_the_plan_runs_each_snippet_once_in_english_and_a_korean_notebook_whole() -> None:
    english = [
        snippet
        for execution in PLAN
        if execution.source.is_relative_to(ROOT / "docs-en")
        for snippet in execution.snippets
    ]
    assert len(english) == len(set(english)), "a snippet runs twice in the English runs"
    every = {s for path in NOTEBOOKS for s in snippet_ids(nbformat.read(path, as_version=4))}
    assert set(english) == every
    assert [e.whole for e in PLAN if e.source.is_relative_to(ROOT / "docs")] == [True]


@pytest.mark.kernels
@pytest.mark.parametrize("execution", PLAN, ids=[execution.name for execution in PLAN])
def test_notebook_reproduces_the_page(
    execution: Execution, executed: dict[str, Run], project: Project, machine_capability: str
) -> None:
    run = executed[execution.name]
    notebook = execution.source
    if run.error:
        pytest.fail(f"{execution.name} failed to run:\n{run.error[-3000:]}", pytrace=False)
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
    assert run.environment == READER_PATH, "the notebook should leave the CPU kernels to the machine"
    if run.capability is not None:
        assert run.capability == machine_capability, "the notebook ran on another CPU path than a reader's"
    options = project.load_options()
    english = EnglishEdition(project) if notebook.is_relative_to(ROOT / "docs-en") else None
    problems = []
    for snippet in dict.fromkeys(c.metadata["snippet"]["id"] for c in run.notebook.cells if "snippet" in c.metadata):
        frozen = store.require_outputs(project, snippet)
        page, values = frozen["sections"].get("", ""), frozen["values"]
        if english:  # what the English page shows: the frozen run in English
            page = english.output(snippet, "", page)
            values = {name: english.value(snippet, name, value) for name, value in values.items()}
        tolerance = tolerance_of(project.options_for(snippet, options))
        drifts = compare_text(page, "".join(printed[snippet]), tolerance)
        drifts += compare_values(values, run.values.get(snippet, {}), tolerance)
        problems += [f"{snippet}: {drift}" for drift in drifts]
        if figures[snippet] != len(frozen["figures"]):
            problems.append(f"{snippet}: {figures[snippet]} figure(s) shown, the page has {len(frozen['figures'])}")
    report = "".join(o.get("text", "") for o in run.notebook.cells[-1].outputs)
    if ALL_MATCH_IN[notebook.relative_to(ROOT).parts[0]] not in report:
        problems.append(f"the notebook's own comparison cell reports differences:\n{report}")
    assert not problems, f"{execution.name} does not reproduce its page:\n  " + "\n  ".join(problems)
