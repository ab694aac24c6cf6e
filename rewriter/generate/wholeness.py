"""Whether a sentence's core says what the sentence says: no phrase cut in half, nothing
left out that changes it (a complement it needs, a negation, whose claim it is, a word of a
quotation), only what the source sets apart left out between its words — the refusals of
`leads.clause_core`."""

from __future__ import annotations

import itertools
import re
from typing import Any

from rewriter.analysis.words import leaning_clitic

# A topic the sentence opens on bounds what it says: « Quant à la participation des
# femmes dans la vie politique, la Tunisie est classée à la 67e position » (article 30:
# the core « La Tunisie est classée à la 67e position » made the ranking the country's).
_OF = r"(?:de\b|du\b|des\b|d['’])"
_TOPIC = re.compile(
    rf"^(?:Quant (?:à|au|aux)\b|(?:En matière|S['’]agissant|Au niveau|En termes|Sur le plan"
    rf"|Dans le domaine|Du côté|Au chapitre) {_OF}|(?:Concernant|Côté|Pour ce qui (?:est|"
    rf"concerne)|En ce qui concerne)\b)",
    re.IGNORECASE,
)


def attributed(sent: Any, kept: list[Any]) -> bool:
    """`sent` says whose claim it is (« selon X », « d'après X », « Pour M. Abad, ») or
    what it is about (« Quant à X, ») and the core leaves that out: the heading would
    state as fact, and in general, what the source reports or bounds."""
    inside = {t.i for t in kept}
    if _TOPIC.match(sent.text.strip()) and sent[0].i not in inside:
        return True
    for token in sent:
        # Only an attribution of the clause the core is made of (« Fugaku s'est installé
        # en tête… : c'est la première fois…, selon l'institut » attributes the second).
        if token.i in inside or (kept and token.head.head.i not in inside):
            continue
        nxt = sent.doc[token.i + 1] if token.i + 1 < len(sent.doc) else None
        if token.lower_ == "selon" or (
            token.lower_ == "après" and token.i > 0 and sent.doc[token.i - 1].lower_ in ("d'", "d’")
        ):
            return True
        # « Pour M. Abad, … », « Pour lui, … »: an opinion, opening the sentence.
        if (
            token.i == sent.start
            and token.lower_ == "pour"
            and nxt is not None
            and (nxt.pos_ in ("PROPN", "PRON") or nxt.text in ("M.", "Mme"))
        ):
            return True
    return False


_OF_TO = frozenset("à au aux de du des d' d’".split())


def cut_inside(sent: Any, kept: list[Any]) -> bool:
    """The core stops inside a phrase, not between phrases: half of a coordination
    (« Sora extrait le contenu d'images [et de vidéos] »), a pronoun without the clause it
    announces (« s'attendent à ce [que…] »), a question without its end, the negated half
    of « ne… pas X mais Y », an adjective or a verbal locution without its complement
    (« résistantes [à la sécheresse] », « Sora a besoin [de…] »). Or it cannot stand
    alone: a main verb under « si » (a subordinate clause misread as the main one), an
    object pronoun that leans on the sentence before (« Cédric O l'a faite applaudir »)."""
    root, last, inside = sent.root, kept[-1], {t.i for t in kept}
    after = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
    if any(c.dep_ == "mark" for c in root.children):
        return True
    if sent.text.rstrip().endswith("?") and sent[-2].i not in inside:
        return True
    negated = any(t.lower_ in NEGATIONS for t in kept)
    if negated and any(c.lower_ == "mais" for t in root.children for c in t.children):
        return True  # « n'a pas développé des plantes résistantes… mais capables de… »
    # The adjective's complement, whichever word the parse hangs it on.
    if last.pos_ == "ADJ" and after is not None and after.lower_ in _OF_TO:
        return True
    if (
        after is not None
        and last.dep_ == "obj"
        and last.pos_ == "NOUN"
        and not any(c.dep_ == "det" for c in last.children)
        and any(after in c.subtree for c in last.head.children if c.dep_.startswith("obl"))
    ):
        return True  # a bare object noun and its verb: a locution (« avoir besoin de »)
    for token in kept:
        if leaning_clitic(token):
            return True  # a clitic object pronoun
        for child in token.children:
            if child.i in inside or child.i < last.i:
                continue
            if child.dep_ == "conj" and token != root and token.pos_ != "VERB":
                return True
            if token == root and second_object(child):
                return True  # a second object the parse hung on the verb
            if token.pos_ == "PRON" and child.dep_ in ("acl", "acl:relcl", "ccomp"):
                return True
    return False


