"""A tiny throwaway project driven through the command lines, shared by the fault, containment and serve tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
POLL_SECONDS = 120
"""How long a test waits for something that should happen at once (polled: a pass returns as soon as it
happens). Generous, so that a busy machine slows a test down but never fails it."""
RUN_SECONDS = 300
"""The subprocess limit for one command of the tiny project: only a real hang reaches it."""
GOOD = "slope = 1.0\nprint('ReLU(-2) =', max(0.0, -2.0), 'slope', slope)\n"
PINNED_ONLY = "[defaults]\ncpu_paths = []  # a throwaway project freezes on the pinned CPU path alone\n"
"""The options every throwaway project starts from: running the other CPU paths is tested on its own."""
PAGE = "# 데모 { #demo }\n\n{{ output demo/good.py }}\n\n기울기 {{ value demo/good.py slope .1f }}\n"


def write(path: Path, text: str) -> Path:
    """Write a text file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _trimmed_config(page_nav: str) -> str:
    """The site's mkdocs.yml with its nav replaced by the throwaway pages (the plugin and the
    Markdown extensions are installed packages)."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()

    def block(key: str) -> slice:
        start = lines.index(f"{key}:")
        end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace()), len(lines))
        return slice(start, end)

    lines[block("nav")] = ["nav:", page_nav]
    del lines[block("watch")]  # the throwaway project has no src/ to watch
    return "\n".join(lines) + "\n"


@dataclass
class Tiny:
    """A throwaway project: ``snippets/``, ``docs/``, a trimmed ``mkdocs.yml``, and the command lines."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def options(self, tables: str) -> Path:
        """Write ``snippets/snippets.toml``: ``PINNED_ONLY`` and then ``tables``."""
        return self.write("snippets/snippets.toml", PINNED_ONLY + tables)

    def env(self, **extra: str) -> dict[str, str]:
        return os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"} | extra

    def runner(
        self, *args: str, timeout: float = RUN_SECONDS, stdin: str = "", **extra: str
    ) -> subprocess.CompletedProcess[str]:
        """``snippet-runner --root <project> args``; ``extra``: more variables of its environment."""
        return subprocess.run(
            [str(BIN / "snippet-runner"), "--root", str(self.root), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=self.env(**extra),
        )

    def mkdocs(self, mode: str = "run", **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(self.site)],
            cwd=self.root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=RUN_SECONDS,
            env=self.env(SNIPPET_RUNNER=mode, **extra),
        )

    @property
    def site(self) -> Path:
        return self.root.parent / "site"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    def snapshot(self, folder: Path | None = None) -> dict[str, bytes]:
        """Every file under ``folder`` (default: outputs/) with its bytes."""
        folder = folder or self.outputs
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def make_tiny(root: Path) -> Tiny:
    """One snippet, one page that shows it, and the site's config."""
    project = Tiny(root)
    project.write("snippets/demo/good.py", GOOD)
    project.options("")
    project.write("docs/index.md", PAGE)
    project.write("includes/abbreviations.md", "*[ReLU]: Rectified Linear Unit\n")
    project.write("mkdocs.yml", _trimmed_config("  - 데모: index.md"))
    for name in ("node_modules", "overrides"):
        (project.root / name).symlink_to(ROOT / name, target_is_directory=True)
    return project


def frozen_ok(tiny: Tiny) -> dict[str, bytes]:
    """Run once, successfully, and return the frozen outputs."""
    result = tiny.runner("run")
    assert result.returncode == 0, result.stderr
    return tiny.snapshot()
