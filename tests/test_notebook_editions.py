"""The notebooks of each edition (``snippet_notebooks``): Korean ones in ``docs/notebooks/`` from
``mkdocs.yml``, English ones in ``docs-en/notebooks/`` from ``mkdocs.en.yml``, each in its language,
linking its own pages and opening its own copy on Colab, with keys that do not collide; and the
Zensical links (``snippet_site.notebook_links``) of the edition being built."""

from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from markdown import Markdown
from markdown.preprocessors import Preprocessor

import snippet_notebooks
from snippet_notebooks import cli
from snippet_notebooks.builder import NotebookBuilder
from snippet_notebooks.words import ENGLISH, KOREAN, CheckMessages
from snippet_runner.project import Project
from snippet_runner.refresh import refresh_outputs
from snippet_site.notebook_links import NotebookLinksExtension, edition_docs
from tiny_project import PINNED_ONLY, write

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SNIPPET = '"""인사를 출력합니다."""\nprint("hello")\n'
KOREAN_CONFIG = "site_url: https://example.org/demo/\nrepo_url: https://github.com/me/demo\nedit_uri: edit/dev/docs/\nnav:\n  - 데모: demo.md\n"
ENGLISH_CONFIG = "INHERIT: mkdocs.yml\nsite_url: https://example.org/demo/en/\ndocs_dir: docs-en\ntheme:\n  language: en\nnav:\n  - Demo: demo.md\n"
KO, EN = "docs/notebooks/demo.ipynb", "docs-en/notebooks/demo.ipynb"


@pytest.fixture
def editions(tmp_path: Path) -> Path:
    """A checkout with one page with code in both editions, its output frozen."""
    write(tmp_path / "snippets" / "demo" / "hello.py", SNIPPET)
    write(tmp_path / "snippets" / "snippets.toml", PINNED_ONLY)
    write(tmp_path / "docs" / "demo.md", '# 데모\n\n## 인사 { #hello }\n\n```python\n--8<-- "demo/hello.py"\n```\n')
    write(
        tmp_path / "docs-en" / "demo.md", '# Demo\n\n## Greeting { #hello }\n\n```python\n--8<-- "demo/hello.py"\n```\n'
    )
    write(tmp_path / "snippets" / "demo" / "text.en.toml", '[text]\n"인사를 출력합니다." = "Prints a greeting."\n')
    write(tmp_path / "mkdocs.yml", KOREAN_CONFIG)
    write(tmp_path / "mkdocs.en.yml", ENGLISH_CONFIG)
    assert refresh_outputs(Project.at(tmp_path), stream=io.StringIO()).ok
    return tmp_path


def _cells(path: Path) -> list:
    return nbformat.read(path, as_version=4).cells


def test_the_command_writes_and_checks_both_editions(editions: Path) -> None:
    assert cli.main(["--root", str(editions), "-q"]) == 0
    assert cli.main(["--root", str(editions), "--check", "-q"]) == 0
    korean, english = _cells(editions / KO), _cells(editions / EN)
    assert korean[0].source.startswith("# 데모 — 노트북") and english[0].source.startswith("# Demo: notebook")
    assert "https://colab.research.google.com/github/me/demo/blob/dev/docs/notebooks/demo.ipynb" in korean[0].source
    assert "https://colab.research.google.com/github/me/demo/blob/dev/docs-en/notebooks/demo.ipynb" in english[0].source
    assert "(https://example.org/demo/en/demo/#hello)" in english[3].source, "the snippet's cell links the English page"
    assert "인사를 출력합니다" in korean[3].source and not HANGUL.search(english[3].source), (
        "a Korean docstring only in Korean"
    )
    assert [c.source for c in korean if "snippet" in c.metadata] == [
        c.source for c in english if "snippet" in c.metadata
    ]
    index = (editions / "docs-en" / "notebooks" / "index.md").read_text(encoding="utf-8")
    assert "| Area | Page | Notebook | Colab |" in index and "[Demo](../demo.md)" in index and not HANGUL.search(index)
    (editions / EN).write_text("edited by hand\n", encoding="utf-8")
    assert cli.main(["--root", str(editions), "--check", "-q"]) == 1, "a stale English notebook fails the check"


