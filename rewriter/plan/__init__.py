"""Stage 3 — plan: the keyword, the source's sentences, and an outline of sections."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rewriter.analysis.article import AnalysedArticle
from rewriter.analysis.keyword import Keyword
from rewriter.analysis.sentences import sentence_spans
from rewriter.analysis.words import PRONOUN_OF_TITLE, count_words
from rewriter.verify.support import numbers_in, quotes_in

SECTION_WORDS = 190  # target words per section: well under Yoast's 300 once rewritten
LEANING_COST = 1.0  # as much as a lead heading gains: cut elsewhere when the sizes allow
MAX_SECTION_WORDS = 280  # a section cut where its lead gives a heading stays under Yoast's 300
PARAGRAPH_WORDS = 90  # pasted text with no breaks is cut into paragraphs of about this size


@dataclass(frozen=True)
class SourceSentence:
    span: Any
    index: int  # order in the article
    quoted: bool = False  # inside a quotation, even one opened in an earlier sentence

    @property
    def text(self) -> str:
        return str(self.span.text).strip()

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def has_quote(self) -> bool:
        return self.quoted or bool(quotes_in(self.text)) or any(m in self.text for m in '«»“”"')

    @property
    def unmarked_quote(self) -> bool:
        """A sentence of a quotation opened before it: « "Le problème n'est pas le masque.
        Il faut arrêter de dire +c'est horrible+. (…)", déclare… » (article 15) — its middle
        sentence has no mark of its own; served alone (a meta, an answer), the speaker's
        words would read as the journalist's."""
        marks = [c for c in self.text if c in '«»“”"']
        return self.quoted and (not marks or marks[0] in "»”")

    @property
    def has_number(self) -> bool:
        return bool(numbers_in(self.text))

    @property
    def entities(self) -> list[str]:
        return [e.text for e in self.span.ents if e.label_ in ("PER", "ORG", "LOC")]


@dataclass
class SectionPlan:
    source_heading: str  # the source's own heading, or ""
    paragraphs: list[list[SourceSentence]] = field(default_factory=list)

    @property
    def sentences(self) -> list[SourceSentence]:
        return [s for p in self.paragraphs for s in p]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)


@dataclass
class Plan:
    keyword: Keyword
    title: str
    intro: list[list[SourceSentence]]
    sections: list[SectionPlan]

    @property
    def sentences(self) -> list[SourceSentence]:
        intro = [s for p in self.intro for s in p]
        return intro + [s for section in self.sections for s in section.sentences]

    @property
    def lead(self) -> list[SourceSentence]:
        return self.intro[0] if self.intro else []


