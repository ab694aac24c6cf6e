"""What a rewrite of a source piece may not drop: its numbers, names, quotations, main
verb, the words that say which or how many — and, for a rewritten sentence (not a
summary), its nouns and most of its content words. Used by `guard.check_unit` (`keep`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rewriter.analysis.transitions import find
from rewriter.analysis.words import STANDING_FOR, is_content, normalise, token_forms
from rewriter.verify.support import NUMBER_WORDS, flat, numbers_in, quotes_in, stem

# Function words that still carry meaning: « pendant » is not « après », « sans » not « avec ».
MEANINGFUL = frozenset(
    "après avant pendant depuis sans contre malgré sauf dès vers jusqu jusque hors moins "
    "plus tous toutes aucun aucune chaque plusieurs certains certaines seul seule seuls "
    "seules autre autres".split()
)

# Connectors a sentence rewritten in its place may not drop: they say how the fact bears on
# what came before — against it (« Il a néanmoins été battu… » made « Il a été battu… » by
# the default model, article 03), following from it (« Le règlement de la Ville sera
# modifié » for « …sera donc modifié », 28), added to it (« également », « aussi », « Or, »,
# 13). A summary that stands alone may drop them (`Facts`), and so may any rewrite « Par
# ailleurs », which adds nothing. « Or » only opening a sentence (« l'or » is the metal).
KEPT_CONNECTORS = frozenset(
    "néanmoins pourtant toutefois cependant revanche inversement contrario donc aussi "
    "également ainsi or mais car notamment même encore déjà".split()
)

_THIS = frozenset(("c'", "c’", "ce", "cela", "ça", "ceci"))
# Adverbial pronouns: « y » (there, to it), « en » (of it, from there).
STANDS_FOR_PLACE = frozenset(("y", "en"))


@dataclass(frozen=True)
class Facts:
    """`keep` for a summary (a key point, an answer): it may drop words, never a fact of
    `doc` — a number, a name, a quotation, its main verb, a word that says which or how
    many (« Sur la seule France métropolitaine, le taux baisse de 0,2 point » is not « Le
    taux baisse de 0,2 point », seen in a key point of article 05)."""

    doc: Any


def lost_facts(doc: Any, source: Any) -> list[str]:
    """The facts of `source` that `doc` (both parsed) no longer states."""
    lost: list[str] = []
    omissions(doc, source, lambda item, _kind: lost.append(item), facts_only=True)
    return lost


def omissions(doc: Any, keep: Any, add: Any, facts_only: bool = False) -> None:
    """What the rewrite dropped from its source piece: numbers, names, too many words."""
    unit_quotes = " | ".join(flat(q) for q in quotes_in(doc.text))
    for quote in quotes_in(keep.text):
        if flat(quote) not in unit_quotes:
            add(quote, "omission")  # a quotation is kept whole, word for word
    kept_numbers = numbers_in(doc.text)
    for number in sorted(numbers_in(keep.text) - kept_numbers):
        add(number, "omission")
    unit_forms = {f for t in doc for f in token_forms(t)}
    unit_stems = {stem(t.text) for t in doc} | {stem(t.lemma_) for t in doc}
    for ent in keep.ents:
        if ent.label_ in ("PER", "ORG", "LOC") and not all(
            token_forms(t) & unit_forms for t in ent if not t.is_punct and not t.is_stop
        ):
            add(ent.text, "omission")
    # A name the parser did not group into an entity is a name still: « quatre autres
    # (Pkvitality, Exeliom Biosciences, Carthera…) » lost one of four in the default
    # model's key point (article 08) — and the count, written in words.
    for token in keep:
        named = token.pos_ == "PROPN" and token.is_alpha and not token.is_stop
        if named and not token_forms(token) & unit_forms:
            add(token.text, "omission")
    # Nor a demonstrative that stands for what the sentence before named: « Parmi
    # ceux-ci [the films], plusieurs sont réalisés par des acteurs » became « Parmi ces
    # acteurs, … » (the default model, article 13) — which it names is outside the unit.
    said = {t.lower_ for t in doc}
    for token in keep:
        if "-" in token.lower_ and token.lower_ in STANDING_FOR and token.lower_ not in said:
            add(token.text, "omission")
    # « C'est le cas de… » made « Il est le cas de… » (the default model, article 22): « ce »
    # stands for what was said before, « il » for someone.
    if said & {"il", "elle"} and {t.lower_ for t in keep} & _THIS and not said & _THIS:
        add("c'", "omission")
    for token in orphaned(doc, keep):
        add(f"« {token.text} » sans ce qu'il introduit", "omission")
    for token in unscoped(doc, keep):
        add(token.text, "omission")
    # Nor say a name twice in one sentence where its source says it once: « En Tunisie, la
    # Tunisie occupait la deuxième place… » (the default model, article 30; `additions`
    # counts common nouns against the whole support, where the name is everywhere).
    source_names = [normalise(t.text) for t in keep if t.pos_ == "PROPN" and t.is_alpha]
    for sent in doc.sents:
        names = [normalise(t.text) for t in sent if t.pos_ == "PROPN" and t.is_alpha]
        repeated = [n for n in sorted(set(names)) if names.count(n) > max(1, source_names.count(n))]
        if repeated:
            add(f"« {repeated[0]} » répété", "format")
            break
    counted = {NUMBER_WORDS.get(normalise(t.text)) for t in doc} | kept_numbers
    for token in keep:
        figure = NUMBER_WORDS.get(normalise(token.text))
        if figure and figure != "1" and figure not in counted:
            add(token.text, "omission")
    for root in (t for t in keep if t.dep_ == "ROOT" and t.pos_ == "VERB"):
        if not ({normalise(root.lemma_), stem(root.text)} & (unit_forms | unit_stems)):
            add(root.text, "omission")  # the main verb is the claim: it cannot go
    # Nor may it drop a word that says which or how many: « inspirée par les besoins des
    # autres appareils » is not « … des appareils » (seen from the 1.5 B on article 10).
    unit_words = {normalise(t.text) for t in doc}
    for token in keep:
        if normalise(token.text) in MEANINGFUL and normalise(token.text) not in unit_words:
            add(token.text, "omission")
    # Nor a pronoun that says where or of what: « La température peut rapidement y dépasser
    # 30 degrés » (in the car) is not « La température peut rapidement dépasser 30 degrés »
    # (the model's, article 23) — the claim becomes general, every number and name kept.
    for token in keep:
        if (
            token.pos_ == "PRON"
            and token.lower_ in STANDS_FOR_PLACE
            and token.lower_ not in unit_words
        ):
            add(token.text, "omission")
    if facts_only:
        return
    content = [t for t in keep if is_content(t) and not t.is_stop and not t.like_num]

    def kept(t: Any) -> bool:
        return bool(token_forms(t) & unit_forms) or stem(t.text) in unit_stems

    for token in deleted(doc, keep):
        add(token.text, "omission")
    for noun in (t for t in content if t.pos_ == "NOUN" and not kept(t)):
        add(noun.text, "omission")  # nouns carry the facts: « le point sur la fréquentation »
    if content and sum(1 for t in content if kept(t)) / len(content) < 0.6:
        add(f"{sum(1 for t in content if kept(t))}/{len(content)} mots gardés", "omission")


# What introduces a word and cannot go without it: « qu'escompté [à] Wall Street ».
_INTRODUCERS = frozenset(("case", "mark", "det"))


def _alignment(doc: Any, source: Any) -> list[Any]:
    """difflib's opcodes from `source`'s tokens to `doc`'s, in lower case."""
    from difflib import SequenceMatcher

    return SequenceMatcher(
        a=[t.lower_ for t in source], b=[t.lower_ for t in doc], autojunk=False
    ).get_opcodes()


