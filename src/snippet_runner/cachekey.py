"""The cache key of a snippet: everything that can change what it prints or draws."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import dependencies
from .dependencies import parsed_facts
from .discovery import Snippet
from .project import Options, Project
from .run_environment import RUN_ENVIRONMENT
from .runner_version import runner_version
from .worker import FONT_FILE

# Always part of the key: the runner draws figures with matplotlib, which computes with numpy.
ALWAYS = ("matplotlib", "numpy")
# The options that can change what is frozen; tolerances and limits only judge a run. `cpu_paths`
# (the other paths' spread is frozen too) counts only when set, so that keys without it stay as they were.
OUTPUT_OPTIONS = ("threads", "cpu_paths")
REPORTED = ("torch", "numpy", "matplotlib")
NOT_INSTALLED = "not installed"
SOURCE_INDEX = ".cache/snippet-runner/sources.json"
MAX_INDEX_ENTRIES = 2000


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Versions:
    """Installed distribution versions, looked up once per run."""

    _modules: dict[str, list[str]] = field(default_factory=dict)
    _versions: dict[str, str] = field(default_factory=dict)
    _font: str = ""

    def font(self) -> str:
        """The hash of the Korean font the figures are drawn with, read once per run."""
        if not self._font:
            self._font = sha256(FONT_FILE.read_bytes()) if FONT_FILE.is_file() else "missing"
        return self._font

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


@dataclass
class SourceIndex:
    """What each source file imports, and which of its strings could name a data file, by content hash.

    Parsing every snippet again on every build was most of what the runner adds to a build in which
    nothing changed. The answer depends only on the file's bytes, so it is kept in ``.cache/`` between
    builds and cannot go stale; a missing or unreadable index is simply rebuilt.
    """

    path: Path | None = None
    entries: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def load(cls, project: Project) -> SourceIndex:
        path = project.root / SOURCE_INDEX
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        return cls(path=path, entries=entries if isinstance(entries, dict) else {})

    def analyse(self, path: Path, source: bytes) -> tuple[list[str], list[str]]:
        """(absolute imports, candidate file names) of one source file: :data:`dependencies.Facts`."""
        digest = sha256(source)
        self.used.add(digest)
        entry = self.entries.get(digest)
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("imports"), list)
            and isinstance(entry.get("strings"), list)
        ):
            imports, strings = parsed_facts(path, source)
            entry = {"imports": list(imports), "strings": list(strings)}
            self.entries[digest] = entry
            self.changed = True
        return entry["imports"], entry["strings"]

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        if len(self.entries) > MAX_INDEX_ENTRIES:
            self.entries = {digest: self.entries[digest] for digest in self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self.entries, sort_keys=True), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            pass  # only a cache: the next build parses again
        self.changed = False


def compute(
    project: Project,
    snippet: Snippet,
    options: Options,
    versions: Versions,
    index: SourceIndex | None = None,
    reads: Sequence[str] = (),
) -> CacheKey:
    """Hash the snippet, the local modules and data files it uses, and the versions of what it imports.

    ``reads`` are the checkout's files the snippet opened when it last ran (recorded by the worker),
    for the data files that no string in its source names.
    """
    index = index if index is not None else SourceIndex()
    inputs: dict[str, str] = {
        "runner": runner_version(),
        "python": ".".join(map(str, sys.version_info[:2])),
        "options": json.dumps(
            {name: getattr(options, name) for name in OUTPUT_OPTIONS if getattr(options, name) != []}, sort_keys=True
        ),
        "environment": json.dumps(RUN_ENVIRONMENT, sort_keys=True),
        "style": sha256(project.style_file.read_bytes()),
        "figure_text": sha256(project.figure_text_file.read_bytes()) if project.figure_text_file.exists() else "none",
        "font": versions.font(),
    }
    for dist in ALWAYS:
        inputs[f"package:{dist}"] = versions.of(dist)
    found = dependencies.find(project, snippet.path, index.analyse)
    for path, source in found.sources.items():
        inputs[f"file:{path.relative_to(project.root).as_posix()}"] = sha256(source)
    for top in found.packages:
        for dist, version in versions.for_module(top).items():
            inputs[f"package:{dist}"] = version
    for data in found.data:
        inputs[f"file:{data.relative_to(project.root).as_posix()}"] = sha256(data.read_bytes())
    for relative in reads:
        name = f"file:{relative}"
        if name not in inputs:
            data = project.root / relative
            inputs[name] = sha256(data.read_bytes()) if data.is_file() else "missing"
    key = sha256(json.dumps(inputs, sort_keys=True).encode("utf-8"))
    return CacheKey(key=key, source_sha256=sha256(snippet.path.read_bytes()), inputs=inputs)
