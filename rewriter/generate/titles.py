"""Keyword-first titles built from the source headline: the keyword is hoisted to the front.

« La fin des trottinettes en libre-service à Montréal » → « Trottinettes en libre-service :
la fin à Montréal »; « Petit bateau, petit budget, "l'exploit" d'un navigateur autour du
monde » → « Yann Quénet : petit bateau, petit budget ». Only the headline's own words move
or go; the keyword phrase is cut out whole (with its preposition), never when it is the
subject or object the rest would miss.
"""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.keyword import Keyword, count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.words import is_content, lower_initial, token_forms
from rewriter.generate.cuts import closed
from rewriter.generate.text import capitalise, keyword_label
from rewriter.verify import grammalecte

# A title part cannot open on a word that needs what came before it.
DANGLING = frozenset("et ou mais car donc or ni puis qui que dont".split())


def dangling(title: str) -> bool:
    """« Économie : et les groupes industriels »: the part after the colon hangs."""
    after = title.split(":", 1)[1].split() if ":" in title else []
    return bool(after) and after[0].lower() in DANGLING


def robotic(title: str) -> bool:
    """« Opposant : Bélarus », « Médiathèque : la directrice »: a keyword, a colon and a
    bare noun is a label, not a headline. After a colon, a headline says something: three
    words or more, two of them content words, and not a circumstance alone."""
    if ":" not in title:
        return False
    after = re.findall(r"\w[\w'’-]*", title.split(":", 1)[1])
    doc = french()(title.split(":", 1)[1].strip())
    # Content words by the tagger, or long ones (« la fin à Montréal » has two)
    content = [t for t in doc if is_content(t) or len(t.text) > 3 or t.text[:1].isupper()]
    if len(after) < 3 or len([t for t in content if not t.is_punct]) < 2:
        return True
    # A circumstance alone, « IAAF : au procès Diack » (article 18, of « Au procès Diack,
    # les "arrangements" de l'ex-M. Antidopage de l'IAAF »): where, not what.
    opens = doc[0].pos_ == "ADP" or grammalecte.only_preposition(doc[0].text)
    return opens and not any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in doc
    )


# The keyword cannot leave the headline when the rest needs it (« Berne interdit désormais »).
_CORE = ("nsubj", "nsubj:pass", "obj", "ROOT", "cop")
_END_BAD = ("DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX")
_QUOTES = '«»"“”'


def hoisted_titles(headline: str, kw: Keyword, limit: int) -> list[str]:
    """Candidate titles opening on the keyword, best first, each within `limit`."""
    doc = french()(headline.strip().rstrip("."))
    label = keyword_label(kw)
    span = _keyword_span(doc, kw)
    if span is None:  # not in the headline: the keyword names what the headline is about
        return _compose([label], _tidy(doc.text), limit)
    from rewriter.plan import quotation_ranges

    if any(a <= t.idx < b for t in span for a, b in quotation_ranges(doc.text)):
        return []  # a quotation keeps its words: « découverte de "spermatozoïdes géants" »
    head = min(span, key=lambda t: len(list(t.ancestors)))
    governed = head.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ == "case" for c in head.children
    )
    if head.dep_ in _CORE or governed:
        return []  # a bare noun phrase of a verb is its subject or object, whatever the label
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return []  # one of a list: « Lyft : la Californie assigne en justice Uber [et Lyft] »
    # The phrase and its modifiers up to the first punctuation (« à Lorient », not « à
    # Lorient : le triomphe… », which a parse may hang on the name).
    subtree = {t.i for t in head.subtree}
    end = span[-1].i + 1
    while end < len(doc) and end in subtree and (not doc[end].is_punct or doc[end].text in _QUOTES):
        end += 1
    # A bare « en » or « à » noun right after it classifies it, whatever the parse hangs
    # it on: « trottinettes en libre-service », « moulins à vent ».
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in ("en", "à")
        and doc[end + 1].pos_ == "NOUN"
        and not any(c.dep_ == "det" for c in doc[end + 1].children)
    ):
        end += 2
    if any("Fin" in t.morph.get("VerbForm", []) for t in doc[span[0].i : end]):
        end = span[-1].i + 1  # a clause hangs on it: only the name goes
    start = span[0].i
    while start > 0 and (doc[start - 1].pos_ in ("ADP", "DET") or doc[start - 1].lower_ in "aà"):
        start -= 1  # « à Paris », « du paracétamol », « A Paris-8 »
    rest = _tidy(doc[:start].text_with_ws + doc[end:].text)
    phrase = _tidy(doc[span[0].i : end].text)
    if len([t for t in french()(rest) if is_content(t)]) < 2 or count_in(kw, french()(rest)):
        # Nothing left beside it: the keyword phrase is the headline (« Spermatozoïdes
        # géants vieux de plus de 100 millions d'années »).
        out = (
            [f"{capitalise(phrase)} : {after_colon(rest)}"]
            if any(is_content(t) for t in french()(rest))
            else []
        )
        out = [t for t in out if len(t) <= limit and _ends_well(t)]
        whole = capitalise(phrase)
        if len(whole) <= limit and len(phrase.split()) > len(kw.text.split()) + 1:
            out += [whole] if _ends_well(whole, colons=0) else []
        return out
    leads = [capitalise(phrase)] if phrase.lower() != kw.text.lower() else []
    return _compose([*leads, label], rest, limit)


