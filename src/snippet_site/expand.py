"""Expand the page directives into Markdown.

On a line of its own::

    {{ output area/page/name.py[:section] }}
    {{ figure area/page/name.py[:section] "캡션 (caption)" }}
    {{ explorer area/page/name.py:section "캡션 (caption)" }}   (``explorers``)

Anywhere in prose or tables::

    {{ value area/page/name.py variable [format-spec] }}
    {{ value area/page/name.py comparison verdict }}      (``verdict_text``)

Directives inside fenced code blocks or inline code are left alone.
"""

from __future__ import annotations

import html
import posixpath
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from snippet_runner.api import (
    BLOCK,
    INCLUDE_LINE,
    NUMBER,
    VALUE,
    CodeMap,
    EnglishEdition,
    SnippetError,
    Spread,
    plus_minus,
    scan,
    shown_varies,
)

from . import explorers, verdict_text
from .language import KOREAN, PageWords

if TYPE_CHECKING:
    from snippet_runner.api import FrozenOutputs

SNIPPET_LINE = re.compile(r"^(\s*)(-+8<-+)")
FIGURES_URI = "figures"


class DirectiveError(SnippetError):
    """A directive cannot be expanded; the message starts with ``page:line``."""


@dataclass
class PageContext:
    """What expanding one page needs: how to load a snippet's frozen outputs and where the page is."""

    page_uri: str
    """The page's path relative to docs/, e.g. ``activation/relu.md``."""
    page_label: str
    """How errors name the page, e.g. ``docs/activation/relu.md``."""
    load_outputs: Callable[[str], FrozenOutputs | None]
    describe: Callable[[str], str] = lambda snippet_id: ""
    """Optional provenance text for a snippet, shown on hover."""
    words: PageWords = KOREAN
    """What the edition writes around the outputs (``language``)."""
    translate: Callable[[str], str] = str
    """The edition's text for a label of an explorer (``snippet_runner.figure_text``)."""
    english: EnglishEdition | None = None
    """In the English edition: the English of the snippets' code, output and string values."""
    figure_size: Callable[[str, str], tuple[int, int] | None] = lambda snippet_id, file: None
    """A frozen figure's width and height in pixels, so the page keeps its place before it loads."""
    figure_count: int = field(default=0)


def figure_uri(snippet_id: str, file: str) -> str:
    return f"{FIGURES_URI}/{snippet_id.removesuffix('.py')}/{file}"


def shown_file(file: str) -> str:
    """The file a page shows for a frozen figure: its lossless WebP copy (``assets.webp_copy``), same pixels."""
    return str(PurePosixPath(file).with_suffix(".webp"))


def _split_ref(ref: str) -> tuple[str, str]:
    snippet_id, _, section = ref.partition(":")
    return snippet_id, section


def _outputs(context: PageContext, snippet_id: str, where: str) -> FrozenOutputs:
    outputs = context.load_outputs(snippet_id)
    if outputs is None:
        raise DirectiveError(f"{where}: no frozen output for snippet '{snippet_id}' (is the path right?)")
    return outputs


def _provenance(context: PageContext, snippet_id: str, tag: str) -> str:
    """A small focusable "source" label whose text (snippet, versions, seed, run time, date) shows on
    hover or focus; kept out of the search index."""
    text = context.describe(snippet_id)
    if not text:
        return ""
    return (
        f'<{tag} class="snippet-provenance" tabindex="0" data-search-exclude>'
        f'<span class="snippet-provenance__label">{context.words.provenance}</span>'
        f'<span class="snippet-provenance__text">{html.escape(text)}</span></{tag}>'
    )


