"""Generate one Jupyter notebook per page with code: ``docs/notebooks/<area>/<page>.ipynb``, and for
the English edition ``docs-en/notebooks/<area>/<page>.ipynb``.

Each edition is made from its own pages and configuration::

    generate(Project.at(root), Site.from_mkdocs(root / "mkdocs.yml"))                    # Korean
    generate(Project.at(root, docs="docs-en"), Site.from_mkdocs(root / "mkdocs.en.yml"))  # English

(without a ``Site``, ``generate`` reads the edition's configuration, ``site.edition_config``). The
code cells are the same in both; the notebook's own words are the edition's (``words``), its links
go to the edition's pages and its Colab link to the edition's copy of the notebook.

A notebook holds the page's snippets in the order the page first refers to them, each split into
cells at its ``# --8<--`` sections, with a short Markdown cell before each snippet. It starts with a
set-up cell (on Colab: the pinned packages and a Korean font; everywhere: the runner's figure style,
one torch thread) and ends with a cell that compares what the reader's run printed and computed with
the frozen outputs the page shows, within each snippet's tolerances.

Notebooks are generated, never edited: ``snippet-notebooks`` rewrites those whose content
changed (unchanged files are left alone, so ``mkdocs serve`` does not reload in a loop) and removes
notebooks whose page no longer has code; ``--check`` only reports what is out of date. A notebook
whose inputs are those it was last written from (``keys``) is not made again; ``--check`` never
trusts that record and makes every notebook.

It also writes ``docs/notebooks/index.md``, the one page that lists them all (``index_page``).

The parts live in ``pages`` (which pages, which snippets), ``site`` (addresses, editions), ``words``
(what a notebook says, per language), ``pins`` (the
packages a set-up cell installs), ``setup_cell`` and ``check_cell`` (the generated set-up and
comparison cells) and ``builder`` (one notebook); a snippet's cells and the files it needs come from
the engine's source model (``snippet_runner.source``, ``snippet_runner.dependencies``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from snippet_runner.api import Project, atomic_write_text

from .builder import Inputs, NotebookBuilder
from .index_page import INDEX_PAGE, index_text
from .keys import Keys, NotebookEntry, NotebookIndex, hex_digest
from .pages import NOTEBOOKS_DIR, NotebookError, PageCode, SnippetUse, notebook_uri, pages_with_code, scan_page
from .pins import read_pins
from .site import Site, edition_config, editions

__all__ = [
    "NOTEBOOKS_DIR",
    "NotebookBuilder",
    "NotebookError",
    "NotebookReport",
    "PageCode",
    "Site",
    "SnippetUse",
    "edition_config",
    "editions",
    "expected_notebooks",
    "generate",
    "notebook_uri",
    "pages_with_code",
    "render",
    "scan_page",
]


@dataclass
class NotebookReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Of the unchanged, those not made again: their inputs are those they were written from."""

    def summary(self) -> str:
        skipped = f" ({len(self.skipped)} with unchanged inputs)" if self.skipped else ""
        return (
            f"notebooks: {len(self.written)} written, {len(self.unchanged)} unchanged{skipped}, "
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


def generate(project: Project, site: Site | None = None, *, check: bool = False) -> NotebookReport:
    """Write the notebooks whose content changed and remove orphans; with ``check``, only report.

    Without ``check``, a notebook whose key (``keys``) is the one it was last written with, and whose
    file is still that text, is not made again.
    """
    site = site or Site.from_mkdocs(edition_config(project))
    report = NotebookReport()
    builder = NotebookBuilder(project, site, read_pins(project.root / "requirements.txt"), project.load_options())
    keys = Keys(project, site, builder.pins, builder.options, builder.versions)
    index = NotebookIndex() if check else NotebookIndex.load(project)
    wanted: set[Path] = set()
    pages = pages_with_code(project)
    _write_index(project, index_text(pages, site) if pages else None, report, check=check)
    for page in sorted(pages, key=lambda page: notebook_uri(page.page)):
        path = project.docs_dir / notebook_uri(page.page)
        name = path.relative_to(project.root).as_posix()
        wanted.add(path)
        entry = index.entries.get(name)
        if entry is not None and index.is_current(name, path, keys.key(page, entry.files, entry.imports)):
            report.unchanged.append(name)
            report.skipped.append(name)
            continue
        inputs = Inputs()
        text = render(builder.build(page, inputs))
        files, imports = sorted({keys.name(p) for p in inputs.files}), sorted(inputs.imports)
        index.record(
            name, NotebookEntry(keys.key(page, files, imports), hex_digest(text.encode("utf-8")), files, imports)
        )
        if path.exists() and path.read_text(encoding="utf-8") == text:
            report.unchanged.append(name)
        elif check:
            report.stale.append(name)
        else:
            atomic_write_text(path, text)
            report.written.append(name)
    if not check:
        index.save({path.relative_to(project.root).as_posix() for path in wanted})
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


def _write_index(project: Project, text: str | None, report: NotebookReport, *, check: bool) -> None:
    """Write (or, with ``check``, compare) the index page; ``text`` None: no notebooks, no index."""
    path = project.docs_dir / INDEX_PAGE
    name = path.relative_to(project.root).as_posix()
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == text:
        if text is not None:
            report.unchanged.append(name)
    elif check:
        report.stale.append(name)
    elif text is None:
        path.unlink()
        report.removed.append(name)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        report.written.append(name)
