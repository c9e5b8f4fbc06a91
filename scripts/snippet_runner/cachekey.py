"""The cache key of a snippet: everything that can change what it prints or draws."""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import RUNNER_VERSION
from .discovery import Snippet
from .project import Options, Project
from .sections import parse

# Always part of the key: the runner draws figures with matplotlib.
ALWAYS = ("matplotlib",)
REPORTED = ("torch", "numpy", "matplotlib")
NOT_INSTALLED = "not installed"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Versions:
    """Installed distribution versions, looked up once per run."""

    _modules: dict[str, list[str]] = field(default_factory=dict)
    _versions: dict[str, str] = field(default_factory=dict)

    def for_module(self, top_level: str) -> dict[str, str]:
        """The distributions that provide a top-level module, with their versions."""
        if self.of(top_level) != NOT_INSTALLED:
            return {top_level: self.of(top_level)}  # the common case: named like its module (torch, numpy)
        if not self._modules:  # slow: reads every installed distribution's file list
            self._modules = dict(importlib.metadata.packages_distributions())
        return {dist: self.of(dist) for dist in self._modules.get(top_level, [])}

    def of(self, dist: str) -> str:
        if dist not in self._versions:
            try:
                self._versions[dist] = importlib.metadata.version(dist)
            except importlib.metadata.PackageNotFoundError:
                self._versions[dist] = NOT_INSTALLED
        return self._versions[dist]

    def reported(self) -> dict[str, str]:
        return {"python": sys.version.split()[0]} | {name: self.of(name) for name in REPORTED}


@dataclass(frozen=True)
class CacheKey:
    key: str
    source_sha256: str
    inputs: dict[str, str]
    """What went into the key: local files with their hashes, packages with their versions."""


def _imports_and_strings(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The absolute imports and the string constants of a module, in one walk over its tree."""
    names: set[str] = set()
    strings: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                strings.add(node.value)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names, strings


def _local_module(name: str, folder: Path, project: Project) -> Path | None:
    first = name.split(".")[0]
    for base in (folder, project.snippets_dir):
        candidate = base / f"{first}.py"
        if candidate.is_file():
            return candidate
    return None


def compute(project: Project, snippet: Snippet, options: Options, versions: Versions) -> CacheKey:
    """Hash the snippet, the local modules and data files it uses, and the versions of what it imports."""
    inputs: dict[str, str] = {
        "runner": RUNNER_VERSION,
        "python": ".".join(map(str, sys.version_info[:2])),
        "options": json.dumps(asdict(options), sort_keys=True),
        "style": sha256(project.style_file.read_bytes()),
    }
    for dist in ALWAYS:
        inputs[f"package:{dist}"] = versions.of(dist)
    pending, seen = [snippet.path], set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        source = path.read_bytes()
        inputs[f"file:{path.relative_to(project.root).as_posix()}"] = sha256(source)
        modules, strings = _imports_and_strings(parse(source.decode("utf-8"), path))
        for module in sorted(modules):
            local = _local_module(module, path.parent, project)
            top = module.split(".")[0]
            if local is not None:
                pending.append(local)
            elif top not in sys.stdlib_module_names:
                for dist, version in versions.for_module(top).items():
                    inputs[f"package:{dist}"] = version
        for text in sorted(strings):
            # Most strings are not file names: one stat rules them out before the costlier resolve().
            if len(text) < 200 and "\n" not in text and "\0" not in text and os.path.isfile(path.parent / text):
                data = (path.parent / text).resolve()
                if data.is_relative_to(project.root) and data.suffix != ".py":
                    inputs[f"file:{data.relative_to(project.root).as_posix()}"] = sha256(data.read_bytes())
    key = sha256(json.dumps(inputs, sort_keys=True).encode("utf-8"))
    return CacheKey(key=key, source_sha256=sha256(snippet.path.read_bytes()), inputs=inputs)


SEED_CALLS = {"manual_seed", "seed", "default_rng", "RandomState"}


def seeds(snippet: Snippet) -> list[int]:
    """The constant seeds the snippet passes to ``manual_seed``/``seed``/``default_rng``, for the record."""
    tree = parse(snippet.path.read_text(encoding="utf-8"), snippet.path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if name in SEED_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, int):
                found.append(first.value)
    return sorted(set(found))
