"""Where a pass says what it does: the ``snippet_runner`` loggers, or a text stream its caller passes.

- progress (which snippet runs and how long it took, what is re-run and why, what is still running)
  goes to the logger ``snippet_runner.progress`` at INFO;
- warnings and errors go to ``snippet_runner`` at WARNING and ERROR, the summary line at INFO.

Library code only logs; the command line configures logging (``snippet-runner --quiet`` silences
``snippet_runner.progress``). A caller that passes a stream (the MkDocs plugin, tests) gets every
message printed to it instead, as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TextIO

LOGGER = "snippet_runner"
PROGRESS_LOGGER = "snippet_runner.progress"


@dataclass(frozen=True)
class Messages:
    stream: TextIO | None = None
    """None: through the loggers; otherwise printed to this stream, every message."""

    def _emit(self, logger: str, level: int, text: str) -> None:
        if self.stream is None:
            logging.getLogger(logger).log(level, text)
        else:
            print(text, file=self.stream, flush=True)

    def progress(self, text: str) -> None:
        self._emit(PROGRESS_LOGGER, logging.INFO, text)

    def warning(self, text: str) -> None:
        self._emit(LOGGER, logging.WARNING, text)

    def error(self, text: str) -> None:
        self._emit(LOGGER, logging.ERROR, text)

    def summary(self, text: str) -> None:
        self._emit(LOGGER, logging.INFO, text)
