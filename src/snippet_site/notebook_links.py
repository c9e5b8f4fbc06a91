"""Notebook buttons on a generator without the ``snippet-site`` plugin (Zensical).

Zensical gives every Markdown extension the page it renders, and what an extension writes into
``page.meta`` reaches the templates. This extension adds ``page.meta["notebook"]`` (the ``.ipynb``
download and the Colab link) to each page that has a generated notebook; ``overrides/main.html``
shows it as it shows the plugin's ``page_notebook`` on MkDocs. Without such a context (MkDocs) it
does nothing: the plugin provides the links there, for the rendered notebook pages too.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

import snippet_notebooks
from snippet_runner.project import Project

from .directives import zensical_config, zensical_page


class NotebookLinksExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"root": [".", "The checkout that holds docs/ and mkdocs.yml"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(NotebookLinksPreprocessor(md, self), "snippet_notebook_links", 5)


class NotebookLinksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: NotebookLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        page = zensical_page(self.md)
        if page is None or not isinstance(getattr(page, "meta", None), dict):
            return lines
        site = snippet_notebooks.Site.from_config(zensical_config(self.md))  # the edition being built
        project = Project.at(Path(self.extension.getConfig("root")).resolve(), docs=site.docs_dir)
        uri = snippet_notebooks.notebook_uri(page.path)
        if (project.docs_dir / uri).is_file():
            page.meta["notebook"] = {"file": uri, "colab": site.notebook_colab_url(uri)}
        return lines


def makeExtension(**kwargs) -> NotebookLinksExtension:
    return NotebookLinksExtension(**kwargs)
