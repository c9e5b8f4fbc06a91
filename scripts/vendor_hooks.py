"""Serve KaTeX from ``node_modules`` (installed from the npm registry) instead of a CDN."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

KATEX_FILES = ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dist = Path(config.config_file_path).parent / "node_modules" / "katex" / "dist"
    if not dist.is_dir():
        raise PluginError(f"{dist} is missing: run `npm ci` (or `make setup`)")
    names = [*KATEX_FILES, *(f"fonts/{p.name}" for p in sorted((dist / "fonts").glob("*.woff2")))]
    for name in names:
        files.append(File.generated(config, f"assets/katex/{name}", abs_src_path=str(dist / name)))
    return files
