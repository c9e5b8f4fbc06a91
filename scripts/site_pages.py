"""The pages of a built site, named by their path below the site root, and picking some by pattern.

A page is a folder with an ``index.html``: ``/`` is the Korean home page, ``/en/`` the English one,
``/en/activation/relu/`` an English page, ``/notebooks/activation/relu/`` a notebook page. The 404
page is not a page.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, sorted."""
    folders = {index.parent.relative_to(site).as_posix() for index in site.rglob("index.html")}
    return sorted("/" if folder == "." else f"/{folder}/" for folder in folders if folder != "404")


def matching(pages: list[str], patterns: list[str]) -> list[str]:
    """The pages matching any of the shell patterns (``*`` spans slashes: ``*/glossary/`` is both
    editions' glossary); every page when there are no patterns."""
    if not patterns:
        return pages
    return [page for page in pages if any(fnmatch.fnmatchcase(page, pattern) for pattern in patterns)]
