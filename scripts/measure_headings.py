"""Where the deterministic path's new headings come from: for every section of the dev
corpus that has no source heading, the heading the section's lead gives
(`headings.lead_heading`) or, failing it, the noun phrase (`labels.fallback_heading`).
A noun phrase is the label an editor sends back (« Le taux de chômage »); a lead heading
says what the section says (« Huit projets français ont été sélectionnés »); a quotation
heading (`headings.quote_heading`) gives a sentence of the section's quotation in its marks.
`restating`: headings that repeat one of their section's sentences nearly word for word;
`beyond_lead`: headings whose words a sentence after the section's lead holds much better
than any sentence of the lead (the heading names what is said further down).

usage: python scripts/measure_headings.py [--show] [--json scripts/results/headings.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scripts._corpus import corpus_files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    from rewriter.analysis.engine import parse_article
    from rewriter.generate.headings import (
        can_head,
        heading_key,
        lead_heading,
        quote_heading,
        restates,
    )
    from rewriter.generate.labels import fallback_heading
    from rewriter.plan import make_plan
    from rewriter.read import read_article

    counts = {
        "new_sections": 0,
        "lead": 0,
        "quote": 0,
        "noun_phrase": 0,
        "restating": 0,
        "beyond_lead": 0,
    }
    rows = []
    for path in corpus_files():
        plan = make_plan(parse_article(read_article(path)), can_head)
        used = {heading_key(plan.title)}
        for section in plan.sections:
            if section.source_heading:
                used.add(heading_key(section.source_heading))
                continue
            counts["new_sections"] += 1
            text = section.text
            heading = lead_heading(text, used)
            kind = "lead" if heading else "quote"
            heading = heading or quote_heading(text, used)
            kind = kind if heading else "noun_phrase"
            heading = heading or fallback_heading(text, used)
            used.add(heading_key(heading))
            counts[kind] += 1
            # A quotation heading restates its quotation on purpose (a pull quote).
            counts["restating"] += kind != "quote" and any(
                restates(heading, s.text) for s in section.sentences
            )
            counts["beyond_lead"] += _beyond_lead(heading, [s.text for s in section.sentences])
            rows.append(
                {
                    "article": path.name[:2],
                    "kind": kind,
                    "heading": heading,
                    "lead": section.sentences[0].text[:160],
                }
            )
    print(json.dumps(counts, indent=1))
    if args.show:
        for row in rows:
            print(f"{row['article']} {row['kind']:<11} {row['heading']}\n      ← {row['lead']}")
    if args.json:
        # Counts only: the headings are the corpus's words, which stay out of the repo.
        Path(args.json).write_text(json.dumps(counts, indent=1) + "\n")


def _beyond_lead(heading: str, sentences: list[str]) -> bool:
    """A later sentence holds the heading's words (of four letters or more) by a fifth
    more of them than any sentence of the lead does."""
    import re

    from rewriter.generate.headings import LEAD_SENTENCES

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}

    said = words(heading)
    if not said:
        return False
    shares = [len(said & words(s)) / len(said) for s in sentences]
    lead = max(shares[:LEAD_SENTENCES], default=0.0)
    return max(shares[LEAD_SENTENCES:], default=0.0) > lead + 0.2


if __name__ == "__main__":
    main()