def _render_output(context: PageContext, args: list[str], indent: str, where: str) -> list[str]:
    if len(args) != 1:
        raise DirectiveError(f"{where}: use {{{{ output path.py[:section] }}}}")
    snippet_id, section = _split_ref(args[0])
    outputs = _outputs(context, snippet_id, where)
    sections = outputs["sections"]
    if section not in sections:
        raise DirectiveError(
            f"{where}: snippet '{snippet_id}' has no section '{section}' (has: {', '.join(s for s in sections if s)})"
        )
    printed = sections[section].rstrip("\n")
    if not printed:
        raise DirectiveError(f"{where}: '{args[0]}' prints nothing; remove the output block or print something")
    text = context.english.output(snippet_id, section, printed) if context.english else printed
    spread = Spread.from_json(outputs.get("cpu_spread"))
    marked = spread.lines(section)
    highlight = f' hl_lines="{" ".join(map(str, marked))}"' if marked else ""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    # pymdown snippets would treat a printed `--8<--` line as an include: escape it with `;`.
    lines = [SNIPPET_LINE.sub(r"\1;\2", line) for line in text.split("\n")]
    block = [
        f'{indent}{fence}text title="{context.words.output_title}"{highlight}',
        *(f"{indent}{line}" if line else "" for line in lines),
        f"{indent}{fence}",
        "",
    ]
    if len(lines) > LONG_OUTPUT_LINES:  # a phone lays out a long block only when a reader opens it
        summary = html.escape(context.words.long_output.format(lines=len(lines)))
        block = [
            f'{indent}<details class="snippet-output__long" markdown="block">',
            f"{indent}<summary>{summary}</summary>",
            "",
            *block,
            f"{indent}</details>",
            "",
        ]
    return [
        f'{indent}<div class="snippet-output" markdown="block">',
        *([f"{indent}{chip}"] if (chip := _provenance(context, snippet_id, "div")) else []),
        "",
        *block,
        *(
            [f"{indent}{note}", ""]
            if (note := _cpu_note(context.words, printed, spread.sections.get(section, [])))
            else []
        ),
        f"{indent}</div>",
    ]


NOTE_NUMBERS = 6
LONG_OUTPUT_LINES = 30
"""An output longer than this is shown collapsed, under a summary that gives its length."""


def _cpu_note(words: PageWords, text: str, moves: list[list[float]]) -> str:
    """Under an output block: which of its numbers move with the CPU, and by how much."""
    if not moves:
        return ""
    lines = text.split("\n")
    listed = [
        f"{NUMBER.findall(lines[int(line) - 1])[int(index)]}({plus_minus(move)})"
        for line, index, move in moves[:NOTE_NUMBERS]
    ]
    more = words.more.format(count=len(moves) - NOTE_NUMBERS) if len(moves) > NOTE_NUMBERS else ""
    return (
        f'<p class="snippet-output__cpu">{words.cpu_note.format(listed=html.escape(", ".join(listed)), more=more)}</p>'
    )


def _render_explorer(context: PageContext, args: list[str], indent: str, where: str) -> list[str]:
    """The still figure, marked as an explorer and carrying the section's grid as JSON for the page's script."""
    snippet_id, section = _split_ref(args[0]) if args else ("", "")
    if len(args) != 2 or not section or not args[1].strip():
        raise DirectiveError(f'{where}: use {{{{ explorer path.py:section "caption" }}}}')
    outputs = _outputs(context, snippet_id, where)
    if section not in outputs["sections"]:
        raise DirectiveError(f"{where}: snippet '{snippet_id}' has no section '{section}'")
    try:
        explorer = explorers.parse(outputs["sections"][section])
    except explorers.ExplorerError as exc:
        raise DirectiveError(
            f"{where}: section '{section}' of snippet '{snippet_id}' is not an explorer table: {exc}"
        ) from exc
    if sum(f["section"] == section for f in outputs["figures"]) != 1:
        raise DirectiveError(f"{where}: section '{section}' of snippet '{snippet_id}' must draw one still figure")
    lines = _render_figure(context, args, indent, where, explorer=explorers.data_attribute(explorer, context.translate))
    moves = [move for _, _, move in Spread.from_json(outputs.get("cpu_spread")).sections.get(section, [])]
    if moves:  # as under an output block: the drawn points are the pinned path's, and some move on other CPUs
        note = context.words.explorer_varies.format(count=len(moves), largest=plus_minus(max(moves)))
        lines += [f'{indent}<p class="snippet-explorer__varies">{note}</p>', ""]
    return lines


def _size_attributes(size: tuple[int, int] | None) -> str:
    return f" width={size[0]} height={size[1]}" if size else ""


