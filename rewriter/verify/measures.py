"""How a finished article reads against its source: the evaluation's article-level
measures (`scripts/evaluate.py`, the end-to-end tests), with the reading gate's own
tools (`verify/reading.py`, `verify/grammalecte.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rewriter.analysis.nlp import french
from rewriter.verify import grammalecte
from rewriter.verify.reading import Scorer, fragment


@dataclass(frozen=True)
class ReadingReport:
    """How the finished article reads against its source (the evaluation's measures)."""

    grammar_output: float  # Grammalecte errors per 1,000 words
    grammar_source: float
    fluency_ratio: float | None  # token-weighted mean NLL, output / source; None: no model
    fragments: list[str]  # output sentences that are not whole (and were whole in the source)
    introduced: list[str] = field(default_factory=list)  # errors whose words the source lacks


def compare(output: Sequence[str], source: Sequence[str], scorer: Scorer | None) -> ReadingReport:
    """`output` and `source`: their body paragraphs, in order."""
    from rewriter.analysis.sentences import sentence_spans

    def per_thousand(paragraphs: Sequence[str]) -> float:
        words = sum(len(p.split()) for p in paragraphs)
        errors = sum(len(grammalecte.errors_in(p)) for p in paragraphs)
        return 1000.0 * errors / words if words else 0.0

    # A verbless line of the source (« 1971 : premier satellite. », « - Boire, oui mais pas
    # trop. ») kept as written is the journalist's, and so is one rewritten verbless, as
    # the gate allows (« Le retour prévu en Bretagne en 2022. » for « Retour prévu… »,
    # article 19): only a fragment the rewrite made out of a whole sentence counts.
    def words(span: Any) -> str:
        return " ".join(t.lower_ for t in span if not (t.is_punct or t.pos_ == "DET"))

    verbless = [words(s) for p in source for s in sentence_spans(french()(p)) if fragment(s.text)]
    fragments = [
        s.text
        for p in output
        for s in sentence_spans(french()(p))
        if fragment(s.text) and not any(f" {words(s)} " in f" {v} " for v in verbless)
    ]
    ratio = None
    if scorer is not None:

        def mean_nll(paragraphs: Sequence[str]) -> float:
            total = count = 0.0
            for p in paragraphs:
                n = max(1, len(p.split()))
                total += scorer(p) * n
                count += n
            return total / count if count else 0.0

        base = mean_nll(source)
        ratio = mean_nll(output) / base if base else None
    # An error the journalist made, repeated by a key point, is not one the rewrite made:
    # introduced = an error (family, words) that nowhere occurs in the source.
    known = {e.key for p in source for e in grammalecte.errors_in(p)}
    introduced = [
        f"{e.text} ({e.kind})"
        for p in output
        for e in grammalecte.errors_in(p)
        if e.key not in known
    ]
    return ReadingReport(per_thousand(output), per_thousand(source), ratio, fragments, introduced)
