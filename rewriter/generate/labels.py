"""The heading of last resort: a noun phrase of the section (« Un système de retour
automatique des livres »), when neither its lead nor a quotation nor the model gives one —
a label, the weakest heading, which says what the section is about, not what it says."""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.keyword import Keyword, count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.words import is_content, leaning_determiner, points_back, token_forms
from rewriter.generate.headings import MAX_HEADING_CHARS, heading_key
from rewriter.generate.phrases import LOCUTION_NOUNS, noun_phrase
from rewriter.generate.text import capitalise
from rewriter.transform.clauses import balanced
from rewriter.transform.speech import reports

_OF = frozenset(("de", "d'", "d’", "des", "du"))
_WITH_ARTICLE = frozenset(("au", "aux"))  # « au Centre de lutte… »: à + le


def _speaker(token: Any) -> bool:
    """`token` is who says what the sentence reports: « …, a précisé le ministère de
    l'Industrie », « Le ministère estime que… » — not the one who acts (« La préfecture
    de l'Ariège a réagi en fermant… », article 26)."""
    verb = token.head
    if token.dep_ != "nsubj" or not reports(verb):
        return False
    return token.i > verb.i or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


def _bare_definite(text: str) -> bool:
    """`text` is a definite article and a common noun, nothing else."""
    doc = [t for t in french()(text) if not t.is_punct]
    return (
        len(doc) == 2
        and doc[0].pos_ == "DET"
        and "Def" in doc[0].morph.get("Definite", [])
        and doc[1].pos_ == "NOUN"
    )


# « Aucune autre source fiable » (article 22) says, alone, that there is none.
_NEGATIVE = frozenset(("aucun", "aucune", "nul", "nulle"))


_CONTRACTED = {"du": "le", "au": "le", "des": "les", "aux": "les"}


# Nouns that say how many of something: the heading would name a count, not a topic.
_SHARES = frozenset("plupart totalité moitié reste dizaine dizaines centaine centaines".split())


