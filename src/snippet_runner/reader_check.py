"""A reader's check: what a snippet printed on their machine against what its page shows.

    python snippets/activation/relu/verify.py | snippet-runner check-output snippets/activation/relu/verify.py

The rules are the tests' (``drift_rules``), with the snippet's declared tolerance, which covers the
CPU paths its outputs were checked on (``cpu_paths``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import store
from .compare import Drift, compare_text, tolerance_of
from .drift_rules import NUMBER, Tolerance, first_changed_line
from .project import Project


class CheckError(Exception):
    """The snippet named has no frozen output; the message says which."""


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

    def _allowed(self) -> str:
        if self.tolerance.factor > 1:
            return f"시간 측정: {self.tolerance.factor:g}배 안"
        return f"상대 {self.tolerance.rel_tol:g}, 절대 {self.tolerance.abs_tol:g}"

    def text(self) -> str:
        name = f"snippets/{self.snippet_id}"
        if self.same:
            kept = self.numbers - self.moved
            detail = f"숫자 {self.numbers}개 중 {kept}개는 페이지와 같고, {self.moved}개는 허용 오차({self._allowed()}) 안에서 다릅니다."
            return f"{name}: 같음 (허용 오차 안). {detail}"
        lines = [f"{name}: 다름 (허용 오차: {self._allowed()})"]
        for drift in self.drifts:
            if drift.where.endswith("text changed"):
                lines.append(f"  숫자 말고도 글자가 다른 줄이 있습니다 (- 페이지, + 여기):{drift.new}")
            else:
                line = drift.where.removeprefix("line ")
                lines.append(f"  줄 {line}: 페이지 {drift.old}, 여기 {drift.new}")
        return "\n".join(lines)


def check(project: Project, snippet: str, printed: str) -> Verdict:
    """Compare ``printed`` (everything the snippet wrote to standard output) with the page."""
    snippet_id = snippet.removeprefix("./").removeprefix("snippets/")
    frozen = store.load_outputs(project, snippet_id)
    if frozen is None:
        raise CheckError(f"snippets/{snippet_id} has no output on the site (is the path right? e.g. snippets/activation/relu/verify.py)")
    tolerance = tolerance_of(project.options_for(snippet_id, project.load_options()))
    page = frozen["sections"][""]
    verdict = Verdict(snippet_id, tolerance, compare_text(page, printed, tolerance))
    if first_changed_line(page, printed) is None:
        pairs = [(a, b) for old, new in zip(page.splitlines(), printed.splitlines()) for a, b in zip(NUMBER.findall(old), NUMBER.findall(new))]
        verdict.numbers = len(pairs)
        verdict.moved = sum(a != b for a, b in pairs)
    return verdict
