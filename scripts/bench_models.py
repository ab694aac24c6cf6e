"""Whole-process time of `rewriter models list` on a machine with 3 stores and 20 models,
cold (no header cache) and warm, and of `rewriter --help`.

The stores (Ollama, LM Studio, Hugging Face cache) are built under build/ with hard links
to the default GGUF, so every model is a real 253 MB file with a 262k-token vocabulary.

usage: python scripts/bench_models.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GGUF = ROOT / "models" / "gemma-3-270m-q4_k_m.gguf"
REWRITER = Path(sys.executable).parent / "rewriter"


def build(root: Path) -> dict[str, str]:
    home = root / "home"
    ollama = root / "ollama"
    (ollama / "blobs").mkdir(parents=True)
    for i in range(7):
        digest = f"{i:064x}"
        os.link(GGUF, ollama / "blobs" / f"sha256-{digest}")
        manifest = ollama / "manifests/registry.ollama.ai/library" / f"modele{i}" / "latest"
        manifest.parent.mkdir(parents=True)
        layer = {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}"}
        manifest.write_text(json.dumps({"layers": [layer]}), encoding="utf-8")
    for i in range(7):
        path = home / ".lmstudio/models/acme" / f"modele{i}" / f"modele{i}-Q4_K_M.gguf"
        path.parent.mkdir(parents=True)
        os.link(GGUF, path)
    for i in range(6):
        snapshot = home / ".cache/huggingface/hub" / f"models--org--modele{i}" / "snapshots/rev"
        snapshot.mkdir(parents=True)
        os.link(GGUF, snapshot / f"modele{i}.Q4_K_M.gguf")
    return {
        "HOME": str(home),
        "OLLAMA_MODELS": str(ollama),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CACHE_HOME": str(root / "cache"),
    }


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> int:
    (ROOT / "build").mkdir(exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="bench-models-", dir=ROOT / "build"))
    try:
        env = {**os.environ, **build(root)}
        cold, out = timed([str(REWRITER), "models", "list"], env)
        warm = min(timed([str(REWRITER), "models", "list"], env)[0] for _ in range(3))
        helps = min(timed([str(REWRITER), "--help"], env)[0] for _ in range(3))
        models = sum(1 for line in out.splitlines() if "Q4_K_M" in line)
        print(f"models list, {models} models in 3 stores: cold {cold:.2f} s, warm {warm:.2f} s")
        print(f"rewriter --help: {helps:.2f} s")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
