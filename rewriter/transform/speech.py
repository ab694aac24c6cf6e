"""Verbs of saying: who speaks in a sentence (« a déclaré », « explique-t-il »)."""

from __future__ import annotations

from typing import Any

from rewriter.transform.clauses import REPORTING_VERBS

# Inflected forms the lemmatizer misses after an inversion (« explique-t-il »).
_REPORTING_FORMS = frozenset(
    "dit déclare explique indique précise ajoute souligne estime affirme rappelle assure "
    "raconte poursuit conclut insiste prévient résume détaille confie écrit demande "
    "remarquer".split()
)


def reports(token: Any) -> bool:
    """`token` is a verb of saying (« a déclaré », « explique-t-il », « estime »), the
    lemmatizer's misses included (it leaves « estime » as « estime »)."""
    form = token.lower_.split("-")[0]
    return (
        token.lemma_.lower() in REPORTING_VERBS
        or form in _REPORTING_FORMS
        or f"{form}r" in REPORTING_VERBS
    )
