"""TeX in the search index becomes plain text (``snippet_site.search_text``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from snippet_site.search_text import plain_search_text, rewrite_search_index, tex_to_text


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\frac{1}{2}", "1/2"),
        (r"\frac{a+b}{c}", "(a+b)/c"),
        (r"\dfrac{\partial L}{\partial x}", "(∂ L)/(∂ x)"),
        (r"x_{i}^{2}", "x_i^2"),
        (r"x_{i+1}", "x_(i+1)"),
        (r"\sigma(x) = \frac{1}{1+e^{-x}}", "σ(x) = 1/(1+e^(-x))"),
        (r"\alpha \le \beta", "α ≤ β"),
        (r"\Delta \lambda \cdot \infty", "Δ λ · ∞"),
        (r"\text{ReLU}(x) = \max(0, x)", "ReLU(x) = max(0, x)"),
        (r"\mathbb{R}^n", "R^n"),
        (r"\operatorname{GELU}(x)", "GELU(x)"),
        (r"\left( x \right)", "( x )"),
        (r"f(x)\,dx", "f(x) dx"),
        (r"\begin{cases} x & x > 0 \\ 0 & x \le 0 \end{cases}", "x x > 0; 0 x ≤ 0"),
    ],
)
def test_tex_becomes_readable_text(tex: str, text: str) -> None:
    assert tex_to_text(tex) == text


def test_only_math_spans_change_and_html_stays_escaped() -> None:
    html = r"ReLU: \(\alpha &lt; 1\) and \[x^{2}\] but not $x^{2}$ &amp; text"
    assert plain_search_text(html) == "ReLU: α &lt; 1 and x^2 but not $x^{2}$ &amp; text"


def test_a_span_over_lines_is_converted() -> None:
    assert plain_search_text("\\[\n\\frac{1}{2}\n\\]") == "1/2"


def test_the_search_index_is_rewritten_in_place(tmp_path: Path) -> None:
    index = {
        "config": {"lang": ["ko"], "separator": r"[\s\-]+"},
        "docs": [
            {"location": "relu/", "title": r"ReLU \(\max(0, x)\)", "text": r"<p>기울기 \(\frac{d}{dx}\)</p>"},
            {"location": "plain/", "title": "그대로", "text": "no math"},
            {"location": "odd/", "title": None, "text": 3},
        ],
    }
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(index), encoding="utf-8")
    rewrite_search_index(path)
    text = path.read_text(encoding="utf-8")
    assert "기울기" in text, "Korean is written as is, not as escapes"
    rewritten = json.loads(text)
    assert rewritten["config"] == index["config"]
    assert [(doc["title"], doc["text"]) for doc in rewritten["docs"]] == [
        ("ReLU max(0, x)", "<p>기울기 d/dx</p>"),
        ("그대로", "no math"),
        (None, 3),
    ]