def orphaned(doc: Any, source: Any) -> list[Any]:
    """Source tokens the rewrite deleted while keeping, in place, the word they introduce:
    a preposition, a conjunction that opens a clause, a determiner. The default model's
    « un milliard de plus qu'escompté Wall Street » for « …qu'escompté à Wall Street »
    (article 06) dropped the « à » and kept the rest word for word."""
    src = list(source)
    ops = _alignment(doc, source)
    # Only a deletion between two runs kept word for word, in place: a sentence recast
    # (« Les besoins… ont inspiré la puce » for « La puce a été inspirée par les
    # besoins… ») loses its « par » with the construction, not from it.
    deleted = {
        k
        for before, (tag, i1, i2, _, _), after in zip(ops, ops[1:], ops[2:], strict=False)
        if tag == "delete" and before[0] == after[0] == "equal"
        for k in range(i1, i2)
    }
    # Also at the very start, when only the introducer went: « D'un message vocal sur
    # WhatsApp… », the answer to « D'où venait cette annonce ? », lost its « D' » (the
    # default model, article 22); a recast start (« La puce a été inspirée par »), whole
    # words with it, is the construction's.
    if len(ops) > 1 and ops[0][0] == "delete" and ops[1][0] == "equal":
        head = range(ops[0][1], ops[0][2])
        if all(src[k].dep_ in _INTRODUCERS or src[k].is_punct for k in head):
            deleted.update(head)
    kept = {k for tag, i1, i2, _, _ in ops if tag == "equal" for k in range(i1, i2)}
    start = src[0].i if src else 0
    return [
        src[k]
        for k in sorted(deleted)
        if src[k].dep_ in _INTRODUCERS and not src[k].is_punct and src[k].head.i - start in kept
    ]


