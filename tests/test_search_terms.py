"""The search index's build-time words (snippet_site.search_terms) and the separator Material applies in the browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from snippet_site import search_terms
from snippet_site.search_terms import SearchTerms, Synonym, enrich, without_code

ROOT = Path(__file__).resolve().parents[1]


def _separator() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = text[text.index("plugins:") : text.index("  snippet-site:")]
    return yaml.safe_load(block)["plugins"]["search"]["separator"]


def _tokens(text: str) -> list[str]:
    """What Material's tokenizer keeps of ``text``: the pieces between separator matches, lower-cased
    (Python's re and JavaScript's RegExp agree on the constructs the separator uses)."""
    return [piece.lower() for piece in re.split(_separator(), text) if piece]


@pytest.mark.parametrize(
    ("typed", "tokens"),
    [
        ("기울기가", ["기울기"]),
        ("ReLU가 왜 필요한가", ["relu", "필요"]),
        ("시그모이드는 왜 기울기가 소실되나", ["시그모이드", "기울기", "소실"]),
        ("which activation should I use", ["which", "activation"]),
        ("batchnorm before relu", ["batchnorm", "before", "relu"]),
        ("정의", ["정의"]),  # a two-syllable word keeps its last syllable even when it looks like a particle
        ("조각별 선형 함수입니다", ["조각별", "선형", "함수"]),  # the copula ending, as a heading writes it
    ],
)
def test_the_separator_cuts_particles_endings_and_stop_words(typed: str, tokens: list[str]) -> None:
    assert _tokens(typed) == tokens


def test_the_synonym_table_loads_and_every_row_has_terms_and_spellings() -> None:
    terms = SearchTerms.load(ROOT / search_terms.TABLE)
    assert len(terms.synonyms) > 90
    assert all(row.terms and row.typed for row in terms.synonyms)


def test_a_latin_term_matches_as_a_whole_word_and_hangul_spellings_stay_in_korean() -> None:
    terms = SearchTerms((Synonym(("ReLU",), ("렐루", "rectifier")),))
    assert terms.typed_for("ReLU는 0에서", "ko") == ["렐루", "rectifier"]
    assert terms.typed_for("PReLU only", "ko") == []
    assert terms.typed_for("ReLU", "en") == ["rectifier"]


def test_the_longest_term_wins_where_terms_overlap() -> None:
    terms = SearchTerms((Synonym(("ReLU", "Rectified Linear Unit"), ("렐루",)), Synonym(("unit",), ("뉴런",))))
    assert terms.typed_for("ReLU (Rectified Linear Unit)", "ko") == ["렐루"]
    assert terms.typed_for("ReLU: one unit", "ko") == ["렐루", "뉴런"]


def test_a_spelling_the_heading_already_shows_is_not_repeated_even_in_parentheses() -> None:
    terms = SearchTerms((Synonym(("LayerNorm",), ("layernorm", "layer norm")),))
    entry = enrich({"location": "a/#b", "title": "Layer normalization (LayerNorm)", "text": ""}, terms, None, "en")
    assert entry["keywords"] == "layer norm"


def test_code_blocks_leave_the_text_and_the_names_they_call_stay() -> None:
    text, names = without_code("<p>앞</p><pre><code>y = nn.LeakyReLU(0.1)(x)\nprint(y.mean())</code></pre><p>뒤</p>")
    assert "<pre>" not in text and "앞" in text and "뒤" in text
    assert names == ["LeakyReLU"]


class _Token:
    def __init__(self, form: str, tag: str, start: int, length: int) -> None:
        self.form, self.tag, self.start, self.len = form, tag, start, length


class _Analyzer:
    def tokenize(self, text: str) -> list[_Token]:
        return [_Token("쓰", "VV", text.index("써"), 1)] if "써" in text else []


def test_enrich_adds_hidden_heading_and_body_words_without_repeating_shown_ones() -> None:
    terms = SearchTerms((Synonym(("ReLU",), ("렐루",)), Synonym(("sigmoid",), ("시그모이드",))))
    doc = {"location": "a/#b", "title": "ReLU", "text": "<p>sigmoid 대신 써야 합니다</p><pre>F.leaky_relu(x)</pre>"}
    entry = enrich(doc, terms, _Analyzer(), "ko")
    assert entry["title"] == "ReLU" and "<pre>" not in entry["text"]
    assert entry["keywords"] == "렐루"
    assert entry["words"].split() == ["leaky_relu", "시그모이드", "쓰"]


def test_the_korean_analyzer_finds_the_stem_of_a_contracted_verb() -> None:
    analyzer = search_terms.korean_analyzer()
    assert search_terms.irregular_stems(analyzer, "어떤 함수를 써야 하나") == ["쓰"]
