"""Command line: ``snippet-site publish SITE_DIR`` copies the figures and KaTeX into a built site.

MkDocs gets these files from the ``snippet-site`` plugin; a generator that runs only the
Markdown extensions (Zensical) needs them copied after its build.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from snippet_runner.project import Project

from . import assets

log = logging.getLogger("snippet_site")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="snippet-site", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: current directory)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    commands = parser.add_subparsers(dest="command", required=True)
    publish = commands.add_parser("publish", help="copy the frozen figures and KaTeX into a built site")
    publish.add_argument("site_dir", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    if not args.site_dir.is_dir():
        log.error("error: %s is not a built site", args.site_dir)
        return 2
    try:
        published = assets.published(Project.at(args.root))
    except assets.MissingAsset as exc:
        log.error("error: %s", exc)
        return 2
    changed = assets.copy_into(args.site_dir, published)
    log.info("publish: %d files, %d copied into %s", len(published), changed, args.site_dir)
    return 0
