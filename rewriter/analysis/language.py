"""Which language is this? lingua, restricted to the languages a French newsroom meets."""

from __future__ import annotations

from functools import cache
from typing import Any

_LANGUAGES = (
    "FRENCH",
    "ENGLISH",
    "SPANISH",
    "GERMAN",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "CATALAN",
    "ROMANIAN",
)
_SAMPLE_CHARS = 4000  # enough for certainty, and keeps detection fast on long articles


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0-1) of the dominant language of `text`."""
    sample = text[:_SAMPLE_CHARS]
    if not sample.strip():
        return "", 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return "", 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def french_confidence(text: str) -> float:
    from lingua import Language

    return float(_detector().compute_language_confidence(text[:_SAMPLE_CHARS], Language.FRENCH))
