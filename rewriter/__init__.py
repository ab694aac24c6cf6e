"""rewriter: turn a French news article into an SEO-ready French article, offline."""

__version__ = "0.1.0"
