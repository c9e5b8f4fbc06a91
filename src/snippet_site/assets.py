"""Files the site publishes that are not under docs/: the frozen figures and the vendored KaTeX and uPlot.

Each is a pair (address in the site, file on disk). The MkDocs plugin adds them to the build; for
another generator ``snippet-site publish SITE_DIR`` copies them into its output.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from snippet_runner.api import FIGURE_VARIANTS, Project, SnippetError, Variant, figures_dir, require_outputs

from .expand import figure_uri

KATEX_FILES = ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js")
KATEX_URI = "assets/katex"
UPLOT_FILES = ("uPlot.iife.min.js", "uPlot.min.css")
UPLOT_URI = "assets/uplot"
"""uPlot draws the explorers (``explorers``); ``explorers.js`` loads it only on pages that have one."""


class MissingAsset(SnippetError):
    """A file the site needs is not on disk (KaTeX or uPlot before ``npm ci``)."""


@dataclass(frozen=True)
class Asset:
    uri: str
    """Where it appears in the site, e.g. ``figures/activation/relu/plot/relu.png``."""
    source: Path


def figures(project: Project, variants: Sequence[Variant] = FIGURE_VARIANTS) -> list[Asset]:
    """Every frozen figure, at the address the ``{{ figure }}`` directive links to, in the variants
    an edition shows (``language.PageWords.figure_variants``)."""
    found = []
    for outputs_path in sorted(project.outputs_dir.rglob("*.json")):
        if outputs_path == project.manifest_file:
            continue
        snippet_id = outputs_path.relative_to(project.outputs_dir).with_suffix(".py").as_posix()
        for figure in require_outputs(project, snippet_id)["figures"]:
            for variant in variants:
                found.append(
                    Asset(
                        figure_uri(snippet_id, figure[variant]),
                        figures_dir(project, snippet_id) / figure[variant],
                    )
                )
    return found


def katex(project: Project) -> list[Asset]:
    """KaTeX from ``node_modules`` (installed from the npm registry), so no page loads a CDN."""
    dist = project.root / "node_modules" / "katex" / "dist"
    if not dist.is_dir():
        raise MissingAsset(f"{dist} is missing: run `npm ci` (or `make setup`)")
    names = [*KATEX_FILES, *(f"fonts/{p.name}" for p in sorted((dist / "fonts").glob("*.woff2")))]
    return [Asset(f"{KATEX_URI}/{name}", dist / name) for name in names]


def uplot(project: Project) -> list[Asset]:
    """uPlot from ``node_modules`` (installed from the npm registry), like KaTeX."""
    dist = project.root / "node_modules" / "uplot" / "dist"
    if not dist.is_dir():
        raise MissingAsset(f"{dist} is missing: run `npm ci` (or `make setup`)")
    return [Asset(f"{UPLOT_URI}/{name}", dist / name) for name in UPLOT_FILES]


def published(project: Project, variants: Sequence[Variant] = FIGURE_VARIANTS) -> list[Asset]:
    return [*figures(project, variants), *katex(project), *uplot(project)]


def copy_into(site_dir: Path, assets: list[Asset]) -> int:
    """Copy the assets into a built site; returns how many files changed."""
    changed = 0
    for asset in assets:
        target = site_dir / asset.uri
        if target.exists() and target.read_bytes() == asset.source.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset.source, target)
        changed += 1
    return changed
