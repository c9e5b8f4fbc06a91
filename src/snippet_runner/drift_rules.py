"""When does a new run still say what the page says? The rules, in one place.

Text must stay the same word for word, except numbers, which may move within a tolerance, and the
width of the spaces between words (the padding of a column). A timing measurement compares its numbers within a factor instead,
because a measured speed ratio moves with the processor.

This module uses the standard library only and imports nothing else of the project: the notebooks'
check cell embeds its source, so a reader's notebook and the test suite apply the very same rules.
"""

import math
import re
from dataclasses import dataclass

# A number is not part of an ASCII name (ReLU6, x1); right after a Hangul letter it is a number (a Korean
# label glued to its value, such as gradient0.5 written in Korean).
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-+−]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Tolerance:
    """How far a number may move and still be the same number."""

    rel_tol: float = 1e-6
    abs_tol: float = 1e-9
    factor: float = 0.0
    """Above 1: a timing measurement, whose numbers may differ by up to this factor either way."""

    def close(self, old: float, new: float) -> bool:
        if math.isnan(old) or math.isnan(new):
            return math.isnan(old) and math.isnan(new)
        if math.isclose(old, new, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return True
        if self.factor > 1 and old * new > 0:
            return max(abs(old), abs(new)) <= self.factor * min(abs(old), abs(new))
        return False


def to_number(token: str) -> float:
    return float(token.replace("−", "-"))


def shape(line: str) -> str:
    """A line with every number replaced by ``#`` and each run of spaces by one: what must not change.
    Padding is not content: a number that gains a digit, or a label in the other edition's language,
    moves the columns after it."""
    return " ".join(NUMBER.sub("#", line).split())


def first_changed_line(old: str, new: str) -> int | None:
    """The first line (1-based) whose text, numbers aside, differs; None when the shapes agree."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number in range(1, max(len(old_lines), len(new_lines)) + 1):
        a = old_lines[number - 1] if number <= len(old_lines) else None
        b = new_lines[number - 1] if number <= len(new_lines) else None
        if a is None or b is None or shape(a) != shape(b):
            return number
    return None


def number_drifts(old: str, new: str, tolerance: Tolerance) -> list[tuple[int, str, str]]:
    """(line, old token, new token) of every number outside the tolerance, for texts of the same shape."""
    drifts = []
    for number, (old_line, new_line) in enumerate(zip(old.splitlines(), new.splitlines()), start=1):
        for old_token, new_token in zip(NUMBER.findall(old_line), NUMBER.findall(new_line)):
            if not tolerance.close(to_number(old_token), to_number(new_token)):
                drifts.append((number, old_token, new_token))
    return drifts


def value_differs(old: object, new: object, tolerance: Tolerance) -> bool:
    """Numbers (not booleans) within the tolerance are equal; anything else must be equal."""
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (old, new))
    if numeric:
        return not tolerance.close(float(old), float(new))
    return old != new
