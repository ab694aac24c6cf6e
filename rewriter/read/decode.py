"""Bytes to text: BOMs, UTF-8, legacy encodings, and a clear refusal of binary files."""

from __future__ import annotations

import codecs

from rewriter.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str) -> str:
    """Decode `data` whatever its encoding; raise InputError for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _normalise(data.decode(encoding, errors="replace"))
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _normalise(data.decode(encoding, errors="replace"))
    if b"\x00" in data:
        raise InputError(
            f"{name} ressemble à un fichier binaire, pas à un texte : "
            "donnez un fichier .txt, .md, .html ou .docx."
        )
    try:
        return _normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # Not UTF-8: French legacy files are Windows-1252 (a superset of latin-1's letters);
    # latin-1 decodes the few bytes cp1252 leaves undefined.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return _normalise(text)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: French text has a NUL in every other byte."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(even, odd) > 0.4 * half and min(even, odd) < 0.05 * half


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(text)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if _control_share(text) > 0.05:
        raise InputError("Le fichier ressemble à un fichier binaire, pas à un texte.")
    return text
