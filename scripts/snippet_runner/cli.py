"""Command line: ``snippet-runner run|check|accept|determinism``."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import determinism
from .build import build
from .project import ConfigError, Project
from .store import ManifestError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="snippet-runner", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: current directory)")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the snippets whose inputs changed and freeze their outputs")
    check = commands.add_parser("check", help="fail if any frozen output is stale; runs nothing")
    accept = commands.add_parser("accept", help="re-run the named snippets (or all) and freeze what they print now")
    twice = commands.add_parser("determinism", help="run each snippet twice and fail if the two runs differ; freezes nothing")
    for command in (run, check, accept, twice):
        command.add_argument("snippets", nargs="*", help="snippet paths relative to snippets/ (default: all)")
    for command in (run, accept, twice):
        command.add_argument("-j", "--jobs", type=int, default=None, help="parallel runs (default: all cores)")
    args = parser.parse_args(argv)

    project = Project.at(args.root)
    try:
        if args.command == "determinism":
            return 0 if determinism.check(project, only=args.snippets or None, jobs=args.jobs).ok else 1
        report = build(
            project,
            check=args.command == "check",
            force=args.command == "accept",
            only=args.snippets or None,
            jobs=getattr(args, "jobs", None),
        )
    except (ConfigError, ManifestError) as exc:
        parser.exit(2, f"error: {exc}\n")
    return 0 if report.ok else 1
