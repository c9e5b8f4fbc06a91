"""The notebook set-up cell's figure style: the runner's matplotlibrc as matplotlib reads it."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import matplotlib

from snippet_notebooks.setup_cell import _style_settings, setup_code
from snippet_runner.project import Project

ROOT = Path(__file__).resolve().parents[1]


def test_the_style_is_the_runners_matplotlibrc_without_backend_and_svg_salt() -> None:
    project = Project.at(ROOT)
    settings = _style_settings(project)
    assert "backend" not in settings and not any(key.startswith("svg.") for key in settings)
    assert settings["font.family"] == ["DejaVu Sans", "NanumGothic"] and settings["axes.grid"] is True
    params = cast(dict[str, object], matplotlib.RcParams())  # validates each value it takes
    params.update(settings)  # values a notebook's rcParams.update takes as they are
    assert {key: params[key] for key in settings} == settings
    assert "'figure.dpi': 100.0," in setup_code(project, {"numpy": "2.0"})
