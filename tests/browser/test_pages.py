"""Every page in a real browser: nothing external, nothing broken, math and figures, accessibility, weight."""

from __future__ import annotations

import re

import pytest

from .support import AXE, Visit, page_paths, screenshot_path

pytestmark = pytest.mark.browser

PAGES = page_paths()
MAX_PAGE_BYTES = 1_000_000
MAX_HOME_BYTES = 500_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")
RAW_TEX = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]")

SETTLE = """async () => {
  // Load lazy images now, as a reader scrolling to the end would, then wait for them and for the fonts.
  for (const img of document.images) img.loading = "eager";
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
}"""

MATH_STATE = """() => {
  const article = document.querySelector("article");
  const math = [...article.querySelectorAll(".arithmatex")];
  const clone = article.cloneNode(true);
  clone.querySelectorAll("pre, code, script, .katex, .clipboard-copy-txt").forEach((el) => el.remove());
  return {
    total: math.length,
    unrendered: math.filter((el) => !el.querySelector(".katex")).map((el) => el.textContent.slice(0, 80)),
    errors: [...article.querySelectorAll(".katex-error")].map((el) => el.textContent.slice(0, 80)),
    text: clone.textContent,
  };
}"""

IMAGES = """() => [...document.querySelectorAll("article img")].map((img) => ({
  src: img.getAttribute("src"),
  alt: img.getAttribute("alt"),
  loaded: img.complete && img.naturalWidth > 0,
  inFigure: img.closest("figure") !== null,
  caption: img.closest("figure")?.querySelector("figcaption")?.textContent.trim() ?? null,
}))"""

AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}"""


def _wait_for_math(visit: Visit) -> None:
    page = visit.page
    if page.locator("article .arithmatex").count():
        page.wait_for_function(
            "() => [...document.querySelectorAll('article .arithmatex')].every((el) => el.querySelector('.katex'))",
            timeout=15_000,
        )


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_page_in_a_real_browser(path: str, open_page, weights: dict, site_dir) -> None:
    visit = open_page(path)
    page = visit.page
    page.evaluate(SETTLE)
    _wait_for_math(visit)
    page.wait_for_load_state("networkidle")
    problems = visit.problems()

    math = page.evaluate(MATH_STATE)
    problems += [f"math not rendered: {text}" for text in math["unrendered"]]
    problems += [f"KaTeX error: {text}" for text in math["errors"]]
    if leftover := RAW_TEX.findall(math["text"]):
        problems.append(f"raw TeX left in the text: {sorted(set(leftover))}")

    for image in page.evaluate(IMAGES):
        if not image["loaded"]:
            problems.append(f"image not loaded: {image['src']}")
        if not (image["alt"] or "").strip():
            problems.append(f"image without alt text: {image['src']}")
        if image["inFigure"]:
            if not HANGUL.search(image["alt"] or ""):
                problems.append(f"figure alt text is not Korean: {image['src']} ({image['alt']!r})")
            if not image["caption"] or not re.match(r"그림 \d+\.", image["caption"]):
                problems.append(f"figure without a numbered caption: {image['src']}")

    page.add_script_tag(path=str(AXE))
    problems += [f"axe: {v}" for v in page.evaluate(AXE_RUN)]

    wire, decoded = visit.transferred()
    weights[path or "/"] = {"transferred": wire, "decoded": decoded, "requests": len(visit.finished)}
    budget = MAX_HOME_BYTES if path == "" else MAX_PAGE_BYTES
    if wire > budget:
        problems.append(f"page weight {wire:,} bytes transferred > budget {budget:,}")

    page.screenshot(path=screenshot_path(path, "light"), full_page=True)
    _check_dark_mode(visit, path, problems)
    assert not problems, f"{path or '/'}:\n  " + "\n  ".join(problems)


def _check_dark_mode(visit: Visit, path: str, problems: list[str]) -> None:
    """Switch with the palette toggle; figures stay on a light card so their colours keep working."""
    page = visit.page
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    backgrounds = page.evaluate(
        "() => [...document.querySelectorAll('article figure img')].map((img) => getComputedStyle(img).backgroundColor)"
    )
    problems += [f"figure {n} has no light card in dark mode ({bg})" for n, bg in enumerate(backgrounds, 1) if bg != "rgb(255, 255, 255)"]
    page.screenshot(path=screenshot_path(path, "dark"))
    for number, figure in enumerate(page.locator("article figure").all()[:6], start=1):
        figure.screenshot(path=screenshot_path(path, f"dark-figure-{number}"))
