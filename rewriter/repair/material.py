"""Growth: material to reach the word target from the source's own facts — key points,
then questions answered by the source's sentences — and the « sur la médiathèque » the
headings it adds name their subject with."""

from __future__ import annotations

from typing import Any

from rewriter.analysis.keyword import count_in
from rewriter.analysis.nlp import french
from rewriter.draft import Draft, Paragraph, Section
from rewriter.generate.headings import states
from rewriter.generate.sentences import write_sentence
from rewriter.plan import Plan
from rewriter.plan.growth import key_points, questions
from rewriter.repair.context import Context
from rewriter.verify import grammalecte
from rewriter.verify.omissions import lost_facts
from rewriter.verify.support import quotes_in

GROWTH_SEED = 1000  # growth sections rephrase facts with other sampling than the body


def add_material(draft: Draft, ctx: Context) -> bool:
    """Grow with the source's own facts: key points first, then questions and answers."""
    roles = {s.role for s in draft.sections}
    if "keypoints" not in roles:
        items = _key_points(ctx, _stated(draft, ctx.plan), {})
        if items:
            heading = f"Ce qu'il faut retenir {about(ctx.plan)}".strip()
            draft.sections.append(Section(heading, 2, items, role="keypoints"))
            return True
    if "faq" not in roles:
        answered: list[Section] = []
        summarised = {
            p.source
            for s in draft.sections
            if s.role == "keypoints"
            for p in s.paragraphs
            if p.source is not None
        }
        for q in questions(ctx.plan, exclude=summarised | _stated(draft, ctx.plan)):
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


def restated_key_points(draft: Draft, ctx: Context) -> bool:
    """A subheading a repair added after the key points (an H3 over a paragraph whose lead
    names the keyword) may state one of them: « La préfecture de l'Ariège a réagi » over
    the paragraph that opens on it, and the same sentence again as a key point (article
    26). The key points are chosen again without it; those still chosen stay as written."""
    stated = _stated(draft, ctx.plan)
    for section in draft.sections:
        if section.role != "keypoints":
            continue
        kept = {p.source: p for p in section.paragraphs if p.source not in stated}
        if len(kept) == len(section.paragraphs):
            return False
        section.paragraphs = _key_points(ctx, stated, kept)
        if not section.paragraphs:  # every one is a subheading's now: no key points
            draft.sections.remove(section)
        return True
    return False


def _key_points(
    ctx: Context, stated: set[int], written: dict[int | None, Paragraph]
) -> list[Paragraph]:
    """One item per key point of the source (none a subheading states), each one sentence
    where one holds its facts; `written`: items already written, by source sentence."""
    items = []
    for s in key_points(ctx.plan, exclude=stated):
        if s.index in written:
            items.append(written[s.index])
            continue
        said = write_sentence(s, ctx.writer, ctx.settings, seed_offset=GROWTH_SEED, summary=True)
        # A key point is one sentence where one holds its facts: « Huit véhicules sur
        # dix étaient garés au mauvais endroit, a constaté la Ville. Celle-ci a dressé
        # le bilan du projet-pilote. » (article 28) says its point in the first.
        if len(said) > 1 and not lost_facts(french()(said[0]), s.span):
            said = said[:1]
        text = " ".join(said)
        if text:
            items.append(Paragraph([text], kind="item", source=s.index))
    return items


def _stated(draft: Draft, plan: Plan) -> set[int]:
    """The sentences a subheading of the body already states (`headings.states`): as a
    key point or an answer too, the article would say it three times — heading, section,
    summary (7 of the dev corpus's 31 deterministic outputs did)."""
    headings = [s.heading for s in draft.sections if s.level in (2, 3) and s.role == "body"]
    return {s.index for s in plan.sentences if any(states(h, s.span) for h in headings)}


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
    # Its words, « de » and « en » included: « sur la laiterie de Saint-Méen ».
    n = max(1, len(kw.words), sum(1 for t in french()(kw.text) if not t.is_punct))
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