def _render_figure(context: PageContext, args: list[str], indent: str, where: str, explorer: str = "") -> list[str]:
    if len(args) != 2 or not args[1].strip():
        raise DirectiveError(f'{where}: use {{{{ figure path.py[:section] "caption" }}}}')
    snippet_id, section = _split_ref(args[0])
    figures = [f for f in _outputs(context, snippet_id, where)["figures"] if not section or f["section"] == section]
    if not figures:
        raise DirectiveError(f"{where}: '{args[0]}' leaves no figure open")
    alt = args[1].strip()
    number = context.figure_count + 1
    attributes = (
        f' class="snippet-figure snippet-explorer" id="explorer-{number}" data-explorer="{explorer}"'
        if explorer
        else ' class="snippet-figure"'
    )
    lines = []
    for position, figure in enumerate(figures, start=1):
        context.figure_count += 1
        here = posixpath.dirname(context.page_uri) or "."
        light, dark = (
            posixpath.relpath(figure_uri(snippet_id, shown_file(figure[variant])), here)
            for variant in context.words.figure_variants
        )
        light_size, dark_size = (
            _size_attributes(context.figure_size(snippet_id, figure[variant]))
            for variant in context.words.figure_variants
        )
        suffix = f" ({position}/{len(figures)})" if len(figures) > 1 else ""
        markdown_alt = re.sub(r"([\[\]\\])", r"\\\1", alt + suffix)
        # Inline in the caption: an element of its own name, because Material's search parser ends an excluded
        # element at the first closing tag of the same name, and the label and text inside are spans.
        chip = _provenance(context, snippet_id, "snippet-provenance")
        caption_label = context.words.figure.format(number=context.figure_count)
        lines += [
            f'{indent}<figure{attributes} markdown="span">',
            # Material shows one of the two by the reader's colour scheme; without it (no JavaScript), the light one.
            f"{indent}  ![{markdown_alt}]({light}#only-light){{ loading=lazy{light_size} }}",
            f"{indent}  ![{markdown_alt}]({dark}#only-dark){{ loading=lazy{dark_size} }}",
            f"{indent}  <figcaption>{caption_label} {html.escape(alt + suffix)}{' ' + chip if chip else ''}</figcaption>",
            f"{indent}</figure>",
            "",
        ]
    return lines


def _render_value(context: PageContext, args: list[str], where: str) -> str:
    if len(args) not in (2, 3):
        raise DirectiveError(f"{where}: use {{{{ value path.py name [format] }}}}")
    snippet_id, name = args[0], args[1]
    outputs = _outputs(context, snippet_id, where)
    values = outputs["values"]
    if len(args) == 3 and args[2] in verdict_text.SPECS:
        try:
            return verdict_text.render(context.words, outputs, name, args[2])
        except verdict_text.NotAVerdict as exc:
            raise DirectiveError(f"{where}: {exc}") from exc
    if name not in values:
        raise DirectiveError(f"{where}: snippet '{snippet_id}' has no top-level value '{name}'")
    spec = args[2] if len(args) == 3 else ""
    value = context.english.value(snippet_id, name, values[name]) if context.english else values[name]
    try:
        text = format(value, spec)
    except (ValueError, TypeError) as exc:
        raise DirectiveError(f"{where}: cannot format '{name}' with '{spec}': {exc}") from exc
    move = Spread.from_json(outputs.get("cpu_spread")).values.get(name, 0.0)
    if move and shown_varies(float(values[name]), move, spec):
        title = html.escape(context.words.varies_title.format(spread=plus_minus(move)))
        return f'<span class="cpu-varies" tabindex="0" title="{title}">{html.escape(text)}</span>'
    return html.escape(text)


def _parse_args(text: str, where: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError as exc:
        raise DirectiveError(f"{where}: {exc}") from exc


def _replace_values(line: str, number: int, code: CodeMap, context: PageContext, where: str) -> str:
    def replace(match: re.Match) -> str:
        if code.in_code(number, match.start()):
            return match.group(0)
        return _render_value(context, _parse_args(match.group("args"), where), where)

    return VALUE.sub(replace, line)


def expand(markdown: str, context: PageContext) -> str:
    out: list[str] = []
    lines = markdown.split("\n")
    code = scan(lines)
    for number, line in enumerate(lines):
        where = f"{context.page_label}:{number + 1}"
        include = INCLUDE_LINE.match(line) if context.english else None
        if include and context.english:  # pymdown snippets includes wherever the line stands: so do we
            indent = include.group("indent")
            lines_shown = context.english.code(include.group("path"), include.group("section") or "")
            out += [f"{indent}{shown}" if shown else "" for shown in lines_shown]
            continue
        if code.in_fence(number):
            out.append(line)
            continue
        block = BLOCK.match(line)
        if block and not code.in_code(number, len(block.group("indent"))):
            args = _parse_args(block.group("args"), where)
            render = {"output": _render_output, "figure": _render_figure, "explorer": _render_explorer}[
                block.group("kind")
            ]
            out += render(context, args, block.group("indent"), where)
        else:
            out.append(_replace_values(line, number, code, context, where))
    return "\n".join(out)
