"""The English edition's code and printed output, made from the Korean snippet and its frozen run.

A snippet is written and run once, in Korean. The English edition shows the same code with its
comments and strings in English, and the same output with its labels in English, through the tables
that make the English figures (``figure_text.Translation``):

- ``snippets/figure_text.en.toml``: figure texts, which the code's strings also hold;
- ``text.en.toml`` in the snippet's folder or any folder above it, up to ``snippets/``: the code's
  comments, docstrings and strings, and the printed lines. A nearer table wins over a farther one.

Code outside comments and strings stays byte for byte what ran (``EnglishCode`` checks it with the
AST), the numbers of a printed line stay the run's numbers, and a Hangul word left over fails with the
snippet and its line, as an untranslated figure text does.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .drift_rules import NUMBER
from .figure_text import HANGUL, Translation, Untranslated
from .payloads import Value
from .project import Project
from .source import MARKER
from .store import load_outputs

STRING_PARTS = re.compile(r"""(#|[rRbBuUfF]*(?:'{3}|"{3}|'|"))(.*?)((?:'{3}|"{3}|'|")?)""", re.DOTALL)
"""A comment or a string literal: its opening (``#``, or prefix and quote), its words, its closing quote."""
TABLE_NAME = "text.en.toml"
"""The name of a folder's table of English for code and printed output."""


@dataclass(frozen=True)
class Leftover:
    """A piece of Korean the tables do not cover: where it is, and the text as the tables left it."""

    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


class EnglishMissing(Untranslated):
    """Korean is left in an English code or output block; the message names each snippet and line."""

    def __init__(self, leftovers: list[Leftover], tables: str) -> None:
        self.leftovers = leftovers
        listed = "\n  ".join(map(str, leftovers[:20]))
        more = f"\n  … and {len(leftovers) - 20} more" if len(leftovers) > 20 else ""
        super().__init__(f"no English in {tables} for:\n  {listed}{more}")


def tables_for(project: Project, snippet_id: str) -> list[Path]:
    """The tables that apply to a snippet, nearest first: its folder's, each folder's above, the figures'."""
    folder = (project.snippets_dir / snippet_id).parent
    found = []
    while True:
        found.append(folder / TABLE_NAME)
        if folder == project.snippets_dir:
            break
        folder = folder.parent
    return [path for path in [*found, project.figure_text_file] if path.exists()]


def translation_for(project: Project, snippet_id: str) -> Translation:
    """One table from the ones that apply (``tables_for``): a key in a nearer table wins."""
    merged: dict[str, str] = {}
    for path in reversed(tables_for(project, snippet_id)):
        merged.update(Translation.load(path).pairs)
    return Translation(tuple(sorted(merged.items(), key=lambda pair: (-len(pair[0]), pair[0]))))


def _offsets(text: str) -> list[int]:
    """The offset in ``text`` at which each line (1-based, so index 0 is unused) starts."""
    starts = [0, 0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def text_spans(text: str) -> list[tuple[int, int, int]]:
    """Where the comments and string literals (f-strings whole) are: (start offset, end offset, line)."""
    starts = _offsets(text)
    spans: list[tuple[int, int, int]] = []
    open_fstrings: list[tuple[int, int]] = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        start = starts[token.start[0]] + token.start[1]
        end = starts[token.end[0]] + token.end[1]
        kind = tokenize.tok_name[token.type]
        if kind == "FSTRING_START":  # Python 3.12 splits an f-string into tokens: keep it whole
            open_fstrings.append((start, token.start[0]))
        elif kind == "FSTRING_END":
            begin, line = open_fstrings.pop()
            if not open_fstrings:
                spans.append((begin, end, line))
        elif token.type in (tokenize.COMMENT, tokenize.STRING) and not open_fstrings:
            spans.append((start, end, token.start[0]))
    return spans


def code_shape(text: str) -> str:
    """The AST of ``text`` with every string constant blanked and only the expressions of an f-string
    kept (its words may move around them): what must not change when the comments and strings do."""
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            node.values = [value for value in node.values if isinstance(value, ast.FormattedValue)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree)


@dataclass(frozen=True)
class EnglishCode:
    """A snippet's English source, or what keeps it from being made."""

    text: str
    leftovers: list[Leftover]


def english_source(text: str, translation: Translation, label: str) -> EnglishCode:
    """``text`` with its comments and strings through ``translation``; ``label`` names the file in errors.

    Raises ``Untranslated`` when the English no longer parses or differs from the Korean in anything but
    its strings (a translation that adds a quote or a brace would)."""
    pieces: list[str] = []
    leftovers: list[Leftover] = []
    done = 0
    for start, end, line in text_spans(text):
        original = text[start:end]
        opening, words, closing = STRING_PARTS.fullmatch(original).groups()  # type: ignore[union-attr]
        translated = translation.apply(words)
        english = opening + translated + closing
        if HANGUL.search(translated):  # named by the Korean between the quotes: that is the key to add
            leftovers += [
                Leftover(f"{label}:{line + offset}", piece)
                for offset, (piece, left) in enumerate(zip(words.split("\n"), translated.split("\n"), strict=False))
                if HANGUL.search(left)
            ]
        pieces += [text[done:start], english]
        done = end
    english_text = "".join([*pieces, text[done:]])
    try:
        same = code_shape(english_text) == code_shape(text)
    except SyntaxError as exc:
        raise Untranslated(f"{label}:{exc.lineno}: the English of a string breaks the code: {exc.msg}") from exc
    if not same:
        raise Untranslated(f"{label}: the English of a string changes the code (a brace in an f-string?)")
    return EnglishCode(english_text, leftovers)


def english_output(text: str, translation: Translation, label: str) -> tuple[str, list[Leftover]]:
    """Printed text with each line through ``translation``; its numbers must stay the run's numbers.

    Returns the English and the lines left with Korean (``label``: how a line is named, e.g.
    ``activation/relu/verify.py output``). Raises ``Untranslated`` when a line's numbers change."""
    lines, leftovers = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        english = translation.apply(line)
        if HANGUL.search(english):
            leftovers.append(Leftover(f"{label} line {number}", line))
        if Counter(NUMBER.findall(english)) != Counter(NUMBER.findall(line)):
            raise Untranslated(
                f"{label} line {number}: the English changes the numbers: {line!r} → {english!r}"
                " (a key may hold words, not the run's numbers: write {} for them)"
            )
        lines.append(english)
    return "\n".join(lines), leftovers


def section_lines(text: str, section: str) -> list[str]:
    """The lines an include shows, as pymdown snippets selects them: the named section's lines, or the
    whole file; section markers are left out."""
    lines = text.splitlines()
    if not section:  # pymdown keeps the empty line after the file's last line break
        return [line for line in text.split("\n") if not MARKER.match(line)]
    selected: list[str] = []
    inside = False
    for line in lines:
        marker = MARKER.match(line)
        if marker and marker.group(2) == section:
            inside = marker.group(1) == "start"
        elif inside and not marker:
            selected.append(line)
    return selected


def require_english(leftovers: list[Leftover], project: Project, snippet_id: str) -> None:
    """Raise ``EnglishMissing`` naming the leftovers and the tables to add them to."""
    if leftovers:
        folder = (project.snippets_dir / snippet_id).parent.relative_to(project.root)
        raise EnglishMissing(leftovers, f"{folder / TABLE_NAME} (or a table above it)")


def english_value(value: Value, translation: Translation, label: str) -> tuple[Value, list[Leftover]]:
    """A frozen value as the English edition shows it: a string through the table, anything else as is."""
    if not isinstance(value, str):
        return value, []
    english, leftovers = english_output(value, translation, label)
    return english, leftovers


def untranslated(project: Project, snippet_id: str) -> list[Leftover]:
    """Everything of a snippet the English edition would show with Korean left in it: its code, its
    printed sections and its string values (figures are checked when they are drawn)."""
    translation = translation_for(project, snippet_id)
    path = project.snippets_dir / snippet_id
    leftovers = english_source(path.read_text(encoding="utf-8"), translation, f"snippets/{snippet_id}").leftovers
    outputs = load_outputs(project, snippet_id)
    if outputs is None:
        return leftovers
    for section, text in outputs["sections"].items():
        where = f"snippets/{snippet_id}{':' + section if section else ''} output"
        leftovers += english_output(text, translation, where)[1]
    for name, value in outputs["values"].items():
        leftovers += english_value(value, translation, f"snippets/{snippet_id} value {name}")[1]
    return leftovers


@dataclass
class EnglishEdition:
    """The English of every snippet of one project, each table read once: what the English pages and
    notebooks show. Each method raises ``EnglishMissing`` naming the snippet and line left in Korean."""

    project: Project
    _translations: dict[str, Translation] = field(default_factory=dict)
    _sources: dict[str, str] = field(default_factory=dict)

    def translation(self, snippet_id: str) -> Translation:
        if snippet_id not in self._translations:
            self._translations[snippet_id] = translation_for(self.project, snippet_id)
        return self._translations[snippet_id]

    def source(self, snippet_id: str) -> str:
        """The whole English source of a snippet."""
        if snippet_id not in self._sources:
            path = self.project.snippets_dir / snippet_id
            code = english_source(
                path.read_text(encoding="utf-8"), self.translation(snippet_id), f"snippets/{snippet_id}"
            )
            require_english(code.leftovers, self.project, snippet_id)
            self._sources[snippet_id] = code.text
        return self._sources[snippet_id]

    def tables(self, snippet_id: str) -> list[Path]:
        """The table files that make a snippet's English (``tables_for``)."""
        return tables_for(self.project, snippet_id)

    def code(self, snippet_id: str, section: str) -> list[str]:
        """The lines an include of ``snippet_id[:section]`` shows, in English."""
        return section_lines(self.source(snippet_id), section)

    def output(self, snippet_id: str, section: str, text: str) -> str:
        where = f"snippets/{snippet_id}{':' + section if section else ''} output"
        english, leftovers = english_output(text, self.translation(snippet_id), where)
        require_english(leftovers, self.project, snippet_id)
        return english

    def value(self, snippet_id: str, name: str, value: Value) -> Value:
        english, leftovers = english_value(value, self.translation(snippet_id), f"snippets/{snippet_id} value {name}")
        require_english(leftovers, self.project, snippet_id)
        return english
