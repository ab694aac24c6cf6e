"""Progress on stderr while rewriting (stage, unit n/N, tokens/s); silent when not a terminal."""

from __future__ import annotations

import sys
import time
from typing import Any

from rewriter.pipeline import Progress


class TerminalProgress(Progress):
    def __init__(self, generator: Any = None) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.enabled = sys.stderr.isatty()
        self.generator = generator
        self._status: Any = None
        self._stage = ""
        self._start = time.perf_counter()

    def __enter__(self) -> TerminalProgress:
        if self.enabled:
            self._status = self.console.status("Démarrage…")
            self._status.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._status is not None:
            self._status.__exit__(*exc)

    def stage(self, name: str) -> None:
        self._stage = name
        if self._status is not None:
            self._status.update(f"{name}…")

    def units(self, done: int, total: int) -> None:
        if self._status is None:
            return
        speed = ""
        usage = getattr(self.generator, "usage", None)
        if usage is not None and usage.seconds:
            speed = f" — {usage.generated_tokens / usage.seconds:.0f} jetons/s"
        self._status.update(f"{self._stage} : phrase {done}/{total}{speed}")
