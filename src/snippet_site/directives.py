"""The Python-Markdown extension that expands ``{{ output }}``, ``{{ figure }}`` and ``{{ value }}``.

Python-Markdown extensions are the interface every site generator of this stack runs, MkDocs and
Zensical alike, so the directives are expanded here and nowhere else::

    markdown_extensions:
      - snippet_site.directives:
          root: .            # the checkout: snippets/, outputs/ (default: the current directory)

The extension needs to know which page it renders (figure links are relative to it, errors name
it). Zensical tells every extension through its rendering context; on MkDocs the ``snippet-site``
plugin sets ``page_uri`` before each page. The frozen outputs are read, never produced, here: the
runner (``snippet-runner run``, or the MkDocs plugin before a build) keeps them up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from snippet_runner import store
from snippet_runner.project import Project

from .expand import DirectiveError, PageContext, expand
from .provenance import describe

PRIORITY = 40
"""Before pymdownx.snippets (32): a directive is expanded where the author wrote it, in the page."""


class DirectivesExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "root": [".", "The checkout that holds snippets/ and outputs/"],
            "error": [DirectiveError, "The exception raised for a bad directive (a generator's own)"],
        }
        self.page_uri: str | None = None
        """The page being rendered, relative to docs/; set by a generator plugin, else asked of Zensical."""
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(DirectivesPreprocessor(md, self), "snippet_directives", PRIORITY)

    def project(self) -> Project:
        return Project.at(Path(self.getConfig("root")).resolve())


def zensical_page(md: Markdown) -> object | None:
    """The page Zensical is rendering (``.path`` relative to docs/, ``.url``, ``.meta``), from the
    context it registers on every Markdown instance; None on another generator."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if type(processor).__name__ == "ContextPreprocessor" and isinstance(getattr(page, "path", None), str):
            return page
    return None


class DirectivesPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: DirectivesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        error: Callable[[str], Exception] = self.extension.getConfig("error")
        page_uri = self.extension.page_uri or getattr(zensical_page(self.md), "path", None)
        if page_uri is None:
            raise error("snippet_site.directives: cannot tell which page is rendered (use the MkDocs plugin or Zensical)")
        project = self.extension.project()
        try:
            manifest = store.load_manifest(project)
            context = PageContext(
                page_uri=page_uri,
                page_label=f"{project.docs_dir.relative_to(project.root).as_posix()}/{page_uri}",
                load_outputs=lambda snippet_id: store.load_outputs(project, snippet_id),
                describe=lambda snippet_id: describe(snippet_id, manifest.get(snippet_id)),
            )
            return expand("\n".join(lines), context).split("\n")
        except (DirectiveError, store.ManifestError) as exc:
            if isinstance(exc, error):
                raise
            raise error(str(exc)) from exc


def makeExtension(**kwargs) -> DirectivesExtension:
    return DirectivesExtension(**kwargs)
