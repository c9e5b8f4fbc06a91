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

from pathlib import Path
from typing import Protocol, cast

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from snippet_runner.api import (
    ConfigError,
    EnglishEdition,
    EnglishMissing,
    ManifestError,
    Project,
    Translation,
    figures_dir,
    load_manifest,
    load_outputs,
)

from . import language
from .assets import figure_size
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
        self.language: str | None = None
        """The edition's ``theme.language``; set by a generator plugin, else asked of Zensical."""
        self.docs: str | None = None
        """The edition's ``docs_dir``, for error messages; set by a generator plugin, else asked of Zensical."""
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(DirectivesPreprocessor(md, self), "snippet_directives", PRIORITY)

    def project(self) -> Project:
        return Project.at(Path(self.getConfig("root")).resolve())


def _zensical_context(md: Markdown) -> object | None:
    for processor in md.preprocessors:
        if type(processor).__name__ == "ContextPreprocessor" and isinstance(
            getattr(getattr(processor, "page", None), "path", None), str
        ):
            return processor
    return None


class ZensicalPage(Protocol):
    """What the directives read of the page Zensical renders."""

    path: str
    """Relative to the docs folder."""
    url: str
    meta: object


def zensical_page(md: Markdown) -> ZensicalPage | None:
    """The page Zensical is rendering, from the context it registers on every Markdown instance; None
    on another generator."""
    return cast("ZensicalPage | None", getattr(_zensical_context(md), "page", None))


def zensical_config(md: Markdown) -> dict:
    """The configuration Zensical builds with (``theme.language``, ``docs_dir``); empty on another generator."""
    config = getattr(_zensical_context(md), "config", None)
    return config if isinstance(config, dict) else {}


def zensical_language(md: Markdown) -> str | None:
    theme = zensical_config(md).get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if isinstance(language, str) else None


class DirectivesPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: DirectivesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        error: type[Exception] = self.extension.getConfig("error")
        page_uri = self.extension.page_uri or getattr(zensical_page(self.md), "path", None)
        if page_uri is None:
            raise error(
                "snippet_site.directives: cannot tell which page is rendered (use the MkDocs plugin or Zensical)"
            )
        project = self.extension.project()
        docs = str(self.extension.docs or zensical_config(self.md).get("docs_dir") or project.docs)
        try:
            words = language.words(self.extension.language or zensical_language(self.md) or "ko")
            manifest = load_manifest(project)
            english = Translation.load(project.figure_text_file) if words.translated else Translation()
            context = PageContext(
                page_uri=page_uri,
                page_label=f"{Path(docs).name}/{page_uri}",
                load_outputs=lambda snippet_id: load_outputs(project, snippet_id),
                figure_size=lambda snippet_id, file: figure_size(figures_dir(project, snippet_id) / file),
                describe=lambda snippet_id: describe(snippet_id, manifest.get(snippet_id), words),
                words=words,
                translate=english.apply,
                english=EnglishEdition(project) if words.translated else None,
            )
            return expand("\n".join(lines), context).split("\n")
        except (DirectiveError, ManifestError, ConfigError, EnglishMissing, language.UnknownLanguage) as exc:
            if isinstance(exc, error):
                raise
            raise error(str(exc)) from exc


def makeExtension(**kwargs) -> DirectivesExtension:
    return DirectivesExtension(**kwargs)
