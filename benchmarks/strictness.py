"""How many frozen outputs a change outside the snippet's own text invalidates.

A cache keyed on the snippet's text alone answers 0 to every question here; the runner's key also
holds the versions of the libraries a snippet imports and the local modules and data files it uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from snippet_runner.cachekey import REPORTED, Versions, compute
from snippet_runner.discovery import find_snippets
from snippet_runner.project import Project


@dataclass
class Upgraded(Versions):
    """The installed versions, except one distribution reported one release later."""

    upgraded: str = ""

    def of(self, dist: str) -> str:
        version = super().of(dist)
        return f"{version}.post1" if dist == self.upgraded else version


def stale_after_changes(project: Project) -> dict[str, int]:
    """Snippets whose key changes when each reported library is upgraded, and those that read local files."""
    table = project.load_options()
    snippets = find_snippets(project)
    base = Versions()
    keys = {s.id: compute(project, s, project.options_for(s.id, table), base) for s in snippets}
    counts = {"snippets": len(snippets)}
    for dist in REPORTED:
        upgraded = Upgraded(upgraded=dist)
        counts[f"upgrade:{dist}"] = sum(
            compute(project, s, project.options_for(s.id, table), upgraded).key != keys[s.id].key for s in snippets
        )
    counts["local_files"] = sum(
        any(
            name.startswith("file:") and name != f"file:{s.path.relative_to(project.root).as_posix()}"
            for name in keys[s.id].inputs
        )
        for s in snippets
    )
    return counts
