"""The dark variant of a figure (``snippet_runner.dark_style``): same drawing, colours for the dark scheme."""

from __future__ import annotations

import colorsys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from snippet_runner.dark_style import BACKGROUND_LIGHTNESS, LEAST_LIGHTNESS, dark_color, restyle


def _lightness(color) -> float:
    return colorsys.rgb_to_hls(*to_rgba(color)[:3])[1]


def test_white_becomes_the_slate_background_and_black_its_text() -> None:
    assert dark_color(to_rgba("white"))[:3] == pytest.approx((0x1E / 255, 0x21 / 255, 0x29 / 255), abs=2 / 255)
    assert _lightness(dark_color(to_rgba("black"))) > 0.85
    assert dark_color((1.0, 1.0, 1.0, 0.3))[3] == 0.3, "transparency is kept"


def test_a_colour_keeps_its_hue_and_a_dark_one_is_lifted() -> None:
    pink = to_rgba("tab:pink")
    assert dark_color(pink) == pytest.approx(pink), "a light colour reads on both backgrounds"
    navy = dark_color(to_rgba("navy"))
    assert colorsys.rgb_to_hls(*navy[:3])[0] == pytest.approx(colorsys.rgb_to_hls(*to_rgba("navy")[:3])[0])
    assert _lightness(navy) == pytest.approx(LEAST_LIGHTNESS)


def test_restyle_turns_every_part_dark_once_and_leaves_colour_maps_alone() -> None:
    figure, (left, right) = plt.subplots(1, 2)
    (line,) = left.plot([0, 1], [0, 1], color="black")
    left.annotate("x = 0", (0, 0), xytext=(0.5, 0.2), arrowprops={"color": "black"})
    left.text(0.2, 0.8, "상자", bbox={"facecolor": "white", "edgecolor": "grey"})
    left.set_title("제목")
    image = right.imshow(np.arange(4.0).reshape(2, 2), cmap="viridis")
    scatter = right.scatter([0, 1], [0, 1], c=[0.0, 1.0])
    before = scatter.get_facecolors().copy()
    restyle(figure)
    assert _lightness(figure.patch.get_facecolor()) == pytest.approx(BACKGROUND_LIGHTNESS, abs=0.01), (
        "not restyled twice"
    )
    assert _lightness(left.patch.get_facecolor()) == pytest.approx(BACKGROUND_LIGHTNESS, abs=0.01)
    assert _lightness(line.get_color()) > 0.85
    assert _lightness(left.title.get_color()) > 0.85
    annotation = left.texts[0]
    assert _lightness(annotation.arrow_patch.get_edgecolor()) > 0.85, "the arrow findobj does not reach"
    assert _lightness(left.texts[1].get_bbox_patch().get_facecolor()) < 0.2, "the text box"
    assert _lightness(left.xaxis.get_ticklabels()[0].get_color()) > 0.85
    assert image.get_cmap().name == "viridis"
    np.testing.assert_array_equal(scatter.get_facecolors(), before)
    plt.close(figure)
