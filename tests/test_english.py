"""The English edition's code and output (``snippet_runner.english``): comments, strings and printed
lines through the translation tables; the code's logic and the run's numbers stay as they ran; a Korean
word left over is named with its snippet and line."""

from __future__ import annotations

import markdown
import pytest

from snippet_runner.api import HANGUL, INCLUDE_LINE, scan
from snippet_runner.english import (
    EnglishEdition,
    EnglishMissing,
    english_output,
    english_source,
    section_lines,
    translation_for,
)
from snippet_runner.figure_text import Translation, Untranslated
from snippet_runner.project import Project
from tiny_project import Tiny

TABLE = Translation(
    (
        ("은닉층 {}개 × 너비 {}", "{} hidden layers × width {}"),
        ("정확도를 출력합니다", "Print the accuracy"),
        ("정확도", "accuracy"),
    )
)
SOURCE = '''"""정확도를 출력합니다."""
depth, width = 3, 8
acc = 0.95  # 정확도
print(f"은닉층 {depth}개 × 너비 {width:>2}", "정확도", acc)
'''


def test_comments_docstrings_and_strings_are_translated_and_nothing_else() -> None:
    english = english_source(SOURCE, TABLE, "snippets/demo/a.py")
    assert english.leftovers == []
    assert english.text == (
        '"""Print the accuracy."""\n'
        "depth, width = 3, 8\n"
        "acc = 0.95  # accuracy\n"
        'print(f"{depth} hidden layers × width {width:>2}", "accuracy", acc)\n'
    )


def test_what_has_no_english_is_named_by_file_line_and_its_korean() -> None:
    english = english_source(SOURCE + "# 남은 주석\n", TABLE, "snippets/demo/a.py")
    assert [str(leftover) for leftover in english.leftovers] == ["snippets/demo/a.py:5: ' 남은 주석'"]


@pytest.mark.parametrize(
    ("english", "message"),
    [
        ('say "hi"', r"snippets/demo/a\.py:1: the English of a string breaks the code"),
        ("{x}", r"the English of a string changes the code"),
    ],
)
def test_a_translation_that_would_change_the_code_is_refused(english: str, message: str) -> None:
    with pytest.raises(Untranslated, match=message):
        english_source('print(f"안녕 {1}")\n', Translation((("안녕", english),)), "snippets/demo/a.py")


def test_printed_lines_keep_the_runs_numbers() -> None:
    text, leftovers = english_output("은닉층 3개 × 너비  8 정확도 0.95\n그 밖", TABLE, "demo output")
    assert text == "3 hidden layers × width  8 accuracy 0.95\n그 밖"
    assert [str(leftover) for leftover in leftovers] == ["demo output line 2: '그 밖'"]
    with pytest.raises(Untranslated, match=r"demo output line 1: the English changes the numbers"):
        english_output("층 하나", Translation((("하나", "1"),)), "demo output")


def test_a_nearer_table_wins_and_the_figure_table_applies_too(tiny: Tiny) -> None:
    tiny.write("snippets/figure_text.en.toml", '[text]\n"함수" = "Function"\n"값" = "Value"\n')
    tiny.write("snippets/text.en.toml", '[text]\n"값" = "value (shared)"\n')
    tiny.write("snippets/demo/text.en.toml", '[text]\n"값" = "value"\n')
    table = translation_for(Project.at(tiny.root), "demo/good.py")
    assert table.apply("함수 값") == "Function value"


def test_a_page_or_notebook_with_korean_left_fails_naming_the_table_to_fill(tiny: Tiny) -> None:
    tiny.write("snippets/demo/good.py", "# 설명\nprint('값', 1)\n")
    assert tiny.runner("run").returncode == 0
    edition = EnglishEdition(Project.at(tiny.root))
    with pytest.raises(EnglishMissing, match=r"snippets/demo/text\.en\.toml .*\n  snippets/demo/good\.py:1: ' 설명'"):
        edition.source("demo/good.py")
    tiny.write("snippets/demo/text.en.toml", '[text]\n"설명" = "About"\n"값" = "value"\n')
    assert EnglishEdition(Project.at(tiny.root)).source("demo/good.py") == "# About\nprint('value', 1)\n"
    assert EnglishEdition(Project.at(tiny.root)).output("demo/good.py", "", "값 1\n") == "value 1\n"
    english_reader = tiny.runner("check-output", "demo/good.py", "--language", "en", stdin="value 1\n")
    assert english_reader.returncode == 0, english_reader.stdout + english_reader.stderr
    assert tiny.runner("check-output", "demo/good.py", "--language", "en", stdin="값 1\n").returncode == 1


def test_an_include_shows_the_lines_pymdown_snippets_shows(project: Project) -> None:
    """``section_lines`` against pymdown's own extraction, for every include of the Korean pages."""
    includes = set()
    for page in project.docs_dir.rglob("*.md"):
        lines = page.read_text(encoding="utf-8").splitlines()
        code = scan(lines)
        includes |= {
            (match.group("path"), match.group("section") or "")
            for number, line in enumerate(lines)
            if code.in_fence(number) and (match := INCLUDE_LINE.match(line))
        }
    assert len(includes) > 100
    for path, section in sorted(includes):
        reference = f"{path}:{section}" if section else path
        html = markdown.Markdown(
            extensions=["pymdownx.snippets"],
            extension_configs={"pymdownx.snippets": {"base_path": [str(project.snippets_dir)]}},
        )
        shown = html.preprocessors["snippet"].run([f'--8<-- "{reference}"'])
        text = (project.snippets_dir / path).read_text(encoding="utf-8")
        assert section_lines(text, section) == shown, reference


def test_no_code_block_written_on_an_english_page_holds_korean(project: Project) -> None:
    """Blocks made from snippets fail the build when Korean is left in them; a block written on the page
    itself is held here, with its file and line."""
    found = []
    for page in sorted((project.root / "docs-en").rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        code = scan(lines)
        found += [
            f"{page.relative_to(project.root)}:{number + 1}: {line.strip()}"
            for number, line in enumerate(lines)
            if code.in_fence(number) and HANGUL.search(line)
        ]
    assert not found, "Korean in a code block of the English edition:\n" + "\n".join(found)
