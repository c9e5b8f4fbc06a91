"""MkDocs glue for the snippet runner: run stale snippets, expand directives, publish figures.

The runner itself (``snippet_runner``) knows nothing about MkDocs. ``SNIPPET_RUNNER=check`` makes
the build fail instead of running stale snippets; ``SNIPPET_RUNNER=off`` skips the pass entirely
(the frozen outputs are still published).

Builds are reproducible: unless ``SOURCE_DATE_EPOCH`` is set, it is set to the time of the last
commit, so the dates MkDocs writes (sitemap.xml and the gzip header of sitemap.xml.gz) are the same
for every build of the same commit.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from snippet_runner import store
from snippet_runner.build import build
from snippet_runner.directives import DirectiveError, PageContext, expand, figure_uri
from snippet_runner.project import ConfigError, Project
from snippet_runner.provenance import describe


def _project(config: MkDocsConfig) -> Project:
    return Project.at(Path(config.config_file_path).parent)


def _last_commit_time(root: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = _project(config)
    if str(project.snippets_dir) not in map(str, config.watch):
        config.watch.append(str(project.snippets_dir))
    if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := _last_commit_time(project.root)):
        os.environ["SOURCE_DATE_EPOCH"] = stamp  # read by MkDocs for every date it writes
    return config


MODES = ("run", "check", "off")


def on_pre_build(config: MkDocsConfig) -> None:
    mode = os.environ.get("SNIPPET_RUNNER", "run")
    if mode not in MODES:
        raise PluginError(f"SNIPPET_RUNNER={mode!r}: expected one of {', '.join(MODES)}")
    if mode == "off":
        return
    try:
        report = build(_project(config), check=mode == "check")
    except (store.ManifestError, ConfigError) as exc:
        raise PluginError(str(exc)) from exc
    if not report.ok:
        raise PluginError(f"{len(report.failures)} snippet(s) failed: {', '.join(report.failures)}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _project(config)
    for outputs_path in sorted(project.outputs_dir.rglob("*.json")):
        if outputs_path == project.manifest_file:
            continue
        snippet_id = outputs_path.relative_to(project.outputs_dir).with_suffix(".py").as_posix()
        for figure in store.load_outputs(project, snippet_id)["figures"]:
            source = store.figures_dir(project, snippet_id) / figure["file"]
            files.append(File.generated(config, figure_uri(snippet_id, figure["file"]), abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project = _project(config)
    try:
        manifest = store.load_manifest(project)
    except store.ManifestError as exc:
        raise PluginError(str(exc)) from exc
    context = PageContext(
        page_uri=page.file.src_uri,
        page_label=f"docs/{page.file.src_uri}",
        load_outputs=lambda snippet_id: store.load_outputs(project, snippet_id),
        describe=lambda snippet_id: describe(snippet_id, manifest.get(snippet_id)),
    )
    try:
        return expand(markdown, context)
    except DirectiveError as exc:
        raise PluginError(str(exc)) from exc
