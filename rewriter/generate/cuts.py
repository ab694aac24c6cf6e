"""What a title cut from a headline (or a lead sentence) may leave out: whole phrases
only (`closed`), and never the news (`keeps_news`) — a verb, a « de » complement of a
definite noun, an adjective of a kept noun, a comparison, what follows the headline's
colon, whose claim it is. Read on the words first, the parse second."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rewriter.analysis.nlp import french
from rewriter.verify import grammalecte


def heads_kept(doc: Any, end: int) -> bool:
    """No word of `doc[:end]` depends on one the cut removes."""
    return not any(t.head.i >= end and t.head != t for t in doc[:end])


def closed(doc: Any, end: int) -> bool:
    """`doc[:end]` ends on a whole phrase: no kept word waits for a head the cut removes
    (« veut relocaliser toute » of « toute la chaîne »), and a last adjective or verb keeps
    its complement (« découverte de "géants" vieux » cut inside « vieux de plus de 100
    millions d'années »). A noun may lose its prepositional complement (« toute la chaîne
    [de production] »), never an adjective that qualifies it (`_qualifies_kept`)."""
    if not heads_kept(doc, end) or any(_qualifies_kept(t, end) for t in doc[end:]):
        return False
    last = doc[end - 1]
    return last.pos_ in ("NOUN", "PROPN", "NUM") or all(t.i < end for t in last.subtree)


def _qualifies_kept(token: Any, end: int) -> bool:
    """`token`, cut off, is an adjective or participle qualifying a noun the cut keeps,
    itself or through the cut nouns it hangs on: « des mesures de lutte [controversées] »
    (article 12's title dropped the news), « un public [record] » (a fresh article)."""
    if token.dep_ not in ("amod", "acl") or token.pos_ not in ("ADJ", "VERB"):
        return False
    head = token.head
    while head.pos_ in ("NOUN", "PROPN") and head.i >= end and head.head != head:
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") and head.i < end


_OF = frozenset(("de", "d", "des", "du"))


def keeps_news(candidate: str, source: str) -> bool:
    """A title made of `source` (the headline, or a lead sentence) by leaving words out
    or moving the keyword first still says what `source` says: no verb left out
    (« Marcher vite dix minutes par jour [réduirait le risque d'AVC] », « …adopte un
    budget [en baisse et gèle les recrutements] », « La piscine des Forges[, …, fermera…] »),
    no noun left without its « de » complement (« …sur le statut [des chauffeurs] »,
    « toute la chaîne de production [du paracétamol] », « Trottinettes : la fin
    [des trottinettes] en libre-service ») — but a name it moves before the colon
    (« Saint-Méen : la laiterie [de Saint-Méen] supprime 85 postes »), or a complement
    moved there whole (« Vélos en libre-service à Besançon : la fin ») —, no adjective or
    participle cut off the noun it qualifies (« des mesures de lutte [controversées] »),
    no comparison cut off (« plus vaillants [que jamais] »), nor what follows the
    headline's colon (« Parité hommes-femmes en Tunisie[ : Au-dessous de la moyenne
    mondiale] »), nor whose claim it is
    (« [, selon une étude française] »). Words are matched by their
    form; what `candidate` adds (a label) is not judged here."""
    nlp = french()
    head, _, body = candidate.rpartition(":")
    label = Counter(_form(t) for t in nlp(head) if not t.is_punct)
    unmatched = label.copy()  # the label's words not yet matched to the source
    left = Counter(_form(t) for t in nlp(body) if not t.is_punct)
    doc = nlp(source.strip())
    dropped: list[bool] = []
    rubric: set[int] = set()  # words kept only in the label before the colon
    for token in doc:
        if token.is_punct or token.is_space:
            dropped.append(False)
        elif left[_form(token)] > 0:
            left[_form(token)] -= 1
            dropped.append(False)
        elif unmatched[_form(token)] > 0:
            unmatched[_form(token)] -= 1
            rubric.add(token.i)
            dropped.append(False)
        else:
            dropped.append(True)
    runs: list[list[Any]] = [[]]
    for token, gone in zip(doc, dropped, strict=True):
        if gone:
            runs[-1].append(token)
        elif not token.is_punct and runs[-1]:
            runs.append([])  # a kept word ends the run
    for run in (r for r in runs if r):
        opening = " ".join(_form(t) for t in run[:2])
        if any(_verb(t) for t in run) or opening.startswith(("selon", "d après", "d'après")):
            return False  # a claim made a fact: « [, selon une étude française] »
        before = doc[run[0].i - 1] if run[0].i else None
        if before is not None and before.text == ":":
            return False  # what a headline says after its colon is its news
        if before is None or before.is_punct or dropped[before.i] or before.i in rubric:
            continue  # the run opens the headline, follows a comma, or the label's word
            # (« Économie : les géants… [malgré l'économie effondrée] »: a rubric)
        first, after = run[0], doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
        if _form(first) in ("que", "qu"):
            return False
        rest = [t for t in doc[run[-1].i + 1 :] if not t.is_punct]
        moved = (
            after is not None
            and (
                (after.pos_ == "PROPN" and label.get(_form(after)))
                or all(label.get(_form(t)) for t in rest)  # « Vélos en libre-service : la fin »
                or _moved_whole(first, rubric, dropped)
                # the complement goes on into the label: « Paracétamol : … toute la chaîne »
                # for « toute la chaîne [de production] du paracétamol »
                or any(_form(t) in _OF and _moved_whole(t, rubric, dropped) for t in run[1:])
            )
        )
        if _form(first) in _OF and _definite(before) and not moved:
            return False
        if before.pos_ in ("NOUN", "PROPN") and (
            first.pos_ == "ADJ"
            or "Part" in first.morph.get("VerbForm")
            or grammalecte.only_qualifies(first.text)
        ):
            return False
        if before.pos_ == "NOUN" and any(_agrees_with(t, before) for t in run[1:]):
            return False  # « des mesures [de lutte controversées] »: the mesures are
    return True


def _moved_whole(case: Any, rubric: set[int], dropped: list[bool]) -> bool:
    """The complement `case` (its « de ») introduces went before the colon whole: its noun
    is the label's, and no word of it stayed behind in the headline (« Paracétamol :
    la France veut relocaliser toute la chaîne de production » for « …de production du
    paracétamol »; not « Vélos : la fin en libre-service », whose « en libre-service »
    stayed without its « vélos »)."""
    noun = case.head
    if case.dep_ != "case" or noun.i not in rubric:
        return False
    # Read on the words, not the parse (which may hang « en libre-service » on « la fin »,
    # or « à Besançon » on « libre-service »): the words the label took end where the
    # headline's next phrase begins — its end, a comma, a word left out, or a place
    # (« Trottinettes en libre-service : la fin à Montréal »).
    doc = case.doc
    end = noun.i
    while end + 1 < len(doc) and end + 1 in rubric:
        end += 1
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if nxt is None or nxt.is_punct or dropped[nxt.i]:
        return True
    place = doc[end + 2] if end + 2 < len(doc) else None
    return nxt.pos_ == "ADP" and place is not None and place.pos_ == "PROPN"


def _agrees_with(token: Any, noun: Any) -> bool:
    """`token`, left out after `noun`'s complement, is an adjective or participle of
    `noun`'s gender and number that the complement's own noun does not share: it
    qualifies `noun` (« des mesures de lutte controversées »)."""
    if not (token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm")) and not (
        grammalecte.only_qualifies(token.text)
    ):
        return False
    between = [t for t in token.doc[noun.i + 1 : token.i] if t.pos_ == "NOUN"]
    feats = ("Gender", "Number")

    def same(a: Any, b: Any) -> bool:
        return all(a.morph.get(f) == b.morph.get(f) for f in feats if a.morph.get(f))

    return same(token, noun) and not any(same(token, n) for n in between)


def _form(token: Any) -> str:
    return str(token.lower_).replace("’", "'").rstrip("'")


def _definite(token: Any) -> bool:
    """`token` is a noun with a definite or demonstrative determiner (« la fin », « ce
    statut »), or the bare complement of one (« la chaîne de production »): which one,
    its complement says. A name needs none (« Sora [d'OpenAI] »)."""
    if token.pos_ != "NOUN":
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    if not dets:
        bare_of = any(_form(c) in _OF for c in token.children if c.dep_ == "case")
        return bare_of and token.head != token and _definite(token.head)
    return any("Def" in d.morph.get("Definite") or "Dem" in d.morph.get("PronType") for d in dets)


def _verb(token: Any) -> bool:
    """`token` is a conjugated verb, for the tagger or for Grammalecte's lexicon."""
    if token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm"):
        return True
    return token.is_lower and grammalecte.only_verb(token.text)
