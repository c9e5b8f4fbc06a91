"""Hold the prose of both editions to their terminology: textlint with the prh dictionaries in prose/.

textlint's Markdown parser reads an indented block as code, and this site's boxes (``!!! note``) and
tabs indent their prose. So each page is handed to textlint with its lines' indentation removed (the
lines stay where they are: a report's line is the page's line), and each report names the page.

    python scripts/lint_prose.py            # both editions; status 1 when a rule is broken
    python scripts/lint_prose.py docs/glossary.md
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTLINT = ROOT / "node_modules" / ".bin" / "textlint"


@dataclass(frozen=True)
class Edition:
    pages: str
    """The folder of the edition's pages."""
    config: Path
    """Its textlint configuration (which names its prh dictionary)."""


EDITIONS = (Edition("docs", ROOT / "prose" / "ko.json"), Edition("docs-en", ROOT / "prose" / "en.json"))
"""Generated notebooks are left out: their prose is the pages' own."""


def learner_pages(root: Path, edition: Edition) -> list[Path]:
    folder = root / edition.pages
    return sorted(page for page in folder.rglob("*.md") if "notebooks" not in page.relative_to(folder).parts)


def flattened(text: str) -> tuple[str, list[int]]:
    """The page with every line's leading spaces removed (the same lines, none of them indented code),
    and how many were removed from each line."""
    lines = text.split("\n")
    return "\n".join(line.lstrip(" \t") for line in lines), [len(line) - len(line.lstrip(" \t")) for line in lines]


def lint(root: Path, edition: Edition, pages: list[Path]) -> list[str]:
    """textlint's reports for ``pages``, each as ``page:line:column: message``."""
    if not pages:
        return []
    with tempfile.TemporaryDirectory(prefix="prose-") as temporary:
        copies: dict[str, tuple[str, list[int]]] = {}
        for page in pages:
            copy = Path(temporary) / page.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            text, indents = flattened(page.read_text(encoding="utf-8"))
            copy.write_text(text, encoding="utf-8")
            copies[str(copy)] = (page.relative_to(root).as_posix(), indents)
        done = subprocess.run(
            [str(TEXTLINT), "--config", str(edition.config), "--format", "unix", "--no-color", *copies],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=root,
            check=False,
        )
    reports = []
    for report in done.stdout.splitlines():
        path, line, column, message = [*report.split(":", 3), "", "", ""][:4]
        if path in copies and line.isdigit() and column.isdigit():
            name, indents = copies[path]
            reports.append(f"{name}:{line}:{int(column) + indents[int(line) - 1]}:{message}")
    if done.returncode != 0 and not reports:  # it stopped before reading the pages (a broken rule, a crash)
        raise SystemExit(f"textlint failed ({edition.config.name}):\n{(done.stderr or done.stdout)[:2000]}")
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path, help="pages to check (default: every learner page of both)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    reports = []
    for edition in EDITIONS:
        everything = learner_pages(root, edition)
        chosen = [page for page in everything if not args.pages or any(page.samefile(p) for p in args.pages)]
        reports += lint(root, edition, chosen)
    for report in reports:
        print(report)
    print(f"prose: {len(reports)} terminology problems", file=sys.stderr)
    return 1 if reports else 0


if __name__ == "__main__":
    sys.exit(main())
