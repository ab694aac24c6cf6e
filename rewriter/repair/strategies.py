"""The repair table: check id -> a fix of the draft. A fix returns True when it changed
something; the loop re-checks after each round. No fix adds a fact: they split, move,
re-label with the keyword, or bring in more of the source's own material."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rewriter.analysis.findings import Report
from rewriter.analysis.keyword import count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words, lower_initial
from rewriter.draft import Draft, Paragraph, Section
from rewriter.generate.headings import heading_key, lead_heading, quote_heading
from rewriter.generate.labels import fallback_heading
from rewriter.generate.metas import fallback_meta
from rewriter.generate.sentences import gate_of, pieces, write_sentence
from rewriter.generate.seo import fallback_title, slug_for
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan
from rewriter.plan.growth import key_points, leans, questions, ties_back
from rewriter.repair.keyword_headings import balance_keyword_headings
from rewriter.settings import Settings
from rewriter.verify import grammalecte
from rewriter.verify.omissions import lost_facts
from rewriter.verify.support import quotes_in

GROWTH_SEED = 1000  # growth sections rephrase facts with other sampling than the body


@dataclass
class Context:
    plan: Plan
    writer: UnitWriter
    settings: Settings
    report: Report


Fix = Callable[[Draft, Context], bool]


def add_material(draft: Draft, ctx: Context) -> bool:
    """Grow with the source's own facts: key points first, then questions and answers."""
    roles = {s.role for s in draft.sections}
    if "keypoints" not in roles:
        items = []
        for s in key_points(ctx.plan):
            said = write_sentence(
                s, ctx.writer, ctx.settings, seed_offset=GROWTH_SEED, summary=True
            )
            # A key point is one sentence where one holds its facts: « Huit véhicules sur
            # dix étaient garés au mauvais endroit, a constaté la Ville. Celle-ci a dressé
            # le bilan du projet-pilote. » (article 28) says its point in the first.
            if len(said) > 1 and not lost_facts(french()(said[0]), s.span):
                said = said[:1]
            text = " ".join(said)
            if text:
                items.append(Paragraph([text], kind="item"))
        if items:
            heading = f"Ce qu'il faut retenir {about(ctx.plan)}".strip()
            draft.sections.append(Section(heading, 2, items, role="keypoints"))
            return True
    if "faq" not in roles:
        answered: list[Section] = []
        summarised = {s.index for s in key_points(ctx.plan)}
        for q in questions(ctx.plan, exclude=summarised):
            sentences: list[str] = []
            for s in q.answer:
                sentences += write_sentence(
                    s, ctx.writer, ctx.settings, seed_offset=2 * GROWTH_SEED, summary=True
                )
            if sentences:
                asked = _naming(q.text, q.answer, ctx)
                answered.append(Section(asked, 3, [Paragraph(sentences)], role="question"))
        if answered:
            heading = f"Questions fréquentes {about(ctx.plan)}".strip()
            draft.sections += [Section(heading, 2, role="faq"), *answered]
            return True
    draft.notes.append(
        "Objectif de longueur non atteint : toute la matière de la source est déjà utilisée, "
        "et rien n'est inventé pour compléter."
    )
    return False


# Questions asked of the whole article: read alone (a search engine's « other questions »,
# an FAQ block), « Quels sont les chiffres clés ? » says not of what.
_OF_WHAT = ("Quels sont les chiffres clés ?", "Que disent les personnes citées ?")


def _naming(question: str, answer: list[Any], ctx: Context) -> str:
    """« Quels sont les chiffres clés sur le paracétamol ? » where the answer names the
    keyword — the question then says what its answer is about; one whose answer never
    names it stays as asked, never promising what its answer does not say. What people
    say about it names it inside their words: « Que disent les personnes citées sur Yann
    Quénet ? » was answered by Yann Quénet himself (article 19)."""
    subject, kw = about(ctx.plan), ctx.plan.keyword
    if question not in _OF_WHAT or not subject or not answer:
        return question
    if question == _OF_WHAT[1]:
        said = [q for s in answer for q in quotes_in(s.text)]
        if not any(count_in(kw, french()(q)) for q in said):
            return question
    elif not any(count_in(kw, s.span) for s in answer):
        return question
    named = f"{question[:-2]} {subject} ?"
    return question if grammalecte.errors_in(named) else named


