"""Search finds what a learner types, in both editions: each query of ``search_queries.toml`` must list
its page among the first three pages of the results, typed into the real search box of the MkDocs build
and of the Zensical build.

A result counts for a page when it is the page or one of its sections. Zensical has its own search (its
own index and tokenizer, no MkDocs plugin, so none of the build-time index work in
``snippet_site.search_terms``); a query it does not answer carries ``zensical = "<reason>"`` in the
table, one of ``ZENSICAL_REASONS``. Every query without one must pass on Zensical too, and a query with
one that starts to pass fails the test (then remove its mark), so the list cannot go stale. What each
query returned, on each build, is written to ``test-artifacts/search-results.json``.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .raw_tex import raw_tex
from .support import ARTIFACTS, WAIT_MS, SiteServer, Visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TABLE = Path(__file__).with_name("search_queries.toml")
TOP = 3
ZENSICAL_REASONS = {
    "transliteration": "Zensical's own index has no hidden words: the Hangul spelling of a Latin name "
    "(렐루 for ReLU) is on no page",
    "synonym": "Zensical's own index has no hidden words: the word typed (a synonym, a short form, a "
    "question's wording) is not the word the answering page writes",
    "particle": "Zensical does not stem: a Korean word with its particle or ending (기울기가, 필요한가) "
    "matches only pages that write it so, and stop words count",
    "ranking": "Zensical finds the page but ranks others above it: no heading weight for hidden "
    "keywords, no stop words, other field weights",
}
"""Why Zensical's search misses a query that MkDocs answers; the table names one per missed query."""


@dataclass(frozen=True)
class Query:
    edition: str  # "ko" or "en"
    query: str
    page: str  # relative to the docs folder, e.g. "activation/relu.md#relu6"
    why: str
    zensical: str = ""  # "" (Zensical answers it too) or "<reason>[: note]", a key of ZENSICAL_REASONS

    @property
    def path(self) -> str:
        """The page's path below the site root, as the results link to it: ``en/activation/relu/``."""
        source = self.page.split("#")[0].removesuffix(".md")
        folder = "" if source == "index" else source.removesuffix("/index").removesuffix("index") + "/"
        folder = folder.replace("//", "/").removeprefix("/")
        return ("en/" if self.edition == "en" else "") + folder

    @property
    def zensical_reason(self) -> str:
        return self.zensical.split(":")[0].strip()


def load_queries(table: Path = TABLE) -> list[Query]:
    data = tomllib.loads(table.read_text(encoding="utf-8"))
    return [
        Query(edition, row["query"], row["page"], row["why"], row.get("zensical", ""))
        for edition in ("ko", "en")
        for row in data[edition]
    ]


QUERIES = load_queries()

MATERIAL_ANSWERED = """() => document.querySelectorAll(".md-search-result__item").length > 0
  || /없습니다|No matching/.test(document.querySelector(".md-search-result__meta")?.textContent ?? "")"""
