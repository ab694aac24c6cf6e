"""Rewrite the dev corpus with the real default model and score every output.

Per article: hard checks passed, words, Yoast SEO and readability scores (the judge in
../shared/tools on the output's html/title/meta/slug/keyword), unsupported facts, share of
sentences copied from the source, units accepted at first try, seconds. Then, for the same
model, the seed's own request sent as one raw prompt (what a journalist would do in
Ollama or LM Studio), checked the same way.

Reading (the "do no harm" measures): Grammalecte errors per 1,000 words in the output and
in the source, fluency of the output against the source (the gate's own scoring: the
model's mean token negative log-likelihood, token-weighted over body paragraphs, reported
as output / source), sentences of the output that are not whole (fragments), and how many
candidates each gate refused.

The test floors are not written from one run: scripts/measure_spread.py measures the
spread they must sit below.

usage: python scripts/evaluate.py [--only 05,28] [--no-baseline] [--json OUT]
                                  [--model PATH] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rewriter.analysis.engine import parse_article, report_for
from rewriter.document import Article
from rewriter.generate.backend import LlamaGenerator, Request, Usage
from rewriter.models import default_model_path
from rewriter.pipeline import HARD_CHECKS, RewriteOptions, audit, rewrite
from rewriter.read import parse_string, read_article
from rewriter.settings import Settings
from rewriter.verify.measures import compare
from scripts._corpus import ROOT, body_html, corpus_files, yoast

SEED_REQUEST = (
    "Customize this title in french. Make this article seo compatible, Let there be "
    "subheadings for the article, be in french, create at least 700 words\n\n"
)
E2E = {"00_sora_hollywood.md", "28_fin-trottinettes-libre-service-montreal.txt"}


def judge(article: Article, keyword: str) -> tuple[int, int]:
    scores = yoast(
        {
            "html": body_html(article),
            "keyword": keyword,
            "title": article.seo_title or article.title,
            "meta_description": article.meta_description,
            "slug": article.slug,
        }
    )
    return int(scores["seo"]["overall"]), int(scores["readability"]["overall"])  # type: ignore[index]


def baseline(generator: LlamaGenerator, source: Article, keyword: str) -> dict[str, Any]:
    """The one-prompt way: the request glued to the article, one completion."""
    text = "\n\n".join(b.text for b in source.blocks)
    start = time.perf_counter()
    out = generator.complete(
        Request(
            prompt=SEED_REQUEST + text + "\n\n", max_tokens=1200, temperature=0.7, seed=0, stop=()
        )
    )
    seconds = time.perf_counter() - start
    try:
        article = parse_string(out.text, suffix=".md") if out.text.strip() else None
    except Exception:  # the output may not even parse as an article
        article = None
    if article is None or not article.blocks:
        return {"hard_passed": 0, "unsupported": 0, "words": 0, "seconds": seconds}
    from slugify import slugify

    article = Article(blocks=article.blocks, seo_title=article.title, slug=slugify(article.title))
    report = report_for(parse_article(article, keyword), Settings())
    from rewriter.draft import Draft, Paragraph

    draft = Draft(
        title=article.title,
        keyword=keyword,
        seo_title=article.title,
        intro=[Paragraph([b.text]) for b in article.blocks if b.is_text],
    )
    unsupported = audit(draft, source)
    return {
        "hard_passed": sum(1 for f in report.findings if f.id in HARD_CHECKS and f.passed),
        "unsupported": len(unsupported),
        "words": report.get("words").value,
        "seconds": round(seconds, 1),
    }


def _commit() -> str:
    """The code measured: a row says which commit produced it (and « +dirty » if edited)."""
    import subprocess

    def git(*args: str) -> str:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "rewriter") else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="comma-separated file name prefixes")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--model", type=Path, help="a GGUF other than the default")
    parser.add_argument("--no-fluency", action="store_true", help="skip the fluency ratio")
    parser.add_argument(
        "--no-model", action="store_true", help="the deterministic path alone (no llama.cpp)"
    )
    parser.add_argument("--out-dir", type=Path, help="keep each rewritten article (Markdown)")
    args = parser.parse_args()

    files = corpus_files()
    if args.only:
        prefixes = tuple(args.only.split(","))
        files = [f for f in files if f.name.startswith(prefixes)]
    generator = (
        None
        if args.no_model
        else LlamaGenerator(args.model or default_model_path(), seed=0, n_ctx=8192)
    )
    usage = generator.usage if generator is not None else Usage()
    if generator is None:
        args.no_baseline = args.no_fluency = True
    commit = _commit()
    rows: list[dict[str, Any]] = []
    header = (
        f"{'article':34} {'hard':>5} {'words':>5} {'seo':>4} {'read':>4} {'unsup':>5} "
        f"{'copied':>6} {'1st':>4} {'sec':>5} {'gram+':>5} {'fluen':>5} {'frag':>4} | "
        f"{'raw hard':>8} {'raw unsup':>9}"
    )
    print(header)
    for path in files:
        source = read_article(path)
        tokens_before = usage.generated_tokens
        scored_before = (usage.scored_tokens, usage.scoring_seconds)
        result = rewrite(source, options=RewriteOptions(seed=0), generator=generator)
        seo, readability = judge(result.article, result.article.keyword)
        if args.out_dir:
            from rewriter.write.formats import markdown

            args.out_dir.mkdir(parents=True, exist_ok=True)
            (args.out_dir / f"{path.stem}.md").write_text(markdown(result.article), "utf-8")
        units = result.generated_units + result.fallback_units
        # The fluency gate's own cost inside the rewrite (the comparison below is extra).
        gate_tokens = usage.scored_tokens - scored_before[0]
        gate_seconds = usage.scoring_seconds - scored_before[1]
        reading = compare(
            [b.text for b in result.article.blocks if not b.is_heading],
            [b.text for b in source.blocks if b.is_text and not b.is_heading],
            None if args.no_fluency or generator is None else generator.nll,
        )
        row: dict[str, Any] = {
            "article": path.name,
            "commit": commit,
            "hard_passed": sum(
                1 for f in result.report.findings if f.id in HARD_CHECKS and f.passed
            ),
            "hard_total": len(HARD_CHECKS),
            "hard_failures": result.hard_failures,
            "words": result.report.get("words").value,
            "long_sentences": result.report.get("sentence_length").value,
            "yoast_seo": seo,
            "yoast_readability": readability,
            "unsupported": len(result.unsupported),
            "copied_share": round(result.copied_share, 1),
            "copied_outside_quotes": round(result.copied_share_outside_quotes, 1),
            "unsupported_details": [u.as_dict() for u in result.unsupported],
            "first_try": round(100 * result.first_try_units / max(1, units), 1),
            "generated_units": result.generated_units,
            "fallback_units": result.fallback_units,
            "seconds": round(result.seconds, 1),
            "generated_tokens": usage.generated_tokens - tokens_before,
            "grammar_output": round(reading.grammar_output, 2),
            "grammar_source": round(reading.grammar_source, 2),
            "grammar_rate_change": round(reading.grammar_output - reading.grammar_source, 2),
            "grammar_introduced": len(reading.introduced),
            "grammar_introduced_details": reading.introduced,
            "fluency_ratio": None
            if reading.fluency_ratio is None
            else round(reading.fluency_ratio, 3),
            "fragments": reading.fragments,
            "reading_refusals": result.reading_refusals,
            "gate_scored_tokens": gate_tokens,
            "gate_scoring_seconds": round(gate_seconds, 1),
        }
        if not args.no_baseline and generator is not None:
            row["baseline"] = baseline(generator, source, result.article.keyword)
        rows.append(row)
        raw = row.get("baseline", {})
        print(
            f"{path.name[:34]:34} {row['hard_passed']:>2}/{len(HARD_CHECKS)} {row['words']:>5} "
            f"{seo:>4} {readability:>4} {row['unsupported']:>5} {row['copied_share']:>6} "
            f"{row['first_try']:>4} {row['seconds']:>5} {row['grammar_introduced']:>5} "
            f"{row['fluency_ratio'] or '-':>5} {len(row['fragments']):>4} | "
            f"{raw.get('hard_passed', '-'):>8} "
            f"{raw.get('unsupported', '-'):>9}",
            flush=True,
        )
        if args.json:  # after every article: a long run stopped halfway keeps its rows
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    all_pass = sum(1 for r in rows if not r["hard_failures"] and not r["unsupported"])
    print(
        f"\narticles passing every hard check with zero unsupported facts: {all_pass}/{len(rows)}"
    )
    for key in (
        "hard_passed",
        "words",
        "yoast_seo",
        "yoast_readability",
        "copied_share",
        "copied_outside_quotes",
        "long_sentences",
        "first_try",
        "seconds",
        "grammar_introduced",
        "grammar_rate_change",
        "fluency_ratio",
    ):
        values = [r[key] for r in rows if r[key] is not None]
        if values:
            print(f"median {key}: {statistics.median(values)} (max {max(values)})")
    print(f"fragments: {sum(len(r['fragments']) for r in rows)} in {len(rows)} articles")
    if not args.no_baseline:
        raw_pass = sum(
            1
            for r in rows
            if r["baseline"]["hard_passed"] == len(HARD_CHECKS) and not r["baseline"]["unsupported"]
        )
        print(
            f"raw single prompt, same model: {raw_pass}/{len(rows)} articles pass; median hard "
            f"{statistics.median(r['baseline']['hard_passed'] for r in rows)}/{len(HARD_CHECKS)},"
            f" median unsupported {statistics.median(r['baseline']['unsupported'] for r in rows)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
