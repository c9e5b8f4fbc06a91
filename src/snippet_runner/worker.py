"""The child side of a run: executes one snippet in a forked process and writes ``result.json``.

The parent (``scheduler``) owns timeouts and memory limits; this module only runs and records.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import dataclasses
import json
import logging
import os
import resource
import sys
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import worker_setup
from .confine import Fence, confine
from .errors import SnippetError
from .payloads import Value
from .source import SnippetSource

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FILE = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
FONT_HINT = "the Korean font is missing: run `apt-get install -y fonts-nanum` (as root)"
MAX_STRING_VALUE = 500


@dataclass(frozen=True)
class Job:
    snippet_id: str
    path: str
    repo_root: str
    workdir: str
    threads: int
    style_file: str
    runner_pid: int = 0
    """The runner's process; the run ends when it does. 0: no such watch."""
    cgroup_procs: tuple[str, ...] = ()
    """The ``cgroup.procs`` files of the run's control groups, which the worker joins first."""
    output_bytes: int = 8 * 2**20
    """The largest file the run may write, its printed output included."""
    figure_text: tuple[tuple[str, str], ...] = ()
    """Korean figure texts and their English (``figure_text.Translation.pairs``)."""
    snippets_dir: str = ""
    """The snippets' root, whose modules every snippet may import (``dependencies.local_module``)."""


class GlyphMissing(SnippetError):
    """A figure needs a glyph the configured fonts do not have."""


