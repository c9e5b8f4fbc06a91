"""What a notebook says, in its edition's language (``Site.language``: the config's ``theme.language``).

The code cells are the same in both editions (the snippets print Korean labels); the Markdown cells,
the set-up cell's comments and messages, the comparison's messages and the index page are the
edition's. Korean is the site's first language: its words are those the notebooks always had.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from snippet_runner.api import words_of_every_edition

from .pages import NotebookError


@dataclass(frozen=True)
class CheckMessages:
    """The comparison cell's messages, as the bodies of the recorder's f-strings (``check_cell.RECORDER``,
    whose variables they name). ``not_run`` and ``missing`` are plain strings. None may hold ``"``."""

    not_run: str
    text_differs: str
    """``{changed}``: the line; ``{old!r}``, ``{new!r}``: the page's and the reader's line."""
    number_differs: str
    """``{line}``; ``{a}``, ``{b}``: the page's and the reader's number."""
    missing: str
    value_differs: str
    """``{name}``, ``{old!r}``, ``{new!r}``."""
    figures_differ: str
    """``{expected['figures']}``: the page's count; ``{shown}``: the reader's."""
    matches: str
    """``{snippet}``, ``{lines}``, ``{values}``, ``{figures}``."""
    some_differ: str
    """``{failed}``, ``{len(self.page)}``."""
    all_match: str
    """``{len(self.page)}``."""


@dataclass(frozen=True)
class NotebookWords:
    title: str
    """The notebook's heading: ``{title}``, the page's."""
    intro: tuple[str, ...]
    """The introduction's lines: ``{page}``, the link to the page."""
    open_in_colab: str
    section_link: str
    page_link: str
    korean_docstrings: bool
    """Whether a snippet's docstring written in Korean is shown above its cells (the docstrings are
    the snippets' own, not translated)."""
    file_note: str
    exercise_cell: str
    """The empty cell before each answer of a page's exercises (``builder.EXERCISES``), to write one's own."""
    comparison: str
    check_title: str
    report_comment: str
    messages: CheckMessages
    setup_intro: str
    setup_style: str
    """``{torch_note}``."""
    torch_note: str
    setup_quiet: str
    no_package: str
    setup_restart: str
    setup_restart_comment: str
    setup_page: str
    setup_here: str
    index_intro: str
    index_header: tuple[str, str, str, str]


WORDS: dict[str, NotebookWords] = words_of_every_edition(NotebookWords, Path(__file__).parent)
"""``theme.language`` -> its words, from ``words.<language>.toml`` beside this module."""
KOREAN, ENGLISH = WORDS["ko"], WORDS["en"]


def words(language: str) -> NotebookWords:
    if language not in WORDS:
        raise NotebookError(f"theme.language {language!r}: the notebooks are written in {', '.join(WORDS)}")
    return WORDS[language]
