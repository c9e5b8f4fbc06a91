"""Run frozen-to-be snippets again on the other CPU paths their options list, and judge the moves.

One process has one fork server, whose environment chose its kernels, so each path gets a process of
its own: ``snippet-runner cpu-path NAME --outputs DIR``, with the same containment for every run.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import store
from .compare import image_rms, tolerance_of
from .cpu_paths import measure
from .messages import Messages
from .payloads import FrozenOutputs, SpreadRecord
from .project import Options, Project
from .scheduler import RunResult

LOG_TAIL = 4000


@dataclass
class OtherRuns:
    """The outputs of each held snippet on each other path; the reason where a path has none."""

    outputs: dict[str, dict[str, FrozenOutputs]] = field(default_factory=dict)
    """Snippet id -> path -> outputs file content."""
    missing: dict[str, dict[str, str]] = field(default_factory=dict)
    """Snippet id -> path -> why that run left no output."""
    figures: dict[str, dict[str, list[bytes]]] = field(default_factory=dict)
    """Snippet id -> path -> its figures (PNG), in order."""

    def measure(self, result: RunResult, options: Options) -> tuple[SpreadRecord, list[str]]:
        """The spread to freeze with this pinned run, and what its tolerances do not cover."""
        snippet_id = result.snippet.id
        problems = [f"{path}: the run failed: {why}" for path, why in sorted(self.missing.get(snippet_id, {}).items())]
        frozen, files = store.snippet_outputs(result)
        spread, moved = measure(frozen, self.outputs.get(snippet_id, {}), tolerance_of(options))
        pinned = [files[figure["file"]] for figure in frozen["figures"]]
        spread.figures, far = figure_moves(pinned, self.figures.get(snippet_id, {}), options.image_tol)
        return spread.to_json(), problems + moved + far


def figure_moves(
    pinned: list[bytes], others: dict[str, list[bytes]], image_tol: float
) -> tuple[list[float], list[str]]:
    """Per figure, the largest RMS pixel difference on any other path, and the ones beyond ``image_tol``."""
    largest = [0.0] * len(pinned)
    problems = []
    for path, figures in sorted(others.items()):
        if len(figures) != len(pinned):
            problems.append(f"{path}: {len(figures)} figure(s), the pinned path made {len(pinned)}")
            continue
        for index, (old, new) in enumerate(zip(pinned, figures, strict=False)):
            rms = image_rms(io.BytesIO(old), io.BytesIO(new))
            if rms is None:
                problems.append(f"{path}: figure {index + 1} has a different size")
                continue
            largest[index] = max(largest[index], round(rms, 2))
            if rms > image_tol:
                problems.append(f"{path}: figure {index + 1}: RMS pixel difference {rms:.2f} > image_tol {image_tol:g}")
    return largest, problems


def run(
    project: Project, held: list[RunResult], table: dict[str, Options], *, jobs: int, stream: TextIO | None
) -> OtherRuns:
    """Every held snippet on every path its options name, one process per path."""
    wanted: dict[str, list[str]] = {}
    for result in held:
        for path in project.options_for(result.snippet.id, table).cpu_paths:
            wanted.setdefault(path, []).append(result.snippet.id)
    runs = OtherRuns()
    with tempfile.TemporaryDirectory(prefix="cpu-paths-") as folder:
        for path, snippet_ids in sorted(wanted.items()):
            Messages(stream).progress(f"CPU path {path}: running {len(snippet_ids)} snippet(s) again")
            outputs = Path(folder) / path
            command = [
                sys.executable,
                "-m",
                "snippet_runner",
                "--root",
                str(project.root),
                "cpu-path",
                path,
                *snippet_ids,
            ]
            command += ["--outputs", str(outputs), "--jobs", str(jobs)]
            done = subprocess.run(
                command, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
            )
            target = Project.at(project.root, outputs_dir=outputs)
            for snippet_id in snippet_ids:
                content = store.load_outputs(target, snippet_id) if outputs.exists() else None
                if content is None:
                    runs.missing.setdefault(snippet_id, {})[path] = (
                        done.stderr[-LOG_TAIL:].strip() or f"exit status {done.returncode}"
                    )
                else:
                    runs.outputs.setdefault(snippet_id, {})[path] = content
                    folder_of = store.figures_dir(target, snippet_id)
                    runs.figures.setdefault(snippet_id, {})[path] = [
                        (folder_of / f["file"]).read_bytes() for f in content["figures"]
                    ]
    return runs


def failure(snippet_id: str, problems: list[str], where_used: str) -> str:
    listing = "\n".join(f"  {problem}" for problem in problems[:20])
    more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
    return (
        f"snippets/{snippet_id}: on another CPU path its output is outside its tolerance ({where_used}; previous outputs kept):\n"
        f"{listing}{more}\n"
        "  If the moves are expected, widen rel_tol, abs_tol or image_tol for it in snippets/snippets.toml; if a line's words change, "
        "make the snippet print what does not depend on the last digits."
    )
