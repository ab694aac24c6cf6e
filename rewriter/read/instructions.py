"""Requests pasted with the article (« Make this article seo compatible… ») are not copy.

Real input glues an English instruction to the French article, sometimes without even a
space (« Customize this title in frenchLe générateur… »). Such English lines and prefixes
are removed before anything else reads the article, and the user is told.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rewriter.analysis import language
from rewriter.document import Article, Block

_INSTRUCTION = re.compile(
    r"\b(make|write|rewrite|create|customi[sz]e|translate|let there be|summari[sz]e|"
    r"generate|improve|optimi[sz]e|please|seo|words?|article|title|subheadings?)\b",
    re.IGNORECASE,
)
_GLUE = re.compile(r"(?<=[a-z])(?=[A-ZÀ-Ý][a-zà-ÿ])")


def _english(text: str) -> bool:
    code, confidence = language.detect(text)
    return code == "en" and confidence >= 0.5


def strip_instructions(article: Article) -> Article:
    blocks = list(article.blocks)
    notes: list[str] = list(article.notes)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text
        if index < 4 and _INSTRUCTION.search(text):
            if _english(text) and len(text.split()) <= 60:
                notes.append(f"Consigne en anglais ignorée : « {text[:80]} »")
                continue
            for match in _GLUE.finditer(text):
                head, tail = text[: match.start()], text[match.start() :]
                if _INSTRUCTION.search(head) and _english(head) and not _english(tail):
                    notes.append(f"Consigne en anglais retirée du texte : « {head} »")
                    block = Block(block.kind, tail.strip(), block.level)
                    break
        kept.append(block)
    if len(kept) == len(blocks) and not notes:
        return article
    return replace(article, blocks=tuple(kept), notes=tuple(notes))
