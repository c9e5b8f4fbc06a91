"""Named sections in a snippet (``# --8<-- [start:name]`` ... ``[end:name]``), as pymdown-extensions reads them."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(start|end):([\w-]+)\]\s*$")
WHOLE_FILE = ""


class SnippetSyntaxError(Exception):
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


def find_sections(source: str, path: Path) -> list[Section]:
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


def parse(source: str, path: Path) -> ast.Module:
    try:
        return ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise SnippetSyntaxError(f"{path}:{exc.lineno}: {exc.msg}") from exc


def split_segments(tree: ast.Module, sections: list[Section]) -> list[Segment]:
    """Group the top-level statements by the section that contains them, keeping their order."""
    segments: list[Segment] = []
    for stmt in tree.body:
        first = min([stmt.lineno, *(d.lineno for d in getattr(stmt, "decorator_list", []))])
        name = next((s.name for s in sections if s.start_line < first < s.end_line), WHOLE_FILE)
        if segments and segments[-1].section == name:
            segments[-1].body.append(stmt)
        else:
            segments.append(Segment(name, [stmt]))
    return segments
