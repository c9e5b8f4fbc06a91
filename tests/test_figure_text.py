"""English figure text from the table (``snippet_runner.figure_text``), on real matplotlib figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from snippet_runner.figure_text import Translation, leftovers, restore, translate
from snippet_runner.project import ConfigError

pytestmark = pytest.mark.filterwarnings(
    "ignore:Glyph .* missing from font"
)  # the tests' figures use matplotlib's default font
ROOT = Path(__file__).resolve().parents[1]
TABLE = """[text]
"함수" = "Function"
"함수 f(x)" = "The function f(x)"
"은닉층 {}개" = "{} hidden layers"
"시드 {}, 학습 {}회" = "seed {}, {} training steps"
"기본" = "default"
"""


def _table(tmp_path: Path, text: str = TABLE) -> Translation:
    path = tmp_path / "figure_text.en.toml"
    path.write_text(text, encoding="utf-8")
    return Translation.load(path)


def test_longer_keys_win_and_placeholders_carry_the_numbers(tmp_path: Path) -> None:
    english = _table(tmp_path)
    assert english.apply("함수 f(x)") == "The function f(x)"
    assert english.apply("함수") == "Function"
    assert english.apply("은닉층 10개 (시드 0, 학습 300회)") == "10 hidden layers (seed 0, 300 training steps)"
    assert english.apply("ReLU (He)") == "ReLU (He)"
    assert english.apply("새 낱말") == "새 낱말"  # left for leftovers() to report


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[text]\n"은닉층 {}개" = "hidden layers"\n', "the key has 1 {} and the value 0"),
        ('[text]\n"함수" = "함수"\n', "the English text has Hangul"),
        ('[text]\n"함수" = 3\n', "expected a string, got int"),
        ('"함수" = "f"\n', "put the entries under [text]"),
        ('[text]\n"함수" = "f\n', "figure_text.en.toml"),
    ],
)
def test_a_bad_table_is_refused_naming_the_file_and_the_entry(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=r"figure_text\.en\.toml") as error:
        _table(tmp_path, text)
    assert message in str(error.value)


def test_the_checkout_s_table_loads() -> None:
    assert Translation.load(ROOT / "snippets" / "figure_text.en.toml").pairs


def test_every_text_of_a_figure_is_translated_and_then_put_back(tmp_path: Path) -> None:
    english = _table(tmp_path)
    figure, (left, right) = plt.subplots(1, 2)
    left.plot([0, 1], [0, 1], label="기본")
    left.set_title("함수 f(x)")
    left.legend()
    left.set_xticks([0, 1], ["함수", "1"])  # fixed tick labels
    right.bar(["기본", "함수"], [1, 2])  # category names
    figure.suptitle("은닉층 3개")
    figure.canvas.draw()
    before = sorted(t.get_text() for t in figure.findobj(matplotlib.text.Text))

    saved = translate(figure, english)
    figure.canvas.draw()
    assert leftovers(figure) == []
    texts = {t.get_text() for t in figure.findobj(matplotlib.text.Text)}
    assert {"The function f(x)", "default", "Function", "3 hidden layers"} <= texts

    restore(saved)
    figure.canvas.draw()
    assert sorted(t.get_text() for t in figure.findobj(matplotlib.text.Text)) == before
    plt.close(figure)


def test_a_text_the_table_does_not_cover_is_reported(tmp_path: Path) -> None:
    figure, axes = plt.subplots()
    axes.set_xlabel("새 낱말 x")
    axes.set_ylabel("함수")
    translate(figure, _table(tmp_path))
    figure.canvas.draw()
    assert leftovers(figure) == ["새 낱말 x"]
    plt.close(figure)
