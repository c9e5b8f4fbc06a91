"""Command line: ``snippet-notebooks [--check]`` writes (or checks) the notebooks of every edition:
``docs/notebooks/`` (``mkdocs.yml``) and ``docs-en/notebooks/`` (``mkdocs.en.yml``)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from snippet_runner.api import Project, SnippetError

from .generate import NotebookError, generate
from .site import Site, SiteConfigError, editions

log = logging.getLogger("snippet_notebooks")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="snippet-notebooks", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: current directory)")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if a notebook is out of date")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    stale = 0
    for docs, config in editions(args.root.resolve()):
        try:
            report = generate(Project.at(args.root, docs=docs), Site.from_mkdocs(config), check=args.check)
        except (NotebookError, SnippetError, SiteConfigError) as exc:
            log.error("error: %s", exc)
            return 1
        for name in report.stale:
            log.error("error: %s is out of date: run `snippet-notebooks` and commit %s/notebooks/", name, docs)
        log.info("%s: %s", docs, report.summary())
        stale += len(report.stale)
    return 1 if stale else 0