_DETERMINERS = {"le": "le", "la": "la", "les": "les", "l'": "l'", "l’": "l’", "du": "le",
                "des": "les", "au": "le", "aux": "les"}  # fmt: skip


def about(plan: Plan) -> str:
    """« sur la médiathèque »: the keyword with the determiner the source gives it, for
    the headings growth adds (« Ce qu'il faut retenir sur la médiathèque »); "" when the
    source never gives it a definite one and it is not a name. A name goes bare only when
    the source never gives it a determiner: « en Ariège » comes first in article 26, yet
    the heading says « sur l'Ariège »."""
    kw = plan.keyword
    n = max(1, len(kw.words))
    bare = country = ""
    # A common noun the source always names with its « de » complement goes with the
    # first one (« sur le risque d'accident vasculaire cérébral »); said once without,
    # it goes bare (« le chômage » of article 05, not « le chômage de longue durée »).
    which = _always_with_complement(plan, n)
    for s in plan.sentences:
        tokens = list(s.span)
        for i in range(1, len(tokens) - n + 1):
            if not count_in(kw, tokens[i : i + n]):
                continue
            words = s.span.doc[tokens[i].i : tokens[i + n - 1].i + 1].text
            det = _DETERMINERS.get(tokens[i - 1].lower_)
            gender = tokens[i].morph.get("Gender")
            if det in ("le", "la") and gender and gender != (["Masc"] if det == "le" else ["Fem"]):
                continue  # « des fortes chaleurs » parsed as « le chaleur »: no agreement
            if det:
                joiner = "" if det.endswith(("'", "’")) else " "
                phrase = f"sur {det}{joiner}{words}{_complement(tokens, i + n) if which else ''}"
                if grammalecte.errors_in(f"Ce qu'il faut savoir {phrase}."):
                    continue  # « sur le chaleur »: Grammalecte knows the gender
                return phrase
            if tokens[i].pos_ == "PROPN" and tokens[i - 1].lower_ == "en" and not country:
                # « en Alsace », « en Tunisie »: a country or a region, which takes the
                # article a town does not (« à Vierzon »): « sur l'Alsace ».
                # (« la Hongrie », « la Haute-Garonne »: an h opening a place is aspirated.)
                det = "l'" if words[:1].lower() in "aeiouyéèêâîô" else "la "
                if not grammalecte.errors_in(f"Ce qu'il faut savoir sur {det}{words}."):
                    country = f"sur {det}{words}"
            if tokens[i].pos_ == "PROPN" and not bare:
                bare = f"sur {words}"
    return country or bare


def _always_with_complement(plan: Plan, n: int) -> bool:
    """The source names the keyword with a « de » complement the first time it gives it a
    definite determiner, and most times after (« la baisse du risque » may take it up
    once named)."""
    kw, said = plan.keyword, []
    for s in plan.sentences:
        tokens = list(s.span)
        for i in range(1, len(tokens) - n + 1):
            if count_in(kw, tokens[i : i + n]) and _DETERMINERS.get(tokens[i - 1].lower_):
                said.append(bool(_complement(tokens, i + n)))
    return bool(said) and said[0] and 2 * sum(said) > len(said)


def _complement(tokens: list[Any], at: int) -> str:
    """The « de » complement that says which one a common noun is, as the source gives it
    right after the keyword (« le risque [d'accident vasculaire cérébral] »): « Ce qu'il
    faut retenir sur le risque » says of what no more than a title cut would (a fresh
    article). Read on the words: « de », a determiner maybe, a noun or a name and its
    adjectives; "" after a name, or when none follows."""
    if at + 1 >= len(tokens) or tokens[at - 1].pos_ != "NOUN":
        return ""
    if tokens[at].lower_ not in ("de", "d'", "d’", "du", "des"):
        return ""
    end = at + 1
    if tokens[end].pos_ == "DET" and end + 1 < len(tokens):
        end += 1
    if tokens[end].pos_ not in ("NOUN", "PROPN"):
        return ""
    while end + 1 < len(tokens) and tokens[end + 1].pos_ == "ADJ":
        end += 1
    words = tokens[0].doc[tokens[at].i : tokens[end].i + 1]
    if len(words) > 5 or any(t.is_punct or t.like_num for t in words):
        return ""
    return f" {words.text}"


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
