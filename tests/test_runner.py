"""The runner in process on a tiny throwaway project: caching, sections, values, figures and waiting runs.

What a user sees from the command line (failures, timeouts, refused writes, broken manifests, bad
options) is tested once, through the CLI, in `test_faults.py`, `test_containment.py` and `test_options.py`.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from snippet_runner import store
from snippet_runner.compare import compare_outputs, drift_report
from snippet_runner.project import ConfigError, Options, Project
from snippet_runner.refresh import PassReport, refresh_outputs
from tiny_project import PINNED_ONLY

HELLO = """\
# --8<-- [start:greet]
greeting = "안녕"
print(greeting, 1.5)
# --8<-- [end:greet]
total = sum(range(5))
print("total", total)
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(project: Project, **kwargs) -> tuple[PassReport, str]:
    log = io.StringIO()
    report = refresh_outputs(project, stream=log, **kwargs)
    return report, log.getvalue()


@pytest.fixture
def tiny(tmp_path: Path) -> Project:
    write(tmp_path / "snippets" / "demo" / "hello.py", HELLO)
    write(tmp_path / "snippets" / "snippets.toml", PINNED_ONLY)
    write(tmp_path / "docs" / "demo.md", "# 데모\n\n{{ output demo/hello.py:greet }}\n")
    return Project.at(tmp_path)


def test_run_records_sections_values_and_manifest(tiny: Project) -> None:
    report, log = run(tiny)
    assert report.ran == ["demo/hello.py"] and report.ok
    assert log.strip().splitlines()[-1].startswith("snippets: 1 ran, 0 cached, 0 failed in ")
    outputs = store.require_outputs(tiny, "demo/hello.py")
    assert outputs["sections"]["greet"] == "안녕 1.5\n"
    assert outputs["sections"][""] == "안녕 1.5\ntotal 10\n"
    assert outputs["values"] == {"greeting": "안녕", "total": 10}
    entry = store.load_manifest(tiny)["demo/hello.py"]
    assert set(entry.versions) == {"python", "torch", "numpy", "matplotlib"}
    assert entry.output_sha256 == store.sha256(store.outputs_file(tiny, "demo/hello.py").read_bytes())


def test_second_run_is_cached_and_prose_edits_run_nothing(tiny: Project) -> None:
    run(tiny)
    write(tiny.docs_dir / "demo.md", "# 데모\n\n다른 문장.\n\n{{ output demo/hello.py:greet }}\n")
    report, log = run(tiny)
    assert (report.ran, report.cached) == ([], ["demo/hello.py"])
    assert "0 ran, 1 cached, 0 failed" in log


def test_editing_one_snippet_runs_exactly_that_one(tiny: Project) -> None:
    write(tiny.snippets_dir / "demo" / "other.py", "print('other')\n")
    run(tiny)
    write(tiny.snippets_dir / "demo" / "other.py", "print('changed')\n")
    report, _ = run(tiny)
    assert report.ran == ["demo/other.py"] and report.cached == ["demo/hello.py"]


def test_a_hanging_snippet_times_out_by_name(tiny: Project) -> None:
    write(tiny.config_file, '["demo/slow.py"]\ntimeout = 1\n')
    write(tiny.snippets_dir / "demo" / "slow.py", "import time\nwhile True:\n    time.sleep(0.01)\n")
    report, _ = run(tiny)
    assert "demo/slow.py: timed out after 5 s of waiting (5 times its `timeout`" in report.failures["demo/slow.py"], (
        "a sleeping run is stopped by the wall clock"
    )
    assert report.ran == ["demo/hello.py"]
    assert store.load_outputs(tiny, "demo/slow.py") is None


def test_check_mode_runs_nothing_and_fails_on_stale(tiny: Project) -> None:
    report, _ = run(tiny, check=True)
    assert report.ran == [] and "never run" in report.failures["demo/hello.py"]
    run(tiny)
    assert run(tiny, check=True)[0].ok


