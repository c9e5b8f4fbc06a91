"""The prose linter (``scripts/lint_prose.py``: textlint with the prh dictionaries in ``prose/``) holds
both editions to their terminology, boxes and tabs included, and names the page and line. `make lint`
runs it on the site's pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "lint_prose.py"


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_a_drift_inside_a_box_fails_with_page_and_line(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs-en").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        '# 제목\n\n!!! note "상자"\n\n    여러 층의 네트워크에서는 기울기가 사라집니다.\n', encoding="utf-8"
    )
    (tmp_path / "docs-en" / "page.md").write_text("# Title\n\n- a deep neural net learns\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/page.md:5:11: 네트워크 => 신경망 [Error/prh]",
        "docs-en/page.md:3:10: neural net => neural network [Error/prh]",
    ], result.stdout
