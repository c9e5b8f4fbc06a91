"""The Zensical build in a real browser: Korean search, measured rather than assumed, and the same
reader checks as on MkDocs for what Zensical draws itself (no external request, no console error).

Zensical's search is its own (a dialog in a shadow root, its own index and tokenizer), so the
queries of the MkDocs search test are typed into it and what it returns is written to
``test-artifacts/zensical-search.json``: for each query, how many results and where the first
ones lead. The test fails when the page a query must find is not among them.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from .support import ARTIFACTS, SEARCHES, WAIT_MS, Visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOT_IN_FIRST_RESULTS = {
    "기울기가": "Zensical's search ranks the pages that contain the word with its particle, as typed, first; "
    "the vanishing-gradient page, which MkDocs' prefix search lists, is not among its first results",
}
"""Queries whose expected page Zensical does not list, measured (the test fails if it starts to: then
remove the entry). Each still must return results that contain the word."""

RESULTS = """() => {
  const host = [...document.querySelectorAll("body > div")].find((el) => el.shadowRoot);
  if (!host) return null;
  return [...host.shadowRoot.querySelectorAll("ol[role=listbox] > li")].map((li) => ({
    href: li.querySelector("a")?.href ?? "",
    text: li.textContent.trim().slice(0, 80),
  }));
}"""


@pytest.fixture(scope="module")
def measured():
    found: dict[str, dict] = {}
    yield found
    if found:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "zensical-search.json").write_text(
            json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def _search(visit: Visit, query: str) -> list[dict]:
    page = visit.page
    page.locator(".md-search__button").first.click()
    box = page.locator("dialog input[role=combobox]")
    box.fill(query)
    page.wait_for_function(f"() => {{ const r = ({RESULTS})(); return r !== null && r.length > 0; }}", timeout=WAIT_MS)
    return page.evaluate(RESULTS)


@pytest.mark.parametrize("query", list(SEARCHES))
def test_zensical_search_finds_korean_words(query: str, open_zensical_page, zensical_server, measured) -> None:
    visit = open_zensical_page("")
    results = _search(visit, query)
    paths = [urlparse(result["href"]).path for result in results]
    measured[query] = {"results": len(results), "first": paths[:5], "expected": SEARCHES[query]}
    expected = zensical_server.prefix + SEARCHES[query]
    assert results and all(word in results[0]["text"] for word in query.split()), f"{query!r}: {results[:3]}"
    if query in NOT_IN_FIRST_RESULTS:
        assert expected not in paths, f"{query!r}: Zensical now finds {expected}; remove it from NOT_IN_FIRST_RESULTS"
    else:
        assert expected in paths, f"{query!r}: {expected} is not among Zensical's results: {paths[:8]}"
    assert not visit.problems(), "\n".join(visit.problems())


def test_zensical_pages_load_without_external_requests_or_errors(open_zensical_page) -> None:
    for path in (
        "",
        "activation/relu/",
        "experiments/dead_relu/",
        "en/",
        "en/activation/relu/",
        "en/experiments/dead_relu/",
    ):
        visit = open_zensical_page(path)
        visit.page.wait_for_load_state("networkidle")
        assert not visit.problems(), f"{path}: " + "\n".join(visit.problems())


EXPLORERS = """() => [...document.querySelectorAll("article figure.snippet-explorer")].map((figure) => ({
  drawn: figure.explorer?.plot ? figure.explorer.plot.data.length : 0,
  series: JSON.parse(figure.dataset.explorer).series.length,
}))"""
SHOWN_FIGURES = """() => [...document.querySelectorAll("article figure.snippet-figure:not(.snippet-explorer) img")]
  .filter((img) => getComputedStyle(img).display !== "none").map((img) => img.getAttribute("src").split("#")[1])"""


def test_zensical_draws_the_explorers_and_shows_the_figure_variant_of_each_scheme(open_zensical_page) -> None:
    """Zensical's theme keeps Material's #only-light/#only-dark rules and its document$, which the
    figures and explorers.js rely on."""
    visit = open_zensical_page("experiments/dead_relu/")
    page = visit.page
    page.wait_for_function(f"() => ({EXPLORERS})().every((e) => e.drawn > 0)", timeout=WAIT_MS)
    explorers = page.evaluate(EXPLORERS)
    assert explorers and all(e["drawn"] == e["series"] + 1 for e in explorers), explorers
    assert set(page.evaluate(SHOWN_FIGURES)) == {"only-light"}
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert set(page.evaluate(SHOWN_FIGURES)) == {"only-dark"}
    assert not visit.problems(), "\n".join(visit.problems())


def test_zensical_builds_the_english_edition_with_its_language_figures_and_switch(
    open_zensical_page, zensical_server
) -> None:
    visit = open_zensical_page("en/basics/vanishing_gradient/")
    page = visit.page
    assert page.evaluate("() => document.documentElement.lang") == "en"
    captions = page.locator("article figcaption").all_inner_texts()
    assert captions and all(caption.startswith("Figure ") for caption in captions), captions
    assert (
        page.locator("a.md-select__link[hreflang=ko]").get_attribute("href")
        == zensical_server.prefix + "basics/vanishing_gradient/"
    )
    results = _search(visit, "gradient")
    assert any(urlparse(r["href"]).path.startswith(zensical_server.prefix + "en/") for r in results), results[:3]
    assert not visit.problems(), "\n".join(visit.problems())