def test_figures_are_captured_per_section_and_byte_identical(tiny: Project) -> None:
    write(
        tiny.snippets_dir / "demo" / "plot.py",
        "import matplotlib.pyplot as plt\n# --8<-- [start:curve]\nfig, ax = plt.subplots(figsize=(3, 2))\n"
        "ax.plot([-1, 0, 1], [1, 0, 1])\nax.set_title('기울기 −1')\n# --8<-- [end:curve]\n",
    )
    write(tiny.figure_text_file, '[text]\n"기울기 {}" = "slope {}"\n')
    run(tiny)
    first = store.require_outputs(tiny, "demo/plot.py")["figures"]
    assert [f["section"] for f in first] == ["curve"]
    assert len({first[0][variant] for variant in store.FIGURE_VARIANTS}) == 4, "as drawn, dark, English, English dark"
    png = (store.figures_dir(tiny, "demo/plot.py") / first[0]["file"]).read_bytes()
    run(tiny, force=True)
    second = store.require_outputs(tiny, "demo/plot.py")["figures"]
    assert second == first
    assert (store.figures_dir(tiny, "demo/plot.py") / second[0]["file"]).read_bytes() == png


def test_a_missing_glyph_is_an_error(tiny: Project) -> None:
    write(
        tiny.snippets_dir / "demo" / "glyph.py",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_title('\\u0f00 티베트 문자')\n",
    )
    report, _ = run(tiny)
    assert "missing from" in report.failures["demo/glyph.py"]


def test_a_figure_text_without_english_fails_the_run_naming_every_such_text_and_keeps_the_old_outputs(
    tiny: Project,
) -> None:
    path = write(
        tiny.snippets_dir / "demo" / "plot.py",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_title('기울기')\nax.set_xlabel('입력 x')\n",
    )
    write(tiny.figure_text_file, '[text]\n"기울기" = "slope"\n"입력 {}" = "input {}"\n')
    assert run(tiny)[0].ok
    before = store.outputs_file(tiny, "demo/plot.py").read_bytes()
    path.write_text(
        path.read_text(encoding="utf-8") + "plt.figure()\nplt.ylabel('새 낱말')\nplt.title('또 하나')\n",
        encoding="utf-8",
    )
    report, _ = run(tiny)
    message = report.failures["demo/plot.py"]
    assert "no English in snippets/figure_text.en.toml for figure 2: '또 하나', figure 2: '새 낱말'" in message
    assert store.outputs_file(tiny, "demo/plot.py").read_bytes() == before


def test_log_axes_have_their_minus_sign(tiny: Project) -> None:
    """Log-axis tick labels are mathtext ($10^{-4}$); a missing minus there is an error too, and the style avoids it."""
    write(
        tiny.snippets_dir / "demo" / "logaxis.py",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.semilogy([1, 2], [1e-4, 1])\nax.set_title('기울기 노름')\n",
    )
    write(tiny.figure_text_file, '[text]\n"기울기 노름" = "gradient norm"\n')
    report, _ = run(tiny)
    assert report.ok, report.failures
    write(
        tiny.snippets_dir / "demo" / "logaxis.py",
        "import matplotlib.pyplot as plt\nplt.rcParams['font.family'] = ['NanumGothic']\n"
        "fig, ax = plt.subplots()\nax.semilogy([1, 2], [1e-4, 1])\n",
    )
    report, _ = run(tiny)
    assert "does not have a glyph" in report.failures["demo/logaxis.py"]


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "out.json", "old")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        store.atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_hand_edited_number_gives_a_drift_report_naming_snippet_page_and_command(
    tiny: Project, tmp_path: Path
) -> None:
    """What tests/test_snippets.py does for every snippet, on a frozen output edited by hand."""
    run(tiny)
    path = store.outputs_file(tiny, "demo/hello.py")
    path.write_text(path.read_text(encoding="utf-8").replace("total 10", "total 11"), encoding="utf-8")
    fresh = Project.at(tiny.root, outputs_dir=tmp_path / "fresh")
    assert run(fresh, force=True)[0].ok
    drifts = compare_outputs(
        store.require_outputs(tiny, "demo/hello.py"),
        store.require_outputs(fresh, "demo/hello.py"),
        store.figures_dir(tiny, "demo/hello.py"),
        store.figures_dir(fresh, "demo/hello.py"),
        Options(),
    )
    report = drift_report("demo/hello.py", drifts, ["docs/demo.md"])
    assert "demo/hello.py no longer matches its frozen output (used by docs/demo.md)" in report
    assert "line 2: 11 → 10" in report
    assert "make accept SNIPPET=demo/hello.py" in report
    write(tiny.docs_dir / "demo.md", "# 데모\n")  # numbers within the tolerance are no drift
    path.write_text(path.read_text(encoding="utf-8").replace("total 11", "total 10.000000001"), encoding="utf-8")
    assert not compare_outputs(
        store.require_outputs(tiny, "demo/hello.py"),
        store.require_outputs(fresh, "demo/hello.py"),
        tmp_path,
        tmp_path,
        Options(),
    )


