"""Two generators, one site: Zensical builds the same sources and mkdocs.yml as MkDocs, and every
page's main content (text, figures, links, notebook buttons) is the same, but for the differences
named here with their reasons."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from snippet_site.compare_sites import Difference, compare, page_parts

pytestmark = pytest.mark.slow

NOTEBOOK_PAGES = "notebooks/"
"""MkDocs renders each generated notebook as a page (mkdocs-jupyter); Zensical does not run that
plugin, so it has no such pages. It offers the same .ipynb files for download and on Colab."""
NOTEBOOK_PAGE_LABELS = {"이 페이지의 코드를 노트북으로 보기", "View this page's code as a notebook"}
"""The button that leads to the rendered notebook page (in each edition's words): only on MkDocs, for the same reason."""
EDITION = "en/"
"""The English edition's folder: the same allowances hold for its pages."""


def _in_edition(page: str) -> str:
    """A page's path within its edition."""
    return page.removeprefix(EDITION)


def _buttons(site: Path, page: str) -> dict[str, str]:
    parts = page_parts((site / page).read_text(encoding="utf-8"))
    assert parts is not None, page
    return dict(parts.buttons)


def _download(site: Path, page: str, href: str) -> Path:
    """The file a link leads to (without its fragment, such as a figure's ``#only-dark``)."""
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#", 1)[0]))


def _allowed_buttons(mkdocs: Path, zensical: Path, difference: Difference) -> bool:
    """The notebook buttons differ only as the generators must: the same notebook file (its address
    differs: mkdocs-jupyter puts it beside the rendered page), the same Colab link, and on MkDocs
    the link to the rendered notebook page."""
    ours, theirs = _buttons(mkdocs, difference.page), _buttons(zensical, difference.page)
    download = next(label for label in ours if ".ipynb" in label)
    return (
        len(set(ours) - set(theirs)) == 1
        and set(ours) - set(theirs) <= NOTEBOOK_PAGE_LABELS
        and set(theirs) <= set(ours)
        and all(theirs[label] == ours[label] for label in theirs if label != download)
        and _download(zensical, difference.page, theirs[download]).read_bytes()
        == _download(mkdocs, difference.page, ours[download]).read_bytes()
    )


NOTEBOOK_INDEX = "notebooks/index.html"
"""The list of notebooks links each one with a Markdown link, which each generator makes what it
offers: MkDocs the rendered notebook page (``math/calculus/``), Zensical the file (``math/calculus.ipynb``)."""


def _allowed_index_links(mkdocs: Path, zensical: Path, difference: Difference) -> bool:
    ours, theirs = (page_parts((site / difference.page).read_text(encoding="utf-8")) for site in (mkdocs, zensical))
    assert ours is not None and theirs is not None, f"{difference.page}: a page without an article"
    changed = [(a, b) for a, b in zip(ours.links, theirs.links, strict=False) if a != b]
    return (
        _in_edition(difference.page) == NOTEBOOK_INDEX
        and len(ours.links) == len(theirs.links)
        and bool(changed)
        and all(b.endswith(".ipynb") and a == b.removesuffix(".ipynb") + "/" for a, b in changed)
        and all(_download(zensical, difference.page, b).is_file() for _, b in changed)
    )


def test_zensical_publishes_every_page_as_mkdocs_does(built_site: Path, zensical_site: Path) -> None:
    unexplained = []
    for difference in compare(built_site, zensical_site):
        if (
            difference.part == "missing"
            and _in_edition(difference.page).startswith(NOTEBOOK_PAGES)
            and built_site.name in difference.detail
        ):
            continue
        if difference.part == "buttons" and _allowed_buttons(built_site, zensical_site, difference):
            continue
        if difference.part == "links" and _allowed_index_links(built_site, zensical_site, difference):
            continue
        unexplained.append(str(difference))
    assert not unexplained, "Zensical and MkDocs differ:\n" + "\n".join(unexplained[:40])


def test_every_figure_on_zensical_is_the_frozen_file(zensical_site: Path, built_site: Path) -> None:
    compared = 0
    for page in sorted(zensical_site.rglob("index.html")):
        parts = page_parts(page.read_text(encoding="utf-8"))
        for src in parts.figures if parts else ():
            name = page.relative_to(zensical_site).as_posix()
            ours = _download(zensical_site, name, src)
            assert ours.is_file(), f"{name}: {src} is not in the Zensical site"
            assert ours.read_bytes() == _download(built_site, name, src).read_bytes(), f"{name}: {src}"
            compared += 1
    on_mkdocs = sum(
        len(parts.figures)
        for page in sorted(built_site.rglob("index.html"))
        if not _in_edition(page.relative_to(built_site).as_posix()).startswith(NOTEBOOK_PAGES)
        and (parts := page_parts(page.read_text(encoding="utf-8")))
    )
    assert compared == on_mkdocs > 0, f"{compared} figures on the Zensical site, {on_mkdocs} on the MkDocs site"


def test_the_comparison_sees_a_changed_number(tmp_path: Path, built_site: Path) -> None:
    page = "activation/relu/index.html"
    other = tmp_path / "other"
    (other / page).parent.mkdir(parents=True)
    html = (built_site / page).read_text(encoding="utf-8")
    number = re.compile(r"(?<=[\s>])\d+\.\d{2,}(?=[\s<])").search(html, html.index("snippet-output"))
    assert number, "no printed number in the article"
    (other / page).write_text(html[: number.start()] + number.group(0) + "1" + html[number.end() :], encoding="utf-8")
    found = [d for d in compare(built_site, other) if d.page == page]
    assert [d.part for d in found] == ["text"], found