def make_plan(
    source: AnalysedArticle,
    heads: Callable[[str], bool] | None = None,
    *,
    max_intro_words: int = 250,
) -> Plan:
    """Sentences by paragraph (pasted text re-cut), grouped into sections of the source's
    own structure — its headings when it has some, else runs of about SECTION_WORDS, cut
    where possible before a paragraph whose lead says what follows (`heads`: the section
    can take its heading from this text — `headings.lead_heading`). The desk's chapeau
    before its first subheading stays the intro while it fits `max_intro_words`."""
    counter = 0
    chunks: list[tuple[str, list[list[SourceSentence]]]] = [("", [])]
    titled = _titled([source.docs[i] for i in source.body_indices()])
    for i in source.body_indices():
        source.docs[i].user_data["titled"] = titled
        block = source.blocks[i]
        if block.is_heading:
            chunks.append((block.text, []))
            continue
        sentences = []
        inside = quotation_ranges(block.text)
        for span in sentence_spans(source.docs[i]):
            # Frozen: a sentence inside a quotation that runs past it (or one that is all
            # quotation). A short quoted phrase within a sentence only has to stay intact.
            quoted = any(
                a < span.end_char
                and span.start_char < b
                and (a < span.start_char or b > span.end_char or b - a > 0.8 * len(span.text))
                for a, b in inside
            )
            sentences.append(SourceSentence(span, counter, quoted))
            counter += 1
        for paragraph in _cut(sentences):
            chunks[-1][1].append(paragraph)
    chunks = [(h, p) for h, p in chunks if p]
    if not chunks:
        return Plan(source.keyword, source.article.title, [], [])
    has_headings = any(h for h, _ in chunks)
    if has_headings:
        first_heading, first_paragraphs = chunks[0]
        # The paragraphs before the desk's first subheading are its chapeau: cut from it,
        # the second one needed a heading of its own, which its words rarely give (« Les
        # Brestoises » over a fresh article's second paragraph). Cut only when too long.
        chapeau = 0 if first_heading else len(first_paragraphs)
        rest_text = " ".join(s.text for p in first_paragraphs[1:] for s in p)
        if chapeau and (
            sum(_words(p) for p in first_paragraphs[:chapeau]) > max_intro_words
            or (rest_text and _headable(rest_text, source.keyword, heads))
        ):
            chapeau = _leaning_run(first_paragraphs, 1, max_intro_words)
        intro = first_paragraphs[:chapeau]
        rest = [
            (
                first_heading if first_heading else "",
                first_paragraphs[chapeau:] if not first_heading else first_paragraphs,
            ),
            *chunks[1:],
        ]
        sections = [SectionPlan(h, p) for h, p in rest if p]
    else:
        paragraphs = chunks[0][1]
        first = _leaning_run(paragraphs, 1, max_intro_words)
        intro = paragraphs[:first]
        sections = [SectionPlan("", run) for run in _runs(paragraphs[first:], heads)]
    intro, sections = _lead_with_keyword(source.keyword, intro, sections)
    return Plan(source.keyword, source.article.title, intro, sections)


def _leaning_run(paragraphs: list[list[SourceSentence]], start: int, limit: int) -> int:
    """Where the first section may open: not before a paragraph whose first sentence
    leans on the one before (« C'est ce qu'a annoncé X… » after the chapeau's decision,
    article 28 — under a heading, « ce » would take up the heading), so such paragraphs
    stay with the chapeau while it fits `limit` words."""
    from rewriter.plan.growth import leans

    end = start
    while (
        end < len(paragraphs)
        and leans(paragraphs[end][0])
        and sum(_words(p) for p in paragraphs[: end + 1]) <= limit
    ):
        end += 1
    return end


def _headable(text: str, keyword: Keyword, heads: Callable[[str], bool] | None) -> bool:
    """A section made of `text` gets a heading worth reading: its lead's core (`heads`),
    or a phrase with the keyword (« L'économie numérique », article 06)."""
    from rewriter.analysis.keyword import count_in
    from rewriter.analysis.nlp import french

    return (heads is not None and heads(text)) or bool(count_in(keyword, french()(text)))


INTRO_WORDS = 150  # the longest paragraph the checks allow (Yoast)


def _lead_with_keyword(
    keyword: Keyword, intro: list[list[SourceSentence]], sections: list[SectionPlan]
) -> tuple[list[list[SourceSentence]], list[SectionPlan]]:
    """A chapeau that leans on its headline (« Il s'établit à 8,5 %… », article 05) lacks
    the keyword the first paragraph must hold; the paragraph after it, before any
    subheading, often has it. The two become one first paragraph — the same words in the
    same order, one paragraph break fewer — rather than a « Chômage : il s'établit… » label."""
    from rewriter.analysis.keyword import count_in

    if len(intro) > 1:  # the chapeau's second paragraph, kept in the intro
        lead, following = intro[0], intro[1]
        if (
            not any(count_in(keyword, s.span) for s in lead)
            and any(count_in(keyword, s.span) for s in following)
            and _words(lead) + _words(following) <= INTRO_WORDS
        ):
            return [lead + following, *intro[2:]], sections
        return intro, sections
    if not intro or not sections or sections[0].source_heading or not sections[0].paragraphs:
        return intro, sections
    lead, following = intro[0], sections[0].paragraphs[0]
    if any(count_in(keyword, s.span) for s in lead) or not any(
        count_in(keyword, s.span) for s in following
    ):
        return intro, sections
    if _words(lead) + _words(following) > INTRO_WORDS:
        return intro, sections
    rest = SectionPlan(sections[0].source_heading, sections[0].paragraphs[1:])
    return [lead + following, *intro[1:]], ([rest] if rest.paragraphs else []) + sections[1:]


