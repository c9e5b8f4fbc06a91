"""The editions state the same numbers: every Korean page (``docs/``) has its English twin
(``docs-en/``) and the reverse, and both use the same outputs, figures, explorers, values and code
includes, in the same order, with the same heading anchors (links between pages use them).

What a page may do differently is declared, with its reason, in ``includes/editions.toml``::

    [differences]
    "about/index.md" = "why this page's references differ between the editions"

Both MkDocs builds run this check (the ``snippet-site`` plugin), ``make build-zensical`` runs
``snippet-site editions``, and ``tests/test_editions.py`` runs it on the checkout.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from snippet_runner.api import EDITIONS, SHARED, ConfigError

KOREAN, ENGLISH = (
    edition.docs for edition in EDITIONS
)  # the twin check compares these two; a third edition fails here
"""The original's pages folder and its translation's (``snippet_runner.editions``)."""
DIFFERENCES = Path("includes/editions.toml")
GENERATED = "notebooks"
"""The notebooks' folder: generated for each edition from its own pages (``snippet_notebooks``)."""
ANCHOR = re.compile(r"\{\s*#([\w-]+)\s*\}")


@dataclass(frozen=True)
class Mark:
    """A reference or an anchor, and where the page has it."""

    text: str
    line: int


def pages(folder: Path) -> set[str]:
    """The edition's pages, relative to its folder, without the generated notebooks' pages."""
    return {
        p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if p.relative_to(folder).parts[0] != GENERATED
    }


def marks(path: Path, pattern: re.Pattern) -> list[Mark]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        found += [Mark(" ".join(match.group(0).split()), number) for match in pattern.finditer(line)]
    return found


def differences(root: Path) -> dict[str, str]:
    """Page -> why its references may differ (``includes/editions.toml``)."""
    path = root / DIFFERENCES
    if not path.exists():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("differences", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    for page, reason in table.items():
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f'{path}: [differences] "{page}": give the reason as a non-empty string')
    return table


def _first_difference(page: str, korean: list[Mark], english: list[Mark], what: str) -> str | None:
    for index in range(max(len(korean), len(english))):
        ko = korean[index] if index < len(korean) else None
        en = english[index] if index < len(english) else None
        if ko is None or en is None or ko.text != en.text:
            ko_text = f"{KOREAN}/{page}:{ko.line} has {ko.text}" if ko else f"{KOREAN}/{page} has no more {what}s"
            en_text = f"{ENGLISH}/{page}:{en.line} has {en.text}" if en else f"{ENGLISH}/{page} has no more {what}s"
            return f"{what} {index + 1} differs: {ko_text}, {en_text}"
    return None


def check(root: Path) -> list[str]:
    """What keeps the two editions from stating the same numbers; empty when they do."""
    korean_dir, english_dir = root / KOREAN, root / ENGLISH
    korean, english = pages(korean_dir), pages(english_dir)
    allowed = differences(root)
    problems = [
        f"{KOREAN}/{page} has no English twin: write {ENGLISH}/{page} with the same directives and anchors"
        for page in sorted(korean - english)
    ] + [
        f"{ENGLISH}/{page} has no Korean original in {KOREAN}/: add it there first, or remove it"
        for page in sorted(english - korean)
    ]
    problems += [
        f"{DIFFERENCES}: {page} is not a page of both editions" for page in sorted(set(allowed) - (korean & english))
    ]
    for page in sorted((korean & english) - set(allowed)):
        for pattern, what in ((SHARED, "reference"), (ANCHOR, "anchor")):
            problem = _first_difference(
                page, marks(korean_dir / page, pattern), marks(english_dir / page, pattern), what
            )
            if problem:
                problems.append(
                    f"{page}: {problem} (the editions must use the same runs; declare an intended difference in {DIFFERENCES})"
                )
    return problems
