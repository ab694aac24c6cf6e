"""Stage 1 — read: any supported input (file or stdin) to an Article."""

from __future__ import annotations

import sys
from pathlib import Path

from rewriter.document import Article
from rewriter.errors import InputError
from rewriter.read.decode import decode
from rewriter.read.html import parse_html
from rewriter.read.instructions import strip_instructions
from rewriter.read.markdown import parse_markdown
from rewriter.read.text import parse_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
MAX_BYTES = 20 * 1024 * 1024


def read_article(source: str | Path) -> Article:
    """Read `source` (a path, or '-' for stdin) into an Article; InputError when unusable."""
    if str(source) == "-":
        data, name, suffix = sys.stdin.buffer.read(), "l'entrée standard", ""
    else:
        path = Path(source)
        name = str(path)
        suffix = path.suffix.lower()
        if not path.exists():
            raise InputError(f"Fichier introuvable : {name} — vérifiez le chemin.")
        if path.is_dir():
            raise InputError(f"{name} est un dossier : donnez un fichier d'article.")
        if suffix and suffix not in SUFFIXES:
            raise InputError(
                f"Format non pris en charge : {name}. Formats acceptés : {', '.join(SUFFIXES)}."
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"Lecture impossible de {name} : {exc.strerror}.") from exc
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name} dépasse {MAX_BYTES // 1024 // 1024} Mo : est-ce bien un article ?"
        )
    if suffix == ".docx":
        from rewriter.read.docx import parse_docx

        article = parse_docx(data, name)
    else:
        article = parse_string(decode(data, name), name=name, suffix=suffix)
    article = strip_instructions(article)
    if not any(b.kind == "paragraph" for b in article.blocks):
        raise InputError(
            f"{name} ne contient aucun paragraphe de texte (fichier vide ou titres seuls)."
        )
    return article


def parse_string(text: str, *, name: str = "", suffix: str = "") -> Article:
    """Parse already-decoded text; `suffix` picks the format, else it is sniffed."""
    if not text.strip():
        raise InputError(f"{name or 'Le texte'} est vide : rien à analyser.")
    # A .txt saved from a Markdown editor keeps its « # Titre » and « ## Intertitre »:
    # sniffed, so the marks are not read as words of the title and the paragraphs.
    kind = suffix if suffix not in ("", ".txt") else _sniff(text)
    if kind in (".html", ".htm"):
        return parse_html(text, name)
    if kind in (".md", ".markdown"):
        return parse_markdown(text, name)
    return parse_text(text, name)


def _sniff(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return ".html"
    if head.startswith("---\n") or any(
        line.startswith(("# ", "## ")) for line in text.splitlines()[:50]
    ):
        return ".md"
    return ".txt"
