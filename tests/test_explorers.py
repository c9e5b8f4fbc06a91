"""Explorer tables (``snippet_site.explorers``) and the ``{{ explorer }}`` directive."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest

from snippet_site import explorers
from snippet_site.expand import DirectiveError, PageContext, expand

TABLE = (
    "explorer\tslope a\tx\tvalue\tlinear\ta = 0.5\n"
    "x\ta = 0\t-1 0 1\n"
    "f(x)\ta = 0\t0 0 1\n"
    "f'(x)\ta = 0\t0 0 1\n"
    "x\ta = 0.5\t-1 0 1\n"
    "f(x)\ta = 0.5\t-0.5 0 1\n"
    "f'(x)\ta = 0.5\t0.5 0.5 1\n"
)


def test_a_table_becomes_steps_of_series_with_the_default_step() -> None:
    data = explorers.parse(TABLE).to_json()
    assert data["slider"] == "slope a" and data["scale"] == "linear" and data["default"] == 1
    assert data["series"] == ["f(x)", "f'(x)"]
    assert data["steps"][1] == {"label": "a = 0.5", "x": [-1.0, 0.0, 1.0], "y": [[-0.5, 0.0, 1.0], [0.5, 0.5, 1.0]]}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("", "line 1: the section printed nothing"),
        ("explorer\ta\tx\ty\tcubic\t1\n", "line 1: expected"),
        (TABLE.replace("f(x)\ta = 0\t0 0 1", "f(x)\ta = 0\t0 0"), "line 3: 2 values of 'f(x)' for 3 x values"),
        (
            TABLE.replace("f(x)\ta = 0\t0 0 1", "f(x)\ta = 0\t0 zero 1"),
            "line 3: could not convert string to float: 'zero'",
        ),
        (
            TABLE.replace("f(x)\ta = 0\t", "f(x)\ta = 9\t"),
            "line 3: series 'f(x)' for step 'a = 9' comes before that step's x line",
        ),
        (TABLE.replace("\ta = 0.5\n", "\ta = 2\n", 1), "line 1: the default step 'a = 2' is not one of the steps"),
        (
            TABLE.replace("f'(x)\ta = 0.5\t0.5 0.5 1\n", ""),
            "step 'a = 0.5': series ['f(x)'], the first step has ['f(x)', \"f'(x)\"]",
        ),
    ],
)
def test_a_malformed_table_is_named_by_line(table: str, message: str) -> None:
    with pytest.raises(explorers.ExplorerError) as error:
        explorers.parse(table)
    assert str(error.value).startswith(message), str(error.value)


def _context(sections: dict, figures: list) -> PageContext:
    outputs: dict[str, Any] = {"demo/x.py": {"sections": sections, "figures": figures, "values": {}}}
    return PageContext(page_uri="area/page.md", page_label="docs/area/page.md", load_outputs=outputs.get)


def test_the_directive_writes_the_still_figure_carrying_the_data() -> None:
    still = [{"section": "e", "file": "abc.png", "dark": "def.png"}]
    table = TABLE.replace("slope a", 'slope "a" <b>')
    expanded = expand('{{ explorer demo/x.py:e "기울기 그림" }}', _context({"e": table}, still))
    figure = re.search(
        r'<figure class="snippet-figure snippet-explorer" id="explorer-1" data-explorer="([^"]*)" markdown="span">',
        expanded,
    )
    assert figure, expanded
    assert json.loads(html.unescape(figure.group(1))) == explorers.parse(table).to_json()
    assert "abc.webp#only-light" in expanded and "def.webp#only-dark" in expanded and "그림 1. 기울기 그림" in expanded
    assert "<b>" not in expanded.split("markdown=")[0], "the data cannot break out of the attribute"


@pytest.mark.parametrize(
    ("sections", "figures", "message"),
    [
        ({"e": TABLE}, [], "docs/area/page.md:1: section 'e' of snippet 'demo/x.py' must draw one still figure"),
        (
            {"e": "hello\n"},
            [],
            "docs/area/page.md:1: section 'e' of snippet 'demo/x.py' is not an explorer table: line 1: expected",
        ),
        ({}, [], "docs/area/page.md:1: snippet 'demo/x.py' has no section 'e'"),
    ],
)
def test_a_bad_explorer_names_the_page_line(sections: dict, figures: list, message: str) -> None:
    with pytest.raises(DirectiveError) as error:
        expand('{{ explorer demo/x.py:e "그림" }}', _context(sections, figures))
    assert str(error.value).startswith(message), str(error.value)


def test_an_explorer_whose_values_move_between_cpus_says_so() -> None:
    still = [{"section": "e", "file": "a.png", "dark": "b.png"}]
    spread = {"paths": ["native"], "sections": {"e": [[3, 1, 0.02], [6, 0, 0.3]]}, "values": {}, "figures": []}
    outputs: dict[str, Any] = {
        "demo/x.py": {"sections": {"e": TABLE}, "figures": still, "values": {}, "cpu_spread": spread}
    }
    context = PageContext(page_uri="area/page.md", page_label="docs/area/page.md", load_outputs=outputs.get)
    expanded = expand('{{ explorer demo/x.py:e "그림" }}', context)
    assert "이 그림의 값 가운데 2개는 CPU에 따라 달라집니다(가장 크게 ±0.3)." in expanded
    assert "CPU에 따라" not in expand('{{ explorer demo/x.py:e "그림" }}', _context({"e": TABLE}, still))
