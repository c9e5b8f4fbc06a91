"""Shards: ``run --shard K/N --outputs DIR`` on each of N machines, then ``merge``, must leave outputs/
as one ``run`` on one machine leaves it.

Two shards run here, one after the other, on a tiny project of four quick snippets (one draws a figure).
The manifest records, per snippet, how long its run took and when (``TIMING``), which no two runs share.
So the merged outputs/ is compared with a one-machine run byte for byte in every file, and the merged
manifest byte for byte with the one-machine manifest in which those three fields of each snippet that
ran are the shard run's values (``expected_manifest``); every other field, and the file's layout, must
match as it is. Where nothing is stale, no field is replaced: the merge must equal outputs/ outright.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from snippet_runner import shards, store
from snippet_runner.discovery import find_snippets
from snippet_runner.project import Project
from snippet_runner.shards import Shard, ShardError, shard_of
from tiny_project import GOOD, Tiny

PLOT = "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(3, 2))\nax.plot([-1, 0, 1], [0, 0, 1])\nax.set_title('ReLU')\n"
SNIPPETS = {
    "demo/plot.py": PLOT,
    "demo/sums.py": "total = sum(range(10))\nprint('합', total)\n",
    "demo/count.py": "words = '활성화 함수 ReLU'.split()\nprint(len(words))\n",
}
TIMING = ("cpu_seconds", "produced_at", "run_seconds")
MANIFEST = "manifest.json"


def add_snippets(tiny: Tiny) -> list[str]:
    for name, text in SNIPPETS.items():
        tiny.write(f"snippets/{name}", text)
    ids = sorted([*SNIPPETS, "demo/good.py"])
    assert {shard_of(i, 2) for i in ("demo/plot.py", "demo/sums.py")} == {1}, "the test needs both shards busy"
    assert {shard_of(i, 2) for i in ("demo/good.py", "demo/count.py")} == {2}
    return ids


def run_shards(tiny: Tiny, name: str, count: int = 2) -> tuple[list[Path], list[str]]:
    """Each shard in turn, into a folder of its own; the folders and the runs' summary lines."""
    folders, summaries = [], []
    for index in range(1, count + 1):
        folder = tiny.root.parent / f"{name}-{index}"
        result = tiny.runner("run", "--shard", f"{index}/{count}", "--outputs", str(folder), "-j", "1")
        assert result.returncode == 0, result.stderr
        folders.append(folder)
        summaries.append(result.stderr.strip().splitlines()[-1])
    return folders, summaries


def merge_into_outputs(tiny: Tiny, folders: list[Path]) -> dict[str, bytes]:
    result = tiny.runner("merge", *map(str, folders), "--into", str(tiny.outputs))
    assert result.returncode == 0, result.stderr
    return tiny.snapshot()


def one_run(tiny: Tiny, outputs_before: Path | None) -> dict[str, bytes]:
    """A plain ``run`` on the same checkout, from ``outputs_before`` (None: no outputs yet)."""
    shutil.rmtree(tiny.outputs, ignore_errors=True)
    if outputs_before:
        shutil.copytree(outputs_before, tiny.outputs)
    result = tiny.runner("run", "-j", "1")
    assert result.returncode == 0, result.stderr
    return tiny.snapshot()


def expected_manifest(single: bytes, folders: list[Path]) -> bytes:
    """The one-machine manifest with the run times and dates of the shard runs (see the module docstring)."""
    raw = json.loads(single)
    for folder in folders:
        for snippet_id, entry in json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["snippets"].items():
            for name in TIMING:
                raw["snippets"][snippet_id][name] = entry[name]
    return store.dump_json(raw).encode("utf-8")


def assert_same_as_one_run(merged: dict[str, bytes], single: dict[str, bytes], folders: list[Path]) -> None:
    assert sorted(merged) == sorted(single)
    for name in single:
        if name != MANIFEST:
            assert merged[name] == single[name], name
    assert merged[MANIFEST] == expected_manifest(single[MANIFEST], folders)


