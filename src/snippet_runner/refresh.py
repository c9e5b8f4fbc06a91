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
from .messages import Messages
from .payloads import SpreadRecord
from .progress import Progress
from .project import ConfigError, Options, Project
from .scheduler import RunResult, discard, run_many
from .shards import Shard
from .source import SnippetSource, SnippetSyntaxError

REPORT_FORMAT = 1
"""Version of the JSON report; raised when a field changes meaning or goes away."""


@dataclass
class PassReport:
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


def refresh_outputs(
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
    report_file: Path | None = None,
) -> PassReport:
    """Bring the frozen outputs up to date (or, with ``check``, only verify that they are).

    Runs are on ``cpu_path``. On the pinned path, with ``other_paths``, a snippet whose options list
    ``cpu_paths`` also runs on those, and is frozen only if they stay within its tolerance. Without
    ``other_paths`` (a preview build), it is frozen from the pinned run alone and listed in
    ``PassReport.unmeasured``, and a later pass with ``other_paths`` runs it again on every path.
    With ``shard``, only that shard's share of the snippets is looked at (``shards``). At most ``jobs``
    snippets run at once, on this machine (``scheduler.run_many``); spreading the work over machines
    happens by shards.
    Every pass ends with the one summary line, also when it ends with an exception. Messages go to
    the ``snippet_runner`` loggers, or, if ``stream`` is given, are printed to it (see ``messages``).
    With ``report_file``, the report is also written there as JSON (``PassReport.as_json``), also then.
    """
    started = time.monotonic()
    report = PassReport()
    paths = CpuPathPlan(cpu_path, other_paths and cpu_path == cpu_paths.PINNED)
    completed = False
    try:
        _refresh(
            project,
            report,
            check=check,
            force=force,
            only=only,
            jobs=jobs,
            stream=stream,
            paths=paths,
            shard=shard,
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
    return (
        bool(project.options_for(snippet_id, table).cpu_paths) and outputs is not None and "cpu_spread" not in outputs
    )


@dataclass(frozen=True)
class CpuPathPlan:
    run_on: str
    check_others: bool


def _refresh(
    project: Project,
    report: PassReport,
    *,
    check: bool,
    force: bool,
    only: list[str] | None,
    jobs: int | None,
    stream: TextIO | None,
    paths: CpuPathPlan,
    shard: Shard | None,
) -> None:
    snippets = select_snippets(project, only)
    known = {s.id for s in snippets}
    if shard is not None:
        snippets = [s for s in snippets if shard.owns(s.id)]
    refresh = _Refresh.start(project, report, check=check, stream=stream, paths=paths)
    stale = refresh.find_stale(snippets, force=force)
    if check:
        return
    refresh.sources.save()
    refresh.run(stale, jobs=jobs or default_jobs())
    if not only:
        refresh.forget_all_but(known)


@dataclass
class _Refresh:
    """One pass's state: the frozen manifest it updates, and what it needs to key and freeze a run."""

    project: Project
    report: PassReport
    stream: TextIO | None
    paths: CpuPathPlan
    options_table: dict[str, Options]
    versions: Versions
    sources: SourceIndex
    manifest: dict[str, store.ManifestEntry]
    usage: dict[str, list[str]]
    check: bool

    @classmethod
    def start(
        cls, project: Project, report: PassReport, *, check: bool, stream: TextIO | None, paths: CpuPathPlan
    ) -> _Refresh:
        try:
            manifest = store.load_manifest(project)
        except store.ManifestError as exc:
            if check:
                raise
            Messages(stream).warning(f"warning: {exc}; every snippet will be re-run and the manifest rewritten")
            manifest = {}
        if not check:
            store.sweep_temporary_files(project)
        return cls(
            project=project,
            report=report,
            stream=stream,
            paths=paths,
            options_table=project.load_options(),
            versions=Versions(),
            sources=SourceIndex.load(project),
            manifest=manifest,
            usage=pages_using(project),
            check=check,
        )

    def options(self, snippet_id: str) -> Options:
        return self.project.options_for(snippet_id, self.options_table)

    def key_of(self, snippet: Snippet, reads: list[str]) -> CacheKey:
        return cachekey.compute(self.project, snippet, self.options(snippet.id), self.versions, self.sources, reads)

    def where_used(self, snippet_id: str) -> str:
        return _where_used(snippet_id, self.usage)

    def find_stale(self, snippets: list[Snippet], *, force: bool) -> list[Snippet]:
        """The snippets to run again; the others are reported cached (or, with ``check``, failed)."""
        stale: list[Snippet] = []
        for snippet in snippets:
            entry = self.manifest.get(snippet.id)
            try:
                key = self.key_of(snippet, entry.reads if entry else [])
            except (SnippetSyntaxError, UnicodeDecodeError, OSError) as exc:
                self.report.failures[snippet.id] = f"{exc} ({self.where_used(snippet.id)})"
                continue
            required = self.options(snippet.id).cpu_paths if self.paths.check_others else []
            reason = "forced" if force else store.check_frozen(self.project, snippet, entry, key, required)
            if reason is None:
                self.report.cached.append(snippet.id)
                if not self.paths.check_others and _unmeasured(self.project, snippet.id, self.options_table):
                    self.report.unmeasured.append(snippet.id)
            elif self.check:
                self.report.failures[snippet.id] = (
                    f"snippets/{snippet.id}: frozen output is stale ({reason}); {self.where_used(snippet.id)}; "
                    "run `make snippets` and commit outputs/"
                )
            else:
                if reason != "forced":
                    Messages(self.stream).progress(f"{snippet.id}: re-running, {reason}")
                stale.append(snippet)
        return stale

    def run(self, stale: list[Snippet], *, jobs: int) -> None:
        """Run the stale snippets; freeze each result that succeeded (after its other CPU paths, if it names any)."""
        work = [(s, self.options(s.id)) for s in stale]
        held: list[RunResult] = []  # waiting for their runs on the other CPU paths
        try:
            progress = Progress(stream=self.stream)
            for result in run_many(self.project, work, jobs=jobs, progress=progress, cpu_path=self.paths.run_on):
                options = self.options(result.snippet.id)
                if result.failure is not None:
                    self.report.failures[result.snippet.id] = (
                        f"{result.failure.rstrip()}\n  ({self.where_used(result.snippet.id)}; previous outputs kept)"
                    )
                    discard(result)
                elif self.paths.check_others and options.cpu_paths:
                    held.append(result)
                else:
                    try:
                        self.freeze(result, None)
                        if options.cpu_paths and self.paths.run_on == cpu_paths.PINNED:
                            self.report.unmeasured.append(result.snippet.id)
                    finally:
                        discard(result)
            if held:
                self.settle_on_other_paths(held, jobs=jobs)
        finally:
            for result in held:
                discard(result)

    def settle_on_other_paths(self, held: list[RunResult], *, jobs: int) -> None:
        """Run the held results on their other CPU paths; freeze those that stay within their tolerance."""
        other = other_paths.run(self.project, held, self.options_table, jobs=jobs, stream=self.stream)
        for result in held:
            spread, problems = other.measure(result, self.options(result.snippet.id))
            if problems:
                self.report.failures[result.snippet.id] = other_paths.failure(
                    result.snippet.id, problems, self.where_used(result.snippet.id)
                )
            else:
                self.freeze(result, spread)

    def freeze(self, result: RunResult, spread: SpreadRecord | None) -> None:
        snippet = result.snippet
        # The key of what this run read, so that the next build finds it unchanged.
        key = self.key_of(snippet, result.outcome.get("reads", []))
        self.manifest[snippet.id] = store.freeze(
            self.project, result, key, self.versions.reported(), SnippetSource.read(snippet.path).seeds, spread
        )
        store.update_manifest(self.project, {snippet.id: self.manifest[snippet.id]})
        self.report.ran.append(snippet.id)

    def forget_all_but(self, known: set[str]) -> None:
        """Remove the frozen outputs of snippets that no longer exist."""
        gone = [snippet_id for snippet_id in self.manifest if snippet_id not in known]
        for snippet_id in gone:
            store.remove(self.project, snippet_id)
            del self.manifest[snippet_id]
        if gone:
            store.update_manifest(self.project, {}, removed=gone)
