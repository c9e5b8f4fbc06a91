"""A page's exercises (``snippets/<area>/<page>/exercises.py``, one section per exercise, its answer
behind a collapsed block on the page): in the page's notebook, each answer follows an empty cell in
which the reader writes their own try, in the notebook's language."""

from __future__ import annotations

import io
from pathlib import Path

import nbformat

from snippet_notebooks import cli
from snippet_runner.project import Project
from snippet_runner.refresh import refresh_outputs
from tiny_project import PINNED_ONLY, write

EXERCISES = """# --8<-- [start:exercise_1]
# 연습 1. ReLU(-3)은 얼마인가요?
answer_1 = max(0.0, -3.0)
print("ReLU(-3) =", answer_1)
# --8<-- [end:exercise_1]
# --8<-- [start:exercise_2]
# 연습 2. ReLU(2)는 얼마인가요?
answer_2 = max(0.0, 2.0)
print("ReLU(2) =", answer_2)
# --8<-- [end:exercise_2]
"""
PAGE = """# {title}

## {heading} {{ #exercises }}

1. ReLU(-3)?

    ??? success "{answer}"
        ```python
        --8<-- "demo/exercises.py:exercise_1"
        ```

2. ReLU(2)?

    ??? success "{answer}"
        ```python
        --8<-- "demo/exercises.py:exercise_2"
        ```
"""


def test_each_answer_follows_an_empty_cell_to_write_in(tmp_path: Path) -> None:
    write(tmp_path / "snippets" / "snippets.toml", PINNED_ONLY)
    write(tmp_path / "snippets" / "demo" / "exercises.py", EXERCISES)
    write(
        tmp_path / "snippets" / "demo" / "text.en.toml",
        '[text]\n"연습 1. ReLU(-3)은 얼마인가요?" = "Exercise 1. What is ReLU(-3)?"\n'
        '"연습 2. ReLU(2)는 얼마인가요?" = "Exercise 2. What is ReLU(2)?"\n',
    )
    write(tmp_path / "docs" / "demo.md", PAGE.format(title="데모", heading="연습 문제", answer="답"))
    write(tmp_path / "docs-en" / "demo.md", PAGE.format(title="Demo", heading="Exercises", answer="Answer"))
    write(tmp_path / "mkdocs.yml", "site_url: https://example.org/demo/\nnav:\n  - 데모: demo.md\n")
    write(
        tmp_path / "mkdocs.en.yml",
        "INHERIT: mkdocs.yml\nsite_url: https://example.org/demo/en/\ndocs_dir: docs-en\ntheme:\n  language: en\n",
    )
    assert refresh_outputs(Project.at(tmp_path), stream=io.StringIO()).ok
    assert cli.main(["--root", str(tmp_path), "-q"]) == 0
    for docs, prompt, question in (
        ("docs", "# 연습: 답을 보기 전에", "# 연습 1. ReLU(-3)은"),
        ("docs-en", "# Exercise: before you look at the answer", "# Exercise 1. What is ReLU(-3)?"),
    ):
        code = [
            cell.source
            for cell in nbformat.read(tmp_path / docs / "notebooks" / "demo.ipynb", as_version=4).cells
            if cell.cell_type == "code"
        ]
        answers = [number for number, source in enumerate(code) if "· exercise_" in source.splitlines()[0]]
        assert len(answers) == 2, code
        assert all(code[number - 1].startswith(prompt) for number in answers), code
        assert question in code[answers[0]]
