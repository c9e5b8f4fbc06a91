"""The one page that lists every notebook (``snippet_notebooks.index_page``), generated and checked with them."""

from __future__ import annotations

from pathlib import Path

from snippet_notebooks import generate
from snippet_notebooks.index_page import INDEX_PAGE, index_text
from snippet_notebooks.pages import PageCode
from snippet_notebooks.site import Site
from snippet_runner.project import Project
from snippet_runner.refresh import refresh_outputs
from tiny_project import write

SITE = Site(
    site_url="https://example.org/",
    repo_url="https://github.com/me/demo",
    nav=(("", "index.md"), ("기초", "b/second.md"), ("기초", "a/first.md")),
)


def test_rows_follow_the_navigation_and_link_page_notebook_and_colab() -> None:
    pages = [
        PageCode("a/first.md", "첫 | 페이지", []),
        PageCode("z/outside.md", "밖", []),
        PageCode("b/second.md", "둘째", []),
    ]
    rows = [line for line in index_text(pages, SITE).splitlines() if line.startswith("| ") and ".ipynb" in line]
    assert rows[0] == (
        "| 기초 | [둘째](../b/second.md) | [second.ipynb](b/second.ipynb) | "
        "[Colab에서 열기](https://colab.research.google.com/github/me/demo/blob/main/docs/notebooks/b/second.ipynb) |"
    )
    assert rows[1].startswith("| 기초 | [첫 \\| 페이지](../a/first.md) |"), "a | in a title would split the row"
    assert rows[2].startswith("|  | [밖](../z/outside.md) |"), "pages outside the nav come last, without a section"


def test_the_index_is_written_checked_and_removed_with_the_notebooks(scratch: Project) -> None:
    write(
        scratch.docs_dir / "demo.md", '# 데모\n\n```python\n--8<-- "demo/hello.py"\n```\n\n{{ output demo/hello.py }}\n'
    )
    write(scratch.root / "mkdocs.yml", "site_name: demo\nnav:\n  - 데모: demo.md\n")
    assert refresh_outputs(scratch).ok
    index = scratch.docs_dir / INDEX_PAGE
    report = generate(scratch)
    assert f"docs/{INDEX_PAGE}" in report.written and "[데모](../demo.md)" in index.read_text(encoding="utf-8")
    assert not generate(scratch, check=True).stale
    index.write_text("edited by hand\n", encoding="utf-8")
    assert generate(scratch, check=True).stale == [f"docs/{INDEX_PAGE}"]
    generate(scratch)
    (scratch.docs_dir / "demo.md").write_text("# 데모\n\n코드 없음\n", encoding="utf-8")
    assert f"docs/{INDEX_PAGE}" in generate(scratch).removed and not index.exists()
    assert not Path(scratch.docs_dir / "notebooks" / "demo.ipynb").exists()
