"""Word-level normalisation shared by every check: apostrophes, elisions, accents, counts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})
_ELISION = re.compile(r"^(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)
_WORD = re.compile(r"\S*\w\S*")

# Parts of speech that carry no topic: a keyword's function words never need to match.
FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "AUX", "PART", "SPACE"})


def normalise(word: str) -> str:
    """Lower case, straight apostrophe, elision removed: « L’orage » -> « orage »."""
    word = word.translate(_APOSTROPHES).lower().strip("'\"«»()[].,;:!?")
    stripped = _ELISION.sub("", word)
    return stripped or word


def fold(word: str) -> str:
    """`normalise` plus accents removed, for slugs and URLs."""
    decomposed = unicodedata.normalize("NFKD", normalise(word))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A French capital often drops its accent (« A Dijon », « Etat », « Ecologie »): the accented
# forms its lower case may take back.
_ACCENTED = {"a": "àâ", "e": "éèê", "i": "î", "o": "ô", "u": "ù", "c": "ç"}


def lower_initial(text: str) -> str:
    """`text` with its first letter in lower case, its accent restored: « A Dijon, … » →
    « à Dijon, … », « Ecologie alternative » → « écologie alternative » (the most frequent
    French form, from wordfreq's lists, offline)."""
    match = re.match(r"(\w+)(.*)", text, re.DOTALL)
    if not match:
        return text[:1].lower() + text[1:]
    word, rest = match.groups()
    if word == "A":
        return "à" + rest  # a sentence never opens on the verb « a »: this is « À »
    low = word[:1].lower() + word[1:]
    if word[:1].isupper() and low[:1] in _ACCENTED:
        from wordfreq import zipf_frequency

        forms = [low, *(accent + low[1:] for accent in _ACCENTED[low[:1]])]
        best = max(forms, key=lambda form: zipf_frequency(form.lower(), "fr"))
        if zipf_frequency(best.lower(), "fr") > zipf_frequency(low.lower(), "fr"):
            low = best
    return low + rest


def slug_form(word: str) -> str:
    """How a word appears in a URL slug: « Covid-19 » -> « covid-19 », « l'État » -> « etat »."""
    return re.sub(r"[^a-z0-9]+", "-", fold(word)).strip("-")


def count_words(text: str) -> int:
    """Words as a reader (and Yoast) counts them: separated by spaces, holding a letter/digit."""
    return len(_WORD.findall(text))


def token_forms(token: Any) -> frozenset[str]:
    """Every form a spaCy token can be matched by: its normalised text and its lemma."""
    forms = {normalise(token.text)}
    if token.lemma_:
        forms.add(normalise(token.lemma_))
    return frozenset(f for f in forms if f)


def is_content(token: Any) -> bool:
    return bool(token.pos_ not in FUNCTION_POS and not token.is_punct and not token.is_space)


def content_forms(tokens: Iterable[Any]) -> list[frozenset[str]]:
    return [token_forms(t) for t in tokens if is_content(t)]


# Third-person pronouns that stand for a noun said before (the tagger's PronType is not
# reliable: « Elle » has none): the splitters' pronouns (`guard.PRONOUNS`), what a pronoun
# subject leans on (`growth.leans`), what no rewrite may name (`referents.pronoun_subjects`).
# Verbs whose compound tenses take « être » in the active voice (« il est arrivé »): their
# participle after « est » is a past tense, not a passive or a state.
ETRE_VERBS = frozenset(
    "aller venir arriver partir entrer sortir naître mourir rester tomber devenir "
    "revenir retourner monter descendre passer décéder parvenir intervenir survenir "
    "redevenir repartir rentrer ressortir advenir apparaître".split()
)

STANDING_FOR = frozenset(
    "il elle ils elles celui-ci celle-ci ceux-ci celles-ci celui-là celle-là".split()
)


def new_words(candidate: Iterable[Any], source: Iterable[Any]) -> list[str]:
    """Content words of `candidate` (parsed) that `source` (parsed) has in no form: a
    shortened sentence says less with the source's words, it does not bring its own (the
    model's key point « L'été peut rapidement dépasser 30 degrés » for « La température
    peut rapidement y dépasser 30 degrés », article 23: a new subject, a false fact)."""
    known: set[str] = set()
    for token in source:
        known |= token_forms(token)
    return [
        t.text
        for t in candidate
        # Auxiliaries too: « été » may be tagged one, and « a dépassé » for « peut
        # dépasser » says another thing.
        if (is_content(t) or t.pos_ == "AUX")
        and not t.like_num
        and token_forms(t).isdisjoint(known)
    ]


# Dates: what a key figure is not (`plan.growth.key_figure`), what a heading leaves out
# (`generate.leads`).
MONTHS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)


def is_year(text: str) -> bool:
    """« 2021 », « 1997 »: a year, not a quantity."""
    import re

    return re.fullmatch(r"(?:1[89]|20)\d\d", text) is not None


# What places a phrase in time (`transform.clauses.split_fronted_participle`).
# The stressed pronoun a courtesy title says (« M. Caldwell » → « lui »), for a name
# taken up in a sentence of its own (`transform.reparse`, `plan._titled`).
PRONOUN_OF_TITLE = {"m.": "lui", "mme": "elle", "mlle": "elle"}

TIME_NOUNS = frozenset(
    "semaine mois année an jour veille lendemain matin soir nuit heure trimestre saison "
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier".split()
)


def dated(token: Any) -> bool:
    """`token` places its phrase in time: « au début de la semaine », « en 2019 », « hier »."""
    word = token.lower_
    lemma = token.lemma_.lower()
    return word in MONTHS or word in TIME_NOUNS or lemma in TIME_NOUNS or is_year(token.text)


def leaning_determiner(token: Any) -> bool:
    """A demonstrative or possessive determiner: « cette procédure », « son projet » — the
    noun it opens leans on what was said before (headings, key points, metas); words
    that point back the same way: `points_back`."""
    return token.dep_ == "det" and (
        "Dem" in token.morph.get("PronType") or token.morph.get("Poss") == ["Yes"]
    )


_LEANING_CLITICS = frozenset("le la l' l’ les lui leur en y".split())


def leaning_clitic(token: Any) -> bool:
    """An object pronoun that stands for something said before: « La région en a fait un
    axe… » (of what?), « Cédric O l'a faite applaudir ». « les » as a determiner is
    « det », « il y a » is fixed."""
    return (
        token.pos_ == "PRON"  # « le Covid-19 » parsed as an object is a determiner
        and token.dep_ in ("obj", "iobj")
        and token.lower_ in _LEANING_CLITICS
    )


def points_back(token: Any) -> bool:
    """« l'animal en question », « ledit rapport », « le texte précité »: the thing was
    named before (not « la remise en question du projet »)."""
    if token.lower_ in _POINTING_BACK:
        return True
    return (
        token.lower_ == "question"
        and token.i > 0
        and token.doc[token.i - 1].lower_ == "en"
        and token.head.pos_ == "NOUN"
        and token.head.i < token.i
        and token.head.lemma_ not in ("remise", "mise")
    )


_POINTING_BACK = frozenset(
    "ledit ladite lesdits lesdites précité précitée précités précitées susmentionné "
    "susmentionnée susmentionnés susmentionnées susdit susdite susdits susdites".split()
)
