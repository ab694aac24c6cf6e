"""The same small batch in process, then through a loopback server (llama-cpp-python's
`python -m llama_cpp.server`, the same model file), with `--parallel 1` and `--parallel 4`.
One run each, one model job at a time (the server is started only for its own runs): the
ratios are what to read, the seconds move with the machine's load.

Also: whether the outputs of the server runs are the same text as the in-process run's
(same seed, same sampler settings; float rounding of a different prompt-cache history can
change a sampled token).

usage: python scripts/bench_server.py [--model PATH] [--copies 2] [--min-words 150]
                                      [--json scripts/results/server.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serve import LlamaServer  # noqa: E402 - the tests' server helper

ARTICLES = ROOT / "tests" / "articles"


def batch(folder: Path, out: Path, min_words: int, *extra: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "rewriter"), "batch", str(folder), "-o", str(out),
         "--min-words", str(min_words), *extra],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr}")
    return round(time.perf_counter() - start, 1)


def outputs(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", help="GGUF file (default: the embedded default model)")
    parser.add_argument("--copies", type=int, default=2, help="copies of each test article")
    parser.add_argument("--min-words", type=int, default=150)
    parser.add_argument("--json")
    args = parser.parse_args()
    from rewriter.models import default_model_path

    model = Path(args.model) if args.model else default_model_path()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for path in sorted(ARTICLES.iterdir()):
            for copy in range(args.copies):
                shutil.copy(path, folder / f"{copy}-{path.name}")
        runs: dict[str, float] = {}
        texts: dict[str, dict[str, str]] = {}
        out = Path(tmp) / "local"
        runs["in_process"] = batch(folder, out, args.min_words, "-m", str(model))
        texts["in_process"] = outputs(out)
        with LlamaServer(model, log=Path(tmp) / "server.log") as server:
            for parallel in (1, 4):
                name = f"server_parallel_{parallel}"
                out = Path(tmp) / name
                runs[name] = batch(folder, out, args.min_words, "--server", server.url,
                                   "--parallel", str(parallel))  # fmt: skip
                texts[name] = outputs(out)
    base = texts["in_process"]
    row = {
        "model": model.name,
        "articles": len(base),
        "seconds": runs,
        "server_over_in_process": round(runs["server_parallel_1"] / runs["in_process"], 2),
        "parallel_4_over_1": round(runs["server_parallel_4"] / runs["server_parallel_1"], 2),
        "same_text_as_in_process": {
            name: sum(1 for k, v in texts[name].items() if base.get(k) == v)
            for name in texts
            if name != "in_process"
        },
    }
    print(json.dumps(row, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(row, indent=1) + "\n")


if __name__ == "__main__":
    main()
