"""Re-run every snippet once, on the pinned CPU path, and compare it with its frozen output within the
snippet's tolerances (``snippet-runner rerun``'s comparison; the other CPU paths run when outputs are
accepted, and in CI's ``cpu-paths`` job)."""

from __future__ import annotations

from pathlib import Path

import pytest

from background_runs import BackgroundRuns
from snippet_runner import store
from snippet_runner.discovery import Snippet, find_snippets, pages_using
from snippet_runner.project import Project
from snippet_runner.refresh import PassReport
from snippet_runner.rerun import compare_folder

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = find_snippets(Project.at(ROOT))
USAGE = pages_using(Project.at(ROOT))


@pytest.fixture(scope="session")
def fresh(background_runs: BackgroundRuns) -> tuple[Project, PassReport]:
    """The selected snippets, run once, in parallel, into a temporary outputs folder (started in the
    background when the tests were collected, see conftest.py)."""
    assert background_runs.snippets is not None, "no re-run of snippets was started"
    return background_runs.snippets.result()


def test_there_are_snippets() -> None:
    assert len(SNIPPETS) > 0


@pytest.mark.reruns
@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.test_id for s in SNIPPETS])
def test_snippet_matches_frozen_output(snippet: Snippet, fresh: tuple[Project, PassReport], project: Project) -> None:
    target, report = fresh
    comparison = compare_folder(project, target, [snippet.id], report.failures)
    if not comparison.ok:
        pytest.fail(comparison.problems[snippet.id], pytrace=False)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.test_id for s in SNIPPETS])
def test_snippet_is_used_by_a_page(snippet: Snippet) -> None:
    assert USAGE.get(snippet.id), f"{snippet.id} is not shown or quoted on any page"


CPU_BUDGET_SECONDS = 600.0
"""All snippets together: CPU seconds (user + system) of every run's process tree. CPU time does not grow
when the machine is busy, but it does differ between processors: the same snippets took about twice as
long on one 2-core machine as on another. The budgets are set with that much room over the slower one
(342 s in all, 44 s for the longest), so that a processor cannot fail the suite, while a snippet that
became several times heavier still does."""
SNIPPET_BUDGET_SECONDS = 90.0
"""Any one snippet, CPU seconds of its process tree."""


@pytest.mark.reruns
def test_snippets_fit_the_time_budget(fresh: tuple[Project, PassReport], project: Project) -> None:
    target, report = fresh
    if len(report.ran) != len(SNIPPETS):
        pytest.skip("only a selection of snippets was re-run")
    manifest = store.load_manifest(target)
    cpu = {snippet_id: entry.cpu_seconds for snippet_id, entry in manifest.items()}
    assert all(seconds > 0 for seconds in cpu.values()), "a run recorded no CPU time"
    total = sum(cpu.values())
    slowest = sorted(cpu.items(), key=lambda item: -item[1])[:5]
    listing = ", ".join(f"{name} {value:.1f} s" for name, value in slowest)
    assert total <= CPU_BUDGET_SECONDS, (
        f"snippets took {total:.0f} CPU s in all (budget {CPU_BUDGET_SECONDS:.0f} s); slowest: {listing}"
    )
    longest = max(cpu.items(), key=lambda item: item[1])
    assert longest[1] <= SNIPPET_BUDGET_SECONDS, (
        f"{longest[0]} took {longest[1]:.1f} s of CPU time (budget {SNIPPET_BUDGET_SECONDS:.0f} s)"
    )