def _runs(
    paragraphs: list[list[SourceSentence]], heads: Callable[[str], bool] | None
) -> list[list[list[SourceSentence]]]:
    """Consecutive paragraphs cut into sections: each near SECTION_WORDS (a single longer
    paragraph stays whole), none over MAX_SECTION_WORDS, none under a third of the target
    unless the text is that short — and, among such cuts, as many sections as possible
    opening on a paragraph whose lead can be their heading (`heads`). Exact, by dynamic
    programming over the cut points (an article has tens of paragraphs)."""
    n = len(paragraphs)
    if n == 0:
        return []
    words = [_words(p) for p in paragraphs]
    if heads is None:
        able = [False] * n
    else:
        able = [heads(" ".join(s.text for s in p[:3])) for p in paragraphs]
    from rewriter.plan.growth import leans, ties_back

    # A heading between « Il prépare… » and whom it names cuts the thread: a section
    # does not open on a sentence that leans on the one before (a pronoun, « C'est ce
    # qu'a annoncé… », « Ces ostracodes… », « Leur corps… »: `growth.leans`), nor on one
    # that answers it (« A l'inverse, pour la présidente… », article 03: the inverse of
    # what the section before ended on, read under a heading of its own).
    leaning = [leans(p[0]) or ties_back(p[0].text) for p in paragraphs]
    # Nor on a paragraph that a short one right before it announces in the same words (a
    # pull quote, « « Les 11 agences sanitaires au monde ont un avis unanime… » » over « Les
    # 11 agences sanitaires au monde (…) ont un avis unanime sur le glyphosate », article
    # 09): its heading would say it a third time in a row.
    for i in range(1, n):
        if able[i] and _announces(paragraphs[i - 1], paragraphs[i][0]):
            able[i] = False
    low = min(SECTION_WORDS / 3, sum(words))

    def score(i: int, j: int) -> float | None:  # paragraphs[i:j] as one section
        total = sum(words[i:j])
        if total > MAX_SECTION_WORDS and j - i > 1:
            return None
        short = 2.0 if total < low else 0.0  # allowed only when nothing else fits
        opening = float(able[i]) - (LEANING_COST if leaning[i] and i else 0.0)
        return opening - ((total - SECTION_WORDS) / SECTION_WORDS) ** 2 - short

    return [paragraphs[i:j] for i, j in _best_cuts(n, score)]


def _titled(docs: list[Any]) -> dict[str, str]:
    """The stressed pronoun of each surname the article gives a title (« a dit M.
    Caldwell » → {"Caldwell": "lui"}), for a sentence cut in two that names him again:
    « …un échec. Selon lui, les entreprises… » (`transform.reparse.split_second_que`),
    where « Éric Alan Caldwell » alone says nothing the parse can read. A surname given
    both titles is left out."""
    seen: dict[str, set[str]] = {}
    for doc in docs:
        for token in doc:
            pronoun = PRONOUN_OF_TITLE.get(token.lower_)
            if pronoun is None:
                continue
            name = token.i + 1  # the last word of the name that follows the title
            while name + 1 < len(doc) and doc[name].pos_ == doc[name + 1].pos_ == "PROPN":
                name += 1
            if name < len(doc) and doc[name].pos_ == "PROPN":
                seen.setdefault(doc[name].text, set()).add(pronoun)
    return {name: next(iter(p)) for name, p in seen.items() if len(p) == 1}


