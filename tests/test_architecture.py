"""The layout is the architecture: the engine knows no site generator, and only the adapter knows MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
GENERATORS = ("mkdocs", "material", "pymdownx", "zensical")
MKDOCS_ONLY = {"snippet_site/plugin.py", "snippet_site/notebook_nav.py"}
"""The MkDocs plugin and the navigation it edits; every other adapter module runs on any generator."""


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def _modules(package: str) -> list[Path]:
    modules = sorted((SRC / package).rglob("*.py"))
    assert modules, f"no modules under src/{package}"
    return modules


def _top(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


ENGINE_SURFACE = {"snippet_runner", "snippet_runner.api"}
"""What the upper layers may import of the engine: its error base and its facade (``snippet_runner/api.py``)."""


@pytest.mark.parametrize(
    "path", [*_modules("snippet_notebooks"), *_modules("snippet_site")], ids=lambda p: p.parent.name + "/" + p.name
)
def test_the_upper_layers_use_only_the_engines_public_surface(path: Path) -> None:
    engine = {name for name in _imports(path) if _top({name}) == {"snippet_runner"}}
    assert engine <= ENGINE_SURFACE, (
        f"{path.relative_to(SRC)} imports {sorted(engine - ENGINE_SURFACE)}: use snippet_runner.api "
        "(add the name there if the upper layers need it)"
    )


@pytest.mark.parametrize("path", _modules("snippet_runner"), ids=lambda p: p.name)
def test_the_engine_imports_no_site_generator_and_nothing_above_it(path: Path) -> None:
    used = _top(_imports(path))
    assert not used & {*GENERATORS, "snippet_site", "snippet_notebooks", "markdown"}, (
        f"{path.relative_to(SRC)} imports {sorted(used)}"
    )


@pytest.mark.parametrize("path", _modules("snippet_notebooks"), ids=lambda p: p.name)
def test_the_notebooks_import_no_mkdocs_and_not_the_adapter(path: Path) -> None:
    used = _top(_imports(path))
    assert not used & {"mkdocs", "material", "zensical", "snippet_site"}, (
        f"{path.relative_to(SRC)} imports {sorted(used)}"
    )


@pytest.mark.parametrize("path", _modules("snippet_site"), ids=lambda p: p.name)
def test_only_the_mkdocs_plugin_imports_mkdocs(path: Path) -> None:
    name = path.relative_to(SRC).as_posix()
    uses_mkdocs = "mkdocs" in _top(_imports(path))
    assert uses_mkdocs == (name in MKDOCS_ONLY), (
        f"{name}: imports mkdocs: {uses_mkdocs}; allowed only in {sorted(MKDOCS_ONLY)}"
    )


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "late.py"
    module.write_text(
        "def f():\n    from mkdocs.plugins import BasePlugin\n    import material.extensions\n", encoding="utf-8"
    )
    assert _top(_imports(module)) == {"mkdocs", "material"}


def test_no_two_public_classes_share_a_name() -> None:
    """One name, one thing: grep finds the class a message or a traceback names."""
    defined: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                defined.setdefault(node.name, []).append(path.relative_to(SRC).as_posix())
    assert defined, "no class found under src/"
    assert not {name: where for name, where in defined.items() if len(where) > 1}
