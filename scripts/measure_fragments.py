"""How often the reading gate's fragment detector calls a journalist's own sentence a
fragment: every sentence of the dev corpus's sources (written by people, almost all
whole), by the parse alone and with the lexicon's second opinion (`reading.fragment`).
A sentence flagged here is refused as a candidate and counted as a fragment in the
evaluation when a rewrite produces one like it.

usage: python scripts/measure_fragments.py [--show 20] [--json scripts/results/fragments.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scripts._corpus import corpus_files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--json")
    args = parser.parse_args()
    from rewriter.analysis.nlp import french
    from rewriter.analysis.sentences import sentence_spans
    from rewriter.verify import reading

    nlp = french()
    total = 0
    by_parse: list[str] = []
    still: list[str] = []
    for path in corpus_files():
        from rewriter.read import read_article

        article = read_article(path)
        for block in article.blocks:
            if block.is_heading or not block.is_text:
                continue
            for sent in sentence_spans(nlp(block.text)):
                text = sent.text.strip()
                if not text or text[-1] not in ".!?…»":
                    continue
                total += 1
                doc = nlp(text)
                if not reading._main_clause(doc):
                    by_parse.append(text)
                    if reading.fragment(text) == "sans verbe principal conjugué":
                        still.append(text)
    row = {
        "source_sentences": total,
        "no_main_verb_by_the_parse": len(by_parse),
        "no_main_verb_with_the_lexicon": len(still),
    }
    print(json.dumps(row, indent=1))
    print("\nstill flagged (first ones; verbless lines of the source are expected here):")
    for text in still[: args.show]:
        print(" -", text[:140])
    if args.json:
        Path(args.json).write_text(json.dumps(row, indent=1) + "\n")


if __name__ == "__main__":
    main()
