"""A long quotation and who said it, as two sentences: the quotation stays word for word.

« "Q", avait annoncé mardi le président de la République à l'issue de la visite… » →
« "Q". C'est ce qu'avait annoncé mardi le président de la République à l'issue de la
visite… » — the attribution keeps its own words and order after « C'est ce que »; nothing
is added but that frame.
"""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.words import count_words
from rewriter.transform.clauses import REPORTING_VERBS, balanced

# « "Q", verbe … » or « « Q », verbe … »: the quotation opens the sentence and closes
# before the comma that introduces who says it.
QUOTE_FIRST = re.compile(r'^((?:«[^«»]+»|"[^"]+"))\s*,\s*(.+?)\s*[.]?$', re.DOTALL)
CLITICS = ("-t-il", "-il", "-t-elle", "-elle", "-t-ils", "-ils", "-t-on", "-on", "-elles")
MIN_ATTRIBUTION_WORDS = 2
# Verbs that take no object: « C'est ce qu'a réagi X » is not French.
_INTRANSITIVE = frozenset("réagir poursuivre insister témoigner indigner argumenter".split())


def detach_attribution(span: Any) -> list[str]:
    """The quotation, then « C'est ce que » and its attribution, untouched."""
    text = span.text.strip()
    match = QUOTE_FIRST.match(text)
    if not match:
        return []
    quote, tail = match.group(1), match.group(2).rstrip(" .")
    if not balanced(tail) or any(q in tail for q in '«»"'):
        return []
    tail_tokens = [t for t in span if t.idx - span.start_char >= match.start(2)]
    verb = next((t for t in tail_tokens if not t.is_punct), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    verbs = [t for t in tail_tokens[:3] if t.pos_ in ("VERB", "AUX")]
    if not any(v.lemma_.lower() in REPORTING_VERBS for v in verbs):
        return []
    if any(v.lemma_.lower() in _INTRANSITIVE for v in verbs):
        return []
    if any(t.lower_ in CLITICS or t.lower_.endswith(CLITICS) for t in tail_tokens):
        return []  # « conclut-il » cannot follow « C'est ce que »
    if count_words(tail) < MIN_ATTRIBUTION_WORDS:
        return []
    # The quotation closes a sentence of its own; its final stop stays inside when it
    # had one (« "… ?" »), else the stop follows the closing mark.
    inner = quote[1:-1].rstrip()
    quote_sentence = quote if inner.endswith(("?", "!", ".", "…")) else quote + "."
    frame = "C'est ce qu'" if tail[:1].lower() in "aeiouyéèêâîôh" else "C'est ce que "
    return [quote_sentence, f"{frame}{tail}."]
