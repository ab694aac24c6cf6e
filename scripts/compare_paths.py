"""The same articles, the same model, the two writing paths, in one run.

`sentence`: one unit per sentence (the base-model path); `paragraph`: one chat call per
paragraph, every sentence aligned and verified (`generate/paragraphs.py`). Per article and
path: seconds, generated tokens / final article tokens, copied share, share of source
sentences written by the model (accepted), hard checks, words, unsupported facts, reading
(grammar errors introduced, fragments). One model loaded once; one job at a time.

usage: python scripts/compare_paths.py --model PATH [--only 05,28] [--json OUT]
                                        [--paths sentence,paragraph] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rewriter.analysis.words import count_words
from rewriter.generate.backend import LlamaGenerator
from rewriter.pipeline import HARD_CHECKS, RewriteOptions, rewrite
from rewriter.read import read_article
from rewriter.verify.measures import compare
from scripts._corpus import corpus_files


def one(
    generator: LlamaGenerator, path: Path, by: str, out_dir: Path | None = None
) -> dict[str, Any]:
    source = read_article(path)
    usage = generator.usage
    before = usage.generated_tokens
    result = rewrite(source, options=RewriteOptions(rewrite_by=by), generator=generator)
    article = result.article
    text = "\n\n".join(b.text for b in article.blocks)
    if out_dir is not None:  # to read them
        from rewriter.write import render

        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{path.stem[:40]}.{by}.md").write_text(render(result, "md"), "utf-8")
    final_tokens = len(generator.tokenize(text))
    generated = usage.generated_tokens - before
    units = result.generated_units + result.fallback_units
    reading = compare(
        [b.text for b in article.body if not b.is_heading],
        [b.text for b in source.body if not b.is_heading],
        scorer=None,
    )
    hard = [f for f in result.report.findings if f.id in HARD_CHECKS]
    return {
        "article": path.name[:40],
        "path": by,
        "seconds": round(result.seconds, 1),
        "generated_tokens": generated,
        "final_tokens": final_tokens,
        "generated_per_final": round(generated / max(1, final_tokens), 2),
        "copied_share": round(result.copied_share, 1),
        "model_units": result.generated_units,
        "units": units,
        "model_share": round(100 * result.generated_units / max(1, units), 1),
        "hard_passed": sum(1 for f in hard if f.passed),
        "hard_total": len(hard),
        "hard_failed": [f.id for f in hard if not f.passed],
        "words": count_words(" ".join(b.text for b in article.body)),
        "unsupported": len(result.unsupported),
        "grammar_introduced": len(reading.introduced),
        "fragments": len(reading.fragments),
        "refusals": result.reading_refusals,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--only", default="05,28,25")
    parser.add_argument("--paths", default="sentence,paragraph")
    parser.add_argument("--json")
    parser.add_argument("--out-dir", help="write each rewrite there (Markdown)")
    args = parser.parse_args()
    wanted = args.only.split(",")
    files = [p for p in corpus_files() if any(p.name.startswith(w + "_") for w in wanted)]
    generator = LlamaGenerator(Path(args.model), seed=0)
    rows: list[dict[str, Any]] = []
    for path in files:
        for by in args.paths.split(","):
            row = one(generator, path, by, Path(args.out_dir) if args.out_dir else None)
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    summary: dict[str, Any] = {"model": generator.name}
    for by in args.paths.split(","):
        mine = [r for r in rows if r["path"] == by]
        summary[by] = {
            key: round(statistics.median(r[key] for r in mine), 2)
            for key in (
                "seconds",
                "generated_per_final",
                "copied_share",
                "model_share",
                "hard_passed",
                "words",
            )
        } | {"unsupported": sum(r["unsupported"] for r in mine)}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False, indent=1) + "\n"
        )


if __name__ == "__main__":
    main()
