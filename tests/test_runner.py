"""The runner on a tiny throwaway project: caching, failures, timeouts, sections, values, figures."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from snippet_runner import store
from snippet_runner.build import Report, build
from snippet_runner.cachekey import Versions, compute
from snippet_runner.discovery import find_snippets
from snippet_runner.project import Options, Project

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


def run(project: Project, **kwargs) -> tuple[Report, str]:
    log = io.StringIO()
    report = build(project, stream=log, **kwargs)
    return report, log.getvalue()


@pytest.fixture
def tiny(tmp_path: Path) -> Project:
    write(tmp_path / "snippets" / "demo" / "hello.py", HELLO)
    write(tmp_path / "docs" / "demo.md", "# 데모\n\n{{ output demo/hello.py:greet }}\n")
    return Project.at(tmp_path)


def test_run_records_sections_values_and_manifest(tiny: Project) -> None:
    report, log = run(tiny)
    assert report.ran == ["demo/hello.py"] and report.ok
    assert log.strip().splitlines()[-1].startswith("snippets: 1 ran, 0 cached, 0 failed in ")
    outputs = store.load_outputs(tiny, "demo/hello.py")
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


def test_local_modules_and_data_files_are_part_of_the_key(tiny: Project) -> None:
    write(tiny.snippets_dir / "demo" / "_helpers.py", "SCALE = 2\n")
    write(tiny.snippets_dir / "demo" / "table.csv", "a,b\n1,2\n")
    write(
        tiny.snippets_dir / "demo" / "uses.py",
        "from _helpers import SCALE\nfrom pathlib import Path\n"
        "print(SCALE * len(Path(__file__).with_name('table.csv').read_text().splitlines()))\n",
    )
    run(tiny)
    write(tiny.snippets_dir / "demo" / "_helpers.py", "SCALE = 3\n")
    assert run(tiny)[0].ran == ["demo/uses.py"]
    write(tiny.snippets_dir / "demo" / "table.csv", "a,b\n1,2\n3,4\n")
    assert run(tiny)[0].ran == ["demo/uses.py"]
    assert store.load_outputs(tiny, "demo/uses.py")["sections"][""] == "9\n"


def test_library_versions_and_options_are_part_of_the_key(tiny: Project) -> None:
    snippet = find_snippets(tiny)[0]
    write(snippet.path, "import numpy\nprint(numpy.pi)\n")

    class Upgraded(Versions):
        def of(self, dist: str) -> str:
            return "99.0" if dist == "numpy" else super().of(dist)

    base = compute(tiny, snippet, Options(), Versions())
    assert compute(tiny, snippet, Options(), Upgraded()).key != base.key
    assert compute(tiny, snippet, Options(rel_tol=0.1), Versions()).key != base.key
    assert compute(tiny, snippet, Options(), Versions()).key == base.key


def test_a_failing_snippet_names_file_line_and_page_and_keeps_old_outputs(tiny: Project) -> None:
    run(tiny)
    frozen = store.outputs_file(tiny, "demo/hello.py").read_bytes()
    write(tiny.snippets_dir / "demo" / "hello.py", HELLO + "\n\nraise ValueError('깨진 코드')\n")
    report, log = run(tiny)
    assert not report.ok
    message = report.failures["demo/hello.py"]
    assert "demo/hello.py:9: ValueError: 깨진 코드" in message
    assert "docs/demo.md" in message and "previous outputs kept" in message
    assert "0 ran, 0 cached, 1 failed" in log
    assert store.outputs_file(tiny, "demo/hello.py").read_bytes() == frozen
    assert run(tiny, check=True)[0].failures  # the stale output is never passed as fresh


def test_a_hanging_snippet_times_out_by_name(tiny: Project) -> None:
    write(tiny.config_file, '["demo/slow.py"]\ntimeout = 1\n')
    write(tiny.snippets_dir / "demo" / "slow.py", "import time\nwhile True:\n    time.sleep(0.01)\n")
    report, _ = run(tiny)
    assert "demo/slow.py: timed out after 1 s" in report.failures["demo/slow.py"]
    assert report.ran == ["demo/hello.py"]
    assert store.load_outputs(tiny, "demo/slow.py") is None


def test_check_mode_runs_nothing_and_fails_on_stale(tiny: Project) -> None:
    report, _ = run(tiny, check=True)
    assert report.ran == [] and "never run" in report.failures["demo/hello.py"]
    run(tiny)
    assert run(tiny, check=True)[0].ok


def test_hand_edited_output_is_stale(tiny: Project) -> None:
    run(tiny)
    path = store.outputs_file(tiny, "demo/hello.py")
    path.write_text(path.read_text(encoding="utf-8").replace("1.5", "2.5"), encoding="utf-8")
    report, _ = run(tiny, check=True)
    assert "changed by hand" in report.failures["demo/hello.py"]
    assert run(tiny)[0].ran == ["demo/hello.py"]


def test_figures_are_captured_per_section_and_byte_identical(tiny: Project) -> None:
    write(
        tiny.snippets_dir / "demo" / "plot.py",
        "import matplotlib.pyplot as plt\n# --8<-- [start:curve]\nfig, ax = plt.subplots(figsize=(3, 2))\n"
        "ax.plot([-1, 0, 1], [1, 0, 1])\nax.set_title('기울기 −1')\n# --8<-- [end:curve]\n",
    )
    run(tiny)
    first = store.load_outputs(tiny, "demo/plot.py")["figures"]
    assert [f["section"] for f in first] == ["curve"]
    png = (store.figures_dir(tiny, "demo/plot.py") / first[0]["file"]).read_bytes()
    run(tiny, force=True)
    second = store.load_outputs(tiny, "demo/plot.py")["figures"]
    assert second == first
    assert (store.figures_dir(tiny, "demo/plot.py") / second[0]["file"]).read_bytes() == png


def test_a_missing_glyph_is_an_error(tiny: Project) -> None:
    write(
        tiny.snippets_dir / "demo" / "glyph.py",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_title('\\u0f00 티베트 문자')\n",
    )
    report, _ = run(tiny)
    assert "missing from" in report.failures["demo/glyph.py"]


def test_log_axes_have_their_minus_sign(tiny: Project) -> None:
    """Log-axis tick labels are mathtext ($10^{-4}$); a missing minus there is an error too, and the style avoids it."""
    write(
        tiny.snippets_dir / "demo" / "logaxis.py",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.semilogy([1, 2], [1e-4, 1])\nax.set_title('기울기 노름')\n",
    )
    report, _ = run(tiny)
    assert report.ok, report.failures
    write(
        tiny.snippets_dir / "demo" / "logaxis.py",
        "import matplotlib.pyplot as plt\nplt.rcParams['font.family'] = ['NanumGothic']\n"
        "fig, ax = plt.subplots()\nax.semilogy([1, 2], [1e-4, 1])\n",
    )
    report, _ = run(tiny)
    assert "does not have a glyph" in report.failures["demo/logaxis.py"]


def test_writes_into_the_repository_are_refused(tiny: Project) -> None:
    target = tiny.root / "docs" / "written.md"
    write(tiny.snippets_dir / "demo" / "writer.py", f"open({str(target)!r}, 'w').write('x')\n")
    report, _ = run(tiny)
    assert "may not write into the repository" in report.failures["demo/writer.py"]
    assert not target.exists()


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "out.json", "old")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        store.atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_corrupted_manifest_is_named_and_rebuilt(tiny: Project) -> None:
    run(tiny)
    tiny.manifest_file.write_text('{"snippets": {', encoding="utf-8")
    with pytest.raises(store.ManifestError, match=r"manifest.json:1"):
        run(tiny, check=True)
    report, log = run(tiny)
    assert report.ran == ["demo/hello.py"] and "every snippet will be re-run" in log
    assert json.loads(tiny.manifest_file.read_text(encoding="utf-8"))["snippets"]
