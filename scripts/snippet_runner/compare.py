"""Compare a fresh run with the frozen outputs: text must match except for numbers, which get a tolerance."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .project import Options

# A number is not part of an ASCII name (ReLU6, x1); after Hangul it is a number (기울기0.5).
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-+−]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Drift:
    where: str
    """Section and line, value name, or figure."""
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.where}: {self.old} → {self.new}"


def _number(token: str) -> float:
    return float(token.replace("−", "-"))


def _close(old: float, new: float, rel_tol: float, abs_tol: float) -> bool:
    if math.isnan(old) or math.isnan(new):
        return math.isnan(old) and math.isnan(new)
    return math.isclose(old, new, rel_tol=rel_tol, abs_tol=abs_tol)


def compare_text(old: str, new: str, rel_tol: float, abs_tol: float, where: str = "") -> list[Drift]:
    """Numbers may move within the tolerance; every other character must stay the same."""
    drifts: list[Drift] = []
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if [NUMBER.sub("#", line) for line in old_lines] != [NUMBER.sub("#", line) for line in new_lines]:
        diff = difflib.unified_diff(old_lines, new_lines, "frozen", "now", lineterm="", n=1)
        return [Drift(f"{where}text changed", "", "\n" + "\n".join(diff))]
    for number, (old_line, new_line) in enumerate(zip(old_lines, new_lines), start=1):
        for old_token, new_token in zip(NUMBER.findall(old_line), NUMBER.findall(new_line)):
            if not _close(_number(old_token), _number(new_token), rel_tol, abs_tol):
                drifts.append(Drift(f"{where}line {number}", old_token, new_token))
    return drifts


def compare_values(old: dict, new: dict, rel_tol: float, abs_tol: float) -> list[Drift]:
    drifts = []
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            drifts.append(Drift(f"value {name}", repr(old.get(name, "—")), repr(new.get(name, "—"))))
            continue
        a, b = old[name], new[name]
        numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b))
        if (numeric and not _close(float(a), float(b), rel_tol, abs_tol)) or (not numeric and a != b):
            drifts.append(Drift(f"value {name}", repr(a), repr(b)))
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


def compare_outputs(
    frozen: dict, fresh: dict, frozen_figures: Path, fresh_figures: Path, options: Options
) -> list[Drift]:
    """Every difference between two outputs files that the snippet's tolerances do not allow."""
    drifts: list[Drift] = []
    for name in sorted(set(frozen["sections"]) | set(fresh["sections"])):
        label = f'section "{name}" ' if name else ""
        drifts += compare_text(
            frozen["sections"].get(name, ""), fresh["sections"].get(name, ""), options.rel_tol, options.abs_tol, label
        )
    drifts += compare_values(frozen["values"], fresh["values"], options.rel_tol, options.abs_tol)
    old_figures, new_figures = frozen["figures"], fresh["figures"]
    if [f["section"] for f in old_figures] != [f["section"] for f in new_figures]:
        return [*drifts, Drift("figures", f"{len(old_figures)} figure(s)", f"{len(new_figures)} figure(s)")]
    for index, (old, new) in enumerate(zip(old_figures, new_figures), start=1):
        if old["file"] == new["file"]:
            continue  # named by content hash: identical bytes
        rms = image_rms(frozen_figures / old["file"], fresh_figures / new["file"])
        if rms is None or rms > options.image_tol:
            shown = "a different size" if rms is None else f"RMS pixel difference {rms:.2f} > {options.image_tol:g}"
            drifts.append(Drift(f"figure {index}", old["file"], f"{new['file']} ({shown})"))
    return drifts
