"""Stage 2 — analyse: spaCy's French pipeline measures the article, one check per function."""

from rewriter.analysis.engine import analyse

__all__ = ["analyse"]
