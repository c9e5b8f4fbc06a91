"""Files the site publishes that are not under docs/: the frozen figures and the vendored KaTeX and uPlot.

Each is a pair (address in the site, file on disk). The MkDocs plugin adds them to the build; for
another generator ``snippet-site publish SITE_DIR`` copies them into its output.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from snippet_runner.api import FIGURE_VARIANTS, Project, SnippetError, Variant, figures_dir, require_outputs

from .expand import figure_uri, shown_file

KATEX_FILES = ("katex.min.css",)
"""KaTeX's stylesheet and fonts: the math itself is rendered when the site is built (``formulas``)."""
KATEX_URI = "assets/katex"
WEBP_CACHE = ".cache/figures-webp"
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


def webp_copy(png: Path, cache_dir: Path) -> Path:
    """A lossless WebP copy of a frozen PNG: the same pixels in about 40% of the bytes. The PNG stays the
    artefact the runs compare; the copy is made once per PNG content and kept in ``cache_dir``."""
    data = png.read_bytes()
    copy = cache_dir / f"{hashlib.sha256(data).hexdigest()}.webp"
    if not copy.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = copy.with_suffix(".part")
        with Image.open(io.BytesIO(data)) as image:
            image.save(partial, "WEBP", lossless=True, method=4)
        partial.replace(copy)
    return copy


def figure_size(png: Path) -> tuple[int, int]:
    """Width and height in pixels (from the PNG's header)."""
    with Image.open(png) as image:
        return image.size


def figures(project: Project, variants: Sequence[Variant] = FIGURE_VARIANTS) -> list[Asset]:
    """Every frozen figure, at the address the ``{{ figure }}`` directive links to, in the variants
    an edition shows (``language.PageWords.figure_variants``): the PNG, and the WebP copy pages show."""
    cache_dir = project.root / WEBP_CACHE
    found = []
    for outputs_path in sorted(project.outputs_dir.rglob("*.json")):
        if outputs_path == project.manifest_file:
            continue
        snippet_id = outputs_path.relative_to(project.outputs_dir).with_suffix(".py").as_posix()
        for figure in require_outputs(project, snippet_id)["figures"]:
            for variant in variants:
                png = figures_dir(project, snippet_id) / figure[variant]
                found.append(Asset(figure_uri(snippet_id, figure[variant]), png))
                found.append(Asset(figure_uri(snippet_id, shown_file(figure[variant])), webp_copy(png, cache_dir)))
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
