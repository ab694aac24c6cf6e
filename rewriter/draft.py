"""The article being written: sections of sentences, so repairs can work sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rewriter.document import Article, Block

Role = Literal["body", "keypoints", "faq", "question"]


@dataclass
class Paragraph:
    sentences: list[str]
    kind: Literal["paragraph", "item"] = "paragraph"
    source: int | None = None  # a key point: the index of the source sentence it says

    @property
    def text(self) -> str:
        return " ".join(s for s in self.sentences if s)


@dataclass
class Section:
    heading: str
    level: int = 2
    paragraphs: list[Paragraph] = field(default_factory=list)
    role: Role = "body"
    source_text: str = ""  # what its heading must be faithful to
    source_heading: bool = False  # the desk's own subheading: kept as written


@dataclass
class Draft:
    title: str
    keyword: str
    seo_title: str = ""
    meta: str = ""
    slug: str = ""
    intro: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the report should tell the user

    def to_article(self) -> Article:
        blocks = [Block("heading", self.title, 1)]
        blocks += [Block(p.kind, p.text) for p in self.intro if p.text]
        for section in self.sections:
            blocks.append(Block("heading", section.heading, section.level))
            blocks += [Block(p.kind, p.text) for p in section.paragraphs if p.text]
        return Article(
            blocks=tuple(blocks),
            seo_title=self.seo_title,
            meta_description=self.meta,
            slug=self.slug,
            keyword=self.keyword,
        )

    def paragraphs(self) -> list[Paragraph]:
        return [*self.intro, *[p for s in self.sections for p in s.paragraphs]]

    def sentences(self) -> list[str]:
        out = [s for p in self.intro for s in p.sentences]
        for section in self.sections:
            out += [s for p in section.paragraphs for s in p.sentences]
        return out
