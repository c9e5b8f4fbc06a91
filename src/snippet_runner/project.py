"""Where things live, and the per-snippet options from ``snippets/snippets.toml``."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from .cpu_paths import PATHS, PINNED
from .errors import SnippetError


class ConfigError(SnippetError):
    """A configuration file is malformed; the message names the file."""


@dataclass(frozen=True)
class Options:
    """How one snippet is run and how strictly its outputs are compared."""

    timeout: float = 60.0
    """Seconds before the run is killed and reported as a timeout."""
    threads: int = 1
    """torch intra-op threads inside the run."""
    memory_mb: int = 4096
    """Memory of the run's whole process tree above which it is killed."""
    output_mb: int = 8
    """The largest file a run may write, its printed output included."""
    rel_tol: float = 1e-6
    """Relative tolerance for numbers when a re-run is compared with the frozen output."""
    abs_tol: float = 1e-9
    """Absolute tolerance for numbers near zero."""
    image_tol: float = 1.0
    """Largest root-mean-square pixel difference (0-255 scale) allowed between figures. Curves drawn from
    exp/tanh move by up to 0.5 on the scalar path; a line shifted by one pixel moves more than 1."""
    timing: float = 0.0
    """0: not a timing measurement. Otherwise it is one, and this is the factor, either way, within which
    two runs may measure each of its numbers (see ``drift_rules``)."""
    cpu_paths: list[str] = field(default_factory=lambda: [path for path in PATHS if path != PINNED])
    """The other CPU paths (``cpu_paths.PATHS``) a snippet also runs on when its outputs are frozen."""


KINDS: dict[type, str] = {int: "a whole number", float: "a number", list: "a list of strings"}
"""How a type is named to the person who edits ``snippets.toml``."""

LIMITS: dict[str, tuple[float, bool, str]] = {
    "timeout": (0, False, "greater than 0"),
    "threads": (1, True, "at least 1"),
    "memory_mb": (1, True, "at least 1"),
    "output_mb": (1, True, "at least 1"),
    "rel_tol": (0, True, "at least 0"),
    "abs_tol": (0, True, "at least 0"),
    "image_tol": (0, True, "at least 0"),
    "timing": (0, True, "at least 0"),
}
"""The smallest value of each numeric option, whether that value itself is allowed, and how to say it."""


def _table_name(name: str) -> str:
    """The table as it is written in the file: ``[defaults]`` or ``["demo/hello.py"]``."""
    return f"[{name}]" if name == "defaults" else f'["{name}"]'


def check_option(config: Path, table: str, key: str, value: object) -> None:
    """Raise ``ConfigError`` naming the file, the table, the key, what was expected and what was given."""
    where = f"{config}: {_table_name(table)} {key} = {value!r}"
    expected = type(getattr(Options(), key))
    accepted = (int, float) if expected is float else (expected,)
    if isinstance(value, bool) or not isinstance(value, accepted):
        raise ConfigError(f"{where}: expected {KINDS[expected]} ({expected.__name__}), got {type(value).__name__}")
    if key in LIMITS:
        low, inclusive, text = LIMITS[key]
        if value < low or (value == low and not inclusive) or value != value:
            raise ConfigError(f"{where}: expected a value {text}")
    if key == "timing" and 0 < cast(float, value) < 1:
        raise ConfigError(f"{where}: expected 0 (not a timing measurement) or a factor of at least 1")
    if key == "cpu_paths":
        others = ", ".join(repr(path) for path in PATHS if path != PINNED)
        for path in cast(list, value):  # a list: checked above
            if not isinstance(path, str) or path not in PATHS or path == PINNED:
                raise ConfigError(f"{where}: unknown path {path!r} (choose from {others})")


@dataclass(frozen=True)
class Project:
    """The paths of one checkout. ``outputs_dir`` can point elsewhere (tests re-run into a temp dir);
    ``docs`` names the folder of the pages of one edition (``docs``: Korean, ``docs-en``: English)."""

    root: Path
    outputs_dir: Path
    docs: str = "docs"

    @classmethod
    def at(cls, root: Path, outputs_dir: Path | None = None, docs: str = "docs") -> Project:
        root = root.resolve()
        return cls(root=root, outputs_dir=(outputs_dir or root / "outputs").resolve(), docs=docs)

    @property
    def snippets_dir(self) -> Path:
        return self.root / "snippets"

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    @property
    def config_file(self) -> Path:
        return self.snippets_dir / "snippets.toml"

    @property
    def manifest_file(self) -> Path:
        return self.outputs_dir / "manifest.json"

    @property
    def figure_text_file(self) -> Path:
        """Korean figure texts and their English (``figure_text``)."""
        return self.snippets_dir / "figure_text.en.toml"

    @property
    def style_file(self) -> Path:
        return Path(__file__).with_name("matplotlibrc")

    def load_options(self) -> dict[str, Options]:
        """Options per snippet id; the key ``"defaults"`` holds the defaults."""
        if not self.config_file.exists():
            return {"defaults": Options()}
        try:
            raw = tomllib.loads(self.config_file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{self.config_file}: {exc}") from exc
        known = {f.name for f in dataclasses.fields(Options)}
        defaults = Options()
        table: dict[str, Options] = {}
        for name, values in [("defaults", raw.pop("defaults", {})), *raw.items()]:
            if not isinstance(values, dict):
                raise ConfigError(
                    f"{self.config_file}: {name} = {values!r} is not a table; put options under [defaults] or a snippet's table"
                )
            unknown = set(values) - known
            if unknown:
                raise ConfigError(
                    f"{self.config_file}: {_table_name(name)} has unknown keys {sorted(unknown)} (known: {', '.join(sorted(known))})"
                )
            for key, value in values.items():
                check_option(self.config_file, name, key, value)
            base = defaults if name != "defaults" else Options()
            table[name] = dataclasses.replace(base, **values)
            if name == "defaults":
                defaults = table[name]
        return table

    def options_for(self, snippet_id: str, table: dict[str, Options]) -> Options:
        return table.get(snippet_id, table["defaults"])
