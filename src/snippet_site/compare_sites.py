"""Compare two builds of the site page by page: the text, figures and links of each page's main content.

Used to check that another generator (Zensical) publishes what MkDocs publishes:
``snippet-site compare site site-zensical`` lists every difference. Only the article is compared
(``article.md-content__inner``): the header, navigation and footer are the theme's own.

- text: all text, whitespace collapsed, with the theme's inline SVG icons removed (their
  ``<title>`` text differs between the two themes' icon sets);
- figures: the ``src`` of every image, in order;
- links: the ``href`` of every link, in order, with ``/.`` at the end read as ``/`` (the same
  address), leaving out the page's buttons (``md-content__button``), compared on their own;
- buttons: the page's notebook buttons, as (label, address) pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

ARTICLE = "article.md-content__inner"
BUTTON = "md-content__button"


@dataclass(frozen=True)
class PageParts:
    text: str
    figures: tuple[str, ...]
    links: tuple[str, ...]
    buttons: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Difference:
    page: str
    """The page's file in the site, e.g. ``activation/relu/index.html``."""
    part: str
    """``missing``, ``text``, ``figures``, ``links`` or ``buttons``."""
    detail: str

    def __str__(self) -> str:
        return f"{self.page}: {self.part}: {self.detail}"


def _classes(element: Tag) -> list[str]:
    return list(element.get("class") or [])


def _address(href: str) -> str:
    return href[:-1] if href.endswith("/.") else href


def page_parts(html: str) -> PageParts | None:
    """The comparable parts of one page, or None for a page without an article (a redirect)."""
    article = BeautifulSoup(html, "html.parser").select_one(ARTICLE)
    if article is None:
        return None
    for svg in article.find_all("svg"):
        svg.decompose()
    anchors = [a for a in article.find_all("a") if a.get("href") is not None]
    buttons = tuple((str(a.get("aria-label", "")), str(a["href"])) for a in anchors if BUTTON in _classes(a))
    return PageParts(
        text=re.sub(r"\s+", " ", article.get_text(" ")).strip(),
        figures=tuple(str(img.get("src", "")) for img in article.find_all("img")),
        links=tuple(_address(str(a["href"])) for a in anchors if BUTTON not in _classes(a)),
        buttons=buttons,
    )


def _first_change(a: tuple | str, b: tuple | str) -> str:
    index = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if isinstance(a, str):
        return (
            f"from character {index}: {a[max(0, index - 30) : index + 50]!r} vs {b[max(0, index - 30) : index + 50]!r}"
        )
    return f"{len(a)} vs {len(b)} items; first change at {index}: {a[index : index + 2]} vs {b[index : index + 2]}"


def pages(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*.html"))}


def compare(reference: Path, other: Path) -> list[Difference]:
    """Every difference between the two builds, page by page (pages missing from either included)."""
    a, b = pages(reference), pages(other)
    found = [Difference(name, "missing", f"only in {reference.name}") for name in sorted(a.keys() - b.keys())]
    found += [Difference(name, "missing", f"only in {other.name}") for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        x = page_parts(a[name].read_text(encoding="utf-8"))
        y = page_parts(b[name].read_text(encoding="utf-8"))
        if x is None or y is None:
            if (x is None) != (y is None):
                found.append(
                    Difference(name, "missing", "no article in " + (reference.name if x is None else other.name))
                )
            continue
        for part in ("text", "figures", "links", "buttons"):
            if getattr(x, part) != getattr(y, part):
                found.append(Difference(name, part, _first_change(getattr(x, part), getattr(y, part))))
    return found
