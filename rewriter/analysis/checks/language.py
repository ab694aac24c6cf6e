"""Is the text French? A real language detector (lingua), not a stop-word count."""

from __future__ import annotations

from rewriter.analysis import language as lang
from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.findings import Finding
from rewriter.settings import Settings

NAMES = {
    "fr": "français",
    "en": "anglais",
    "es": "espagnol",
    "de": "allemand",
    "it": "italien",
    "pt": "portugais",
    "nl": "néerlandais",
    "ca": "catalan",
    "ro": "roumain",
}


def language(a: AnalysedArticle, s: Settings) -> Finding:
    code, confidence = lang.detect(a.body_text)
    passed = code == "fr" and confidence >= s.min_language_confidence
    name = NAMES.get(code, code or "inconnue")
    return Finding(
        id="language",
        label="Langue",
        value=f"{code} ({confidence:.2f})",
        target=f"fr (≥ {s.min_language_confidence:.2f})",
        passed=passed,
        gap=0.0 if passed else 1.0,
        advice=f"Le texte semble être en {name} (confiance {confidence:.0%}) : "
        "l'article doit être en français."
        if not passed
        else "Texte en français.",
    )
