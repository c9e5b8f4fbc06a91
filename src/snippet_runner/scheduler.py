"""Run snippets in parallel, each in its own forked process, with a timeout and a memory limit."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import multiprocessing.forkserver
import multiprocessing.spawn
import os
import shlex
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from . import cpu_paths
from .cgroups import RunGroup, kill_tree, tree_resident_mb
from .discovery import Snippet
from .figure_text import Translation
from .payloads import RunOutcome
from .progress import Progress
from .project import Options, Project
from .run_environment import RUN_ENVIRONMENT, confined_environment
from .worker import Job, execute

POLL_SECONDS = 0.05
WALL_FACTOR = 5
"""A run is stopped at ``timeout`` CPU seconds, or when it has waited this many times that without
computing: whole seconds of the wall clock in which its tree used less than ``WAITING_SHARE`` of a
core. Neither grows when the machine is busy with other work (a run that computes gets a share of the
cores, and twenty busy loops on two cores still left one 4 %), so a loaded machine cannot fail a run,
while one that sleeps, or polls for something that never comes, ends."""
WAIT_WINDOW_SECONDS = 1.0
WAITING_SHARE = 0.01
STARTUP_SECONDS = 600.0
"""Until a run has used any CPU time, it is still being forked; the fork server may take long to
start (preloading torch) on a busy machine, so that time is not counted as waiting."""
HEARTBEAT_SECONDS = 10.0


@dataclass
class RunResult:
    snippet: Snippet
    seconds: float
    workdir: Path
    outcome: RunOutcome = field(default_factory=lambda: RunOutcome())
    """The worker's ``result.json`` plus the bytes it printed."""
    failure: str | None = None
    """Why the run failed (traceback, timeout, memory), or None."""
    line: int | None = None
    warnings: dict[str, str] = field(default_factory=dict)
    """Containment layers this run went without (name → reason): printed, never silent."""
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failure is None


