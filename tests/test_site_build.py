"""The site builds with --strict from the frozen outputs alone."""

import html
import re
from pathlib import Path


def test_strict_build_publishes_every_page(built_site: Path) -> None:
    pages = sorted(built_site.rglob("index.html"))
    assert (built_site / "index.html").exists()
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "{{ output" not in html and "{{ figure" not in html and "{{ value" not in html, page


ABBREVIATIONS = Path(__file__).resolve().parents[1] / "includes" / "abbreviations.md"


def test_glossary_tooltips_find_terms_before_korean_particles(built_site: Path) -> None:
    page = (built_site / "activation" / "relu" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<abbr title=\"[^\"]+\">ReLU</abbr>[는가를의와]", page), "no tooltip on ReLU followed by a particle"
    assert not re.search(r"<abbr[^>]*>ReLU</abbr>6", page), "ReLU6 was split into ReLU + 6"


def test_every_glossary_term_has_a_tooltip_somewhere(built_site: Path) -> None:
    terms = re.findall(r"^\*\[(.+?)\]:", ABBREVIATIONS.read_text(encoding="utf-8"), re.MULTILINE)
    pages = "".join(page.read_text(encoding="utf-8") for page in built_site.rglob("index.html"))
    missing = [term for term in terms if f">{html.escape(term)}</abbr>" not in pages]
    assert not missing, f"glossary terms never shown with a tooltip: {missing}"
