"""When a frozen output may be published as it is (``snippet_runner.store.check_frozen``)."""

from __future__ import annotations

import pytest

from snippet_runner import store
from snippet_runner.cachekey import CacheKey, Versions, compute, sha256
from snippet_runner.discovery import Snippet, find_snippets
from snippet_runner.project import Options, Project
from tiny_project import write

FIGURE = b"\x89PNG not really"
DARK = b"\x89PNG not really, dark"
VARIANTS = {
    "file": FIGURE,
    "dark": DARK,
    "en": b"\x89PNG not really, English",
    "en_dark": b"\x89PNG not really, English, dark",
}


def _entry(key: CacheKey, output_sha256: str) -> store.ManifestEntry:
    return store.ManifestEntry(
        source_sha256=key.source_sha256,
        cache_key=key.key,
        output_sha256=output_sha256,
        versions={},
        seeds=[],
        run_seconds=0.1,
        produced_at="2001-02-03T04:05:06+00:00",
    )


@pytest.fixture
def frozen(scratch: Project) -> tuple[Project, Snippet, CacheKey, store.ManifestEntry]:
    """demo/hello.py frozen by hand, with one figure, and its manifest entry."""
    (snippet,) = find_snippets(scratch)
    key = compute(scratch, snippet, Options(), Versions())
    (store.figures_dir(scratch, snippet.id)).mkdir(parents=True)
    record = {"section": ""}
    for variant, data in VARIANTS.items():
        record[variant] = f"{sha256(data)[:16]}.png"
        (store.figures_dir(scratch, snippet.id) / record[variant]).write_bytes(data)
    outputs = store.dump_json({"snippet": snippet.id, "sections": {"": "hello\n"}, "figures": [record]})
    write(store.outputs_file(scratch, snippet.id), outputs)
    return scratch, snippet, key, _entry(key, sha256(outputs.encode("utf-8")))


def test_an_output_frozen_with_this_key_is_current(
    frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry],
) -> None:
    project, snippet, key, entry = frozen
    assert store.check_frozen(project, snippet, entry, key) is None


def test_a_snippet_never_run_is_stale(frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry]) -> None:
    project, snippet, key, _ = frozen
    assert store.check_frozen(project, snippet, None, key) == "never run"


def test_a_changed_input_makes_it_stale(frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry]) -> None:
    project, snippet, _key, entry = frozen
    write(snippet.path, "print('hello again')\n")
    new_key = compute(project, snippet, Options(), Versions())
    assert store.check_frozen(project, snippet, entry, new_key) == "its inputs changed"


def test_a_missing_or_edited_outputs_file_is_named(
    frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry],
) -> None:
    project, snippet, key, entry = frozen
    path = store.outputs_file(project, snippet.id)
    path.write_text(path.read_text(encoding="utf-8").replace("hello", "HELLO"), encoding="utf-8")
    assert store.check_frozen(project, snippet, entry, key) == "outputs/demo/hello.json was changed by hand"
    path.unlink()
    assert store.check_frozen(project, snippet, entry, key) == "outputs/demo/hello.json is missing"


@pytest.mark.parametrize("data", VARIANTS.values(), ids=VARIANTS.keys())
def test_a_missing_or_edited_figure_is_named(
    frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry], data: bytes
) -> None:
    project, snippet, key, entry = frozen
    figure = store.figures_dir(project, snippet.id) / f"{sha256(data)[:16]}.png"
    figure.write_bytes(data + b"!")
    assert store.check_frozen(project, snippet, entry, key) == f"figure {figure.name} was changed by hand"
    figure.unlink()
    assert store.check_frozen(project, snippet, entry, key) == f"figure {figure.name} is missing"


@pytest.mark.parametrize("variant", ["dark", "en", "en_dark"])
def test_a_figure_frozen_without_one_of_its_variants_is_stale(
    frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry], variant: str
) -> None:
    project, snippet, key, _ = frozen
    path = store.outputs_file(project, snippet.id)
    outputs = path.read_text(encoding="utf-8").replace(f'"{variant}"', '"old"')
    path.write_text(outputs, encoding="utf-8")
    entry = _entry(key, sha256(outputs.encode("utf-8")))
    assert store.check_frozen(project, snippet, entry, key) == f"a figure has no {variant} variant"


def test_an_output_without_its_cpu_path_runs_is_stale_only_where_they_are_required(
    frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry],
) -> None:
    project, snippet, key, entry = frozen
    assert store.check_frozen(project, snippet, entry, key, []) is None
    assert (
        store.check_frozen(project, snippet, entry, key, ["native", "scalar"])
        == "not yet run on the CPU paths native, scalar"
    )


def test_the_manifest_round_trips(frozen: tuple[Project, Snippet, CacheKey, store.ManifestEntry]) -> None:
    project, snippet, key, entry = frozen
    store.save_manifest(project, {snippet.id: entry})
    assert store.load_manifest(project) == {snippet.id: entry}
    assert store.check_frozen(project, snippet, store.load_manifest(project)[snippet.id], key) is None


def test_two_runs_at_once_keep_each_others_manifest_entries(tmp_path) -> None:
    # An author's `mkdocs serve` and `make snippets` each hold the manifest as it was when they started.
    project = Project.at(tmp_path)
    entry = store.ManifestEntry("s", "k", "o", {}, [], 1.0, "2026-01-01T00:00:00+00:00")
    store.update_manifest(project, {"a.py": entry})
    store.update_manifest(project, {"b.py": entry})  # written by a run that never saw a.py
    assert set(store.load_manifest(project)) == {"a.py", "b.py"}
    store.update_manifest(project, {}, removed=["a.py"])
    assert set(store.load_manifest(project)) == {"b.py"}
