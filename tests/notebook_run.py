"""Running a notebook top to bottom in a fresh Jupyter kernel, as a reader would (shared by the notebook
and under-load tests)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from snippet_runner.cpu_paths import SETTINGS
from snippet_runner.run_environment import RUN_ENVIRONMENT

ALL_MATCH = "의 출력, 값, 그림 수가 페이지와 일치합니다."
"""What a Korean notebook's report says when everything matches (``snippet_notebooks.words``)."""
ALL_MATCH_IN = {"docs": ALL_MATCH, "docs-en": "match the page: outputs, values and figure counts."}
"""The same, by edition."""
READER_PATH = dict.fromkeys(SETTINGS)
"""The CPU kernel settings in a reader's notebook: none, the machine picks."""
PROBE = f"""\
import json, os, sys
print(json.dumps({{
    "values": _page_check.values,
    "environment": {{name: os.environ.get(name) for name in {list(SETTINGS)!r}}},
    "capability": sys.modules["torch"].backends.cpu.get_cpu_capability() if "torch" in sys.modules else None,
}}, ensure_ascii=False))"""


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    values: dict = field(default_factory=dict)
    environment: dict = field(default_factory=dict)
    """The CPU kernel settings the kernel had after the last cell."""
    capability: str | None = None
    """torch's CPU kernel family (``AVX2``), if the notebook imported torch."""
    error: str = ""


ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
"""For the kernels here, which share the cores with each other and with the snippet runs: idle BLAS
threads that wait by spinning only slow everything down. (torch already runs one thread, set by the
notebook; thread counts pick no CPU kernels.)"""


def reader_environment() -> dict[str, str]:
    """This process's environment without the runner's settings (which running snippets here adds),
    with one BLAS thread."""
    return {name: value for name, value in os.environ.items() if name not in RUN_ENVIRONMENT} | ONE_THREAD


def execute(path: Path | nbformat.NotebookNode, workdir: Path, timeout: float) -> Run:
    """Run every cell in order in a fresh kernel (working directory: a temp dir), then read what the
    notebook's own checker recorded."""
    notebook = path if isinstance(path, nbformat.NotebookNode) else nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}})
    run = Run(notebook)
    try:
        with client.setup_kernel(env=reader_environment()):
            for index, cell in enumerate(list(notebook.cells)):
                client.execute_cell(cell, index)
            probe = nbformat.v4.new_code_cell(PROBE)
            notebook.cells.append(probe)
            client.execute_cell(probe, len(notebook.cells) - 1)
            notebook.cells.pop()
            state = json.loads("".join(o.get("text", "") for o in probe.outputs if o.output_type == "stream"))
            run.values, run.environment, run.capability = state["values"], state["environment"], state["capability"]
    except CellExecutionError as exc:
        run.error = str(exc)
    return run