def _compose(leads: list[str], rest: str, limit: int) -> list[str]:
    """« Lead : part » for each lead and each whole part of `rest`, the longest that fits
    first; parts cut after a noun only after every whole one."""
    whole: list[str] = []
    cut_short: list[str] = []
    for lead in leads:
        for part in [rest, *_segments(rest)]:
            whole.append(f"{lead} : {after_colon(part)}")
            shorter = _shorter(part, limit - len(lead) - 3)
            if shorter:
                cut_short.append(f"{lead} : {after_colon(shorter)}")
    out: list[str] = []
    for title in [*sorted(whole, key=len, reverse=True), *cut_short]:
        if len(title) <= limit and _ends_well(title) and title not in out:
            out.append(title)
    return out


def _keyword_span(doc: Any, kw: Keyword) -> list[Any] | None:
    """The headline's tokens that match the keyword, in a row (function words between)."""
    content = [t for t in doc if is_content(t)]
    n = len(kw.words)
    for i in range(len(content) - n + 1):
        window = content[i : i + n]
        if all(not w.isdisjoint(token_forms(t)) for w, t in zip(kw.words, window, strict=True)):
            return list(doc[window[0].i : window[-1].i + 1])
    return None


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.:;!?…])", r"\1", text)
    text = re.sub(r"([,:;])\s*([,:;])", r"\1", text)
    text = re.sub(r'"\s*"|«\s*»', "", text).strip()
    if sum(text.count(q) for q in '"') % 2 or text.count("«") != text.count("»"):
        text = "".join(c for c in text if c not in _QUOTES)
    return text.strip(" ,;:-–")


def _segments(rest: str) -> list[str]:
    """The parts of a headline after a colon, and before/after its commas."""
    out = []
    if ":" in rest:
        out.append(rest.split(":", 1)[1].strip())
        out.append(rest.split(":", 1)[0].strip())
    pieces = [p.strip() for p in rest.split(",") if p.strip()]
    for k in range(len(pieces) - 1, 0, -1):
        out.append(", ".join(pieces[:k]))
    # The first piece goes only when it is a circumstance (« Après les municipales, »,
    # « Au procès Diack, »): the first of a list never does (« Curiosity, Marsnik… »
    # became « Mars : Marsnik… », as if Curiosity were not part of it).
    if len(pieces) > 1 and _circumstance(pieces[0]):
        out.append(", ".join(pieces[1:]))
    return [_tidy(p) for p in out if p]


def _circumstance(piece: str) -> bool:
    """`piece` opens on a preposition, an adverb or a subordinator: an adjunct."""
    doc = french()(piece)
    return bool(len(doc)) and doc[0].pos_ in ("ADP", "ADV", "SCONJ")


def _shorter(text: str, room: int) -> str:
    """`text` cut after a noun, name or adjective within `room` characters."""
    if len(text) <= room:
        return ""
    doc = french()(text)
    for end in range(len(doc), 0, -1):
        last = doc[end - 1]
        fits = len(doc[:end].text) <= room
        if fits and last.pos_ in ("NOUN", "PROPN", "ADJ") and closed(doc, end):
            return _tidy(doc[:end].text)
    return ""


def _ends_well(title: str, colons: int = 1) -> bool:
    doc = french()(title)
    words = [t for t in doc if not t.is_punct]
    return bool(words) and words[-1].pos_ not in _END_BAD and title.count(":") == colons


