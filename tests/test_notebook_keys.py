"""Notebooks keyed by their inputs: a generate() with nothing changed makes no notebook, a change to
one notebook's input makes exactly that one again, and ``check`` never trusts the record."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import snippet_notebooks
from snippet_notebooks import keys
from snippet_notebooks.builder import NotebookBuilder
from snippet_runner import store
from snippet_runner.project import Project
from snippet_runner.refresh import refresh_outputs
from tiny_project import PINNED_ONLY, write

SITE = snippet_notebooks.Site("https://example.org/relu/", "https://github.com/example/relu")
FIRST = "docs/notebooks/first.ipynb"
SECOND = "docs/notebooks/second.ipynb"


def _books(names: list[str]) -> list[str]:
    """The notebooks of a report, without the index page written with them (``test_notebook_index``)."""
    return [name for name in names if name.endswith(".ipynb")]


@pytest.fixture
def two_pages(tmp_path: Path) -> Project:
    """Two pages with code, one snippet each, their outputs frozen."""
    write(tmp_path / "snippets" / "demo" / "first.py", "slope = 1.0\nprint('slope', slope)\n")
    write(tmp_path / "snippets" / "snippets.toml", PINNED_ONLY)
    write(tmp_path / "snippets" / "demo" / "second.py", "TABLE = 'table.csv'\nprint('table', TABLE)\n")
    write(tmp_path / "docs" / "first.md", '# 첫째\n\n```python\n--8<-- "demo/first.py"\n```\n')
    write(tmp_path / "docs" / "second.md", '# 둘째\n\n```python\n--8<-- "demo/second.py"\n```\n')
    write(tmp_path / "requirements.txt", "numpy==2.0.0\n")
    project = Project.at(tmp_path)
    assert refresh_outputs(project, stream=io.StringIO()).ok
    return project


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose notebook the builder makes, in order, for every generate() of the test."""
    pages: list[str] = []
    original = NotebookBuilder.build

    def counting(self: NotebookBuilder, page: snippet_notebooks.PageCode, inputs=None):
        pages.append(page.page)
        return original(self, page, inputs)

    monkeypatch.setattr(NotebookBuilder, "build", counting)
    return pages


def generate(
    project: Project, built: list[str], *, check: bool = False
) -> tuple[snippet_notebooks.NotebookReport, list[str]]:
    built.clear()
    return snippet_notebooks.generate(project, SITE, check=check), list(built)


def test_nothing_changed_builds_nothing(two_pages: Project, built: list[str]) -> None:
    report, pages = generate(two_pages, built)
    assert _books(report.written) == [FIRST, SECOND] and pages == ["first.md", "second.md"]
    before = {name: (two_pages.root / name).read_bytes() for name in (FIRST, SECOND)}
    report, pages = generate(two_pages, built)
    assert pages == [] and _books(report.written) == []
    assert report.skipped == _books(report.unchanged) == [FIRST, SECOND]
    assert "2 with unchanged inputs" in report.summary()
    assert {name: (two_pages.root / name).read_bytes() for name in (FIRST, SECOND)} == before


def test_a_changed_frozen_output_rebuilds_exactly_its_notebook(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    path = store.outputs_file(two_pages, "demo/second.py")
    outputs = json.loads(path.read_text(encoding="utf-8"))
    outputs["sections"][""] = "table other.csv\n"
    path.write_text(json.dumps(outputs), encoding="utf-8")
    report, pages = generate(two_pages, built)
    assert pages == ["second.md"] and _books(report.written) == [SECOND] and report.skipped == [FIRST]
    assert "other.csv" in (two_pages.root / SECOND).read_text(encoding="utf-8")


def test_a_changed_page_or_snippet_rebuilds_exactly_its_notebook(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    write(two_pages.docs_dir / "first.md", '# 첫째 페이지\n\n```python\n--8<-- "demo/first.py"\n```\n')
    report, pages = generate(two_pages, built)
    assert pages == ["first.md"] and _books(report.written) == [FIRST]
    write(two_pages.snippets_dir / "demo" / "first.py", "slope = 1.0\nprint('slope', slope)  # 기울기\n")
    report, pages = generate(two_pages, built)
    assert pages == ["first.md"] and _books(report.written) == [FIRST]


def test_a_data_file_that_appears_rebuilds_the_notebook_that_names_it(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    write(two_pages.snippets_dir / "demo" / "table.csv", "x,relu\n-1,0\n")
    report, pages = generate(two_pages, built)
    assert pages == ["second.md"] and _books(report.written) == [SECOND]
    assert "%%writefile table.csv" in (two_pages.root / SECOND).read_text(encoding="utf-8")


def test_shared_inputs_rebuild_every_notebook(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    write(two_pages.root / "requirements.txt", "numpy==2.0.1\n")
    assert generate(two_pages, built)[1] == ["first.md", "second.md"]
    other_site = snippet_notebooks.Site("https://example.org/other/", SITE.repo_url)
    built.clear()
    snippet_notebooks.generate(two_pages, other_site)
    assert built == ["first.md", "second.md"]


def test_a_notebook_edited_by_hand_is_made_again(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    made = (two_pages.root / FIRST).read_text(encoding="utf-8")
    (two_pages.root / FIRST).write_text(made.replace("첫째", "손으로 고침"), encoding="utf-8")
    report, pages = generate(two_pages, built)
    assert pages == ["first.md"] and _books(report.written) == [FIRST]
    assert (two_pages.root / FIRST).read_text(encoding="utf-8") == made


def test_check_never_trusts_the_record(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    report, pages = generate(two_pages, built, check=True)
    assert pages == ["first.md", "second.md"] and report.skipped == [] and report.stale == []
    made = (two_pages.root / FIRST).read_text(encoding="utf-8")
    index = two_pages.root / keys.INDEX_FILE
    entries = json.loads(index.read_text(encoding="utf-8"))
    (two_pages.root / FIRST).write_text(made.replace("첫째", "다름"), encoding="utf-8")
    entries[FIRST]["text_sha256"] = keys.hex_digest((two_pages.root / FIRST).read_bytes())  # a record that lies
    index.write_text(json.dumps(entries), encoding="utf-8")
    report, pages = generate(two_pages, built, check=True)
    assert report.stale == [FIRST] and "first.md" in pages


def test_an_unreadable_index_only_means_building_again(two_pages: Project, built: list[str]) -> None:
    generate(two_pages, built)
    (two_pages.root / keys.INDEX_FILE).write_text("{not json", encoding="utf-8")
    report, pages = generate(two_pages, built)
    assert (
        pages == ["first.md", "second.md"]
        and _books(report.written) == []
        and _books(report.unchanged) == [FIRST, SECOND]
    )
    assert generate(two_pages, built)[1] == []
