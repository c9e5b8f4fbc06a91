"""The notebook's first code cell: on Colab, the pinned packages and a Korean font; everywhere, the
runner's figure style and one torch thread, so a reader's run matches the page.

It does not set the CPU kernels: a reader's notebook runs on the path their machine picks, as plain
``python file.py`` does, and its check cell compares within the tolerances that the freeze showed to
cover every CPU path (``cpu_paths.py``)."""

from __future__ import annotations

import matplotlib

from snippet_runner.project import Project

KOREAN_FONT = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"


def _style_settings(project: Project) -> dict[str, object]:
    """The runner's matplotlibrc as matplotlib reads it, without what only the runner needs (its
    backend and the SVG hash salt)."""
    style = matplotlib.rc_params_from_file(project.style_file, use_default_template=False)
    return {key: value for key, value in style.items() if key != "backend" and not key.startswith("svg.")}


SETUP_CODE = '''\
# 준비: Colab에서는 이 페이지의 숫자를 만든 것과 같은 버전의 패키지와 한글 글꼴(fonts-nanum)을 설치합니다.
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PINNED = {pinned}
KOREAN_FONT = Path("{font}")


def installed(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return "없음"


if "google.colab" in sys.modules:
    import subprocess

    if not KOREAN_FONT.exists():
        subprocess.run(["apt-get", "-qq", "update"], check=True)
        subprocess.run(["apt-get", "-qq", "install", "-y", "fonts-nanum"], check=True)
    wrong = [f"{{name}}=={{pin}}" for name, pin in PINNED.items() if installed(name).split("+")[0] != pin]
    if wrong:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *wrong], check=True)
        print("패키지 버전을 맞췄습니다. 런타임이 다시 시작되면 이 셀부터 다시 실행합니다.")
        os.kill(os.getpid(), 9)  # Colab이 런타임을 다시 시작합니다

print("페이지:", ", ".join(f"{{name}} {{pin}}" for name, pin in PINNED.items()))
print("여기  :", ", ".join(f"{{name}} {{installed(name)}}" for name in PINNED))

# 페이지의 코드를 실행한 것과 같은 설정: 그림 스타일과 한글 글꼴{torch_note}
import matplotlib
from matplotlib import font_manager

if KOREAN_FONT.exists():
    font_manager.fontManager.addfont(str(KOREAN_FONT))
matplotlib.rcParams.update({style})
{torch_setup}
# 파이썬 파일로 실행할 때처럼, 셀의 마지막 식의 값을 따로 보여 주지 않습니다.
get_ipython().ast_node_interactivity = "none"
'''


def setup_code(project: Project, pinned: dict[str, str]) -> str:
    """The set-up cell's source for a notebook whose snippets need these pinned packages."""
    uses_torch = "torch" in pinned
    style = "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in _style_settings(project).items()) + "}"
    return SETUP_CODE.format(
        pinned="{" + ", ".join(f"{k!r}: {v!r}" for k, v in pinned.items()) + "}",
        font=KOREAN_FONT,
        style=style,
        torch_note=", torch 스레드 하나" if uses_torch else "",
        torch_setup="import torch\n\ntorch.set_num_threads(1)\n" if uses_torch else "",
    ).rstrip("\n")
