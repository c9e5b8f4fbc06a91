"""The two editions in a real browser: the language switch stays on the page (after instant
navigation too), each edition has its own notebooks, OpenGraph locale, search language and 404 page.
The page checks of ``test_pages`` run on every page of both; the English search's queries are in
``search_queries.toml`` (``test_search``)."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from .support import WAIT_MS, Visit, ready_for_instant_navigation

pytestmark = pytest.mark.browser

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _no_problems(visit: Visit) -> None:
    assert not visit.problems(), "\n".join(visit.problems())


def _switch_to(page, language: str) -> None:
    page.wait_for_load_state("networkidle")
    page.locator(".md-header__option .md-select").hover()  # the list opens on hover, as for a reader
    page.locator(f"a.md-select__link[hreflang={language}]").click()
    page.wait_for_function(f"() => document.documentElement.lang === '{language}'", timeout=WAIT_MS)
    page.wait_for_load_state("networkidle")


def test_the_language_switch_stays_on_the_page_after_instant_navigation(open_page, server) -> None:
    visit = open_page("activation/relu/")
    page = visit.page
    ready_for_instant_navigation(page)
    page.evaluate("() => { window.__stillHere = true }")
    page.locator(".md-nav--primary a.md-nav__link[href$='vanishing_gradient/']").first.click()
    page.wait_for_url(server.url("basics/vanishing_gradient/"))
    assert page.evaluate("() => window.__stillHere === true"), "the navigation was not instant"

    _switch_to(page, "en")
    assert page.url == server.url("en/basics/vanishing_gradient/")
    assert page.locator("article h1").inner_text().strip().lower().startswith("vanishing gradient")
    _switch_to(page, "ko")
    assert page.url == server.url("basics/vanishing_gradient/")
    _no_problems(visit)


def test_each_edition_has_its_own_notebook_and_colab_link(open_page) -> None:
    for path, folder, label in (
        ("activation/relu/", "docs", "Colab에서 열기"),
        ("en/activation/relu/", "docs-en", "Open in Colab"),
    ):
        visit = open_page(path)
        page = visit.page
        colab = page.locator(f"a.md-content__button[aria-label='{label}']")
        assert colab.get_attribute("href").endswith(f"/{folder}/notebooks/activation/relu.ipynb")
        download = page.locator("a.md-content__button[download]")
        notebook = json.loads(page.request.get(urljoin(page.url, download.get_attribute("href"))).text())
        first = "".join(notebook["cells"][0]["source"])
        assert bool(HANGUL.search(first)) == (folder == "docs"), (
            f"{path}: the notebook's first cell is in the other language: {first[:120]!r}"
        )
        _no_problems(visit)


def test_each_edition_has_its_own_opengraph_locale_and_search_language(open_page) -> None:
    for path, locale, language in (("activation/relu/", "ko_KR", "ko"), ("en/activation/relu/", "en_US", "en")):
        visit = open_page(path)
        page = visit.page
        assert page.locator("meta[property='og:locale']").get_attribute("content") == locale
        assert (
            page.locator("meta[property='og:url']")
            .get_attribute("content")
            .endswith(("/en/" if language == "en" else "/relu-docs/") + "activation/relu/")
        )
        index = page.request.get(urljoin(page.url, "../../search/search_index.json")).json()
        assert index["config"]["lang"] == [language]
        _no_problems(visit)


def test_a_missing_page_offers_both_editions(open_page) -> None:
    visit = open_page("no/such/page/", expect_status=404)
    english = visit.page.locator("article a[hreflang=en]")
    assert english.count() == 1
    visit.page.wait_for_load_state("networkidle")  # the search worker has loaded: leaving would abort it
    english.click()
    visit.page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=WAIT_MS)
    _no_problems(visit)
    visit = open_page("en/404.html")
    assert "Page not found" in visit.page.locator("article").inner_text()
    _no_problems(visit)
