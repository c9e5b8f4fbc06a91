"""What the directives write around the frozen outputs, in each edition's language.

An edition's language is its ``theme.language`` (``mkdocs.yml``: Korean, ``mkdocs.en.yml``:
English). The numbers, figures and values are the same in both; only these words and the figures'
text (``snippet_runner.figure_text``) change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from snippet_runner.api import SnippetError, Variant, words_of_every_edition


@dataclass(frozen=True)
class PageWords:
    output_title: str
    provenance: str
    figure: str
    """The caption's number: ``{number}``."""
    long_output: str
    """The summary of a long output block, shown collapsed: ``{lines}``."""
    cpu_note: str
    """Under an output block: ``{listed}``, ``{more}``."""
    more: str
    """``{count}`` more numbers than the note lists."""
    explorer_varies: str
    """Under an explorer: ``{count}``, ``{largest}``."""
    varies_title: str
    """On a value that moves between CPUs: ``{spread}``."""
    no_seed: str
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


WORDS: dict[str, PageWords] = words_of_every_edition(PageWords, Path(__file__).parent)
"""``theme.language`` -> its words, from ``words.<language>.toml`` beside this module."""
KOREAN, ENGLISH = WORDS["ko"], WORDS["en"]


class UnknownLanguage(SnippetError, ValueError):
    pass


def words(language: str) -> PageWords:
    if language not in WORDS:
        raise UnknownLanguage(f"theme.language {language!r}: the directives know {', '.join(WORDS)}")
    return WORDS[language]
