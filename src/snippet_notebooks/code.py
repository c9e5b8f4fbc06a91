"""A snippet's code as notebook material: cells at its section markers, the local files it needs
beside it, and the pinned versions of the packages it imports."""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from snippet_runner.cachekey import Versions
from snippet_runner.project import Project
from snippet_runner.sections import MARKER, find_sections, parse

PROVENANCE_PACKAGES = ("torch", "numpy", "matplotlib")
COMMENT = re.compile(r"(?:^|\s)#")
"""Where a requirements file's comment starts: a ``#`` at the line's start or after a space (not in a URL)."""


@dataclass(frozen=True)
class Chunk:
    """Consecutive lines of a snippet that become one cell."""

    section: str
    code: str


def split_chunks(source: str, path: Path) -> tuple[str, list[Chunk]]:
    """(module docstring, code chunks split at section markers, markers and docstring removed)."""
    tree = parse(source, path)
    find_sections(source, path)  # validates the markers
    lines = source.splitlines()
    docstring = ast.get_docstring(tree, clean=True) or ""
    if docstring:
        first = tree.body[0]
        lines[first.lineno - 1 : first.end_lineno] = [""] * (first.end_lineno - first.lineno + 1)
    chunks: list[Chunk] = []
    current: list[str] = []
    section = ""

    def close() -> None:
        code = "\n".join(current).strip("\n")
        if code.strip():
            chunks.append(Chunk(section, code))
        current.clear()

    for line in lines:
        marker = MARKER.match(line)
        if marker:
            close()
            section = marker.group(2) if marker.group(1) == "start" else ""
        else:
            current.append(line)
    close()
    return docstring, chunks


def local_files(project: Project, path: Path, source: str, probed: set[Path] | None = None) -> tuple[list[Path], list[Path]]:
    """(local modules, data files) the snippet needs next to it, found as the cache key finds them.

    ``probed`` collects every path whose existence decided the answer, found or not.
    """
    probed = probed if probed is not None else set()
    modules: list[Path] = []
    data: list[Path] = []
    pending, seen = [(path, source)], {path}
    while pending:
        current, text = pending.pop()
        tree = parse(text, current)
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 200:
                candidate = current.parent / node.value
                if "\n" in node.value or "\0" in node.value:
                    continue
                probed.add(candidate)
                if candidate.is_file() and candidate.suffix != ".py":
                    if candidate.resolve() not in data:
                        data.append(candidate.resolve())
            for name in names:
                first = name.split(".")[0]
                for base in (current.parent, project.snippets_dir):
                    module = base / f"{first}.py"
                    probed.add(module)
                    if module.is_file() and module not in seen:
                        seen.add(module)
                        modules.append(module)
                        pending.append((module, module.read_text(encoding="utf-8")))
                        break
    return modules, data


def imported_packages(sources: list[str], paths: list[Path]) -> set[str]:
    """Top-level names of the third-party modules the sources import (not stdlib, not local modules)."""
    local = {path.stem for path in paths}
    names: set[str] = set()
    for text, path in zip(sources, paths):
        for node in ast.walk(parse(text, path)):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}


def _pin(line: str) -> tuple[str, str] | None:
    """(canonical name, version) of a ``name==version`` requirement line, extras and markers allowed."""
    text = COMMENT.split(line, maxsplit=1)[0].strip().removesuffix("\\").strip()
    if not text or text.startswith("-"):
        return None  # blank, a comment, or an option such as -r or --hash
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    exact = [spec.version for spec in requirement.specifier if spec.operator == "=="]
    if requirement.url or len(exact) != 1:
        return None
    return canonicalize_name(requirement.name), exact[0].split("+")[0]


def read_pins(requirements: Path) -> dict[str, str]:
    """The ``name==version`` pins of requirements.txt, by canonical name; local version labels dropped."""
    pins: dict[str, str] = {}
    if requirements.exists():
        for line in requirements.read_text(encoding="utf-8").splitlines():
            if pin := _pin(line):
                pins[pin[0]] = pin[1]
    return pins


def pinned_packages(imports: set[str], pins: dict[str, str], versions: Versions) -> dict[str, str]:
    """The pinned versions of torch, numpy, matplotlib and every distribution the snippets import."""
    wanted: set[str] = set(PROVENANCE_PACKAGES)
    for name in imports:
        wanted.update(versions.for_module(name))
    return {name: pins[key] for name in sorted(wanted) if (key := canonicalize_name(name)) in pins}


def markdown_text(text: str) -> str:
    """Plain text (a docstring) shown as Markdown: characters that would become markup are escaped."""
    return re.sub(r"([\\`*\[\]<>$])", r"\\\1", text)
