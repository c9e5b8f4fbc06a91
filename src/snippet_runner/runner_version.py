"""The version of the runner that is part of every cache key, derived from the code that shapes an output.

A change to how a snippet is run, captured or frozen must re-run the snippets; a comment, a docstring
or a reformatting must not. So the version is a hash of the syntax trees of ``SHAPING`` without their
docstrings and string statements: editing those modules' code is enough, nobody bumps a number by hand.
"""

from __future__ import annotations

import ast
import hashlib
from functools import cache
from pathlib import Path

SHAPING = (
    "worker.py",
    "worker_setup.py",
    "source.py",
    "dark_style.py",
    "figure_text.py",
    "preload.py",
    "store.py",
    "matplotlibrc",
)
"""What decides a frozen output's content: how a snippet is split and executed, how its output, figures
and values are captured, how the figures are restyled and translated, and how they are written."""


def _without_strings(tree: ast.AST) -> ast.AST:
    """The tree without its bare string statements (docstrings, field docstrings)."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            kept = [
                statement
                for statement in body
                if not (
                    isinstance(statement, ast.Expr)
                    and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                )
            ]
            node.body = kept or [ast.Pass()]  # type: ignore[attr-defined]
    return tree


def code_of(path: Path) -> str:
    """A Python module's code as a canonical text (comments, docstrings and layout left out); any other
    file's text."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    return ast.dump(_without_strings(ast.parse(text, filename=str(path))), include_attributes=False)


@cache
def runner_version() -> str:
    folder = Path(__file__).parent
    digest = hashlib.sha256()
    for name in SHAPING:
        digest.update(f"{name}\0{code_of(folder / name)}\0".encode())
    return digest.hexdigest()[:16]
