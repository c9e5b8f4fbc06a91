"""The source model of a snippet, parsed once with the AST.

Its named sections (``# --8<-- [start:name]`` ... ``[end:name]``, as pymdown-extensions reads them),
the statements the runner executes per section, the cells a notebook gets, its imports, the strings
that could name a data file, and its seeds. The cache key, the runner and the notebooks all read a
snippet through this one model, so they cannot disagree about what it contains.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .errors import SnippetError

MARKER = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(start|end):([\w-]+)\]\s*$")
WHOLE_FILE = ""
SEED_CALLS = {"manual_seed", "seed", "default_rng", "RandomState"}


class SnippetSyntaxError(SnippetError):
    """A snippet cannot be parsed; the message starts with ``file:line``."""


@dataclass(frozen=True)
class Section:
    name: str
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Segment:
    """Consecutive top-level statements that belong to the same section (or to none)."""

    section: str
    body: list[ast.stmt]


@dataclass(frozen=True)
class Cell:
    """Consecutive lines of a snippet that become one notebook cell."""

    section: str
    code: str


@dataclass(frozen=True)
class SnippetSource:
    path: Path
    text: str
    tree: ast.Module
    sections: tuple[Section, ...]

    @classmethod
    def parse(cls, text: str, path: Path) -> SnippetSource:
        """Parse and validate; a syntax error or a broken marker raises :class:`SnippetSyntaxError`."""
        try:
            tree = ast.parse(text, filename=str(path))
        except SyntaxError as exc:
            raise SnippetSyntaxError(f"{path}:{exc.lineno}: {exc.msg}") from exc
        return cls(path, text, tree, tuple(_find_sections(text, path)))

    @classmethod
    def read(cls, path: Path) -> SnippetSource:
        return cls.parse(path.read_text(encoding="utf-8"), path)

    @cached_property
    def docstring(self) -> str:
        return ast.get_docstring(self.tree, clean=True) or ""

    @cached_property
    def segments(self) -> list[Segment]:
        """The top-level statements grouped by the section that contains them, in order."""
        segments: list[Segment] = []
        for stmt in self.tree.body:
            first = min([stmt.lineno, *(d.lineno for d in getattr(stmt, "decorator_list", []))])
            name = next((s.name for s in self.sections if s.start_line < first < s.end_line), WHOLE_FILE)
            if segments and segments[-1].section == name:
                segments[-1].body.append(stmt)
            else:
                segments.append(Segment(name, [stmt]))
        return segments

    @cached_property
    def cells(self) -> list[Cell]:
        """The code split at the section markers, with the markers and the module docstring removed."""
        lines = self.text.splitlines()
        if self.docstring:
            first = self.tree.body[0]
            end = first.end_lineno or first.lineno
            lines[first.lineno - 1 : end] = [""] * (end - first.lineno + 1)
        cells: list[Cell] = []
        current: list[str] = []
        section = WHOLE_FILE
        for line in [*lines, None]:
            marker = MARKER.match(line) if line is not None else None
            if line is not None and not marker:
                current.append(line)
                continue
            code = "\n".join(current).strip("\n")
            if code.strip():
                cells.append(Cell(section, code))
            current.clear()
            if marker:
                section = marker.group(2) if marker.group(1) == "start" else WHOLE_FILE
        return cells

    @cached_property
    def imports(self) -> frozenset[str]:
        """The modules it imports absolutely (``import a.b``, ``from a.b import c``)."""
        names: set[str] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        return frozenset(names)

    @cached_property
    def file_names(self) -> frozenset[str]:
        """The string constants that could name a file beside it (short, one line, no NUL)."""
        return frozenset(
            node.value
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _could_name_file(node.value)
        )

    @cached_property
    def seeds(self) -> list[int]:
        """The constant seeds it passes to ``manual_seed``/``seed``/``default_rng``, for the record."""
        found = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                first = node.args[0]
                if name in SEED_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, int):
                    found.add(first.value)
        return sorted(found)


def _could_name_file(text: str) -> bool:
    return len(text) < 200 and "\n" not in text and "\0" not in text


def _find_sections(source: str, path: Path) -> list[Section]:
    sections: list[Section] = []
    open_name: str | None = None
    open_line = 0
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARKER.match(line)
        if not match:
            continue
        kind, name = match.groups()
        if kind == "start":
            if open_name is not None:
                raise SnippetSyntaxError(f"{path}:{number}: section '{name}' starts inside '{open_name}'")
            if any(s.name == name for s in sections):
                raise SnippetSyntaxError(f"{path}:{number}: section '{name}' is defined twice")
            open_name, open_line = name, number
        else:
            if open_name != name:
                raise SnippetSyntaxError(f"{path}:{number}: end of '{name}' without its start")
            sections.append(Section(name, open_line, number))
            open_name = None
    if open_name is not None:
        raise SnippetSyntaxError(f"{path}:{open_line}: section '{open_name}' is never ended")
    return sections
