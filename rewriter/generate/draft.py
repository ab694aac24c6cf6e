"""Write every unit of the draft: sentences, headings, title, meta description, slug."""

from __future__ import annotations

from typing import Any

from rewriter.draft import Draft, Paragraph, Section
from rewriter.generate.headings import heading_for, source_heading
from rewriter.generate.paragraphs import rewrite_paragraph
from rewriter.generate.sentences import write_sentence
from rewriter.generate.seo import meta_for, slug_for, title_for
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan, SourceSentence
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
        for s in sentences:
            out += write_sentence(s, writer, settings)
            done += 1
            if on_progress:
                on_progress(done, total)
        return Paragraph(out)

    draft.intro = [paragraph(p) for p in plan.intro]
    used: set[str] = set()
    for section in plan.sections:
        heading_source = f"{section.source_heading}. {section.text}".strip(". ")
        # The desk's own subheading is kept when it reads as one; else one is written.
        kept = source_heading(section.source_heading, used)
        heading = kept or heading_for(heading_source, writer, used)
        draft.sections.append(
            Section(
                heading=heading,
                paragraphs=[paragraph(p) for p in section.paragraphs],
                source_text=section.text,
                source_heading=kept is not None,
            )
        )
    draft.seo_title = title_for(plan, writer, settings)
    draft.title = draft.seo_title
    draft.meta = meta_for(plan, writer, settings)
    draft.slug = slug_for(plan.keyword, draft.seo_title)
    return draft
