"""The environment every snippet run starts with, and only the runs: it is given to the fork server
that starts them, never set in the runner's own process."""

from __future__ import annotations

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
