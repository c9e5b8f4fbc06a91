"""CPU paths: which kernels torch, oneDNN and MKL pick, and how far a snippet's numbers move between them.

Outputs are frozen on the pinned path (AVX2 kernels, MKL in its compatible mode), which gives the
same floats on every x86-64 machine with AVX2. A reader who sets nothing runs on the path their
machine picks. So when outputs are frozen, every snippet also runs on the other paths named in its
``cpu_paths`` option, and the runner records, per printed number and per value, how far they moved:

- a number outside the snippet's declared tolerance on any path fails the freeze, naming it;
- a line whose words change on another path fails too (a verdict must not depend on the CPU);
- a figure further from the frozen one than the snippet's ``image_tol`` fails (``other_paths.py``);
- the pages mark every number that moved, with the size of the move (``plus_minus``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TypeGuard

from .drift_rules import NUMBER, Tolerance, first_changed_line, to_number
from .payloads import FrozenOutputs, SpreadRecord

SETTINGS = ("ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "MKL_CBWR")
"""The environment variables that choose the kernels; they act only before torch starts."""
PINNED = "pinned"
PATHS: dict[str, dict[str, str]] = {
    PINNED: {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2", "MKL_CBWR": "COMPATIBLE"},
    # What the machine picks by itself (AVX-512 where the CPU has it): a reader who sets nothing.
    "native": {},
    # torch's portable kernels and oneDNN without AVX: a stand-in for processors without AVX2 (ARM).
    "scalar": {"ATEN_CPU_CAPABILITY": "default", "ONEDNN_MAX_CPU_ISA": "SSE41"},
}


def environment(path: str) -> dict[str, str | None]:
    """The kernel settings of ``path``: a value to set, or None for a variable to leave unset."""
    if path not in PATHS:
        raise ValueError(f"unknown CPU path {path!r} (known: {', '.join(PATHS)})")
    return {name: PATHS[path].get(name) for name in SETTINGS}


def plus_minus(spread: float) -> str:
    """The spread rounded up to one significant digit: 0.00034 -> ``±0.0004``, 2.3 -> ``±3``."""
    exponent = math.floor(math.log10(spread))
    digit = math.ceil(round(spread / 10**exponent, 9))
    if digit == 10:
        digit, exponent = 1, exponent + 1
    return f"±{digit * 10**exponent:.{max(0, -exponent)}f}"


def shown_varies(value: float, spread: float, spec: str) -> bool:
    """Whether a value shown with format ``spec`` can read differently on another CPU path."""
    return spread > 0 and len({format(value - spread, spec), format(value, spec), format(value + spread, spec)}) > 1


@dataclass
class Spread:
    """Per number, the largest move seen on any other path (only numbers that moved are listed)."""

    paths: list[str] = field(default_factory=list)
    sections: dict[str, list[list[float]]] = field(default_factory=dict)
    """Section name -> [line (1-based), index of the number in that line, largest move]."""
    values: dict[str, float] = field(default_factory=dict)
    figures: list[float] = field(default_factory=list)
    """Per figure, the largest root-mean-square pixel difference (0-255) from the frozen one."""

    def lines(self, section: str) -> list[int]:
        """The lines of a section with a number that moves."""
        return sorted({int(line) for line, _, _ in self.sections.get(section, [])})

    def to_json(self) -> SpreadRecord:
        return {"paths": self.paths, "sections": self.sections, "values": self.values, "figures": self.figures}

    @classmethod
    def from_json(cls, data: SpreadRecord | None) -> Spread:
        if data is None:
            return cls()
        return cls(
            list(data.get("paths", [])),
            dict(data.get("sections", {})),
            dict(data.get("values", {})),
            list(data.get("figures", [])),
        )


VERDICT_SUFFIX = ".verdict"
"""The value a verdict of the shared rule publishes (``snippets/verdicts.py``: ``name.verdict``)."""


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _largest(moves: dict, key: tuple, move: float) -> None:
    moves[key] = max(moves.get(key, 0.0), move)


def measure(frozen: FrozenOutputs, others: dict[str, FrozenOutputs], tolerance: Tolerance) -> tuple[Spread, list[str]]:
    """How far the outputs of the other paths (path -> outputs) are from the frozen ones, and what the
    tolerance does not cover (a line that reads differently, a number outside it)."""
    problems: list[str] = []
    text_moves: dict[tuple[str, int, int], float] = {}
    value_moves: dict[tuple[str], float] = {}
    for path, other in sorted(others.items()):
        for section, old in sorted(frozen["sections"].items()):
            new = other["sections"].get(section, "")
            label = f'section "{section}" ' if section else ""
            changed = first_changed_line(old, new)
            if changed is not None:
                old_line = ([*old.splitlines(), ""])[changed - 1]
                new_line = ([*new.splitlines(), ""])[changed - 1]
                problems.append(f"{path}: {label}line {changed} reads differently: {old_line!r} → {new_line!r}")
                continue
            for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), start=1):
                for index, (x, y) in enumerate(zip(NUMBER.findall(a), NUMBER.findall(b), strict=False)):
                    move = abs(to_number(x) - to_number(y))
                    if move > 0:
                        _largest(text_moves, (section, number, index), move)
                    if not tolerance.close(to_number(x), to_number(y)):
                        problems.append(f"{path}: {label}line {number}: {x} → {y}, outside the tolerance")
        for name, old_value in sorted(frozen["values"].items()):
            new_value = other["values"].get(name)
            if _is_number(old_value) and _is_number(new_value):
                if float(old_value) != float(new_value):
                    _largest(value_moves, (name,), abs(float(old_value) - float(new_value)))
                if not tolerance.close(float(old_value), float(new_value)):
                    problems.append(f"{path}: value {name}: {old_value!r} → {new_value!r}, outside the tolerance")
            elif old_value != new_value and name.endswith(VERDICT_SUFFIX):
                problems.append(
                    f"{path}: the verdict {name.removesuffix(VERDICT_SUFFIX)} moves between CPU paths ({old_value!r} → {new_value!r}); "
                    f"a verdict that moves is inconclusive: pass moves_between_cpus=True to its verdicts.compare()"
                )
            elif old_value != new_value:
                problems.append(f"{path}: value {name}: {old_value!r} → {new_value!r}")
    spread = Spread(paths=sorted(others))
    for (section, line, index), move in sorted(text_moves.items()):
        spread.sections.setdefault(section, []).append([line, index, float(f"{move:.3g}")])
    spread.values = {name: float(f"{move:.3g}") for (name,), move in sorted(value_moves.items())}
    return spread, problems
