"""The dark variant of a figure: the same drawing, restyled for the site's dark scheme.

The worker saves each figure as drawn (the light variant), then calls ``restyle`` and saves it again.
Both come from one run, so they show the same data. Greys (black text, white faces, grey grids) swap
their lightness onto the dark background; coloured lines and bars keep their hue and are lifted
only as far as they need to stay visible on it. Colour maps (images, colour-mapped scatter) are
left alone, since their colours carry values.
"""

from __future__ import annotations

import colorsys

from matplotlib.artist import Artist
from matplotlib.collections import Collection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Annotation, Text

SLATE_HUE, SLATE_SATURATION = 225 / 360, 0.15
"""Material's slate scheme: its greys have this hue and saturation."""
BACKGROUND_LIGHTNESS = 0.14
"""The slate background, hsl(225, 15%, 14%): what white becomes."""
FOREGROUND_LIGHTNESS = 0.88
"""Near the slate text colour, hsl(225, 15%, 90%): what black becomes."""
GREY_SATURATION = 0.12
"""Below this saturation a colour counts as grey and has its lightness mirrored onto the slate greys."""
LEAST_LIGHTNESS = 0.55
"""A coloured mark darker than this is lifted to it (a navy line would vanish on the background)."""

RGBA = tuple[float, float, float, float]


def dark_color(color: RGBA) -> RGBA:
    """The colour that plays the same part on the dark background."""
    red, green, blue, alpha = color
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < GREY_SATURATION:
        hue, saturation = SLATE_HUE, SLATE_SATURATION
        lightness = FOREGROUND_LIGHTNESS - (FOREGROUND_LIGHTNESS - BACKGROUND_LIGHTNESS) * lightness
    else:
        lightness = max(lightness, LEAST_LIGHTNESS)
    return (*colorsys.hls_to_rgb(hue, lightness, saturation), alpha)


def _swap(artist: Artist, getter: str, setter: str) -> None:
    get, set_ = getattr(artist, getter, None), getattr(artist, setter, None)
    if get is None or set_ is None:
        return
    value = get()
    if isinstance(value, str) and value == "none":
        return
    try:
        colors = [to_rgba(value)]
        single = True
    except (ValueError, TypeError):
        colors = [to_rgba(c) for c in value]
        single = False
    if not colors:
        return
    swapped = [dark_color(c) for c in colors]
    set_(swapped[0] if single else swapped)


def _artists(figure: Figure) -> list[Artist]:
    """Every artist, with the ones ``findobj`` does not reach (annotation arrows, text boxes)."""
    found = list(figure.findobj())
    for artist in list(found):
        if isinstance(artist, Annotation) and artist.arrow_patch is not None:
            found.append(artist.arrow_patch)
        if isinstance(artist, Text) and (box := artist.get_bbox_patch()) is not None:
            found.append(box)
    return list({id(artist): artist for artist in found}.values())  # each restyled once


def restyle(figure: Figure) -> None:
    """Turn ``figure``, already saved as drawn, into its dark variant, in place."""
    for artist in _artists(figure):
        if isinstance(artist, AxesImage):
            continue
        if isinstance(artist, Collection) and artist.get_array() is not None:
            continue  # colour-mapped: its colours are values
        if isinstance(artist, Text):
            _swap(artist, "get_color", "set_color")
            continue
        if isinstance(artist, Line2D):
            _swap(artist, "get_color", "set_color")
            _swap(artist, "get_markerfacecolor", "set_markerfacecolor")
            _swap(artist, "get_markeredgecolor", "set_markeredgecolor")
            continue
        if isinstance(artist, (Patch, Collection)):  # not Figure or Axes: their colours are their patch's
            _swap(artist, "get_facecolor", "set_facecolor")
            _swap(artist, "get_edgecolor", "set_edgecolor")
