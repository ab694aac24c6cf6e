"""How much the end-to-end figures move from one run to the next: the spread the test
floors (tests/floors.json) must sit below.

llama.cpp samples other tokens from the same seed when the float path changes (another
instruction set, another thread count), so an exact floor only holds on the machine that
measured it. This runs the e2e articles of tests/test_rewrite_e2e.py with several seeds
and thread counts, prints min / max of each figure, and writes every run to
scripts/results/spread.json. Floors are then set below the spread (see the README's
development section).

usage: python scripts/measure_spread.py [--seeds 0,1,2] [--threads 1,2] [--only 05_pasted]
       python scripts/measure_spread.py --floors-from RUNS.json [RUNS.json …]
                                        [--write-floors tests/floors.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rewriter.document import Article
from rewriter.generate.backend import LlamaGenerator
from rewriter.models import default_model_path
from rewriter.pipeline import HARD_CHECKS, RewriteOptions, rewrite
from rewriter.read import parse_string, read_article
from scripts._corpus import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"


def e2e_articles() -> dict[str, Article]:
    """The articles tests/test_rewrite_e2e.py rewrites, built the same way."""
    pasted_path = CORPUS / "05_chomage-leger-recul-deuxieme-trimestre.txt"
    lines = pasted_path.read_text(encoding="utf-8").strip().split("\n")
    pasted = lines[0] + "\n" + " ".join(line.strip() for line in lines[1:] if line.strip())
    return {
        "00_sora_hollywood.md": read_article(CORPUS / "00_sora_hollywood.md"),
        "28_fin-trottinettes-libre-service-montreal.txt": read_article(
            CORPUS / "28_fin-trottinettes-libre-service-montreal.txt"
        ),
        "05_pasted": parse_string(pasted, suffix=".txt"),
    }


WORDS_REQUIRED = 700
COPIED_MARGIN = 5.0  # points above the highest copied share measured
WORDS_MARGIN = 0.05  # below the lowest word count, where a run missed 700 words


def floors(runs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Floors below the measured spread: hard checks at the lowest run, minus one where
    the runs disagree; 700 words where every run reached them, else 5 % under the lowest;
    the copied share 5 points over the highest; the spread itself recorded beside them."""
    out: dict[str, dict[str, Any]] = {}
    for name in sorted({r["article"] for r in runs}):
        rows = [r for r in runs if r["article"] == name]
        hard = [r["hard_passed"] for r in rows]
        words = [r["words"] for r in rows]
        copied = [r["copied_share"] for r in rows]
        configurations = sorted({f"seed {r['seed']}, threads {r['threads']}" for r in rows})
        out[name] = {
            "hard_passed_min": min(hard) - (1 if max(hard) > min(hard) else 0),
            "words_min": WORDS_REQUIRED
            if min(words) >= WORDS_REQUIRED
            else int(min(words) * (1 - WORDS_MARGIN)),
            "copied_share_max": round(min(100.0, max(copied) + COPIED_MARGIN), 1),
            "measured": {
                "runs": len(rows),
                "configurations": configurations,
                "hard_passed": [min(hard), max(hard)],
                "words": [min(words), max(words)],
                "copied_share": [min(copied), max(copied)],
                "unsupported": max(r["unsupported"] for r in rows),
            },
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--floors-from", nargs="+", type=Path, help="runs to derive floors from")
    parser.add_argument("--write-floors", type=Path)
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--only", help="comma-separated article names")
    parser.add_argument("--json", type=Path, default=ROOT / "scripts/results/spread.json")
    args = parser.parse_args()
    if args.floors_from:
        recorded = [r for path in args.floors_from for r in json.loads(path.read_text("utf-8"))]
        derived = floors(recorded)
        if args.write_floors and args.write_floors.exists():
            # The floors of runs not measured here (the instruct model's) stay as they are.
            kept = json.loads(args.write_floors.read_text(encoding="utf-8"))
            derived = {**kept, **derived}
        text = json.dumps(derived, ensure_ascii=False, indent=1) + "\n"
        if args.write_floors:
            args.write_floors.write_text(text, encoding="utf-8")
        print(text)
        return 0
    articles = e2e_articles()
    if args.only:
        articles = {k: v for k, v in articles.items() if k in args.only.split(",")}
    runs: list[dict[str, Any]] = []
    for threads in (int(t) for t in args.threads.split(",")):
        for seed in (int(s) for s in args.seeds.split(",")):
            generator = LlamaGenerator(default_model_path(), seed=seed, n_threads=threads)
            for name, article in articles.items():
                start = time.perf_counter()
                result = rewrite(article, options=RewriteOptions(seed=seed), generator=generator)
                run = {
                    "article": name,
                    "seed": seed,
                    "threads": threads,
                    "hard_passed": sum(
                        1 for f in result.report.findings if f.id in HARD_CHECKS and f.passed
                    ),
                    "hard_failures": result.hard_failures,
                    "words": result.report.get("words").value,
                    "copied_share": round(result.copied_share, 1),
                    "unsupported": len(result.unsupported),
                    "seconds": round(time.perf_counter() - start, 1),
                }
                runs.append(run)
                print(json.dumps(run, ensure_ascii=False), flush=True)
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps(runs, ensure_ascii=False, indent=1), "utf-8")
            del generator
    print(f"\n{'article':48} {'hard':>7} {'words':>11} {'copied %':>13} {'unsup':>5}")
    for name in articles:
        rows = [r for r in runs if r["article"] == name]

        def span(key: str, rows: list[dict[str, Any]] = rows) -> str:
            values = [r[key] for r in rows]
            return f"{min(values)}-{max(values)}"

        print(
            f"{name:48} {span('hard_passed'):>7} {span('words'):>11} "
            f"{span('copied_share'):>13} {span('unsupported'):>5}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