def _cut(doc: Any, source: Any) -> list[Any]:
    """Source tokens the rewrite cut outright, that no word of it stands in for: those of a
    deletion, or of a replacement by words that say nothing (no content word)."""
    src, out = list(source), list(doc)
    ops = _alignment(doc, source)
    unit_forms = {f for t in out for f in token_forms(t)}
    cut: list[Any] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "delete" or (tag == "replace" and not any(is_content(t) for t in out[j1:j2])):
            cut.extend(t for t in src[i1:i2] if not token_forms(t) & unit_forms)
    return cut


def _connector(token: Any) -> bool:
    """An adverb that ties the sentence to the one before (« Par ailleurs, », « Enfin, »:
    a transition word, Yoast's French list): a rewrite that stands alone may drop it; it
    says nothing of the facts. Not any adverb that opens a sentence: « Formellement, elle
    doit encore attendre le Conseil de Paris » lost its « Formellement » (the default
    model, article 02) — a formality became a wait; « Officiellement, », « Apparemment, »,
    « Aujourd'hui, » say how, how surely or when the fact holds."""
    if find(token.text) == token.lower_:
        return True
    sentence = token.sent
    opening = (
        token.i - sentence.start <= 1
        and token.i + 1 < len(token.doc)
        and (token.nbor(1).is_punct or token.i == sentence.start)
    )
    phrase = find(token.doc[sentence.start : token.i + 1].text) if opening else None
    return phrase is not None and phrase.split()[-1] == token.lower_.replace("’", "'")


def deleted(doc: Any, source: Any) -> list[Any]:
    """Content words of `source` (a sentence rewritten, not summarised) that `doc` cut, and
    says nowhere: « …a baissé de 7 % dans le département depuis 2020 » rewritten « …de 7 %
    depuis 2020 » by the default model (a fresh article) made a figure of the département
    the region's, and « livrent encore » made « livrent » dropped what still holds — the
    noun check had let « département » pass on the stem of « départs »."""
    return [
        t
        for t in _cut(doc, source)
        if _kept_connector(t)
        or (
            is_content(t)
            and not t.like_num
            and not (t.pos_ == "ADV" and _connector(t))
            and (not t.is_stop or t.pos_ == "ADV")
        )
    ]


def _kept_connector(token: Any) -> bool:
    word = normalise(token.text).lower()
    if word == "or":
        return bool(token.i == token.sent.start)
    return word in KEPT_CONNECTORS


def unscoped(doc: Any, source: Any) -> list[Any]:
    """For a summary too: the head noun of an adjunct that scopes a figure (« dans le
    département », « en Ille-et-Vilaine ») cut while the figure stays — the number becomes
    another place's or another group's. Only adjuncts of the verb whose clause states the
    figure, introduced by a preposition, and only when the summary keeps that figure."""
    kept_numbers = numbers_in(doc.text)
    cut = {t.i for t in _cut(doc, source)}
    scoped: list[Any] = []
    for number in (t for t in source if t.like_num and numbers_in(t.text) & kept_numbers):
        verb = next((a for a in number.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        for adjunct in verb.children:
            if (
                adjunct.dep_.startswith("obl")
                and adjunct.pos_ in ("NOUN", "PROPN")
                and adjunct.i in cut
                and adjunct not in scoped
                and any(c.dep_ == "case" for c in adjunct.children)
                and number not in list(adjunct.subtree)
                and not any(c.like_num for c in adjunct.subtree)
            ):
                scoped.append(adjunct)
    return scoped
