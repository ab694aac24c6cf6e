"""The focus keyword: lemma-aware matching, and picking one when none is given.

Matching works on normalised forms and lemmas, so « l’orage » matches « orage » and
« OpenAI présente » matches « OpenAI a présenté » — where Yoast's French analysis,
without morphology, misses elided and inflected forms.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rewriter.analysis.words import content_forms, is_content, normalise, token_forms


@dataclass(frozen=True)
class Keyword:
    text: str
    words: tuple[frozenset[str], ...]  # per content word, the forms that match it
    reason: str = ""

    @property
    def length(self) -> int:
        """Content words, hyphenated parts counted apart (Covid-19 is 2), as Yoast does."""
        return sum(len(max(forms, key=len).split("-")) for forms in self.words)

    def __bool__(self) -> bool:
        return bool(self.words)


def make_keyword(doc: Any, reason: str = "") -> Keyword:
    """A Keyword from a parsed keyword phrase (`nlp(keyword)`)."""
    words = content_forms(doc) or [token_forms(t) for t in doc if not t.is_punct]
    return Keyword(text=doc.text.strip(), words=tuple(words), reason=reason)


def _matches(word: frozenset[str], token_forms_: frozenset[str]) -> bool:
    return not word.isdisjoint(token_forms_)


def count_in(keyword: Keyword, tokens: Any) -> int:
    """Full matches in one sentence: each keyword word must occur; count = the rarest one."""
    if not keyword:
        return 0
    forms = [token_forms(t) for t in tokens]
    counts = [sum(1 for f in forms if _matches(word, f)) for word in keyword.words]
    return min(counts)


def share_in(keyword: Keyword, tokens: Any) -> float:
    """Share of the keyword's content words present in `tokens` (0-1)."""
    if not keyword:
        return 0.0
    forms = [token_forms(t) for t in tokens]
    found = sum(1 for word in keyword.words if any(_matches(word, f) for f in forms))
    return found / len(keyword.words)


def starts_with(keyword: Keyword, tokens: Any) -> bool:
    """The keyword's content words open `tokens` (function words before them are allowed)."""
    content = list(tokens)
    while content and (content[0].is_stop or not is_content(content[0])):
        content.pop(0)  # « Le glyphosate… », « À Paris-8… »
    content = [t for t in content if is_content(t)]
    if len(content) < len(keyword.words) or not keyword:
        return False
    head = content[: len(keyword.words)]
    return all(_matches(w, token_forms(t)) for w, t in zip(keyword.words, head, strict=True))


# --- picking a keyword -------------------------------------------------------------

_MAX_WORDS = 3
# Nouns of time, quantity and measure: frequent in news, never what a reader searches for.
GENERIC_NOUNS = frozenset(
    "an année jour mois semaine heure minute seconde fois euro dollar franc million "
    "milliard pour cent pourcentage personne chose cas part partie fin début moment "
    "temps façon manière nombre place point lieu exemple question soir matin week-end "
    "total hausse baisse niveau chiffre taux moitié tiers quart".split()
)


@dataclass(frozen=True)
class Candidate:
    text: str
    key: tuple[str, ...]
    score: float
    count: int
    in_title: bool
    in_intro: bool


