"""Peak resident memory of one `rewriter rewrite`, per model, against the model file's size.

Each run is a child process (`rewriter rewrite SAMPLE -o TMP --force -m MODEL`), one at a
time; its peak RSS is read from the kernel (`resource.getrusage(RUSAGE_CHILDREN)`, after the
child exits, so one child per measurement: the maximum is over all children so far, hence a
fresh interpreter per model). Target of the instruct-model issue: peak ≤ model file + 1.2 GB.

usage: python scripts/bench_memory.py [--sample samples/bibliotheque-nocturne.md]
                                      [--json scripts/results/memory.json] MODEL...
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(rc, peak_kib, round(time.perf_counter() - start, 1))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="+")
    parser.add_argument("--sample", default=str(ROOT / "samples" / "bibliotheque-nocturne.md"))
    parser.add_argument("--json")
    args = parser.parse_args()
    from rewriter.local_models import resolve

    rows = []
    for name in args.models:
        path = resolve(name)
        with tempfile.TemporaryDirectory() as tmp:
            command = [
                str(ROOT / ".venv" / "bin" / "rewriter"),
                "rewrite",
                args.sample,
                "-o",
                str(Path(tmp) / "out.md"),
                "--force",
                "-m",
                str(path),
            ]
            out = subprocess.run(
                [sys.executable, "-c", CHILD, *command], capture_output=True, text=True, check=True
            ).stdout.split()
        rc, peak_kib, seconds = int(out[0]), int(out[1]), float(out[2])
        size = path.stat().st_size
        row = {
            "model": path.name,
            "exit": rc,
            "seconds": seconds,
            "model_mb": round(size / 1e6),
            "peak_rss_mb": round(peak_kib * 1024 / 1e6),
            "over_model_mb": round((peak_kib * 1024 - size) / 1e6),
            "target_met": peak_kib * 1024 <= size + 1.2e9,
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