"""Material has answered: results, or its "no matching documents" line."""
MATERIAL_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map((item) => {
  const clone = item.cloneNode(true);
  // Material lists the query words a result lacks ("포함되지 않은 검색어"): that note is no match.
  clone.querySelectorAll(".md-search-result__terms, pre, code").forEach((el) => el.remove());
  return { path: new URL(item.querySelector("a").href).pathname, text: clone.textContent };
})"""
ZENSICAL_STATE = """() => {
  const root = [...document.querySelectorAll("body > div")].find((el) => el.shadowRoot)?.shadowRoot;
  if (!root) return { status: null, results: [] };
  return {
    status: root.querySelector("[role=status]")?.textContent.trim() ?? null,
    results: [...root.querySelectorAll("ol[role=listbox] > li")].map((li) => ({
      path: new URL(li.querySelector("a")?.href ?? location.href).pathname,
      text: li.textContent,
    })),
  };
}"""
"""Zensical's search dialog (in a shadow root): its status line ("Loading search…", "", "No results",
"140 results") and its results. The status says when it has answered, results or none, so a query
that finds nothing costs a moment, not a timeout."""
ZENSICAL_CLEARED = f"() => {{ const s = ({ZENSICAL_STATE})(); return s.status === '' && s.results.length === 0; }}"
ZENSICAL_SETTLE_MS = 300
ZENSICAL_ANSWERED = f"""() => {{
  const s = ({ZENSICAL_STATE})();
  if (s.results.length > 0) return true;
  const none = !!s.status && !s.status.includes("…") && !/\\d/.test(s.status);
  const seen = window.__searchNone;
  if (!none) {{ window.__searchNone = undefined; return false; }}
  if (!seen) {{ window.__searchNone = performance.now(); return false; }}
  return performance.now() - seen >= {ZENSICAL_SETTLE_MS};
}}"""
"""Results are listed, or the status line has said for ZENSICAL_SETTLE_MS that none were found ("No results",
no count in it). Zensical may say "No results" for a moment before it lists a query's results, and says
"140 results" a moment before it lists them."""


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

    def __init__(self, visit: Visit, server: SiteServer, edition: str, zensical: bool) -> None:
        self.visit, self.page, self.server = visit, visit.page, server
        self.edition, self.zensical = edition, zensical

    def _results(self) -> list[dict]:
        if self.zensical:
            return self.page.evaluate(ZENSICAL_STATE)["results"]
        return self.page.evaluate(MATERIAL_RESULTS)

    def _type(self, text: str) -> None:
        if self.zensical:
            self.page.locator("dialog input[role=combobox]").fill(text)
        else:
            box = self.page.locator("input.md-search__input")
            box.fill(text)
            box.press("End")  # Material's search listens to keyup

    def search(self, query: str, *, expect_results: bool = False) -> list[dict]:
        """The results for ``query`` once the search has answered (an empty list: it found nothing).

        ``expect_results``: on Zensical, wait for results and not for the status line's "No results",
        which a busy machine may show for longer than ZENSICAL_SETTLE_MS before the results come; only a
        query that truly finds nothing waits out the timeout."""
        self._type("")
        self.page.wait_for_function(
            ZENSICAL_CLEARED if self.zensical else f"() => ({MATERIAL_RESULTS})().length === 0", timeout=WAIT_MS
        )
        if self.zensical:
            self.page.evaluate("() => { window.__searchNone = undefined; }")
        self._type(query)
        if self.zensical and expect_results:
            try:
                self.page.wait_for_function(f"() => ({ZENSICAL_STATE})().results.length > 0", timeout=WAIT_MS)
            except PlaywrightTimeout:
                return []
        else:
            self.page.wait_for_function(ZENSICAL_ANSWERED if self.zensical else MATERIAL_ANSWERED, timeout=WAIT_MS)
        return self._results()


def _open_box(browser, server: SiteServer, edition: str, zensical: bool) -> Iterator[_Box]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(WAIT_MS)
    visit = Visit(page=context.new_page(), origin=server.origin, url=server.url("en/" if edition == "en" else ""))
    visit.record(context)
    visit.page.goto(visit.url, wait_until="load")
    if zensical:
        visit.page.locator(".md-search__button").first.click()
    else:
        visit.page.locator("input.md-search__input").click()
    try:
        yield _Box(visit, server, edition, zensical)
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
        unknown = [(q.query, q.zensical) for q in queries if q.zensical and q.zensical_reason not in ZENSICAL_REASONS]
        assert not unknown, f"{edition}: a zensical reason that is none of {list(ZENSICAL_REASONS)}: {unknown}"


def _check(box: _Box, results: dict, build: str) -> None:
    failures = []
    zensical = build == "zensical"
    for query in _edition_queries(box.edition):
        found_results = box.search(query.query, expect_results=not query.zensical)
        pages = _first_pages([result["path"] for result in found_results], box.server.prefix)
        found = query.path in pages
        results.setdefault(build, {})[f"{query.edition}: {query.query}"] = {
            "expected": query.path,
            "first": pages,
            "found": found,
            **({"zensical": query.zensical} if zensical and query.zensical else {}),
        }
        known = zensical and query.zensical
        if known and found:
            failures.append(f"{query.query!r}: Zensical now finds {query.path}; remove its `zensical` mark")
        elif not known and not found:
            failures.append(f"{query.query!r}: {query.path} is not among the first {TOP}: {pages}")
        if box.edition == "en":
            korean = [r["path"] for r in found_results if not r["path"].startswith(box.server.prefix + "en/")]
            if korean:
                failures.append(f"{query.query!r}: the English search lists Korean pages: {korean[:3]}")
        if not zensical:
            raw = [piece for result in found_results for piece in raw_tex(result["text"])]
            if raw:
                failures.append(f"{query.query!r}: results show raw TeX: {raw[:3]}")
    total = len(_edition_queries(box.edition))
    assert not failures, f"{build}: {len(failures)} of {total} queries fail:\n" + "\n".join(failures)
    assert not box.visit.problems(), "\n".join(box.visit.problems())


def test_mkdocs_search_lists_the_page_of_each_query_in_its_first_three(mkdocs_box: _Box, results) -> None:
    _check(mkdocs_box, results, "mkdocs")


def test_zensical_search_lists_the_page_of_each_query_not_marked_in_its_first_three(
    zensical_box: _Box, results
) -> None:
    _check(zensical_box, results, "zensical")
