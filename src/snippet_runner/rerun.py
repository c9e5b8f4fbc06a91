"""The guard's check: run snippets again, into a folder of their own, and compare them with the frozen
outputs within each snippet's tolerances. ``outputs/`` is never written.

    snippet-runner rerun --outputs DIR [--shard K/N] [--cpu-paths] [snippets...]
    snippet-runner compare DIR            # a folder of re-runs, e.g. the merge of the shards' folders

``rerun`` runs on the pinned CPU path only, unless ``--cpu-paths``: then each snippet also runs on the
other paths its options name, and a move its tolerance does not cover fails it, as when outputs are
accepted. The tests (``tests/test_snippets.py``) and each CI shard job use the same comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import shards, store
from .compare import compare_outputs, drift_report
from .discovery import find_snippets, pages_using
from .messages import Messages
from .project import Project
from .refresh import PassReport, refresh_outputs
from .shards import Shard


@dataclass
class Comparison:
    """What a folder of re-runs says against the frozen outputs."""

    compared: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    """Snippet id -> why it does not match (its run failed, it has no output, or what drifted)."""

    @property
    def ok(self) -> bool:
        return not self.problems


def compare_folder(
    project: Project, fresh: Project, snippet_ids: list[str], failures: dict[str, str] | None = None
) -> Comparison:
    """Compare ``fresh``'s outputs of ``snippet_ids`` with ``project``'s frozen ones."""
    result = Comparison()
    options = project.load_options()
    for snippet_id in snippet_ids:
        result.compared.append(snippet_id)
        frozen, again = store.load_outputs(project, snippet_id), store.load_outputs(fresh, snippet_id)
        if failures and snippet_id in failures:
            result.problems[snippet_id] = failures[snippet_id]
        elif frozen is None:
            result.problems[snippet_id] = f"{snippet_id} has no frozen output: run `make snippets` and commit outputs/"
        elif again is None:
            result.problems[snippet_id] = f"{snippet_id} has no output in {fresh.outputs_dir}: it was not re-run there"
        else:
            figures = store.figures_dir(project, snippet_id), store.figures_dir(fresh, snippet_id)
            drifts = compare_outputs(frozen, again, *figures, project.options_for(snippet_id, options))
            if drifts:
                result.problems[snippet_id] = drift_report(snippet_id, drifts, pages_using(project).get(snippet_id, []))
    return result


def rerun(
    project: Project,
    folder: Path,
    *,
    only: list[str] | None = None,
    shard: Shard | None = None,
    cpu_paths: bool = False,
    jobs: int | None = None,
    stream: TextIO | None = None,
) -> tuple[PassReport, Comparison]:
    """Run ``only`` (default: every snippet; with ``shard``, its share) again into ``folder`` and compare."""
    target = Project.at(project.root, outputs_dir=folder)
    if shard is not None:
        shards.prepare(project, target, shard, stream)
    report = refresh_outputs(
        target, force=True, only=only, jobs=jobs, stream=stream, other_paths=cpu_paths, shard=shard
    )
    ids = only or [snippet.id for snippet in find_snippets(project) if shard is None or shard.owns(snippet.id)]
    comparison = compare_folder(project, target, sorted(ids), report.failures)
    say = Messages(stream)
    for snippet_id, problem in comparison.problems.items():
        if snippet_id not in report.failures:  # a failed run is already said by the build
            say.error(f"error: {problem}")
    say.summary(f"compared {len(comparison.compared)} snippets with outputs/: {len(comparison.problems)} differ")
    return report, comparison
