"""A reader's check: what a snippet printed on their machine against what its page shows.

    python snippets/activation/relu/verify.py | snippet-runner check-output snippets/activation/relu/verify.py

The rules are the tests' (``drift_rules``), with the snippet's declared tolerance, which covers the
CPU paths its outputs were checked on (``cpu_paths``). The verdict is said in Korean, or in English
(``Verdict.text("en")``), as the site's editions are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import store
from .compare import Drift, compare_text, tolerance_of
from .drift_rules import NUMBER, Tolerance, first_changed_line
from .english import EnglishEdition
from .errors import SnippetError
from .project import Project
from .wording import words_of_every_edition


class CheckError(SnippetError):
    """The snippet named has no frozen output; the message says which."""


@dataclass(frozen=True)
class CheckPhrases:
    """What the verdict says, in one language (``str.format`` fields named in each)."""

    timing: str
    """``{factor}``."""
    numeric: str
    """``{rel}``, ``{abs}``."""
    same: str
    """``{name}``, ``{numbers}``, ``{kept}``, ``{moved}``, ``{allowed}``."""
    different: str
    """``{name}``, ``{allowed}``."""
    reworded: str
    """``{diff}``: the lines that differ, as a diff."""
    number: str
    """``{line}``, ``{old}``, ``{new}``."""


PHRASES: dict[str, CheckPhrases] = words_of_every_edition(CheckPhrases, Path(__file__).parent)
"""An edition's ``theme.language`` -> the verdict's words, from ``words.<language>.toml`` beside this module."""
KOREAN, ENGLISH = PHRASES["ko"], PHRASES["en"]


@dataclass
class Verdict:
    snippet_id: str
    tolerance: Tolerance
    drifts: list[Drift] = field(default_factory=list)
    numbers: int = 0
    """How many numbers were compared."""
    moved: int = 0
    """How many of them differ from the page, within the tolerance."""

    @property
    def same(self) -> bool:
        return not self.drifts

    def _allowed(self, said: CheckPhrases) -> str:
        if self.tolerance.factor > 1:
            return said.timing.format(factor=self.tolerance.factor)
        return said.numeric.format(rel=self.tolerance.rel_tol, abs=self.tolerance.abs_tol)

    def text(self, language: str = "ko") -> str:
        """The verdict in ``language`` (``ko``, the site's first language, or ``en``)."""
        if language not in PHRASES:
            raise CheckError(f"language {language!r}: the verdict is written in {', '.join(PHRASES)}")
        said, name = PHRASES[language], f"snippets/{self.snippet_id}"
        if self.same:
            kept = self.numbers - self.moved
            return said.same.format(
                name=name, numbers=self.numbers, kept=kept, moved=self.moved, allowed=self._allowed(said)
            )
        lines = [said.different.format(name=name, allowed=self._allowed(said))]
        for drift in self.drifts:
            if drift.where.endswith("text changed"):
                lines.append(said.reworded.format(diff=drift.new))
            else:
                lines.append(said.number.format(line=drift.where.removeprefix("line "), old=drift.old, new=drift.new))
        return "\n".join(lines)


def check(project: Project, snippet: str, printed: str, language: str = "ko") -> Verdict:
    """Compare ``printed`` (everything the snippet wrote to standard output) with the page of the
    edition in ``language``: the English page's output is the frozen one in English (``english``)."""
    snippet_id = snippet.removeprefix("./").removeprefix("snippets/")
    frozen = store.load_outputs(project, snippet_id)
    if frozen is None:
        raise CheckError(
            f"snippets/{snippet_id} has no output on the site (is the path right? e.g. snippets/activation/relu/verify.py)"
        )
    tolerance = tolerance_of(project.options_for(snippet_id, project.load_options()))
    page = frozen["sections"][""]
    if language != "ko":
        page = EnglishEdition(project).output(snippet_id, "", page)
    verdict = Verdict(snippet_id, tolerance, compare_text(page, printed, tolerance))
    if first_changed_line(page, printed) is None:
        pairs = [
            (a, b)
            for old, new in zip(page.splitlines(), printed.splitlines(), strict=False)
            for a, b in zip(NUMBER.findall(old), NUMBER.findall(new), strict=False)
        ]
        verdict.numbers = len(pairs)
        verdict.moved = sum(a != b for a, b in pairs)
    return verdict
