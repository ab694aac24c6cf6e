from __future__ import annotations

from pathlib import Path

import pytest

from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.engine import parse_article
from rewriter.read.markdown import parse_markdown

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"dev corpus not found at {CORPUS}")
    return CORPUS


def analysed(markdown: str, keyword: str | None = None) -> AnalysedArticle:
    return parse_article(parse_markdown(markdown), keyword)