ANNOUNCING_WORDS = 30  # a paragraph this short may be an exergue of the next one


def _announces(before: list[SourceSentence], lead: SourceSentence) -> bool:
    """`before`, a short paragraph, is made of `lead`'s words (70 % of its own, at least)."""
    text = " ".join(s.text for s in before)
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 3]
    said = set(re.findall(r"\w+", lead.text.lower()))
    short = count_words(text) <= ANNOUNCING_WORDS
    return short and bool(words) and sum(w in said for w in words) >= 0.7 * len(words)


def quotation_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside « … » (or "…"), a quotation left open running to the end
    (French opens each paragraph of a long quotation, and closes only the last)."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    depth = 0  # « Peut-être que demander « qui sera remplacé » n'est pas… »: nested
    for i, char in enumerate(text):
        if char in "«“":
            if depth == 0:
                start = i
            depth += 1
        elif char in "»”" and depth > 0:
            depth -= 1
            if depth == 0 and start is not None:
                ranges.append((start, i + 1))
                start = None
    if start is not None:
        ranges.append((start, len(text)))
    if text.lstrip().startswith(("»", "”")) or (not ranges and text.count("»") > text.count("«")):
        ranges.append((0, text.index("»") + 1 if "»" in text else len(text)))
    straight = [i for i, c in enumerate(text) if c == '"']
    ranges += [(a, b + 1) for a, b in zip(straight[::2], straight[1::2], strict=False)]
    return ranges


def _words(paragraph: list[SourceSentence]) -> int:
    return sum(s.words for s in paragraph)


def _cut(sentences: list[SourceSentence]) -> list[list[SourceSentence]]:
    """Paragraphs of about PARAGRAPH_WORDS: pasted text has none, long ones are split —
    and not before a sentence that leans on the one before (« Il prépare… » after the
    sentences that name him: the piece may open a section, under a heading) nor inside
    a quotation (its next sentence would read as the journalist's). Exact, by dynamic
    programming over the cut points, as `_runs`."""
    if sum(s.words for s in sentences) <= PARAGRAPH_WORDS * 1.5:
        return [sentences] if sentences else []
    from rewriter.plan.growth import opens_on_pronoun

    n = len(sentences)
    words = [s.words for s in sentences]
    # Cutting before sentence k costs this much (the first piece has nothing to lean on).
    against = [
        0.0
        if k == 0
        else LEANING_COST * opens_on_pronoun(sentences[k])
        + 4.0 * (sentences[k].quoted and sentences[k].text[:1] not in '«"“')
        for k in range(n)
    ]

    def score(i: int, j: int) -> float | None:  # sentences[i:j] as one paragraph
        total = sum(words[i:j])
        if total > PARAGRAPH_WORDS * 1.5 and j - i > 1:
            return None
        short = 1.0 if total < PARAGRAPH_WORDS / 3 else 0.0
        return -(((total - PARAGRAPH_WORDS) / PARAGRAPH_WORDS) ** 2) - short - against[i]

    return [sentences[i:j] for i, j in _best_cuts(n, score)]


def _best_cuts(n: int, score: Callable[[int, int], float | None]) -> list[tuple[int, int]]:
    """The spans [i, j) covering 0..n whose scores sum highest (`score`: None where a span
    may not be one piece; a piece of one item must always be allowed). Exact, by dynamic
    programming over the cut points."""
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[n] = (0.0, n)
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            here, rest = score(i, j), best[j]
            if here is None or rest is None:
                continue
            current = best[i]
            if current is None or here + rest[0] > current[0]:
                best[i] = (here + rest[0], j)
    spans, i = [], 0
    while i < n:  # a single item always fits: best[i] is never None
        j = best[i][1]  # type: ignore[index]
        spans.append((i, j))
        i = j
    return spans
