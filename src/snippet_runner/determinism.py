"""Run each snippet twice and compare what the pages would show: the two runs must agree within the
snippet's tolerances (exactly, for the default ones), as a re-run in the tests must.

A snippet that draws random numbers without a seed, prints the time or depends on dictionary order
of objects would otherwise freeze one arbitrary run, and every re-run would report drift.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TextIO

from . import store
from .compare import compare_outputs
from .messages import Messages
from .progress import Progress
from .project import Options, Project
from .refresh import default_jobs, select_snippets
from .scheduler import RunResult, discard, run_many


@dataclass
class DeterminismReport:
    checked: list[str] = field(default_factory=list)
    differences: dict[str, list[str]] = field(default_factory=dict)
    """Snippet id -> what differs between its two runs."""
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.differences and not self.failures

    def summary(self) -> str:
        return (
            f"determinism: {len(self.checked)} snippets, {len(self.differences)} not deterministic, "
            f"{len(self.failures)} failed"
        )


def _text_diff(first: str, second: str) -> str:
    lines = difflib.unified_diff(first.splitlines(), second.splitlines(), "first run", "second run", lineterm="", n=0)
    return "\n".join(f"      {line}" for line in lines)


def differences(first: RunResult, second: RunResult, options: Options) -> list[str]:
    """What a page would show differently after the second run, beyond the snippet's tolerances."""
    (a, a_files), (b, b_files) = store.snippet_outputs(first), store.snippet_outputs(second)
    if not compare_outputs(a, b, a_files, b_files, options):
        return []
    found: list[str] = []
    if a["sections"][""] != b["sections"][""]:  # every section is a slice of the whole output
        found.append(f"the output differs:\n{_text_diff(a['sections'][''], b['sections'][''])}")
    for name in sorted(set(a["values"]) | set(b["values"])):
        if a["values"].get(name) != b["values"].get(name):
            found.append(f"value {name}: {a['values'].get(name)!r} != {b['values'].get(name)!r}")
    if a["figures"] != b["figures"]:
        found.append(f"figures differ: {a['figures']} != {b['figures']}")
    return found


def check(
    project: Project,
    *,
    only: list[str] | None = None,
    jobs: int | None = None,
    stream: TextIO | None = None,
) -> DeterminismReport:
    """Run every selected snippet twice, side by side, and compare the two runs exactly. Freezes nothing."""
    report = DeterminismReport()
    options_table = project.load_options()
    snippets = select_snippets(project, only)
    work = [(s, project.options_for(s.id, options_table)) for s in snippets for _ in range(2)]
    runs: dict[str, list[RunResult]] = {}
    for result in run_many(project, work, jobs=jobs or default_jobs(), progress=Progress(stream=stream)):
        runs.setdefault(result.snippet.id, []).append(result)
    for snippet in snippets:
        first, second = runs[snippet.id]
        try:
            report.checked.append(snippet.id)
            failed = first.failure or second.failure
            if failed:
                report.failures[snippet.id] = failed.rstrip()
            elif found := differences(first, second, project.options_for(snippet.id, options_table)):
                report.differences[snippet.id] = found
        finally:
            discard(first)
            discard(second)
    messages = Messages(stream)
    for message in report.failures.values():
        messages.error(f"error: {message}")
    for snippet_id, found in report.differences.items():
        listing = "".join(f"\n  {line}" for line in found)
        messages.error(
            f"error: {snippet_id} is not deterministic: two runs differ{listing}\n"
            "  (seed every random generator it uses, and print nothing that depends on time or memory addresses)"
        )
    messages.summary(report.summary())
    return report