def candidates(title_doc: Any, body_docs: Sequence[Any]) -> list[Candidate]:
    """Noun phrases (1-3 content words) and named entities, scored by salience."""
    phrases: dict[tuple[str, ...], Counter[str]] = {}
    counts: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], list[set[str]]] = {}
    compound: set[tuple[str, ...]] = set()  # keys of « haine en ligne », « risque d'AVC »
    for doc in [title_doc, *body_docs]:
        compound |= {_key(span) for span in _compounds(doc)}
        for span in _phrases(doc):
            key = _key(span)
            counts[key] += 1
            phrases.setdefault(key, Counter())[span.text] += 1
            seen = forms.setdefault(key, [set() for _ in key])
            for k, t in enumerate(t for t in span if is_content(t)):
                seen[k] |= token_forms(t)
    same = _same_phrases(forms, counts)
    for key, into in same.items():
        counts[into] += counts.pop(key)
        phrases[into].update(phrases.pop(key))
        for k, more in enumerate(forms.pop(key)):
            forms[into][k] |= more
    title_keys = {same.get(_key(s), _key(s)) for s in _phrases(title_doc)}
    listed = _listed_names(title_doc)
    subject = {f for t in headline_subject(title_doc) for f in token_forms(t)}
    title_forms = {f for t in title_doc if t.i not in listed for f in token_forms(t)}
    intro_forms = {f for t in body_docs[0] for f in token_forms(t)} if body_docs else set()
    out: list[Candidate] = []
    for key, count in counts.items():
        if count < 2 and key not in title_keys:
            continue
        if key in compound and count < _COMPOUND_USES:
            continue  # « campagne de vaccination » twice: the story's topic is « grippe »
        in_title = all(f & title_forms for f in forms[key])
        in_intro = all(f & intro_forms for f in forms[key])
        # Frequency with diminishing returns, strong title bonus (the article's topic),
        # intro bonus, and a mild preference for two-word phrases (specific, still frequent).
        # The lead must hold the keyword (keyword_in_intro): a phrase it lacks could only
        # get there by a robotic « Keyword : … », so it is strongly disfavoured.
        score = math.log1p(count) * (2.0 if in_title else 1.0) * (2.0 if in_intro else 1.0)
        score *= {1: 1.0, 2: 1.4, 3: 1.3}[len(key)]
        score *= specificity(" ".join(key))
        if subject and all(k in subject for k in key):
            score *= _SUBJECT
        text = phrases[key].most_common(1)[0][0]
        out.append(Candidate(text, key, score, count, in_title, in_intro))
    out.sort(key=lambda c: (-c.score, -c.count, c.text))
    return out


