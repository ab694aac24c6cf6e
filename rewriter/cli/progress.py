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


class BatchProgress(Progress):
    """A progress bar over the articles of a batch, with the current article's stage and
    unit count; a plain line per article when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.enabled = sys.stderr.isatty()
        self.total = total
        self.generator: Any = None
        self._bar: Any = None
        self._task: Any = None
        self._name = ""
        self._stage = ""

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=self.console,
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def start_article(self, index: int, job: Any) -> None:
        self._name = job.source.name
        self._show(f"{self._name}")

    def finish_article(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def stage(self, name: str) -> None:
        self._stage = name
        self._show(f"{self._name} — {name}…")

    def units(self, done: int, total: int) -> None:
        speed = ""
        usage = getattr(self.generator, "usage", None)
        if usage is not None and usage.seconds:
            speed = f" — {usage.generated_tokens / usage.seconds:.0f} jetons/s"
        self._show(f"{self._name} — {self._stage} : phrase {done}/{total}{speed}")

    def _show(self, text: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=text)
