"""Plain text: the first line is the title, blank lines separate paragraphs, and a short
line between dashes is a subheading (the agency convention: « - Écologie alternative - »),
and so is a short line with no closing punctuation between two paragraphs."""

from __future__ import annotations

import re

from rewriter.document import Article, Block

_INTERTITLE = re.compile(r"[-–—]\s*(.+?)\s*[-–—]")  # also « - "ça paraît irréel"- »


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
        elif _bare_subheading(paragraph) and blocks and blocks[-1].kind == "paragraph":
            blocks.append(Block("heading", paragraph, 2))
        elif paragraph:
            blocks.append(Block("paragraph", paragraph))
    if blocks and blocks[-1].kind == "heading" and blocks[-1].level == 2:
        blocks[-1] = Block("paragraph", blocks[-1].text)  # nothing under it: not a heading
    return Article(blocks=tuple(blocks), source_name=name)


def _bare_subheading(line: str) -> bool:
    """« Réforme de l'assurance chômage » alone on its line between two paragraphs: a
    subheading without the agency's dashes — short, capitalised, no closing punctuation."""
    words = line.split()
    return (
        2 <= len(words) <= 12  # article 22: « Un terrain propice pour la propagation de… »
        and line[:1].isupper()
        and line[-1:] not in '.!?:;,…»"”)'
        and not re.search(r"[.!?;]\s", line)
    )