def _same_phrases(
    forms: dict[tuple[str, ...], list[set[str]]], counts: Counter[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Keys that name one phrase, each to the one counted most: a headline's capital may
    change the tagger's lemma (« Vendanges précoces en Alsace » gave « vendanges », the body's
    « les vendanges » « vendange »), and the phrase's count was split between them."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    for i, key in enumerate(keys):
        if key in out:
            continue
        for other in keys[i + 1 :]:
            if other in out or len(other) != len(key) or other == key:
                continue
            if all(
                a in forms[key][k] or b in forms[other][k]
                for k, (a, b) in enumerate(zip(other, key, strict=True))
            ):
                out[other] = key
    return out


# Zipf frequency (log10 per billion words) at which a word stops being generic: « économie »,
# « production » (5.1) are everywhere; « paracétamol » (2.8), « glyphosate » (2.9) name a topic.
COMMON_ZIPF = 5.5


def specificity(text: str) -> float:
    """1 for the commonest French words, up to 1.75 for a rare one: what a reader who
    searches for this article types is its specific topic, not « économie » (06: the
    headline's « géants de la tech » lost to « économie »; 08: « production » beat
    « paracétamol »). Frequencies from wordfreq's French lists, offline."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(text, "fr")
    return 1.0 + min(3.0, max(0.0, COMMON_ZIPF - zipf)) / 4.0


# What the headline says something about outweighs what it names in passing: « Brest
# s'impose à Metz » is Brest's story though Metz, the loser, is named more often (a fresh
# article: the keyword « Metz », and a meta « Metz : … », for Brest's win).
_SUBJECT = 1.3


def headline_subject(title_doc: Any) -> list[Any]:
    """What the headline is about: its rubric (« Grippe » in « Grippe : la campagne… ») and
    the content words of the subject of its main verb (« La laiterie de Saint-Méen » in « La
    laiterie de Saint-Méen supprime 85 postes »); [] for a headline with neither (a noun
    phrase, an infinitive)."""
    colon = next((t.i for t in title_doc if t.text == ":"), None)
    rubric = [t for t in title_doc[: colon or 0] if is_content(t)]
    for token in title_doc[(colon or -1) + 1 :]:
        if (
            token.dep_ in ("nsubj", "nsubj:pass")
            and token.pos_ in ("NOUN", "PROPN")
            and token.head.pos_ in ("VERB", "AUX", "ADJ")
            and token.head.dep_ in ("ROOT", "parataxis", "appos", "dep")
        ):
            return rubric + [t for t in token.subtree if is_content(t)]
    return rubric + _name_before_verb(title_doc, colon)


def _name_before_verb(title_doc: Any, colon: int | None) -> list[Any]:
    """« Cannes s'offre Wes Anderson… » (article 13): a name that opens the headline right
    before its verb is its subject, even where the parser left it a root of its own (it
    gave no subject, and the keyword became « festival »)."""
    start = (colon or -1) + 1
    verb = next((t for t in title_doc[start:] if t.pos_ == "VERB"), None)
    if verb is None or any(c.dep_.startswith("nsubj") for c in verb.children):
        return []
    before = [t for t in title_doc[start : verb.i] if t.pos_ != "PRON"]  # « s' », « l' »
    if before and all(t.pos_ in ("PROPN", "DET") for t in before) and before[-1].pos_ == "PROPN":
        return [t for t in before if is_content(t)]
    return []


def _listed_names(title_doc: Any) -> set[int]:
    """Token indices of names the headline lists side by side (« Cannes s'offre Wes Anderson
    et François Ozon »): one of a list is not what the story is about."""
    out: set[int] = set()
    for token in title_doc:
        if token.dep_ == "conj" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN":
            for name in (token, token.head):
                out.update(t.i for t in name.subtree if t.pos_ == "PROPN")
    return out


def explain(candidate: Candidate) -> str:
    parts = [f"{candidate.count} occurrence{'s' if candidate.count > 1 else ''}"]
    if candidate.in_title:
        parts.append("présente dans le titre")
    if candidate.in_intro:
        parts.append("présente dans l'introduction")
    return f"choisie automatiquement : {', '.join(parts)}"


def _key(span: Any) -> tuple[str, ...]:
    return tuple(normalise(t.lemma_ or t.text) for t in span if is_content(t))


def _phrases(doc: Any) -> list[Any]:
    spans: list[Any] = []
    seen: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ in ("PER", "ORG", "LOC", "MISC"):
            span = _trim(ent)
            if span is not None and (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                spans.append(span)
    try:
        chunks = list(doc.noun_chunks)
    except (ValueError, NotImplementedError):  # no parser (e.g. a blank pipeline)
        chunks = []
    for chunk in chunks:
        span = _trim(chunk)
        if span is None:
            continue
        # The head noun alone, and the noun with its adjacent modifiers.
        head = span.root
        if _is_quantity(head):
            continue
        if head.pos_ in ("NOUN", "PROPN") and (head.i, head.i + 1) not in seen:
            seen.add((head.i, head.i + 1))
            spans.append(doc[head.i : head.i + 1])
        if len(_key(span)) > 1 and (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            spans.append(span)
    for span in _compounds(doc):
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            spans.append(span)
    return spans


_LINKS = frozenset(("en", "de", "d'", "d’", "à"))
# A compound is the article's name for its topic when it says it this often, title included.
_COMPOUND_USES = 3


def _compounds(doc: Any) -> list[Any]:
    """A noun and the bare noun it takes after « en », « de » or « à », side by side: « haine
    en ligne », « risque d'AVC », « chercheurs d'or » — one name for one thing, which a
    reader searches as such (spaCy's noun chunks stop at the first noun). Read on the
    words: the parse may hang « en ligne » on the noun before (« les messages de
    harcèlement en ligne »). Not « en » and a place: « les stades en Nouvelle-Zélande » is
    two things."""
    out = []
    for token in doc[:-2]:
        link, noun = doc[token.i + 1], doc[token.i + 2]
        if (
            token.pos_ == "NOUN"
            and not _is_quantity(token)
            and link.lower_ in _LINKS
            and (noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and link.lower_ != "en"))
            and not any(c.dep_ == "det" for c in noun.children)
        ):
            span = _trim(doc[token.i : token.i + 3])
            if span is not None and len(span) == 3:
                out.append(span)
    return out


def _is_quantity(token: Any) -> bool:
    """« 22 heures », « trois ans », « 84 000 euros »: a measure, not a topic."""
    if normalise(token.lemma_ or token.text) in GENERIC_NOUNS:
        return True
    return any(child.dep_ == "nummod" or child.like_num for child in token.children)


def _trim(span: Any) -> Any:
    """Drop leading/trailing function words; None when nothing topical is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and not is_content(doc[start]):
        start += 1
    while end > start and not is_content(doc[end - 1]):
        end -= 1
    content = sum(1 for t in doc[start:end] if is_content(t))
    if content == 0 or content > _MAX_WORDS or end - start > _MAX_WORDS + 2:
        return None
    trimmed = doc[start:end]
    if any(not (t.is_alpha or "-" in t.text) or t.like_num for t in trimmed):
        return None
    if all(normalise(t.lemma_ or t.text) in GENERIC_NOUNS for t in trimmed if is_content(t)):
        return None
    if all(t.is_stop for t in trimmed) or any(len(t.text) < 2 for t in trimmed):
        return None
    return trimmed
