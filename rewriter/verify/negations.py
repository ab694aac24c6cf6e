"""Which verb each negation bears on, in a rewritten sentence and in its source.

The default model moved a « pas » from one verb to another and kept every word:
« Personne n'a démontré que le glyphosate était toxique, mais il est impossible de
démontrer qu'il ne l'est pas » came back as « Personne n'a pas démontré… qu'il ne l'est
de façon absolue » (article 09) — the claim turned over, and no word, name or number
missing. The parse of such a sentence is not to be trusted (it hung the « pas » of
« ne l'est pas » on « démontrer »): the verb a negation bears on is read on the surface,
the verb or auxiliary right before « pas, jamais… » and right after « ne »."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rewriter.analysis.words import normalise

# The second half of a negation looks back to its verb (« n'a pas », « ne l'est pas »);
# « ne » and the negative words that open a clause (« Aucune agence n'exige ») look ahead.
_LOOKS_BACK = frozenset(("pas", "jamais", "guère", "nullement", "point"))
_LOOKS_AHEAD = frozenset(("ne", "n", "aucun", "aucune", "rien", "personne", "ni"))
_REACH = 4  # clitics and adverbs between a negation and its verb: « ne l'en a même pas »


def negations(doc: Any) -> Counter[tuple[str, str]]:
    """(negative word, lemma of the verb it bears on) for each negation of `doc`."""
    found: Counter[tuple[str, str]] = Counter()
    for token in doc:
        word = normalise(token.text)
        if word not in _LOOKS_BACK | _LOOKS_AHEAD or token.pos_ in ("NOUN", "PROPN"):
            continue  # « une personne », « un rien »
        sent, i = token.sent, token.i
        ahead = [doc[k] for k in range(i + 1, min(sent.end, i + 1 + _REACH))]
        back = [doc[k] for k in range(i - 1, max(sent.start, i - _REACH) - 1, -1)]
        order = ahead if word in _LOOKS_AHEAD else back + ahead
        verb = next((t for t in order if t.pos_ in ("VERB", "AUX")), None)
        word = "ne" if word == "n" else word
        found[(word, normalise(verb.lemma_) if verb is not None else "")] += 1
    return found


def moved_negations(doc: Any, source: Any) -> list[str]:
    """Negations of `doc` that bear on another verb than in `source`, or that `doc` added
    to or took from a verb both say: « pas → avoir », « pas ✗ être ». A negation whose verb
    the rewrite replaced (« n'exige » → « ne demande ») is not read as moved."""
    mine, theirs = negations(doc), negations(source)
    verbs_mine = {normalise(t.lemma_) for t in doc if t.pos_ in ("VERB", "AUX")}
    verbs_theirs = {normalise(t.lemma_) for t in source if t.pos_ in ("VERB", "AUX")}
    out = [f"{w} → {v}" for (w, v) in (mine - theirs) if v in verbs_theirs]
    out += [f"{w} ✗ {v}" for (w, v) in (theirs - mine) if v in verbs_mine]
    return sorted(out)


__all__ = ["moved_negations", "negations"]
