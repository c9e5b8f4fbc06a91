"""The explorers: each slider, moved from the keyboard, draws exactly the numbers its snippet printed
(read here from the frozen outputs), in light and dark mode and after instant navigation; without
JavaScript the still figure stays."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from snippet_runner import store
from snippet_runner.project import Project
from snippet_site import explorers

from .support import WAIT_MS, Visit, ready_for_instant_navigation, screenshot_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DIRECTIVE = re.compile(r"^\s*\{\{\s*explorer\s+(\S+?):(\S+)\s")


@dataclass(frozen=True)
class Use:
    page: str
    """The page's address, e.g. ``activation/relu_variants/``."""
    snippet: str
    section: str
    position: int
    """Its place among the page's explorers (0-based)."""


def _uses() -> list[Use]:
    uses = []
    for markdown in sorted((ROOT / "docs").rglob("*.md")):
        found = [
            m.groups() for line in markdown.read_text(encoding="utf-8").splitlines() if (m := DIRECTIVE.match(line))
        ]
        page = markdown.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
        uses += [Use(page, snippet, section, position) for position, (snippet, section) in enumerate(found)]
    return uses


USES = _uses()
PAGES = sorted({use.page for use in USES})

DRAWN = """(position) => {
  const figure = [...document.querySelectorAll("article figure.snippet-explorer")][position];
  const state = figure?.explorer;
  if (!state?.plot) return null;
  const input = figure.querySelector("input[type=range]");
  const label = input && document.querySelector(`label[for="${input.id}"]`);
  return {
    index: state.index,
    data: state.plot.data.map((column) => Array.from(column)),
    label: label?.textContent ?? null,
    valuetext: input?.getAttribute("aria-valuetext"),
    stillShown: [...figure.querySelectorAll("img")].some((img) => getComputedStyle(img).display !== "none"),
    axisColour: state.stroke,
  };
}"""


def _expected(use: Use) -> explorers.Explorer:
    outputs = store.load_outputs(Project.at(ROOT), use.snippet)
    assert outputs is not None, f"{use.snippet} has no frozen output"
    return explorers.parse(outputs["sections"][use.section])


def _drawn(page, use: Use) -> dict:
    page.locator("article figure.snippet-explorer").nth(use.position).scroll_into_view_if_needed()  # drawn when near
    page.wait_for_function(f"() => ({DRAWN})({use.position}) !== null", timeout=WAIT_MS)
    return page.evaluate(DRAWN, use.position)


def _check_step(drawn: dict, expected: explorers.Explorer, index: int, where: str) -> None:
    step = expected.steps[index]
    assert drawn["index"] == index, f"{where}: at step {drawn['index']}, expected {index}"
    assert drawn["valuetext"] == step.label, where
    assert drawn["data"] == [step.x, *(step.series[name] for name in expected.names)], (
        f"{where}: drawn values are not the snippet's"
    )


def test_every_explorer_is_found_and_there_are_at_least_four() -> None:
    assert len(USES) >= 4, USES


@pytest.mark.parametrize("use", USES, ids=[f"{u.snippet}:{u.section}" for u in USES])
def test_the_keyboard_steps_through_the_snippets_values(use: Use, open_page) -> None:
    expected = _expected(use)
    visit = open_page(use.page)
    page = visit.page
    drawn = _drawn(page, use)
    where = f"{use.page} explorer {use.position + 1}"
    assert drawn["label"] == expected.slider, f"{where}: the slider is not labelled"
    assert not drawn["stillShown"], f"{where}: the still image is shown beside the chart"
    default = [step.label for step in expected.steps].index(expected.default)
    _check_step(drawn, expected, default, where)
    slider = page.locator("article figure.snippet-explorer").nth(use.position).locator("input[type=range]")
    slider.focus()
    for key, index in (
        ("Home", 0),
        ("ArrowRight", 1),
        ("End", len(expected.steps) - 1),
        ("ArrowLeft", len(expected.steps) - 2),
    ):
        page.keyboard.press(key)
        _check_step(page.evaluate(DRAWN, use.position), expected, index, f"{where} after {key}")
    figure = page.locator("article figure.snippet-explorer").nth(use.position)
    figure.screenshot(path=screenshot_path(use.page, f"explorer-{use.position + 1}-light"))

    light_axis = drawn["axisColour"]
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = _drawn(page, use)
    _check_step(dark, expected, len(expected.steps) - 2, f"{where} in dark mode")
    assert dark["axisColour"] != light_axis, (
        f"{where}: the axes keep their light-mode colour ({light_axis}) in dark mode"
    )
    figure.screenshot(path=screenshot_path(use.page, f"explorer-{use.position + 1}-dark"))
    assert not visit.problems(), "\n".join(visit.problems())


@pytest.mark.parametrize("page_path", PAGES)
def test_explorers_work_after_instant_navigation(page_path: str, open_page) -> None:
    visit: Visit = open_page("")
    page = visit.page
    ready_for_instant_navigation(page)
    page.evaluate("() => { window.__stillHere = true; }")
    page.locator(f".md-nav__link[href$='{page_path}']").first.click()
    page.wait_for_url(re.compile(rf"^{re.escape(visit.url + page_path)}(#[^/]*)?$"))
    for use in (u for u in USES if u.page == page_path):
        expected = _expected(use)
        drawn = _drawn(page, use)
        _check_step(
            drawn, expected, [s.label for s in expected.steps].index(expected.default), f"{page_path} after navigation"
        )
    assert page.evaluate("() => window.__stillHere === true"), "the click reloaded the page: instant navigation is off"
    assert not visit.problems(), "\n".join(visit.problems())


@pytest.mark.parametrize("page_path", PAGES)
def test_without_javascript_the_still_figure_stays(page_path: str, browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(server.url(page_path), wait_until="load")
        shown = page.evaluate(
            """() => [...document.querySelectorAll("article figure.snippet-explorer")].map((figure) =>
              [...figure.querySelectorAll("img")].filter((img) => getComputedStyle(img).display !== "none").map((img) => img.getAttribute("src")))"""
        )
        assert shown and all(len(images) == 1 and images[0].endswith("#only-light") for images in shown), shown
    finally:
        context.close()
