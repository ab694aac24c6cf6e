"""A sentence read alone, out of its place — a key point, an FAQ answer: does its subject
take up something only the sentences before it named?

A singular definite common noun, bare, as the main subject is, in news copy, almost always
a second mention: « La profession réclame une hausse… » (the pharmacists), « Le recul est
particulièrement marqué… » (of vaccinations), « L'enquête avait été ouverte en 2021 »,
« Le groupe a augmenté ses capacités… » (Amazon) — a first mention carries what says which
(« la campagne de vaccination contre la grippe »). Not a noun of the headline or the
keyword, which the reader of the article knows (« L'usine sera installée… » under « une
usine de 1 200 emplois »), nor one of the few bodies each place has one of (« Le
gouvernement », « la mairie », « la commune »), nor a capitalised one (« L'Assemblée »)."""

from __future__ import annotations

from typing import Any

from rewriter.analysis.nlp import french
from rewriter.analysis.words import token_forms
from rewriter.plan import quotation_ranges
from rewriter.transform.clauses import TIME_WORDS

# Bodies a place has one of: named by their definite article alone, they stand alone.
UNIQUE = frozenset(
    "gouvernement mairie préfecture parquet tribunal police justice maire opposition "
    "majorité état commune ville municipalité département région pays".split()
)
_DEFINITE = frozenset(("le", "la", "l'", "l’"))


def takes_up(span: Any, known: frozenset[str]) -> str:
    """The main subject of `span` that takes up what the sentences before named, or "".
    `known`: forms of the headline's and the keyword's words."""
    roots = [t for t in span if t.dep_ == "ROOT"] or [span.root]
    for subject in (c for r in roots for c in r.children if c.dep_.startswith("nsubj")):
        if subject.pos_ != "NOUN" or "Sing" not in subject.morph.get("Number"):
            continue
        dets = [c for c in subject.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in _DEFINITE:
            continue
        if any(_restricts(c) for c in subject.children):
            continue  # « la campagne de vaccination », « l'ancien maire »: says which
        if subject.text[:1].isupper() and subject.i > span.start:
            continue  # « L'Assemblée », « l'État »
        if subject.lemma_.lower() in UNIQUE or token_forms(subject) & known:
            continue
        return str(subject.text)
    return ""


def _restricts(child: Any) -> bool:
    """A dependent that says which: not one set off by a comma (« La transition,
    orchestrée par "Apple Silicon", va prendre deux ans », article 10's meta)."""
    if child.dep_ in ("det", "punct"):
        return False
    start = child.left_edge.i
    return not (start > 0 and child.doc[start - 1].text == ",")


# Nouns a demonstrative dates rather than points back with: « cette année ».
_THIS_TIME = TIME_WORDS | frozenset("fois saison été hiver printemps automne week-end".split())


def this_one(span: Any) -> bool:
    """A demonstrative anywhere outside a quotation whose noun the sentence has not named
    before it: read alone, « L'Ariège est le premier département à mener cette démarche »
    (article 26), « l'Insee a prévu que ce taux parvienne à 8,3 % » (05) — which one? The
    article's first sentence is written to stand alone."""
    quoted = quotation_ranges(span.text)
    start = span.start_char
    for token in span:
        if token.dep_ != "det" or "Dem" not in token.morph.get("PronType"):
            continue
        if any(a <= token.idx - start < b for a, b in quoted):
            continue
        noun = token.head
        named = {t.lemma_.lower() for t in span if t.i < token.i}
        if noun.lemma_.lower() not in _THIS_TIME | named:
            return True
    return False


def known_forms(title: str, keyword_words: tuple[frozenset[str], ...]) -> frozenset[str]:
    """Forms of the words a reader of the article already has: the headline's, the
    keyword's."""
    forms = {f for t in french()(title) for f in token_forms(t)}
    return frozenset(forms | {f for word in keyword_words for f in word})


__all__ = ["UNIQUE", "known_forms", "takes_up", "this_one"]
