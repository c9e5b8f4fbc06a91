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
    assert re.search(r"<abbr title=\"[^\"]+\">ReLU</abbr>[는가를의와]", page), (
        "no tooltip on ReLU followed by a particle"
    )
    assert not re.search(r"<abbr[^>]*>ReLU</abbr>6", page), "ReLU6 was split into ReLU + 6"


def test_every_glossary_term_has_a_tooltip_somewhere(built_site: Path) -> None:
    terms = re.findall(r"^\*\[(.+?)\]:", ABBREVIATIONS.read_text(encoding="utf-8"), re.MULTILINE)
    pages = "".join(
        page.read_text(encoding="utf-8")
        for page in built_site.rglob("index.html")
        if page.relative_to(built_site).parts[0] != "en"
    )
    missing = [term for term in terms if f">{html.escape(term)}</abbr>" not in pages]
    assert not missing, f"glossary terms never shown with a tooltip: {missing}"


HANGUL = re.compile(r"[\uac00-\ud7a3]")
OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"


def _figure_files(variants: tuple[str, ...]) -> set[str]:
    import json

    files = set()
    for path in OUTPUTS.rglob("*.json"):
        if path.name != "manifest.json":
            files |= {figure[v] for figure in json.loads(path.read_text(encoding="utf-8"))["figures"] for v in variants}
    return files


def test_each_edition_shows_its_own_figures_and_english_explorer_labels(built_site: Path) -> None:
    english_files, korean_files = _figure_files(("en", "en_dark")), _figure_files(("file", "dark"))
    for page in built_site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        shown = set(re.findall(r'<img[^>]+src="[^"]*/figures/[^"]*/([0-9a-f]{16}\.png)#only', text))
        english = page.relative_to(built_site).parts[0] == "en"
        assert shown <= (english_files if english else korean_files), f"{page}: figures of the other edition"
        if english:
            for data in re.findall(r'data-explorer="([^"]*)"', text):
                assert not HANGUL.search(html.unescape(data)), (
                    f"{page}: an explorer label is not English: {html.unescape(data)[:200]}"
                )
    assert english_files - korean_files, "no English figure differs from its Korean one: the table was not applied"


def test_the_english_glossary_tooltips_are_shown(built_site: Path) -> None:
    terms = re.findall(
        r"^\*\[(.+?)\]:", ABBREVIATIONS.with_name("abbreviations.en.md").read_text(encoding="utf-8"), re.MULTILINE
    )
    pages = "".join(page.read_text(encoding="utf-8") for page in (built_site / "en").rglob("index.html"))
    shown = [term for term in terms if f">{html.escape(term)}</abbr>" in pages]
    assert len(shown) >= len(terms) // 2, (
        f"only {len(shown)} of {len(terms)} English glossary terms have a tooltip on the English pages"
    )
