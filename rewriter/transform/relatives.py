"""Split long sentences at relative clauses (« qui », « ce qui »), with the source's own words.

Like clauses.py: each function takes a parsed sentence and returns French sentences built
only from its words, or [] when the transform does not apply.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from rewriter.analysis.words import count_words
from rewriter.transform.clauses import (
    _DEMONSTRATIVES,
    _SUBJECT_PRONOUNS,
    _agreement,
    balanced,
    join_tokens,
    sentence,
)


def split_subject_relative(span: Any) -> list[str]:
    """« La salle, qui compte 60 places, était complète. » -> « La salle était complète.
    Elle compte 60 places. »"""
    if "«" in span.text or '"' in span.text:
        return []
    for token in span:
        if token.dep_ != "acl:relcl" or token.head.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        sub = sorted(token.subtree, key=lambda t: t.i)
        if sub[0].lower_ != "qui" or sub[0].i == span.start:
            continue
        before = span.doc[sub[0].i - 1]
        after = span.doc[sub[-1].i + 1] if sub[-1].i + 1 < span.end else None
        if before.text != "," or after is None or after.text != ",":
            continue
        agreement = _agreement(token.head)
        if agreement is None:
            continue
        main = [t for t in span if t.i < before.i or t.i > after.i]
        relative = sub[1:]
        if count_words(join_tokens(main)) < 5 or count_words(join_tokens(relative)) < 2:
            continue
        pronoun = _SUBJECT_PRONOUNS[agreement].capitalize()
        return [sentence(join_tokens(main)), sentence(f"{pronoun} {join_tokens(relative)}")]
    return []


def split_relative_tail(span: Any) -> list[str]:
    """« …, ce qui représente 2,5 millions. » -> two sentences (« Cela représente… »);
    never at « ce que », the object of its clause."""
    tokens = list(span)
    for i, token in enumerate(tokens[:-3]):
        if token.text == "," and tokens[i + 1].lower_ == "ce" and tokens[i + 2].lower_ == "qui":
            # Not « , ce que la loi interdit »: « ce que » is the object of what follows,
            # and « Cela la loi interdit » is not French.
            before, after = tokens[:i], tokens[i + 3 :]
            if not balanced(join_tokens(before)):
                continue
            if count_words(join_tokens(before)) >= 6 and count_words(join_tokens(after)) >= 3:
                return [sentence(join_tokens(before)), sentence("Cela " + join_tokens(after))]
        # « …, qui V … » closing the sentence on the object: « Celle-ci V … »
        if token.text == "," and tokens[i + 1].lower_ == "qui":
            verb = tokens[i + 1].head
            antecedent = verb.head if verb.dep_ == "acl:relcl" else None
            nearest = next((t for t in reversed(tokens[:i]) if t.pos_ in ("NOUN", "PROPN")), None)
            # Only the noun right before « , qui » (or the name it ends): « l'audition de
            # Lamine Diack, 87 ans, qui encourt dix ans de prison » is about Diack, whatever
            # the parse says (article 18 read « Celle-ci encourt… », the hearing).
            if antecedent is None or nearest is None:
                continue
            if nearest.i != antecedent.i and not (
                nearest.head.i == antecedent.i and nearest.dep_ in ("flat:name", "flat")
            ):
                continue
            if max(t.i for t in verb.subtree) != tokens[-1].i - (1 if tokens[-1].is_punct else 0):
                continue  # the relative clause must close the sentence
            if any(
                c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX") and c.i > verb.i
                for c in verb.children
            ):
                # A noun coordinated with the relative's verb is the parse's guess: « par la
                # hausse des dépenses, qui représentent la moitié du budget, et par la
                # baisse des recettes » coordinates « par … et par … » of the main verb (a
                # fresh article read « Celles-ci représentent …, et par la baisse … »).
                continue
            if antecedent.dep_ == "conj" or any(c.dep_ == "conj" for c in antecedent.children):
                continue  # « les Etats-Unis et la Chine, qui disposent » is not « Celle-ci »
            if not balanced(join_tokens([t for t in tokens if t.i <= antecedent.i])):
                # « a salué « une excellente nouvelle pour le Douaisis », qui a perdu… »:
                # a word of a quotation; « Celui-ci » on its own would be the speaker.
                continue
            agreement = _agreement(antecedent)
            finite = [w for w in (verb, *verb.children) if "Fin" in w.morph.get("VerbForm")]
            numbers = {n for w in finite for n in w.morph.get("Number")}
            if agreement is not None and numbers and agreement[1] not in numbers:
                continue  # the verb says the antecedent is another one (article 11)
            before, after = tokens[:i], tokens[i + 2 :]
            if agreement is None or not balanced(join_tokens(before)) or "«" in join_tokens(after):
                continue
            if _resumes_main(before, after):
                continue
            if count_words(join_tokens(before)) >= 6 and count_words(join_tokens(after)) >= 3:
                pronoun = _DEMONSTRATIVES[agreement].capitalize()
                return [sentence(join_tokens(before)), sentence(f"{pronoun} {join_tokens(after)}")]
    return []


def _resumes_main(before: list[Any], after: list[Any]) -> bool:
    """What follows the relative goes on with the main clause: « et » or « ou » then a
    preposition the main clause used (« par la hausse des dépenses, qui représentent…, et
    par la baisse des recettes »), whatever the parse hung it on."""
    used = {t.lower_ for t in before if t.pos_ == "ADP"}
    return any(
        t.lower_ in ("et", "ou") and nxt.pos_ == "ADP" and nxt.lower_ in used
        for t, nxt in pairwise(after)
    )


_THIS = {"Masc": "ce", "Fem": "cette"}
_NEW = frozenset({"un", "une", "des", "de", "d'"})


def split_closing_relative(span: Any) -> list[str]:
    """« …d'une loi californienne qui doit contraindre les géants à… » → « …d'une loi
    californienne. Cette loi doit contraindre les géants à… »

    Only a relative clause closing the sentence, on a noun brought in by « un », « une » or
    « des »: that noun is new, so « cette loi » can only be it, and the clause says nothing
    that restricts which one is meant."""
    tokens = list(span)
    end = tokens[-1].i if tokens[-1].is_punct else tokens[-1].i + 1
    for token in tokens:
        if token.lower_ != "qui" or token.dep_ != "nsubj" or token.head.dep_ != "acl:relcl":
            continue
        verb, noun = token.head, token.head.head
        if noun.pos_ != "NOUN" or noun.i >= token.i or max(t.i for t in verb.subtree) != end - 1:
            continue
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in _NEW or "Ind" not in det.morph.get("Definite"):
            continue  # « quelque chose qui… » is no thing to point back to
        if det.i > 0 and span.doc[det.i - 1].text == ",":
            # « baisseront de 10 %, une mesure qui inquiète les clubs »: the noun sums up
            # the clause to carry the relative; cut from it, « …, une mesure. » says nothing.
            continue
        if noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
            continue  # two nouns (« une loi et un décret qui… »): which one?
        if noun.dep_ not in ("obj", "nsubj", "nsubj:pass", "ROOT") and not any(
            c.dep_ in ("amod", "nmod", "appos", "flat:name", "acl") and c.i < token.i
            for c in noun.children
        ):
            # A bare noun in an adjunct says nothing without its relative: « …, au terme
            # d'un match qui s'est joué dans les dernières secondes » became « …, au terme
            # d'un match. Ce match s'est joué… » (a fresh article).
            continue
        if any(t.i > noun.i and t.i < token.i and t.head.i != noun.i for t in noun.subtree):
            continue  # « un rapport de l'Insee qui… »: « qui » may be the Insee
        finite = [w for w in (verb, *verb.children) if "Fin" in w.morph.get("VerbForm")]
        if not finite or any("Sub" in w.morph.get("Mood") for w in finite):
            continue  # « un outil qui permette… » is wished for, not said to exist
        agreement = _agreement(noun)
        numbers = {n for w in finite for n in w.morph.get("Number")}
        if agreement is None or (numbers and agreement[1] not in numbers):
            continue
        word = noun.text if noun.text.isupper() else noun.lower_
        if agreement[1] == "Plur":
            this = "ces"
        elif agreement[0] == "Masc" and word[:1] in "aeiouyâéèêîôûh":
            if word[:1] == "h":
                continue  # « ce héros » or « cet homme »: the parse cannot tell
            this = "cet"
        else:
            this = _THIS[agreement[0]]
        before = [t for t in tokens if t.i < token.i]
        after = [t for t in tokens if token.i < t.i < end]
        if not balanced(join_tokens(before)) or not balanced(join_tokens(after)):
            continue
        if _resumes_main(before, after):
            continue
        if count_words(join_tokens(before)) < 6 or count_words(join_tokens(after)) < 4:
            continue
        return [sentence(join_tokens(before)), sentence(f"{this} {word} {join_tokens(after)}")]
    return []
