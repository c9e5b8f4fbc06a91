"""Time the site's builds with and without the snippet runner, and against re-running everything."""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from snippet_runner.project import Project
from snippet_runner.refresh import refresh_outputs

from . import machine, results, strictness
from .measure import BenchmarkError
from .scenarios import Bench
from .workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def _say(text: str) -> None:
    print(text, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--repeats", type=int, default=3, help="repetitions of every build; medians are reported (default 3)"
    )
    parser.add_argument(
        "--quick", type=int, default=2, help="times each cheap build (warm, plain, one changed) is timed per repetition"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=1200,
        help="seconds; skip repetitions after the second that would overrun it (default 1200)",
    )
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout to copy and build (default: this one)")
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help=f"where to write the results (default: <source>/{results.RESULTS_FILE})",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="build with --strict (default --no-strict: a page's warning is for `make test` to judge, not the timings)",
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="only write the results; do not re-run the page's snippet in the source",
    )
    args = parser.parse_args(argv)
    source = args.source.resolve()
    results_file = args.results or source / results.RESULTS_FILE

    commit = machine.commit(source)
    with tempfile.TemporaryDirectory(prefix="relu-bench-") as temporary:
        try:
            bench = Bench(Workspace.copy_of(source, Path(temporary) / "repo"), strict=args.strict, say=_say)
            measurements = bench.run(args.repeats, args.quick, args.budget)
            stale = strictness.stale_after_changes(Project.at(bench.workspace.root))
        except BenchmarkError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    summary = results.summarise(
        measurements,
        snippets=len(bench.snippets),
        changed=bench.changed,
        repeats=measurements.repeats,
        quick=args.quick,
        strict=args.strict,
        machine=machine.machine(),
        versions=machine.versions(),
        commit=commit,
        stale=stale,
        standalone_failures=bench.standalone_failures,
    )
    print()
    print(results.table(summary))
    results.write(summary, results_file)
    print(f"\nwrote {results_file}")
    if not args.no_freeze and (source / "snippets" / results.PAGE_SNIPPET).exists():
        log = io.StringIO()
        report = refresh_outputs(Project.at(source), only=[results.PAGE_SNIPPET], stream=log)
        print(log.getvalue().rstrip())
        if not report.ok:
            return 2
    return 0 if all(t["met"] for t in summary["targets"].values()) else 1
