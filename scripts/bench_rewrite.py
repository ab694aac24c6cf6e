"""Where the time of `rewrite` goes, on the seed article with the default model.

Reports the total wall time and generated tokens of one rewrite, then makes llama.cpp
generate the same number of tokens raw (one plain continuation, no pipeline), in the same
process, and prints the ratio total / raw (target ≤ 1.3). Also splits the pipeline time
into model time (prompt reading + generation) and the rest (spaCy, guard, planning).

usage: python scripts/bench_rewrite.py [--article PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rewriter.analysis.nlp import french
from rewriter.generate.backend import LlamaGenerator
from rewriter.models import default_model_path
from rewriter.pipeline import RewriteOptions, rewrite
from rewriter.read import read_article
from scripts._corpus import CORPUS


def raw_generation_seconds(generator: LlamaGenerator, n_tokens: int) -> float:
    """llama.cpp alone: a short prompt, then n_tokens sampled one after another (restarting
    the context before it fills up)."""
    llm = generator._llm
    prompt = llm.tokenize("Le conseil municipal s'est réuni lundi soir.".encode(), add_bos=True)
    room = generator.n_ctx - len(prompt) - 8
    start = time.perf_counter()
    left = n_tokens
    while left > 0:
        llm.reset()
        chunk = min(left, room)
        for produced, _token in enumerate(llm.generate(prompt, temp=0.7, top_p=0.9), 1):
            if produced >= chunk:
                break
        left -= chunk
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--article", type=Path, default=CORPUS / "00_sora_hollywood.md")
    args = parser.parse_args()

    t0 = time.perf_counter()
    french()
    generator = LlamaGenerator(default_model_path(), seed=0)
    load = time.perf_counter() - t0
    source = read_article(args.article)
    start = time.perf_counter()
    result = rewrite(source, options=RewriteOptions(seed=0), generator=generator)
    total = time.perf_counter() - start
    usage = generator.usage
    raw = raw_generation_seconds(generator, usage.generated_tokens)
    print(f"article: {args.article.name}, {result.report.get('words').value} words written")
    print(f"load (spaCy + model): {load:.1f} s")
    print(
        f"rewrite total: {total:.1f} s, {usage.calls} model calls, "
        f"{usage.generated_tokens} generated tokens, {usage.prompt_tokens} prompt tokens"
    )
    print(
        f"  model calls: {usage.seconds:.1f} s ({usage.generated_tokens / usage.seconds:.0f} "
        f"generated tokens/s including prompt reading)"
    )
    print(f"  everything else (spaCy, guard, plan, repair): {total - usage.seconds:.1f} s")
    print(
        f"raw llama.cpp, same {usage.generated_tokens} tokens: {raw:.1f} s "
        f"({usage.generated_tokens / raw:.0f} tokens/s)"
    )
    print(f"ratio rewrite total / raw generation = {total / raw:.2f} (target ≤ 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
