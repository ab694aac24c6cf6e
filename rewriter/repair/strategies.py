"""The repair table: check id -> a fix of the draft. A fix returns True when it changed
something; the loop re-checks after each round. No fix adds a fact: they split, move,
re-label with the keyword, or bring in more of the source's own material."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rewriter.analysis.keyword import count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words, lower_initial
from rewriter.draft import Draft, Paragraph, Section
from rewriter.generate.headings import heading_key, lead_heading, quote_heading
from rewriter.generate.labels import fallback_heading
from rewriter.generate.metas import fallback_meta
from rewriter.generate.sentences import gate_of, pieces
from rewriter.generate.seo import fallback_title, slug_for
from rewriter.plan.growth import leans, ties_back
from rewriter.repair.context import Context
from rewriter.repair.keyword_headings import balance_keyword_headings
from rewriter.repair.material import add_material

Fix = Callable[[Draft, Context], bool]


def split_long_sentences(draft: Draft, ctx: Context) -> bool:
    nlp, limit, changed = french(), ctx.settings.max_sentence_words, False
    for paragraph in _paragraphs(draft):
        out: list[str] = []
        for sentence in paragraph.sentences:
            kept = ctx.writer.frozen | ctx.writer.whole
            if count_words(sentence) > limit and sentence not in kept:
                parts = pieces(nlp(sentence)[:], limit, accept=gate_of(ctx.writer))
                changed |= len(parts) > 1
                out += parts
            else:
                out.append(sentence)
        paragraph.sentences = out
    return changed


def split_long_paragraphs(draft: Draft, ctx: Context) -> bool:
    limit, changed = ctx.settings.max_paragraph_words, False
    for container in [draft.intro, *[s.paragraphs for s in draft.sections]]:
        i = 0
        while i < len(container):
            p = container[i]
            if count_words(p.text) > limit and len(p.sentences) > 1:
                half = _balanced_cut(p.sentences)
                container[i : i + 1] = [
                    Paragraph(p.sentences[:half], p.kind),
                    Paragraph(p.sentences[half:], p.kind),
                ]
                changed = True
            i += 1
    return changed


def _heading_of(text: str, used: set[str]) -> str:
    return lead_heading(text, used) or quote_heading(text, used) or fallback_heading(text, used)


def _drawn_from(heading: str, tail: str, head: str) -> bool:
    """Every word of `heading` is in `tail`, not every one in `head`."""
    words = {w for w in re.findall(r"\w+", heading.lower()) if len(w) > 3}
    tail_words, head_words = (set(re.findall(r"\w+", t.lower())) for t in (tail, head))
    return bool(words) and words <= tail_words and not words <= head_words


def split_long_sections(draft: Draft, ctx: Context) -> bool:
    limit, changed = ctx.settings.max_section_words, False
    used = {heading_key(s.heading) for s in draft.sections} | {heading_key(draft.title)}
    i = 0
    while i < len(draft.sections):
        section = draft.sections[i]
        words = sum(count_words(p.text) for p in section.paragraphs)
        if words > limit and len(section.paragraphs) > 1 and section.role == "body":
            cut = _open_cut([p.text for p in section.paragraphs])
            tail = section.paragraphs[cut:]
            section.paragraphs = section.paragraphs[:cut]
            # What the heading may be drawn from is now the head's text alone: a keyword
            # heading drawn later from the whole would name what the new H3 says (article
            # 15, the default model: H2 « Jacques Weber publie un ouvrage autobiographique »
            # over the theatre, the book under the H3 that followed).
            head_text = " ".join(p.text for p in section.paragraphs)
            section.source_text = head_text
            text = " ".join(p.text for p in tail)
            heading = ""
            if not section.source_heading and _drawn_from(section.heading, text, head_text):
                # The heading was drawn from a sentence the cut sent below: it goes with
                # it, and the first part gets one of its own (article 15's H2 « Jacques
                # Weber publie un ouvrage autobiographique » stood over the theatre).
                heading, section.heading = section.heading, _heading_of(head_text, used)
                used.add(heading_key(section.heading))
            heading = heading or _heading_of(text, used)
            used.add(heading_key(heading))
            draft.sections.insert(
                i + 1, Section(heading, min(3, section.level + 1), tail, source_text=text)
            )
            changed = True
        i += 1
    return changed


def keyword_in_intro(draft: Draft, ctx: Context) -> bool:
    kw, nlp = ctx.plan.keyword, french()
    if not draft.intro or not draft.intro[0].sentences:
        return False
    first = draft.intro[0].sentences
    if any(count_in(kw, nlp(s)) for s in first):
        return False
    # No « Keyword : first sentence » (« Opposant : l'étau semble… » reads as a robot's):
    # the keyword is chosen among the phrases of the lead (analysis/keyword.py), and where
    # the lead still lacks it the check says so.
    return False


def fix_title(draft: Draft, ctx: Context) -> bool:
    new = fallback_title(ctx.plan, ctx.settings)
    changed = new != draft.seo_title
    draft.seo_title = new
    draft.title = draft.title or new  # the H1 stays the desk's headline
    draft.slug = slug_for(ctx.plan.keyword, new)
    return changed


def fix_meta(draft: Draft, ctx: Context) -> bool:
    new = fallback_meta(ctx.plan, ctx.settings)
    changed, draft.meta = new != draft.meta, new
    return changed


def fix_slug(draft: Draft, ctx: Context) -> bool:
    new = slug_for(ctx.plan.keyword, draft.seo_title)
    changed, draft.slug = new != draft.slug, new
    return changed


REPAIRS: dict[str, Fix] = {
    "words": add_material,
    "sentence_length": split_long_sentences,
    "paragraph_length": split_long_paragraphs,
    "section_length": split_long_sections,
    "keyword_in_subheadings": balance_keyword_headings,
    "keyword_density": balance_keyword_headings,
    "keyword_in_intro": keyword_in_intro,
    "keyword_in_title": fix_title,
    "title_length": fix_title,
    "keyword_in_meta": fix_meta,
    "meta_length": fix_meta,
    "keyword_in_slug": fix_slug,
}


def _paragraphs(draft: Draft) -> list[Paragraph]:
    return [*draft.intro, *[p for s in draft.sections for p in s.paragraphs]]


def _open_cut(texts: list[str]) -> int:
    """Where a long section is cut in two under a new heading: nearest the middle, at a
    paragraph that opens without leaning on the one before — an H3 stood over « A
    l'inverse, pour la présidente… » (article 03), as a section never opens in the plan
    (`growth.leans`, `growth.ties_back`); the middle when no paragraph does."""
    from rewriter.analysis.sentences import sentence_spans
    from rewriter.plan import SourceSentence

    middle = _balanced_cut(texts)

    def opens(text: str) -> bool:
        first = next(iter(sentence_spans(french()(text))), None)
        if first is None:
            return False
        return not ties_back(first.text) and not leans(SourceSentence(first, 0))

    able = [i for i in range(1, len(texts)) if opens(texts[i])]
    return min(able, key=lambda i: (abs(i - middle), i)) if able else middle


def _balanced_cut(texts: list[Any]) -> int:
    sizes = [count_words(str(t)) for t in texts]
    total, run = sum(sizes), 0
    for i, size in enumerate(sizes):
        run += size
        if run >= total / 2:
            return max(1, min(i + 1, len(texts) - 1))
    return max(1, len(texts) // 2)


_TITLES = frozenset({"M.", "Mme", "Mmes", "MM.", "Me", "Mgr", "Dr"})


def _lower_first(text: str) -> str:
    doc = french()(text)
    if len(doc) and (
        doc[0].pos_ == "PROPN"
        or (doc[0].text.isupper() and sum(c.isalpha() for c in doc[0].text) > 1)
        or doc[0].text in _TITLES
    ):
        return text
    return lower_initial(text)
