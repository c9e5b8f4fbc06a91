"""Search finds what a learner types, in both editions: each query of ``search_queries.toml`` must list
its page among the first three pages of the results, typed into the real search box of the MkDocs build
and of the Zensical build.

A result counts for a page when it is the page or one of its sections. Zensical has its own search (its
own index and tokenizer, no MkDocs plugin, so none of the build-time index work in
``snippet_site.search_terms``); the queries it does not answer are named in ``ZENSICAL_DIFFERENCES``,
each with its reason, and the test fails when one of them starts to pass (then remove it). What each
query returned is written to ``test-artifacts/search-results.json``.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .support import ARTIFACTS, WAIT_MS, SiteServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TABLE = Path(__file__).with_name("search_queries.toml")
TOP = 3
ANSWER_MS = 15_000
"""How long a query may take to list its first result before it counts as finding nothing."""


@dataclass(frozen=True)
class Query:
    edition: str  # "ko" or "en"
    query: str
    page: str  # relative to the docs folder, e.g. "activation/relu.md#relu6"
    why: str

    @property
    def path(self) -> str:
        """The page's path below the site root, as the results link to it: ``en/activation/relu/``."""
        source = self.page.split("#")[0].removesuffix(".md")
        folder = "" if source == "index" else source.removesuffix("/index").removesuffix("index") + "/"
        folder = folder.replace("//", "/").removeprefix("/")
        return ("en/" if self.edition == "en" else "") + folder


def load_queries(table: Path = TABLE) -> list[Query]:
    data = tomllib.loads(table.read_text(encoding="utf-8"))
    return [Query(edition, row["query"], row["page"], row["why"]) for edition in ("ko", "en") for row in data[edition]]


QUERIES = load_queries()
ZENSICAL_DIFFERENCES: dict[tuple[str, str], str] = {}
"""(edition, query) -> why Zensical's search does not list the page in its first three results."""

MATERIAL_ANSWERED = """() => document.querySelectorAll(".md-search-result__item").length > 0
  || /없습니다|No matching/.test(document.querySelector(".md-search-result__meta")?.textContent ?? "")"""
"""Material has answered: results, or its "no matching documents" line."""
MATERIAL_PAGES = """() => [...document.querySelectorAll(".md-search-result__item")]
  .map((item) => new URL(item.querySelector("a").href).pathname)"""
ZENSICAL_PAGES = """() => {
  const host = [...document.querySelectorAll("body > div")].find((el) => el.shadowRoot);
  if (!host) return [];
  return [...host.shadowRoot.querySelectorAll("ol[role=listbox] > li a")].map((a) => new URL(a.href).pathname);
}"""


def _first_pages(paths: list[str], prefix: str) -> list[str]:
    """The first ``TOP`` distinct pages among result links (sections count for their page)."""
    pages: list[str] = []
    for path in paths:
        page = path.removeprefix(prefix)
        if page not in pages:
            pages.append(page)
    return pages[:TOP]


class _Box:
    """One search box, typed into again and again (a page per query would cost a page load each)."""

    def __init__(self, page, server: SiteServer, edition: str, zensical: bool) -> None:
        self.page, self.server, self.edition, self.zensical = page, server, edition, zensical

    def _pages(self) -> list[str]:
        return self.page.evaluate(ZENSICAL_PAGES if self.zensical else MATERIAL_PAGES)

    def _type(self, text: str) -> None:
        if self.zensical:
            self.page.locator("dialog input[role=combobox]").fill(text)
        else:
            box = self.page.locator("input.md-search__input")
            box.fill(text)
            box.press("End")  # Material's search listens to keyup

    def first_pages(self, query: str) -> list[str]:
        self._type("")
        self.page.wait_for_function(f"() => ({ZENSICAL_PAGES if self.zensical else MATERIAL_PAGES})().length === 0")
        self._type(query)
        answered = f"() => ({ZENSICAL_PAGES})().length > 0" if self.zensical else MATERIAL_ANSWERED
        try:
            self.page.wait_for_function(answered, timeout=ANSWER_MS)
        except Exception:
            return []
        return _first_pages(self._pages(), self.server.prefix)


def _open_box(browser, server: SiteServer, edition: str, zensical: bool) -> Iterator[_Box]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto(server.url("en/" if edition == "en" else ""), wait_until="load")
    if zensical:
        page.locator(".md-search__button").first.click()
    else:
        page.locator("input.md-search__input").click()
    try:
        yield _Box(page, server, edition, zensical)
    finally:
        context.close()


@pytest.fixture(scope="module")
def results() -> Iterator[dict[str, dict[str, dict]]]:
    found: dict[str, dict[str, dict]] = {}
    yield found
    if found:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / "search-results.json"
        previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        path.write_text(json.dumps(previous | found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@pytest.fixture(scope="module", params=["ko", "en"])
def mkdocs_box(request, browser, server) -> Iterator[_Box]:
    yield from _open_box(browser, server, request.param, zensical=False)


@pytest.fixture(scope="module", params=["ko", "en"])
def zensical_box(request, browser, zensical_server) -> Iterator[_Box]:
    yield from _open_box(browser, zensical_server, request.param, zensical=True)


def _edition_queries(edition: str) -> list[Query]:
    return [query for query in QUERIES if query.edition == edition]


def test_the_table_has_forty_queries_per_edition_each_naming_a_page_that_exists() -> None:
    root = Path(__file__).resolve().parents[2]
    for edition, docs in (("ko", "docs"), ("en", "docs-en")):
        queries = _edition_queries(edition)
        assert len(queries) >= 40, f"{edition}: {len(queries)} queries"
        assert len({q.query for q in queries}) == len(queries), f"{edition}: a query is listed twice"
        missing = [q.page for q in queries if not (root / docs / q.page.split("#")[0]).exists()]
        assert not missing, f"{edition}: pages that do not exist: {missing}"


def _check(box: _Box, results: dict, build: str) -> None:
    failures = []
    for query in _edition_queries(box.edition):
        pages = box.first_pages(query.query)
        found = query.path in pages
        results.setdefault(build, {})[f"{query.edition}: {query.query}"] = {
            "expected": query.path,
            "first": pages,
            "found": found,
        }
        known = ZENSICAL_DIFFERENCES.get((query.edition, query.query)) if build == "zensical" else None
        if known and found:
            failures.append(f"{query.query!r}: Zensical now finds {query.path}; remove it from ZENSICAL_DIFFERENCES")
        elif not known and not found:
            failures.append(f"{query.query!r}: {query.path} is not among the first {TOP}: {pages}")
    total = len(_edition_queries(box.edition))
    assert not failures, f"{len(failures)} of {total} queries fail:\n" + "\n".join(failures)


def test_mkdocs_search_lists_the_page_of_each_query_in_its_first_three(mkdocs_box: _Box, results) -> None:
    _check(mkdocs_box, results, "mkdocs")


def test_zensical_search_lists_the_page_of_each_query_in_its_first_three(zensical_box: _Box, results) -> None:
    _check(zensical_box, results, "zensical")
