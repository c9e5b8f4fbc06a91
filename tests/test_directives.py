"""Expanding {{ output }}, {{ figure }} and {{ value }} in page Markdown."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import markdown
import pytest

from snippet_site.expand import LONG_OUTPUT_LINES, DirectiveError, PageContext, expand
from snippet_site.language import ENGLISH

OUTPUTS: dict[str, Any] = {
    "demo/x.py": {
        "sections": {"": '<script>alert(1)</script>\n````\n--8<-- "secret.txt"\n', "s": "a = 0.5\n"},
        "figures": [{"section": "s", "file": "abc.png", "dark": "def.png"}],
        "values": {"ratio": 0.4567, "name": "<b>"},
    }
}


def context() -> PageContext:
    return PageContext(page_uri="area/page.md", page_label="docs/area/page.md", load_outputs=OUTPUTS.get)


def render(text: str) -> str:
    return render_with(expand(text, context()))


def render_with(expanded: str) -> str:
    extensions = ["pymdownx.superfences", "md_in_html", "attr_list", "pymdownx.highlight"]
    return markdown.markdown(expanded, extensions=extensions)


def test_output_is_escaped_and_fenced_longer_than_any_backtick_run() -> None:
    expanded = expand("{{ output demo/x.py }}", context())
    assert "`````text" in expanded  # five backticks: longer than the four printed
    assert ';--8<-- "secret.txt"' in expanded
    html = render("{{ output demo/x.py }}")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_values_are_formatted_and_escaped() -> None:
    line = "비율 {{ value demo/x.py ratio .1% }}, 이름 {{ value demo/x.py name }}"
    assert expand(line, context()) == "비율 45.7%, 이름 &lt;b&gt;"


def test_directives_in_code_are_left_alone() -> None:
    text = "```md\n{{ output demo/x.py }}\n```\n`{{ value demo/x.py ratio }}`"
    assert expand(text, context()) == text


def test_figure_links_relative_to_the_page_with_number_and_alt() -> None:
    expanded = expand('{{ figure demo/x.py:s "ReLU 그래프" }}', context())
    assert "](../figures/demo/x/abc.webp#only-light)" in expanded, "the page shows the PNG's lossless WebP copy"
    assert "](../figures/demo/x/def.webp#only-dark)" in expanded, (
        "the dark variant, which Material shows in the dark scheme"
    )
    assert "![ReLU 그래프]" in expanded and "그림 1. ReLU 그래프" in expanded


def test_a_figure_carries_its_size_so_the_page_does_not_shift_when_it_loads() -> None:
    sizes = {"abc.png": (640, 400), "def.png": (641, 401)}
    sized = replace(context(), figure_size=lambda snippet_id, file: sizes[file])
    html = render_with(expand('{{ figure demo/x.py:s "ReLU 그래프" }}', sized))
    light, dark = re.findall(r"<img [^>]*>", html)
    assert 'width="640"' in light and 'height="400"' in light, light
    assert 'width="641"' in dark and 'height="401"' in dark, dark


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{{ value demo/x.py nope }}", "docs/area/page.md:3: snippet 'demo/x.py' has no top-level value 'nope'"),
        ("{{ output demo/missing.py }}", "docs/area/page.md:3: no frozen output for snippet 'demo/missing.py'"),
        ("{{ output demo/x.py:zz }}", "docs/area/page.md:3: snippet 'demo/x.py' has no section 'zz'"),
        ('{{ figure demo/x.py "" }}', "docs/area/page.md:3: use"),
        ("{{ value demo/x.py name .2f }}", "docs/area/page.md:3: cannot format 'name'"),
    ],
)
def test_bad_directives_name_the_page_and_line(line: str, message: str) -> None:
    with pytest.raises(DirectiveError) as error:
        expand(f"# 제목\n\n{line}\n", context())
    assert str(error.value).startswith(message)


def test_the_english_edition_writes_its_own_words_around_the_same_outputs() -> None:
    outputs: dict[str, Any] = {
        "demo/x.py": {
            **OUTPUTS["demo/x.py"],
            "figures": [{"section": "s", "file": "abc.png", "dark": "def.png", "en": "e1.png", "en_dark": "e2.png"}],
        }
    }
    english = PageContext(
        page_uri="area/page.md",
        page_label="docs-en/area/page.md",
        load_outputs=outputs.get,
        describe=lambda snippet_id: f"snippets/{snippet_id}",
        words=ENGLISH,
    )
    expanded = expand('{{ output demo/x.py:s }}\n\n{{ figure demo/x.py:s "The ReLU graph" }}', english)
    assert 'text title="Output"' in expanded and ">Source<" in expanded
    assert (
        "](../figures/demo/x/e1.webp#only-light)" in expanded and "](../figures/demo/x/e2.webp#only-dark)" in expanded
    )
    assert "Figure 1. The ReLU graph" in expanded
    assert "abc.png" not in expanded and "그림" not in expanded and "출처" not in expanded


def test_a_long_output_is_collapsed_under_a_summary_with_its_length() -> None:
    long_text = "\n".join(f"step {i}" for i in range(LONG_OUTPUT_LINES + 1)) + "\n"
    outputs: dict[str, Any] = {"demo/long.py": {**OUTPUTS["demo/x.py"], "sections": {"": long_text}}}
    html = render_with(expand("{{ output demo/long.py }}", replace(context(), load_outputs=outputs.get)))
    assert f"<summary>출력 전체 보기 ({LONG_OUTPUT_LINES + 1}줄)</summary>" in html
    assert html.index("<details") < html.index("step 0") < html.index("</details>")
    assert "<details" not in render("{{ output demo/x.py }}"), "a short output stays open"
