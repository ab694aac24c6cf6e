"""analyse(): parse an Article once with spaCy, choose the keyword, run every check."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from rewriter.analysis import keyword as kw
from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.checks import run_checks
from rewriter.analysis.findings import Report
from rewriter.analysis.nlp import french
from rewriter.document import Article
from rewriter.settings import Settings

log = logging.getLogger(__name__)


def parse_article(article: Article, keyword: str | None = None) -> AnalysedArticle:
    """Parse every block, the SEO title, the meta and the keyword in one spaCy batch."""
    nlp = french()
    texts = [b.text for b in article.blocks]
    extra = [article.effective_seo_title, article.meta_description, keyword or ""]
    docs: Sequence[Any] = list(nlp.pipe(texts + extra))
    block_docs, (title_doc, meta_doc, keyword_doc) = docs[: len(texts)], docs[len(texts) :]
    if keyword and keyword.strip():
        chosen = kw.make_keyword(keyword_doc, reason="donnée par l'utilisateur")
    else:
        chosen = pick_keyword(article, block_docs, title_doc)
    return AnalysedArticle(
        article=article, docs=block_docs, seo_title_doc=title_doc, meta_doc=meta_doc, keyword=chosen
    )


def pick_keyword(article: Article, block_docs: Sequence[Any], title_doc: Any) -> kw.Keyword:
    """The most salient 1-3-word noun phrase of the article, with the reason it won."""
    h1 = next(
        (
            d
            for b, d in zip(article.blocks, block_docs, strict=True)
            if b.is_heading and b.level == 1
        ),
        title_doc,
    )
    body = [d for b, d in zip(article.blocks, block_docs, strict=True) if b.kind == "paragraph"]
    ranked = kw.candidates(h1, body)
    if not ranked:
        return kw.Keyword(text="", words=(), reason="aucun groupe nominal saillant trouvé")
    best = ranked[0]
    doc = french()(best.text)
    log.debug("keyword candidates: %s", [(c.text, round(c.score, 2)) for c in ranked[:5]])
    return kw.make_keyword(doc, reason=kw.explain(best))


def analyse(
    article: Article, *, settings: Settings | None = None, keyword: str | None = None
) -> Report:
    """Every check on `article`. `keyword` None or empty: one is picked from the article."""
    settings = settings or Settings()
    analysed = parse_article(article, keyword or article.keyword or None)
    return report_for(analysed, settings)


def report_for(analysed: AnalysedArticle, settings: Settings) -> Report:
    return Report(
        keyword=analysed.keyword.text,
        keyword_reason=analysed.keyword.reason,
        findings=run_checks(analysed, settings),
    )
