"""One page's notebook: an introduction, the set-up cell, the hidden recorder cell, each snippet's
cells under a short Markdown cell, and the closing comparison with the page; its own words in the
edition's language (``Site.language``, ``words``), its code the snippets' own in both editions."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from snippet_runner.api import (
    HANGUL,
    EnglishEdition,
    Options,
    Project,
    SnippetSource,
    Versions,
    find_dependencies,
    load_outputs,
    outputs_file,
    tolerance_of,
)

from .check_cell import CHECK_TAG, check_code, report_code
from .pages import NotebookError, PageCode, SnippetUse, notebook_uri
from .pins import pinned_packages
from .setup_cell import setup_code
from .site import Site
from .words import NotebookWords, words

CELL_LABEL = "# snippets/{id}{part}"
EXERCISES = "exercises.py"
"""A page's exercises and their answers: in a notebook each answer's section follows an empty cell."""
MAX_EMBEDDED_FILE = 200_000


def markdown_text(text: str) -> str:
    """Plain text (a docstring) shown as Markdown: characters that would become markup are escaped."""
    return re.sub(r"([\\`*\[\]<>$])", r"\\\1", text)


def _cell_id(number: int) -> str:
    return f"cell-{number:03d}"


@dataclass
class SnippetCells:
    """What the snippets of one page contribute: their cells and the frozen outputs to compare with."""

    cells: list[NotebookNode] = field(default_factory=list)
    expected: dict[str, dict] = field(default_factory=dict)


@dataclass
class Inputs:
    """What building one notebook read, for its key (``keys``): every file whose bytes or existence
    decided a cell, and the packages its snippets import (their pinned versions go in the set-up cell)."""

    files: set[Path] = field(default_factory=set)
    imports: set[str] = field(default_factory=set)


@dataclass
class NotebookBuilder:
    project: Project
    site: Site
    pins: dict[str, str]
    options: dict[str, Options]
    versions: Versions = field(default_factory=Versions)
    english: EnglishEdition | None = field(init=False, default=None)
    """The English of the snippets' code and outputs, in the English edition."""

    def __post_init__(self) -> None:
        if self.site.language != "ko":
            self.english = EnglishEdition(self.project)
        if self.site.docs_dir != self.project.docs:
            raise NotebookError(
                f"the site's configuration is for {self.site.docs_dir}/ (docs_dir), the pages are {self.project.docs}/: "
                "give generate() the configuration of the edition it makes the notebooks of"
            )

    def build(self, page: PageCode, inputs: Inputs | None = None) -> NotebookNode:
        """The page's notebook; ``inputs``, if given, collects what it was made from."""
        inputs = inputs if inputs is not None else Inputs()
        inputs.files.add(self.project.docs_dir / page.page)
        nb = new_notebook()
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
        snippets = SnippetCells()
        for number, use in enumerate(page.snippets, start=1):
            self._add_snippet(snippets, page, number, use, inputs)
        pinned = pinned_packages(inputs.imports, self.pins, self.versions)
        check = new_code_cell(check_code(snippets.expected, self.words))
        check.metadata.update({"tags": [CHECK_TAG], "cellView": "form", "jupyter": {"source_hidden": True}})
        cells = [self._intro(page), new_code_cell(setup_code(self.project, pinned, self.words)), check, *snippets.cells]
        cells += [new_markdown_cell(self.words.comparison), new_code_cell(report_code(self.words))]
        for number, cell in enumerate(cells, start=1):
            cell.id = _cell_id(number)
        nb.cells = cells
        return nb

    @property
    def words(self) -> NotebookWords:
        return words(self.site.language)

    def _intro(self, page: PageCode) -> NotebookNode:
        colab = self.site.notebook_colab_url(notebook_uri(page.page))
        link = f"[{page.title}]({self.site.page_url(page.page)})"
        intro = [self.words.title.format(title=page.title), "", *(line.format(page=link) for line in self.words.intro)]
        if colab:
            intro.append(f"- [{self.words.open_in_colab}]({colab})")
        return new_markdown_cell("\n".join(intro))

    def _add_snippet(
        self, snippets: SnippetCells, page: PageCode, number: int, use: SnippetUse, inputs: Inputs
    ) -> None:
        path = self.project.snippets_dir / use.snippet_id
        inputs.files.update((path, outputs_file(self.project, use.snippet_id)))
        if not path.is_file():
            raise NotebookError(
                f"{self.project.docs}/{page.page}: refers to snippets/{use.snippet_id}, which does not exist"
            )
        source = self._source(use.snippet_id)
        found = find_dependencies(self.project, path)
        inputs.files.update((*found.probed, *found.sources, *found.data))
        if self.english:
            inputs.files.update(
                table for snippet in [path, *found.modules] for table in self.english.tables(self._id(snippet))
            )
        inputs.imports.update(found.packages)

        page_url = self.site.page_url(page.page)
        said = self.words
        where = (
            f"[{said.section_link}]({self.site.page_url(page.page, use.anchor)})"
            if use.anchor
            else f"[{said.page_link}]({page_url})"
        )
        text = [f"## {number}. {use.heading or page.title} — {path.name}", ""]
        if source.docstring and (self.words.korean_docstrings or not HANGUL.search(source.docstring)):
            text += [markdown_text(source.docstring), ""]  # the snippet's own words: Korean ones only in Korean
        text.append(f"`snippets/{use.snippet_id}` · {where}")
        cells = snippets.cells
        cells.append(new_markdown_cell("\n".join(text)))
        cells += [self._support_cell(use.snippet_id, path, support) for support in [*found.modules, *found.data]]
        if "__file__" in source.text:
            cells.append(new_code_cell(f'{self.words.file_note}\n__file__ = "{path.name}"'))
        chunks = source.cells
        for part, chunk in enumerate(chunks, start=1):
            label = CELL_LABEL.format(id=use.snippet_id, part=f" ({part}/{len(chunks)})" if len(chunks) > 1 else "")
            if chunk.section:
                label += f" · {chunk.section}"
            if chunk.section and path.name == EXERCISES:
                cells.append(new_code_cell(self.words.exercise_cell))
            cell = new_code_cell(f"{label}\n{chunk.code}")
            cell.metadata["snippet"] = {"id": use.snippet_id, "part": part, "section": chunk.section}
            cells.append(cell)
        snippets.expected[use.snippet_id] = self._expected(use.snippet_id)

    def _id(self, path: Path) -> str:
        return path.relative_to(self.project.snippets_dir).as_posix()

    def _source(self, snippet_id: str) -> SnippetSource:
        """The snippet's source as the edition shows it: in English, its comments and strings translated."""
        path = self.project.snippets_dir / snippet_id
        if self.english is None:
            return SnippetSource.read(path)
        return SnippetSource.parse(self.english.source(snippet_id), path)

    def _expected(self, snippet_id: str) -> dict:
        outputs = load_outputs(self.project, snippet_id)
        if outputs is None:
            raise NotebookError(f"snippets/{snippet_id} has no frozen output: run `make snippets` first")
        options = self.project.options_for(snippet_id, self.options)
        printed, values = outputs["sections"].get("", ""), outputs["values"]
        if self.english:
            printed = self.english.output(snippet_id, "", printed)
            values = {name: self.english.value(snippet_id, name, value) for name, value in values.items()}
        return {
            "printed": printed,
            "values": dict(sorted(values.items())),
            "figures": len(outputs["figures"]),
            "tolerance": dataclasses.asdict(tolerance_of(options)),
        }

    def _support_cell(self, snippet_id: str, snippet_path: Path, support: Path) -> NotebookNode:
        relative = support.relative_to(self.project.root).as_posix()
        try:
            text = (
                self.english.source(self._id(support))
                if self.english and support.suffix == ".py" and support.is_relative_to(self.project.snippets_dir)
                else support.read_text(encoding="utf-8")
            )
        except UnicodeDecodeError as exc:
            raise NotebookError(f"snippets/{snippet_id} reads {relative}, which is not a text file") from exc
        if len(text) > MAX_EMBEDDED_FILE:
            raise NotebookError(f"snippets/{snippet_id} reads {relative}, too large to embed in a notebook")
        name = (
            support.name
            if support.parent == snippet_path.parent
            else support.relative_to(self.project.snippets_dir).as_posix()
        )
        return new_code_cell(f"%%writefile {name}\n{text.rstrip(chr(10))}")
