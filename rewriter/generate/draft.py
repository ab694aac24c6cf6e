"""Write every unit of the draft: sentences, headings, title, meta description, slug."""

from __future__ import annotations

from typing import Any

from rewriter.draft import Draft, Paragraph, Section
from rewriter.generate import outline
from rewriter.generate.headings import (
    fits_heading,
    heading_for,
    heading_key,
    said_in_one_sentence,
    source_heading,
)
from rewriter.generate.paragraphs import first_requests, rewrite_paragraph, without_model
from rewriter.generate.sentences import write_sentence
from rewriter.generate.seo import meta_for, slug_for, title_for
from rewriter.generate.text import capitalise
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan, SourceSentence
from rewriter.plan.growth import ties_back
from rewriter.settings import Settings


def write_draft(
    plan: Plan,
    writer: UnitWriter,
    settings: Settings,
    on_progress: Any = None,
    *,
    by: str = "sentence",
) -> Draft:
    """`by="paragraph"`: one chat call rewrites each paragraph (instruct models,
    `paragraphs.py`); `"sentence"`: one unit per sentence (base models)."""
    draft = Draft(title="", keyword=plan.keyword.text)
    total = len(plan.sentences)
    done = 0

    def paragraph(sentences: list[SourceSentence]) -> Paragraph:
        nonlocal done
        out: list[str] = []
        if by == "paragraph":
            out = rewrite_paragraph(sentences, writer, settings)
            done += len(sentences)
            if on_progress:
                on_progress(done, total)
            return Paragraph(out)
        for i, s in enumerate(sentences):
            whole = i + 1 < len(sentences) and ties_back(sentences[i + 1].text)
            written = write_sentence(s, writer, settings, whole=whole)
            if whole:
                writer.whole.update(written)  # the repair loop does not split it either
            out += written
            done += 1
            if on_progress:
                on_progress(done, total)
        return Paragraph(out)

    prefetch = getattr(writer.generator, "prefetch", None)
    if by == "paragraph" and callable(prefetch):
        # A server that batches answers every paragraph's first call at once (--parallel);
        # the judging below stays in order, one paragraph after the other.
        every = [*plan.intro, *(p for section in plan.sections for p in section.paragraphs)]
        prefetch(first_requests(every, writer))
    draft.intro = [paragraph(p) for p in plan.intro]
    used: set[str] = {heading_key(plan.title)}  # a new heading says no more than the H1
    # An instruct model names every section that needs a heading in one call (verified
    # one by one); what it does not name well gets the per-section heading, without it.
    named: dict[int, str | None] = {}
    if by == "paragraph" and writer.generator is not None:
        todo = [
            i
            for i, s in enumerate(plan.sections)
            if source_heading(s.source_heading, set()) is None
        ]
        found = outline.headings(
            [plan.sections[i].text for i in todo], writer, lambda t: fits_heading(t, used)
        )
        named = dict(zip(todo, found, strict=True))
    for number, section in enumerate(plan.sections):
        heading_source = f"{section.source_heading}. {section.text}".strip(". ")
        # The desk's own subheading is kept when it reads as one; else one is written.
        kept = source_heading(section.source_heading, used)
        heading = kept
        if (
            heading is None
            and named.get(number)
            and fits_heading(named[number] or "", used)
            and said_in_one_sentence(named[number] or "", section.text)
        ):
            heading = capitalise(named[number] or "")
            used.add(heading_key(heading))
        elif heading is None and number in named:
            with without_model(writer):
                heading = heading_for(heading_source, writer, used)
        elif heading is None:
            heading = heading_for(heading_source, writer, used)
        draft.sections.append(
            Section(
                heading=heading,
                paragraphs=[paragraph(p) for p in section.paragraphs],
                source_text=section.text,
                source_heading=kept is not None,
            )
        )
    draft.seo_title = title_for(plan, writer, settings)
    # The H1 is the desk's headline as written; the <title> search engines show is the one
    # that opens on the keyword (Yoast and Google read that one).
    draft.title = plan.title.strip() or draft.seo_title
    draft.meta = meta_for(plan, writer, settings)
    draft.slug = slug_for(plan.keyword, draft.seo_title)
    return draft
