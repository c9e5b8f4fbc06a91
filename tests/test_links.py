"""The built site: every internal link and anchor resolves; headings have ASCII anchors; the search
index holds no raw TeX; and the site has what hosting needs: a 404 page, a sitemap of every page,
and link previews (OpenGraph/Twitter)."""

from __future__ import annotations

import html
import json
import os
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from browser.raw_tex import raw_tex
from snippet_notebooks import Site
from snippet_runner.editions import EDITIONS as REGISTRY

ROOT = Path(__file__).resolve().parents[1]
SITE = Site.from_mkdocs(ROOT / "mkdocs.yml")
BASE_PATH = urlsplit(SITE.site_url).path or "/"
CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.DOTALL)
ASCII_ANCHOR = re.compile(r"^[A-Za-z0-9_.:-]+$")
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag, URL) pairs."""
    headings: list[tuple[str, str]] = field(default_factory=list)
    """(tag, id) of every heading with an id."""
    meta: dict[str, str] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.page.ids.add(values[key])
        if re.fullmatch(r"h[1-6]", tag) and values.get("id"):
            self.page.headings.append((tag, values["id"]))
        if tag == "meta" and (values.get("property") or values.get("name")):
            self.page.meta[values.get("property") or values["name"]] = values.get("content", "")
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute in values:
            self.page.links.append((tag, values[attribute]))


@pytest.fixture(scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    """The strict build of the checkout (``SITE_DIR=...`` reuses an existing build)."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    return request.getfixturevalue("built_site")


@cache
def parse(file: Path) -> ParsedPage:
    page = ParsedPage()
    _Parser(page).feed(file.read_text(encoding="utf-8"))
    return page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url(site: Path, file: Path) -> str:
    """The URL path a file is served at, below the base path, e.g. ``/relu-docs/activation/relu/``."""
    relative = file.relative_to(site).as_posix()
    relative = relative.removesuffix("index.html")
    return BASE_PATH + relative


def target_file(site: Path, path: str) -> Path | None:
    """The file a URL path (already below the base path) names, as a static host serves it."""
    if not path.startswith(BASE_PATH):
        return None
    target = site / unquote(path.removeprefix(BASE_PATH))
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def resolve(site: Path, file: Path, link: str) -> tuple[str, str] | None:
    """(URL path, fragment) of an internal link, or None for an external one."""
    # The 404 page is served at any depth: its links must be absolute.
    base = "http://site" + (BASE_PATH + "a/b/c/" if file.name == "404.html" else page_url(site, file))
    if link.startswith(SITE.site_url):
        link = BASE_PATH + link.removeprefix(SITE.site_url)
    parts = urlsplit(urljoin(base, link))
    if parts.scheme not in ("http", "https") or parts.netloc != "site":
        return None
    return parts.path, parts.fragment


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    for file in html_files(site):
        for tag, link in parse(file).links:
            resolved = resolve(site, file, link)
            if resolved is None:
                continue
            path, fragment = resolved
            target = target_file(site, path)
            where = f"{file.relative_to(site)}: <{tag}> {link}"
            if target is None:
                broken.append(f"{where} -> no such file")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                broken.append(f"{where} -> no #{fragment} in {target.relative_to(site)}")
    assert not broken, f"{len(broken)} broken link(s):\n  " + "\n  ".join(broken[:40])


def test_headings_have_ascii_anchors(site: Path) -> None:
    bad = []
    for file in html_files(site):
        bad += [
            f"{file.relative_to(site)}: <{tag} id={ident!r}>"
            for tag, ident in parse(file).headings
            if not ASCII_ANCHOR.match(ident)
        ]
    assert not bad, "headings need fixed ASCII anchors ({ #anchor }):\n  " + "\n  ".join(bad[:40])


EDITIONS = {edition.site_folder: Site.from_mkdocs(ROOT / edition.config) for edition in REGISTRY}
"""Each edition's folder in the built site, and its addresses."""


def _edition_pages(site: Path, folder: str) -> list[Path]:
    """The edition's pages: those in its folder, without the other editions' folders."""
    others = [site / other for other in EDITIONS if other and other != folder]
    return [
        f for f in html_files(site / folder) if f.name == "index.html" and not any(f.is_relative_to(o) for o in others)
    ]