def test_without_a_site_each_edition_reads_its_own_configuration(editions: Path) -> None:
    english = Project.at(editions, docs="docs-en")
    assert snippet_notebooks.edition_config(english) == editions / "mkdocs.en.yml"
    report = snippet_notebooks.generate(english)
    assert EN in report.written and not (editions / KO).exists()
    assert "Open in Colab" in _cells(editions / EN)[0].source


def test_a_site_of_the_other_edition_is_refused(editions: Path) -> None:
    korean_site = snippet_notebooks.Site.from_mkdocs(editions / "mkdocs.yml")
    with pytest.raises(snippet_notebooks.NotebookError, match="docs-en"):
        snippet_notebooks.generate(Project.at(editions, docs="docs-en"), korean_site)


def test_the_editions_keep_their_own_keys(editions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Generating one edition does not drop the other's record: both are skipped the next time."""
    korean, english = Project.at(editions), Project.at(editions, docs="docs-en")
    snippet_notebooks.generate(korean)
    snippet_notebooks.generate(english)
    built: list[str] = []
    original = NotebookBuilder.build

    def counted(self, page, inputs=None):
        built.append(self.project.docs)
        return original(self, page, inputs)

    monkeypatch.setattr(NotebookBuilder, "build", counted)
    assert snippet_notebooks.generate(korean).skipped == [KO]
    assert snippet_notebooks.generate(english).skipped == [EN]
    assert built == []


def test_the_languages_say_the_same_things() -> None:
    """Every message names the same recorder variables in both languages (a wrong name would only
    fail when a reader's run differs from the page)."""
    fields = re.compile(r"\{([^}]*)\}")
    for name in CheckMessages.__dataclass_fields__:
        ko, en = getattr(KOREAN.messages, name), getattr(ENGLISH.messages, name)
        assert sorted(fields.findall(ko)) == sorted(fields.findall(en)), name
    assert KOREAN.intro[0].count("{page}") == ENGLISH.intro[0].count("{page}") == 1
    assert not [text for text in vars(ENGLISH.messages).values() if HANGUL.search(text)]


def test_a_message_that_would_break_the_cell_is_refused() -> None:
    from dataclasses import replace

    from snippet_notebooks.check_cell import check_code

    broken = replace(ENGLISH, messages=replace(ENGLISH.messages, not_run='not "run"'))
    with pytest.raises(ValueError, match="not_run"):
        check_code({}, broken)
    code_in_a_field = replace(ENGLISH, messages=replace(ENGLISH.messages, all_match="All {len(self.page)} match"))
    with pytest.raises(ValueError, match=r"all_match: .* a field names one variable"):
        check_code({}, code_in_a_field)
    compile(check_code({}, ENGLISH), "check", "exec")


class ContextPreprocessor(Preprocessor):
    """What Zensical registers on every Markdown instance: the page and the configuration."""

    def __init__(self, md: Markdown, page: object, config: dict) -> None:
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines: list[str]) -> list[str]:
        return lines


@pytest.mark.parametrize(
    ("docs_dir", "expected"), [("docs", "docs/notebooks/demo.ipynb"), ("docs-en", "docs-en/notebooks/demo.ipynb")]
)
def test_zensical_links_the_notebook_of_the_edition_it_builds(editions: Path, docs_dir: str, expected: str) -> None:
    assert cli.main(["--root", str(editions), "-q"]) == 0
    page = SimpleNamespace(path="demo.md", meta={})
    md = Markdown(extensions=[NotebookLinksExtension(root=str(editions))])
    md.preprocessors.register(
        ContextPreprocessor(md, page, {"docs_dir": str(editions / docs_dir)}), "zensical_context", 100
    )
    md.convert("# page")
    assert page.meta["notebook"] == {
        "file": "notebooks/demo.ipynb",
        "colab": f"https://colab.research.google.com/github/me/demo/blob/dev/{expected}",
    }


def test_the_pages_folder_of_a_configuration(tmp_path: Path) -> None:
    assert [
        edition_docs(tmp_path, value)
        for value in (None, "", "docs-en", str(tmp_path / "docs-en"), "/elsewhere/docs-en")
    ] == ["docs", "docs", "docs-en", "docs-en", "docs-en"]
