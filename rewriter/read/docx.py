"""Word documents: headings from paragraph styles (Title, Heading 1-6), with python-docx."""

from __future__ import annotations

import io
import re

from rewriter.document import Article, Block
from rewriter.errors import InputError


def parse_docx(data: bytes, name: str = "") -> Article:
    try:
        import docx
    except ImportError as exc:  # optional extra
        raise InputError(
            "Lecture .docx indisponible : installez python-docx (pip install python-docx)."
        ) from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types
        raise InputError(f"{name} n'est pas un document Word lisible (.docx).") from exc
    blocks: list[Block] = []
    for paragraph in document.paragraphs:
        text = re.sub(r"\s+", " ", paragraph.text).strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        level = _heading_level(style)
        if level:
            blocks.append(Block("heading", text, level))
        else:
            blocks.append(Block("paragraph", text))
    return Article(blocks=tuple(blocks), source_name=name)


def _heading_level(style: str) -> int:
    if style == "title":
        return 1
    match = re.match(r"(heading|titre)\s*(\d)", style)
    return int(match.group(2)) if match else 0
