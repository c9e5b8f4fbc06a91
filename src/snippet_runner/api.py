"""The engine as the notebooks and the site see it: everything else in ``snippet_runner`` is internal.

``tests/test_architecture.py`` holds ``snippet_notebooks`` and ``snippet_site`` to this module (and to
``snippet_runner.SnippetError``), so the engine's modules can be split, merged or renamed without a
change above it.
"""

from __future__ import annotations

from pathlib import Path

from . import drift_rules
from .cachekey import Versions
from .compare import tolerance_of
from .cpu_paths import Spread, plus_minus, shown_varies
from .dependencies import find as find_dependencies
from .drift_rules import NUMBER
from .editions import EDITIONS, LANGUAGES, ORIGINAL, Edition, by_docs
from .english import EnglishEdition, EnglishMissing
from .errors import SnippetError
from .figure_text import HANGUL, Translation
from .grammar import BLOCK, INCLUDE, INCLUDE_LINE, SHARED, VALUE, references
from .markdown_scan import CodeMap, scan
from .payloads import FigureRecord, FrozenOutputs, SpreadRecord, Value
from .project import ConfigError, Options, Project
from .refresh import refresh_outputs
from .source import SnippetSource
from .store import (
    FIGURE_VARIANTS,
    ManifestEntry,
    ManifestError,
    Variant,
    atomic_write_text,
    figures_dir,
    load_manifest,
    load_outputs,
    outputs_file,
    require_outputs,
)
from .wording import WordsError, load_words, words_of_every_edition

ENGINE_DIR = Path(__file__).parent
"""The engine's sources: part of what a generated notebook depends on."""
DRIFT_RULES_FILE = Path(drift_rules.__file__)
"""The comparison rules, which a notebook's check cell embeds as they are."""

__all__ = [
    "BLOCK",
    "DRIFT_RULES_FILE",
    "EDITIONS",
    "ENGINE_DIR",
    "FIGURE_VARIANTS",
    "HANGUL",
    "INCLUDE",
    "INCLUDE_LINE",
    "LANGUAGES",
    "NUMBER",
    "ORIGINAL",
    "SHARED",
    "VALUE",
    "CodeMap",
    "ConfigError",
    "Edition",
    "EnglishEdition",
    "EnglishMissing",
    "FigureRecord",
    "FrozenOutputs",
    "ManifestEntry",
    "ManifestError",
    "Options",
    "Project",
    "SnippetError",
    "SnippetSource",
    "Spread",
    "SpreadRecord",
    "Translation",
    "Value",
    "Variant",
    "Versions",
    "WordsError",
    "atomic_write_text",
    "by_docs",
    "figures_dir",
    "find_dependencies",
    "load_manifest",
    "load_outputs",
    "load_words",
    "outputs_file",
    "plus_minus",
    "references",
    "refresh_outputs",
    "require_outputs",
    "scan",
    "shown_varies",
    "tolerance_of",
    "words_of_every_edition",
]
