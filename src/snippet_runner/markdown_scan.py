"""Where a Markdown page has code: the lines of its fenced blocks and the columns of its inline code
spans, found with markdown-it-py's tokens rather than by counting backticks.

The parser is CommonMark with the changes that make it read pages the way the site's Markdown does:

- indentation never makes a code block: admonitions, tabs and lists indent their content, and a fence
  indented under them is still a fence;
- raw HTML never hides a fence (``md_in_html`` parses inside ``<div markdown>``);
- a table's rows are separate lines, and raw HTML, links and autolinks never hide a code span
  (Python-Markdown reads backticks before any of them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.backticks import backtick

SPANS = "code_spans"
"""The key under which the inline parse collects the code spans' (start, end) offsets in ``env``."""


def _backtick_recording(state: StateInline, silent: bool) -> bool:
    """markdown-it-py's own code span rule, noting where each span it makes starts and ends."""
    start = state.pos
    count = len(state.tokens)
    found = backtick(state, silent)
    if found and not silent and len(state.tokens) > count and state.tokens[-1].type == "code_inline":
        state.env.setdefault(SPANS, []).append((start, state.pos))
    return found


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").disable(["code", "html_block"]).enable("table")
    md.core.ruler.disable("inline")  # blocks only: the spans are parsed from the raw lines below
    md.inline.ruler.enableOnly(["text", "escape", "backticks"])
    md.inline.ruler.at("backticks", _backtick_recording)
    return md


@dataclass(frozen=True)
class CodeMap:
    """Where one page's code is. Lines and columns count from 0."""

    fenced: frozenset[int] = frozenset()
    """The lines of fenced code blocks, their fence lines included."""
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """For each line, the [start, end) columns of its inline code spans, backticks included."""

    def in_fence(self, line: int) -> bool:
        return line in self.fenced

    def in_code(self, line: int, column: int) -> bool:
        """Whether a character is in a fenced block or an inline code span."""
        return self.in_fence(line) or any(start <= column < end for start, end in self.spans.get(line, ()))


def _line_starts(lines: Sequence[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _spans(md: MarkdownIt, lines: Sequence[str], first: int, last: int) -> dict[int, list[tuple[int, int]]]:
    """The code spans of one block of inline text (a paragraph, a heading, a table row), by line."""
    block = lines[first:last]
    env: dict = {}
    md.inline.parse("\n".join(block), md, env, [])
    starts = _line_starts(block)
    found: dict[int, list[tuple[int, int]]] = {}
    for start, end in env.get(SPANS, []):
        for index, line_start in enumerate(starts):
            line_end = line_start + len(block[index]) + 1
            if start < line_end and end > line_start:
                found.setdefault(first + index, []).append(
                    (max(start, line_start) - line_start, min(end, line_end) - line_start)
                )
    return found


def scan(lines: Sequence[str]) -> CodeMap:
    """Find the fenced blocks and inline code spans of a page given as its lines (without line ends)."""
    md = _parser()
    # markdown-it counts a lone "\r" as a line end; the caller's lines are the lines.
    tokens = md.parse("\n".join(line.replace("\r", " ") for line in lines))
    fenced: set[int] = set()
    inline_blocks: set[tuple[int, int]] = set()
    for token in tokens:
        if token.map is None:
            continue
        if token.type == "fence":
            fenced.update(range(*token.map))
        elif token.type == "inline":
            inline_blocks.add((token.map[0], token.map[1]))
    spans: dict[int, list[tuple[int, int]]] = {}
    for first, last in sorted(inline_blocks):
        if any("`" in line for line in lines[first:last]):
            for line, found in _spans(md, lines, first, last).items():
                spans.setdefault(line, []).extend(found)
    return CodeMap(fenced=frozenset(fenced), spans=spans)
