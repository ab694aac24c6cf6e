"""Noun phrases read from the dependency parse: a noun with its determiner, adjectives and
« de » complements — what a heading's core (`leads`), a label heading (`headings`) and a
title (`seo`) are made of."""

from __future__ import annotations

from typing import Any

BARE_TIME = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche matin soir midi hier "
    "aujourd'hui demain".split()
)
# A noun's clause, its coordination — and, for a noun the parse makes the predicate of a
# clause, that clause's subject and copula: « du Doliprane dont le principe actif est le
# paracétamol » gave the label « Le principe actif est le paracétamol » (article 08), a
# relative clause as a heading. A core takes them from the verb's side (`leads`).
_CUT_DEPS = ("acl", "acl:relcl", "appos", "advcl", "ccomp", "parataxis", "conj", "cc",
             "nsubj", "nsubj:pass", "cop", "aux", "aux:tense", "aux:pass")  # fmt: skip


def noun_phrase(token: Any, cut: tuple[str, ...] = (), *, loose: bool = False) -> list[Any]:
    """A noun with its determiner, adjectives and « de » complements, clauses left out
    (and the dependents in `cut`). `loose`: also without a complement whose preposition
    says a circumstance (`LOOSE_CASES`: « le tribunal [pour corruption passive] », « le
    plus grand festival au monde [avec Venise] ») — a label's, not a core's: a core
    without it could say something else."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CUT_DEPS or child.is_punct or set_off(child):
            continue
        if loose and any(c.dep_ == "case" and c.lower_ in LOOSE_CASES for c in child.children):
            continue
        # « la reprise des missions » may lose its complement; « le Conseil supérieur de
        # l'audiovisuel » is a name, never cut.
        if (
            child.dep_ in cut
            and any(c.dep_ == "case" for c in child.children)
            and not token.text[:1].isupper()
        ):
            continue
        if child.lower_ in BARE_TIME and not any(c.dep_ == "case" for c in child.children):
            continue  # « des résultats records jeudi »: « jeudi » dates the verb
        out.extend(noun_phrase(child, loose=loose))
    return sorted(out, key=lambda t: t.i)


def set_off(child: Any) -> bool:
    """`child` follows its noun after a comma or an opening bracket: an apposition or an
    aside whatever the parse calls it
    (« Les effets du glyphosate, pesticide le plus utilisé au monde, ne sont pas… »,
    where « pesticide » was read as an adjective of « effets »)."""
    first = min(t.i for t in child.subtree)
    return child.i > child.head.i and (
        any(t.text == "," for t in child.doc[child.head.i + 1 : first]) or bracketed(child)
    )


def bracketed(child: Any) -> bool:
    """`child` is inside brackets opened after its head: an aside (« les 11 agences
    sanitaires au monde (Efsa en Europe, Anses en France…) », whose names the parse hung
    on the noun one by one)."""
    first = min(t.i for t in child.subtree)
    between = [t.text for t in child.doc[child.head.i + 1 : first]]
    return child.i > child.head.i and between.count("(") > between.count(")")


# Prepositions whose complement, hung on a noun by the parse, says a circumstance of the
# clause rather than what the noun is.
LOOSE_CASES = frozenset(
    "pour avec sans selon malgré par parmi chez lors depuis pendant dès devant derrière "
    "après avant durant".split()
)
# Nouns that, after a preposition, make a prepositional phrase of their own (« du côté
# de », « au cours de », « dans le cadre de », « au sein de »): not what a section is about.
LOCUTION_NOUNS = frozenset(
    "côté cours cadre sein lieu raison suite faveur face travers milieu issue part moyen "
    "égard instar occasion terme bout titre fur lumière".split()
)
