"""Compare two screenshots pixel by pixel (Pillow), and draw them side by side with their difference.

Screenshots of different heights (or widths) are compared on the larger canvas: the part only one of
them covers counts as different, and the sizes are reported. A pixel differs when one of its channels
differs by more than ``tolerance`` (0: any change) from the other screenshot's pixel and, unless
``edge_rows`` is off, from the pixels above and below that one (see ``difference_mask``). The
differing pixels are grouped into regions on a grid of ``CELL`` pixels; the largest region's box
says where to look.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

CELL = 16
"""The grid, in pixels, on which neighbouring differences are joined into one region."""
MISSING = (255, 0, 255)
"""The fill of the part of the canvas a screenshot does not cover."""
PANEL_WIDTH_LIMIT = 2400
"""Side-by-side images wider than this are scaled down."""


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    def __str__(self) -> str:
        return f"{self.width}×{self.height} at ({self.left}, {self.top})"


@dataclass(frozen=True)
class ImageComparison:
    before_size: tuple[int, int]
    after_size: tuple[int, int]
    differing_pixels: int
    total_pixels: int
    largest_region: Box | None
    """The bounding box of the largest group of neighbouring differences, None when nothing differs."""

    @property
    def differing_ratio(self) -> float:
        return self.differing_pixels / self.total_pixels if self.total_pixels else 0.0

    @property
    def same_size(self) -> bool:
        return self.before_size == self.after_size


def _on_canvas(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    canvas = Image.new("RGB", size, MISSING)
    canvas.paste(image, (0, 0))
    return canvas


def _largest_channel_difference(first: Image.Image, second: Image.Image) -> Image.Image:
    red, green, blue = ImageChops.difference(first, second).split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def _shifted(image: Image.Image, rows: int) -> Image.Image:
    """The image moved down (rows > 0) or up by whole rows, the uncovered rows left black."""
    moved = Image.new(image.mode, image.size)
    if rows > 0:
        moved.paste(image.crop((0, 0, image.width, image.height - rows)), (0, rows))
    else:
        moved.paste(image.crop((0, -rows, image.width, image.height)), (0, 0))
    return moved


def difference_mask(before: Image.Image, after: Image.Image, tolerance: int = 0, edge_rows: bool = True) -> Image.Image:
    """A black-and-white ("L", 0 or 255) image of the larger size: 255 where the screenshots differ.

    With ``edge_rows``, a pixel that matches the other shot's pixel one row above or below counts as
    equal: Chromium may snap the edge of a box at a fractional position to either pixel row, from
    one full-page capture of the same page to the next."""
    size = (max(before.width, after.width), max(before.height, after.height))
    first, second = _on_canvas(before.convert("RGB"), size), _on_canvas(after.convert("RGB"), size)
    largest = _largest_channel_difference(first, second)
    if edge_rows:
        for rows in (1, -1):
            largest = ImageChops.darker(largest, _largest_channel_difference(first, _shifted(second, rows)))
    mask = largest.point(lambda value: 255 if value > tolerance else 0)
    if before.size != after.size:  # where only one screenshot reaches, even a matching colour is a difference
        for image in (before, after):
            if image.width < size[0]:
                mask.paste(255, (image.width, 0, size[0], size[1]))
            if image.height < size[1]:
                mask.paste(255, (0, image.height, size[0], size[1]))
    return mask


def largest_region(mask: Image.Image) -> Box | None:
    """The bounding box of the largest 8-connected group of grid cells that hold a difference."""
    cells = mask.reduce(CELL)  # each cell's mean: non-zero when any of its pixels differs
    columns, rows = cells.size
    marked = cells.tobytes()
    seen = bytearray(len(marked))
    best: tuple[int, Box] | None = None
    for start, value in enumerate(marked):
        if not value or seen[start]:
            continue
        seen[start] = 1
        queue, count = deque([start]), 0
        left, top, right, bottom = columns, rows, 0, 0
        while queue:
            cell = queue.popleft()
            count += 1
            y, x = divmod(cell, columns)
            left, top, right, bottom = min(left, x), min(top, y), max(right, x), max(bottom, y)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < columns and 0 <= ny < rows:
                        neighbour = ny * columns + nx
                        if marked[neighbour] and not seen[neighbour]:
                            seen[neighbour] = 1
                            queue.append(neighbour)
        if best is None or count > best[0]:
            width = min((right + 1) * CELL, mask.width) - left * CELL
            height = min((bottom + 1) * CELL, mask.height) - top * CELL
            best = (count, Box(left * CELL, top * CELL, width, height))
    return best[1] if best else None


def compare_images(
    before: Image.Image, after: Image.Image, tolerance: int = 0, edge_rows: bool = True
) -> tuple[ImageComparison, Image.Image]:
    """The comparison and its difference mask."""
    mask = difference_mask(before, after, tolerance, edge_rows)
    differing = mask.histogram()[255]
    comparison = ImageComparison(
        before_size=before.size,
        after_size=after.size,
        differing_pixels=differing,
        total_pixels=mask.width * mask.height,
        largest_region=largest_region(mask) if differing else None,
    )
    return comparison, mask


def save_side_by_side(before: Image.Image, after: Image.Image, mask: Image.Image, target: Path) -> None:
    """Before | after | the differences in red over a faded copy of after, on one PNG."""
    size = mask.size
    faded = Image.blend(_on_canvas(after.convert("RGB"), size), Image.new("RGB", size, (255, 255, 255)), 0.75)
    highlighted = Image.composite(Image.new("RGB", size, (230, 0, 0)), faded, mask)
    gap = 8
    sheet = Image.new("RGB", (size[0] * 3 + gap * 2, size[1]), (128, 128, 128))
    for index, panel in enumerate((_on_canvas(before.convert("RGB"), size), _on_canvas(after.convert("RGB"), size))):
        sheet.paste(panel, (index * (size[0] + gap), 0))
    sheet.paste(highlighted, (2 * (size[0] + gap), 0))
    if sheet.width > PANEL_WIDTH_LIMIT:
        scale = PANEL_WIDTH_LIMIT / sheet.width
        sheet = sheet.resize((PANEL_WIDTH_LIMIT, max(1, round(sheet.height * scale))), Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
