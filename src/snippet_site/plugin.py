"""The ``snippet-site`` MkDocs plugin: what only MkDocs needs around the generator-neutral parts.

The directives and the glossary are Python-Markdown extensions (``snippet_site.directives``,
``snippet_site.glossary``) that Zensical runs as well. This plugin adds, on MkDocs only:

- before a build, and on every rebuild of ``mkdocs serve``, it runs the snippets whose inputs
  changed, once, on the pinned CPU path (``cpu_paths: true`` adds their other paths, as
  ``snippet-runner run`` does; ``mode: check`` refuses stale outputs and outputs without those runs,
  ``off`` skips the pass) and brings the
  generated notebooks up to date; with ``report`` (or ``SNIPPET_RUNNER_REPORT``), the pass's report
  is also written as JSON, for programs such as the benchmark;
- it publishes the frozen figures and the vendored KaTeX (``snippet_site.assets``);
- it tells the directives extension which page it renders;
- the notebook pages' titles, the notebook buttons' links and the light notebook pages;
- plain text for TeX in the search index, without code, with what learners type (``search_terms``);
- reproducible dates: ``SOURCE_DATE_EPOCH`` defaults to the time of the last commit, for the
  length of one build (a later build of ``mkdocs serve`` reads the time of the commit it builds).

Every error of the tooling (``SnippetError``) that a hook meets is reported as a build error, with
its message, never as a traceback.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

import snippet_notebooks
from snippet_runner.api import Project, SnippetError, refresh_outputs

from . import assets, editions, language, notebook_nav, search_terms
from .directives import DirectivesExtension
from .notebook_html import light_notebook_page
from .search_text import rewrite_search_index

log = get_plugin_logger(__name__)
DIRECTIVES = "snippet_site.directives"


MODES = ("run", "check", "off")
MODE_VARIABLE = "SNIPPET_RUNNER"
REPORT_VARIABLE = "SNIPPET_RUNNER_REPORT"


class SnippetSiteConfig(base.Config):
    mode = config_options.Choice(MODES, default="run")
    """``run`` stale snippets before a build, ``check`` (CI) fail on stale outputs, ``off`` skip the
    pass. The environment variable ``SNIPPET_RUNNER``, when set, overrides it for one build."""
    report = config_options.Type(str, default="")
    """A file to write the runner's report to as JSON (relative to ``mkdocs.yml``); empty: none. The
    environment variable ``SNIPPET_RUNNER_REPORT``, when set, overrides it for one build."""
    cpu_paths = config_options.Type(bool, default=False)
    """In ``run`` mode, also run each re-run snippet on the other CPU paths its options name. Off, a
    build (``mkdocs serve``) re-runs a snippet once, on the pinned path, and lists it as not yet run on
    its CPU paths; ``make snippets`` runs those, and ``check`` mode refuses an output without them."""
    notebooks = config_options.Type(bool, default=True)
    """Bring ``docs/notebooks/`` up to date before a build (never in ``check`` or ``off`` mode)."""


def _last_commit_time(root: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


Hook = TypeVar("Hook", bound=Callable[..., Any])


def _reported(hook: Hook) -> Hook:
    """The hook, with every error of the tooling turned into a build error that MkDocs reports."""

    @functools.wraps(hook)
    def reporting(*args: Any, **kwargs: Any) -> Any:
        try:
            return hook(*args, **kwargs)
        except SnippetError as exc:
            raise PluginError(str(exc)) from exc

    return reporting  # type: ignore[return-value]


@dataclass
class _Setup:
    """What ``on_config`` learns once per build and the later hooks use."""

    project: Project
    site: snippet_notebooks.Site
    directives: DirectivesExtension
    report_file: Path | None


class SnippetSitePlugin(BasePlugin[SnippetSiteConfig]):
    def __init__(self) -> None:
        self._setup: _Setup | None = None
        self._source_date_set = False
        """Whether this build set ``SOURCE_DATE_EPOCH`` (and so removes it when the build ends)."""
        self.notebooks: dict[str, Page] = {}
        """This build's rendered notebook pages, by source path."""

    @property
    def project(self) -> Project:
        return self._configured().project

    @property
    def site(self) -> snippet_notebooks.Site:
        return self._configured().site

    @property
    def directives(self) -> DirectivesExtension:
        return self._configured().directives

    def _configured(self) -> _Setup:
        if self._setup is None:
            raise PluginError("snippet-site: a build hook ran before on_config")
        return self._setup

    @_reported
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if (mode := os.environ.get(MODE_VARIABLE)) is not None:
            if mode not in MODES:
                raise PluginError(f"{MODE_VARIABLE}={mode!r}: expected one of {', '.join(MODES)}")
            self.config.mode = mode
        root = Path(config.config_file_path).parent.resolve()
        # The edition's pages (docs/ or docs-en/); the snippets and their outputs are shared.
        project = Project.at(root, docs=Path(config.docs_dir).resolve().relative_to(root).as_posix())
        report = os.environ.get(REPORT_VARIABLE, self.config.report)
        options = config.mdx_configs.pop(DIRECTIVES, {})
        directives = DirectivesExtension(**({"root": str(project.root)} | options | {"error": PluginError}))
        directives.language = config.theme["language"]
        directives.docs = project.docs
        self._setup = _Setup(
            project=project,
            # Site and repository URLs as written in the file: `mkdocs serve` replaces config.site_url
            # with its own address, which must not end up in the committed notebooks.
            site=snippet_notebooks.Site.from_mkdocs(Path(config.config_file_path)),
            directives=directives,
            report_file=project.root / report if report else None,
        )
        extensions = config.markdown_extensions
        if DIRECTIVES in extensions:
            extensions[extensions.index(DIRECTIVES)] = directives
        else:
            extensions.append(directives)
        if str(project.snippets_dir) not in map(str, config.watch):
            config.watch.append(str(project.snippets_dir))
        self._end_source_date()
        if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := _last_commit_time(project.root)):
            os.environ["SOURCE_DATE_EPOCH"] = stamp  # MkDocs reads it for every date it writes
            self._source_date_set = True
        return config

    def _end_source_date(self) -> None:
        """Remove the ``SOURCE_DATE_EPOCH`` this build set: the next build reads its own commit's time."""
        if self._source_date_set:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self._source_date_set = False

    def on_build_error(self, error: Exception) -> None:
        self._end_source_date()

    @_reported
    def on_pre_build(self, config: MkDocsConfig) -> None:
        problems = editions.check(self.project.root) if (self.project.root / editions.ENGLISH).is_dir() else []
        if problems:
            raise PluginError("the editions differ:\n  " + "\n  ".join(problems))
        if self.config.mode == "off":
            return
        # Printed, not logged: MkDocs shows only its own loggers, and --strict would count the runner's warnings.
        check = self.config.mode == "check"
        report = refresh_outputs(
            self.project,
            check=check,
            other_paths=check or self.config.cpu_paths,
            stream=sys.stderr,
            report_file=self._configured().report_file,
        )
        if not report.ok:
            raise PluginError(f"{len(report.failures)} snippet(s) failed: {', '.join(report.failures)}")
        if report.unmeasured:
            print(
                f"snippet-site: {len(report.unmeasured)} snippet(s) frozen on the pinned path only, so their pages do not yet "
                f"mark the numbers that move between CPUs; run `make snippets` before committing: {', '.join(report.unmeasured)}",
                file=sys.stderr,
            )
        if self.config.notebooks and self.config.mode == "run":
            snippet_notebooks.generate(self.project, self.site)

    @_reported
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        published = assets.published(self.project, language.words(config.theme["language"]).figure_variants)
        for asset in published:
            files.append(File.generated(config, asset.uri, abs_src_path=str(asset.source)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.notebooks = notebook_nav.notebook_pages(files)
        notebook_nav.name_notebooks(nav, self.notebooks, Path(config.docs_dir))
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.directives.page_uri = page.file.src_uri
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        links = notebook_nav.links(page, nav, self.notebooks, self.site, Path(config.docs_dir).name)
        if links is not None:
            cast(dict, context)["page_notebook"] = links  # a key of this site's templates
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not notebook_nav.is_notebook(page):
            return html
        page.meta["search"] = {"exclude": True}  # the page itself is indexed; its notebook would only repeat it
        return light_notebook_page(html, self.site.site_url, page.url, list(page.toc))

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._end_source_date()
        path = Path(config.site_dir) / "search" / "search_index.json"
        if path.exists():
            edition = config.theme["language"]
            table = Path(config.config_file_path).parent / search_terms.TABLE
            # A project without the table (the tests' small projects) adds no hidden words, stems included,
            # and so does not load the Korean analyser (about 2.5 s a build).
            terms = search_terms.SearchTerms.load(table) if table.exists() else search_terms.SearchTerms(())
            analyzer = search_terms.korean_analyzer() if edition == "ko" and table.exists() else None
            rewrite_search_index(path, terms, analyzer, edition)
