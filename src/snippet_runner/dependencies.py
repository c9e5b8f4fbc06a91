"""What a snippet needs besides itself: the local modules it imports, the data files it names and the
third-party packages it uses, found from the source model of it and of each local module.

The cache key hashes these files, and a notebook embeds them beside the snippet's cells; both ask
this module, so a file that changes the key is always a file the notebook carries.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .project import Project
from .source import SnippetSource

Facts = Callable[[Path, bytes], tuple[Iterable[str], Iterable[str]]]
"""(imports, candidate file names) of one source file, given its path and bytes."""


def parsed_facts(path: Path, data: bytes) -> tuple[Iterable[str], Iterable[str]]:
    source = SnippetSource.parse(data.decode("utf-8"), path)
    return sorted(source.imports), sorted(source.file_names)


@dataclass
class Dependencies:
    sources: dict[Path, bytes] = field(default_factory=dict)
    """The snippet and the local modules it imports, directly or not, with their bytes; the snippet first."""
    data: list[Path] = field(default_factory=list)
    """Files in the checkout that a string of theirs names (resolved), other than Python modules."""
    packages: set[str] = field(default_factory=set)
    """Top-level names of the third-party modules they import."""
    probed: set[Path] = field(default_factory=set)
    """Every path whose existence decided the answer, found or not."""

    @property
    def modules(self) -> list[Path]:
        return list(self.sources)[1:]


def local_module(name: str, folder: Path, project: Project, probed: set[Path]) -> Path | None:
    """The file a top-level import resolves to in the snippet's folder or at the snippets' root, if any."""
    first = name.split(".")[0]
    for base in (folder, project.snippets_dir):
        candidate = base / f"{first}.py"
        probed.add(candidate)
        if candidate.is_file():
            return candidate
    return None


def find(project: Project, path: Path, facts: Facts = parsed_facts) -> Dependencies:
    found = Dependencies()
    pending = [path]
    while pending:
        current = pending.pop(0)
        if current in found.sources:
            continue
        data = current.read_bytes()
        found.sources[current] = data
        imports, names = facts(current, data)
        for module in imports:
            local = local_module(module, current.parent, project, found.probed)
            top = module.split(".")[0]
            if local is not None:
                pending.append(local)
            elif top not in sys.stdlib_module_names:
                found.packages.add(top)
        for text in names:
            candidate = current.parent / text
            found.probed.add(candidate)
            # Most strings are not file names: one stat rules them out before the costlier resolve().
            if os.path.isfile(candidate):
                resolved = candidate.resolve()
                if resolved.is_relative_to(project.root) and resolved.suffix != ".py" and resolved not in found.data:
                    found.data.append(resolved)
    return found
