"""The cache key and the index of parsed sources (``snippet_runner.cachekey``), on a temp project."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from snippet_runner import cachekey
from snippet_runner.cachekey import SourceIndex, Versions, compute
from snippet_runner.discovery import find_snippets
from snippet_runner.project import Options, Project
from snippet_runner.runner_version import SHAPING, code_of, runner_version
from tiny_project import write

SNIPPET = "import json\nimport helper\nrows = open('data/t.csv', encoding='utf-8').read()\nprint(json.dumps(rows))\n"


def _key(
    project: Project, options: Options | None = None, index: SourceIndex | None = None, reads: tuple[str, ...] = ()
) -> str:
    options = options or Options()
    (snippet,) = [s for s in find_snippets(project) if s.id == "demo/hello.py"]
    return compute(project, snippet, options, Versions(), index, reads).key


@pytest.fixture
def project(scratch: Project) -> Project:
    write(scratch.snippets_dir / "demo" / "hello.py", SNIPPET)
    write(scratch.snippets_dir / "demo" / "helper.py", "X = 1\n")
    write(scratch.snippets_dir / "demo" / "data" / "t.csv", "a\n1\n")
    return scratch


def test_the_key_covers_the_snippet_its_local_modules_and_its_data(project: Project) -> None:
    (snippet,) = [s for s in find_snippets(project) if s.id == "demo/hello.py"]
    inputs = compute(project, snippet, Options(), Versions()).inputs
    assert {"file:snippets/demo/hello.py", "file:snippets/demo/helper.py", "file:snippets/demo/data/t.csv"} <= set(
        inputs
    )
    assert "package:json" not in inputs, "the standard library is not a package"
    first = _key(project)
    assert _key(project) == first
    for relative, text in [
        ("demo/helper.py", "X = 2\n"),
        ("demo/data/t.csv", "a\n2\n"),
        ("demo/hello.py", SNIPPET + "# more\n"),
    ]:
        write(project.snippets_dir / relative, text)
        assert _key(project) != first, f"{relative} changed but the key did not"
        first = _key(project)


def test_files_it_read_count_and_unrelated_files_do_not(project: Project) -> None:
    before = _key(project)
    write(project.snippets_dir / "demo" / "other.txt", "not used\n")
    assert _key(project) == before
    read = ("snippets/demo/other.txt",)
    with_read = _key(project, reads=read)
    assert with_read != before
    write(project.snippets_dir / "demo" / "other.txt", "changed\n")
    assert _key(project, reads=read) != with_read
    (project.snippets_dir / "demo" / "other.txt").unlink()
    assert _key(project, reads=read) not in (before, with_read), "a file it read that is gone changes the key"


def test_only_the_options_that_change_the_output_are_in_the_key(project: Project) -> None:
    before = _key(project)
    assert _key(project, dataclasses.replace(Options(), rel_tol=0.5, timeout=5, image_tol=3)) == before
    assert _key(project, dataclasses.replace(Options(), threads=2)) != before
    assert _key(project, dataclasses.replace(Options(), cpu_paths=["native"])) != before


def test_versions_the_font_and_the_run_environment_are_in_the_key(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """matplotlib draws every figure with numpy, so a numpy upgrade re-runs even a snippet that never imports it."""

    class Upgraded(Versions):
        def of(self, dist: str) -> str:
            return "99.0" if dist == "numpy" else super().of(dist)

    class OtherFont(Versions):
        def font(self) -> str:
            return "another font file"

    (snippet,) = [s for s in find_snippets(project) if s.id == "demo/hello.py"]
    assert "numpy" not in snippet.path.read_text(encoding="utf-8")
    base = compute(project, snippet, Options(), Versions()).key
    assert compute(project, snippet, Options(), Upgraded()).key != base
    assert compute(project, snippet, Options(), OtherFont()).key != base
    monkeypatch.setitem(cachekey.RUN_ENVIRONMENT, "MKL_CBWR", "AUTO")
    assert compute(project, snippet, Options(), Versions()).key != base


def test_the_index_is_kept_between_builds_and_gives_the_same_key(project: Project) -> None:
    index = SourceIndex.load(project)
    assert index.entries == {}
    key = _key(project, index=index)
    assert index.changed and len(index.entries) == 2  # hello.py and helper.py
    index.save()
    assert not index.changed
    saved = json.loads((project.root / cachekey.SOURCE_INDEX).read_text(encoding="utf-8"))
    entry = saved[cachekey.sha256(SNIPPET.encode("utf-8"))]
    assert entry == {"imports": ["helper", "json"], "strings": ["data/t.csv", "utf-8"]}
    again = SourceIndex.load(project)
    assert _key(project, index=again) == key
    assert not again.changed, "nothing was parsed again"


def test_an_entry_is_trusted_by_hash_and_a_malformed_one_is_rebuilt(project: Project) -> None:
    digest = cachekey.sha256(b"print(1)\n")
    path = project.snippets_dir / "x.py"
    index = SourceIndex(entries={digest: {"imports": ["recorded"], "strings": []}})
    assert index.analyse(path, b"print(1)\n") == (["recorded"], [])
    assert not index.changed
    source = b"import os\nprint('a.csv')\n"
    index = SourceIndex(entries={cachekey.sha256(source): {"imports": "not a list"}})  # type: ignore[dict-item]
    assert index.analyse(path, source) == (["os"], ["a.csv"])
    assert index.changed


@pytest.mark.parametrize("text", ["", "{not json", "[1, 2]"])
def test_an_unreadable_index_starts_empty(project: Project, text: str) -> None:
    write(project.root / cachekey.SOURCE_INDEX, text)
    assert SourceIndex.load(project).entries == {}


def test_a_large_index_keeps_only_what_this_build_used(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachekey, "MAX_INDEX_ENTRIES", 3)
    old: dict[str, dict[str, list[str]]] = {f"{n:064x}": {"imports": [], "strings": []} for n in range(5)}
    write(project.root / cachekey.SOURCE_INDEX, json.dumps(old))
    index = SourceIndex.load(project)
    _key(project, index=index)
    index.save()
    saved = json.loads((project.root / cachekey.SOURCE_INDEX).read_text(encoding="utf-8"))
    assert set(saved) == index.used and len(saved) == 2


def test_an_index_that_cannot_be_written_is_not_an_error(project: Project) -> None:
    write(project.root / ".cache", "a file where the folder should be\n")
    index = SourceIndex.load(project)
    _key(project, index=index)
    index.save()  # no exception: the next build parses again


def test_the_runner_version_follows_the_code_that_shapes_an_output_not_its_comments(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Doc."""\n\ndef f(x):\n    """What f does."""\n    return x + 1  # one more\n', encoding="utf-8"
    )
    original = code_of(module)
    module.write_text('"""Other words."""\n\n\ndef f(x):\n    return (\n        x + 1\n    )\n', encoding="utf-8")
    assert code_of(module) == original, "a docstring, a comment or the layout changed the version"
    module.write_text('"""Doc."""\n\ndef f(x):\n    return x + 2\n', encoding="utf-8")
    assert code_of(module) != original, "a change of code left the version as it was"
    assert "worker.py" in SHAPING and len(runner_version()) == 16
