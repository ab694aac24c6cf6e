"""Sentences as a reader sees them: spaCy's boundaries, kept only after final punctuation.

The parser sometimes opens a "sentence" mid-clause (after a colon, inside a quotation, at an
odd token); a boundary is kept only where the text before it ends with . ! ? or …
(closing quotes and brackets allowed), and punctuation-only fragments join their neighbour.
"""

from __future__ import annotations

import re
from typing import Any

_FINAL = re.compile(r"[.!?…][»”\"’')\]\s]*$")


def sentence_spans(doc: Any) -> list[Any]:
    spans: list[Any] = []
    start: int | None = None
    for sent in doc.sents:
        if all(t.is_punct or t.is_space for t in sent) and spans and start is None:
            spans[-1] = doc[spans[-1].start : sent.end]  # a lone « » » or « . »
            continue
        if start is None:
            start = sent.start
        if _FINAL.search(sent.text):
            spans.append(doc[start : sent.end])
            start = None
    if start is not None:
        spans.append(doc[start : len(doc)])
    return [s for s in spans if s.text.strip()]
