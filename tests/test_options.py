"""``snippets/snippets.toml`` is checked when it is read: a wrong type, a value out of range or an
unknown key is named with its file, table and key, and the command line exits with status 2."""

from __future__ import annotations

import tomllib

import pytest

from snippet_runner.project import ConfigError, Options, Project
from tiny_project import Tiny

CONFIG = "snippets/snippets.toml"


def _load(tiny: Tiny, text: str) -> dict[str, Options]:
    tiny.write(CONFIG, text)
    return Project.at(tiny.root).load_options()


def test_a_wrong_type_stops_the_command_line_with_status_2(tiny: Tiny) -> None:
    tiny.write(CONFIG, '[defaults]\ntimeout = "60"\n')
    result = tiny.runner("run")
    assert result.returncode == 2, result.stderr
    assert "snippets.toml" in result.stderr and "[defaults] timeout = '60'" in result.stderr
    assert "expected a number" in result.stderr and "got str" in result.stderr
    assert "Traceback" not in result.stderr
    assert not tiny.outputs.exists(), "nothing runs with a broken config"


def test_valid_options_are_read_with_defaults_underneath(tiny: Tiny) -> None:
    table = _load(tiny, '[defaults]\ntimeout = 30\n\n["demo/good.py"]\nrel_tol = 1e-3\ncpu_paths = ["native"]\n')
    assert table["defaults"].timeout == 30
    assert (table["demo/good.py"].timeout, table["demo/good.py"].rel_tol) == (30, 1e-3)
    assert table["demo/good.py"].cpu_paths == ["native"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '["demo/good.py"]\nthreads = 1.5\n',
            r'\["demo/good.py"\] threads = 1.5: expected a whole number \(int\), got float',
        ),
        ("[defaults]\ntiming = true\n", r"\[defaults\] timing = True: expected a number \(float\), got bool"),
        ('["demo/good.py"]\nimage_tol = "1"\n', r"image_tol = '1': expected a number \(float\), got str"),
        ("[defaults]\nthreads = true\n", r"\[defaults\] threads = True: expected a whole number"),
        ('[defaults]\ncpu_paths = "native"\n', r"cpu_paths = 'native': expected a list of strings"),
        ("[defaults]\ncpu_paths = [1]\n", r"cpu_paths = \[1\]: unknown path 1"),
        ('[defaults]\ncpu_paths = ["pinned"]\n', r"unknown path 'pinned'"),
        ("[defaults]\ntimeout = 0\n", r"timeout = 0: expected a value greater than 0"),
        ("[defaults]\ntimeout = -5.0\n", r"timeout = -5.0: expected a value greater than 0"),
        ("[defaults]\ntimeout = nan\n", r"timeout = nan: expected a value greater than 0"),
        ("[defaults]\nthreads = 0\n", r"threads = 0: expected a value at least 1"),
        ('["demo/good.py"]\nmemory_mb = -1\n', r"memory_mb = -1: expected a value at least 1"),
        ("[defaults]\nrel_tol = -1e-6\n", r"rel_tol = -1e-06: expected a value at least 0"),
        (
            "[defaults]\ntiming = 0.5\n",
            r"timing = 0.5: expected 0 \(not a timing measurement\) or a factor of at least 1",
        ),
        ("[defaults]\ntiming = -1.0\n", r"timing = -1.0: expected a value at least 0"),
        ("[defaults]\ntimout = 60\n", r"\[defaults\] has unknown keys \['timout'\]"),
        ('["demo/good.py"]\nfoo = 1\n', r'\["demo/good.py"\] has unknown keys \[\'foo\'\]'),
        ("timeout = 60\n", r"timeout = 60 is not a table"),
        ("[defaults\n", r"Expected ']'"),
    ],
)
def test_a_bad_option_is_named_with_file_table_and_key(tiny: Tiny, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=r"snippets\.toml: .*" + message):
        _load(tiny, text)


def test_the_sites_options_restate_no_default(project: Project) -> None:
    """Each default is written once, in ``Options``: a table of the site's ``snippets.toml`` that repeats
    one would hide a later change of the default from that snippet."""
    defaults = Options()
    tables = tomllib.loads(project.config_file.read_text(encoding="utf-8"))
    restated = [
        f"[{table}] {key} = {value!r}"
        for table, keys in tables.items()
        for key, value in keys.items()
        if value == getattr(defaults, key)
    ]
    assert not restated, f"{project.config_file} repeats the defaults of Options: {restated}"
