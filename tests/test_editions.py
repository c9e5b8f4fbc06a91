"""The English edition (docs-en/) and the Korean pages (docs/) use the same runs (``snippet_site.editions``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from snippet_notebooks import words
from snippet_notebooks.site import Site, read_config
from snippet_runner import reader_check
from snippet_runner.editions import EDITIONS, LANGUAGES, ORIGINAL
from snippet_runner.figure_text import HANGUL
from snippet_runner.project import ConfigError
from snippet_runner.wording import WordsError, load_words
from snippet_site import editions, language

ROOT = Path(__file__).resolve().parents[1]

PAGE = """# ReLU {{ #relu }}

{{{{ output activation/relu/verify.py }}}}

The slope is {{{{ value activation/relu/verify.py slope .2f }}}}.

{{{{ figure activation/relu/plot.py:main "{caption}" }}}}

```python
--8<-- "activation/relu/verify.py"
```
"""


def _site(tmp_path: Path, korean: dict[str, str], english: dict[str, str], differences: str = "") -> Path:
    for folder, files in ((editions.KOREAN, korean), (editions.ENGLISH, english)):
        for name, text in files.items():
            (tmp_path / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    if differences:
        (tmp_path / editions.DIFFERENCES).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / editions.DIFFERENCES).write_text(differences, encoding="utf-8")
    return tmp_path


def test_the_checkout_s_editions_state_the_same_numbers() -> None:
    assert editions.check(ROOT) == []


def test_the_glossary_tooltips_exist_in_both_languages() -> None:
    def terms(name: str) -> list[str]:
        lines = (ROOT / "includes" / name).read_text(encoding="utf-8").splitlines()
        return [line.split("]:", 1)[0] for line in lines if line.startswith("*[")]

    korean, english = terms("abbreviations.md"), terms("abbreviations.en.md")
    assert len(korean) == len(english), (
        "includes/abbreviations.en.md must define one term for each of includes/abbreviations.md, in order"
    )
    for ko, en in zip(korean, english, strict=False):
        assert not HANGUL.search(en), f"abbreviations.en.md: {en} is not English"
        assert HANGUL.search(ko) or ko == en, f"abbreviations.en.md: {en} stands where abbreviations.md has {ko}"


def test_twins_with_translated_captions_and_prose_agree(tmp_path: Path) -> None:
    root = _site(
        tmp_path, {"a.md": PAGE.format(caption="ReLU 그래프")}, {"a.md": PAGE.format(caption="The ReLU graph")}
    )
    assert editions.check(root) == []


def test_a_page_without_its_twin_is_named_either_way(tmp_path: Path) -> None:
    root = _site(tmp_path, {"a.md": "# A", "b/c.md": "# C"}, {"a.md": "# A", "d.md": "# D"})
    problems = editions.check(root)
    assert any("docs/b/c.md has no English twin: write docs-en/b/c.md" in p for p in problems)
    assert any("docs-en/d.md has no Korean original" in p for p in problems)


def test_a_changed_value_is_named_with_both_lines(tmp_path: Path) -> None:
    english = PAGE.format(caption="x").replace("slope .2f", "slope .3f")
    problems = editions.check(_site(tmp_path, {"a.md": PAGE.format(caption="x")}, {"a.md": "\n" + english}))
    assert len(problems) == 1
    assert "reference 2 differs: docs/a.md:5 has {{ value activation/relu/verify.py slope .2f" in problems[0]
    assert "docs-en/a.md:6 has {{ value activation/relu/verify.py slope .3f" in problems[0]


def test_a_dropped_output_and_a_renamed_anchor_are_found(tmp_path: Path) -> None:
    english = (
        PAGE.format(caption="x").replace("{{ output activation/relu/verify.py }}", "").replace("#relu", "#relu-intro")
    )
    problems = editions.check(_site(tmp_path, {"a.md": PAGE.format(caption="x")}, {"a.md": english}))
    assert [p.split(":")[1].strip().split(" differs")[0] for p in problems] == ["reference 1", "anchor 1"]


def test_a_declared_difference_is_allowed_and_must_name_a_page_and_a_reason(tmp_path: Path) -> None:
    korean, english = {"a.md": PAGE.format(caption="x")}, {"a.md": "# A, told otherwise"}
    assert (
        editions.check(
            _site(tmp_path, korean, english, '[differences]\n"a.md" = "the English page explains it in prose"\n')
        )
        == []
    )
    assert editions.check(_site(tmp_path, korean, english, '[differences]\n"a.md" = "why"\n"z.md" = "gone"\n')) == [
        "includes/editions.toml: z.md is not a page of both editions"
    ]
    with pytest.raises(ConfigError, match=re.escape('"a.md": give the reason')):
        editions.check(_site(tmp_path, korean, english, '[differences]\n"a.md" = ""\n'))


def test_the_generated_notebook_pages_are_not_compared(tmp_path: Path) -> None:
    root = _site(tmp_path, {"a.md": "# A", "notebooks/index.md": "# 노트북"}, {"a.md": "# A"})
    assert editions.check(root) == []


def test_the_registry_is_what_each_configuration_says() -> None:
    """Each edition's configuration builds its pages folder in its language, into its folder of the site."""
    root_url = Site.from_mkdocs(ROOT / ORIGINAL.config).site_url
    for edition in EDITIONS:
        config = read_config(ROOT / edition.config)
        assert config.get("docs_dir", "docs") == edition.docs, edition
        assert config["theme"]["language"] == edition.language, edition
        assert Site.from_mkdocs(ROOT / edition.config).site_url == root_url + edition.site_folder, edition


def test_every_edition_has_its_words_in_every_layer() -> None:
    """The words around a directive, the notebooks' cells and the reader's check: one table each, keyed by
    the registry's languages; a new edition fails here until each table has its words."""
    for table in (language.WORDS, words.WORDS, reader_check.PHRASES):
        assert sorted(table) == sorted(LANGUAGES)


def test_a_words_file_that_does_not_match_its_dataclass_is_named_with_the_key(tmp_path: Path) -> None:
    korean = (ROOT / "src" / "snippet_runner" / "words.ko.toml").read_text(encoding="utf-8")
    (tmp_path / "words.ko.toml").write_text(korean.replace("timing = ", "timings = "), encoding="utf-8")
    with pytest.raises(WordsError) as error:
        load_words(reader_check.CheckPhrases, tmp_path, "ko")
    assert str(tmp_path / "words.ko.toml") in str(error.value) and "missing timing" in str(error.value)
    assert "unknown timings" in str(load_error(tmp_path, korean.replace("timing = ", "timing = 1\ntimings = ", 1)))
    with pytest.raises(WordsError, match=r"words\.en\.toml: missing"):
        load_words(reader_check.CheckPhrases, tmp_path, "en")


def load_error(folder: Path, text: str) -> WordsError:
    (folder / "words.ko.toml").write_text(text, encoding="utf-8")
    with pytest.raises(WordsError) as error:
        load_words(reader_check.CheckPhrases, folder, "ko")
    return error.value
