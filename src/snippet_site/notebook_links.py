"""Notebook buttons on a generator without the ``snippet-site`` plugin (Zensical).

Zensical gives every Markdown extension the page it renders, and what an extension writes into
``page.meta`` reaches the templates. This extension adds ``page.meta["notebook"]`` (the ``.ipynb``
download and the Colab link) to each page that has a generated notebook; ``overrides/main.html``
shows it as it shows the plugin's ``page_notebook`` on MkDocs. Without such a context (MkDocs) it
does nothing: the plugin provides the links there, for the rendered notebook pages too.

The edition is the one Zensical builds: its ``docs_dir`` (``docs``, ``docs-en``) names the pages, the
notebooks next to them and the edition's configuration (``snippet_notebooks.edition_config``), read
as the notebook generator reads it, so the links are those the notebooks themselves carry.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

import snippet_notebooks
from snippet_runner.api import Project

from .directives import zensical_config, zensical_page


def edition_docs(root: Path, docs_dir: object) -> str:
    """The edition's pages folder relative to the checkout, from a configuration's ``docs_dir``
    (relative as written, or absolute); ``docs`` when there is none."""
    path = Path(docs_dir) if isinstance(docs_dir, str) and docs_dir.strip() else Path("docs")
    if path.is_absolute():
        path = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    return path.as_posix()


class NotebookLinksExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"root": [".", "The checkout that holds docs/, docs-en/ and their configurations"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(NotebookLinksPreprocessor(md, self), "snippet_notebook_links", 5)


class NotebookLinksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: NotebookLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self.sites: dict[str, snippet_notebooks.Site] = {}
        """The editions' sites read so far, by pages folder (each configuration is read once)."""

    def run(self, lines: list[str]) -> list[str]:
        page = zensical_page(self.md)
        if page is None or not isinstance(meta := getattr(page, "meta", None), dict):
            return lines
        root = Path(self.extension.getConfig("root")).resolve()
        project = Project.at(root, docs=edition_docs(root, zensical_config(self.md).get("docs_dir")))
        uri = snippet_notebooks.notebook_uri(page.path)
        if (project.docs_dir / uri).is_file():
            if project.docs not in self.sites:
                self.sites[project.docs] = snippet_notebooks.Site.from_mkdocs(snippet_notebooks.edition_config(project))
            meta["notebook"] = {"file": uri, "colab": self.sites[project.docs].notebook_colab_url(uri)}
        return lines


def makeExtension(**kwargs) -> NotebookLinksExtension:
    return NotebookLinksExtension(**kwargs)
