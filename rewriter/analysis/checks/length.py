"""Length checks: the article, its sections, sentences and paragraphs."""

from __future__ import annotations

from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.findings import Finding, Where
from rewriter.analysis.words import count_words
from rewriter.settings import Settings


def words(a: AnalysedArticle, s: Settings) -> Finding:
    n = a.body_words
    return Finding(
        id="words",
        label="Longueur du texte",
        value=n,
        target=f"≥ {s.min_words} mots",
        passed=n >= s.min_words,
        gap=max(0, s.min_words - n) / s.min_words,
        advice=f"Le texte compte {n} mots ; visez au moins {s.min_words} mots, "
        "sans ajouter d'information absente de la source.",
    )


def section_length(a: AnalysedArticle, s: Settings) -> Finding:
    """Words between consecutive headings; the introduction counts as a section."""
    sections: list[tuple[int, int]] = []  # (heading block index or -1, words)
    current, count = -1, 0
    for i in a.body_indices():
        block = a.blocks[i]
        if block.is_heading:
            sections.append((current, count))
            current, count = i, 0
        else:
            count += count_words(block.text)
    sections.append((current, count))
    sections = [(i, n) for i, n in sections if n > 0 or i >= 0]
    too_long = [(i, n) for i, n in sections if n > s.max_section_words]
    longest = max((n for _, n in sections), default=0)
    where = tuple(
        Where("heading", i, a.blocks[i].text) if i >= 0 else Where("paragraph", -1, "introduction")
        for i, _ in too_long
    )
    return Finding(
        id="section_length",
        label="Répartition des intertitres",
        value=longest,
        target=f"≤ {s.max_section_words} mots par section",
        passed=not too_long,
        where=where,
        gap=max(0, longest - s.max_section_words) / s.max_section_words,
        advice=f"{len(too_long)} section(s) dépassent {s.max_section_words} mots : "
        "ajoutez des intertitres pour découper le texte.",
    )


def sentence_length(a: AnalysedArticle, s: Settings) -> Finding:
    sentences = a.sentences
    long = [x for x in sentences if x.words > s.max_sentence_words]
    share = 100.0 * len(long) / len(sentences) if sentences else 0.0
    return Finding(
        id="sentence_length",
        label="Longueur des phrases",
        value=round(share, 1),
        target=f"≤ {s.max_long_sentence_share:g} % de phrases de plus de "
        f"{s.max_sentence_words} mots",
        passed=share <= s.max_long_sentence_share,
        where=tuple(Where("sentence", x.block, x.text) for x in long),
        gap=max(0.0, share - s.max_long_sentence_share) / 100,
        advice=f"{share:.1f} % des phrases dépassent {s.max_sentence_words} mots : "
        "coupez les plus longues.",
    )


def paragraph_length(a: AnalysedArticle, s: Settings) -> Finding:
    lengths = [(i, count_words(a.blocks[i].text)) for i in a.paragraph_indices()]
    longest = max((n for _, n in lengths), default=0)
    too_long = [(i, n) for i, n in lengths if n > s.max_paragraph_words]
    return Finding(
        id="paragraph_length",
        label="Longueur des paragraphes",
        value=longest,
        target=f"≤ {s.max_paragraph_words} mots",
        passed=not too_long,
        where=tuple(Where("paragraph", i, a.blocks[i].text[:80]) for i, _ in too_long),
        gap=max(0, longest - s.max_paragraph_words) / s.max_paragraph_words,
        advice=f"{len(too_long)} paragraphe(s) dépassent {s.max_paragraph_words} mots : "
        "scindez-les.",
    )
