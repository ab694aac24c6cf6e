"""Small text helpers shared by the generators."""

from __future__ import annotations

from rewriter.analysis.keyword import Keyword


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def keyword_label(keyword: Keyword) -> str:
    return capitalise(keyword.text)
