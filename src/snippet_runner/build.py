"""One pass over the snippets: find the stale ones, run them, freeze the results, summarise."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import cachekey, cpu_paths, other_paths, store
from .cachekey import CacheKey, SourceIndex, Versions
from .discovery import Snippet, find_snippets, pages_using
from .executor import Executor, LocalPool
from .messages import Messages
from .progress import Progress
from .project import ConfigError, Options, Project
from .scheduler import RunResult, discard
from .shards import Shard
from .source import SnippetSource, SnippetSyntaxError

REPORT_FORMAT = 1
"""Version of the JSON report; raised when a field changes meaning or goes away."""


@dataclass
class Report:
    ran: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    unmeasured: list[str] = field(default_factory=list)
    """Snippets frozen on the pinned path only, without the runs on their other CPU paths (a pass with
    ``other_paths=False``); ``snippet-runner run`` completes them, and ``check`` refuses them."""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        pending = f", {len(self.unmeasured)} not yet run on their CPU paths" if self.unmeasured else ""
        return f"snippets: {len(self.ran)} ran, {len(self.cached)} cached, {len(self.failures)} failed{pending} in {self.seconds:.1f} s"

    def as_json(self, *, completed: bool = True) -> dict:
        """The report for programs (``--report FILE``): what the summary line says, with the ids.

        ``completed`` is False when the pass ended with an exception (the counts are then partial).
        """
        return {
            "format": REPORT_FORMAT,
            "completed": completed,
            "ok": self.ok and completed,
            "counts": {"ran": len(self.ran), "cached": len(self.cached), "failed": len(self.failures)},
            "ran": sorted(self.ran),
            "unmeasured": sorted(self.unmeasured),
            "failures": dict(sorted(self.failures.items())),
            "seconds": round(self.seconds, 3),
        }

    def write(self, path: Path, *, completed: bool = True) -> None:
        """Write ``as_json`` to ``path`` (atomically, making its folder)."""
        store.atomic_write_text(path, store.dump_json(self.as_json(completed=completed)))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0))


def _where_used(snippet_id: str, usage: dict[str, list[str]]) -> str:
    pages = usage.get(snippet_id)
    return f"used by {', '.join(pages)}" if pages else "not used by any page"


def select_snippets(project: Project, only: list[str] | None) -> list[Snippet]:
    """Every snippet, or the named ones (paths relative to snippets/)."""
    snippets = find_snippets(project)
    if only:
        wanted = {name.removeprefix("snippets/") for name in only}
        unknown = wanted - {s.id for s in snippets}
        if unknown:
            raise ConfigError(f"no such snippet: {', '.join(sorted(unknown))}")
        snippets = [s for s in snippets if s.id in wanted]
    return snippets


def build(
    project: Project,
    *,
    check: bool = False,
    force: bool = False,
    only: list[str] | None = None,
    jobs: int | None = None,
    stream: TextIO | None = None,
    cpu_path: str = cpu_paths.PINNED,
    other_paths: bool = True,
    shard: Shard | None = None,
    executor: Executor | None = None,
    report_file: Path | None = None,
) -> Report:
    """Bring the frozen outputs up to date (or, with ``check``, only verify that they are).

    Runs are on ``cpu_path``. On the pinned path, with ``other_paths``, a snippet whose options list
    ``cpu_paths`` also runs on those, and is frozen only if they stay within its tolerance. Without
    ``other_paths`` (a preview build), it is frozen from the pinned run alone and listed in
    ``Report.unmeasured``, and a later pass with ``other_paths`` runs it again on every path.
    With ``shard``, only that shard's share of the snippets is looked at (``shards``). The runs go to
    ``executor`` (default: a ``LocalPool`` of ``jobs`` on ``cpu_path``).
    Every pass ends with the one summary line, also when it ends with an exception. Messages go to
    the ``snippet_runner`` loggers, or, if ``stream`` is given, are printed to it (see ``messages``).
    With ``report_file``, the report is also written there as JSON (``Report.as_json``), also then.
    """
    started = time.monotonic()
    report = Report()
    paths = Paths(cpu_path, other_paths and cpu_path == cpu_paths.PINNED)
    executor = executor or LocalPool(jobs or default_jobs(), cpu_path)
    completed = False
    try:
        _build(
            project, report, check=check, force=force, only=only, jobs=jobs, stream=stream, paths=paths, shard=shard, executor=executor
        )
        completed = True
    finally:
        report.ran.sort()
        report.unmeasured.sort()
        report.failures = dict(sorted(report.failures.items()))
        for message in report.failures.values():
            Messages(stream).error(f"error: {message}")
        report.seconds = time.monotonic() - started
        Messages(stream).summary(report.summary())
        if report_file is not None:
            report.write(report_file, completed=completed)
    return report


def _unmeasured(project: Project, snippet_id: str, table: dict[str, Options]) -> bool:
    """Whether a frozen snippet lacks the runs on the CPU paths its options name."""
    outputs = store.load_outputs(project, snippet_id)
    return bool(project.options_for(snippet_id, table).cpu_paths) and outputs is not None and "cpu_spread" not in outputs


@dataclass(frozen=True)
class Paths:
    run_on: str
    check_others: bool


def _build(
    project: Project, report: Report, *, check: bool, force: bool, only: list[str] | None, jobs: int | None, stream: TextIO | None,
    paths: Paths, shard: Shard | None, executor: Executor,
) -> None:
    options_table = project.load_options()
    versions = Versions()
    sources = SourceIndex.load(project)
    snippets = select_snippets(project, only)
    known = {s.id for s in snippets}
    if shard is not None:
        snippets = [s for s in snippets if shard.owns(s.id)]
    try:
        manifest = store.load_manifest(project)
    except store.ManifestError as exc:
        if check:
            raise
        Messages(stream).warning(f"warning: {exc}; every snippet will be re-run and the manifest rewritten")
        manifest = {}
    if not check:
        store.sweep_temporary_files(project)
    usage = pages_using(project)

    keys: dict[str, CacheKey] = {}
    stale: list[Snippet] = []

    def key_of(snippet: Snippet, reads: list[str]) -> CacheKey:
        return cachekey.compute(project, snippet, project.options_for(snippet.id, options_table), versions, sources, reads)

    for snippet in snippets:
        entry = manifest.get(snippet.id)
        try:
            keys[snippet.id] = key_of(snippet, entry.reads if entry else [])
        except (SnippetSyntaxError, UnicodeDecodeError, OSError) as exc:
            report.failures[snippet.id] = f"{exc} ({_where_used(snippet.id, usage)})"
            continue
        required = project.options_for(snippet.id, options_table).cpu_paths if paths.check_others else []
        reason = "forced" if force else store.check_frozen(project, snippet, entry, keys[snippet.id], required)
        if reason is None:
            report.cached.append(snippet.id)
            if not paths.check_others and _unmeasured(project, snippet.id, options_table):
                report.unmeasured.append(snippet.id)
        elif check:
            report.failures[snippet.id] = (
                f"snippets/{snippet.id}: frozen output is stale ({reason}); {_where_used(snippet.id, usage)}; "
                "run `make snippets` and commit outputs/"
            )
        else:
            if reason != "forced":
                Messages(stream).progress(f"{snippet.id}: re-running, {reason}")
            stale.append(snippet)
    if not check:
        sources.save()

    progress = Progress(stream=stream)
    work = [(s, project.options_for(s.id, options_table)) for s in stale]
    held: list[RunResult] = []  # waiting for their runs on the other CPU paths

    def freeze(result: RunResult, spread: dict | None) -> None:
        snippet = result.snippet
        # The key of what this run read, so that the next build finds it unchanged.
        key = key_of(snippet, result.outcome.get("reads", []))
        manifest[snippet.id] = store.commit(project, result, key, versions.reported(), SnippetSource.read(snippet.path).seeds, spread)
        store.update_manifest(project, {snippet.id: manifest[snippet.id]})
        report.ran.append(snippet.id)

    try:
        for result in executor.run(project, work, progress):
            options = project.options_for(result.snippet.id, options_table)
            if not result.ok:
                report.failures[result.snippet.id] = f"{result.failure.rstrip()}\n  ({_where_used(result.snippet.id, usage)}; previous outputs kept)"
                discard(result)
            elif paths.check_others and options.cpu_paths:
                held.append(result)
            else:
                try:
                    freeze(result, None)
                    if options.cpu_paths and paths.run_on == cpu_paths.PINNED:
                        report.unmeasured.append(result.snippet.id)
                finally:
                    discard(result)
        if held:
            other = other_paths.run(project, held, options_table, jobs=jobs or default_jobs(), stream=stream)
            for result in held:
                spread, problems = other.measure(result, project.options_for(result.snippet.id, options_table))
                if problems:
                    report.failures[result.snippet.id] = other_paths.failure(result.snippet.id, problems, _where_used(result.snippet.id, usage))
                else:
                    freeze(result, spread)
    finally:
        for result in held:
            discard(result)

    if not only and not check:
        gone = [snippet_id for snippet_id in manifest if snippet_id not in known]
        for snippet_id in gone:
            store.remove(project, snippet_id)
            del manifest[snippet_id]
        if gone:
            store.update_manifest(project, {}, removed=gone)
