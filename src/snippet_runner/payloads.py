"""The shapes of the two records everything else passes around, written down once.

- ``RunOutcome``: what one run left behind (the worker's ``result.json``, plus what it printed),
  read by ``scheduler.run_one`` and frozen by ``store.freeze``.
- ``FrozenOutputs``: the frozen outputs file, ``outputs/<snippet>.json``, that the pages, the
  notebooks, the comparisons and the reader's check read (``store.load_outputs``).

They are ``TypedDict``s, not classes: both are JSON on disk, and the type checker holds every reader
and writer to the one shape.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

Value = bool | int | float | str
"""A published value: a scalar a page may quote."""


class FigureRecord(TypedDict):
    """One figure of a frozen output: the section that drew it and its four files (``store.FIGURE_VARIANTS``)."""

    section: str
    file: str
    """As drawn, light."""
    dark: str
    """Redrawn for the dark colour scheme (``dark_style``)."""
    en: str
    """With its texts in English (``figure_text``)."""
    en_dark: str


class SpreadRecord(TypedDict):
    """How far the numbers moved on the other CPU paths (``cpu_paths.Spread`` as JSON)."""

    paths: list[str]
    sections: dict[str, list[list[float]]]
    values: dict[str, float]
    figures: list[float]


class FrozenOutputs(TypedDict):
    """``outputs/<snippet>.json``."""

    snippet: str
    """The snippet's path below ``snippets/``."""
    sections: dict[str, str]
    """Printed text by section name; ``""`` holds everything the run printed."""
    stderr: str
    figures: list[FigureRecord]
    values: dict[str, Value]
    """The published top-level values (``worker.published_values``): numbers, strings, booleans."""
    cpu_spread: NotRequired[SpreadRecord]
    """Present once the snippet has run on the CPU paths its options name."""


class SectionSpan(TypedDict):
    name: str
    start: int
    end: int
    """Byte offsets of the section's text in the run's stdout."""


class RunError(TypedDict):
    type: str
    message: str
    traceback: str
    line: int | None


class ConfinementRecord(TypedDict):
    applied: dict[str, str]
    missing: dict[str, str]


class RunOutcome(TypedDict, total=False):
    """What one run left: the worker's ``result.json`` (every key but the last two, each one absent when
    the worker died before writing it) and the bytes it printed."""

    sections: list[SectionSpan]
    figures: list[FigureRecord]
    """As in a frozen output, but named as the files in the run's ``figures/`` folder (``store.freeze``
    renames them by their content)."""
    values: dict[str, Value]
    error: RunError | None
    reads: list[str]
    """The checkout's files the run opened, relative to it."""
    confinement: ConfinementRecord
    cpu_seconds: float
    stdout: bytes
    stderr: bytes
