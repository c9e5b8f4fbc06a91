"""The English edition (docs-en/) and the Korean pages (docs/) use the same runs: every page has a
twin, and both state the same outputs, figures, explorers and values, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KOREAN, ENGLISH = ROOT / "docs", ROOT / "docs-en"
REFERENCE = re.compile(r"\{\{\s*(output|figure|explorer|value)\s+(\S+)(?:\s+([^\s}\"]+))?|--8<--\s+\"([^\"]+)\"")
ANCHOR = re.compile(r"\{\s*#([\w-]+)\s*\}")

ALLOWED: dict[str, str] = {}
"""Page -> why its references may differ between the editions (none today)."""


def _pages(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if not p.relative_to(folder).parts[0] == "notebooks"} - {
        "TRANSLATING.md"
    }


def _references(path: Path) -> list[tuple[str, ...]]:
    return [tuple(g or "" for g in m.groups()) for m in REFERENCE.finditer(path.read_text(encoding="utf-8"))]


def test_every_page_has_its_twin() -> None:
    korean, english = _pages(KOREAN), _pages(ENGLISH)
    assert not korean - english, f"Korean pages without an English twin in docs-en/: {sorted(korean - english)}"
    assert not english - korean, f"English pages without a Korean original in docs/: {sorted(english - korean)}"


@pytest.mark.parametrize("page", sorted(_pages(KOREAN) & _pages(ENGLISH)))
def test_both_editions_state_the_same_numbers(page: str) -> None:
    if page in ALLOWED:
        pytest.skip(ALLOWED[page])
    korean, english = _references(KOREAN / page), _references(ENGLISH / page)
    assert korean == english, f"{page}: first difference at reference {next(i for i, (a, b) in enumerate(zip(korean + [()], english + [()])) if a != b)}"
    assert ANCHOR.findall((KOREAN / page).read_text(encoding="utf-8")) == ANCHOR.findall((ENGLISH / page).read_text(encoding="utf-8"))
