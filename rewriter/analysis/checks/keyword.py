"""Where the focus keyword appears: density, title, introduction, subheadings, meta, slug."""

from __future__ import annotations

from rewriter.analysis import keyword as kw
from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.findings import Finding, Where
from rewriter.analysis.sentences import sentence_spans
from rewriter.analysis.words import slug_form
from rewriter.settings import Settings


def _missing(check_id: str, label: str, target: str) -> Finding:
    return Finding(
        id=check_id,
        label=label,
        value=0,
        target=target,
        passed=False,
        gap=1.0,
        advice="Donnez une requête cible avec --keyword.",
    )


def keyword_density(a: AnalysedArticle, s: Settings) -> Finding:
    """Yoast's formula: matches / words × 100 × (0.7 + L/3), L = keyword content words."""
    target = f"{s.min_keyword_density:g} – {s.max_keyword_density:g}"
    if not a.keyword:
        return _missing("keyword_density", "Densité de la requête", target)
    matches = sum(kw.count_in(a.keyword, a.docs[i]) for i in a.body_indices())
    words = a.body_words
    density = matches / words * 100 * (0.7 + a.keyword.length / 3) if words else 0.0
    passed = s.min_keyword_density <= density <= s.max_keyword_density
    if density < s.min_keyword_density:
        advice = (
            f"La requête « {a.keyword.text} » n'apparaît que {matches} fois : citez-la davantage."
        )
        gap = (s.min_keyword_density - density) / s.min_keyword_density
    else:
        advice = f"La requête apparaît {matches} fois : c'est trop, variez le vocabulaire."
        gap = max(0.0, density - s.max_keyword_density) / s.max_keyword_density
    return Finding(
        id="keyword_density",
        label="Densité de la requête",
        value=round(density, 2),
        target=target,
        passed=passed,
        gap=0.0 if passed else gap,
        advice=advice if not passed else f"{matches} occurrences : bonne densité.",
    )


def keyword_in_title(a: AnalysedArticle, s: Settings) -> Finding:
    label, target = "Requête en début de titre SEO", "au début du titre"
    if not a.keyword:
        return _missing("keyword_in_title", label, target)
    at_start = kw.starts_with(a.keyword, a.seo_title_doc)
    anywhere = kw.count_in(a.keyword, a.seo_title_doc) > 0
    value = "au début" if at_start else ("ailleurs" if anywhere else "absente")
    return Finding(
        id="keyword_in_title",
        label=label,
        value=value,
        target=target,
        passed=at_start,
        gap=0.0 if at_start else (0.5 if anywhere else 1.0),
        where=(Where("title", 0, a.seo_title_doc.text),),
        advice=f"Placez « {a.keyword.text} » au tout début du titre SEO.",
    )


def keyword_in_intro(a: AnalysedArticle, s: Settings) -> Finding:
    label, target = "Requête dans l'introduction", "dans une phrase du 1er paragraphe"
    if not a.keyword:
        return _missing("keyword_in_intro", label, target)
    paragraphs = a.paragraph_indices()
    found = bool(paragraphs) and any(
        kw.count_in(a.keyword, sent) > 0 for sent in sentence_spans(a.docs[paragraphs[0]])
    )
    return Finding(
        id="keyword_in_intro",
        label=label,
        value="oui" if found else "non",
        target=target,
        passed=found,
        gap=0.0 if found else 1.0,
        where=(Where("paragraph", paragraphs[0] if paragraphs else 0),),
        advice=f"Mettez tous les mots de « {a.keyword.text} » dans une même phrase "
        "du premier paragraphe.",
    )


def keyword_in_subheadings(a: AnalysedArticle, s: Settings) -> Finding:
    lo, hi = s.min_subheading_keyword_share, s.max_subheading_keyword_share
    label, target = "Requête dans les intertitres", f"{lo:g} – {hi:g} % des H2/H3"
    if not a.keyword:
        return _missing("keyword_in_subheadings", label, target)
    subheadings = a.subheading_indices()
    holding = [i for i in subheadings if kw.share_in(a.keyword, a.docs[i]) >= 0.5]
    share = 100.0 * len(holding) / len(subheadings) if subheadings else 0.0
    passed = bool(subheadings) and lo <= share <= hi
    if not subheadings:
        advice = "Aucun intertitre H2/H3 : ajoutez-en, dont certains avec la requête."
    elif share < lo:
        advice = (
            f"{len(holding)} intertitre(s) sur {len(subheadings)} reprennent la requête : "
            "ajoutez-la dans d'autres."
        )
    else:
        advice = (
            f"{len(holding)} intertitres sur {len(subheadings)} reprennent la requête : "
            "variez-en certains."
        )
    return Finding(
        id="keyword_in_subheadings",
        label=label,
        value=round(share, 1),
        target=target,
        passed=passed,
        gap=0.0 if passed else (abs(share - (lo + hi) / 2) / 100 or 1.0),
        advice=advice if not passed else "Bonne présence dans les intertitres.",
    )


def keyword_in_meta(a: AnalysedArticle, s: Settings) -> Finding:
    lo, hi = s.min_meta_keyword, s.max_meta_keyword
    label, target = "Requête dans la méta description", f"{lo} – {hi} fois"
    if not a.keyword:
        return _missing("keyword_in_meta", label, target)
    count = (
        sum(kw.count_in(a.keyword, sent) for sent in sentence_spans(a.meta_doc))
        if a.meta_doc
        else 0
    )
    passed = lo <= count <= hi
    return Finding(
        id="keyword_in_meta",
        label=label,
        value=count,
        target=target,
        passed=passed,
        gap=0.0 if passed else 1.0,
        where=(Where("meta"),),
        advice=f"Citez « {a.keyword.text} » une ou deux fois dans la méta description."
        if count < lo
        else "Requête trop répétée dans la méta description.",
    )


def keyword_in_slug(a: AnalysedArticle, s: Settings) -> Finding:
    label, target = "Requête dans le slug", "tous les mots de la requête"
    if not a.keyword:
        return _missing("keyword_in_slug", label, target)
    slug = f"-{a.article.slug.lower().replace('_', '-')}-"
    found = sum(1 for forms in a.keyword.words if any(f"-{slug_form(f)}-" in slug for f in forms))
    passed = found == len(a.keyword.words)
    return Finding(
        id="keyword_in_slug",
        label=label,
        value=f"{found}/{len(a.keyword.words)}",
        target=target,
        passed=passed,
        gap=0.0 if passed else 1 - found / len(a.keyword.words),
        where=(Where("slug", 0, a.article.slug),),
        advice="Le slug doit contenir les mots de la requête "
        f"(slug actuel : « {a.article.slug or 'aucun'} »).",
    )
