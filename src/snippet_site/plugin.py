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
- plain text for TeX in the search index;
- reproducible dates: ``SOURCE_DATE_EPOCH`` defaults to the time of the last commit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import snippet_notebooks
from snippet_runner import store
from snippet_runner.build import build
from snippet_runner.project import ConfigError, Project

from . import assets, editions, language, notebook_nav
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


class SnippetSitePlugin(BasePlugin[SnippetSiteConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.directives: DirectivesExtension | None = None
        self.site: snippet_notebooks.Site | None = None
        self.report_file: Path | None = None
        self.notebooks: dict[str, Page] = {}
        """This build's rendered notebook pages, by source path."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if (mode := os.environ.get(MODE_VARIABLE)) is not None:
            if mode not in MODES:
                raise PluginError(f"{MODE_VARIABLE}={mode!r}: expected one of {', '.join(MODES)}")
            self.config.mode = mode
        root = Path(config.config_file_path).parent.resolve()
        # The edition's pages (docs/ or docs-en/); the snippets and their outputs are shared.
        self.project = Project.at(root, docs=Path(config.docs_dir).resolve().relative_to(root).as_posix())
        report = os.environ.get(REPORT_VARIABLE, self.config.report)
        self.report_file = self.project.root / report if report else None
        # Site and repository URLs as written in the file: `mkdocs serve` replaces config.site_url
        # with its own address, which must not end up in the committed notebooks.
        self.site = snippet_notebooks.Site.from_mkdocs(Path(config.config_file_path))
        extensions = config.markdown_extensions
        options = config.mdx_configs.pop(DIRECTIVES, {})
        self.directives = DirectivesExtension(**({"root": str(self.project.root)} | options | {"error": PluginError}))
        self.directives.language = config.theme["language"]
        self.directives.docs = self.project.docs
        if DIRECTIVES in extensions:
            extensions[extensions.index(DIRECTIVES)] = self.directives
        else:
            extensions.append(self.directives)
        if str(self.project.snippets_dir) not in map(str, config.watch):
            config.watch.append(str(self.project.snippets_dir))
        if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := _last_commit_time(self.project.root)):
            os.environ["SOURCE_DATE_EPOCH"] = stamp  # MkDocs reads it for every date it writes
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        try:
            problems = editions.check(self.project.root) if (self.project.root / editions.ENGLISH).is_dir() else []
        except ConfigError as exc:
            raise PluginError(str(exc)) from exc
        if problems:
            raise PluginError("the editions differ:\n  " + "\n  ".join(problems))
        if self.config.mode == "off":
            return
        try:
            # Printed, not logged: MkDocs shows only its own loggers, and --strict would count the runner's warnings.
            check = self.config.mode == "check"
            report = build(
                self.project, check=check, other_paths=check or self.config.cpu_paths, stream=sys.stderr, report_file=self.report_file
            )
        except (store.ManifestError, ConfigError) as exc:
            raise PluginError(str(exc)) from exc
        if not report.ok:
            raise PluginError(f"{len(report.failures)} snippet(s) failed: {', '.join(report.failures)}")
        if report.unmeasured:
            print(
                f"snippet-site: {len(report.unmeasured)} snippet(s) frozen on the pinned path only, so their pages do not yet "
                f"mark the numbers that move between CPUs; run `make snippets` before committing: {', '.join(report.unmeasured)}",
                file=sys.stderr,
            )
        if self.config.notebooks and self.config.mode == "run":
            try:
                snippet_notebooks.generate(self.project, self.site)
            except snippet_notebooks.NotebookError as exc:
                raise PluginError(str(exc)) from exc

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            published = assets.published(self.project, language.words(config.theme["language"]).figure_variants)
        except assets.MissingAsset as exc:
            raise PluginError(str(exc)) from exc
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

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        links = notebook_nav.links(page, nav, self.notebooks, self.site, Path(config.docs_dir).name)
        if links is not None:
            context["page_notebook"] = links
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not notebook_nav.is_notebook(page):
            return html
        page.meta["search"] = {"exclude": True}  # the page itself is indexed; its notebook would only repeat it
        return light_notebook_page(html, self.site.site_url, page.url, list(page.toc))

    def on_post_build(self, config: MkDocsConfig) -> None:
        path = Path(config.site_dir) / "search" / "search_index.json"
        if path.exists():
            rewrite_search_index(path)
