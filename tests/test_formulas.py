"""Math rendered when the page is built (snippet_site.formulas) and figures published as WebP (assets)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from PIL import Image, ImageChops

from snippet_site.assets import webp_copy
from snippet_site.formulas import MathError

ROOT = Path(__file__).resolve().parents[1]


def render(text: str) -> str:
    extensions = ["pymdownx.arithmatex", "snippet_site.formulas"]
    configs = {"pymdownx.arithmatex": {"generic": True}, "snippet_site.formulas": {"root": str(ROOT)}}
    return markdown.markdown(text, extensions=extensions, extension_configs=configs)


def test_inline_and_display_math_become_katex_html_with_a_plain_text_for_search() -> None:
    html = render("값 \\(\\sigma(x) < 1\\)\n\n\\[\n\\frac{a}{b}\n\\]\n")
    assert html.count('class="katex"') == 2 and "katex-display" in html
    assert "\\(" not in html and "\\[" not in html, "no TeX is left for a script to render"
    assert '<annotation encoding="application/x-tex">\\sigma(x) &lt; 1</annotation>' in html, "the TeX, unescaped once"
    assert "hidden>σ(x) &lt; 1</span>" in html and "hidden>a/b</span>" in html
    assert "data-search-exclude" in html


def test_a_formula_katex_cannot_parse_stops_the_build_and_is_named() -> None:
    with pytest.raises(MathError, match=r"\\\\frac\{1\}\{.*expected"):
        render("잘못된 식 \\(\\frac{1}{\\)")


def test_a_page_without_math_does_not_start_node(monkeypatch) -> None:
    monkeypatch.setattr("subprocess.run", lambda *a, **k: pytest.fail("Node ran for a page without math"))
    assert render("수식 없음") == "<p>수식 없음</p>"


def test_the_webp_copy_has_the_frozen_pngs_pixels(tmp_path: Path) -> None:
    png = next((ROOT / "outputs").rglob("*.png"))
    copy = webp_copy(png, tmp_path)
    with Image.open(png) as original, Image.open(copy) as shown:
        assert shown.format == "WEBP" and shown.size == original.size
        assert ImageChops.difference(original.convert("RGBA"), shown.convert("RGBA")).getbbox() is None
    assert webp_copy(png, tmp_path) == copy and len(list(tmp_path.iterdir())) == 1, "made once, then reused"