def _context(project: Project, preload_torch: bool, cpu_path: str) -> multiprocessing.context.ForkServerContext:
    """The fork server the runs are forked from, started with the run environment, its kernel
    settings those of ``cpu_path``. One process has one fork server: a run on another CPU path
    happens in a process of its own (``snippet-runner cpu-path``).

    The server's environment is ``run_environment.confined_environment``, not this process's: what
    the job has (tokens, secrets) is never in a run's memory, not even in ``/proc/self/environ``. The
    server is started through a launcher that replaces the environment as it executes Python
    (``_launcher``), so this process's own environment is never changed. Its home folder
    (matplotlib's font list) is the project's ``.cache/snippet-runner/home``; each run then gets its
    own. torch is preloaded when a snippet uses it: importing it takes two seconds, which every run
    would otherwise pay again.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["snippet_runner.preload", *(["torch"] if preload_torch else [])])
    cache = project.root / ".cache" / "snippet-runner"
    home = cache / "home"
    home.mkdir(parents=True, exist_ok=True)
    # not setdefault: a reader's OMP_NUM_THREADS must not change the numbers
    environment = confined_environment(str(home), RUN_ENVIRONMENT | cpu_paths.environment(cpu_path))
    python = os.fsdecode(multiprocessing.spawn.get_executable())
    context.set_executable(str(_launcher(cache, python, environment)))
    try:
        multiprocessing.forkserver.ensure_running()  # does nothing if this process's server runs already
    finally:
        context.set_executable(python)
    return context


def _launcher(folder: Path, python: str, environment: dict[str, str]) -> Path:
    """A script that executes ``python`` with its arguments in ``environment`` alone (``env -i``).

    Named by its content, and written atomically: two passes at once (``mkdocs serve`` and ``make
    snippets``) share the file if they want the same environment."""
    assignments = " ".join(shlex.quote(f"{name}={value}") for name, value in sorted(environment.items()))
    script = f'#!/bin/sh\nexec /usr/bin/env -i {assignments} {shlex.quote(python)} "$@"\n'
    path = folder / f"fork-server-{hashlib.sha256(script.encode()).hexdigest()[:16]}"
    if not path.exists():
        temporary = folder / f".{path.name}.{os.getpid()}.tmp"
        temporary.write_text(script, encoding="utf-8")
        temporary.chmod(0o700)
        os.replace(temporary, path)
    return path


def _uses_torch(snippets: list[Snippet]) -> bool:
    """Whether a snippet, or a module next to it, mentions torch (a cheap test: preloading is only for speed)."""
    folders = {snippet.path.parent for snippet in snippets}
    return any(
        "torch" in path.read_text(encoding="utf-8", errors="replace")
        for folder in folders
        for path in folder.glob("*.py")
    )


def run_one(
    project: Project,
    snippet: Snippet,
    options: Options,
    context: multiprocessing.context.ForkServerContext,
    started_at: dict[str, float] | None = None,
) -> RunResult:
    workdir = Path(tempfile.mkdtemp(prefix="snippet-"))
    group = RunGroup.create(workdir.name, options.memory_mb)
    job = Job(
        snippet_id=snippet.id,
        path=str(snippet.path),
        repo_root=str(project.root),
        workdir=str(workdir),
        threads=options.threads,
        style_file=str(project.style_file),
        figure_text=Translation.load(project.figure_text_file).pairs,
        runner_pid=os.getpid(),
        cgroup_procs=group.procs_files,
        output_bytes=options.output_mb * 2**20,
        snippets_dir=str(project.snippets_dir),
    )
    process = context.Process(target=execute, args=(job,), name=f"snippet {snippet.id}")
    started = time.monotonic()
    if started_at is not None:
        started_at[snippet.id] = started
    process.start()
    assert process.pid is not None  # started
    failure = _watch(process, process.pid, group, snippet.id, options, started)
    kill_tree(process.pid)
    tree_cpu = group.cpu_seconds(process.pid) if group.tree is not None else None
    left = group.close()  # whatever the snippet started in the background ends with it
    result = RunResult(snippet=snippet, seconds=time.monotonic() - started, workdir=workdir)
    result.outcome = _read_outcome(workdir)
    if tree_cpu is not None:  # the whole tree's CPU time, not only the worker's own
        result.outcome["cpu_seconds"] = round(tree_cpu, 2)
    result.warnings = {**group.missing, **result.outcome.get("confinement", {}).get("missing", {})}
    strays = len(left) if left and set(left) != {process.pid} else 0
    result.failure = failure or _failure_of(result, options, process.exitcode, strays, job.output_bytes)
    return result


def _watch(
    process: multiprocessing.process.BaseProcess,
    pid: int,
    group: RunGroup,
    snippet_id: str,
    options: Options,
    started: float,
) -> str | None:
    """Wait for the run to end; stop it, and say why, when it computes too long, waits too long,
    does not start, or outgrows its memory."""
    memory_message = f"{snippet_id}: used more than {options.memory_mb} MB of memory and was stopped (`memory_mb` in snippets/snippets.toml)"
    failure = None
    waited, window_cpu, window_start = 0.0, 0.0, started
    while process.is_alive():
        process.join(POLL_SECONDS)
        now, cpu = time.monotonic(), group.cpu_seconds(pid)
        if cpu == 0:  # not forked yet
            window_start = now
        elif now - window_start >= WAIT_WINDOW_SECONDS:
            if cpu - window_cpu < WAITING_SHARE * (now - window_start):
                waited += now - window_start
            window_cpu, window_start = cpu, now
        if process.is_alive() and cpu > options.timeout:
            failure = (
                f"{snippet_id}: timed out after {options.timeout:g} s of CPU time "
                "(raise `timeout` in snippets/snippets.toml if this is expected)"
            )
        elif process.is_alive() and cpu == 0 and now - started > STARTUP_SECONDS:
            failure = f"{snippet_id}: did not start within {STARTUP_SECONDS:g} s (the fork server did not answer)"
        elif process.is_alive() and waited > WALL_FACTOR * options.timeout:
            failure = (
                f"{snippet_id}: timed out after {WALL_FACTOR * options.timeout:g} s of waiting "
                f"({WALL_FACTOR} times its `timeout` in snippets/snippets.toml); it was not computing"
            )
        elif group.memory is None and process.is_alive() and tree_resident_mb(pid) > options.memory_mb:
            failure = memory_message
        if failure:
            group.kill()
            kill_tree(pid)
            process.kill()  # the group may not exist yet: a run can be stopped before the worker made it
            process.join()
    if failure is None and group.out_of_memory():
        failure = memory_message
    return failure


def _failure_of(
    result: RunResult, options: Options, exitcode: int | None, strays: int, output_bytes: int
) -> str | None:
    """What went wrong in a run that was not stopped, read from what it left; None if nothing did."""
    snippet = result.snippet
    printed = max(len(result.outcome["stdout"]), len(result.outcome["stderr"]))
    # A complete result.json is the worker's last act before os._exit, so it decides success, not the
    # exit code: under load the fork server can lose a child's status and report 255 (CPython #140867).
    error = result.outcome.get("error")
    if printed >= output_bytes:
        return (
            f"snippets/{snippet.id}: printed more than {options.output_mb} MB and was stopped; nothing of this run is kept "
            "(`output_mb` in snippets/snippets.toml)"
        )
    if error:
        result.line = error.get("line")
        where = f"snippets/{snippet.id}:{result.line}" if result.line else f"snippets/{snippet.id}"
        return f"{where}: {error['type']}: {error['message']}\n{error['traceback']}"
    if "sections" not in result.outcome:
        return f"{snippet.id}: the run ended with exit code {exitcode} and no result"
    if strays:
        result.notes.append(
            f"{snippet.id}: {strays} process(es) it started were still running at its end and were killed"
        )
    return None


def _read_outcome(workdir: Path) -> RunOutcome:
    outcome: RunOutcome = {}
    result_file = workdir / "result.json"
    if result_file.exists():
        try:
            outcome = json.loads(result_file.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            outcome = {}
    stdout, stderr = workdir / "stdout.txt", workdir / "stderr.txt"
    outcome["stdout"] = stdout.read_bytes() if stdout.exists() else b""
    outcome["stderr"] = stderr.read_bytes() if stderr.exists() else b""
    return outcome


def run_many(
    project: Project,
    work: list[tuple[Snippet, Options]],
    *,
    jobs: int,
    progress: Progress,
    cpu_path: str = cpu_paths.PINNED,
) -> Iterator[RunResult]:
    """Run every snippet, at most ``jobs`` at a time, yielding each result as soon as it is finished.

    The caller freezes each result as it comes, so a build that is interrupted keeps the work it finished.
    """
    if not work:
        return
    context = _context(project, _uses_torch([snippet for snippet, _ in work]), cpu_path)
    progress.total = len(work)
    started_at: dict[str, float] = {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        pending = {pool.submit(run_one, project, snippet, options, context, started_at) for snippet, options in work}
        while pending:
            done, pending = wait(pending, timeout=HEARTBEAT_SECONDS, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: f.result().snippet.id):
                result = future.result()
                started_at.pop(result.snippet.id, None)
                progress.finished(result)
                yield result
            if not done and started_at:
                now = time.monotonic()
                running = ", ".join(f"{name} ({now - t:.0f} s)" for name, t in sorted(started_at.items()))
                progress.say(f"still running: {running}")


def discard(result: RunResult) -> None:
    shutil.rmtree(result.workdir, ignore_errors=True)
