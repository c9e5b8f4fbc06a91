"""The pinned versions a notebook's set-up cell installs: requirements.txt's ``name==version`` pins
of the packages its snippets import."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from snippet_runner.api import Versions

PROVENANCE_PACKAGES = ("torch", "numpy", "matplotlib")
COMMENT = re.compile(r"(?:^|\s)#")
"""Where a requirements file's comment starts: a ``#`` at the line's start or after a space (not in a URL)."""


def _pin(line: str) -> tuple[str, str] | None:
    """(canonical name, version) of a ``name==version`` requirement line, extras and markers allowed."""
    text = COMMENT.split(line, maxsplit=1)[0].strip().removesuffix("\\").strip()
    if not text or text.startswith("-"):
        return None  # blank, a comment, or an option such as -r or --hash
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    exact = [spec.version for spec in requirement.specifier if spec.operator == "=="]
    if requirement.url or len(exact) != 1:
        return None
    return canonicalize_name(requirement.name), exact[0].split("+")[0]


def read_pins(requirements: Path) -> dict[str, str]:
    """The ``name==version`` pins of requirements.txt, by canonical name; local version labels dropped."""
    pins: dict[str, str] = {}
    if requirements.exists():
        for line in requirements.read_text(encoding="utf-8").splitlines():
            if pin := _pin(line):
                pins[pin[0]] = pin[1]
    return pins


def pinned_packages(imports: set[str], pins: dict[str, str], versions: Versions) -> dict[str, str]:
    """The pinned versions of torch, numpy, matplotlib and every distribution the snippets import."""
    wanted: set[str] = set(PROVENANCE_PACKAGES)
    for name in imports:
        wanted.update(versions.for_module(name))
    return {name: pins[key] for name in sorted(wanted) if (key := canonicalize_name(name)) in pins}
