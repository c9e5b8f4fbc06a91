"""The site builds with --strict from the frozen outputs alone."""

from pathlib import Path


def test_strict_build_publishes_every_page(built_site: Path) -> None:
    pages = sorted(built_site.rglob("index.html"))
    assert (built_site / "index.html").exists()
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "{{ output" not in html and "{{ figure" not in html and "{{ value" not in html, page
