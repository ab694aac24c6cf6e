"""What a pronoun of a rewrite may stand for: the gender and number of the source's
nouns, names and pronouns, and of each verb's subject (read by `grammar.orphan_pronouns`)."""

from __future__ import annotations

from typing import Any

from rewriter.analysis.words import STANDING_FOR


def _features(token: Any) -> tuple[str, str] | None:
    gender = token.morph.get("Gender")
    number = token.morph.get("Number")
    if token.pos_ == "PRON" and not (gender and number):
        return None
    return (gender[0] if gender else "*", number[0] if number else "*")


def subject_features(doc: Any) -> dict[str, frozenset[tuple[str, str]]]:
    """Each verb and the (gender, number) of who does it: « la salle, qui compte 60
    places » gives compter → (Fem, Sing) — a relative's subject is the noun it hangs on."""
    found: dict[str, set[tuple[str, str]]] = {}
    for token in doc:
        if not token.dep_.startswith("nsubj") or token.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        subject = token
        if "Rel" in token.morph.get("PronType") and token.head.dep_.startswith("acl"):
            subject = token.head.head
        if subject.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        features = _features(subject)
        if features is not None:
            found.setdefault(token.head.lemma_, set()).add(features)
    return {verb: frozenset(f) for verb, f in found.items()}


def referents(doc: Any) -> frozenset[tuple[str, str]]:
    """The (gender, number) pairs a pronoun of a rewrite of `doc` may refer to."""
    found = set()
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not token.dep_.startswith("obl"):
            features = _features(token)
            if features is not None:
                found.add(features)
    return frozenset(found)


def pronoun_subjects(doc: Any) -> frozenset[str]:
    """Verbs whose subject is a personal or demonstrative pronoun here, and never a noun
    (« Elle est constituée de 35.000 tuiles » gives constituer): who « elle » is, the
    sentence does not say (read by `grammar.replaced_pronoun`)."""
    pronoun: set[str] = set()
    noun: set[str] = set()
    for token in doc:
        if not token.dep_.startswith("nsubj"):
            continue
        if token.pos_ == "PRON" and token.lower_ in STANDING_FOR:
            pronoun.add(token.head.lemma_)
        elif token.pos_ in ("NOUN", "PROPN"):
            noun.add(token.head.lemma_)
    return frozenset(pronoun - noun)
