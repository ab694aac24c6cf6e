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


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The developer's own ~/.config/rewriter/config.toml never changes a test's outcome."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))
    monkeypatch.delenv("REWRITER_CONFIG", raising=False)
