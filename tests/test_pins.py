"""The pinned versions a notebook's set-up cell installs, read from requirements.txt (``snippet_notebooks.pins``)."""

from __future__ import annotations

from pathlib import Path

from snippet_notebooks.pins import pinned_packages, read_pins
from snippet_runner.cachekey import Versions

ROOT = Path(__file__).resolve().parents[1]

REQUIREMENTS = """\
# A comment line, then pins written the ways pip reads them
torch==2.13.0+cpu  # local label dropped
Pillow[jpeg] == 11.0 ; python_version >= "3.8"
typing_extensions==4.12.2 \\
    --hash=sha256:0123
zope.interface==7.1
numpy>=2
matplotlib==3.11.2,!=3.11.1
-r other.txt
--index-url https://example.org/simple
demo @ https://example.org/demo-1.0.tar.gz#sha256=00
not a requirement
"""


def test_pins_with_extras_markers_comments_and_options(tmp_path: Path) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(REQUIREMENTS, encoding="utf-8")
    assert read_pins(requirements) == {
        "torch": "2.13.0",
        "pillow": "11.0",
        "typing-extensions": "4.12.2",
        "zope-interface": "7.1",
        "matplotlib": "3.11.2",
    }


def test_pins_are_found_by_any_spelling_of_the_name(tmp_path: Path) -> None:
    pins = {"typing-extensions": "4.12.2", "zope-interface": "7.1", "torch": "2.13.0"}
    versions = Versions(_versions={"Typing_Extensions": "x", "zope.interface": "x"})
    found = pinned_packages({"Typing_Extensions", "zope.interface"}, pins, versions)
    assert found == {"Typing_Extensions": "4.12.2", "torch": "2.13.0", "zope.interface": "7.1"}


def test_the_real_requirements_pin_the_provenance_packages() -> None:
    pins = read_pins(ROOT / "requirements.txt")
    assert {"torch", "numpy", "matplotlib", "markdown-it-py", "pyyaml"} <= pins.keys()
    assert read_pins(ROOT / "missing.txt") == {}