def wanting(kept: list[Any]) -> bool:
    """The core says less, or the opposite, of what the sentence says: a verb's clause or
    infinitive complement left out (« Roman Prymula a appelé les Tchèques [à rester chez
    eux] »), or a « ne » whose « que » was cut (« Fugaku ne devrait être mis en service
    [qu'à partir de 2021] » is not a negation)."""
    inside = {t.i for t in kept}
    for token in kept:
        for child in token.children:
            if child.i in inside or child.pos_ not in ("VERB", "AUX"):
                continue
            start = min(t.i for t in child.subtree)
            if any(t.text in (":", ";") for t in child.doc[token.i + 1 : start]):
                continue  # after a colon, a unit of its own (`leads._clause_core`)
            marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "case")}
            if child.dep_ in ("xcomp", "ccomp") or (
                "Inf" in child.morph.get("VerbForm")
                and marks & {"à", "de", "d'", "d’"}
                and not marks & {"avant", "afin"}  # when or why, not what: « avant de… »
            ):
                return True
    # A verb whose object takes an attribute (« rendre les ordinateurs [plus
    # performants] »): without the adjective, the core says something else.
    for verb in (t for t in kept if t.lemma_ in _OBJECT_ATTRIBUTE and t.pos_ == "VERB"):
        after = verb.doc[verb.i + 1 : verb.sent.end]
        if any(t.pos_ == "ADJ" and t.i not in inside for t in after):
            return True
    words = {t.lower_ for t in kept}
    return bool(words & {"ne", "n'", "n’"}) and not words & (NEGATIONS | _NEGATIVE_WORDS)


# Verbs whose object may take an attribute (« attribut du complément d'objet »).
_OBJECT_ATTRIBUTE = frozenset("rendre juger estimer trouver considérer croire".split())


_NEGATIVE_WORDS = frozenset("aucun aucune personne nul nulle ni".split())


def quoted(sent: Any, kept: list[Any]) -> bool:
    """A word of the core inside « … » or "…", or a sentence with a quotation mark left
    open (a paragraph of a long quotation): a heading never borrows a quotation."""
    from rewriter.plan import quotation_ranges

    if sent.text.count('"') % 2 or sent.text.count("«") != sent.text.count("»"):
        return True
    ranges = quotation_ranges(sent.text)
    return any(a <= t.idx - sent.start_char < b for t in kept for a, b in ranges)


def second_object(child: Any) -> bool:
    """`child`, a noun the parse coordinates with its verb, is a second object of it
    (« mêle les destins personnels et l'histoire du pays »), not a clause of its own
    (« …a obtenu son siège et sera simple conseillère », « …peuvent tomber mais le
    risque, c'est… »): the verb has an object, the noun no copula, subject or verb."""
    return (
        child.dep_ == "conj"
        and child.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "obj" for c in child.head.children)
        and not any(
            c.dep_ in ("cop", "nsubj", "nsubj:pass", "aux", "expl:subj") or c.pos_ == "VERB"
            for c in child.children
        )
    )


def in_order(kept: list[Any]) -> bool:
    """The core is the source's words in order, with no punctuation but the commas of a
    coordinated subject; left out between them at most an adverb (never a negation) and
    what the source sets apart between commas (« Les eaux du Salat, qui prend sa source
    dans les Pyrénées, abritent… ») or brackets."""
    doc = kept[0].doc
    if any(t.is_punct and t.text not in "-'’," for t in kept):
        return False
    aside: set[int] = set()
    for token in kept:
        for child in token.children:
            if child not in kept and child.i > token.i:
                span = list(child.subtree)
                before = doc[span[0].i - 1] if span[0].i > 0 else None
                after = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
                if (
                    before is not None
                    and before.text == ","
                    and after is not None
                    and after.text == ","
                ):
                    aside.update(t.i for t in span)
                    aside.update((before.i, after.i))
    # Whatever the parse hangs it on, what stands between two commas with no word of the
    # core and no verb of its own is set apart (« …du glyphosate, pesticide le plus
    # utilisé au monde, ne sont pas démontrés »).
    inside = {t.i for t in kept}
    commas = [t.i for t in doc[kept[0].i : kept[-1].i + 1] if t.text == ","]
    for a, b in itertools.pairwise(commas):
        span = doc[a + 1 : b]
        if not any(
            t.i in inside or "Fin" in t.morph.get("VerbForm") or t.lower_ in _NOT for t in span
        ):
            aside.update(range(a, b + 1))
    # And what stands between brackets, on the same terms (« les 11 agences sanitaires au
    # monde (Efsa en Europe, Anses en France…) ont un avis unanime »).
    opened: list[int] = []
    for t in doc[kept[0].i : kept[-1].i + 1]:
        if t.text == "(":
            opened.append(t.i)
        elif t.text == ")" and opened:
            a = opened.pop()
            if not any(
                u.i in inside or "Fin" in u.morph.get("VerbForm") or u.lower_ in _NOT
                for u in doc[a + 1 : t.i]
            ):
                aside.update(range(a, t.i + 1))
    gap = [t for t in doc[kept[0].i : kept[-1].i + 1] if t not in kept and t.i not in aside]
    return not any(t.dep_ != "advmod" or t.lower_ in NEGATIONS for t in gap)


# Adverbs a heading may not drop: they say no, never, no longer.
NEGATIONS = frozenset("pas plus jamais guère point nullement aucunement rien".split())


# Words an aside between commas may not hold: it would say no, or whose claim it is.
_NOT = frozenset("ne n' n’ non jamais rien aucun aucune selon sauf".split())
