"""The reader's check (``snippet_runner.reader_check``) says its verdict in either edition's language."""

from __future__ import annotations

import re

import pytest

from snippet_runner.compare import Drift
from snippet_runner.drift_rules import Tolerance
from snippet_runner.reader_check import ENGLISH, KOREAN, CheckError, CheckPhrases, Verdict

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SAME = Verdict("demo/moves.py", Tolerance(1e-3, 1e-9), numbers=2, moved=1)
DIFFERENT = Verdict(
    "demo/moves.py",
    Tolerance(0.0, 0.0, 3.0),
    [Drift("line 1", "0.5000", "0.5100"), Drift("main: text changed", "", "\n-a\n+b")],
)


def test_the_korean_verdict_is_unchanged() -> None:
    assert (
        SAME.text()
        == "snippets/demo/moves.py: 같음 (허용 오차 안). 숫자 2개 중 1개는 페이지와 같고, 1개는 허용 오차(상대 0.001, 절대 1e-09) 안에서 다릅니다."
    )
    assert DIFFERENT.text("ko").splitlines() == [
        "snippets/demo/moves.py: 다름 (허용 오차: 시간 측정: 3배 안)",
        "  줄 1: 페이지 0.5000, 여기 0.5100",
        "  숫자 말고도 글자가 다른 줄이 있습니다 (- 페이지, + 여기):",
        "-a",
        "+b",
    ]


def test_the_english_verdict_has_no_korean() -> None:
    assert SAME.text("en") == (
        "snippets/demo/moves.py: same (within the tolerance). 2 numbers: 1 as on the page, 1 different but within the tolerance "
        "(relative 0.001, absolute 1e-09)."
    )
    english = DIFFERENT.text("en")
    assert english.splitlines()[:2] == [
        "snippets/demo/moves.py: different (tolerance: a timing: within a factor of 3)",
        "  line 1: page 0.5000, here 0.5100",
    ]
    assert not HANGUL.search(english)
    fields = re.compile(r"\{([^}:]*)")
    for name in CheckPhrases.__dataclass_fields__:
        assert fields.findall(getattr(KOREAN, name)) == fields.findall(getattr(ENGLISH, name)), name


def test_an_unknown_language_is_named() -> None:
    with pytest.raises(CheckError, match="'fr'"):
        SAME.text("fr")


def test_check_output_answers_in_the_language_asked(tmp_path, capsys) -> None:
    from pathlib import Path

    from snippet_runner import cli, store
    from snippet_runner.english import EnglishEdition
    from snippet_runner.project import Project

    root = Path(__file__).resolve().parents[1]
    korean = store.require_outputs(Project.at(root), "activation/relu/verify.py")["sections"][""]
    english = EnglishEdition(Project.at(root)).output("activation/relu/verify.py", "", korean)
    for language, verdict in (("en", "same (within the tolerance)"), ("ko", "같음 (허용 오차 안)")):
        printed = tmp_path / f"printed.{language}.txt"
        printed.write_text(english if language == "en" else korean, encoding="utf-8")
        code = cli.main(
            [
                "--root",
                str(root),
                "check-output",
                "--language",
                language,
                "snippets/activation/relu/verify.py",
                str(printed),
            ]
        )
        assert code == 0 and verdict in capsys.readouterr().out
