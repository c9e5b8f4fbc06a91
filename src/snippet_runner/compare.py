"""Compare a fresh run with the frozen outputs: text must match except for numbers, which get a tolerance."""

from __future__ import annotations

import difflib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .drift_rules import Tolerance, first_changed_line, number_drifts, value_differs
from .payloads import FrozenOutputs
from .project import Options
from .store import FIGURE_VARIANTS


@dataclass(frozen=True)
class Drift:
    where: str
    """Section and line, value name, or figure."""
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.where}: {self.old} → {self.new}"


def tolerance_of(options: Options) -> Tolerance:
    """The comparison rule of a snippet's options (see ``drift_rules``)."""
    return Tolerance(options.rel_tol, options.abs_tol, options.timing)


def compare_text(old: str, new: str, tolerance: Tolerance, where: str = "") -> list[Drift]:
    """Numbers may move within the tolerance; every other character must stay the same."""
    if first_changed_line(old, new) is not None:
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "frozen", "now", lineterm="", n=1)
        return [Drift(f"{where}text changed", "", "\n" + "\n".join(diff))]
    return [Drift(f"{where}line {line}", a, b) for line, a, b in number_drifts(old, new, tolerance)]


def compare_values(old: Mapping[str, object], new: Mapping[str, object], tolerance: Tolerance) -> list[Drift]:
    drifts = []
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            drifts.append(Drift(f"value {name}", repr(old.get(name, "—")), repr(new.get(name, "—"))))
        elif value_differs(old[name], new[name], tolerance):
            drifts.append(Drift(f"value {name}", repr(old[name]), repr(new[name])))
    return drifts


def image_rms(old: Path | BinaryIO, new: Path | BinaryIO) -> float | None:
    """Root-mean-square pixel difference on a 0-255 scale, or None when the sizes differ."""
    import numpy as np
    from matplotlib import image

    a, b = image.imread(old), image.imread(new)
    if a.shape != b.shape:
        return None
    return float(np.sqrt(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)) * 255)


def drift_report(snippet_id: str, drifts: list[Drift], pages: list[str]) -> str:
    used = ", ".join(pages) if pages else "no page"
    lines = [f"{snippet_id} no longer matches its frozen output (used by {used}):"]
    lines += [f"  {drift}" for drift in drifts]
    lines.append(f"If the new values are right, accept them with: make accept SNIPPET={snippet_id}")
    return "\n".join(lines)


FigureFiles = Path | Mapping[str, bytes]
"""Where an output's figures are: a folder, or the files by name (a run not yet frozen)."""


def _figure(files: FigureFiles, name: str) -> Path | BinaryIO:
    return files / name if isinstance(files, Path) else io.BytesIO(files[name])


def compare_outputs(
    frozen: FrozenOutputs,
    fresh: FrozenOutputs,
    frozen_figures: FigureFiles,
    fresh_figures: FigureFiles,
    options: Options,
) -> list[Drift]:
    """Every difference between two outputs that the snippet's tolerances do not allow. The one rule
    for "does a run still match": the re-runs, the shard comparison and the determinism check use it."""
    drifts: list[Drift] = []
    tolerance = tolerance_of(options)
    for name in sorted(set(frozen["sections"]) | set(fresh["sections"])):
        label = f'section "{name}" ' if name else ""
        drifts += compare_text(frozen["sections"].get(name, ""), fresh["sections"].get(name, ""), tolerance, label)
    drifts += compare_values(frozen["values"], fresh["values"], tolerance)
    old_figures, new_figures = frozen["figures"], fresh["figures"]
    if [f["section"] for f in old_figures] != [f["section"] for f in new_figures]:
        return [*drifts, Drift("figures", f"{len(old_figures)} figure(s)", f"{len(new_figures)} figure(s)")]
    for index, (old, new) in enumerate(zip(old_figures, new_figures, strict=False), start=1):
        for variant in FIGURE_VARIANTS:  # as drawn, and its dark variant
            if old.get(variant) == new.get(variant):
                continue  # named by content hash: identical bytes
            where = f"figure {index}" + (" (dark)" if variant == "dark" else "")
            if variant not in old or variant not in new:
                drifts.append(Drift(where, old.get(variant, "none"), new.get(variant, "none")))
                continue
            rms = image_rms(_figure(frozen_figures, old[variant]), _figure(fresh_figures, new[variant]))
            if rms is None or rms > options.image_tol:
                shown = "a different size" if rms is None else f"RMS pixel difference {rms:.2f} > {options.image_tol:g}"
                drifts.append(Drift(where, old[variant], f"{new[variant]} ({shown})"))
    return drifts
