"""Find the snippets and the pages that use them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .grammar import references
from .markdown_scan import scan
from .project import Project


@dataclass(frozen=True)
class Snippet:
    id: str
    """Path relative to ``snippets/``, with ``.py``: the name pages use."""
    path: Path

    @property
    def test_id(self) -> str:
        return self.id.removesuffix(".py")


def find_snippets(project: Project) -> list[Snippet]:
    """Every ``.py`` file under ``snippets/`` is a snippet, except modules whose name starts with ``_``."""
    paths = sorted(project.snippets_dir.rglob("*.py"))
    return [
        Snippet(id=p.relative_to(project.snippets_dir).as_posix(), path=p)
        for p in paths
        if not p.name.startswith("_") and "__pycache__" not in p.parts
    ]


def pages_using(project: Project) -> dict[str, list[str]]:
    """Snippet id -> the pages (``docs/...md``) that include or reference it."""
    usage: dict[str, set[str]] = defaultdict(set)
    for page in sorted(project.docs_dir.rglob("*.md")):
        lines = page.read_text(encoding="utf-8").split("\n")
        for reference in references(lines, scan(lines)):
            usage[reference.snippet_id].add(page.relative_to(project.root).as_posix())
    return {k: sorted(v) for k, v in usage.items()}
