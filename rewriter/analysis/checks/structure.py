"""Heading structure: one H1, no skipped level, no empty section, no duplicate heading."""

from __future__ import annotations

from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.findings import Finding, Where
from rewriter.analysis.words import normalise
from rewriter.settings import Settings


def h1_single(a: AnalysedArticle, s: Settings) -> Finding:
    h1 = [i for i, b in enumerate(a.blocks) if b.is_heading and b.level == 1]
    return Finding(
        id="h1_single",
        label="Titre H1 unique",
        value=len(h1),
        target="1 H1",
        passed=len(h1) == 1,
        gap=abs(len(h1) - 1),
        where=tuple(Where("heading", i, a.blocks[i].text) for i in h1[1:]),
        advice="Il faut exactement un titre H1 (le titre de l'article) ; "
        "transformez les autres en H2."
        if h1
        else "Ajoutez un titre H1.",
    )


def heading_hierarchy(a: AnalysedArticle, s: Settings) -> Finding:
    problems: list[tuple[int, str]] = []
    blocks = a.blocks
    level = 1
    seen: dict[str, int] = {}
    for i, block in enumerate(blocks):
        if not block.is_heading:
            continue
        if block.level > level + 1:
            problems.append((i, f"niveau sauté : H{block.level} après H{level}"))
        level = block.level
        key = " ".join(normalise(w) for w in block.text.split())
        if key in seen:
            problems.append((i, "intertitre en double"))
        seen[key] = i
        if block.level > 1 and _is_empty_section(blocks, i):
            problems.append((i, "section vide"))
    return Finding(
        id="heading_hierarchy",
        label="Hiérarchie des intertitres",
        value=len(problems),
        target="aucun niveau sauté, aucune section vide ni doublon",
        passed=not problems,
        gap=float(len(problems)),
        where=tuple(Where("heading", i, f"{blocks[i].text} ({why})") for i, why in problems),
        advice="; ".join(f"« {blocks[i].text} » : {why}" for i, why in problems[:3])
        or "Structure des intertitres correcte.",
    )


def _is_empty_section(blocks: tuple, index: int) -> bool:  # type: ignore[type-arg]
    """No paragraph before the next heading of the same or a higher level (or the end)."""
    level = blocks[index].level
    for block in blocks[index + 1 :]:
        if block.is_text:
            return False
        if block.level <= level:
            return True
    return True
