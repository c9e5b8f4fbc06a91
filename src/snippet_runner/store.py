"""Frozen outputs on disk: ``outputs/<snippet>.json``, figures beside it, and ``outputs/manifest.json``.

Every write is atomic (a temporary file, then ``os.replace``). The order makes a crash harmless:
figures first, then the outputs file, then the manifest entry. An outputs file whose hash does
not match its manifest entry is stale and is never published as it is.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, cast

from .cachekey import CacheKey, sha256
from .discovery import Snippet
from .errors import SnippetError
from .payloads import FigureRecord, FrozenOutputs, SpreadRecord
from .project import Project
from .scheduler import RunResult


class ManifestError(SnippetError):
    """The manifest cannot be read; the message names the file and line."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@dataclass(frozen=True)
class ManifestEntry:
    """The manifest's record of one frozen output."""

    source_sha256: str
    cache_key: str
    output_sha256: str
    versions: dict[str, str]
    seeds: list[int]
    run_seconds: float
    """Wall-clock seconds of the run."""
    produced_at: str
    cpu_seconds: float = 0.0
    """CPU seconds the run used (user + system), the measure of the snippets' time budget."""
    reads: list[str] = field(default_factory=list)
    """The checkout's files the run opened, relative to the checkout; part of the next cache key."""


def outputs_file(project: Project, snippet_id: str) -> Path:
    return project.outputs_dir / f"{snippet_id.removesuffix('.py')}.json"


def figures_dir(project: Project, snippet_id: str) -> Path:
    return project.outputs_dir / snippet_id.removesuffix(".py")


def load_manifest(project: Project) -> dict[str, ManifestEntry]:
    path = project.manifest_file
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
        return {snippet_id: ManifestEntry(**entry) for snippet_id, entry in raw["snippets"].items()}
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise ManifestError(f"{path}:1: unexpected structure ({exc})") from exc


def save_manifest(project: Project, manifest: dict[str, ManifestEntry]) -> None:
    data = {"snippets": {k: asdict(v) for k, v in sorted(manifest.items())}}
    atomic_write_text(project.manifest_file, dump_json(data))


