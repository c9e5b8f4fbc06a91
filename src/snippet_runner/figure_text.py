"""English text for the figures: the same drawing, with its Korean texts replaced from a table.

The table is ``snippets/figure_text.en.toml``::

    [text]
    "함수 f(x)" = "Function f(x)"
    "은닉층 {}개" = "{} hidden layers"     # {}: a run of non-Hangul characters, copied in order

Keys are tried longest first and match anywhere in a text. The worker applies the table to every
text of a figure after saving it as drawn, saves the English variants, and puts the Korean back; a
text with Hangul left over fails the run and names the text. The English build applies the same
table to the labels of the explorers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SnippetError
from .project import ConfigError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
PLACEHOLDER = "{}"
RUN = "([^\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+)"


class Untranslated(SnippetError):
    """A figure text still has Hangul after the table was applied."""


@dataclass(frozen=True)
class Translation:
    pairs: tuple[tuple[str, str], ...] = ()
    """(Korean, English) in the order they are tried: longest key first."""

    @classmethod
    def load(cls, path: Path) -> Translation:
        """The table in ``path``; an empty one when the file does not exist. Errors name the file."""
        if not path.exists():
            return cls()
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        table = raw.get("text", {})
        if set(raw) - {"text"} or not isinstance(table, dict):
            raise ConfigError(f"{path}: put the entries under [text] (found: {', '.join(sorted(raw))})")
        for korean, english in table.items():
            where = f'{path}: [text] "{korean}"'
            if not isinstance(english, str):
                raise ConfigError(f"{where}: expected a string, got {type(english).__name__}")
            if korean.count(PLACEHOLDER) != english.count(PLACEHOLDER):
                raise ConfigError(
                    f"{where}: the key has {korean.count(PLACEHOLDER)} {{}} and the value {english.count(PLACEHOLDER)}"
                )
            if HANGUL.search(english):
                raise ConfigError(f'{where} = "{english}": the English text has Hangul')
        return cls(tuple(sorted(table.items(), key=lambda pair: (-len(pair[0]), pair[0]))))

    def apply(self, text: str) -> str:
        if not HANGUL.search(text):
            return text
        for korean, english in self.pairs:
            if PLACEHOLDER not in korean:
                text = text.replace(korean, english)
                continue
            pattern = RUN.join(map(re.escape, korean.split(PLACEHOLDER)))
            text = re.sub(pattern, partial(_fill, english.split(PLACEHOLDER)), text)
        return text


def _fill(pieces: list[str], match: re.Match[str]) -> str:
    """The English pieces with the numbers the Korean text matched put back between them."""
    return "".join(piece + group for piece, group in zip(pieces, [*match.groups(), ""], strict=False))


def _formatters(figure: Figure) -> list:
    """Every tick formatter of the figure, once (axes that share an axis share its formatter):
    tick labels are made again from them at each draw."""
    found = {
        id(formatter): formatter
        for axes in figure.get_axes()
        for axis in (axes.xaxis, axes.yaxis)
        for formatter in (axis.get_major_formatter(), axis.get_minor_formatter())
    }
    return list(found.values())


def translate(figure: Figure, translation: Translation) -> list[tuple[object, str]]:
    """Replace the figure's texts; returns what :func:`restore` needs to put them back."""
    from matplotlib.text import Text

    saved: list[tuple[object, str]] = []
    for text in figure.findobj(Text):
        original = text.get_text()
        if (english := translation.apply(original)) != original:
            saved.append((text, original))
            text.set_text(english)
    for formatter in _formatters(figure):
        # Whatever the formatter (fixed labels, category names, a function), its labels pass the table.
        made = formatter.format_ticks
        formatter.format_ticks = lambda values, made=made: [translation.apply(label) for label in made(values)]
        saved.append((formatter, ""))
    return saved


def restore(saved: list[tuple[object, str]]) -> None:
    for owner, original in reversed(saved):
        if hasattr(owner, "set_text"):
            owner.set_text(original)
        else:
            delattr(owner, "format_ticks")  # the class's own method again


def leftovers(figure: Figure) -> list[str]:
    """The visible texts with Hangul, after the figure was drawn (tick labels exist only then)."""
    from matplotlib.text import Text

    return sorted({t.get_text() for t in figure.findobj(Text) if t.get_visible() and HANGUL.search(t.get_text())})
