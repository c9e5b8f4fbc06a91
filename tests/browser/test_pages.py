"""Every page, and the 404 page, in a real browser: nothing external, nothing broken, math and figures,
provenance labels, accessibility in both colour schemes, weight."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from . import page_scripts as js
from .raw_tex import raw_tex
from .support import AXE, WAIT_MS, Visit, built_pages, language_of, page_paths, screenshot_path

pytestmark = pytest.mark.browser

PAGES = page_paths()
MISSING_PAGE = "no/such/page/"
"""A path that is no page: the server answers 404 with the site's 404.html."""
ENGLISH_404 = "en/404.html"
"""The English edition's own 404 page (GitHub Pages answers every missing path with the root's, which links to it)."""
CASES = [*((path, 200) for path in PAGES), (MISSING_PAGE, 404), (ENGLISH_404, 200)]
CAPTION = {"ko": re.compile(r"그림 \d+\."), "en": re.compile(r"Figure \d+\.")}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""axe's rules (tag ``cat.color``, AA level) whose result depends on the colours."""
MAX_LAYOUT_SHIFT = 0.05
"""Cumulative layout shift from loading a page to its settled state ("good" in Core Web Vitals is 0.1)."""
MAX_PAGE_BYTES = 1_000_000
MAX_HOME_BYTES = 500_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")
HOME_REQUESTS = {
    "search index": re.compile(r"/search/search_index\.json$"),
    "search worker": re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$"),
}
"""What the home page must have loaded and counted, so that an undercount of its weight fails."""


def _name(path: str, status: int) -> str:
    return "404" if status == 404 else "en/404" if path == ENGLISH_404 else path or "home"


def test_the_page_list_is_every_page_of_the_built_site(site_dir: Path) -> None:
    assert PAGES, "page_paths() found no page: the per-page tests would check nothing"
    built = built_pages(site_dir)
    assert set(PAGES) == built, f"not tested: {sorted(built - set(PAGES))}, not built: {sorted(set(PAGES) - built)}"
    assert len(PAGES) == len(set(PAGES))


@pytest.mark.parametrize(("path", "status"), CASES, ids=[_name(*case) for case in CASES])
def test_page_in_a_real_browser(path: str, status: int, open_page, weights: dict) -> None:
    name = _name(path, status)
    visit = open_page(path, expect_status=status)
    page = visit.page
    page.evaluate(js.SETTLE)
    if page.locator("article .arithmatex").count():
        page.wait_for_function(js.MATH_RENDERED, timeout=WAIT_MS)
    problems = _layout_problems(page)  # before scrolling: a reader's scrolling draws the explorers
    page.evaluate(js.REVEAL_EXPLORERS)
    page.wait_for_function(js.EXPLORERS_DRAWN, timeout=WAIT_MS)  # so that axe and the screenshots see the charts
    page.wait_for_load_state("networkidle")

    language = language_of(path)
    problems += _math_problems(page) + _image_problems(page, language)
    if (found := page.evaluate("() => document.documentElement.lang")) != language:
        problems.append(f"<html lang={found!r}>, expected {language!r}")
    problems += [f"no provenance label: {item}" for item in page.evaluate(js.PROVENANCE)]
    # axe measures colours where each element is drawn: lay out what the page leaves for later
    # (content-visibility), as a reader scrolling through would, so that every element is checked.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    problems += [f"axe (light): {v}" for v in page.evaluate(js.AXE_RUN, None)]
    problems += _weight_problems(visit, name, weights, home=path in HOMES)
    page.screenshot(path=screenshot_path(name, "light"))
    for number, figure in enumerate(page.locator("article figure").all()[:6], start=1):
        figure.screenshot(path=screenshot_path(name, f"light-figure-{number}"))

    problems += _dark_mode_problems(visit, name)
    problems += visit.problems()  # everything the page did, dark mode included
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


