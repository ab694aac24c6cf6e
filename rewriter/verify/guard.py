"""The fidelity guard: does a generated unit say only what its source span says?

A unit fails when it holds a number, a date, a name or a content word its source span
does not support; when a quotation is not word for word; when a verb changes polarity
(« n'a pas » → « a ») or mood (« suspendrait » → « a suspendu »); when it copies the
prompt's examples; when it is not French; or when its length is out of bounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rewriter.analysis import language
from rewriter.analysis.words import FUNCTION_POS, count_words, normalise
from rewriter.verify.support import (
    NUMBER_WORDS,
    Support,
    clause_flags,
    flat,
    numbers_in,
    quotes_in,
)

Kind = Literal["number", "entity", "word", "quote", "negation", "mood", "claim", "language",
               "example", "length", "format"]

# Words any faithful rewrite may add: connectors and attribution verbs that assert nothing.
FREE_WORDS = frozenset(
    "selon après ainsi aussi alors cependant également enfin ensuite donc toutefois néanmoins "
    "pourtant notamment par ailleurs en effet de plus outre dire déclarer expliquer indiquer "
    "préciser ajouter souligner estimer rappeler affirmer noter d'après cela ce fait "
    "lors cas côté part autre premier".split()
)


@dataclass(frozen=True)
class Unsupported:
    text: str
    kind: Kind
    where: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind, "where": self.where}


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def example_ngrams(examples: Iterable[str], n: int = 4) -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for example in examples:
        grams |= _ngrams([normalise(w) for w in example.split()], n)
    return frozenset(grams)


def check_unit(
    doc: Any,
    support: Support,
    *,
    where: str = "",
    min_words: int = 1,
    max_words: int = 200,
    examples: frozenset[tuple[str, ...]] = frozenset(),
    check_language: bool = True,
) -> list[Unsupported]:
    """Every reason `doc` (a parsed unit) is not supported by `support`; [] when faithful."""
    text = doc.text.strip()
    problems: list[Unsupported] = []

    def add(item: str, kind: Kind) -> None:
        problems.append(Unsupported(item, kind, where))

    n = count_words(text)
    if not min_words <= n <= max_words:
        add(f"{n} mots", "length")
    if any(mark in text for mark in ("\n", "#", "*", "http", "Phrase :", "Réécriture")):
        add(text[:40], "format")
    for number in sorted(numbers_in(text)):
        if not support.supports_number(number):
            add(number, "number")
    for quote in quotes_in(text):
        if not support.supports_quote(quote):
            add(quote, "quote")
    if text.count("«") != text.count("»"):
        add("guillemets non fermés", "quote")
    entity_tokens: set[int] = set()
    for ent in doc.ents:
        missing = [t for t in ent if not t.is_punct and not t.is_stop
                   and not support.supports_word(t)]
        if missing:
            add(ent.text, "entity")
            entity_tokens.update(t.i for t in ent)
    for token in doc:
        if token.i in entity_tokens or token.is_punct or token.is_space or token.like_num:
            continue
        word = normalise(token.text)
        if token.pos_ in FUNCTION_POS or token.is_stop or word in FREE_WORDS:
            continue
        if normalise(token.lemma_) in FREE_WORDS or word in NUMBER_WORDS and NUMBER_WORDS[
            word
        ] in support.numbers:
            continue
        if not support.supports_word(token):
            add(token.text, "entity" if token.pos_ == "PROPN" else "word")
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_ not in support.verbs:
            continue
        negated, conditional = clause_flags(token)
        src_negated, src_conditional = support.verbs[token.lemma_]
        if negated != src_negated and not src_negated:
            add(token.text, "negation")
        elif src_negated and not negated and _negation_count(doc) < 1:
            add(token.text, "negation")
        if src_conditional and not conditional:
            add(token.text, "mood")
    for verb, role, word in _relations(doc):
        role_ = ROLE_EQUIVALENTS[role]
        if verb in support.verbs and word in support.forms and not (
            {(verb, role_, word), (verb, role_, "*")} & support.relations
        ):
            add(f"{word} → {verb}", "claim")
    if re.search(r"\b(\w+)(?: \1\b){2,}", text.lower()) or not re.search(r"[.!?…»]$", text):
        add(text[-30:], "format")  # « très très très », or cut off mid-sentence
    if examples:
        words = [normalise(w) for w in text.split()]
        copied = [g for g in _ngrams(words, 4) & examples if " ".join(g) not in support.flat_text]
        if copied:
            add(" ".join(copied[0]), "example")
    if check_language:
        # Names say nothing about the language (« Tyler Perry a suspendu… » reads English).
        common = " ".join(t.text for t in doc if t.pos_ != "PROPN" and not t.ent_type_)
        if count_words(common) >= 5:
            code, confidence = language.detect(common)
            french = language.french_confidence(common)
            if french < 0.15 or (code != "fr" and confidence - french > 0.3):
                add(f"{code} ({confidence:.2f})", "language")
    return problems


# Who does what: a subject may become an agent (and back) in a passive rewrite.
ROLE_EQUIVALENTS = {"nsubj": "actor", "obl:agent": "actor", "obj": "patient",
                    "nsubj:pass": "patient"}


def _relations(doc: Any) -> list[tuple[str, str, str]]:
    out = []
    for token in doc:
        if token.dep_ in ROLE_EQUIVALENTS and token.head.pos_ == "VERB" and not token.is_stop:
            out.append((token.head.lemma_, token.dep_, normalise(token.lemma_ or token.text)))
    return out


def _negation_count(doc: Any) -> int:
    return sum(1 for t in doc if normalise(t.text) in ("ne", "n", "pas", "jamais", "aucun"))


__all__ = ["Unsupported", "check_unit", "example_ngrams", "flat"]
