"""One pipeline running Python at a time, the others waiting for a server (`--parallel`)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator


class Baton:
    """One pipeline runs Python at a time — spaCy's and Grammalecte's objects are shared
    and not made for threads — and a thread gives the baton up while it waits for the
    server. Several articles of a batch then overlap their waits, never their parsing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._local = threading.local()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self._lock.acquire()
        self._local.held = True
        try:
            yield
        finally:
            self._local.held = False
            self._lock.release()

    @contextlib.contextmanager
    def released(self) -> Iterator[None]:
        """Around a wait: let another pipeline run (a no-op in a thread not holding it)."""
        if not getattr(self._local, "held", False):
            yield
            return
        self._local.held = False
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()
            self._local.held = True
