"""The source model of a snippet (``snippet_runner.source``) and its dependencies (``snippet_runner.dependencies``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_runner import dependencies
from snippet_runner.project import Project
from snippet_runner.source import Cell, SnippetSource, SnippetSyntaxError
from tiny_project import write

SNIPPET = '''"""What the snippet shows."""
import torch
import numpy as np
from os import path
# --8<-- [start:setup]
torch.manual_seed(7)
@staticmethod
def f():
    return np.random.default_rng(3)
# --8<-- [end:setup]
print(open("table.csv", encoding="utf-8").read())
'''


def _model(text: str = SNIPPET) -> SnippetSource:
    return SnippetSource.parse(text, Path("snippets/demo/s.py"))


def test_the_sections_and_the_segments_the_runner_executes() -> None:
    model = _model()
    assert [(s.name, s.start_line, s.end_line) for s in model.sections] == [("setup", 5, 10)]
    segments = [(segment.section, [stmt.lineno for stmt in segment.body]) for segment in model.segments]
    assert segments == [("", [1, 2, 3, 4]), ("setup", [6, 8]), ("", [11])], (
        "a decorator's line decides its function's section"
    )


def test_the_cells_a_notebook_gets_drop_the_docstring_and_the_markers() -> None:
    model = _model()
    assert model.docstring == "What the snippet shows."
    assert model.cells == [
        Cell("", "import torch\nimport numpy as np\nfrom os import path"),
        Cell("setup", "torch.manual_seed(7)\n@staticmethod\ndef f():\n    return np.random.default_rng(3)"),
        Cell("", 'print(open("table.csv", encoding="utf-8").read())'),
    ]


def test_imports_file_names_and_seeds() -> None:
    model = _model(SNIPPET + "from . import sibling\ntext = 'two\\nlines'\n")
    assert model.imports == {"torch", "numpy", "os"}, "relative imports are not absolute ones"
    assert model.file_names == {"What the snippet shows.", "table.csv", "utf-8"}
    assert model.seeds == [3, 7]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = (\n", "snippets/demo/s.py:1: '(' was never closed"),
        ("# --8<-- [start:a]\n# --8<-- [start:b]\n", "snippets/demo/s.py:2: section 'b' starts inside 'a'"),
        ("# --8<-- [end:a]\n", "snippets/demo/s.py:1: end of 'a' without its start"),
        ("x = 1\n# --8<-- [start:a]\n", "snippets/demo/s.py:2: section 'a' is never ended"),
        (
            "# --8<-- [start:a]\n# --8<-- [end:a]\n# --8<-- [start:a]\n# --8<-- [end:a]\n",
            "snippets/demo/s.py:3: section 'a' is defined twice",
        ),
    ],
)
def test_a_broken_snippet_names_its_file_and_line(text: str, message: str) -> None:
    with pytest.raises(SnippetSyntaxError) as error:
        _model(text)
    assert str(error.value) == message


def test_dependencies_follow_local_modules_and_name_data_in_the_checkout(
    scratch: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    snippets = scratch.snippets_dir
    main = write(
        snippets / "demo" / "main.py", "import helper\nimport torch.nn\nimport json\nprint(open('rows.txt').read())\n"
    )
    write(snippets / "demo" / "helper.py", "import shared\nNAME = 'missing.txt'\n")
    write(snippets / "shared.py", "import numpy\nPATH = 'outside.txt'\n")
    write(snippets / "demo" / "rows.txt", "1\n")
    outside = write(tmp_path_factory.mktemp("elsewhere") / "outside.txt", "not in the checkout\n")
    (snippets / "outside.txt").symlink_to(outside)
    found = dependencies.find(scratch, main)
    assert list(found.sources) == [main, snippets / "demo" / "helper.py", snippets / "shared.py"]
    assert found.modules == [snippets / "demo" / "helper.py", snippets / "shared.py"]
    assert found.data == [(snippets / "demo" / "rows.txt").resolve()]
    assert found.packages == {"torch", "numpy"}, "neither the standard library nor local modules are packages"
    assert snippets / "demo" / "missing.txt" in found.probed, "a file that would change the answer if it appeared"


def test_an_import_cycle_ends(scratch: Project) -> None:
    a = write(scratch.snippets_dir / "demo" / "a.py", "import b\n")
    write(scratch.snippets_dir / "demo" / "b.py", "import a\n")
    assert dependencies.find(scratch, a).modules == [scratch.snippets_dir / "demo" / "b.py"]
