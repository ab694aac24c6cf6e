"""Steer decoding toward the source span's own words (prevention before rejection).

A logit bias over the whole vocabulary: tokens that spell the span's words, French
function words and punctuation keep their score; every other token is pushed down by
`penalty`. Applied as one vectorised numpy add per generated token — measured here at
no loss of speed (77 vs 78 tokens/s), where a Python loop over gemma's 262k-token
vocabulary would be several times slower.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rewriter.analysis.transitions import phrases as transition_phrases
from rewriter.generate.backend import Generator

FUNCTION_WORDS = [
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "au",
    "aux",
    "à",
    "en",
    "dans",
    "sur",
    "sous",
    "par",
    "pour",
    "avec",
    "sans",
    "chez",
    "vers",
    "entre",
    "contre",
    "depuis",
    "pendant",
    "avant",
    "après",
    "selon",
    "et",
    "ou",
    "mais",
    "donc",
    "or",
    "ni",
    "car",
    "que",
    "qu'",
    "qui",
    "quoi",
    "dont",
    "où",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "vos",
    "mon",
    "ma",
    "mes",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "tu",
    "se",
    "s'",
    "y",
    "ne",
    "n'",
    "pas",
    "plus",
    "moins",
    "très",
    "aussi",
    "encore",
    "déjà",
    "ainsi",
    "alors",
    "est",
    "sont",
    "a",
    "ont",
    "été",
    "être",
    "avoir",
    "était",
    "étaient",
    "sera",
    "seront",
    "a-t-il",
    "a-t-elle",
    "cela",
    "ceci",
    "celui",
    "celle",
    "ceux",
    "celles",
    "tout",
    "tous",
    "toute",
    "toutes",
    "même",
    "autre",
    "autres",
    "chaque",
    "plusieurs",
    "certains",
    "certaines",
    "lors",
    "dès",
    "comme",
    "si",
    "quand",
    "lorsque",
    "puisque",
    "tandis",
    "c'",
    "cependant",
    "toutefois",
    "également",
    "selon",
    "d'après",
    "notamment",
    "enfin",
    "ensuite",
    "déclaré",
    "indiqué",
    "expliqué",
    "précisé",
    "ajouté",
    "souligné",
    "affirmé",
    "estimé",
    "dit",
    "rappelé",
]
PUNCTUATION = [*".,;:!?«»()-–'’\"%", " ", " «", " »", " :", " ;", " ?", " !"]


def _variants(word: str) -> list[str]:
    forms = {word, word.lower(), word.capitalize()}
    return [p for f in forms for p in (f, " " + f)]


_BASE: dict[int, frozenset[int]] = {}


def _base_allowed(generator: Generator) -> frozenset[int]:
    if id(generator) in _BASE:
        return _BASE[id(generator)]
    allowed: set[int] = set()
    words = FUNCTION_WORDS + [w for p in transition_phrases() for w in p.split()]
    for word in words + PUNCTUATION:
        for variant in _variants(word):
            allowed.update(generator.tokenize(variant))
    _BASE[id(generator)] = frozenset(allowed)
    return _BASE[id(generator)]


@dataclass(frozen=True)
class Steering:
    """A logit bias, sparse: the favoured token ids keep their score, every other token
    is pushed down by `penalty`. A backend applies it as it can: llama.cpp in process as
    one dense numpy add; a server as `logit_bias` {id: +penalty} on the favoured ids only
    (the same distribution after softmax, a few thousand entries instead of the whole
    vocabulary)."""

    allowed: frozenset[int]
    penalty: float

    def dense(self, vocab_size: int) -> Any:
        """The float32 vector over the whole vocabulary: 0 allowed, -penalty elsewhere."""
        import numpy as np

        bias = np.full(vocab_size, -self.penalty, dtype=np.float32)
        ids = [i for i in self.allowed if 0 <= i < vocab_size]
        bias[ids] = 0.0
        return bias


def bias_for(generator: Generator, span_text: str, penalty: float = 4.0) -> Steering:
    """The span's tokens and French grammar's favoured, the rest pushed down by `penalty`."""
    allowed = set(_base_allowed(generator))
    allowed.update(generator.tokenize(span_text))
    for word in span_text.replace("’", "'").split():
        word = word.strip('.,;:!?«»()"')
        if word:
            for variant in _variants(word):
                allowed.update(generator.tokenize(variant))
    return Steering(frozenset(allowed), penalty)
