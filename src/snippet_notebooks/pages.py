"""Which pages get a notebook, and which snippets each page shows, in the order it first shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pymdownx.slugs import slugify

from snippet_runner.api import INCLUDE, Project, SnippetError, references, scan

NOTEBOOKS_DIR = "notebooks"
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
ANCHOR = re.compile(r"#([\w-]+)")


class NotebookError(SnippetError):
    """A notebook cannot be generated; the message names the page or snippet."""


@dataclass(frozen=True)
class SnippetUse:
    """A snippet as a page first refers to it: under which heading."""

    snippet_id: str
    heading: str
    anchor: str


@dataclass(frozen=True)
class PageCode:
    page: str
    """Path relative to docs/, e.g. ``activation/relu.md``."""
    title: str
    snippets: list[SnippetUse]


def notebook_uri(page: str) -> str:
    """``activation/relu.md`` -> ``notebooks/activation/relu.ipynb`` (relative to docs/)."""
    return f"{NOTEBOOKS_DIR}/{page.removesuffix('.md')}.ipynb"


def _plain_heading(text: str) -> tuple[str, str]:
    """Heading text without its attribute list, and its explicit anchor if any."""
    match = HEADING.match(text)
    if not match:
        return text, ""
    anchor = ANCHOR.search(match.group("attrs") or "")
    return match.group("text").strip(), anchor.group(1) if anchor else ""


def _slug(text: str) -> str:
    """The anchor the site's toc extension gives a heading without ``{ #id }`` (see mkdocs.yml)."""
    return slugify(case="lower")(text, "-")


def scan_page(docs_dir: Path, path: Path) -> PageCode | None:
    """The snippets a page refers to, in order; None when the page shows no code."""
    text = path.read_text(encoding="utf-8")
    if not INCLUDE.search(text):
        return None
    title, heading, anchor = "", "", ""
    lines = text.split("\n")
    code = scan(lines)
    by_line: dict[int, list[str]] = {}
    for reference in references(lines, code):
        by_line.setdefault(reference.line, []).append(reference.snippet_id)
    uses: dict[str, SnippetUse] = {}
    for number, line in enumerate(lines):
        if not code.in_fence(number) and (heading_match := HEADING.match(line)):
            level = len(heading_match.group("hashes"))
            heading, explicit = _plain_heading(line)
            anchor = explicit or _slug(heading)
            if level == 1:
                title, anchor = title or heading, ""
        for snippet_id in by_line.get(number, []):
            uses.setdefault(snippet_id, SnippetUse(snippet_id, heading if anchor else "", anchor))
    page = path.relative_to(docs_dir).as_posix()
    return PageCode(page=page, title=title or page.removesuffix(".md"), snippets=list(uses.values()))


def pages_with_code(project: Project) -> list[PageCode]:
    notebooks = project.docs_dir / NOTEBOOKS_DIR
    found = []
    for path in sorted(project.docs_dir.rglob("*.md")):
        if path.is_relative_to(notebooks):
            continue
        page = scan_page(project.docs_dir, path)
        if page is not None:
            found.append(page)
    return found
