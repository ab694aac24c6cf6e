"""Sentences as a reader sees them: spaCy's boundaries, kept only after final punctuation.

The parser sometimes opens a "sentence" mid-clause (after a colon, inside a quotation, at an
odd token); a boundary is kept only where the text before it ends with . ! ? or …
(closing quotes and brackets allowed), and punctuation-only fragments join their neighbour.
"""

from __future__ import annotations

import re
from typing import Any

_FINAL = re.compile(r"[.!?…][»”\"’')\]\s]*$")


_OPENING = frozenset({"«", "(", "“", "["})


def _opens(before: str, mark: str) -> bool:
    """A straight quote after `before`, whose own quotes are all closed, opens the next
    quotation: « …"une véritable épouvante". "Vous sous-traitez… » (article 12 gave it
    to the sentence before, and the output read « " Vous »)."""
    return mark == '"' and before.count('"') % 2 == 0


def _closes(before: str, mark: str) -> bool:
    """`mark` closes a quotation left open in `before`."""
    if mark in ('"', "”"):
        return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")
    return mark == "»" and before.count("«") > before.count("»")


def sentence_spans(doc: Any) -> list[Any]:
    spans: list[Any] = []
    start: int | None = None
    for sent in doc.sents:
        begin, end = sent.start, sent.end
        if start is None and spans and spans[-1].end != begin:
            # Its opening quote was given to the previous sentence, which gave it back:
            # « …d'environ 5 %. « Ce qui protège… » (the « was lost from both).
            begin = spans[-1].end
        if start is None and spans and begin < end and _closes(doc[:begin].text, doc[begin].text):
            # « …fiables." En effet » : the parser opened the next sentence on the mark
            # that closes this one's quotation (article 22) — or one opened sentences
            # before (« « Depuis… écrit-elle. Ces scènes… cruellement. » S'il… », article
            # 16: the plan cut a section between the quotation and its closing mark).
            spans[-1] = doc[spans[-1].start : begin + 1]
            begin += 1
        if begin >= end:
            continue
        if start is None and spans and doc[begin].text in (",", ";"):
            # « …Il n'est pas cancérogène. », écrit l'agence. » (article 09): the quotation's
            # own full stop is not the sentence's; who said it goes with it.
            start = spans.pop().start
        if (
            all(t.is_punct or t.is_space for t in doc[begin:end])
            and doc[begin].text not in _OPENING
            and not _opens(spans[-1].text if spans else "", doc[begin].text)
            and spans
            and start is None
        ):
            spans[-1] = doc[spans[-1].start : end]  # a lone « » » or « . »
            continue
        if start is None:
            start = begin
        # An opening quote at the end of a sentence belongs to the next one.
        while end - 1 > start and (
            doc[end - 1].text in _OPENING or _opens(doc[start : end - 1].text, doc[end - 1].text)
        ):
            end -= 1
        if _FINAL.search(doc[start:end].text):
            spans.append(doc[start:end])
            start = None
    if start is not None:
        spans.append(doc[start : len(doc)])
    return [s for s in spans if s.text.strip()]
