"""The real command, in its own process, with the real model: offline, Ctrl-C, SIGKILL.

Privacy: every run here goes through `offline()`: a new network namespace with no
interface but loopback (`unshare -rn`, when the kernel allows it) *and* a `sitecustomize`
that records, then refuses, every connection, send, name lookup or bind to anything but
the loopback. (Importing spaCy imports urllib3, which opens one IPv6 socket bound to ::1
to learn whether IPv6 exists; it never connects. That probe is allowed, nothing else.) A run passes only if
it succeeds and nothing was recorded. `test_the_trap_catches_a_connection` proves the trap
can fail.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

from rewriter.errors import ExitCode

pytestmark = pytest.mark.model
ARTICLES = Path(__file__).resolve().parent / "articles"
REWRITER = Path(sys.executable).parent / "rewriter"
TRAP = """
import os, socket
_log = os.environ["REWRITER_NET_LOG"]
_LOCAL = ("127.0.0.1", "::1", "localhost", "", None)
def _refuse(what):
    with open(_log, "a") as handle:
        handle.write(what + "\\n")
    raise OSError("réseau interdit pendant les tests")
def _host(address):
    return address[0] if isinstance(address, tuple) else address
def _wrap(name):
    real = getattr(socket.socket, name)
    def guarded(self, address, *rest):
        if self.family in (socket.AF_INET, socket.AF_INET6) and _host(address) not in _LOCAL:
            _refuse(f"{name}{address}")
        return real(self, address, *rest)
    setattr(socket.socket, name, guarded)
for _name in ("connect", "connect_ex", "bind"):
    _wrap(_name)
socket.socket.sendto = lambda self, data, *rest: _refuse(f"sendto{rest}")
_getaddrinfo = socket.getaddrinfo
def _lookup(host, *rest, **kw):
    if host not in _LOCAL:
        _refuse(f"getaddrinfo({host})")
    return _getaddrinfo(host, *rest, **kw)
socket.getaddrinfo = _lookup
"""


@cache
def can_unshare() -> bool:
    try:
        return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.fixture
def offline(tmp_path: Path) -> tuple[list[str], dict[str, str], Path]:
    """(command prefix, environment, log of network attempts) for an offline run."""
    trap = tmp_path / "trap"
    trap.mkdir()
    (trap / "sitecustomize.py").write_text(TRAP, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(trap),
        "REWRITER_NET_LOG": str(log),
        "HF_HUB_OFFLINE": "1",
    }
    prefix = ["unshare", "-rn"] if can_unshare() else []
    return prefix, env, log


def run(
    offline: tuple[list[str], dict[str, str], Path], *args: str
) -> subprocess.CompletedProcess[str]:
    prefix, env, _ = offline
    done = subprocess.run(
        [*prefix, str(REWRITER), *args], capture_output=True, text=True, env=env, timeout=900
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def no_network(offline: tuple[list[str], dict[str, str], Path]) -> None:
    log = offline[2]
    assert not log.exists(), log.read_text()


def test_the_trap_catches_a_connection(offline: tuple[list[str], dict[str, str], Path]) -> None:
    prefix, env, log = offline
    code = (
        "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), 1)\nexcept OSError: pass"
    )
    subprocess.run([*prefix, sys.executable, "-c", code], env=env, check=True)
    assert "192.0.2.1" in log.read_text()


def test_check_opens_no_socket(offline: tuple[list[str], dict[str, str], Path]) -> None:
    done = run(offline, "check", str(ARTICLES / "marche-couvert.md"))
    assert done.returncode == ExitCode.CHECKS_FAILED  # 97 words: `words` fails, the rest runs
    assert "Requête cible" in done.stdout
    no_network(offline)


def test_rewrite_opens_no_socket(
    offline: tuple[list[str], dict[str, str], Path], tmp_path: Path
) -> None:
    out = tmp_path / "sortie.html"
    done = run(
        offline,
        "rewrite",
        str(ARTICLES / "piscine-municipale.txt"),
        "-o",
        str(out),
        "--min-words",
        "80",
    )
    assert done.returncode in (ExitCode.OK, ExitCode.CHECKS_FAILED), done.stderr
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "450 000 euros" in html
    no_network(offline)


def test_batch_killed_then_resumed(
    offline: tuple[list[str], dict[str, str], Path], tmp_path: Path
) -> None:
    """SIGKILL once the first article is done; the same command finishes the rest without
    redoing it, and no output is ever half-written."""
    folder = tmp_path / "copie"
    shutil.copytree(ARTICLES, folder)
    shutil.copy(ARTICLES / "marche-couvert.md", folder / "marche-bis.md")
    out = tmp_path / "sortie"
    prefix, env, _ = offline
    args = [*prefix, str(REWRITER), "batch", str(folder), "-o", str(out), "--min-words", "80"]
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    summary = out / "rewriter-batch.json"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and process.poll() is None:
        if summary.exists() and json.loads(summary.read_text("utf-8"))["articles"]:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    first = json.loads(summary.read_text("utf-8"))["articles"]
    assert len(first) == 1
    for path in out.iterdir():  # whatever was on disk at the kill is whole
        if path.suffix == ".md" and not path.name.startswith("."):
            assert path.read_text("utf-8").startswith("---\n")
    done_path = out / first[0]["output"]
    stamp = done_path.stat().st_mtime_ns if done_path.exists() else None

    resumed = run(offline, "batch", str(folder), "-o", str(out), "--min-words", "80")
    assert resumed.returncode in (ExitCode.OK, ExitCode.CHECKS_FAILED), resumed.stderr
    rows = json.loads(summary.read_text("utf-8"))["articles"]
    assert sorted(r["article"] for r in rows) == sorted(p.name for p in folder.iterdir())
    assert all(r["status"] in ("ok", "checks_failed") and r["unsupported"] == 0 for r in rows)
    if stamp is not None:  # killed after its output landed: kept, not redone
        assert done_path.stat().st_mtime_ns == stamp
        assert "déjà fait" in resumed.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["rewriter-batch.json", "marche-couvert.md", "marche-bis.md", "piscine-municipale.md"]
    )
    no_network(offline)


def test_ctrl_c_during_generation(
    offline: tuple[list[str], dict[str, str], Path], tmp_path: Path
) -> None:
    out = tmp_path / "sortie.md"
    source = tmp_path / "article.md"
    shutil.copy(ARTICLES / "marche-couvert.md", source)
    before = source.read_bytes()
    prefix, env, _ = offline
    process = subprocess.Popen(
        [*prefix, str(REWRITER), "-v", "rewrite", str(source), "-o", str(out)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:  # the model is loaded: generation is under way
        if "loaded, style=" in line:
            break
    time.sleep(1.0)
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    assert process.returncode == ExitCode.INTERRUPTED, rest
    assert "Interrompu" in rest and "Traceback" not in rest
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["article.md"] + (
        ["network.log"] if (tmp_path / "network.log").exists() else []
    ) + ["trap"]
    assert source.read_bytes() == before
    no_network(offline)
