"""Command line: ``snippet-runner run|check|accept``."""

from __future__ import annotations

import argparse
from pathlib import Path

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
    for command in (run, check, accept):
        command.add_argument("snippets", nargs="*", help="snippet paths relative to snippets/ (default: all)")
    for command in (run, accept):
        command.add_argument("-j", "--jobs", type=int, default=None, help="parallel runs (default: all cores)")
    args = parser.parse_args(argv)

    project = Project.at(args.root)
    try:
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