def test_two_shards_from_nothing_merge_into_what_one_run_freezes(tiny: Tiny) -> None:
    ids = add_snippets(tiny)
    folders, summaries = run_shards(tiny, "fresh")
    assert [line.split(" in ")[0] for line in summaries] == ["snippets: 2 ran, 0 cached, 0 failed"] * 2
    shares = [sorted(json.loads((f / MANIFEST).read_text(encoding="utf-8"))["snippets"]) for f in folders]
    assert shares == [["demo/plot.py", "demo/sums.py"], ["demo/count.py", "demo/good.py"]]
    assert list((folders[0] / "demo" / "plot").glob("*.png")) and not (folders[1] / "demo" / "plot").exists()
    merged = merge_into_outputs(tiny, folders)
    assert sorted(json.loads(merged[MANIFEST])["snippets"]) == ids
    single = one_run(tiny, None)
    assert any(name.endswith(".png") for name in single)
    assert_same_as_one_run(merged, single, folders)

    # Nothing stale now: each shard only copies its share, runs nothing, and the merge is outputs/ as it is.
    again, summaries = run_shards(tiny, "cached")
    assert [line.split(" in ")[0] for line in summaries] == ["snippets: 0 ran, 2 cached, 0 failed"] * 2
    assert merge_into_outputs(tiny, again) == single


def test_edits_and_a_removed_snippet_merge_into_what_one_run_freezes(tiny: Tiny) -> None:
    add_snippets(tiny)
    first = tiny.runner("run", "-j", "1")
    assert first.returncode == 0, first.stderr
    before = tiny.root.parent / "before"
    shutil.copytree(tiny.outputs, before)
    tiny.write("snippets/demo/plot.py", PLOT.replace("[0, 0, 1]", "[0, 0, 2]"))  # shard 1
    tiny.write("snippets/demo/good.py", GOOD.replace("slope = 1.0", "slope = 2.0"))  # shard 2
    (tiny.root / "snippets" / "demo" / "count.py").unlink()  # shard 2

    folders, summaries = run_shards(tiny, "edited")
    assert [line.split(" in ")[0] for line in summaries] == [
        "snippets: 1 ran, 1 cached, 0 failed",
        "snippets: 1 ran, 0 cached, 0 failed",
    ]
    merged = merge_into_outputs(tiny, folders)
    assert "demo/count.json" not in merged
    single = one_run(tiny, before)
    assert "demo/count.json" not in single
    assert merged["demo/sums.json"] == single["demo/sums.json"] == (before / "demo" / "sums.json").read_bytes()
    assert_same_as_one_run(merged, single, folders)


@pytest.mark.parametrize("value", ["0/2", "3/2", "1/0", "a/b", "2", "1/2/3", ""])
def test_a_bad_shard_value_is_a_clear_error(tiny: Tiny, value: str) -> None:
    result = tiny.runner("run", "--shard", value, "--outputs", str(tiny.root.parent / "shard"))
    assert result.returncode == 2
    assert "argument --shard:" in result.stderr and "expected K/N with 1 <= K <= N" in result.stderr
    assert not (tiny.root.parent / "shard").exists()


def test_a_shard_needs_a_folder_of_its_own(tiny: Tiny) -> None:
    alone = tiny.runner("run", "--shard", "1/2")
    assert alone.returncode == 2 and "--shard K/N and --outputs DIR go together" in alone.stderr
    into_outputs = tiny.runner("run", "--shard", "1/2", "--outputs", str(tiny.outputs))
    assert into_outputs.returncode == 2 and "a shard runs into a folder of its own" in into_outputs.stderr
    tiny.write("busy/notes.txt", "메모")
    busy = tiny.runner("run", "--shard", "1/2", "--outputs", str(tiny.root / "busy"))
    assert busy.returncode == 2 and "not empty and not a folder of shard 1/2" in busy.stderr


def fake_frozen(tiny: Tiny, ids: list[str]) -> Project:
    """Frozen outputs written by hand (the merge does not run anything, so it needs no real runs)."""
    project = Project.at(tiny.root)
    manifest = {}
    for snippet_id in ids:
        text = store.dump_json({"snippet": snippet_id, "values": {"n": len(snippet_id)}})
        store.atomic_write_text(store.outputs_file(project, snippet_id), text)
        manifest[snippet_id] = store.ManifestEntry(
            source_sha256="0" * 64,
            cache_key="1" * 64,
            output_sha256=store.sha256(text.encode("utf-8")),
            versions={},
            seeds=[],
            run_seconds=0.5,
            produced_at="2026-01-01T00:00:00+00:00",
        )
    store.save_manifest(project, manifest)
    return project


