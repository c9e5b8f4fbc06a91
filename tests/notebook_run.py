"""Running a notebook top to bottom in a fresh Jupyter kernel, as a reader would (shared by the notebook
and under-load tests), confined as a snippet run is.

The kernel is started through ``snippet_runner.sandbox``: its process, and all it starts, runs under
the runner's own layers (no network, the checkout read-only, Landlock's read and write rules, the
run's control groups, no capabilities) with an allowlisted environment, and is killed with its whole
tree at the end. It talks to this process over Unix sockets in its own folder (ZeroMQ's ``ipc``
transport), since it has no network at all.
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from snippet_runner.cpu_paths import SETTINGS
from snippet_runner.project import Project
from snippet_runner.run_environment import RUN_ENVIRONMENT
from snippet_runner.sandbox import Sandbox

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
KERNEL_SETTINGS = ONE_THREAD | {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}
"""What a kernel gets beside the sandbox's allowlist: none of the runner's settings (a reader sets none)."""


def reader_environment() -> dict[str, str]:
    """This process's environment without the runner's settings (which running snippets here adds),
    with one BLAS thread."""
    return {name: value for name, value in os.environ.items() if name not in RUN_ENVIRONMENT} | ONE_THREAD


class ConfinedKernelManager(KernelManager):
    """A kernel started through ``sandbox.command``, its connection file and sockets in the sandbox's folder."""

    def __init__(self, sandbox: Sandbox, **kwargs: object) -> None:
        super().__init__(
            kernel_name="python3",
            transport="ipc",
            ip=str(sandbox.workdir / "kernel"),
            connection_file=str(sandbox.workdir / "kernel.json"),
            **kwargs,
        )
        self.sandbox = sandbox

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return self.sandbox.command(super().format_kernel_cmd(extra_arguments))


def sandbox_for(project: Project) -> Sandbox:
    """A kernel's sandbox, with the largest memory and output budgets any snippet of ``project`` has."""
    options = project.load_options().values()
    return Sandbox.create(
        project.root,
        memory_mb=max(o.memory_mb for o in options),
        output_bytes=max(o.output_mb for o in options) * 2**20,
        settings=KERNEL_SETTINGS | {"JPY_PARENT_PID": str(os.getpid())},  # the kernel ends if this process does
    )


def execute(path: Path | nbformat.NotebookNode, project: Project, timeout: float) -> Run:
    """Run every cell in order in a fresh, confined kernel (working directory: the sandbox's own
    folder), then read what the notebook's own checker recorded."""
    notebook = path if isinstance(path, nbformat.NotebookNode) else nbformat.read(path, as_version=4)
    run = Run(notebook)
    with sandbox_for(project) as sandbox:
        client = NotebookClient(
            notebook,
            timeout=timeout,
            km=ConfinedKernelManager(sandbox),
            resources={"metadata": {"path": str(sandbox.workdir)}},
        )
        kernel_log = sandbox.workdir / "kernel-stderr.txt"  # ipykernel's own warnings; shown when the notebook fails
        try:
            with kernel_log.open("w", encoding="utf-8") as stderr, client.setup_kernel(stderr=stderr):
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
        except Exception as exc:  # the kernel died or never answered: its own words say why
            run.error = f"{type(exc).__name__}: {exc}\nkernel stderr:\n{kernel_log.read_text(encoding='utf-8', errors='replace')[-3000:]}"
        said = [
            line
            for line in kernel_log.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.startswith("warning: sandbox without")
        ]
        said += [f"warning: sandbox without {layer}: {reason}" for layer, reason in sandbox.missing.items()]
        for line in said:  # a layer it went without: never silent
            warnings.warn(line, stacklevel=1)
    return run
