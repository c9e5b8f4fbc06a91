"""Command line for a site built by another generator than MkDocs.

- ``snippet-site publish [--language en] SITE_DIR`` copies the frozen figures (the edition's
  variants) and KaTeX into a built site: MkDocs gets them from the ``snippet-site`` plugin, Zensical
  (Markdown extensions only) does not.
- ``snippet-site editions`` checks that the Korean and English pages use the same runs (``editions``).
- ``snippet-site compare SITE SITE_OTHER`` lists where two builds' pages differ (``compare_sites``).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from snippet_runner.api import ConfigError, Project

from . import assets, compare_sites, editions, language

log = logging.getLogger("snippet_site")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="snippet-site", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: current directory)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    commands = parser.add_subparsers(dest="command", required=True)
    publish = commands.add_parser("publish", help="copy the frozen figures and KaTeX into a built site")
    publish.add_argument("site_dir", type=Path)
    publish.add_argument(
        "--language", default="ko", choices=sorted(language.WORDS), help="the edition's theme.language (default: ko)"
    )
    commands.add_parser("editions", help="check that the Korean and English pages use the same runs (editions)")
    compare = commands.add_parser("compare", help="list where two builds' pages differ (text, figures, links, buttons)")
    compare.add_argument("reference", type=Path)
    compare.add_argument("other", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    if args.command == "compare":
        return _compare(args.reference, args.other)
    if args.command == "editions":
        return _editions(args.root)
    if not args.site_dir.is_dir():
        log.error("error: %s is not a built site", args.site_dir)
        return 2
    try:
        published = assets.published(Project.at(args.root), language.words(args.language).figure_variants)
    except assets.MissingAsset as exc:
        log.error("error: %s", exc)
        return 2
    changed = assets.copy_into(args.site_dir, published)
    log.info("publish: %d files, %d copied into %s", len(published), changed, args.site_dir)
    return 0


def _editions(root: Path) -> int:
    try:
        problems = editions.check(root.resolve())
    except ConfigError as exc:
        log.error("error: %s", exc)
        return 2
    for problem in problems:
        log.error("error: %s", problem)
    log.info("editions: %d pages in each, %d problems", len(editions.pages(root / editions.KOREAN)), len(problems))
    return 1 if problems else 0


def _compare(reference: Path, other: Path) -> int:
    for site in (reference, other):
        if not site.is_dir():
            log.error("error: %s is not a built site", site)
            return 2
    differences = compare_sites.compare(reference, other)
    for difference in differences:
        print(difference)
    log.info("compare: %d differences in %d pages", len(differences), len(compare_sites.pages(reference)))
    return 1 if differences else 0
