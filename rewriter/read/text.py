"""Plain text: the first line is the title, blank lines separate paragraphs, and a short
line between dashes is a subheading (the agency convention: « - Écologie alternative - »)."""

from __future__ import annotations

import re

from rewriter.document import Article, Block

_INTERTITLE = re.compile(r"[-–—]\s+(.+?)\s+[-–—]")


def parse_text(text: str, name: str = "") -> Article:
    lines = text.strip().split("\n")
    title = lines[0].strip() if lines else ""
    rest = "\n".join(lines[1:])
    blocks = [Block("heading", title, 1)] if title else []
    for chunk in re.split(r"\n\s*\n", rest):
        paragraph = re.sub(r"\s+", " ", chunk).strip()
        intertitle = _INTERTITLE.fullmatch(paragraph)
        if intertitle and len(intertitle[1].split()) <= 12:
            blocks.append(Block("heading", intertitle[1], 2))
        elif paragraph:
            blocks.append(Block("paragraph", paragraph))
    return Article(blocks=tuple(blocks), source_name=name)
