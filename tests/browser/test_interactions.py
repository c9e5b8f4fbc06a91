"""What readers do on the site: search in Korean, copy code, switch colours, navigate, get notebooks."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from .support import WAIT_MS, Visit, ready_for_instant_navigation

pytestmark = pytest.mark.browser

CODE_PAGE = "activation/relu/"
NOTEBOOK_PAGE = "notebooks/activation/relu/"


def _no_problems(visit: Visit) -> None:
    assert not visit.problems(), "\n".join(visit.problems())


def _rendered_math(page) -> None:
    page.wait_for_function(
        "() => { const m = [...document.querySelectorAll('article .arithmatex')];"
        " return m.length > 0 && m.every((el) => el.querySelector('.katex')); }",
        timeout=WAIT_MS,
    )


SEARCH_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map((item) => {
  const clone = item.cloneNode(true);
  // Material lists the query words a result lacks ("포함되지 않은 검색어"): that note is no match.
  clone.querySelectorAll(".md-search-result__terms, pre, code").forEach((el) => el.remove());
  return {
    links: [...item.querySelectorAll("a")].map((a) => new URL(a.href).pathname),
    text: clone.textContent,
    marks: [...clone.querySelectorAll("mark")].map((mark) => mark.textContent),
  };
})"""


def search(page, query: str) -> list[dict]:
    """Type ``query`` into Material's search box as a reader does; the results, once there are some."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material's search listens to keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=WAIT_MS)
    return page.evaluate(SEARCH_RESULTS)


def test_a_search_marks_the_word_in_its_results_and_opens_the_page(open_page) -> None:
    """What the query table (``test_search``) does not look at: the typed word, particle and all, is
    marked in the results, and a result opens its page. Which pages a query finds is the table's."""
    visit = open_page("")
    page = visit.page
    results = search(page, "기울기가")
    assert any(any(mark.startswith("기울기") for mark in r["marks"]) for r in results), results[:3]
    first = page.locator(".md-search-result__item a").first
    target = first.get_attribute("href").split("?")[0].split("#")[0]
    first.click()
    page.wait_for_load_state("networkidle")
    assert target and target in page.url and page.url != visit.url, (target, page.url)
    _no_problems(visit)


def test_copy_button_copies_the_code(open_page) -> None:
    visit = open_page(CODE_PAGE)
    page = visit.page
    block = page.locator("article div.highlight:visible pre").first
    block.scroll_into_view_if_needed()
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    code = block.locator("code").inner_text()
    assert copied.strip() and copied.strip() == code.strip()
    _no_problems(visit)


def test_palette_toggle_switches_and_is_remembered(open_page) -> None:
    visit = open_page(CODE_PAGE)
    page = visit.page
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => ({scheme})() === 'slate'")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => ({scheme})() === 'default'")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.reload()
    assert page.evaluate(scheme) == "slate"
    _no_problems(visit)


def _at(url: str) -> re.Pattern:
    """Exactly the page at ``url`` (ending ``/``), with or without a fragment. On a busy machine
    Material's section tracking (``navigation.tracking``) can write the previous page's section into
    the address after an instant navigation (seen: ``relu/#source-documents``); the page is the same."""
    return re.compile(rf"^{re.escape(url)}(#[^/]*)?$")


def test_instant_navigation_renders_math_without_a_reload(open_page) -> None:
    visit = open_page("")
    page = visit.page
    ready_for_instant_navigation(page)
    page.evaluate("() => { window.__stillHere = true; }")
    page.locator(f"article a[href$='{CODE_PAGE}']").first.click()
    page.wait_for_url(_at(visit.url + CODE_PAGE))
    _rendered_math(page)
    assert page.evaluate("() => window.__stillHere === true"), "the click reloaded the page: instant navigation is off"
    page.go_back()
    page.wait_for_url(_at(visit.url))
    page.locator(".md-nav__link[href$='math/calculus/']").first.click()
    page.wait_for_url(_at(visit.url + "math/calculus/"))
    _rendered_math(page)
    assert page.evaluate("() => window.__stillHere === true")
    _no_problems(visit)


def test_page_with_code_links_to_its_notebook(open_page) -> None:
    visit = open_page(CODE_PAGE)
    page = visit.page
    view = page.locator("a.md-content__button[aria-label*='노트북으로 보기']")
    download = page.locator("a.md-content__button[download]")
    colab = page.locator("a.md-content__button[aria-label='Colab에서 열기']")
    assert colab.get_attribute("href").startswith("https://colab.research.google.com/github/")
    assert colab.get_attribute("href").endswith("/docs/notebooks/activation/relu.ipynb")
    notebook = page.request.get(urljoin(page.url, download.get_attribute("href")))
    assert notebook.ok and json.loads(notebook.text())["nbformat"] == 4
    view.click()
    page.wait_for_url(_at(urljoin(visit.url, "../../" + NOTEBOOK_PAGE)))
    page.locator(".jupyter-wrapper .jp-CodeCell").first.wait_for()
    _no_problems(visit)


def test_notebook_page_has_a_download_button_and_no_nav_entry_of_its_own(open_page) -> None:
    visit = open_page(NOTEBOOK_PAGE)
    page = visit.page
    download = page.locator("a.md-content__button[download]")
    with page.expect_download() as event:
        download.click()
    data = json.loads(Path(event.value.path()).read_text(encoding="utf-8"))
    assert data["nbformat"] == 4 and data["cells"][0]["cell_type"] == "markdown"
    nav_links = page.locator(".md-nav--primary a.md-nav__link")
    hrefs = [urljoin(page.url, nav_links.nth(i).get_attribute("href")) for i in range(nav_links.count())]
    assert hrefs and not any("/notebooks/" in href and not href.endswith("/notebooks/") for href in hrefs), hrefs
    labels = [nav_links.nth(i).inner_text().strip() for i in range(nav_links.count())]
    assert len(labels) == len(set(labels)), f"a page is listed twice in the navigation: {labels}"
    cells = page.locator(".jupyter-wrapper .jp-CodeCell")
    assert cells.count() > 3
    assert page.locator(".jupyter-wrapper", has_text="페이지 값과 비교하는 도구").count() == 0  # hidden helper cell
    _no_problems(visit)


def test_provenance_shows_on_keyboard_focus(open_page) -> None:
    visit = open_page(CODE_PAGE)
    page = visit.page
    label = page.locator(".snippet-output .snippet-provenance").first
    text = label.locator(".snippet-provenance__text")
    assert text.bounding_box()["width"] <= 1
    label.focus()
    box = text.bounding_box()
    assert box["width"] > 100 and box["height"] > 10
    content = text.inner_text()
    for part in ("snippets/", "torch", "numpy", "matplotlib", "seed"):
        assert part in content, content
    _no_problems(visit)


def test_missing_page_gets_the_404_page(open_page) -> None:
    visit = open_page("no/such/page/", expect_status=404)
    page = visit.page
    assert "페이지를 찾을 수 없습니다" in page.locator("article").inner_text()
    page.locator("article a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").first.inner_text().startswith("ReLU")
    _no_problems(visit)
