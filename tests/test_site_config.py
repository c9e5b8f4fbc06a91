"""Reading where an edition's site and the repository live from mkdocs.yml or mkdocs.en.yml, with what
it inherits (``snippet_notebooks.site``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from snippet_notebooks.site import Site, SiteConfigError, edition_config, editions, read_config
from snippet_runner.project import Project

ROOT = Path(__file__).resolve().parents[1]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_the_real_mkdocs_yml() -> None:
    site = Site.from_mkdocs(ROOT / "mkdocs.yml")
    assert (site.site_url, site.repo_url, site.branch) == (
        "https://relu-docs.github.io/relu-docs/",
        "https://github.com/relu-docs/relu-docs",
        "main",
    )
    assert site.nav[0] == ("", "index.md") and ("활성화 함수", "activation/relu.md") in site.nav


def test_unknown_tags_read_as_nothing_and_never_run(tmp_path: Path) -> None:
    touched = tmp_path / "touched"
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: demo\n"
        "site_url: 'https://example.org/docs'  # no trailing slash\n"
        'repo_url: "https://github.com/me/demo/"\n'
        "edit_uri: blob/dev/docs/\n"
        "site_dir: !ENV [SITE_DIR, site]\n"
        f"hook: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{touched}']]\n"
        "markdown_extensions:\n"
        "  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n",
        encoding="utf-8",
    )
    assert Site.from_mkdocs(config) == Site(
        site_url="https://example.org/docs/", repo_url="https://github.com/me/demo", branch="dev"
    )
    assert not touched.exists()


def test_missing_settings_and_bad_yaml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: demo\n", encoding="utf-8")
    assert Site.from_mkdocs(config) == Site(site_url="", repo_url="", branch="main")
    config.write_text("site_url: [unclosed\n", encoding="utf-8")
    with pytest.raises(SiteConfigError, match=r"mkdocs\.yml"):
        Site.from_mkdocs(config)


def test_the_nav_is_read_in_order_with_its_top_level_sections(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "nav:\n  - index.md\n  - 기초:\n      - 미분: math/calculus.md\n      - 더:\n          - b.md\n"
        "  - 바깥: https://example.org/\n  - 끝: z.md\n",
        encoding="utf-8",
    )
    assert Site.from_mkdocs(config).nav == (
        ("", "index.md"),
        ("기초", "math/calculus.md"),
        ("기초", "b.md"),
        ("", "z.md"),
    )


def test_an_edition_s_config_inherits_and_overrides_like_mkdocs(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://x.io/a/\nrepo_url: https://github.com/o/r\nedit_uri: edit/trunk/docs/\n"
        "theme:\n  language: ko\n  name: material\n  features: [a, b]\nnav:\n  - 홈: index.md\n  - 기초: [b.md]\n",
        encoding="utf-8",
    )
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "mkdocs.en.yml").write_text(
        "INHERIT: ../mkdocs.yml\nsite_url: https://x.io/a/en/\ndocs_dir: ./docs-en/\n"
        "theme:\n  language: en\n  features: [c]\nnav:\n  - Home: index.md\n",
        encoding="utf-8",
    )
    site = Site.from_mkdocs(tmp_path / "en" / "mkdocs.en.yml")
    assert (site.site_url, site.repo_url, site.branch, site.language, site.docs_dir) == (
        "https://x.io/a/en/",
        "https://github.com/o/r",
        "trunk",
        "en",
        "docs-en",
    ), "the parent is found relative to the file; the child's settings win"
    assert site.nav == (("", "index.md"),), "a list (nav) is replaced, not merged"
    theme = read_config(tmp_path / "en" / "mkdocs.en.yml")["theme"]
    assert theme == {"language": "en", "name": "material", "features": ["c"]}, "mappings are merged, lists replaced"
    assert (
        site.notebook_colab_url("notebooks/b.ipynb")
        == "https://colab.research.google.com/github/o/r/blob/trunk/docs-en/notebooks/b.ipynb"
    )
    korean = Site.from_mkdocs(tmp_path / "mkdocs.yml")
    assert (korean.language, korean.docs_dir) == ("ko", "docs")


def test_an_inherit_loop_or_a_missing_parent_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("INHERIT: b.yml\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("INHERIT: a.yml\n", encoding="utf-8")
    with pytest.raises(SiteConfigError, match="INHERIT"):
        Site.from_mkdocs(tmp_path / "a.yml")
    (tmp_path / "c.yml").write_text("INHERIT: nowhere.yml\n", encoding="utf-8")
    with pytest.raises(SiteConfigError, match=r"nowhere\.yml"):
        Site.from_mkdocs(tmp_path / "c.yml")


def test_the_real_english_edition(tmp_path: Path) -> None:
    site = Site.from_mkdocs(ROOT / "mkdocs.en.yml")
    assert (site.site_url, site.repo_url, site.branch, site.language, site.docs_dir) == (
        "https://relu-docs.github.io/relu-docs/en/",
        "https://github.com/relu-docs/relu-docs",
        "main",
        "en",
        "docs-en",
    )
    assert site.nav[0] == ("", "index.md") and not any(HANGUL.search(section) for section, _ in site.nav)
    assert editions(ROOT) == [("docs", ROOT / "mkdocs.yml"), ("docs-en", ROOT / "mkdocs.en.yml")]
    assert edition_config(Project.at(ROOT, docs="docs-en")) == ROOT / "mkdocs.en.yml"
    assert edition_config(Project.at(ROOT)) == ROOT / "mkdocs.yml"
    with pytest.raises(SiteConfigError, match="docs-fr"):
        edition_config(Project.at(tmp_path, docs="docs-fr"))
