"""Finding a page's fenced blocks and inline code spans (markdown_scan) and the directives outside them."""

from __future__ import annotations

from typing import Any

from snippet_runner.grammar import Reference, references
from snippet_runner.markdown_scan import CodeMap, scan
from snippet_site.expand import PageContext, expand

OUTPUTS: dict[str, Any] = {"demo/x.py": {"sections": {"": "hello\n"}, "figures": [], "values": {"v": 3}}}


def _scan(text: str) -> tuple[list[str], CodeMap]:
    lines = text.split("\n")
    return lines, scan(lines)


def _expand(text: str) -> str:
    return expand(text, PageContext(page_uri="p.md", page_label="docs/p.md", load_outputs=OUTPUTS.get))


def _spans(lines: list[str], code: CodeMap) -> dict[int, list[str]]:
    return {line: [lines[line][start:end] for start, end in found] for line, found in code.spans.items()}


def test_a_double_backtick_span_holds_a_single_backtick_and_a_directive() -> None:
    text = "a ``x ` {{ value demo/x.py v }}`` b {{ value demo/x.py v }}"
    lines, code = _scan(text)
    assert _spans(lines, code) == {0: ["``x ` {{ value demo/x.py v }}``"]}
    assert _expand(text) == "a ``x ` {{ value demo/x.py v }}`` b 3"


def test_single_backtick_spans_and_an_escaped_backtick() -> None:
    text = r"\`{{ value demo/x.py v }} and `{{ value demo/x.py v }}`"
    assert _expand(text) == r"\`3 and `{{ value demo/x.py v }}`"


def test_a_directive_inside_a_tilde_fence_is_left_alone() -> None:
    text = "~~~text\n{{ value demo/x.py v }}\n```\n{{ output demo/x.py }}\n~~~\n{{ value demo/x.py v }}"
    _, code = _scan(text)
    assert code.fenced == {0, 1, 2, 3, 4}
    assert _expand(text).split("\n") == [*text.split("\n")[:5], "3"]


def test_an_indented_fence_inside_a_list_is_a_fence() -> None:
    text = "- item\n\n    ```text\n    {{ value demo/x.py v }}\n    ```\n\n- {{ value demo/x.py v }}"
    _, code = _scan(text)
    assert code.fenced == {2, 3, 4}
    assert _expand(text).split("\n")[3] == "    {{ value demo/x.py v }}"
    assert _expand(text).split("\n")[-1] == "- 3"


def test_a_fence_under_an_admonition_or_in_html_is_a_fence() -> None:
    text = '??? "code"\n\n    ```python\n    # not a heading\n    ```\n<div markdown="block">\n```text\nx\n```\n</div>'
    _, code = _scan(text)
    assert code.fenced == {2, 3, 4, 6, 7, 8}


def test_a_directive_after_a_closed_fence_is_expanded() -> None:
    text = "```python\nprint(1)\n```\n\n{{ value demo/x.py v }}\n\n{{ output demo/x.py }}"
    expanded = _expand(text)
    assert "\n3\n" in expanded and "hello" in expanded
    assert expanded.startswith("```python\nprint(1)\n```\n")


def test_an_info_string_does_not_close_a_fence() -> None:
    text = "````md\n```python\n{{ value demo/x.py v }}\n```\n````\n{{ value demo/x.py v }}"
    assert _expand(text).split("\n")[-1] == "3"
    assert _expand(text).split("\n")[2] == "{{ value demo/x.py v }}"


def test_a_span_over_two_lines_and_table_rows() -> None:
    text = "a `b\n{{ value demo/x.py v }} c` d\n\n| `a|b` | {{ value demo/x.py v }} |\n|---|---|\n| `x | y |"
    lines, code = _scan(text)
    assert _spans(lines, code)[3] == ["`a|b`"]
    assert 5 not in code.spans  # an unmatched backtick is no span, and spans do not cross rows
    assert code.in_code(1, 0)
    assert _expand(text).split("\n")[1] == "{{ value demo/x.py v }} c` d"
    assert _expand(text).split("\n")[3] == "| `a|b` | 3 |"


def test_line_numbers_follow_the_given_lines() -> None:
    lines = ["a\r", "```\r", "{{ value demo/x.py v }}\r", "```\r", "`x`\r"]
    code = scan(lines)
    assert code.fenced == {1, 2, 3}
    assert code.spans == {4: [(0, 3)]}


def test_references_count_includes_everywhere_and_directives_outside_code() -> None:
    text = (
        '```python\n--8<-- "demo/a.py"\n{{ value demo/b.py v }}\n```\n'
        "`{{ output demo/c.py }}` {{ value demo/d.py v }}\n"
        '{{ figure demo/e.py "alt" }}'
    )
    lines, code = _scan(text)
    assert references(lines, code) == [Reference(1, "demo/a.py"), Reference(4, "demo/d.py"), Reference(5, "demo/e.py")]
