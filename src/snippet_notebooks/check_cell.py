"""The notebook's own comparison with the page: a hidden cell after the set-up cell records what each
snippet cell prints and computes, and the last cell reports what differs from the frozen outputs."""

from __future__ import annotations

import dataclasses
import json
import string

from snippet_runner.api import DRIFT_RULES_FILE

from .words import KOREAN, NotebookWords

CHECK_TAG = "page-check"


def _python_string(text: str) -> str:
    """A triple-quoted Python literal for any text."""
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{escaped}"""'


RULES_SOURCE = DRIFT_RULES_FILE.read_text(encoding="utf-8")
"""The comparison rules the tests use, embedded as they are: the notebook cannot drift from them."""

RECORDER = """\
import json
import sys

PAGE = json.loads(__PAGE_JSON__)
LABEL = re.compile(r"^# snippets/(\\S+\\.py)(?: \\((\\d+)/\\d+\\))?")


def _scalar(value):
    if isinstance(value, (bool, int, float, str)):
        return value
    try:
        return value.item()
    except Exception:
        return repr(value)


class _Tee:
    def __init__(self, stream, parts):
        self.stream, self.parts = stream, parts

    def write(self, text):
        self.parts.append(text)
        return self.stream.write(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class PageCheck:
    def __init__(self, page):
        self.page = page
        self.printed = {}  # snippet -> {part: text}
        self.values = {}  # snippet -> {name: value}
        self.figures = {}  # snippet -> {part: images shown}
        self._cell = None
        self._stdout = None
        self._shown = 0
        # Count the images the cell shows (matplotlib's inline figures are published after the cell).
        publisher = get_ipython().display_pub
        self._publish = getattr(publisher, "_page_check_publish", publisher.publish)
        publisher._page_check_publish = self._publish
        publisher.publish = self._count_images

    def _count_images(self, data, *args, **kwargs):
        if self._cell is not None and any(kind.startswith("image/") for kind in data):
            self._shown += 1
        return self._publish(data, *args, **kwargs)

    def before(self, info):
        match = LABEL.match(info.raw_cell or "")
        if not match or match.group(1) not in self.page:
            return
        parts = []
        self._cell = (match.group(1), int(match.group(2) or 1), parts)
        self._shown = 0
        self._stdout, sys.stdout = sys.stdout, _Tee(sys.stdout, parts)

    def after(self, result):
        if self._cell is None:
            return
        sys.stdout = self._stdout
        snippet, part, parts = self._cell
        self._cell = None
        self.printed.setdefault(snippet, {})[part] = "".join(parts)
        self.figures.setdefault(snippet, {})[part] = self._shown
        namespace = get_ipython().user_ns
        recorded = self.values.setdefault(snippet, {})
        for name in self.page[snippet]["values"]:
            head, _, field = name.partition(".")  # "tanh_vs_elu.verdict": a field of a dataclass value
            if head in namespace and (not field or hasattr(namespace[head], field)):
                recorded[name] = _scalar(getattr(namespace[head], field) if field else namespace[head])

    def differences(self, snippet):
        expected = self.page[snippet]
        if snippet not in self.printed:
            return ["__not_run__"]
        tolerance = Tolerance(**expected["tolerance"])
        found = []
        text = "".join(self.printed[snippet][part] for part in sorted(self.printed[snippet]))
        changed = first_changed_line(expected["printed"], text)
        if changed is not None:
            old = (expected["printed"].splitlines() + [""] * changed)[changed - 1]
            new = (text.splitlines() + [""] * changed)[changed - 1]
            found.append(f"__text_differs__")
        else:
            for line, a, b in number_drifts(expected["printed"], text, tolerance):
                found.append(f"__number_differs__")
        for name, old in expected["values"].items():
            new = self.values.get(snippet, {}).get(name, "__missing__")
            if value_differs(old, new, tolerance):
                found.append(f"__value_differs__")
        shown, page_figures = sum(self.figures.get(snippet, {}).values()), expected["figures"]
        if shown != page_figures:
            found.append(f"__figures_differ__")
        return found

    def report(self):
        failed, total = 0, len(self.page)
        for snippet, expected in self.page.items():
            found = self.differences(snippet)
            lines, values, figures = expected["printed"].count("\\n"), len(expected["values"]), expected["figures"]
            if found:
                failed += 1
                print(f"✗ snippets/{snippet}")
                for line in found[:10]:
                    print(f"    {line}")
            else:
                print(f"__matches__")
        if failed:
            print(f"__some_differ__")
        else:
            print(f"__all_match__")
        return failed


_events = get_ipython().events
if "_page_check" in globals():  # this cell was run before: replace the old recorder
    _events.unregister("pre_run_cell", _page_check.before)
    _events.unregister("post_run_cell", _page_check.after)
_page_check = PageCheck(PAGE)
_events.register("pre_run_cell", _page_check.before)
_events.register("post_run_cell", _page_check.after)
"""


def _recorder(words: NotebookWords) -> str:
    """The recorder with the edition's messages in its f-strings (``words.CheckMessages``)."""
    recorder = RECORDER
    for name, text in dataclasses.asdict(words.messages).items():
        if any(character in text for character in '"\\\n'):
            raise ValueError(f"message {name}: {text!r} cannot hold a quote, a backslash or a line break")
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
        if not all(field.isidentifier() for field in fields):
            raise ValueError(f"message {name}: {text!r}: a field names one variable, as {{total}} does, not {fields}")
        recorder = recorder.replace(f"__{name}__", text)
    return recorder


def report_code(words: NotebookWords = KOREAN) -> str:
    """The last cell: the report of what differs from the page."""
    return f"{words.report_comment}\n_page_check.report()"


def check_code(expected: dict[str, dict], words: NotebookWords = KOREAN) -> str:
    """The recorder cell's source: the comparison rules, then what the page shows for each snippet."""
    page = _python_string(json.dumps(expected, ensure_ascii=False, indent=1))
    return f"{words.check_title}\n{RULES_SOURCE}\n\n{_recorder(words).replace('__PAGE_JSON__', page)}"
