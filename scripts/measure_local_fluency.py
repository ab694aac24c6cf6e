"""Measure the reading gate's local fluency on real candidates (the default model).

Rewrites dev-corpus articles and records every candidate that comes to the reading gate
as a rewrite of its source text (fluency applies): whole-text ratio, and
`reading.local_excess` — how much more surprising the source's own tokens after each change
became. Prints the distribution for candidates the other gates accepted and for the ones
they refused, and the highest local rises with their text, to read. The texts are corpus
copy: `--json` writes them only where you say (keep it out of the repository); the
summary printed holds counts.

    .venv/bin/python scripts/measure_local_fluency.py --only 05,08 --json /tmp/local.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rewriter.generate.backend import LlamaGenerator
from rewriter.models import default_model_path
from rewriter.pipeline import RewriteOptions, rewrite
from rewriter.read import read_article
from rewriter.verify import reading

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", required=True, help="comma-separated file name prefixes")
    parser.add_argument("--json", type=Path, help="where to write the pairs (texts)")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    prefixes = tuple(args.only.split(","))
    files = sorted(p for p in CORPUS.iterdir() if p.name.startswith(prefixes) and p.is_file())
    generator = LlamaGenerator(default_model_path(), seed=0, n_ctx=8192)

    seen: list[dict[str, Any]] = []
    original = reading.ReadingGate.refusals

    def recording(self: reading.ReadingGate, candidate: Any, source: str, **kw: Any) -> Any:
        problems = original(self, candidate, source, **kw)
        texts = [candidate] if isinstance(candidate, str) else list(candidate)
        joined = " ".join(t.strip() for t in texts)
        if kw.get("sentences", True) and kw.get("fluency", True) and joined != source.strip():
            seen.append({
                "candidate": joined,
                "source": source.strip(),
                "refused": problems[0].kind if problems else "",
            })  # fmt: skip
        return problems

    reading.ReadingGate.refusals = recording  # type: ignore[method-assign]
    for path in files:
        before = len(seen)
        rewrite(read_article(path), options=RewriteOptions(seed=0), generator=generator)
        for row in seen[before:]:
            row["article"] = path.name[:2]
            cand = generator.surprisals(row["candidate"])
            src = generator.surprisals(row["source"])
            row["ratio"] = (
                (sum(v for _, v in cand) / len(cand)) / (sum(v for _, v in src) / len(src))
                if cand and src
                else 1.0
            )
            row["local"], row["where"] = reading.local_excess(cand, src)
        print(f"{path.name[:2]}: {len(seen) - before} candidates", file=sys.stderr)

    def quantiles(values: list[float]) -> str:
        if not values:
            return "none"
        values = sorted(values)
        at = [values[min(len(values) - 1, int(q * len(values)))] for q in (0.5, 0.9, 0.95, 0.99)]
        return "median {:.2f}, p90 {:.2f}, p95 {:.2f}, p99 {:.2f}, max {:.2f}".format(
            *at, values[-1]
        )

    accepted = [r for r in seen if not r["refused"]]
    refused = [r for r in seen if r["refused"]]
    print(f"{len(seen)} candidates: {len(accepted)} accepted, {len(refused)} refused")
    print("local rise, accepted:", quantiles([r["local"] for r in accepted]))
    print("local rise, refused: ", quantiles([r["local"] for r in refused]))
    for threshold in (4.0, 6.0, 8.0, 10.0, 12.0):
        count = sum(r["local"] > threshold for r in accepted)
        print(f"  accepted with a rise over {threshold:.0f} nats: {count}")
    if args.json:
        args.json.write_text(json.dumps(seen, ensure_ascii=False, indent=1), "utf-8")
        for row in sorted(accepted, key=lambda r: -r["local"])[: args.top]:
            rise, ratio = row["local"], row["ratio"]
            print(f"\n{row['article']} {rise:.1f} [{row['where']}] ratio {ratio:.2f}")
            print("  src:", row["source"][:200])
            print("  out:", row["candidate"][:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
