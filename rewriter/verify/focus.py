"""Which word each focus adverb bears on, in a rewritten sentence and in its source.

The default model kept every word of « La salle… était complète presque chaque jeudi »
and moved one: « …a presque été complète chaque jeudi » (`make run`'s key point, stop 40)
— full nearly every Thursday became nearly full every Thursday, another fact, and no word,
name or number missing. A focus adverb (« presque », « seulement », « notamment »…) bears on the
phrase beside it; the parse hangs it on the verb either way, so what it bears on is read
on the surface: the first content word after it (auxiliaries and determiners passed
over), and for those French also sets after their phrase (« trois élus seulement »,
« 300 personnes environ »), the content word before it too. A rewrite that keeps both
the adverb and the word it bore on, but no longer side by side, moved it."""

from __future__ import annotations

from typing import Any

from rewriter.analysis.words import is_content, normalise, token_forms

# Adverbs that bear on the word or phrase right after them: moved, they say another thing.
_BEFORE = frozenset(
    "presque quasiment quasi pratiquement exclusivement principalement essentiellement".split()
)
# The same, which may also follow their phrase.
_EITHER = frozenset("seulement uniquement notamment surtout environ même".split())
FOCUS = _BEFORE | _EITHER


def _scope(token: Any) -> frozenset[str]:
    """The forms of the content words `token`, a focus adverb, may bear on: the phrase after
    it, and for those that may follow their phrase, the one before it too — a number with
    the noun it counts (« seulement trois élus », « trois élus seulement »)."""
    sent, doc = token.sent, token.doc
    after = [t for t in doc[token.i + 1 : sent.end] if _content(t)][:2]
    before = [t for t in reversed(doc[sent.start : token.i]) if _content(t)][:2]
    words = _phrase(after, token, ahead=True)
    if normalise(token.text) in _EITHER or not words:
        words += _phrase(before, token, ahead=False)
    return frozenset(f for t in words for f in token_forms(t))


def _content(token: Any) -> bool:
    return is_content(token) and token.pos_ != "ADV"


def _phrase(near: list[Any], adverb: Any, *, ahead: bool) -> list[Any]:
    """The nearest content word on one side of `adverb`, with the noun a number or an
    adjective right before goes with (after it), or the number or adjective right before
    the noun (before it)."""
    if not near or _apart(*((adverb, near[0]) if ahead else (near[0], adverb))):
        return []
    first, *rest = near
    pair = ((first, rest[0]) if ahead else (rest[0], first)) if rest else None
    if pair is None or pair[1].i != pair[0].i + 1:  # side by side: « trois élus »
        return [first]
    if pair[0].pos_ in ("NUM", "ADJ") and pair[1].pos_ in ("NOUN", "PROPN"):
        return [first, rest[0]]
    return [first]


def _apart(a: Any, b: Any) -> bool:
    """A comma or a quotation mark between two tokens: they are not one phrase."""
    return any(t.is_punct for t in a.doc[a.i + 1 : b.i])


def scopes(doc: Any) -> list[tuple[str, frozenset[str]]]:
    """(focus adverb, forms of what it bears on) for each focus adverb of `doc`."""
    return [
        (normalise(t.text), _scope(t))
        for t in doc
        if normalise(t.text) in FOCUS and t.pos_ == "ADV"
    ]


def moved_focus(doc: Any, source: Any) -> list[str]:
    """The focus adverbs `doc` keeps from `source` but sets beside another word, while the
    word they bore on is still there: « presque → jeudi »."""
    mine = scopes(doc)
    said = {f for t in doc if is_content(t) for f in token_forms(t)}
    out = []
    for adverb, scope in scopes(source):
        kept = [s for a, s in mine if a == adverb]
        if not kept or not scope or not scope & said:
            continue  # the adverb or its word gone: what omissions judge
        if not any(scope & s for s in kept):
            elsewhere = sorted(next((s for s in kept if s), frozenset({"?"})))[0]
            out.append(f"{adverb} → {elsewhere}")
    return out


__all__ = ["FOCUS", "moved_focus", "scopes"]
