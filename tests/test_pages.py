"""Which pages get a notebook and which snippets each shows (``snippet_notebooks.pages``)."""

from __future__ import annotations

from pathlib import Path

from snippet_notebooks.pages import PageCode, SnippetUse, notebook_uri, pages_with_code, scan_page
from snippet_runner.project import Project

PAGE = """\
# ReLU 함수 { #relu }

Intro {{ value demo/intro.py slope .1f }}

```python
# not a heading: inside a fence
--8<-- "demo/fenced.py"
{{ output demo/shown_as_code.py }}
```

## 정의 { #definition }

    --8<-- "demo/relu.py:define"

{{ output demo/relu.py:define }}

## Two Words Here

{{ figure demo/plot.py }}
    --8<-- 'demo/relu.py:again'
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_page_lists_its_snippets_in_order_under_their_headings(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    page = scan_page(docs, _write(docs / "activation" / "relu.md", PAGE))
    assert page == PageCode(
        page="activation/relu.md",
        title="ReLU 함수",
        snippets=[
            SnippetUse("demo/intro.py", "", ""),  # under the title only: no anchor to link to
            SnippetUse(
                "demo/fenced.py", "", ""
            ),  # a "#" line inside a fence is no heading; a directive there is no use
            SnippetUse("demo/relu.py", "정의", "definition"),  # first use only
            SnippetUse("demo/plot.py", "Two Words Here", "two-words-here"),
        ],
    )


def test_a_page_that_shows_no_code_gets_no_notebook(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert scan_page(docs, _write(docs / "values.md", "# Values\n\n{{ output demo/relu.py }}\n")) is None


def test_a_page_without_a_title_is_named_after_its_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    page = scan_page(docs, _write(docs / "bare.md", '--8<-- "demo/a.py"\n'))
    assert page is not None and (page.title, page.snippets) == ("bare", [SnippetUse("demo/a.py", "", "")])


def test_pages_with_code_are_sorted_and_skip_the_generated_notebooks(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    include = '# T\n\n--8<-- "demo/a.py"\n'
    _write(docs / "z.md", include)
    _write(docs / "a" / "b.md", include)
    _write(docs / "no_code.md", "# Nothing\n")
    _write(docs / "notebooks" / "a" / "b.md", include)
    assert [page.page for page in pages_with_code(Project.at(tmp_path))] == ["a/b.md", "z.md"]


def test_the_notebook_of_a_page() -> None:
    assert notebook_uri("activation/relu.md") == "notebooks/activation/relu.ipynb"