def update_manifest(
    project: Project, changed: dict[str, ManifestEntry], removed: Iterable[str] = ()
) -> dict[str, ManifestEntry]:
    """Write these entries (and drop those) into the manifest as it is on disk now, under a lock on the
    outputs folder: two runs at once (an author's ``mkdocs serve`` and ``make snippets``) each keep the
    other's entries. Returns the manifest written."""
    project.outputs_dir.mkdir(parents=True, exist_ok=True)
    folder = os.open(project.outputs_dir, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        try:
            manifest = load_manifest(project)
        except ManifestError:  # the run said so when it started, and rewrites it from its own runs
            manifest = {}
        manifest.update(changed)
        for snippet_id in removed:
            manifest.pop(snippet_id, None)
        save_manifest(project, manifest)
        return manifest
    finally:
        os.close(folder)  # releases the lock


def load_outputs(project: Project, snippet_id: str) -> FrozenOutputs | None:
    """The frozen outputs of a snippet, or None if it has none."""
    path = outputs_file(project, snippet_id)
    if not path.exists():
        return None
    try:
        return cast(FrozenOutputs, json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); run `make snippets`") from exc


def require_outputs(project: Project, snippet_id: str) -> FrozenOutputs:
    """The frozen outputs of a snippet that must have them."""
    outputs = load_outputs(project, snippet_id)
    if outputs is None:
        raise ManifestError(f"{outputs_file(project, snippet_id)}: missing; run `make snippets`")
    return outputs


Variant = Literal["file", "dark", "en", "en_dark"]
FIGURE_VARIANTS: tuple[Variant, ...] = ("file", "dark", "en", "en_dark")
"""The keys of a figure record: its file as drawn, its dark variant (``dark_style``), and both with
their texts in English (``figure_text``)."""


def check_frozen(
    project: Project, snippet: Snippet, entry: ManifestEntry | None, key: CacheKey, cpu_paths: Sequence[str] = ()
) -> str | None:
    """None when the frozen output may be published as it is, else the reason it may not.

    With ``cpu_paths``, an output frozen without its runs on those paths (by a preview build, which
    runs the pinned path only) is not up to date either.
    """
    if entry is None:
        return "never run"
    if entry.cache_key != key.key:
        return "its inputs changed"
    path = outputs_file(project, snippet.id)
    if not path.exists():
        return f"{path.relative_to(project.root)} is missing"
    if sha256(path.read_bytes()) != entry.output_sha256:
        return f"{path.relative_to(project.root)} was changed by hand"
    outputs = cast(FrozenOutputs, json.loads(path.read_text(encoding="utf-8")))
    for figure in outputs["figures"]:
        for variant in FIGURE_VARIANTS:
            if variant not in figure:
                return f"a figure has no {variant} variant"
            path = figures_dir(project, snippet.id) / figure[variant]
            if not path.exists():
                return f"figure {figure[variant]} is missing"
            if sha256(path.read_bytes())[:16] != path.stem:  # figures are named by their content hash
                return f"figure {figure[variant]} was changed by hand"
    if cpu_paths and "cpu_spread" not in outputs:
        return f"not yet run on the CPU paths {', '.join(cpu_paths)}"
    return None


def snippet_outputs(result: RunResult) -> tuple[FrozenOutputs, dict[str, bytes]]:
    """The outputs file content and the figure files, named by their content hash."""
    outcome = result.outcome
    stdout: bytes = outcome["stdout"]
    sections: dict[str, str] = {}
    for part in outcome["sections"]:
        text = stdout[part["start"] : part["end"]].decode("utf-8", errors="replace")
        sections[part["name"]] = sections.get(part["name"], "") + text
    sections[""] = stdout.decode("utf-8", errors="replace")
    figures: list[FigureRecord] = []
    files: dict[str, bytes] = {}
    for figure in outcome["figures"]:
        names: dict[Variant, str] = {}
        for variant in FIGURE_VARIANTS:
            data = (result.workdir / "figures" / figure[variant]).read_bytes()
            names[variant] = name = f"{sha256(data)[:16]}.png"
            files[name] = data
        figures.append(
            FigureRecord(
                section=figure["section"],
                file=names["file"],
                dark=names["dark"],
                en=names["en"],
                en_dark=names["en_dark"],
            )
        )
    content: FrozenOutputs = {
        "snippet": result.snippet.id,
        "sections": sections,
        "stderr": outcome["stderr"].decode("utf-8", errors="replace"),
        "figures": figures,
        "values": outcome["values"],
    }
    return content, files


def freeze(
    project: Project,
    result: RunResult,
    key: CacheKey,
    versions: dict[str, str],
    seeds: list[int],
    cpu_spread: SpreadRecord | None = None,
) -> ManifestEntry:
    """Freeze a successful run, with how far its numbers moved on the other CPU paths if they were run
    (``cpu_paths.Spread``). Returns the manifest entry; the caller saves the manifest."""
    content, files = snippet_outputs(result)
    if cpu_spread is not None:
        content["cpu_spread"] = cpu_spread
    folder = figures_dir(project, result.snippet.id)
    for name, data in files.items():
        if not (folder / name).exists():
            atomic_write_bytes(folder / name, data)
    text = dump_json(content)
    atomic_write_text(outputs_file(project, result.snippet.id), text)
    if folder.exists():
        for stale in folder.glob("*.png"):
            if stale.name not in files:
                stale.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
    return ManifestEntry(
        source_sha256=key.source_sha256,
        cache_key=key.key,
        output_sha256=sha256(text.encode("utf-8")),
        versions=versions,
        seeds=seeds,
        run_seconds=round(result.seconds, 2),
        produced_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        cpu_seconds=float(result.outcome.get("cpu_seconds", 0.0)),
        reads=list(result.outcome.get("reads", [])),
    )


def sweep_temporary_files(project: Project) -> None:
    """Remove what an interrupted atomic write left behind (a build killed between write and rename)."""
    if project.outputs_dir.exists():
        for leftover in project.outputs_dir.rglob(".*.tmp"):
            leftover.unlink(missing_ok=True)


def remove(project: Project, snippet_id: str) -> None:
    outputs_file(project, snippet_id).unlink(missing_ok=True)
    folder = figures_dir(project, snippet_id)
    if folder.exists():
        for file in folder.glob("*.png"):
            file.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