@pytest.mark.parametrize("folder", list(EDITIONS), ids=[edition.language for edition in REGISTRY])
def test_each_edition_s_sitemap_lists_its_pages_and_only_those(site: Path, folder: str) -> None:
    edition = EDITIONS[folder]
    tree = ElementTree.parse(site / folder / "sitemap.xml")
    listed = {loc.text or "" for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {SITE.site_url + page_url(site, f).removeprefix(BASE_PATH) for f in _edition_pages(site, folder)}
    assert pages and all(page.startswith(edition.site_url) for page in pages)
    assert listed == pages, f"missing: {sorted(pages - listed)[:10]}, extra: {sorted(listed - pages)[:10]}"
    assert (site / folder / "sitemap.xml.gz").exists()


@pytest.mark.parametrize(
    ("folder", "title"), [("", "페이지를 찾을 수 없습니다"), ("en/", "Page not found")], ids=["ko", "en"]
)
def test_not_found_page(site: Path, folder: str, title: str) -> None:
    page = site / folder / "404.html"
    assert page.exists()
    text = page.read_text(encoding="utf-8")
    assert title in text
    base = BASE_PATH  # the edition's own files are below base + folder; the language links are below base
    for tag, link in parse(page).links:  # served at any URL: every local link must be absolute
        if tag in ("link", "script", "img") and not link.startswith(("http:", "https:", "data:")):
            assert link.startswith(base), f"{folder}404.html: <{tag}> {link} is not below {base}"


def test_notebook_pages_link_to_the_site_relatively(site: Path) -> None:
    """The .ipynb links to its page by the published address (it is opened on Colab too); the rendered
    notebook page links relatively, so a local preview does not jump to the live site."""
    pages = sorted((site / "notebooks").rglob("index.html"))
    assert pages, "no notebook pages"
    absolute = [
        f"{f.relative_to(site)}: {link}"
        for f in pages
        for tag, link in parse(f).links
        if tag == "a" and link.startswith(SITE.site_url)
    ]
    assert not absolute, f"absolute links to the site on notebook pages: {absolute[:10]}"
    downloads = sorted((site / "notebooks").rglob("*.ipynb"))
    assert downloads and all(f"]({SITE.site_url}" in f.read_text(encoding="utf-8") for f in downloads)


@pytest.mark.parametrize(
    "key", ["og:title", "og:description", "og:url", "og:image", "og:type", "twitter:card", "twitter:image"]
)
def test_every_page_has_link_preview_metadata(site: Path, key: str) -> None:
    missing = [
        f.relative_to(site).as_posix()
        for f in html_files(site)
        if f.name == "index.html" and not parse(f).meta.get(key)
    ]
    assert not missing, f"{key} missing on {missing[:10]}"
    home = parse(site / "index.html").meta
    assert home["og:url"] == SITE.site_url
    image = home["og:image"]
    assert image.startswith(SITE.site_url) and (site / image.removeprefix(SITE.site_url)).is_file()


@pytest.mark.parametrize(
    "text",
    ["Sigmoid: $\nx\n> 4$이면", "$$x^2$$", "정의는 \\(x\\)", "\\frac{1}{2}", "기울기 \\sigma", "\\[x\\]", "$x$"],
)
def test_raw_tex_is_found(text: str) -> None:
    assert raw_tex(text), text


@pytest.mark.parametrize("text", ["값은 $5와 $2.50", "ReLU(x) = max(0, x)", "a | b > 4"])
def test_prices_and_plain_text_are_not_raw_tex(text: str) -> None:
    assert raw_tex(text) == []


def test_search_index_has_no_raw_tex(site: Path) -> None:
    """Prose of every search entry (code blocks and inline code, shown as code, left out)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: html.unescape(CODE.sub(" ", doc["title"] + " " + doc["text"])) for doc in index["docs"]}
    assert texts, "the search index is empty"
    raw = [f"{location}: {piece}" for location, text in texts.items() for piece in raw_tex(text)]
    assert not raw, f"search results would show raw TeX: {raw[:10]}"
