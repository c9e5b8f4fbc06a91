"""Which notebooks the tests run in a kernel, so that each snippet's code runs there once, not once per copy.

The notebooks of an edition hold 150-odd uses of 70-odd snippets: the summary pages include the
experiments again. The English notebooks hold the Korean code with its comments and strings in English
(``snippet_runner.english``), which computes the same and prints the English output of the English
page; so running them covers both the computation and the translation. The plan runs:

- every English notebook whose snippets no earlier run covered, whole (the committed file, top to
  bottom), fewest snippets first, so that nearly every page's notebook runs as a reader downloads it;
- for a notebook of which some snippets were covered, the notebook the generator makes for the same
  page with only the others (its own set-up, check and report cells);
- the Korean notebook of least frozen CPU time, whole, so that the Korean set-up, check and report
  cells and Korean strings run in a kernel too (the runner's re-runs run every Korean snippet).

Every other notebook is shown by its cells: ``cells_by_snippet`` must be equal, snippet by snippet, to
those of the run that covered it (for a Korean notebook: equal but for comments and strings,
``code_shape``), and ``page_of`` (what its check cell compares with) too.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path

import nbformat

from snippet_notebooks import NOTEBOOKS_DIR
from snippet_notebooks.builder import NotebookBuilder
from snippet_notebooks.check_cell import CHECK_TAG
from snippet_notebooks.pages import PageCode, pages_with_code
from snippet_notebooks.pins import read_pins
from snippet_notebooks.site import Site, edition_config
from snippet_runner import english, store
from snippet_runner.project import Project


def snippet_ids(notebook: nbformat.NotebookNode) -> list[str]:
    return list(dict.fromkeys(cell.metadata["snippet"]["id"] for cell in notebook.cells if "snippet" in cell.metadata))


def cells_by_snippet(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    """Snippet id -> the sources of its code cells, in order: the files it writes (``%%writefile``), the
    ``__file__`` line, and its own cells."""
    found: dict[str, list[str]] = {}
    pending: list[str] = []
    cells = notebook.cells
    after_check = next(i for i, cell in enumerate(cells) if CHECK_TAG in cell.metadata.get("tags", [])) + 1
    for cell in cells[after_check:]:  # before it: the introduction and the set-up cell
        if cell.cell_type != "code":
            continue
        if "snippet" in cell.metadata:
            found.setdefault(cell.metadata["snippet"]["id"], []).extend([*pending, cell.source])
            pending = []
        elif (lines := cell.source.splitlines())[-1].startswith("__file__ = "):
            pending.append(lines[-1])  # the note above it is in the edition's language
        else:
            pending.append(cell.source)
    return found


def page_of(notebook: nbformat.NotebookNode) -> dict[str, dict]:
    """What the notebook's check cell compares each snippet with (the page's outputs and tolerances)."""
    check = next(cell.source for cell in notebook.cells if CHECK_TAG in cell.metadata.get("tags", []))
    start = check.index('PAGE = json.loads("""') + len('PAGE = json.loads("""')
    return json.loads(ast.literal_eval('"""' + check[start : check.index('""")', start)] + '"""'))


@dataclass(frozen=True)
class Execution:
    """One notebook the tests run in a kernel."""

    name: str
    """``activation/relu``, ``en/math/calculus``, or ``summary/claims (2 of 38 snippets)``."""
    source: Path
    """The committed notebook it is, or is made from."""
    snippets: tuple[str, ...]
    whole: bool
    """The committed notebook itself; else the generator's notebook of the same page with only ``snippets``."""

    def notebook(self, project: Project) -> nbformat.NotebookNode:
        if self.whole:
            return nbformat.read(self.source, as_version=4)
        docs = self.source.relative_to(project.root).parts[0]
        edition = Project.at(project.root, docs=docs)
        page_name = self.source.relative_to(edition.docs_dir / NOTEBOOKS_DIR).with_suffix(".md").as_posix()
        page = next(page for page in pages_with_code(edition) if page.page == page_name)
        kept = [use for use in page.snippets if use.snippet_id in self.snippets]
        builder = NotebookBuilder(
            edition,
            Site.from_mkdocs(edition_config(edition)),
            read_pins(project.root / "requirements.txt"),
            edition.load_options(),
        )
        return builder.build(PageCode(page=page.page, title=page.title, snippets=kept))


def notebook_name(project: Project, path: Path) -> str:
    """``docs/notebooks/activation/relu.ipynb`` -> ``activation/relu``; the English edition's
    ``docs-en/notebooks/activation/relu.ipynb`` -> ``en/activation/relu``."""
    docs, _, name = path.relative_to(project.root).with_suffix("").as_posix().partition(f"/{NOTEBOOKS_DIR}/")
    return name if docs == "docs" else f"{docs.removeprefix('docs-')}/{name}"


def plan(project: Project, korean: list[Path], english: list[Path]) -> list[Execution]:
    """The runs that cover every snippet of ``english`` once, and one Korean notebook whole."""
    snippets = {path: snippet_ids(nbformat.read(path, as_version=4)) for path in [*korean, *english]}
    covered: set[str] = set()
    runs = []
    for path in sorted(english, key=lambda p: (len(snippets[p]), p)):
        new = tuple(s for s in snippets[path] if s not in covered)
        if new:
            whole = len(new) == len(snippets[path])
            name = (
                notebook_name(project, path)
                if whole
                else f"{notebook_name(project, path)} ({len(new)} of {len(snippets[path])} snippets)"
            )
            runs.append(Execution(name, path, new, whole))
            covered.update(new)
    if korean:
        manifest = store.load_manifest(project)
        cost = {path: sum(manifest[s].cpu_seconds for s in snippets[path] if s in manifest) for path in korean}
        cheapest = min(korean, key=lambda p: (cost[p], p))
        runs.append(Execution(notebook_name(project, cheapest), cheapest, tuple(snippets[cheapest]), True))
    return runs


def covering(runs: list[Execution]) -> dict[str, Execution]:
    """Snippet id -> the first run that ran it (an English one: the Korean whole run comes last)."""
    found: dict[str, Execution] = {}
    for run in runs:
        for snippet in run.snippets:
            found.setdefault(snippet, run)
    return found


def code_shape(source: str) -> str:
    """A code cell without what the editions write differently (``english.code_shape``); a
    ``%%writefile`` cell of a data file as it is."""
    header, _, body = source.partition("\n") if source.startswith("%%writefile") else ("", "", source)
    return source if header and not header.endswith(".py") else header + english.code_shape(body)
