"""No comparative verdict typed by hand: on every learner page of both editions (the experiment and
summary pages, and the pages that report an experiment of their own), every verdict word comes from the
shared rule (``snippets/verdicts.py``) through a ``{{ value ... verdict }}`` or ``{{ value ... claim }}`` directive.
The methods page, which defines the words, is the one exception.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from snippet_runner.editions import EDITIONS as REGISTRY
from snippet_runner.markdown_scan import scan

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = tuple(edition.docs for edition in REGISTRY)
NOT_FOR_LEARNERS = ("about", "notebooks")
DEFINES_THE_WORDS = "experiments/methods.md"

DIRECTIVE = re.compile(r"\{\{.*?\}\}")
CODE_SPAN = re.compile(r"`[^`]*`")

# A comparison's verdict anywhere in the prose.
COMPARISON_WORDS = {
    "docs": re.compile(
        r"구분됨|구별됨|구분되지 않|구별되지 않|구별할 수 없|구분할 수 없|가를 수 없|잡음 범위 안|판단 보류"
        r"|차이 없음|차이가 없|차이는 없|효과가 없|효과는 없|영향이 없|영향은 없|보다 나았|보다 나쁘|보다 좋았"
    ),
    "docs-en": re.compile(
        r"\b(?:in)?distinguishable\b|told apart|inconclusive|no difference|no effect|did not matter"
        r"|\bbeats?\b|\boutperform|\bdid better\b|\bdid worse\b",
        re.IGNORECASE,
    ),
}
# A claim's verdict: a table cell or a bold word (the claims page's verdict column).
CLAIM_WORDS = {
    "docs": re.compile(r"(?:\|\s*|\*\*)(?:맞음|틀림|조건부|뒷받침 안 됨)(?:\s*\||\*\*)"),
    "docs-en": re.compile(r"(?:\|\s*|\*\*)(?:holds|wrong|conditional|not supported)(?:\s*\||\*\*)", re.IGNORECASE),
}


def typed_verdicts(text: str, edition: str) -> list[tuple[int, str]]:
    """(line number, word) of every verdict word outside directives and code."""
    lines = text.split("\n")
    code = scan(lines)
    found = []
    for number, line in enumerate(lines):
        if code.in_fence(number):
            continue
        prose = CODE_SPAN.sub(" ", DIRECTIVE.sub(" ", line))
        for pattern in (COMPARISON_WORDS[edition], CLAIM_WORDS[edition]):
            found += [(number + 1, match.group(0)) for match in pattern.finditer(prose)]
    return found


def pages() -> list[Path]:
    return sorted(
        path
        for edition in EDITIONS
        for path in (ROOT / edition).rglob("*.md")
        if path.relative_to(ROOT / edition).parts[0] not in NOT_FOR_LEARNERS
        and path.relative_to(ROOT / edition).as_posix() != DEFINES_THE_WORDS
    )


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_verdict_typed_by_hand(page: Path) -> None:
    edition = page.relative_to(ROOT).parts[0]
    found = typed_verdicts(page.read_text(encoding="utf-8"), edition)
    assert not found, "\n".join(
        f"{page.relative_to(ROOT)}:{line}: the verdict {word!r} is typed; draw it with the shared rule "
        f"(snippets/verdicts.py) and show it with {{{{ value path.py name verdict }}}} or ... claim }}}}"
        for line, word in found
    )


def test_the_check_finds_a_typed_verdict() -> None:
    page = "두 순서는 구별되지 않았습니다.\n| 주장 | 틀림 | 값 |\n판정: {{ value a/b.py order verdict }}\n`구별됨`\n"
    assert typed_verdicts(page, "docs") == [(1, "구별되지 않"), (2, "| 틀림 |")]
    english = "The two orders could not be told apart.\n| claim | **holds** | x |\nThe same holds for tanh.\n"
    assert typed_verdicts(english, "docs-en") == [(1, "told apart"), (2, "**holds**")]


def test_the_pages_exist() -> None:
    names = {page.relative_to(ROOT).as_posix() for page in pages()}
    assert {"docs/summary/claims.md", "docs-en/experiments/dead_relu.md", "docs/cnn/placement.md"} <= names
