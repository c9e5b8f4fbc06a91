"""A notebook's key: a hash of everything its text is made from, so that a build in which nothing
changed does not make the notebooks again only to find them equal to the files.

What ``NotebookBuilder.build`` reads, and where it is in the key:

- the generator itself: the source of ``snippet_notebooks`` and ``snippet_runner`` (the comparison
  rules are embedded, the sections and tolerances come from there), nbformat's version and Python's
  (which modules are the standard library's);
- the edition's addresses, language and folder from its configuration (``Site``), the pins of ``requirements.txt``,
  the runner's figure style (the set-up cell);
- per page, what the scan found (title, snippets, headings, anchors), each snippet's tolerances from
  ``snippets/snippets.toml``, and the pinned versions of the packages its snippets import;
- every file the last build of the notebook read, with its hash, or "absent" for a path it only
  looked for: the page, the snippets, their local modules and data files, the frozen outputs.

The keys of the last build are kept in ``.cache/snippet-notebooks/index.json`` (the English
edition's in ``index.docs-en.json``: each edition's generate keeps only its own notebooks) with the
hash of the text written; a missing or unreadable index only means that every notebook is made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from snippet_runner.api import ENGINE_DIR, ORIGINAL, Options, Project, Versions, tolerance_of

from .pages import PageCode
from .pins import pinned_packages
from .site import Site

INDEX_FILE = ".cache/snippet-notebooks/index.json"
ABSENT = "absent"
GENERATOR_PACKAGES = (Path(__file__).parent, ENGINE_DIR)


def hex_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_hash(data: object) -> str:
    return hex_digest(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def index_file(project: Project) -> Path:
    """Where the keys of the edition ``project.docs`` are kept: one file per edition."""
    path = project.root / INDEX_FILE
    return path if project.docs == ORIGINAL.docs else path.with_name(f"index.{project.docs}.json")


def generator_version() -> str:
    """A hash of the generator's source and of the versions it depends on."""
    sources = {
        f"{package.name}/{path.name}": hex_digest(path.read_bytes())
        for package in GENERATOR_PACKAGES
        for path in sorted(package.glob("*.py"))
    }
    return _json_hash({"sources": sources, "nbformat": nbformat.__version__, "python": list(sys.version_info[:2])})


@dataclass
class Keys:
    """Computes the notebooks' keys for one ``generate``; each file is hashed at most once."""

    project: Project
    site: Site
    pins: dict[str, str]
    options: dict[str, Options]
    versions: Versions
    common: str = ""
    digests: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.common = _json_hash(
            {
                "generator": generator_version(),
                "site": dataclasses.asdict(self.site),
                "pins": self.pins,
                "style": hex_digest(self.project.style_file.read_bytes()),
            }
        )

    def name(self, path: Path) -> str:
        """A file as the index records it: relative to the checkout when inside it."""
        return path.relative_to(self.project.root).as_posix() if path.is_relative_to(self.project.root) else str(path)

    def digest(self, name: str) -> str:
        """The hash of a recorded file's bytes, or ``ABSENT`` when it is not a file (most looked-for
        names are strings of the snippets that name no file: plain ``os.path`` keeps them cheap)."""
        if name not in self.digests:
            path = os.path.join(self.project.root, name)
            try:
                self.digests[name] = hex_digest(Path(path).read_bytes()) if os.path.isfile(path) else ABSENT
            except OSError:
                self.digests[name] = ABSENT
        return self.digests[name]

    def key(self, page: PageCode, files: list[str], imports: list[str]) -> str:
        """The key of ``page``'s notebook, if it was made from ``files`` and its snippets import ``imports``."""
        return _json_hash(
            {
                "common": self.common,
                "page": [page.page, page.title, [[use.snippet_id, use.heading, use.anchor] for use in page.snippets]],
                "tolerances": {
                    use.snippet_id: dataclasses.asdict(
                        tolerance_of(self.project.options_for(use.snippet_id, self.options))
                    )
                    for use in page.snippets
                },
                "pinned": pinned_packages(set(imports), self.pins, self.versions),
                "files": {name: self.digest(name) for name in sorted(files)},
            }
        )


@dataclass(frozen=True)
class NotebookEntry:
    """The index's record of one notebook."""

    key: str
    text_sha256: str
    files: list[str]
    imports: list[str]


def _well_formed(entry: NotebookEntry) -> bool:
    return (
        isinstance(entry.key, str)
        and isinstance(entry.text_sha256, str)
        and all(
            isinstance(items, list) and all(isinstance(x, str) for x in items) for items in (entry.files, entry.imports)
        )
    )


@dataclass
class NotebookIndex:
    """The keys of the notebooks as last written, by notebook (relative to the checkout)."""

    path: Path | None = None
    entries: dict[str, NotebookEntry] = field(default_factory=dict)
    changed: bool = False

    def record(self, name: str, entry: NotebookEntry) -> None:
        if self.entries.get(name) != entry:
            self.entries[name] = entry
            self.changed = True

    @classmethod
    def load(cls, project: Project) -> NotebookIndex:
        path = index_file(project)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            entries = {name: NotebookEntry(**entry) for name, entry in raw.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            entries = {}
        entries = {name: entry for name, entry in entries.items() if _well_formed(entry)}
        return cls(path=path, entries=entries)

    def is_current(self, name: str, notebook: Path, key: str) -> bool:
        """True when ``notebook`` was written with ``key`` and is still the text then written."""
        entry = self.entries.get(name)
        if entry is None or entry.key != key:
            return False
        try:
            return hex_digest(notebook.read_bytes()) == entry.text_sha256
        except OSError:
            return False

    def save(self, keep: set[str]) -> None:
        """Write the index with the notebooks in ``keep`` only; failing to is harmless (only a cache)."""
        if self.path is None or not (self.changed or set(self.entries) - keep):
            return
        entries = {name: dataclasses.asdict(entry) for name, entry in sorted(self.entries.items()) if name in keep}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(entries, sort_keys=True, indent=1), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            pass
