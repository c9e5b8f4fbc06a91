"""Command line: ``snippet-runner run|check|accept|rerun|compare|determinism|check-output|cpu-path|merge|english``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import cpu_paths, determinism, english, reader_check, rerun, shards, store
from .discovery import find_snippets
from .messages import PROGRESS_LOGGER
from .project import ConfigError, Project
from .refresh import refresh_outputs
from .shards import Shard, ShardError
from .store import ManifestError


def _shard(text: str) -> Shard:
    try:
        return Shard.parse(text)
    except ShardError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _list_untranslated(project: Project, only: list[str]) -> int:
    """``english``: every leftover, one per line, then a count; status 1 when there is any."""
    snippet_ids = [snippet.id for snippet in find_snippets(project) if not only or snippet.id in only]
    count = 0
    for snippet_id in snippet_ids:
        for leftover in english.untranslated(project, snippet_id):
            print(leftover)
            count += 1
    print(f"{count} texts without English in {len(snippet_ids)} snippets", file=sys.stderr)
    return 1 if count else 0


def _parser() -> argparse.ArgumentParser:
    """The commands and their arguments."""
    parser = argparse.ArgumentParser(prog="snippet-runner", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: current directory)")
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no progress (which snippet runs, how long it took); warnings, errors and the summary line remain",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the snippets whose inputs changed and freeze their outputs")
    check = commands.add_parser("check", help="fail if any frozen output is stale; runs nothing")
    accept = commands.add_parser("accept", help="re-run the named snippets (or all) and freeze what they print now")
    twice = commands.add_parser(
        "determinism", help="run each snippet twice and fail if the two runs differ; freezes nothing"
    )
    for command in (run, check, accept, twice):
        command.add_argument("snippets", nargs="*", help="snippet paths relative to snippets/ (default: all)")
    for command in (run, check, accept):
        command.add_argument(
            "--report",
            type=Path,
            default=None,
            metavar="FILE",
            help="also write the pass's report as JSON: counts, the ids that ran, the failures, seconds",
        )
    for command in (run, accept, twice):
        command.add_argument("-j", "--jobs", type=int, default=None, help="parallel runs (default: all cores)")
    run.add_argument("--shard", type=_shard, help="run only shard K of N (K/N) of the snippets, into --outputs")
    run.add_argument(
        "--outputs", type=Path, help="with --shard: the shard's own outputs folder (new or empty), for `merge`"
    )
    again = commands.add_parser(
        "rerun",
        help="run snippets again into a folder of their own and compare them with outputs/ (what the tests check)",
    )
    again.add_argument("snippets", nargs="*", help="snippet paths relative to snippets/ (default: all)")
    again.add_argument(
        "--outputs", type=Path, required=True, help="where the re-runs go (new or empty; never outputs/)"
    )
    again.add_argument(
        "--shard", type=_shard, help="only shard K of N (K/N) of the snippets, as `run --shard` splits them"
    )
    again.add_argument(
        "--cpu-paths", action="store_true", help="also run the other CPU paths each snippet names, as accepting does"
    )
    again.add_argument("-j", "--jobs", type=int, default=None, help="parallel runs (default: all cores)")
    compare = commands.add_parser("compare", help="compare a folder of re-runs (e.g. merged shards) with outputs/")
    compare.add_argument("folder", type=Path, help="an outputs folder written by `rerun` or `merge`")
    merge = commands.add_parser(
        "merge", help="combine the folders of `run --shard 1/N` ... `N/N` into outputs/, as one run"
    )
    merge.add_argument("folders", nargs="+", type=Path, help="the shard folders, one per shard")
    merge.add_argument("--into", type=Path, default=None, help="the outputs folder to write (default: outputs/)")
    path = commands.add_parser(
        "cpu-path", help="run snippets on another CPU path into a separate outputs folder (run and accept use it)"
    )
    path.add_argument("path", choices=[name for name in cpu_paths.PATHS if name != cpu_paths.PINNED])
    path.add_argument("--outputs", type=Path, required=True, help="where to write the outputs (not outputs/)")
    path.add_argument("snippets", nargs="*", help="snippet paths relative to snippets/ (default: all)")
    path.add_argument("-j", "--jobs", type=int, default=None, help="parallel runs (default: all cores)")
    mine = commands.add_parser(
        "check-output", help="compare what you printed (standard input, or a file) with the page"
    )
    mine.add_argument("snippet", help="the snippet you ran, e.g. snippets/activation/relu/verify.py")
    mine.add_argument("printed", nargs="?", type=Path, help="a file with what it printed (default: standard input)")
    mine.add_argument(
        "--language", choices=("ko", "en"), default="ko", help="the language of the verdict (default: ko)"
    )
    translated = commands.add_parser(
        "english", help="list the Korean the English edition would show in code and output, with snippet and line"
    )
    translated.add_argument("snippets", nargs="*", help="snippet paths relative to snippets/ (default: all)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    logging.getLogger(PROGRESS_LOGGER).setLevel(logging.WARNING if args.quiet else logging.NOTSET)
    if args.command == "run" and (args.shard is None) != (args.outputs is None):
        parser.error(
            "run: --shard K/N and --outputs DIR go together (a shard writes its share into a folder of its own)"
        )

    project = Project.at(args.root)
    try:
        if args.command == "check-output":
            printed = args.printed.read_text(encoding="utf-8") if args.printed else sys.stdin.read()
            verdict = reader_check.check(project, args.snippet, printed, args.language)
            print(verdict.text(args.language))
            return 0 if verdict.same else 1
        if args.command == "english":
            return _list_untranslated(project, args.snippets)
        if args.command == "cpu-path":
            outputs = Project.at(args.root, outputs_dir=args.outputs)
            report = refresh_outputs(
                outputs, force=True, only=args.snippets or None, jobs=args.jobs, cpu_path=args.path
            )
            return 0 if report.ok else 1
        if args.command == "run" and args.shard:
            target = Project.at(args.root, outputs_dir=args.outputs)
            shards.prepare(project, target, args.shard)
            report = refresh_outputs(
                target, only=args.snippets or None, jobs=args.jobs, shard=args.shard, report_file=args.report
            )
            return 0 if report.ok else 1
        if args.command == "rerun":
            if args.outputs.resolve() == project.outputs_dir.resolve():
                parser.error("rerun: --outputs must be a folder of its own, not outputs/")
            report, comparison = rerun.rerun(
                project,
                args.outputs,
                only=args.snippets or None,
                shard=args.shard,
                cpu_paths=args.cpu_paths,
                jobs=args.jobs,
            )
            return 0 if report.ok and comparison.ok else 1
        if args.command == "compare":
            fresh = Project.at(args.root, outputs_dir=args.folder)
            comparison = rerun.compare_folder(project, fresh, sorted(store.load_manifest(fresh)))
            for problem in comparison.problems.values():
                print(f"error: {problem}", file=sys.stderr)
            print(
                f"compared {len(comparison.compared)} snippets with outputs/: {len(comparison.problems)} differ",
                file=sys.stderr,
            )
            return 0 if comparison.ok else 1
        if args.command == "merge":
            into = Project.at(args.root, outputs_dir=args.into)
            merged = shards.merge(args.folders, into)
            print(
                f"merged {len(merged)} snippets from {len(args.folders)} shards into {into.outputs_dir}",
                file=sys.stderr,
            )
            return 0
        if args.command == "determinism":
            return 0 if determinism.check(project, only=args.snippets or None, jobs=args.jobs).ok else 1
        report = refresh_outputs(
            project,
            check=args.command == "check",
            force=args.command == "accept",
            only=args.snippets or None,
            jobs=getattr(args, "jobs", None),
            report_file=args.report,
        )
    except (ConfigError, ManifestError, ShardError, reader_check.CheckError, english.Untranslated) as exc:
        parser.exit(2, f"error: {exc}\n")
    return 0 if report.ok else 1
