"""Detach what a long sentence carries besides its main clause into a sentence of its own:
an apposition (« X, président de Y, a dit » → « X a dit. X est président de Y. ») or a
closing adjunct (« …, après avoir constaté Z. » → « … Et ce, après avoir constaté Z. »).

Agency copy is half sentences over 20 words (520 of 996 in the dev corpus), and the clause
splits of `clauses.py` shorten few of them: these two are the commonest shapes left.
Like every transform, they use the source's own words plus a copula or « Et ce » —
nothing that could state a new fact.
"""

from __future__ import annotations

from typing import Any

from rewriter.analysis.words import count_words, lower_initial
from rewriter.transform.clauses import TIME_WORDS, balanced, join_tokens, sentence

_ETRE = {"Sing": "est", "Plur": "sont"}
_QUOTES = '«»"“”'
MIN_PART_WORDS = 6


def split_apposition(span: Any) -> list[str]:
    """« Wallace Collins, un avocat spécialisé dans le droit d'auteur, a averti que… » →
    « Wallace Collins a averti que… Wallace Collins est un avocat spécialisé dans le droit
    d'auteur. » — for a name (or « M. Abad ») followed by an apposition between commas
    (or closing the sentence), outside any quotation."""
    tokens = list(span)
    if span.text.rstrip().endswith(("?", "!")):
        return []
    for token in tokens:
        if token.dep_ != "appos" or token.head.pos_ != "PROPN":
            continue
        sub = sorted(token.subtree, key=lambda t: t.i)
        first, last = sub[0], sub[-1]
        if first.i - 1 < span.start or span.doc[first.i - 1].text != ",":
            continue
        closing = span.doc[last.i + 1] if last.i + 1 < span.end else None
        ends_sentence = closing is None or (closing.is_punct and closing.i == span.end - 1)
        if closing is None or not (closing.text == "," or ends_sentence):
            continue
        name = _name(token.head)
        if name is None or any(t.text in _QUOTES for t in sub):
            continue
        if any(t.text in _QUOTES for t in tokens[: first.i - span.start]) and not balanced(
            join_tokens(tokens[: first.i - span.start])
        ):
            continue  # inside an open quotation
        if sub[0].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sub):
            continue
        drop_to = closing.i if closing.text == "," and not ends_sentence else last.i
        main = [t for t in tokens if t.i < first.i - 1 or t.i > drop_to]
        if ends_sentence and closing is not None:
            main = [t for t in tokens if t.i < first.i - 1] + [closing]
        words = [t for t in main if not t.is_punct]
        if words and words[-1].i == name[-1].i:
            # « …, s'est réjoui Jean-Louis Missika. Jean-Louis Missika est président… »
            # (article 02): the speaker after his verb, named twice in a row.
            continue
        apposition = join_tokens(sub)
        if count_words(join_tokens(main)) < MIN_PART_WORDS or count_words(apposition) < 2:
            continue
        if not balanced(join_tokens(main)) or not balanced(apposition):
            continue
        number = token.morph.get("Number") or ["Sing"]
        return [
            sentence(join_tokens(main)),
            sentence(f"{join_tokens(name)} {_ETRE[number[0]]} {apposition}"),
        ]
    return []


def _name(head: Any) -> list[Any] | None:
    """The whole name the apposition describes: « Jean-Louis Missika », « M. Abad »."""
    parts = [head] + [c for c in head.children if c.dep_ in ("flat:name", "flat", "compound")]
    titles = [c for c in head.children if c.dep_ == "nmod" and c.text in ("M.", "Mme", "Me")]
    parts = sorted(parts + titles, key=lambda t: t.i)
    if parts[-1].i - parts[0].i + 1 != len(parts):
        return None
    return parts


_ADJUNCT_OPENERS = frozenset(
    "après avant pour afin parce lors malgré depuis dans avec sans faute grâce notamment".split()
)
# « pour s'établir à 8,5 % »: where a figure lands, not why — it stays in its sentence.
RESULT_VERBS = frozenset(
    "établir situer atteindre passer élever porter afficher revenir retomber remonter "
    "grimper chuter baisser monter culminer stabiliser reculer tomber progresser terminer "
    "finir aboutir".split()
)
# What must stay with the main verb: « a clamé. Et ce, dans l'hémicycle Mme Avia » is not French.
_CORE = ("nsubj", "nsubj:pass", "aux", "aux:tense", "aux:pass", "cop", "obj", "xcomp", "ccomp")


_LINKING = frozenset("être devenir rester sembler paraître demeurer".split())


def split_closing_adjunct(span: Any) -> list[str]:
    """« Le Times a porté plainte contre OpenAI, pour violation du droit d'auteur dans le
    district sud de New York. » → « Le Times a porté plainte contre OpenAI. Et ce, pour
    violation du droit d'auteur dans le district sud de New York. » — the adjunct must close
    the sentence, depend on the main verb and open with a preposition or conjunction."""
    tokens = list(span)
    root = span.root
    if span.text.rstrip().endswith(("?", "!")) or root.pos_ != "VERB":
        return []
    if root.lemma_ in _LINKING or any(c.dep_ == "cop" for c in root.children):
        # « est devenue un terrain fertile pour les informations non vérifiées »: what
        # follows belongs to the attribute, not to the verb (article 22).
        return []
    core = [t for c in root.children if c.dep_ in _CORE for t in c.subtree]
    if not any(c.dep_.startswith("nsubj") for c in root.children):
        return []
    end = tokens[-1].i if tokens[-1].is_punct else tokens[-1].i + 1
    adjuncts = [c for c in root.children if c.dep_ in ("obl:mod", "advcl", "obl") and c.i > root.i]
    covered = {t.i for c in adjuncts for t in c.subtree}
    # The earliest adjunct from which everything to the end is adjuncts (and commas).
    for child in sorted(adjuncts, key=lambda t: t.i):
        start = min(child.subtree, key=lambda t: t.i)
        if start.lower_ not in _ADJUNCT_OPENERS or start.i <= root.i:
            continue
        tail = [t for t in tokens if start.i <= t.i < end]
        if start.lower_ == "pour" and any(t.lemma_ in RESULT_VERBS for t in tail[1:3]):
            continue  # « a reculé pour s'établir à 8,5 % » is a result, not a purpose
        if len(tail) <= 8 and {t.lower_ for t in tail} & (TIME_WORDS | {"nuit", "heure", "heures"}):
            continue  # « Et ce, dans la nuit de vendredi à samedi. » (article 03): just when
        if any(t.i not in covered and t.text != "," for t in tail):
            continue
        if any(t.i >= start.i for t in core):
            continue
        before = [t for t in tokens if t.i < start.i]
        while before and before[-1].text in (",", "–", "—", "-"):
            before.pop()
        if not before or before[-1].pos_ in ("VERB", "AUX"):
            continue  # « …, a clamé. Et ce, dans l'hémicycle Mme Avia »: the subject follows
        adjunct = tail
        # « Et ce, pour qu'il puisse l'étudier. » reads heavier than the sentence it leaves.
        if count_words(join_tokens(before)) < 8 or count_words(join_tokens(adjunct)) < 7:
            continue
        if not balanced(join_tokens(before)) or not balanced(join_tokens(adjunct)):
            continue
        text = join_tokens(adjunct)
        return [sentence(join_tokens(before)), sentence(f"Et ce, {lower_initial(text)}")]
    return []
