"""Grammar the default model breaks while keeping every word of its source: agreement,
impossible passives, stray words, a dropped « ne ». Each check is one the guard runs on a
generated unit (`verify/guard.check_unit`)."""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.words import normalise
from rewriter.verify.support import ARTICLE_GENDER, Support, flat


def disagreements(doc: Any) -> list[tuple[str, str]]:
    """Subject and verb that disagree in number (« l'extension … coûteront »)."""
    out = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubj:pass") or any(
            c.dep_ == "conj" for c in token.children
        ):
            continue
        number = token.morph.get("Number")
        verb = token.head
        finite = [verb, *[c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
        finite = [w for w in finite if "Fin" in w.morph.get("VerbForm")]
        if (
            number
            and finite
            and finite[0].morph.get("Number")
            and (number != finite[0].morph.get("Number"))
            and token.pos_ in ("NOUN", "PROPN")
            and token.lemma_ not in ("plupart", "majorité")
        ):
            out.append((token.text, finite[0].text))
    return out


def gender_errors(doc: Any, support: Support) -> list[tuple[str, str]]:
    """« le médiathèque » where the source says « la médiathèque »."""
    out = []
    for token in doc:
        gender = ARTICLE_GENDER.get(token.text.lower())
        if gender and token.dep_ == "det" and token.head.pos_ in ("NOUN", "PROPN"):
            known = support.genders.get(normalise(token.head.text))
            if known and gender not in known:
                out.append((token.text, token.head.text))
    return out


_SINGULAR_ARTICLES = frozenset("le la l' l’ un une".split())


def number_errors(doc: Any, support: Support) -> list[tuple[str, str]]:
    """« ouverte à la 22 heures »: a singular article, a figure, a plural noun — the
    figure hides the article from Grammalecte. Unless the source says it so (« le 20
    heures », the evening news)."""
    out = []
    for token in doc:
        if token.lower_ not in _SINGULAR_ARTICLES:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].like_num and doc[end].lower_ not in ("1", "un", "une"):
            end += 1
        if end == token.i + 1 or end == len(doc):
            continue
        noun = doc[end]
        plural = noun.pos_ == "NOUN" and "Plur" in noun.morph.get("Number")
        if plural and flat(doc[token.i : end + 1].text) not in support.flat_text:
            out.append((token.text, noun.text))
    return out


# Third-person pronouns that stand for a noun, with the (gender, number) they need.
REFERRING = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "celui-ci": ("Masc", "Sing"),
    "celle-ci": ("Fem", "Sing"),
    "ceux-ci": ("Masc", "Plur"),
    "celles-ci": ("Fem", "Plur"),
}
# « il » without a referent: « il faut », « il y a », « il s'agit », « il reste »…
IMPERSONAL = frozenset("falloir agir sembler paraître rester manquer exister pleuvoir".split())


def orphan_pronouns(doc: Any, support: Support) -> list[str]:
    """A pronoun the rewrite brings in that cannot be what it stands for: « Les
    supercalculateurs… Elles ont » (the 1.5 B's), « Il a ouvert » for « La directrice a
    ouvert », « Celle-ci compte 60 places » for « Le premier étage compte 60 places ». With
    the same verb in the source, the pronoun must agree with that verb's subject there;
    else with something the source names outside its adjuncts. A pronoun the source itself
    uses is its own business; « ils » may stand for a mixed group; a name's gender is not
    known, so it fits any."""
    out = []
    for token in doc:
        word = normalise(token.text)
        need = REFERRING.get(word)
        if need is None or word in support.forms or not token.dep_.startswith("nsubj"):
            continue
        if word == "il" and (
            token.head.lemma_ in IMPERSONAL
            or any(c.lower_ == "y" for c in token.head.children)
            or token.dep_.startswith("expl")
        ):
            continue
        gender, number = need
        mixed = gender == "Masc" and number == "Plur"  # « ils » for a group of both
        genders = {"Masc", "Fem", "*"} if mixed else {gender, "*"}
        # Who did it in the source, when the source says it with the same verb; else
        # anything the source names (a pronoun may stand for any of them).
        candidates = support.subjects.get(token.head.lemma_) or support.referents
        if not any(g in genders and n in (number, "*") for g, n in candidates):
            out.append(token.text)
    return out


# Verbs conjugated with « être » that have no passive: « a été venu » is not French.
ETRE_VERBS = frozenset(
    "venir aller arriver partir rester devenir tomber naître mourir entrer sortir retourner "
    "revenir parvenir intervenir survenir décéder apparaître demeurer".split()
)


def impossible_passives(doc: Any) -> list[tuple[str, str]]:
    """« Le parti a été venu » (a real output of the default model, from « est venu »)."""
    out = []
    for token in doc:
        if token.lemma_ in ETRE_VERBS:
            for child in token.children:
                if normalise(child.text) == "été" and child.dep_.startswith("aux"):
                    out.append((child.text, token.text))
    return out


def stray_word(doc: Any) -> str:
    """A determiner that determines no noun (« La Formellement, elle doit… », article 02)
    or an auxiliary hanging before the subject (« A Sora peut récolter… », seed article):
    both real outputs of the default model, once accepted."""
    for token in doc:
        if token.dep_ == "det" and token.head.pos_ in ("ADV", "VERB", "AUX"):
            return str(doc[token.i : token.i + 2].text)
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            token.is_sent_start
            and token.pos_ == "AUX"
            and token.dep_ == "dep"
            and nxt is not None
            and nxt.dep_.startswith("nsubj")
        ):
            return str(doc[token.i : token.i + 2].text)
    return ""


_SUBJECT_PRONOUNS = frozenset("il elle ils elles".split())


