"""Capitals: a word the source writes with its capital inside a sentence keeps it, and
the reverse. « L'état prendra en charge » for « l'État »: the state became a condition,
and no grammar checker can know which was meant (`verify/reading.py` runs this)."""

from __future__ import annotations

import re

# Where a capital only marks a start: a text's first word (`_at_start`), and a word after
# a full stop, a colon, a dash or an opening quotation mark.
_START = re.compile(r"[.!?:;«\"“(—–-]\W*$")
_WORD = re.compile(r"\w[\w-]*")


def _at_start(text: str, at: int) -> bool:
    return not text[:at].strip(" \n'\"«“(") or bool(_START.search(text[max(0, at - 6) : at]))


def case_changed(candidate: str, source: str) -> str:
    """A word of `candidate`, inside a sentence, that the source writes inside a
    sentence only with other capitals (« état » where the source has « l'État »); "" when
    none. A word the source writes only at a start says nothing of its case."""
    inside: dict[str, set[str]] = {}
    for match in _WORD.finditer(source):
        if not _at_start(source, match.start()):
            inside.setdefault(match.group().lower(), set()).add(match.group())
    for match in _WORD.finditer(candidate):
        word = match.group()
        forms = inside.get(word.lower())
        if forms and word not in forms and not _at_start(candidate, match.start()):
            return word
    return ""
