"""Split one run over several machines: ``run --shard K/N --outputs DIR`` on each, then ``merge``.

A snippet belongs to shard ``int(sha256(id)[:16], 16) % N + 1``: a stable hash of its id (not
``hash()``, which changes per process, and not its sorted position, which shifts every later snippet
when one is added). So the share does not depend on which snippets are stale on which machine, and
adding or removing a snippet moves no other snippet to another shard.

A shard folder holds its share and nothing else: when it starts, the checkout's frozen outputs of its
snippets are copied in (so what is cached is not run again), the run brings them up to date as a
single run would, and ``shard.json`` names the shard. ``merge`` checks that it has each of the N
shards once, takes the union and writes it the way a single run would have written outputs/.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import store
from .errors import SnippetError
from .messages import Messages
from .project import Project

SHARD_FILE = "shard.json"
SPEC = re.compile(r"(\d+)/(\d+)")


class ShardError(SnippetError):
    """A shard is named wrongly, or shard folders do not merge; the message names the folder or snippet."""


def shard_of(snippet_id: str, count: int) -> int:
    """The shard (1..count) that runs this snippet."""
    return int(hashlib.sha256(snippet_id.encode("utf-8")).hexdigest()[:16], 16) % count + 1


@dataclass(frozen=True)
class Shard:
    index: int
    """1..count."""
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.count:
            raise ShardError(f"shard {self.index}/{self.count}: expected K/N with 1 <= K <= N, e.g. 1/2")

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = SPEC.fullmatch(text.strip())
        if not match:
            raise ShardError(f"shard {text!r}: expected K/N with 1 <= K <= N, e.g. 1/2")
        return cls(int(match[1]), int(match[2]))

    def owns(self, snippet_id: str) -> bool:
        return shard_of(snippet_id, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def read_shard(folder: Path) -> Shard:
    path = folder / SHARD_FILE
    if not path.is_file():
        raise ShardError(
            f"{folder}: no {SHARD_FILE}, so not a folder written by `snippet-runner run --shard K/N --outputs DIR`"
        )
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Shard(int(raw["shard"]), int(raw["shards"]))
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ShardError(f"{path}: unexpected content ({exc})") from exc


def _files_of(project: Project, snippet_id: str) -> dict[Path, bytes]:
    """A snippet's frozen files, relative to the outputs folder: figures first, the outputs file last."""
    files = {}
    folder = store.figures_dir(project, snippet_id)
    for figure in sorted(folder.glob("*.png")) if folder.is_dir() else []:
        files[figure.relative_to(project.outputs_dir)] = figure.read_bytes()
    outputs = store.outputs_file(project, snippet_id)
    if outputs.is_file():
        files[outputs.relative_to(project.outputs_dir)] = outputs.read_bytes()
    return files


def _write_files(project: Project, snippet_id: str, files: dict[Path, bytes]) -> None:
    """Make the snippet's frozen files in ``project`` exactly ``files``."""
    for relative, data in files.items():
        path = project.outputs_dir / relative
        if not path.is_file() or path.read_bytes() != data:
            store.atomic_write_bytes(path, data)
    for relative in _files_of(project, snippet_id).keys() - files.keys():
        (project.outputs_dir / relative).unlink()
    folder = store.figures_dir(project, snippet_id)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def prepare(checkout: Project, target: Project, shard: Shard, stream: TextIO | None = None) -> None:
    """Seed ``target``'s outputs folder with the checkout's frozen outputs of the shard's snippets.

    The folder must be new or empty, or hold an earlier run of the same shard (which is carried on).
    """
    folder = target.outputs_dir
    if folder.is_relative_to(checkout.outputs_dir) or checkout.outputs_dir.is_relative_to(folder):
        raise ShardError(f"{folder}: a shard runs into a folder of its own, not into {checkout.outputs_dir}")
    if folder.is_dir() and any(folder.iterdir()):
        if (folder / SHARD_FILE).is_file() and read_shard(folder) == shard:
            return
        raise ShardError(f"{folder}: not empty and not a folder of shard {shard}; give a new or empty folder")
    try:
        manifest = store.load_manifest(checkout)
    except store.ManifestError as exc:
        Messages(stream).warning(f"warning: {exc}; every snippet of shard {shard} will be re-run")
        manifest = {}
    share = {snippet_id: entry for snippet_id, entry in manifest.items() if shard.owns(snippet_id)}
    for snippet_id in share:
        _write_files(target, snippet_id, _files_of(checkout, snippet_id))
    store.save_manifest(target, share)
    store.atomic_write_text(folder / SHARD_FILE, store.dump_json({"shard": shard.index, "shards": shard.count}))


def _check_complete(shards: dict[Path, Shard]) -> None:
    counts = sorted({shard.count for shard in shards.values()})
    if len(counts) != 1:
        named = ", ".join(f"{folder} is {shard}" for folder, shard in shards.items())
        raise ShardError(f"the folders come from different splits ({named})")
    indices = [shard.index for shard in shards.values()]
    missing = sorted(set(range(1, counts[0] + 1)) - set(indices))
    twice = sorted({index for index in indices if indices.count(index) > 1})
    if missing or twice:
        problems = [f"missing {', '.join(f'{i}/{counts[0]}' for i in missing)}"] if missing else []
        problems += [f"given twice: {', '.join(f'{i}/{counts[0]}' for i in twice)}"] if twice else []
        raise ShardError(f"merge needs each of the {counts[0]} shards once: {'; '.join(problems)}")


def merge(folders: list[Path], into: Project) -> list[str]:
    """Write the union of the shard folders into ``into``'s outputs folder, as a single run would have
    left it: outputs of snippets no shard holds are removed. Returns the merged snippet ids.

    A snippet held by two shards must be identical in both (manifest entry and every file).
    """
    shards = {folder.resolve(): read_shard(folder.resolve()) for folder in folders}
    if len(shards) != len(folders):
        raise ShardError("a shard folder is given twice")
    _check_complete(shards)
    manifest: dict[str, store.ManifestEntry] = {}
    files: dict[str, dict[Path, bytes]] = {}
    holder: dict[str, Path] = {}
    for folder, shard in shards.items():
        part = Project(root=into.root, outputs_dir=folder)
        for snippet_id, entry in store.load_manifest(part).items():
            held = _files_of(part, snippet_id)
            outputs = store.outputs_file(part, snippet_id)
            if outputs.is_file() and store.sha256(held[outputs.relative_to(folder)]) != entry.output_sha256:
                raise ShardError(f"{snippet_id}: {outputs} does not match its entry in {part.manifest_file}")
            if snippet_id in manifest and (manifest[snippet_id], files[snippet_id]) != (entry, held):
                first = holder[snippet_id]
                raise ShardError(
                    f"{snippet_id}: shard {shards[first]} ({first}) and shard {shard} ({folder}) hold different outputs of it"
                )
            manifest[snippet_id], files[snippet_id], holder[snippet_id] = entry, held, folder
    try:
        old = store.load_manifest(into)
    except store.ManifestError:
        old = {}  # rewritten below, as a single run rewrites a manifest it cannot read
    for snippet_id in sorted(old.keys() - manifest.keys()):
        store.remove(into, snippet_id)
    for snippet_id in sorted(files):
        _write_files(into, snippet_id, files[snippet_id])
    store.save_manifest(into, manifest)
    return sorted(manifest)