def test_two_shards_holding_one_snippet_differently_do_not_merge(tiny: Tiny) -> None:
    ids = ["demo/count.py", "demo/good.py", "demo/plot.py", "demo/sums.py"]
    project = fake_frozen(tiny, ids)
    folders = [tiny.root.parent / "one", tiny.root.parent / "two"]
    for index, folder in enumerate(folders, start=1):
        shards.prepare(project, Project.at(tiny.root, outputs_dir=folder), Shard(index, 2))
    missing = tiny.runner("merge", str(folders[0]))
    assert missing.returncode == 2 and "merge needs each of the 2 shards once: missing 2/2" in missing.stderr

    # shard 2 also holds demo/plot.py (shard 1's): the same bytes merge, other bytes are an error.
    second = Project.at(tiny.root, outputs_dir=folders[1])
    manifest = store.load_manifest(second)
    manifest["demo/plot.py"] = store.load_manifest(project)["demo/plot.py"]
    shutil.copy(store.outputs_file(project, "demo/plot.py"), store.outputs_file(second, "demo/plot.py"))
    store.save_manifest(second, manifest)
    assert tiny.runner("merge", *map(str, folders)).returncode == 0

    text = store.dump_json({"snippet": "demo/plot.py", "values": {"n": -1}})
    store.atomic_write_text(store.outputs_file(second, "demo/plot.py"), text)
    manifest["demo/plot.py"] = store.ManifestEntry(
        **{**vars(manifest["demo/plot.py"]), "output_sha256": store.sha256(text.encode("utf-8"))}
    )
    store.save_manifest(second, manifest)
    before = tiny.snapshot()
    result = tiny.runner("merge", *map(str, folders))
    assert result.returncode == 2
    assert "error: demo/plot.py: shard 1/2" in result.stderr and "and shard 2/2" in result.stderr
    assert "hold different outputs" in result.stderr
    assert tiny.snapshot() == before, "a failed merge writes nothing"


def test_every_snippet_lands_in_exactly_one_shard(project: Project) -> None:
    ids = [s.id for s in find_snippets(project)] + [f"new/snippet_{i}.py" for i in range(40)]
    for count in range(1, 5):
        owners = {i: [k for k in range(1, count + 1) if Shard(k, count).owns(i)] for i in ids}
        assert all(len(found) == 1 for found in owners.values()), count
        if count > 1:
            assert len({found[0] for found in owners.values()}) == count, "every shard gets some work"
    # sha256 of the id, the same in every process and on every machine (the runs above check the CLI agrees).
    assert [shard_of("demo/good.py", n) for n in (1, 2, 3)] == [1, 2, 1]
    with pytest.raises(ShardError):
        Shard(0, 2)


def test_the_ci_check_reruns_each_shard_merges_and_compares_and_names_a_drift(tiny: Tiny) -> None:
    """CI's snippet jobs: ``rerun --shard K/N`` on each runner, then ``merge`` and ``compare`` in one job."""
    add_snippets(tiny)
    assert tiny.runner("run", "-j", "1").returncode == 0
    frozen = tiny.snapshot()
    folders = []
    for index in (1, 2):
        folder = tiny.root.parent / f"check-{index}"
        result = tiny.runner("rerun", "--shard", f"{index}/2", "--outputs", str(folder), "-j", "1")
        assert result.returncode == 0, result.stderr
        assert "compared 2 snippets with outputs/: 0 differ" in result.stderr
        folders.append(folder)
    merged = tiny.root.parent / "merged"
    assert tiny.runner("merge", *map(str, folders), "--into", str(merged)).returncode == 0
    same = tiny.runner("compare", str(merged))
    assert same.returncode == 0 and "compared 4 snippets with outputs/: 0 differ" in same.stderr, same.stderr
    assert tiny.snapshot() == frozen, "a re-run never writes outputs/"
    tiny.write("snippets/demo/sums.py", "total = sum(range(11))\nprint('합', total)\n")  # a change nobody accepted
    drifted = tiny.runner("rerun", "--shard", "1/2", "--outputs", str(tiny.root.parent / "drift"), "-j", "1")
    assert drifted.returncode == 1
    assert "demo/sums.py no longer matches its frozen output" in drifted.stderr and "45 → 55" in drifted.stderr, (
        drifted.stderr
    )
    assert tiny.snapshot() == frozen
