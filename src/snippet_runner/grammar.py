"""The page syntax that names a snippet, written once: every layer parses pages with these.

Two forms:

- an include, ``--8<-- "activation/relu/verify.py:section"`` (pymdown snippets), which shows code;
- a directive, ``{{ kind path.py[:section] args… }}``, which shows what the code produced. ``output``,
  ``figure`` and ``explorer`` stand alone on their line (a block); ``value`` sits inside a sentence.

The engine reads them to know which pages use a snippet (``references``); the notebooks to know which
code a page shows; the site to expand the directives (``BLOCK``, ``VALUE``) and to check that both
editions refer to the same runs (``SHARED``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .markdown_scan import CodeMap

BLOCK_KINDS = ("output", "figure", "explorer")
"""Directives that stand alone on their line and become a block."""
INLINE_KINDS = ("value",)
"""Directives that sit inside a sentence and become text."""
KINDS = BLOCK_KINDS + INLINE_KINDS

_ANY_KIND = "|".join(KINDS)

INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+\.py)""")
"""An include of a snippet's code; group 1 is the snippet's path."""
INCLUDE_LINE = re.compile(r"""^(?P<indent>[ \t]*)--8<--[ \t]+"(?P<path>[^"':]+\.py)(?::(?P<section>[\w-]+))?"[ \t]*$""")
"""A whole line that includes a snippet's code (inside a code fence): its indent, path and section."""
BLOCK = re.compile(rf"^(?P<indent>[ \t]*)\{{\{{\s*(?P<kind>{'|'.join(BLOCK_KINDS)})\s+(?P<args>.*?)\s*\}}\}}[ \t]*$")
"""A whole line that is a block directive: its indent, kind and arguments (shell-quoted)."""
VALUE = re.compile(r"\{\{\s*value\s+(?P<args>[^}]*?)\s*\}\}")
"""A value directive anywhere in a line; its arguments (shell-quoted)."""
SHARED = re.compile(rf"\{{\{{\s*(?:{_ANY_KIND})\s+[^}}\"]*?(?=\s*(?:\"|\}}\}}))|--8<--\s+\"[^\"]+\"")
"""What both editions must write alike: an include, or a directive up to its caption (which each
edition writes in its own language)."""
_SNIPPET = re.compile(rf"""--8<--\s+["']([^"':]+\.py)|\{{\{{\s*(?:{_ANY_KIND})\s+([^\s:}}]+\.py)""")


@dataclass(frozen=True)
class Reference:
    line: int
    """The 0-based line of the page it is on."""
    snippet_id: str


def references(lines: Sequence[str], code: CodeMap) -> list[Reference]:
    """The snippets a page (its lines and where its code is) refers to, in page order: every ``--8<--``
    include (they are read wherever they stand, fenced code included) and every directive outside code
    (the site leaves those alone)."""
    return [
        Reference(number, match.group(1) or match.group(2))
        for number, line in enumerate(lines)
        for match in _SNIPPET.finditer(line)
        if match.group(1) or not code.in_code(number, match.start())
    ]
