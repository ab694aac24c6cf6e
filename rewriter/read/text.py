"""Plain text: the first line is the title, blank lines separate paragraphs."""

from __future__ import annotations

import re

from rewriter.document import Article, Block


def parse_text(text: str, name: str = "") -> Article:
    lines = text.strip().split("\n")
    title = lines[0].strip() if lines else ""
    rest = "\n".join(lines[1:])
    blocks = [Block("heading", title, 1)] if title else []
    for chunk in re.split(r"\n\s*\n", rest):
        paragraph = re.sub(r"\s+", " ", chunk).strip()
        if paragraph:
            blocks.append(Block("paragraph", paragraph))
    return Article(blocks=tuple(blocks), source_name=name)