def after_colon(text: str) -> str:
    """`text` as it reads after a colon: its capital lowered unless it opens on a name
    or an acronym (« Hwang Sok-yong : turpitude et architecture »)."""
    doc = french()(text)
    first = doc[0].text if doc else ""
    name = doc and (doc[0].pos_ == "PROPN" or doc[0].ent_type_)
    # A tagger reads a headline's first capital as a name; the lexicon knows better
    # (« Turpitude et architecture », article 16). « Au-dessous » is not one either.
    if (
        name
        and not french().vocab[first.split("-")[0].lower()].is_stop
        and not grammalecte.common_word(first, lower_initial(first))
    ):
        return text  # a name keeps its capital
    if first.isupper() and len(first) > 1:
        return text  # an acronym
    # Agency style drops capitals' accents: « A Strasbourg », « Ecologie ».
    return lower_initial(text)


def named_subject(headline: str, kw: Keyword, limit: int) -> str:
    """« Le générateur de texte-vidéo Sora d'OpenAI pourrait-il supprimer des emplois à
    Hollywood ? » → « Sora d'OpenAI pourrait-il supprimer des emplois à Hollywood ? »: a
    name the headline's subject describes (« Le président russe Vladimir Poutine ») stands
    for it, its « de » complement with it, and the headline goes on as written. "" when the
    name is not at the end of a subject that opens the headline on a determiner. Longer
    than `limit`: the name without its complement. A desk's rubric before a colon
    (« Tennis : la jeune Lyonnaise Clara Dumas remporte… », a fresh article) goes with
    the subject the name stands for."""
    rubric = re.match(r"[^:«»\"]{2,40}?\s?:\s+(?=\S)", headline.strip())
    if rubric:
        headline = headline.strip()[rubric.end() :]
    # So does a place that opens it (« A Strasbourg, le restaurant la Maison Kammerzell
    # veut oublier le confinement »): where, which the name's own headline may leave out.
    place = re.match(r"(?:[AÀ]|En|Au)\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*,\s+", headline)
    if place:
        headline = headline[place.end() :]
    doc = french()(headline.strip())
    span = _keyword_span(doc, kw)
    if (
        span is None
        or span[0].i == 0
        or any(not t.text[:1].isupper() for t in span if is_content(t))
    ):
        return ""
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.i > span[-1].i]
    if not verbs or doc[0].pos_ != "DET":
        return ""
    before = doc[: span[0].i]
    if any(t.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ") or t.text in _QUOTES for t in before):
        return ""
    # The name describes the subject itself, not a noun inside it: « La femme du
    # président Emmanuel Macron » is not Emmanuel Macron, nor « le maire de Paris » Paris.
    # A capitalised demonym is the parse's PROPN: « la jeune Lyonnaise Clara Dumas ».
    nouns = [
        t
        for t in before
        if t.pos_ == "NOUN" or (t.pos_ == "PROPN" and any(c.dep_ == "det" for c in t.children))
    ]
    name = min(span, key=lambda t: len(list(t.ancestors)))
    if not nouns or before[-1].pos_ == "ADP":
        return ""
    if not _describes(name, nouns[0], before):
        return ""
    if any(t.pos_ == "ADP" and t.head.i > nouns[0].i and t.head.head != nouns[0] for t in before):
        return ""
    # Between the name and the verb: at most its « d'OpenAI », « de Google ».
    between = list(doc[span[-1].i + 1 : verbs[0].i])
    if between and not (
        len(between) == 2
        and between[0].lower_ in ("de", "d'", "d’")
        and between[1].pos_ in ("PROPN", "NOUN")
        and between[1].text[:1].isupper()
    ):
        return ""
    # A name that takes its own article keeps it: « [le restaurant] la Maison Kammerzell
    # veut… » is « La Maison Kammerzell veut… » (article 27 read « Maison Kammerzell veut… »).
    first = span[0].i
    if first and doc[first - 1].pos_ == "DET" and doc[first - 1].head.i in {t.i for t in span}:
        first -= 1
    whole = capitalise(doc[first:].text)
    if len(whole) <= limit or not between:
        return whole
    # Too long: the name without its owner (« Sora pourrait-il… »).
    return capitalise(doc[first : span[-1].i + 1].text_with_ws + doc[verbs[0].i :].text)


def _describes(name: Any, subject: Any, before: Any) -> bool:
    """`name` hangs on `subject` through words of `before` (« vocal » in « L'assistant
    vocal Alexa »), never through a noun with a preposition (« du président »); or the
    parse, unsure, makes the name a subject or root of its own (« …Sanofi va… »)."""
    token = name
    while token.head != token and token.head.i < name.i and token.head.i >= before.start:
        token = token.head
        if token == subject:
            return True
        if any(c.dep_ == "case" for c in token.children):
            return False
    return token == name and name.dep_ in ("nsubj", "nsubj:pass", "dep", "ROOT")
