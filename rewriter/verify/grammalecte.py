"""Grammalecte, the reference open-source French grammar checker, as a gate.

Grammalecte is Debian's `python3-grammalecte` (pure Python, offline); `make install` links
it into the virtual environment. Typography rules (non-breaking spaces, apostrophes,
dashes, capitals, écriture épicène…) are turned off: the gate asks about grammar alone —
agreement, conjugation, mood, confusions, negation.

A rewrite may not carry a grammar error its source does not have: errors are compared as
(rule family, flagged words), so an error the journalist already made is not held against
the rewrite, and one the rewrite brings in is.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from rewriter.errors import RewriterError

log = logging.getLogger(__name__)

# Options that are about typography or style, not grammar (Grammalecte's own names).
TYPOGRAPHY_OPTIONS = (
    "typo", "apos", "esp", "nbsp", "tu", "maj", "num", "unit", "virg", "poncfin", "eepi",
    "liga", "mapos", "html", "latex", "chim", "ocr", "md", "date", "pleo", "bs", "redon1",
    "redon2", "idrule", "mc", "tab", "minis",
)  # fmt: skip


@dataclass(frozen=True)
class GrammarError:
    rule: str  # Grammalecte's rule id
    kind: str  # its option family: conj, gn, ppas, vmode, conf…
    text: str  # the flagged words
    message: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.text.lower())


class GrammalecteMissing(RewriterError):
    pass


@cache
def _checker() -> Any:
    try:
        import grammalecte
    except ImportError as exc:
        raise GrammalecteMissing(
            "Grammalecte est introuvable : lancez `make install` (paquet Debian "
            "python3-grammalecte, lié dans l'environnement virtuel)."
        ) from exc
    return grammalecte.GrammarChecker("fr")


@cache
def _engine() -> Any:
    engine = _checker().getGCEngine()
    engine.setOptions({name: False for name in TYPOGRAPHY_OPTIONS})
    return engine


def available() -> bool:
    try:
        _engine()
    except GrammalecteMissing:
        return False
    return True


# Grammalecte reads typographic apostrophes and quotes best; the source may use either.
_STRAIGHT = str.maketrans({"'": "’"})


@cache
def errors_in(text: str) -> tuple[GrammarError, ...]:
    """Grammar errors Grammalecte finds in `text` (one paragraph)."""
    text = " ".join(text.split()).translate(_STRAIGHT)
    if not text:
        return ()
    found = []
    for error in _engine().parse(text, "FR", bDebug=False):
        kind = str(error.get("sType", ""))
        flagged = text[error["nStart"] : error["nEnd"]]
        found.append(
            GrammarError(str(error.get("sRuleId", "")), kind, flagged, str(error["sMessage"]))
        )
    return tuple(found)


def introduced(candidate: str, source: str) -> list[GrammarError]:
    """Errors of `candidate` that `source` does not have (same family, same words)."""
    have = Counter(e.key for e in errors_in(source))
    out = []
    for error in errors_in(candidate):
        if have[error.key] > 0:
            have[error.key] -= 1
            continue
        out.append(error)
    return out


def per_thousand_words(text: str) -> float:
    """Grammar errors per 1,000 words, the evaluation's measure."""
    words = len(re.findall(r"\w+", text))
    return 1000.0 * len(errors_in(text)) / words if words else 0.0


# Grammalecte's tags for a conjugated form: indicative (present, imperfect, simple past,
# future), conditional, subjunctive; and the third persons (news copy speaks of others).
_FINITE = re.compile(r":(?:Ip|Iq|Is|If|K|Sp|Sq)\b")
_THIRD = re.compile(r":3[sp]\b")


@cache
def can_be_conjugated(word: str, *, any_person: bool = False) -> bool:
    """Grammalecte's lexicon says `word` can be a conjugated verb — in the third person
    unless `any_person` (« complète », « risque », « a »; « ai » with `any_person`) —
    whatever a tagger made of it in one sentence."""
    morphs = _checker().getSpellChecker().getMorph(word.translate(_STRAIGHT))
    return any(_FINITE.search(m) and (any_person or _THIRD.search(m)) for m in morphs)


@cache
def intransitive(infinitive: str) -> bool:
    """Grammalecte's conjugation tables say the verb may stand without an object
    (« réagir », « démissionner », « progresser »; not « indiquer », « adopter »)."""
    _checker()  # the package is there, or the French message why not
    from grammalecte.fr import conj

    info = conj.getVtyp(infinitive) if conj.isVerb(infinitive) else ""
    return info[2:3] == "i"


@cache
def only_qualifies(word: str) -> bool:
    """Grammalecte's lexicon reads `word` as an adjective or a past participle and never
    as a noun (« controversées », where a tagger may see a noun), or "" unknown."""
    morphs = _checker().getSpellChecker().getMorph(word.translate(_STRAIGHT))
    return bool(morphs) and all(re.search(r":[AQ]\b", m) and ":N" not in m for m in morphs)


@cache
def only_verb(word: str) -> bool:
    """Grammalecte's lexicon knows `word` only as a conjugated verb (« gèle », « réduirait »;
    not « risque », a noun too)."""
    morphs = _checker().getSpellChecker().getMorph(word.translate(_STRAIGHT))
    return bool(morphs) and all(_FINITE.search(m) or ":E:" in m for m in morphs)


@cache
def only_preposition(word: str) -> bool:
    """Grammalecte's lexicon knows `word` only as a preposition (« au-dessous », « malgré »)."""
    morphs = _checker().getSpellChecker().getMorph(word.translate(_STRAIGHT))
    return bool(morphs) and all(":R" in m for m in morphs)


@cache
def common_word(word: str, lowered: str) -> bool:
    """Grammalecte's lexicon knows `lowered` (the word in lower case, accent given back)
    and has no proper noun spelled `word`: « Turpitude » opening a headline is the common
    noun, « Pierre », « Berne » or « Macron » may be names, « Hwang » is unknown."""
    spell = _checker().getSpellChecker()
    if any(m.startswith(">") and m[1:2].isupper() for m in spell.getMorph(word)):
        return False
    return bool(spell.getMorph(lowered.translate(_STRAIGHT)))
