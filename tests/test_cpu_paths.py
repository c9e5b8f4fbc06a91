"""Numbers across CPU paths: the freeze runs each snippet on the other paths and fails on a move its
tolerance does not cover; the pages mark what moves; a reader can check their own output."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import numpy as np
import pytest
from matplotlib import image

from snippet_runner import store
from snippet_runner.compare import tolerance_of
from snippet_runner.cpu_paths import Spread, measure, plus_minus, shown_varies
from snippet_runner.drift_rules import NUMBER, Tolerance, to_number
from snippet_runner.other_paths import figure_moves
from snippet_runner.project import Project
from tiny_project import Tiny

# A stand-in for a kernel that rounds differently: the number depends on the path's settings.
MOVES = (
    "import os\n"
    "accuracy = 0.5 if os.environ.get('ATEN_CPU_CAPABILITY') == 'avx2' else 0.5003\n"
    "print(f'정확도 {accuracy:.4f}, 층 9개')\n"
)
PAGE = "# 데모\n\n{{ output demo/moves.py }}\n\n정확도 {{ value demo/moves.py accuracy .4f }}, 반올림하면 {{ value demo/moves.py accuracy .1f }}\n"
PATHS_CONFIG = '[defaults]\ncpu_paths = ["native", "scalar"]\n'


@pytest.mark.parametrize(
    ("spread", "shown"),
    [(0.00034, "±0.0004"), (0.0003, "±0.0003"), (0.00099999, "±0.001"), (2.3, "±3"), (0.096, "±0.1")],
)
def test_the_spread_is_shown_rounded_up_to_one_digit(spread: float, shown: str) -> None:
    assert plus_minus(spread) == shown


def test_a_value_is_marked_only_where_its_shown_digits_can_change() -> None:
    assert shown_varies(0.5003, 0.0003, ".4f")
    assert not shown_varies(0.5003, 0.0003, ".1f")
    assert not shown_varies(0.5, 0.0, "")


def test_measure_lists_only_the_numbers_that_moved_and_what_the_tolerance_does_not_cover() -> None:
    frozen: Any = {"sections": {"": "a 1.0000 b 2\nc 3.5\n"}, "values": {"x": 1.0, "n": 4, "ok": True}}
    other: Any = {"sections": {"": "a 1.0002 b 2\nc 3.5\n"}, "values": {"x": 1.0002, "n": 4, "ok": True}}
    spread, problems = measure(frozen, {"native": other}, Tolerance(rel_tol=1e-3))
    assert spread.sections == {"": [[1, 0, 0.0002]]} and spread.values == {"x": 0.0002}
    assert spread.lines("") == [1] and problems == []
    _, problems = measure(frozen, {"native": other}, Tolerance(rel_tol=1e-6))
    assert problems == [
        "native: line 1: 1.0000 → 1.0002, outside the tolerance",
        "native: value x: 1.0 → 1.0002, outside the tolerance",
    ]
    worded: Any = {"sections": {"": "a 1.0000 b 2\nd 3.5\n"}, "values": {"x": 1.0, "n": 4, "ok": False}}
    _, problems = measure(frozen, {"scalar": worded}, Tolerance())
    assert problems == ["scalar: line 2 reads differently: 'c 3.5' → 'd 3.5'", "scalar: value ok: True → False"]


def _png(pixels: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    image.imsave(buffer, pixels, format="png", cmap="gray", vmin=0, vmax=255)
    return buffer.getvalue()


def test_a_figure_is_measured_on_every_path_and_one_beyond_image_tol_is_named() -> None:
    frozen = np.zeros((10, 10))
    moved = frozen.copy()
    moved[0, :] = 255  # one row of ten white in RGBA, alpha unchanged: RMS 255 * sqrt(0.1 * 3/4) = 69.83
    largest, problems = figure_moves([_png(frozen)], {"native": [_png(frozen)], "scalar": [_png(moved)]}, image_tol=100)
    assert largest == [69.83] and problems == []
    _, problems = figure_moves([_png(frozen)], {"scalar": [_png(moved)]}, image_tol=1)
    assert problems == ["scalar: figure 1: RMS pixel difference 69.83 > image_tol 1"]
    _, problems = figure_moves([_png(frozen)], {"native": []}, image_tol=1)
    assert problems == ["native: 0 figure(s), the pinned path made 1"]


def _moves(tiny: Tiny, rel_tol: float | None) -> None:
    tiny.write("snippets/demo/moves.py", MOVES)
    tolerance = f'\n["demo/moves.py"]\nrel_tol = {rel_tol}\n' if rel_tol else ""
    tiny.write("snippets/snippets.toml", PATHS_CONFIG + tolerance)
    tiny.write("docs/index.md", PAGE)


def test_a_move_within_the_tolerance_is_frozen_with_its_spread_and_marked_on_the_page(tiny: Tiny) -> None:
    _moves(tiny, rel_tol=1e-3)
    result = tiny.runner("accept", timeout=300)
    assert result.returncode == 0, result.stderr
    assert "CPU path native: running 2 snippet(s) again" in result.stderr, result.stderr
    outputs = json.loads((tiny.outputs / "demo" / "moves.json").read_text(encoding="utf-8"))
    assert outputs["sections"][""] == "정확도 0.5000, 층 9개\n", "the pinned path's output is the one frozen"
    assert outputs["cpu_spread"] == {
        "paths": ["native", "scalar"],
        "sections": {"": [[1, 0, 0.0003]]},
        "values": {"accuracy": 0.0003},
        "figures": [],
    }
    good = json.loads((tiny.outputs / "demo" / "good.json").read_text(encoding="utf-8"))
    assert good["cpu_spread"] == {"paths": ["native", "scalar"], "sections": {}, "values": {}, "figures": []}

    built = tiny.mkdocs(mode="check")
    assert built.returncode == 0, built.stderr
    page = (tiny.site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="hll">[^\n]*0\.5000', page), "the line with the moving number is highlighted"
    assert "강조한 줄의 숫자는 CPU에 따라 조금 달라집니다: 0.5000(±0.0003)." in page
    assert page.count('title="이 값은 CPU에 따라 ±0.0003 정도 달라집니다"') == 1, (
        "only the value shown with 4 digits is marked"
    )
    assert "반올림하면 0.5" in page


def test_a_preview_build_runs_the_pinned_path_only_and_check_refuses_it_until_the_runner_completes_it(
    tiny: Tiny,
) -> None:
    _moves(tiny, rel_tol=1e-3)
    preview = tiny.mkdocs(mode="run")
    assert preview.returncode == 0, preview.stderr
    assert "CPU path native" not in preview.stderr, "a preview build runs each snippet once"
    assert "2 snippet(s) frozen on the pinned path only" in preview.stderr, preview.stderr
    outputs = json.loads((tiny.outputs / "demo" / "moves.json").read_text(encoding="utf-8"))
    assert outputs["sections"][""] == "정확도 0.5000, 층 9개\n" and "cpu_spread" not in outputs
    again = tiny.mkdocs(mode="run")
    assert again.returncode == 0 and "snippets: 0 ran, 2 cached" in again.stderr, again.stderr

    check = tiny.runner("check")
    assert check.returncode == 1
    assert (
        "snippets/demo/moves.py: frozen output is stale (not yet run on the CPU paths native, scalar)" in check.stderr
    ), check.stderr
    assert tiny.mkdocs(mode="check").returncode != 0, "the published site refuses it too"

    completed = tiny.runner("run", timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert "CPU path native: running 2 snippet(s) again" in completed.stderr
    outputs = json.loads((tiny.outputs / "demo" / "moves.json").read_text(encoding="utf-8"))
    assert outputs["cpu_spread"]["values"] == {"accuracy": 0.0003}
    assert tiny.runner("check").returncode == 0


def test_a_tolerance_too_tight_for_the_cpu_paths_fails_the_accept_by_number(tiny: Tiny) -> None:
    _moves(tiny, rel_tol=None)
    result = tiny.runner("accept", timeout=300)
    assert result.returncode == 1
    assert "snippets/demo/moves.py: on another CPU path its output is outside its tolerance" in result.stderr, (
        result.stderr
    )
    assert "native: line 1: 0.5000 → 0.5003, outside the tolerance" in result.stderr
    assert "scalar: value accuracy: 0.5 → 0.5003, outside the tolerance" in result.stderr
    assert not (tiny.outputs / "demo" / "moves.json").exists(), "nothing is frozen from a run that failed the check"
    assert (tiny.outputs / "demo" / "good.json").exists(), "the other snippets are still frozen"


def test_a_verdict_that_changes_with_the_cpu_fails_the_accept(tiny: Tiny) -> None:
    tiny.write(
        "snippets/demo/verdict.py",
        "import os\nprint('안' if os.environ.get('ATEN_CPU_CAPABILITY') == 'avx2' else '밖')\n",
    )
    tiny.write("snippets/snippets.toml", PATHS_CONFIG)
    tiny.write("docs/index.md", "# 데모\n\n{{ output demo/good.py }}\n\n{{ output demo/verdict.py }}\n")
    result = tiny.runner("run", timeout=300)
    assert result.returncode == 1
    assert "native: line 1 reads differently: '안' → '밖'" in result.stderr, result.stderr


def test_the_readers_check_says_same_within_the_tolerance_or_names_the_numbers(tiny: Tiny) -> None:
    _moves(tiny, rel_tol=1e-3)
    assert tiny.runner("accept", timeout=300).returncode == 0
    same = tiny.runner("check-output", "snippets/demo/moves.py", stdin="정확도 0.5003, 층 9개\n")
    assert same.returncode == 0, same.stderr
    assert (
        same.stdout
        == "snippets/demo/moves.py: 같음 (허용 오차 안). 숫자 2개 중 1개는 페이지와 같고, 1개는 허용 오차(상대 0.001, 절대 1e-09) 안에서 다릅니다.\n"
    )
    drifted = tiny.runner("check-output", "snippets/demo/moves.py", stdin="정확도 0.5100, 층 9개\n")
    assert drifted.returncode == 1
    assert drifted.stdout.splitlines() == [
        "snippets/demo/moves.py: 다름 (허용 오차: 상대 0.001, 절대 1e-09)",
        "  줄 1: 페이지 0.5000, 여기 0.5100",
    ]
    reworded = tiny.runner("check-output", "demo/moves.py", stdin="정확도 0.5000, 층 8개\n정확도\n")
    assert reworded.returncode == 1 and "+정확도" in reworded.stdout, reworded.stdout
    unknown = tiny.runner("check-output", "snippets/demo/nope.py", stdin="")
    assert unknown.returncode == 2 and "snippets/demo/nope.py has no output on the site" in unknown.stderr


def test_an_unknown_cpu_path_is_named_with_its_file(tiny: Tiny) -> None:
    tiny.write("snippets/snippets.toml", '[defaults]\ncpu_paths = ["arm64"]\n')
    result = tiny.runner("run", timeout=300)
    assert result.returncode == 2
    assert (
        "snippets.toml: [defaults] cpu_paths = ['arm64']: unknown path 'arm64' (choose from 'native', 'scalar')"
        in result.stderr
    )


def test_every_snippet_was_frozen_on_its_cpu_paths_and_its_tolerance_covers_every_move(project: Project) -> None:
    """The committed outputs: each names the paths it was checked on, and every number's recorded move
    lies inside the snippet's tolerance as declared today (so a tightened tolerance cannot hide one)."""
    table = project.load_options()
    problems = []
    for snippet_id in sorted(store.load_manifest(project)):
        options = project.options_for(snippet_id, table)
        outputs = store.require_outputs(project, snippet_id)
        spread = Spread.from_json(outputs.get("cpu_spread"))
        if spread.paths != sorted(options.cpu_paths):
            problems.append(f"{snippet_id}: frozen on {spread.paths}, its options name {sorted(options.cpu_paths)}")
        tolerance = tolerance_of(options)
        for section, moves in spread.sections.items():
            lines = outputs["sections"][section].splitlines()
            for line, index, move in moves:
                number = to_number(NUMBER.findall(lines[int(line) - 1])[int(index)])
                if not tolerance.close(number, number + move):
                    problems.append(f"{snippet_id}: line {line}: {number} moves by {move}, outside its tolerance")
        for index, rms in enumerate(spread.figures, start=1):
            if rms > options.image_tol:
                problems.append(
                    f"{snippet_id}: figure {index} moves by RMS {rms}, beyond its image_tol {options.image_tol:g}"
                )
        for name, move in spread.values.items():
            if not tolerance.close(float(outputs["values"][name]), float(outputs["values"][name]) + move):
                problems.append(f"{snippet_id}: value {name} moves by {move}, outside its tolerance")
    assert not problems, "\n".join(problems)
