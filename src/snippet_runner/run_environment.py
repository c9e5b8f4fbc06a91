"""The environment every snippet run starts with, and only the runs: it is given to the fork server
that starts them (and to a confined notebook kernel), never set in the runner's own process.

It is an allowlist: a snippet sees these settings, the locale and ``PATH`` of the machine, and a home
folder of its own, never the job's environment (a CI job's ``GITHUB_TOKEN`` or secrets).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from . import cpu_paths

# Set for the fork server, so every run starts alike; they apply before torch or numpy start threads.
# The three CPU settings make float results the same on every x86-64 machine with AVX2. Without them
# torch picks AVX-512 kernels where the CPU has them, and MKL picks its matrix product by CPU model,
# so a convolution, a GELU or a long training run rounds differently (an accuracy moves in the third
# decimal). MKL honours only its COMPATIBLE mode on AMD processors. Part of every cache key.
RUN_ENVIRONMENT = {
    **cpu_paths.PATHS[cpu_paths.PINNED],
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
    "TF_CPP_MIN_LOG_LEVEL": "2",
}

PASSED_THROUGH = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "TZ", "PYTHONUTF8")
"""The only variables of the caller's environment a snippet sees: where programs are, the locale, the time zone."""


def confined_environment(home: str, settings: Mapping[str, str | None]) -> dict[str, str]:
    """The whole environment of a confined process: ``PASSED_THROUGH`` from this one, ``settings``
    (a None value leaves a variable unset), and ``home`` as its home folder."""
    environment = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    environment["HOME"] = home
    for name, value in settings.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment
