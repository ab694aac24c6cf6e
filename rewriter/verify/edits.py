"""Idle edits: a rewrite that keeps the source's content words in their order and only
slips in function words (a determiner, a pronoun, a preposition, an auxiliary).

Such a candidate brings a reader nothing — no shorter sentence, no new order, no keyword —
and it is where the default model breaks the source's French by one word while every
other gate passes it: « d'éviter les sport et efforts intenses » for « d'éviter sport et
efforts intenses » (article 23), « C'est ce qu'il veut permettre aujourd'hui
l'aboutissement de recherches… » for « C'est ce que veut permettre… » (24), « la grande
majorité des infox ont été propagés » for « …de ces infox ont été propagées » (22).
Grammalecte sees none of the three, and the fluency ratio dilutes one word among thirty.
Do no harm: the source's sentence stays.

Nor does one that only cuts function words or changes punctuation, and that is where the
default model changes what a sentence says: « …plus performants tout en réduisant leur
consommation » became « …plus performants en réduisant… » (a simultaneity made a means),
« …sans délaisser complètement Intel, afin de rassembler… » lost its comma (the purpose now
bears on not leaving Intel; article 10, stop 39's whole-corpus run).

What is not idle: a candidate with a content word the source does not have in that place
(a move, a keyword, a name for a pronoun), one with more sentences than its source (a split
needs « Il » or « Ce budget » to open its second sentence), and a cut of a content word
(the sentence says less, in fewer words). A content word in another form (« propagées »
→ « propagés ») is no new content: it is how agreement breaks. An elided form that a cut
makes (« le petit hôpital » → « l'hôpital ») is the same word.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from rewriter.analysis.words import FUNCTION_POS, normalise

# Elidable words and their elided forms are one word here: a cut before a vowel elides.
_ELIDED = {
    "le": "l'", "la": "l'", "de": "d'", "que": "qu'", "ce": "c'", "ne": "n'", "se": "s'",
    "me": "m'", "te": "t'", "je": "j'", "si": "s'", "jusque": "jusqu'", "lorsque": "lorsqu'",
    "puisque": "puisqu'",
}  # fmt: skip


def _form(token: Any) -> str:
    word: str = token.text.replace("’", "'").lower()
    return _ELIDED.get(word, word)


def _words(doc: Any) -> list[Any]:
    return [t for t in doc if not t.is_punct and not t.is_space]


def idle_edit(candidate: Any, source: Any) -> str:
    """The function words `candidate` (a parsed rewrite) slips into `source` (its parsed
    source), or cuts from it, while adding no content word and no sentence, and cutting
    none; « ponctuation » for the same words with other punctuation; "" when the edit is
    not idle (or is no edit)."""
    from rewriter.analysis.sentences import sentence_spans

    if len(sentence_spans(candidate)) > len(sentence_spans(source)):
        return ""
    if " ".join(candidate.text.split()) == " ".join(source.text.split()):
        return ""
    a, b = _words(source), _words(candidate)
    ops = SequenceMatcher(None, [_form(t) for t in a], [_form(t) for t in b], autojunk=False)
    inserted: list[Any] = []
    cut: list[Any] = []
    for tag, i1, i2, j1, j2 in ops.get_opcodes():
        if tag == "equal":
            continue
        replaced = {_stem(t) for t in a[i1:i2]}
        for token in b[j1:j2]:
            # The same word in another form (« propagées » → « propagés ») adds nothing.
            if token.pos_ not in FUNCTION_POS and _stem(token) not in replaced:
                return ""
            inserted.append(token)
        kept = {_stem(t) for t in b[j1:j2]}
        cut += [t for t in a[i1:i2] if _stem(t) not in kept]
    if any(t.pos_ not in FUNCTION_POS and not t.is_stop for t in cut):
        return ""  # a cut: the sentence says less, in fewer words
    if inserted:
        return " ".join(t.text for t in inserted)
    if cut:
        return "sans " + " ".join(t.text for t in cut)
    return "ponctuation"


def _stem(token: Any) -> str:
    word = normalise(token.text).lower()
    for ending in ("es", "s", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word