def fallback_heading(source_text: str, used: set[str], keyword: Keyword | None = None) -> str:
    """The section's most telling noun phrase not used yet (« Un système de retour
    automatique des livres »): subjects and objects first, then the rest. With `keyword`,
    only a phrase that holds it (« Le chômage de longue durée »), or "" when none does."""
    doc = french()(source_text)
    quoted = [m.span() for m in re.finditer(r"«[^»]*»|\"[^\"]*\"", doc.text)]
    lemma_counts: dict[str, int] = {}
    for token in doc:
        if token.pos_ == "NOUN":
            lemma_counts[token.lemma_] = lemma_counts.get(token.lemma_, 0) + 1
    scored: list[tuple[float, str]] = []
    for token in doc:
        if token.pos_ != "NOUN" or any(a <= token.idx < b for a, b in quoted):
            continue
        if token.lemma_ in LOCUTION_NOUNS and any(c.dep_ == "case" for c in token.children):
            continue  # « Du côté des films français »
        if token.lower_ in _SHARES:
            continue  # « La plupart des groupes politiques »: how many, not what (article 12)
        cases = {c.lower_ for c in token.children if c.dep_ == "case"}
        article = any(c.dep_ == "det" and c.pos_ == "DET" for c in token.children)
        if cases - _OF - _WITH_ARTICLE and not article:  # (« pleine » is parsed a det)
            # A bare noun after « à », « en », « sous »… is a locution's or an adverbial's:
            # « à base de glyphosate », « en pleine guerre civile du Liban » (articles 09
            # and 15 had « Base de glyphosate », « Pleine guerre civile du Liban » as
            # headings); after « de » it is a plural or a partitive (« de conquêtes »).
            continue
        if _speaker(token):
            continue  # « a précisé le ministère de l'Industrie »: who says, not what
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            continue  # « Olivier Nora, patron de Grasset »: someone's title (article 14's H3)
        if len(token.sent) > 12 and not any(
            "Fin" in t.morph.get("VerbForm", []) for t in token.sent
        ):
            # A long sentence parsed with no finite verb is misparsed: its verb read as a
            # noun gave « Maison de conte de fée trône » (« …de fée trône en plein centre »).
            continue
        words = noun_phrase(token, loose=True)
        restored = None
        while words and (
            words[0].pos_ in ("ADP", "CCONJ", "SCONJ", "PRON", "ADV")
            or words[0].dep_ in ("case", "fixed", "mark")
        ):
            # « dont le principe actif », « grâce aux heures de nuit »: a contracted
            # article gives its own back (« 80 % du glyphosate mondial » → « Le glyphosate
            # mondial », never the bare « Glyphosate mondial », article 09).
            restored = _CONTRACTED.get(words.pop(0).lower_)
        if any(leaning_determiner(t) or points_back(t) for t in words):
            continue  # « Arrivée au crépuscule de sa vie »: whose?
        while words and words[-1].pos_ not in ("NOUN", "PROPN", "ADJ"):
            words.pop()  # « L'auteur de ce », « … de démissionner »
        if not words or words[-1].i - words[0].i + 1 != len(words):
            continue  # not a contiguous phrase
        if any(t.pos_ in ("DET", "ADP") and t.text[:1].isupper() for t in words[1:]):
            continue  # two sentences glued (« échecs soviétiques L'Union soviétique »)
        text = doc[words[0].i : words[-1].i + 1].text.strip(" ,;:.")
        if restored and words[0].pos_ == "NOUN":
            text = f"{restored} {text}"
        content = [t for t in words if is_content(t)]
        lowered = [t.lower_ for t in words]
        if {"que", "qu'", "qu’"} & set(lowered):
            continue  # « l'instant que le cancer du côlon » (« ne… pour l'instant que »)
        if "entre" in lowered and "et" not in lowered[lowered.index("entre") :]:
            continue  # « Le lien entre l'architecte »: its « et Y » was left out
        if keyword is not None and not count_in(keyword, words):
            continue
        if keyword is not None and all(
            any(not forms.isdisjoint(token_forms(t)) for forms in keyword.words) for t in content
        ):
            continue  # « Le Covid-19 » (article 22): the keyword alone says nothing
        if (
            any(t.like_num or t.text in '«»"()' for t in words)
            or words[0].lower_
            in (
                "tout",
                "toute",
                "tous",
                "toutes",
                "ce",
                "cette",
                "ces",
                "cet",
                "son",
                "sa",
                "ses",
                "leur",
                "leurs",
            )
            or words[0].lower_ in _NEGATIVE
            or not 2 <= len(text.split()) <= 8
            or not 1 <= len(content) <= 5
        ):
            continue
        role = 1.5 if token.dep_ in ("nsubj", "nsubj:pass", "obj") else 0.0
        score = (
            lemma_counts.get(token.lemma_, 0) + 1.2 * min(len(content), 3) + role - 0.01 * token.i
        )
        if words[0].lower_ in ("un", "une", "des"):
            text = " ".join(text.split()[1:])  # « Système de retour automatique des livres »
        scored.append((score, text))
    ranked = [capitalise(text) for _, text in sorted(scored, key=lambda x: -x[0])]
    ranked = [t for t in ranked if len(t) <= MAX_HEADING_CHARS and heading_key(t) not in used]
    # A phrase of three words or more says something (« Un système de retour automatique
    # des livres »); two words are a label (« La directrice »), still better than the
    # section's lead said twice in a row.
    for text in ranked:
        if len(text.split()) >= 3:
            return text
    # « La société », « Le groupe »: a bare definite noun takes up what the text named
    # before (Uber, in article 07) — over a section, it names nothing.
    ranked = [t for t in ranked if not _bare_definite(t)]
    if keyword is not None or ranked:
        # A label, rather than the section's lead over again as its heading (below).
        return next(iter(ranked), "")
    from rewriter.analysis.sentences import sentence_spans

    # The project's sentences, not the parser's (which glued « Soona, elle, n'a pas
    # changé. Arrivée… » into one, article 16).
    lead = next(iter(sentence_spans(doc)), None)
    if lead is not None:
        text = capitalise(lead.text.strip().rstrip(".!?…").strip())
        if 3 <= len(text.split()) <= 10 and len(text) <= MAX_HEADING_CHARS and balanced(text):
            return text
        # Too long: its first words up to a noun or an adjective, never « Tour d'horizon
        # de 60 ans de » (article 21, cut at six words whatever the last one).
        words = [t for t in lead if not t.is_space][:8]
        while words and (
            words[-1].pos_ not in ("NOUN", "PROPN", "ADJ")
            or not balanced(lead.doc[words[0].i : words[-1].i + 1].text)
        ):
            words.pop()
        if len(words) >= 3 and words[0].lower_ not in _NEGATIVE:
            return capitalise(lead.doc[words[0].i : words[-1].i + 1].text)
    return capitalise(" ".join(source_text.split()[:6]).rstrip(",;:."))
