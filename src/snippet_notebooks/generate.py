"""Generate one Jupyter notebook per page with code: ``docs/notebooks/<area>/<page>.ipynb``.

A notebook holds the page's snippets in the order the page first refers to them, each split into
cells at its ``# --8<--`` sections, with a short Markdown cell before each snippet. It starts with a
set-up cell (on Colab: the pinned packages and a Korean font; everywhere: the runner's figure style,
one torch thread) and ends with a cell that compares what the reader's run printed and computed with
the frozen outputs the page shows, within each snippet's tolerances.

Notebooks are generated, never edited: ``snippet-notebooks`` rewrites those whose content
changed (unchanged files are left alone, so ``mkdocs serve`` does not reload in a loop) and removes
notebooks whose page no longer has code; ``--check`` only reports what is out of date.

The parts live in ``pages`` (which pages, which snippets), ``site`` (addresses), ``code`` (a
snippet's cells and packages), ``setup_cell`` and ``check_cell`` (the generated set-up and comparison
cells) and ``builder`` (one notebook).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from snippet_runner import store
from snippet_runner.project import Project

from .builder import NotebookBuilder
from .code import read_pins
from .pages import NOTEBOOKS_DIR, NotebookError, PageCode, SnippetUse, notebook_uri, pages_with_code, scan_page
from .site import Site

__all__ = [
    "NOTEBOOKS_DIR", "NotebookBuilder", "NotebookError", "PageCode", "Report", "Site", "SnippetUse",
    "expected_notebooks", "generate", "notebook_uri", "pages_with_code", "render", "scan_page",
]


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"notebooks: {len(self.written)} written, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed" + (f", {len(self.stale)} out of date" if self.stale else "")
        )


def render(nb: NotebookNode) -> str:
    return nbformat.writes(nb, version=4).rstrip("\n") + "\n"


def expected_notebooks(project: Project, site: Site) -> dict[Path, str]:
    """Every notebook the pages call for, as the text it should have."""
    builder = NotebookBuilder(project, site, read_pins(project.root / "requirements.txt"), project.load_options())
    return {
        project.docs_dir / notebook_uri(page.page): render(builder.build(page)) for page in pages_with_code(project)
    }


def generate(project: Project, site: Site | None = None, *, check: bool = False) -> Report:
    """Write the notebooks whose content changed and remove orphans; with ``check``, only report."""
    site = site or Site.from_mkdocs(project.root / "mkdocs.yml")
    report = Report()
    wanted = expected_notebooks(project, site)
    for path, text in sorted(wanted.items()):
        name = path.relative_to(project.root).as_posix()
        if path.exists() and path.read_text(encoding="utf-8") == text:
            report.unchanged.append(name)
        elif check:
            report.stale.append(name)
        else:
            store.atomic_write_text(path, text)
            report.written.append(name)
    folder = project.docs_dir / NOTEBOOKS_DIR
    for path in sorted(folder.rglob("*.ipynb")) if folder.exists() else []:
        if path not in wanted:
            name = path.relative_to(project.root).as_posix()
            if check:
                report.stale.append(name)
            else:
                path.unlink()
                report.removed.append(name)
    if not check and folder.exists():
        for directory in sorted(folder.rglob("*"), reverse=True):
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
    return report