def doubled_subject(doc: Any, support: Support) -> str:
    """A noun phrase set before the subject pronoun that repeats it (« Le condamné à sept
    ans de geôle…, il voit… » for the source's « Condamné à sept ans…, il voit… »: the
    default model's determiner made the detached participle a dislocated subject, spoken
    French). The source's own dislocation stays its own."""
    for token in doc:
        if token.lower_ not in _SUBJECT_PRONOUNS or not token.dep_.startswith("nsubj"):
            continue
        for other in token.head.children:
            if (
                other.i < token.i
                and other.pos_ in ("NOUN", "ADJ", "VERB")
                and other.dep_ in ("nsubj", "obl", "obl:mod", "dislocated", "appos", "advcl")
                and any(c.dep_ == "det" and c.i < other.i for c in other.children)
                and not any(c.dep_ in ("case", "mark") for c in other.children)
                and any(t.text == "," for t in doc[other.i : token.i])
            ):
                start = min(c.i for c in other.children if c.dep_ == "det")
                phrase = doc[start : other.i + 1].text
                if flat(phrase) not in support.flat_text:
                    return f"{phrase}…, {token.text}"
    return ""


def replaced_pronoun(doc: Any, support: Support) -> str:
    """A subject pronoun of the source made a noun phrase: the model's « La tuile est
    constituée de 35.000 "tuiles" » for « Elle est constituée… » (article 24, « elle »
    was the tissue library of the sentence before). Who a pronoun stands for lies outside
    the sentence, where no check can follow it: the pronoun stays."""
    for token in doc:
        if (
            token.dep_.startswith("nsubj")
            and token.pos_ in ("NOUN", "PROPN")
            and token.head.lemma_ in support.pronoun_subjects
        ):
            start = min([token.i, *(c.i for c in token.children if c.dep_ == "det")])
            low, high = min(start, token.head.i), max(token.i, token.head.i)
            if flat(doc[low : high + 1].text) in support.flat_text:
                continue  # the source's own words: it says so itself (a parse may differ)
            return str(doc[start : token.i + 1].text)
    return ""


def dropped_ne(doc: Any, support: Support) -> str:
    """A spoken negation (« on sait pas ») that its source does not use itself."""
    for token in doc:
        if token.lower_ != "pas" or token.pos_ != "ADV":
            continue
        before = list(doc[max(token.sent.start, token.i - 6) : token.i])
        verbal = [t for t in before if t.pos_ not in ("ADV", "PRON")]
        if not verbal or verbal[-1].pos_ not in ("VERB", "AUX"):
            continue  # « mais pas seulement », « pourquoi pas »
        if any(normalise(t.text) in ("ne", "n") for t in before):
            continue
        start = before[-3:][0] if len(before) >= 3 else before[0]
        phrase = doc.text[start.idx : token.idx + len(token.text)]
        if flat(phrase) not in support.flat_text:
            return str(phrase)
    return ""


def lone_entre(doc: Any, support: Support) -> str:
    """« partagés entre l'inquiétude à l'idée de perdre la flexibilité. » — « entre » with one
    thing and no « et » after it: the model cut the second term (article 07, a key point)."""
    for token in doc:
        if token.lower_ != "entre" or token.dep_ != "case":
            continue
        noun = token.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.morph.get("Number") != ["Sing"]:
            continue  # « entre eux », « entre les deux tours », « entre 2010 et 2020 »
        if any(c.lower_ == "chaque" for c in noun.children):
            continue  # « entre chaque station »
        rest = [t.lower_ for t in doc[token.i + 1 : token.sent.end]]
        phrase = str(doc[token.i : noun.i + 1].text)
        if "et" not in rest and _source_pairs(phrase, support.text):
            return phrase
    return ""


def passive_disagreement(doc: Any, support: Support) -> str:
    """A passive participle of another number than its auxiliary, the source not saying it
    so: « des plaques qui ont été confronté à la réalité » (article 24, a model's rewrite of
    « ces plaques qui a été confronté », the prognosis)."""
    for token in doc:
        if token.pos_ != "VERB" or not any(c.dep_ == "aux:pass" for c in token.children):
            continue
        finite = [
            c
            for c in token.children
            if c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm")
        ]
        if not finite:
            continue
        number, word = finite[0].morph.get("Number"), token.lower_
        # Only endings that say the number: « confronté » is singular, « confrontées »
        # plural; « mis », « pris » may be either.
        singular = not word.endswith(("s", "x"))
        plural = word.endswith(("és", "ées", "ies", "ues", "ites", "tes"))
        if (number == ["Plur"] and singular) or (number == ["Sing"] and plural):
            phrase = doc[min(finite[0].i, token.i) : token.i + 1].text
            if flat(phrase) not in support.flat_text:
                return str(phrase)
    return ""


def _source_pairs(phrase: str, source: str) -> bool:
    """The source's « entre X » goes on to « et Y » in its sentence (or is not the source's)."""
    at = source.lower().find(phrase.lower())
    if at < 0:
        return True
    rest = re.split(r"[.!?]\s", source[at:], maxsplit=1)[0]
    return bool(re.search(r"\bet\b", rest.lower()))


def hanging_conjunction(doc: Any) -> str:
    """« Selon lui, et "on ne peut pas…" » (article 01, a model's split): a fronted phrase
    then a conjunction — the first half of the coordination is missing."""
    for sent in doc.sents:
        tokens = list(sent)
        comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
        if comma is None or comma + 1 >= len(tokens) or comma > 8:
            continue
        head = tokens[:comma]
        fronted = (
            head
            and head[0].pos_ in ("ADP", "ADV")
            and not any(t.pos_ in ("VERB", "AUX") for t in head)
        )
        if fronted and tokens[comma + 1].lower_ in ("et", "ou", "mais", "car", "donc", "or"):
            return str(sent[: comma + 2].text)
    return ""