class _GlyphWatcher(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if ("missing from" in message and "font" in message) or "does not have a glyph" in message:
            raise GlyphMissing(message)


def _fresh_random_state() -> None:
    """Seed torch's global generator from the system, as a new interpreter does.

    Python's ``random`` reseeds itself after a fork and numpy's global generator does too, but torch
    does not: every run forked from the same server would draw the same "random" numbers, so a
    snippet that forgot its seed would look deterministic here and print other numbers for a reader.
    """
    if "torch" in sys.modules:
        sys.modules["torch"].seed()


def _configure_libraries(job: Job) -> None:
    import matplotlib
    from matplotlib import font_manager

    if not FONT_FILE.exists():
        raise GlyphMissing(FONT_HINT)
    matplotlib.rc_file(job.style_file)
    font_manager.fontManager.addfont(str(FONT_FILE))
    logging.getLogger("matplotlib").addHandler(_GlyphWatcher())
    warnings.filterwarnings("error", message=r".*missing from (current )?font", category=UserWarning)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(job.threads)


def _publishable(value: object) -> Value | None:
    """A top-level value the pages may quote: a scalar, or a 0-d numpy/torch value."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if len(value) <= MAX_STRING_VALUE else None
    item = getattr(value, "item", None)
    numel = getattr(value, "size", None)
    if callable(item) and (numel == 1 or numel == () or getattr(value, "ndim", None) == 0):
        try:
            scalar = item()
        except (ValueError, RuntimeError, TypeError):
            return None
        return scalar if isinstance(scalar, bool | int | float) else None
    return None


def published_values(namespace: dict) -> dict[str, Value]:
    """The top-level values the pages may quote. A dataclass instance publishes each scalar field as
    ``name.field`` (a comparison's ``tanh_vs_elu.verdict``, ``tanh_vs_elu.low``, ...)."""
    values: dict[str, Value] = {}
    for name, raw in namespace.items():
        if name.startswith("_"):
            continue
        if dataclasses.is_dataclass(raw) and not isinstance(raw, type):
            for field in dataclasses.fields(raw):
                if (value := _publishable(getattr(raw, field.name))) is not None:
                    values[f"{name}.{field.name}"] = value
        elif (value := _publishable(raw)) is not None:
            values[name] = value
    return values


def _error_record(exc: BaseException, path: str) -> dict:
    frames = traceback.extract_tb(exc.__traceback__)
    in_snippet = [f for f in frames if f.filename == path]
    line = in_snippet[-1].lineno if in_snippet else None
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next  # drop the runner's own frames: the traceback starts in the snippet
    text = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
    return {"type": type(exc).__name__, "message": str(exc), "line": line, "traceback": text}


def _flush() -> None:
    """Flush both streams; a stream at the output limit (EFBIG) has already failed the snippet."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):
            stream.flush()


def execute(job: Job) -> None:
    """Entry point of the forked process. Always ends with ``os._exit``."""
    workdir = Path(job.workdir)
    result: dict = {"sections": [], "figures": [], "values": {}, "error": None, "reads": []}
    reads: set[str] = set()
    code = 1
    try:
        os.setpgid(0, 0)  # without cgroups, the runner kills this group on a timeout
        missing = worker_setup.join_cgroups(job.cgroup_procs)
        worker_setup.end_with_runner(job.runner_pid)
        os.chdir(workdir)
        worker_setup.private_temp(workdir)
        worker_setup.redirect_output(workdir)
        _configure_libraries(job)
        confinement = confine(Fence(checkout=job.repo_root, workdir=job.workdir, output_bytes=job.output_bytes))
        result["confinement"] = {"applied": confinement.applied, "missing": missing | confinement.missing}
        reads = worker_setup.guard_repository(job.repo_root)
        _fresh_random_state()
        code = _run(job, workdir, result)
    except BaseException as exc:
        result["error"] = _error_record(exc, job.path)
    finally:
        try:
            _flush()
            usage = resource.getrusage(resource.RUSAGE_SELF)  # this process only: counters start at 0 after fork
            result["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 2)
            result["reads"] = sorted(reads)
            (workdir / "result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        finally:
            os._exit(code)


def _run(job: Job, workdir: Path, result: dict) -> int:
    import matplotlib.pyplot as plt
    from matplotlib._pylab_helpers import Gcf

    from . import dark_style, figure_text

    path = Path(job.path)
    segments = SnippetSource.read(path).segments
    namespace = {"__name__": "__main__", "__file__": job.path, "__builtins__": builtins}
    sys.argv = [job.path]
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(path.parent))
    if job.snippets_dir:
        sys.path.insert(1, job.snippets_dir)
    # The figures themselves, not their numbers: a figure closed in a later section is still saved
    # as it was drawn, and a new figure that reuses a closed figure's number is a figure of its own.
    figures: list[tuple[str, Figure]] = []
    offset = 0
    for segment in segments:
        try:
            exec(compile(ast.Module(segment.body, []), job.path, "exec"), namespace)
        except SystemExit as exc:
            if exc.code not in (0, None):
                result["error"] = _error_record(exc, job.path)
                return 1
            break  # sys.exit() ends the snippet normally, as it does for `python snippet.py`
        except BaseException as exc:
            result["error"] = _error_record(exc, job.path)
            return 1
        finally:
            _flush()
            end = os.lseek(1, 0, os.SEEK_CUR)
            result["sections"].append({"name": segment.section, "start": offset, "end": end})
            offset = end
            known = {id(figure) for _, figure in figures}
            for manager in sorted(Gcf.get_all_fig_managers(), key=lambda m: m.num):
                if id(manager.canvas.figure) not in known:
                    figures.append((segment.section, manager.canvas.figure))
    figures_dir = workdir / "figures"
    figures_dir.mkdir()
    english = figure_text.Translation(job.figure_text)
    untranslated: list[str] = []
    for index, (section, figure) in enumerate(figures, start=1):
        # Each drawing is saved four times: as drawn, in English, then restyled for the dark scheme
        # ("auto" keeps its new background) in English and, with its Korean put back, as drawn.
        names = {variant: f"figure-{index}.{variant}.png" for variant in ("file", "en", "en_dark", "dark")}
        figure.savefig(figures_dir / names["file"], metadata={"Software": None})
        korean = figure_text.translate(figure, english)
        figure.savefig(figures_dir / names["en"], metadata={"Software": None})
        untranslated += [f"figure {index}: {text!r}" for text in figure_text.leftovers(figure)]
        dark_style.restyle(figure)
        figure.savefig(figures_dir / names["en_dark"], metadata={"Software": None}, facecolor="auto", edgecolor="auto")
        figure_text.restore(korean)
        figure.savefig(figures_dir / names["dark"], metadata={"Software": None}, facecolor="auto", edgecolor="auto")
        result["figures"].append({"section": section, **names})
    plt.close("all")
    if untranslated:  # every text at once, so that one edit of the table covers them
        raise figure_text.Untranslated("no English in snippets/figure_text.en.toml for " + ", ".join(untranslated))
    result["values"] = published_values(namespace)
    return 0
