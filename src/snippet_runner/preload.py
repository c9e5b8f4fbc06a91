"""Imported once by the fork server, so that each snippet run starts with these modules loaded.

Each run is still a fresh process forked from this state: nothing a snippet does reaches another.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot
import numpy  # noqa: F401

# torch is preloaded too, by name, when a snippet of the run uses it (scheduler._context).
