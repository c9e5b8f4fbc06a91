"""Interactive figures ("explorers"): a snippet section prints a grid of values; the page lets a reader
step through it with a slider, and ``docs/assets/javascripts/explorers.js`` draws it with uPlot.

The grid is printed output, so it is frozen, compared and checked on every CPU path like any other
number. JavaScript only draws the printed points; it computes and interpolates nothing. The section
also draws a still figure of one step, which stays for readers without JavaScript.

The section's format, one record per line, fields separated by tabs, numbers by spaces::

    explorer  <slider label>  <x label>  <y label>  linear|log  <default step>
    x         <step>          <x values>
    <series>  <step>          <y values, one per x>
    ...       (an x line and every series again for each next step)

On a page, ``{{ explorer area/page/name.py:section "대체 텍스트 겸 캡션" }}`` shows it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from snippet_runner.api import SnippetError

SCALES = ("linear", "log")


class ExplorerError(SnippetError, ValueError):
    """The section is not an explorer table; the message names its line."""


@dataclass
class Step:
    label: str
    """The slider value as printed, shown to the reader."""
    x: list[float]
    series: dict[str, list[float]] = field(default_factory=dict)


@dataclass
class Explorer:
    slider: str
    x_label: str
    y_label: str
    scale: str
    default: str
    steps: list[Step]

    @property
    def names(self) -> list[str]:
        return list(self.steps[0].series)

    def to_json(self, translate: Callable[[str], str] = str) -> dict:
        """The grid for the page's script, its labels passed through ``translate`` (the edition's language)."""
        return {
            "slider": translate(self.slider),
            "x": translate(self.x_label),
            "y": translate(self.y_label),
            "scale": self.scale,
            "default": [step.label for step in self.steps].index(self.default),
            "series": [translate(n) for n in self.names],
            "steps": [
                {"label": translate(s.label), "x": s.x, "y": [s.series[name] for name in self.names]}
                for s in self.steps
            ],
        }


def _numbers(text: str, line: int) -> list[float]:
    try:
        return [float(token) for token in text.split()]
    except ValueError as exc:
        raise ExplorerError(f"line {line}: {exc}") from exc


def parse(text: str) -> Explorer:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ExplorerError("line 1: the section printed nothing")
    header = lines[0].split("\t")
    if len(header) != 6 or header[0] != "explorer" or header[4] not in SCALES:
        raise ExplorerError(
            f"line 1: expected 'explorer<TAB>slider<TAB>x<TAB>y<TAB>{'|'.join(SCALES)}<TAB>default', got {lines[0]!r}"
        )
    steps: list[Step] = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 3:
            raise ExplorerError(f"line {number}: expected 'name<TAB>step<TAB>numbers', got {line[:80]!r}")
        name, label, values = fields
        if name == "x":
            steps.append(Step(label, _numbers(values, number)))
            continue
        if not steps or steps[-1].label != label:
            raise ExplorerError(f"line {number}: series {name!r} for step {label!r} comes before that step's x line")
        ys = _numbers(values, number)
        if len(ys) != len(steps[-1].x):
            raise ExplorerError(f"line {number}: {len(ys)} values of {name!r} for {len(steps[-1].x)} x values")
        steps[-1].series[name] = ys
    if not steps:
        raise ExplorerError("line 2: no step (an 'x' line) follows the header")
    for step in steps:
        if list(step.series) != list(steps[0].series) or not step.series:
            raise ExplorerError(
                f"step {step.label!r}: series {list(step.series)}, the first step has {list(steps[0].series)}"
            )
    slider, x_label, y_label, scale, default = header[1:]
    explorer = Explorer(slider, x_label, y_label, scale, default, steps=steps)
    if explorer.default not in [step.label for step in steps]:
        raise ExplorerError(f"line 1: the default step {explorer.default!r} is not one of the steps")
    return explorer


def data_attribute(explorer: Explorer, translate: Callable[[str], str] = str) -> str:
    """The grid as JSON, escaped for an HTML attribute (a ``<script>`` block would be run again by
    Material's instant navigation, which re-inserts the scripts of the page it loads)."""
    return html.escape(json.dumps(explorer.to_json(translate), ensure_ascii=False, separators=(",", ":")), quote=True)
