"""A real OpenAI-compatible server for the tests and the benchmark: llama-cpp-python's
(`python -m llama_cpp.server`, from the dev extras), on 127.0.0.1, on a free port, started
and stopped by its pid with bounded waits."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from rewriter.generate.backend import physical_cores


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LlamaServer:
    """`with LlamaServer(model) as server:` … `server.url`; `kill()` to simulate a crash."""

    START_SECONDS = 120.0

    def __init__(
        self,
        model: Path,
        *,
        api_key: str | None = None,
        n_ctx: int = 4096,
        port: int | None = None,
        log: Path | None = None,
    ) -> None:
        self.model = model
        self.api_key = api_key
        self.n_ctx = n_ctx
        self.port = port or free_port()
        self.log = log or Path(os.devnull)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LlamaServer:
        command = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model),
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx),
            "--n_threads", str(physical_cores()),
            # Logits for the last position only: with logits for every position (the
            # server's default) generation ran at 25 instead of 40 tokens/s here.
            "--logits_all", "False",
        ]  # fmt: skip
        if self.api_key:
            command += ["--api_key", self.api_key]
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()  # never leave a server behind, whatever interrupted the wait
            raise
        return self

    def _wait_ready(self) -> None:
        assert self.process is not None
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        deadline = time.monotonic() + self.START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}: {self.log}")
            try:
                if httpx.get(self.url + "/v1/models", headers=headers, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the server did not answer within {self.START_SECONDS:.0f} s")

    def kill(self) -> None:
        """SIGKILL, as a crash would: no goodbye to the clients."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> LlamaServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
