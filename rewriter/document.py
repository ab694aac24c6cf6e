"""The article as every stage sees it: a title, ordered blocks, and SEO metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item"]  # item: a bullet-list entry


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # 1-6 for headings, 0 for paragraphs

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def is_text(self) -> bool:
        """A paragraph or a list item: prose the checks read."""
        return self.kind != "heading"


@dataclass(frozen=True)
class Article:
    """An article. `blocks` holds every heading (H1 included) and paragraph, in order."""

    blocks: tuple[Block, ...]
    seo_title: str = ""  # the <title>; the H1 when empty
    meta_description: str = ""
    slug: str = ""
    keyword: str = ""  # from front matter, when the input carries one
    source_name: str = ""
    notes: tuple[str, ...] = ()  # what reading changed, for the user
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def title(self) -> str:
        """The H1 text (the first H1), or '' when there is none."""
        for block in self.blocks:
            if block.is_heading and block.level == 1:
                return block.text
        return ""

    @property
    def effective_seo_title(self) -> str:
        return self.seo_title or self.title

    @property
    def body(self) -> tuple[Block, ...]:
        """Every block but the first H1."""
        out: list[Block] = []
        skipped = False
        for block in self.blocks:
            if not skipped and block.is_heading and block.level == 1:
                skipped = True
                continue
            out.append(block)
        return tuple(out)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]
