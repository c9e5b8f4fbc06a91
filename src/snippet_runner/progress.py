"""What the runner says while it runs: which snippet finished, which still runs, and the warnings of a run."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from .messages import Messages

if TYPE_CHECKING:
    from .scheduler import RunResult


@dataclass
class Progress:
    """Says which snippet runs and for how long; quiet when nothing runs."""

    stream: TextIO | None = None
    """None: through the ``snippet_runner`` loggers (see ``messages``); otherwise printed to this stream."""
    total: int = 0
    done: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    warned: set[str] = field(default_factory=set)

    def say(self, text: str, *, warning: bool = False) -> None:
        with self.lock:
            messages = Messages(self.stream)
            (messages.warning if warning else messages.progress)(text)

    def finished(self, result: RunResult) -> None:
        for layer, why in sorted(result.warnings.items()):
            if layer not in self.warned:
                self.warned.add(layer)
                self.say(
                    f"warning: snippets run without containment of their {layer}: {why} (see ARCHITECTURE.md, Containment)",
                    warning=True,
                )
        for note in result.notes:
            self.say(f"note: {note}", warning=True)
        self.done += 1
        mark = "ok" if result.ok else "FAILED"
        self.say(f"[{self.done}/{self.total}] {result.snippet.id} {mark} in {result.seconds:.1f} s")