def _layout_problems(page) -> list[str]:
    layout = page.evaluate(js.LAYOUT)
    problems = (
        [f"layout shift {layout['shift']:.3f} > {MAX_LAYOUT_SHIFT}"] if layout["shift"] > MAX_LAYOUT_SHIFT else []
    )
    problems += [f"image without width and height (the page shifts when it loads): {src}" for src in layout["unsized"]]
    return problems + [f"heading skips a level: {skip}" for skip in layout["skips"]]


def _math_problems(page) -> list[str]:
    math = page.evaluate(js.MATH_STATE)
    problems = [f"math not rendered: {text}" for text in math["unrendered"]]
    problems += [f"KaTeX error: {text}" for text in math["errors"]]
    return problems + [f"raw TeX left in the text: {text!r}" for text in raw_tex(math["text"])]


def _image_problems(page, language: str) -> list[str]:
    problems = []
    for image in page.evaluate(js.IMAGES):
        if image["shown"] and not image["loaded"]:
            problems.append(f"image not loaded: {image['src']}")
        if not (image["alt"] or "").strip():
            problems.append(f"image without alt text: {image['src']}")
        if image["inFigure"]:
            if bool(HANGUL.search(image["alt"] or "")) != (language == "ko"):
                problems.append(
                    f"figure alt text is not in the edition's language ({language}): {image['src']} ({image['alt']!r})"
                )
            if not image["caption"] or not CAPTION[language].match(image["caption"]):
                problems.append(f"figure without a numbered caption: {image['src']}")
    return problems


HOMES = ("", "en/")


def _weight_problems(visit: Visit, name: str, weights: dict, *, home: bool) -> list[str]:
    budget = MAX_HOME_BYTES if home else MAX_PAGE_BYTES
    wire, decoded = visit.transferred()
    weights[name] = {"transferred": wire, "decoded": decoded, "requests": len(visit.finished)}
    problems = [f"page weight {wire:,} bytes transferred > budget {budget:,}"] if wire > budget else []
    if home:
        counted = [request.url for request in visit.finished]
        problems += [
            f"the weight does not count the {what}: counted {counted}"
            for what, pattern in HOME_REQUESTS.items()
            if not any(pattern.search(url) for url in counted)
        ]
    return problems


def _variant_problems(figures: list[list[dict]], scheme: str) -> list[str]:
    """Each figure shows exactly its ``scheme`` variant, whose background is light or dark to match."""
    problems = []
    for number, shown in enumerate(figures, start=1):
        if [image["src"].rsplit("#", 1)[-1] for image in shown] != [f"only-{scheme}"]:
            problems.append(f"figure {number} shows {[image['src'] for image in shown]} in the {scheme} scheme")
            continue
        lightness = sum(shown[0]["corner"]) / (3 * 255)
        if (lightness < 0.5) != (scheme == "dark"):
            problems.append(
                f"figure {number}: background {shown[0]['corner']} on the {scheme} scheme ({shown[0]['src']})"
            )
    return problems


def _dark_mode_problems(visit: Visit, name: str) -> list[str]:
    """Switch with the palette toggle: each figure shows its dark variant, drawn on a dark background
    (no white rectangle), and the dark scheme passes axe's colour rules too. The palette swaps only
    colours (CSS custom properties) and which variant shows, on the same document, which the light
    run has checked against every rule."""
    page = visit.page
    problems = _variant_problems(page.evaluate(js.FIGURE_VARIANTS), "light")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => ({js.SCHEME})() === 'slate'")
    page.mouse.move(0, page.viewport_size["height"] - 1)  # off the toggle, whose tooltip would fade in
    page.evaluate(js.TRANSITIONS_DONE)
    page.wait_for_load_state("networkidle")
    page.evaluate(js.SETTLE)  # the dark variants load now, as they would for a reader
    problems += _variant_problems(page.evaluate(js.FIGURE_VARIANTS), "dark")
    problems += [f"axe (dark): {v}" for v in page.evaluate(js.AXE_RUN, COLOUR_RULES)]
    page.screenshot(path=screenshot_path(name, "dark"))
    for number, figure in enumerate(page.locator("article figure").all()[:6], start=1):
        figure.screenshot(path=screenshot_path(name, f"dark-figure-{number}"))
    return problems
