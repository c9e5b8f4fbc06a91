"""A throwaway copy of the checkout to build in, so the benchmark never touches the real outputs."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

# What a build reads. node_modules is large and only read, so it is linked, not copied; so is src/,
# which the installed packages run from and mkdocs.yml watches.
COPIED = ("docs", "snippets", "outputs", "scripts", "includes", "overrides", "mkdocs.yml")
LINKED = ("node_modules", "src")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".*.tmp")


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def copy_of(cls, source: Path, destination: Path) -> Workspace:
        destination.mkdir(parents=True, exist_ok=True)
        for name in COPIED:
            path = source / name
            if path.is_dir():
                shutil.copytree(path, destination / name, ignore=IGNORED, symlinks=True)
            elif path.is_file():
                shutil.copy2(path, destination / name)
        for name in LINKED:
            if (source / name).exists():
                (destination / name).symlink_to((source / name).resolve(), target_is_directory=True)
        return cls(destination)

    @property
    def outputs_dir(self) -> Path:
        return self.root / "outputs"

    @property
    def snippets_dir(self) -> Path:
        return self.root / "snippets"

    def site_dir(self, name: str) -> Path:
        return self.root.parent / f"site-{name}"

    def clear_outputs(self) -> None:
        """Forget every frozen output and the runner's cache, so the next build starts from nothing."""
        shutil.rmtree(self.outputs_dir, ignore_errors=True)
        shutil.rmtree(self.root / ".cache", ignore_errors=True)

    def edit_snippet(self, snippet_id: str, mark: str) -> None:
        """Change one snippet's text without changing what it prints: a trailing comment."""
        path = self.snippets_dir / snippet_id
        text = path.read_text(encoding="utf-8")
        path.write_text(f"{text.rstrip(chr(10))}\n# benchmark edit {mark}\n", encoding="utf-8")
