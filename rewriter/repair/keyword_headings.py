"""The keyword in the subheadings (Yoast's 30–75 % of H2/H3), the way a desk would put
it there: a heading that says what its section says and names the keyword, never
« Keyword : heading », never in place of the desk's own subheading — or a new H3 over a
later paragraph whose lead names it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rewriter.analysis.keyword import share_in
from rewriter.analysis.nlp import french
from rewriter.draft import Draft, Section
from rewriter.generate.headings import heading_key, lead_heading
from rewriter.generate.labels import fallback_heading
from rewriter.generate.text import capitalise, keyword_label

if TYPE_CHECKING:
    from rewriter.repair.context import Context


def balance_keyword_headings(draft: Draft, ctx: Context) -> bool:
    """Bring the share of H2/H3 holding the keyword to the middle of the target range."""
    kw = ctx.plan.keyword
    headed, holding, target = _share(draft, ctx)
    if not headed:
        return False
    changed = False
    if len(holding) < target:
        # A phrase of the section that holds the keyword reads as a heading (« Le chômage
        # de longue durée »). Never « Keyword : heading », and never in place of the desk's
        # own subheading: the check may stay short instead. A clause of a section's lead
        # holding the keyword comes first, then a later paragraph's lead over its own H3
        # (a clause too), then a label in place of a label; a heading that says what its
        # section says (« Les cours de natation scolaire seront assurés ») never gives way to
        # a label (a fresh article's became « La piscine de Mehun-sur-Yèvre », another pool
        # than the story's): only to a clause that holds the keyword.
        used = {heading_key(s.heading) for s in draft.sections} | {heading_key(draft.title)}
        clauses, labels = [], []
        for section in (s for s in headed if s not in holding and not s.source_heading):
            if not section.source_text:
                continue
            clause = lead_heading(section.source_text, used, kw)
            if clause:
                clauses.append((section, clause))
                continue
            label = fallback_heading(section.source_text, used, kw)
            if label and not _says(section.heading):
                labels.append((section, label))
        changed |= _retitle(clauses, ctx, used, holding, target)
        changed |= _keyword_subsections(draft, ctx, used)
        _, holding, target = _share(draft, ctx)
        changed |= _retitle(labels, ctx, used, holding, target)
    elif 100 * len(holding) / len(headed) > ctx.settings.max_subheading_keyword_share:
        prefix = f"{keyword_label(kw)} : "
        for section in holding[len(holding) // 2 :]:
            if section.heading.startswith(prefix):
                section.heading = capitalise(section.heading[len(prefix) :])
                changed = True
        changed |= _unnamed_questions(draft, ctx, holding, len(headed))
    return changed


def _share(draft: Draft, ctx: Context) -> tuple[list[Section], list[Section], int]:
    """The H2/H3, those holding the keyword, and how many should: the middle of the
    range, at least its floor."""
    kw, nlp = ctx.plan.keyword, french()
    lo, hi = ctx.settings.min_subheading_keyword_share, ctx.settings.max_subheading_keyword_share
    headed = [s for s in draft.sections if s.level in (2, 3)]
    holding = [s for s in headed if share_in(kw, nlp(s.heading)) >= 0.5]
    target = max(round(len(headed) * (lo + hi) / 200), int(-(-len(headed) * lo // 100)))
    return headed, holding, target


def _retitle(
    options: list[tuple[Section, str]],
    ctx: Context,
    used: set[str],
    holding: list[Section],
    target: int,
) -> bool:
    """Give sections their keyword heading — the body's first, the higher level first —
    until `target` hold the keyword; one the gate refuses or already used is passed over."""
    changed = False
    for section, heading in sorted(options, key=lambda o: (o[0].role != "body", o[0].level)):
        if len(holding) >= target:
            break
        if heading_key(heading) in used or ctx.writer.gate.refusals(
            heading, section.source_text, sentences=False, fluency=False
        ):
            continue
        section.heading = heading
        used.add(heading_key(heading))
        holding.append(section)
        changed = True
    return changed


def _unnamed_questions(draft: Draft, ctx: Context, holding: list[Section], headed: int) -> bool:
    """Too many headings name the keyword: a question that names it only to say what its
    answer is about (« Quels sont les chiffres clés sur la Tunisie ? ») is asked plainly
    again, the last first, until the share is back in range (article 30: 4 of 5)."""
    from rewriter.repair.material import about

    suffix = f" {about(ctx.plan)} ?"
    changed = False
    for section in reversed(draft.sections):
        if 100 * len(holding) <= ctx.settings.max_subheading_keyword_share * headed:
            break
        if section.role == "question" and section in holding and section.heading.endswith(suffix):
            section.heading = section.heading[: -len(suffix)] + " ?"
            holding.remove(section)
            changed = True
    return changed


def _keyword_subsections(draft: Draft, ctx: Context, used: set[str]) -> bool:
    """Still short of the keyword's share: a body section is cut under an H3 at a later
    paragraph whose first sentence's core holds the keyword and can head what follows
    (« Près de 45 tonnes de X ont été utilisées » over the paragraph that opens on it),
    the way a desk adds an intertitle — no heading is traded for a label, and the new one
    says what its paragraph says, in its words. Until the share reaches the check's floor."""
    from rewriter.analysis.sentences import sentence_spans
    from rewriter.generate.headings import core_heading, restates

    kw, nlp = ctx.plan.keyword, french()
    lo = ctx.settings.min_subheading_keyword_share

    def short() -> bool:
        headed = [s for s in draft.sections if s.level in (2, 3)]
        holding = [s for s in headed if share_in(kw, nlp(s.heading)) >= 0.5]
        return bool(headed) and 100 * len(holding) < lo * len(headed)

    changed = False
    i = 0
    while short() and i < len(draft.sections):
        section = draft.sections[i]
        i += 1
        if section.role != "body" or len(section.paragraphs) < 2:
            continue
        for k, paragraph in enumerate(section.paragraphs[1:], start=1):
            first = next(iter(sentence_spans(nlp(paragraph.text))), None)
            if first is None or paragraph.kind != "paragraph":
                continue
            heading = core_heading(first, used, kw)
            if not heading or restates(heading, first.text):
                continue
            tail = section.paragraphs[k:]
            text = " ".join(p.text for p in tail)
            if ctx.writer.gate.refusals(heading, first.text, sentences=False, fluency=False):
                continue
            section.paragraphs = section.paragraphs[:k]
            section.source_text = " ".join(p.text for p in section.paragraphs)
            used.add(heading_key(heading))
            draft.sections.insert(i, Section(heading, 3, tail, source_text=text))
            changed = True
            break
    return changed


def _says(heading: str) -> bool:
    """The heading is a clause (« Huit projets ont été sélectionnés »), not a label."""
    return any("Fin" in t.morph.get("VerbForm", []) for t in french()(heading))
