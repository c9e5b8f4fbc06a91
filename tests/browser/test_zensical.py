"""The Zensical build in a real browser: the same reader checks as on MkDocs for what Zensical draws
itself (no external request, no console error, explorers, figures, the English edition).

Zensical's search is its own (a dialog in a shadow root, its own index and tokenizer): the query table
of ``test_search.py`` is typed into it there, with the queries it misses named and their reasons.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from . import page_scripts as js
from .support import WAIT_MS, Visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULTS = """() => {
  const host = [...document.querySelectorAll("body > div")].find((el) => el.shadowRoot);
  if (!host) return null;
  return [...host.shadowRoot.querySelectorAll("ol[role=listbox] > li")].map((li) => ({
    href: li.querySelector("a")?.href ?? "",
    text: li.textContent.trim().slice(0, 80),
  }));
}"""


def _search(visit: Visit, query: str) -> list[dict]:
    page = visit.page
    page.locator(".md-search__button").first.click()
    box = page.locator("dialog input[role=combobox]")
    box.fill(query)
    page.wait_for_function(f"() => {{ const r = ({RESULTS})(); return r !== null && r.length > 0; }}", timeout=WAIT_MS)
    return page.evaluate(RESULTS)


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
    page.evaluate(js.REVEAL_EXPLORERS)  # each is drawn when it comes near the screen
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
