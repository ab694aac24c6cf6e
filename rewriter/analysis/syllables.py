"""French syllable count, for the Kandel & Moles readability formula.

Counts vowel groups, then corrects for the usual French silent endings (mute final
-e/-es, verbal -ent) — the same approximation Flesch-style French formulas assume.
"""

from __future__ import annotations

import re

_VOWEL_GROUP = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]+")
_WORD = re.compile(r"[a-zàâäéèêëîïôöùûüœæç]+")
_HIATUS = re.compile(r"(?=([aoé]é|é[aoiuéà]))")  # po-é-sie, ré-a-li-té, cré-é, ré-us-sir
_SILENT_ENT = re.compile(r"[^aeiouyé]ent$")  # ils parlent (but not: dent, souvent — rare enough)


def count_word(word: str) -> int:
    word = word.lower()
    groups = _VOWEL_GROUP.findall(word)
    count = len(groups) + len(_HIATUS.findall(word))
    if count <= 1:
        return max(count, 1 if any(c.isalpha() for c in word) else 0)
    if word.endswith("e") and not word.endswith(("ée", "ie", "ue")):
        count -= 1  # mute final e: table, porte
    elif word.endswith("es") and not word.endswith(("ées", "ies", "ues")) and len(word) > 3:
        count -= 1  # tables, portes
    elif _SILENT_ENT.search(word) and len(word) > 5:
        count -= 1  # parlent, chantent
    return max(count, 1)


def count_text(text: str) -> int:
    return sum(count_word(w) for w in _WORD.findall(text.lower()))
