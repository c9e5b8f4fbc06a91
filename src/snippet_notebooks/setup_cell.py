"""The notebook's first code cell: on Colab, the pinned packages and a Korean font (the snippets print
and draw Korean labels, in both editions); everywhere, the runner's figure style and one torch thread,
so a reader's run matches the page. Its comments and messages are the edition's (``words``).

It does not set the CPU kernels: a reader's notebook runs on the path their machine picks, as plain
``python file.py`` does, and its check cell compares within the tolerances that the freeze showed to
cover every CPU path (``cpu_paths.py``)."""

from __future__ import annotations

import json

import matplotlib

from snippet_runner.api import Project

from .words import KOREAN, NotebookWords

KOREAN_FONT = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"


def _style_settings(project: Project) -> dict[str, object]:
    """The runner's matplotlibrc as matplotlib reads it, without what only the runner needs (its
    backend and the SVG hash salt)."""
    style = matplotlib.rc_params_from_file(project.style_file, use_default_template=False)
    return {key: value for key, value in style.items() if key != "backend" and not key.startswith("svg.")}


SETUP_CODE = """\
{setup_intro}
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
        return {no_package}


if "google.colab" in sys.modules:
    import subprocess

    if not KOREAN_FONT.exists():
        subprocess.run(["apt-get", "-qq", "update"], check=True)
        subprocess.run(["apt-get", "-qq", "install", "-y", "fonts-nanum"], check=True)
    wrong = [f"{{name}}=={{pin}}" for name, pin in PINNED.items() if installed(name).split("+")[0] != pin]
    if wrong:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *wrong], check=True)
        print({setup_restart})
        os.kill(os.getpid(), 9)  {setup_restart_comment}

print({setup_page}, ", ".join(f"{{name}} {{pin}}" for name, pin in PINNED.items()))
print({setup_here}, ", ".join(f"{{name}} {{installed(name)}}" for name in PINNED))

{setup_style}
import matplotlib
from matplotlib import font_manager

if KOREAN_FONT.exists():
    font_manager.fontManager.addfont(str(KOREAN_FONT))
matplotlib.rcParams.update({style})
{torch_setup}
{setup_quiet}
get_ipython().ast_node_interactivity = "none"
"""


def _literal(text: str) -> str:
    """A Python string literal for a message (JSON's double-quoted strings are Python's too)."""
    return json.dumps(text, ensure_ascii=False)


def setup_code(project: Project, pinned: dict[str, str], words: NotebookWords = KOREAN) -> str:
    """The set-up cell's source for a notebook whose snippets need these pinned packages."""
    uses_torch = "torch" in pinned
    style = "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in _style_settings(project).items()) + "}"
    return SETUP_CODE.format(
        pinned="{" + ", ".join(f"{k!r}: {v!r}" for k, v in pinned.items()) + "}",
        font=KOREAN_FONT,
        style=style,
        setup_intro=words.setup_intro,
        setup_style=words.setup_style.format(torch_note=words.torch_note if uses_torch else ""),
        setup_quiet=words.setup_quiet,
        no_package=_literal(words.no_package),
        setup_restart=_literal(words.setup_restart),
        setup_restart_comment=words.setup_restart_comment,
        setup_page=_literal(words.setup_page),
        setup_here=_literal(words.setup_here),
        torch_setup="import torch\n\ntorch.set_num_threads(1)\n" if uses_torch else "",
    ).rstrip("\n")
