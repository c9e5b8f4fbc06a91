"""Run each snippet twice and compare what the pages would show: the two runs must agree within the
snippet's tolerances (exactly, for the default ones), as a re-run in the tests must.

A snippet that draws random numbers without a seed, prints the time or depends on dictionary order
of objects would otherwise freeze one arbitrary run, and every re-run would report drift.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from typing import TextIO

from . import store
from .build import default_jobs, select_snippets
from .compare import compare_text, compare_values, image_rms, tolerance_of
from .messages import Messages
from .payloads import FrozenOutputs
from .progress import Progress
from .project import Options, Project
from .scheduler import RunResult, discard, run_many
from .store import FIGURE_VARIANTS


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


def _agree(
    a: FrozenOutputs, b: FrozenOutputs, figures: tuple[dict[str, bytes], dict[str, bytes]], options: Options
) -> bool:
    """Whether the tests would accept the second run in place of the first."""
    if compare_text(a["sections"][""], b["sections"][""], tolerance_of(options)):
        return False
    if compare_values(a["values"], b["values"], tolerance_of(options)):
        return False
    if [f["section"] for f in a["figures"]] != [f["section"] for f in b["figures"]]:
        return False
    for old, new in zip(a["figures"], b["figures"], strict=False):
        for variant in FIGURE_VARIANTS:
            if old[variant] != new[variant]:
                rms = image_rms(io.BytesIO(figures[0][old[variant]]), io.BytesIO(figures[1][new[variant]]))
                if rms is None or rms > options.image_tol:
                    return False
    return True


def differences(first: RunResult, second: RunResult, options: Options) -> list[str]:
    """What a page would show differently after the second run, beyond the snippet's tolerances."""
    (a, a_files), (b, b_files) = store.snippet_outputs(first), store.snippet_outputs(second)
    if _agree(a, b, (a_files, b_files), options):
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
