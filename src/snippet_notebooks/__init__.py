"""Generated Jupyter notebooks: one per page with code, for each edition, checked against the frozen outputs."""

from .generate import *  # noqa: F403 - the package's surface is generate's (its __all__)
from .generate import __all__ as __all__
