"""TeX that reached the reader unrendered, in text with code already taken out.

Any ``$`` counts except one directly before a digit (a price such as ``$5``), so a broken inline
formula is caught even when only one dollar sign survives (``$|x| > 4$`` inside a table becomes two
cells). So do ``\\(`` ``\\)`` ``\\[`` ``\\]`` and TeX commands such as ``\\frac`` or ``\\sigma``.
"""

from __future__ import annotations

import re

RAW_TEX = re.compile(r"\$(?!\d)|\\[()\[\]]|\\[A-Za-z]+")
CONTEXT = 30


def raw_tex(text: str) -> list[str]:
    """Each piece of raw TeX in the text, with a little context on either side."""
    return [
        " ".join(text[max(0, match.start() - CONTEXT) : match.end() + CONTEXT].split())
        for match in RAW_TEX.finditer(text)
    ]
