"""The tooling's own words in each edition's language, read by one mechanism in every layer.

Each layer keeps its words beside its code, one file per language, ``words.<language>.toml``: the
site's (what the directives write around an output), the notebooks' (their Markdown, set-up and check
cells) and the reader's check (its verdict). ``load_words`` reads a file into the layer's frozen
dataclass, whose fields document each entry and the ``str.format`` fields it may use. A translator edits
TOML, never Python; a missing or unknown entry is an error that names the file and the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from pathlib import Path
from typing import Any, TypeVar

from .editions import LANGUAGES
from .errors import SnippetError

Words = TypeVar("Words")


class WordsError(SnippetError):
    """A words file is missing, malformed, or does not match its dataclass; the message names it."""


def _value(kind: Any, value: object, where: str) -> object:
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise WordsError(f"{where}: expected a table")
        return _build(typing.cast(type, kind), value, where)
    origin = typing.get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list):
            raise WordsError(f"{where}: expected a list")
        return tuple(value)
    if origin is dict:
        if not isinstance(value, dict):
            raise WordsError(f"{where}: expected a table")
        return dict(value)
    expected = bool if kind is bool else str
    if not isinstance(value, expected):
        raise WordsError(f"{where}: expected {expected.__name__}, got {type(value).__name__}")
    return value


def _build(cls: type[Words], data: dict[str, object], where: str) -> Words:
    hints = typing.get_type_hints(cls)
    names = [field.name for field in dataclasses.fields(typing.cast(Any, cls))]
    if missing := [name for name in names if name not in data]:
        raise WordsError(f"{where}: missing {', '.join(missing)}")
    if unknown := sorted(set(data) - set(names)):
        raise WordsError(f"{where}: unknown {', '.join(unknown)}")
    return cls(**{name: _value(hints[name], data[name], f"{where} {name}") for name in names})


def load_words(cls: type[Words], folder: Path, language: str) -> Words:
    """``folder/words.<language>.toml`` as a ``cls``."""
    path = folder / f"words.{language}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise WordsError(f"{path}: missing: every edition's language needs its words here") from exc
    except tomllib.TOMLDecodeError as exc:
        raise WordsError(f"{path}: {exc}") from exc
    return _build(cls, data, str(path))


def words_of_every_edition(cls: type[Words], folder: Path) -> dict[str, Words]:
    """Each edition's language (``editions.LANGUAGES``) -> its words from ``folder``."""
    return {language: load_words(cls, folder, language) for language in LANGUAGES}