def test_a_figure_closed_in_a_later_section_is_saved_as_drawn(tiny: Project) -> None:
    write(
        tiny.snippets_dir / "demo" / "closing.py",
        "import matplotlib.pyplot as plt\n# --8<-- [start:first]\nfig, ax = plt.subplots(figsize=(2, 2))\n"
        "ax.plot([0, 1], [0, 1], linewidth=8)\n# --8<-- [end:first]\n"
        "# --8<-- [start:second]\nplt.close(fig)\nfig2, ax2 = plt.subplots(figsize=(2, 2))\n"
        "ax2.bar([0], [1])\n# --8<-- [end:second]\n",
    )
    report, _ = run(tiny)
    assert report.ok, report.failures
    figures = store.require_outputs(tiny, "demo/closing.py")["figures"]
    assert [f["section"] for f in figures] == ["first", "second"]
    from matplotlib import image

    pixels = image.imread(store.figures_dir(tiny, "demo/closing.py") / figures[0]["file"])
    assert pixels[..., :3].min() < 0.5, "the first figure was saved blank"
    assert figures[0]["file"] != figures[1]["file"]


def test_exit_calls_end_a_snippet_as_python_would(tiny: Project) -> None:
    write(tiny.snippets_dir / "demo" / "done.py", "import sys\nprint('before')\nsys.exit(0)\nprint('after')\n")
    write(tiny.snippets_dir / "demo" / "bad_exit.py", "import sys\nsys.exit(3)\n")
    write(tiny.snippets_dir / "demo" / "hard_exit.py", "import os\nprint('gone')\nos._exit(0)\n")
    report, log = run(tiny)
    assert "demo/done.py" in report.ran
    assert store.require_outputs(tiny, "demo/done.py")["sections"][""] == "before\n"
    assert "SystemExit" in report.failures["demo/bad_exit.py"]
    assert "no result" in report.failures["demo/hard_exit.py"]
    assert store.load_outputs(tiny, "demo/hard_exit.py") is None
    assert log.strip().splitlines()[-1].startswith("snippets: 2 ran, 0 cached, 2 failed in ")


def test_the_summary_line_ends_a_pass_that_stops_early(tiny: Project) -> None:
    log = io.StringIO()
    with pytest.raises(ConfigError, match="no such snippet"):
        refresh_outputs(tiny, only=["demo/missing.py"], stream=log)
    assert log.getvalue().strip().splitlines()[-1].startswith("snippets: 0 ran, 0 cached, 0 failed in ")


def test_cpu_time_is_recorded_for_the_budget(tiny: Project) -> None:
    write(
        tiny.snippets_dir / "demo" / "busy.py",
        "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end:\n    pass\n",
    )
    run(tiny)
    entry = store.load_manifest(tiny)["demo/busy.py"]
    assert 0.3 <= entry.cpu_seconds <= entry.run_seconds + 0.05


def test_leftovers_of_an_interrupted_write_are_swept(tiny: Project) -> None:
    run(tiny)
    leftover = write(tiny.outputs_dir / "demo" / ".hello.json.abc123.tmp", "half")
    run(tiny)
    assert not leftover.exists()


def test_a_data_file_found_only_at_run_time_is_part_of_the_key(tiny: Project) -> None:
    """No string in the source names the file, so only the record of what the run opened can catch it."""
    write(tiny.snippets_dir / "demo" / "data" / "t.csv", "a\n1\n")
    write(
        tiny.snippets_dir / "demo" / "pieces.py",
        "from pathlib import Path\nfolder = Path(__file__).parent / 'data'\n"
        "rows = (folder / ('t' + '.csv')).read_text(encoding='utf-8').splitlines()\nprint(len(rows))\n",
    )
    run(tiny)
    assert store.load_manifest(tiny)["demo/pieces.py"].reads == ["snippets/demo/data/t.csv", "snippets/demo/pieces.py"]
    assert run(tiny)[0].ran == []
    write(tiny.snippets_dir / "demo" / "data" / "t.csv", "a\n1\n2\n")
    assert run(tiny)[0].ran == ["demo/pieces.py"]
    assert store.require_outputs(tiny, "demo/pieces.py")["sections"][""] == "3\n"
    assert run(tiny)[0].ran == []
