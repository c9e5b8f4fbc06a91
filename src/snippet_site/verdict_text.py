"""A verdict of the shared rule (``snippets/verdicts.py``) in the page's language.

``{{ value path.py tanh_vs_elu verdict }}`` shows a comparison's word and its interval (for a comparison
of times, the ratio and its interval); ``{{ value path.py relu_no_vanishing claim }}`` shows a claim's word.
A comparison or claim is a top-level dataclass, published as ``name.verdict``, ``name.low``, ...
(``snippet_runner.worker.published_values``).
"""

from __future__ import annotations

import html

from snippet_runner.api import FrozenOutputs, SnippetError, Spread, plus_minus, shown_varies

from .language import PageWords

SPECS = ("verdict", "claim")
"""The format specs of the value directive that show a verdict."""


class NotAVerdict(SnippetError, ValueError):
    """The named value is not a verdict of the shared rule."""


def render(words: PageWords, outputs: FrozenOutputs, name: str, spec: str) -> str:
    values = outputs["values"]
    code = values.get(f"{name}.verdict")
    if code not in words.verdicts:
        raise NotAVerdict(
            f"'{name}' is not a verdict of snippets/verdicts.py (no {name}.verdict value; "
            f"assign the result of verdicts.compare() or verdicts.claim() to a top-level name)"
        )
    text = words.verdicts[code]
    times = f"{name}.ratio" in values  # verdicts.compare_times(): a ratio of times, shown as ×1.40
    if spec == "claim" or not (times or f"{name}.difference" in values):
        return html.escape(text)
    digits = int(values.get(f"{name}.digits", 4))
    spread = Spread.from_json(outputs.get("cpu_spread")).values
    number_spec = ".2f" if times else f"+.{digits}f"
    numbers = {}
    for part in ("ratio" if times else "difference", "low", "high"):
        value = float(values[f"{name}.{part}"])
        number = html.escape(("×" if times else "") + format(value, number_spec).replace("-", "−"))
        move = spread.get(f"{name}.{part}", 0.0)
        if move and shown_varies(value, move, number_spec):
            title = html.escape(words.varies_title.format(spread=plus_minus(move)))
            number = f'<span class="cpu-varies" tabindex="0" title="{title}">{number}</span>'
        numbers[part] = number
    template = words.ratio_interval if times else words.interval
    return html.escape(text) + template.format(**numbers)
