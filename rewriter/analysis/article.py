"""An Article with its spaCy parses: the one object every check reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rewriter.analysis.keyword import Keyword
from rewriter.analysis.sentences import sentence_spans
from rewriter.analysis.words import count_words
from rewriter.document import Article, Block


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    block: int  # index in article.blocks
    span: Any  # the spaCy Span


@dataclass(frozen=True)
class AnalysedArticle:
    article: Article
    docs: Sequence[Any]  # one spaCy Doc per article block
    seo_title_doc: Any
    meta_doc: Any
    keyword: Keyword

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.article.blocks

    def body_indices(self) -> list[int]:
        """Block indices after the first H1."""
        first_h1 = next((i for i, b in enumerate(self.blocks) if b.is_heading and b.level == 1), -1)
        return [i for i in range(len(self.blocks)) if i != first_h1]

    def paragraph_indices(self) -> list[int]:
        return [i for i in self.body_indices() if self.blocks[i].is_text]

    def subheading_indices(self) -> list[int]:
        return [
            i
            for i in self.body_indices()
            if self.blocks[i].is_heading and self.blocks[i].level in (2, 3)
        ]

    @cached_property
    def body_words(self) -> int:
        """Words of everything but the H1 (subheadings count, as in Yoast's text length)."""
        return sum(count_words(self.blocks[i].text) for i in self.body_indices())

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.blocks[i].text for i in self.paragraph_indices())

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for i in self.paragraph_indices():
            for sent in sentence_spans(self.docs[i]):
                text = sent.text.strip()
                if text:
                    out.append(Sentence(text, count_words(text), i, sent))
        return out
