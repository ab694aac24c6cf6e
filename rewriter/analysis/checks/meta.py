"""Lengths a search engine shows: the SEO title and the meta description."""

from __future__ import annotations

from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.findings import Finding, Where
from rewriter.settings import Settings


def title_length(a: AnalysedArticle, s: Settings) -> Finding:
    title = a.article.effective_seo_title
    n = len(title)
    passed = 0 < n <= s.max_title_chars
    return Finding(
        id="title_length",
        label="Longueur du titre SEO",
        value=n,
        target=f"≤ {s.max_title_chars} caractères",
        passed=passed,
        gap=0.0 if passed else (max(0, n - s.max_title_chars) / s.max_title_chars or 1),
        where=(Where("title", 0, title),),
        advice=f"Le titre fait {n} caractères : raccourcissez-le à {s.max_title_chars} au plus."
        if n
        else "Ajoutez un titre.",
    )


def meta_length(a: AnalysedArticle, s: Settings) -> Finding:
    n = len(a.article.meta_description)
    lo, hi = s.min_meta_chars, s.max_meta_chars
    passed = lo <= n <= hi
    if n == 0:
        advice = "Aucune méta description : écrivez-en une de 120 à 156 caractères."
    elif n < lo:
        advice = f"Méta description trop courte ({n} caractères) : visez {lo} à {hi}."
    else:
        advice = f"Méta description trop longue ({n} caractères) : Google la coupera après {hi}."
    return Finding(
        id="meta_length",
        label="Longueur de la méta description",
        value=n,
        target=f"{lo} – {hi} caractères",
        passed=passed,
        gap=0.0 if passed else (abs(n - (lo + hi) / 2) / hi),
        where=(Where("meta"),),
        advice=advice if not passed else "Longueur idéale.",
    )
