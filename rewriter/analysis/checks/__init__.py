"""Every check, in report order. Adding a check is adding one function to a module here."""

from __future__ import annotations

from collections.abc import Callable

from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.checks import keyword, language, length, meta, structure, style
from rewriter.analysis.findings import Finding
from rewriter.settings import Settings

Check = Callable[[AnalysedArticle, Settings], Finding]

CHECKS: tuple[Check, ...] = (
    length.words,
    language.language,
    structure.h1_single,
    structure.heading_hierarchy,
    length.section_length,
    length.sentence_length,
    length.paragraph_length,
    keyword.keyword_density,
    keyword.keyword_in_title,
    keyword.keyword_in_intro,
    keyword.keyword_in_subheadings,
    keyword.keyword_in_meta,
    keyword.keyword_in_slug,
    meta.title_length,
    meta.meta_length,
    style.passive_voice,
    style.transition_words,
    style.sentence_beginnings,
    style.flesch_fr,
)


def run_checks(analysed: AnalysedArticle, settings: Settings) -> tuple[Finding, ...]:
    return tuple(check(analysed, settings) for check in CHECKS)
