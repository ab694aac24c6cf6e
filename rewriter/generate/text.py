"""Small text helpers shared by the generators."""

from __future__ import annotations

import re

from rewriter.analysis.keyword import Keyword


def capitalise(text: str) -> str:
    """`text` with a capital first — unless its first word already has one inside
    (« iPhone », « eBay », or a pasted « xMais » that « XMais » would make worse)."""
    marks = len(text) - len(text.lstrip('"«“ '))  # « "ayatollah" ? » (article 18's heading)
    if marks:
        return text[:marks] + capitalise(text[marks:])
    first = text.split(" ", 1)[0]
    camel = first[:1].islower() and any(c.isupper() for c in first[1:])
    if camel and not any(c in first for c in "'’"):  # « l'Etat » is one to capitalise
        return text
    return text[:1].upper() + text[1:] if text else text


def keyword_label(keyword: Keyword) -> str:
    return capitalise(keyword.text)


# A connector ties a sentence to the one before it; a key point stands alone.
_CONNECTOR = re.compile(
    r"^(?:Ainsi|De plus|Par ailleurs|En outre|Donc|D'ailleurs|D’ailleurs|Enfin|Or|Pourtant"
    r"|Cependant|Toutefois|Néanmoins|En revanche|En effet|Dans le même temps),\s+"
    r"|^(?:Et|Mais)\s+(?!ce\s*,)"
    r"|^Aussi\s+(?=(?:la|le|les|l'|l’|un|une|des)\s)"
    r"|^D['’]autant (?:plus )?que\s+"
)


def without_connector(text: str, *, leaning: bool = True) -> str:
    """« Ainsi, huit véhicules sur dix… » → « Huit véhicules sur dix… »; and the adverb
    inside that says « as well » or « and so » of what came before (`without_leaning`)."""
    stripped = _CONNECTOR.sub("", text, count=1)
    stripped = stripped[:1].upper() + stripped[1:] if stripped != text else text
    return without_leaning(stripped) if leaning else stripped


# Adverbs that lean on the sentence before: « X note également que… » (something else was
# noted first), « La commune devient ainsi la première… » (because of what was just said),
# « Le règlement sera donc modifié » (article 28's key point: therefore of what?).
_LEANING = frozenset("également aussi ainsi donc toutefois pourtant cependant néanmoins".split())


def without_leaning(text: str) -> str:
    """`text` without an adverb of `_LEANING` that modifies the verb of its first sentence,
    outside any quotation, for a unit read alone (a key point, an answer, a meta): « Le
    tabloïd Blesk note que… ». Never
    « aussi » of a comparison (« aussi tardifs »), « ainsi que », « c'est ainsi »."""
    if not any(w in text.lower() for w in _LEANING):
        return text
    from rewriter.analysis.nlp import french
    from rewriter.analysis.sentences import sentence_spans
    from rewriter.plan import quotation_ranges

    doc = french()(text)
    # The project's sentences: the parser's own cut « Les 25-49 ans | enregistrent aussi… ».
    first = next(iter(sentence_spans(doc)), doc[:])
    quoted = quotation_ranges(text)
    for token in first:
        if token.lower_ not in _LEANING or token.i == 0 or token.dep_ != "advmod":
            continue
        if any(a <= token.idx < b for a, b in quoted):
            continue  # a quotation keeps its words
        # « est également en baisse »: the copula's predicate is what the adverb modifies.
        predicate = any(c.dep_ == "cop" for c in token.head.children)
        if token.head.pos_ not in ("VERB", "AUX") and not predicate and (
            token.lower_ == "aussi" or token.i < token.head.i
        ):
            # « aussi tardifs »: a comparison. After its head, the adverb goes with a verb
            # the parser took for an adjective (« Le communiqué complète également les
            # mesures… », article 08's answer: « complète » tagged ADJ).
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1]
        if token.lower_ == "aussi" and after is not None and after.pos_ in ("ADJ", "ADV"):
            continue  # « aussi grand que », « aussi vite »: a comparison
        ce = doc[token.i - 2 : token.i - 1].text.lower()
        this_is = before.lower_ == "est" and ce in ("c'", "c’")
        if after is None or this_is or before.lower_ in ("c'", "c’", "et"):
            continue  # « C'est ainsi qu'il… », « et ainsi » (« X est également en baisse » leans)
        if token.lower_ in ("ainsi", "aussi") and after.lower_ in ("que", "qu'", "qu’"):
            continue  # « ainsi que » is « and »
        if before.text == "," and after.text == ",":  # « X a, toutefois, refusé »
            return text[: before.idx].rstrip() + " " + text[after.idx + 1 :].lstrip()
        if after.is_punct:
            continue  # « …, toutefois. »
        return text[: token.idx] + text[token.idx + len(token.text_with_ws) :]
    return text
