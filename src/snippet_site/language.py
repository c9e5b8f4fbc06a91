"""What the directives write around the frozen outputs, in each edition's language.

An edition's language is its ``theme.language`` (``mkdocs.yml``: Korean, ``mkdocs.en.yml``:
English). The numbers, figures and values are the same in both; only these words and the figures'
text (``snippet_runner.figure_text``) change.
"""

from __future__ import annotations

from dataclasses import dataclass

from snippet_runner.api import SnippetError, Variant


@dataclass(frozen=True)
class PageWords:
    output_title: str
    provenance: str
    figure: str
    """The caption's number: ``{number}``."""
    cpu_note: str
    """Under an output block: ``{listed}``, ``{more}``."""
    more: str
    """``{count}`` more numbers than the note lists."""
    explorer_varies: str
    """Under an explorer: ``{count}``, ``{largest}``."""
    varies_title: str
    """On a value that moves between CPUs: ``{spread}``."""
    no_seed: str
    run: str
    figure_variants: tuple[Variant, Variant]
    """The figure record's keys for the light and the dark file (``snippet_runner.store.FIGURE_VARIANTS``)."""
    translated: bool
    """Whether the figures' texts (and so the explorers' labels) are translated (``snippet_runner.figure_text``)."""
    verdicts: dict[str, str]
    """The rule's verdict codes (``snippets/verdicts.py``) -> the words a page shows."""
    interval: str
    """Right after a comparison's verdict word: ``{difference}``, ``{low}``, ``{high}``."""
    ratio_interval: str
    """Right after a comparison of times: ``{ratio}``, ``{low}``, ``{high}`` (``×1.40``)."""


KOREAN = PageWords(
    output_title="출력",
    provenance="출처",
    figure="그림 {number}.",
    cpu_note="강조한 줄의 숫자는 CPU에 따라 조금 달라집니다: {listed}{more}. 나머지 숫자는 확인한 모든 CPU에서 같습니다.",
    more=" 외 {count}개",
    explorer_varies="이 그림의 값 가운데 {count}개는 CPU에 따라 달라집니다(가장 크게 {largest}). 그린 점은 고정한 CPU 경로의 값입니다.",
    varies_title="이 값은 CPU에 따라 {spread} 정도 달라집니다",
    no_seed="없음",
    run="실행",
    figure_variants=("file", "dark"),
    translated=False,
    verdicts={
        "distinguishable": "구별됨",
        "not distinguishable": "구별되지 않음",
        "inconclusive": "판단 보류",
        "holds": "맞음",
        "conditional": "조건부",
        "wrong": "틀림",
        "not supported": "뒷받침 안 됨",
    },
    interval="(차이 {difference}, 95% 구간 {low} ~ {high})",
    ratio_interval="(시간 비율 {ratio}, 95% 구간 {low} ~ {high})",
)

ENGLISH = PageWords(
    output_title="Output",
    provenance="Source",
    figure="Figure {number}.",
    cpu_note="The numbers on the highlighted lines differ slightly between CPUs: {listed}{more}. The other numbers are the same on every CPU checked.",
    more=" and {count} more",
    explorer_varies="{count} of the values in this figure differ between CPUs (by up to {largest}). The points drawn are those of the pinned CPU path.",
    varies_title="This value differs by about {spread} between CPUs",
    no_seed="none",
    run="run",
    figure_variants=("en", "en_dark"),
    translated=True,
    verdicts={
        "distinguishable": "distinguishable",
        "not distinguishable": "not distinguishable",
        "inconclusive": "inconclusive",
        "holds": "holds",
        "conditional": "conditional",
        "wrong": "wrong",
        "not supported": "not supported",
    },
    interval=" (difference {difference}, 95% interval {low} to {high})",
    ratio_interval=" (time ratio {ratio}, 95% interval {low} to {high})",
)

WORDS: dict[str, PageWords] = {"ko": KOREAN, "en": ENGLISH}
"""``theme.language`` -> its words."""


class UnknownLanguage(SnippetError, ValueError):
    pass


def words(language: str) -> PageWords:
    if language not in WORDS:
        raise UnknownLanguage(f"theme.language {language!r}: the directives know {', '.join(WORDS)}")
    return WORDS[language]
