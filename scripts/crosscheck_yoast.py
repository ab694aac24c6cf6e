"""How often does `rewriter check` agree with Yoast SEO's own French assessors?

Runs both on every article of the dev corpus (../shared/corpus) with the same keyword
(ours, picked from the article), title, meta description and slug, and reports, per check,
the share of articles where both say pass or both say fail. Yoast "passes" an assessment
when it scores it green (≥ 8 of 9). Our `words` check runs with Yoast's 300-word threshold
here, since the two tools do not aim at the same length.

usage: python scripts/crosscheck_yoast.py [--json OUT] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from slugify import slugify

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rewriter.analysis.engine import parse_article, report_for
from rewriter.document import Article
from rewriter.read import read_article
from rewriter.settings import Settings
from scripts._corpus import body_html, corpus_files, yoast

# our check id -> Yoast assessment id
PAIRS = {
    "words": "textLength",
    "h1_single": "singleH1",
    "section_length": "subheadingsTooLong",
    "sentence_length": "textSentenceLength",
    "paragraph_length": "textParagraphTooLong",
    "keyword_density": "keyphraseDensity",
    "keyword_in_title": "keyphraseInSEOTitle",
    "keyword_in_intro": "introductionKeyword",
    "keyword_in_subheadings": "subheadingsKeyword",
    "keyword_in_meta": "metaDescriptionKeyword",
    "keyword_in_slug": "slugKeyword",
    "meta_length": "metaDescriptionLength",
    "passive_voice": "passiveVoice",
    "transition_words": "textTransitionWords",
    "sentence_beginnings": "sentenceBeginnings",
}
YOAST_GREEN = 8


def meta_from_intro(article: Article) -> str:
    """A plausible meta description: the first paragraph, cut at a word near 160 characters.

    Lengths vary from article to article, so both tools see short, good and long metas.
    """
    intro = article.paragraphs[0] if article.paragraphs else ""
    if len(intro) <= 165:
        return intro
    return intro[:165].rsplit(" ", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="write per-article results here")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args()

    settings = Settings().with_overrides({"min_words": 300})
    agree: dict[str, list[bool]] = defaultdict(list)
    rows: list[dict[str, object]] = []
    for path in corpus_files():
        source = read_article(path)
        article = Article(
            blocks=source.blocks,
            seo_title=source.title,
            meta_description=meta_from_intro(source),
            slug=slugify(source.title),
            source_name=path.name,
        )
        analysed = parse_article(article)
        report = report_for(analysed, settings)
        judged = yoast(
            {
                "html": body_html(article),
                "keyword": report.keyword,
                "title": article.seo_title,
                "meta_description": article.meta_description,
                "slug": article.slug,
            }
        )
        scores: dict[str, tuple[int, str]] = {}
        for part in ("seo", "readability"):
            for r in judged[part]["results"]:  # type: ignore[index]
                scores[r["id"]] = (int(r["score"]), r["text"])
        for ours, theirs in PAIRS.items():
            if theirs not in scores:
                continue
            finding = report.get(ours)
            score, text = scores[theirs]
            same = finding.passed == (score >= YOAST_GREEN)
            agree[ours].append(same)
            rows.append(
                {
                    "article": path.name,
                    "check": ours,
                    "ours": finding.passed,
                    "value": finding.value,
                    "yoast": theirs,
                    "yoast_score": score,
                    "agree": same,
                    "yoast_text": text,
                }
            )
            if not same and args.verbose:
                print(
                    f"  {path.name[:38]:38} {ours:24} ours={finding.passed!s:5} "
                    f"({finding.value}) yoast={score}: {text[:90]}"
                )

    total = [x for values in agree.values() for x in values]
    print(f"\n{'check':26} {'agree':>7}  n")
    for check, values in agree.items():
        print(f"{check:26} {100 * sum(values) / len(values):6.1f}%  {len(values)}")
    print(f"{'ALL':26} {100 * sum(total) / len(total):6.1f}%  {len(total)} (article, check) pairs")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
