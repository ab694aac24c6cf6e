"""The SEO fields: title (keyword first), meta description, slug."""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.keyword import Keyword, count_in, starts_with
from rewriter.analysis.nlp import french
from rewriter.analysis.words import is_content, lower_initial
from rewriter.generate import outline, prompts
from rewriter.generate.cuts import closed, heads_kept, keeps_news
from rewriter.generate.metas import fallback_meta
from rewriter.generate.phrases import noun_phrase
from rewriter.generate.text import capitalise, keyword_label
from rewriter.generate.titles import (
    after_colon,
    dangling,
    hoisted_titles,
    named_subject,
    robotic,
)
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan
from rewriter.settings import Settings
from rewriter.transform.clauses import balanced
from rewriter.verify.support import build_support


def title_for(plan: Plan, writer: UnitWriter, settings: Settings) -> str:
    """An SEO title that opens with the keyword, at most settings.max_title_chars long."""
    kw = plan.keyword
    label = keyword_label(kw)
    lead = plan.lead[0].text if plan.lead else ""
    source = f"Mot-clé : {kw.text}. Texte : {plan.title} {lead}"
    support = build_support(french()(f"{plan.title}. {lead}"), extra_text=kw.text)
    nlp = french()

    def fits(text: str) -> bool:
        return (
            len(text) <= settings.max_title_chars
            and starts_with(kw, nlp(text))
            and not dangling(text)
            and not robotic(text)
        )

    # Do no harm: the desk's headline, when it already opens on the keyword and fits,
    # stays as written — the default model made « Covid-19 et infox : comment une rumeur
    # devient réalité » (article 22, 55 characters) into « Covid-19 : une rumeur devient
    # réalité », a claim the headline does not make.
    headline = plan.title.strip().rstrip(".")
    if headline and fits(headline):
        writer.fallback()
        return headline
    if writer.generator is not None and writer.generator.style == "instruct":
        # A chat model proposes a few headlines at once; one call is its only chance.
        text = outline.title(writer, source, support, fits, settings.max_title_chars, label)
        if text is None:
            writer.fallback()
        return text.rstrip(". ") if text else fallback_title(plan, settings)
    text = writer.generate(
        prompts.TITLE,
        source,
        support,
        prefix=f"{label} :",
        min_words=3,
        max_words=12,
        max_tokens=24,
        accept=fits,
        where="titre",
    )
    if text is not None:
        return text.rstrip(". ")
    writer.fallback()
    return fallback_title(plan, settings)


def fallback_title(plan: Plan, settings: Settings) -> str:
    kw, title = plan.keyword, plan.title.strip().rstrip(".")
    nlp, limit = french(), settings.max_title_chars
    label = keyword_label(kw)
    # Each candidate with the text it is cut from: a cut may leave out circumstances,
    # never the news (`cuts.keeps_news`).
    candidates = (
        [title, *_cuts(title, limit), *_inner_cuts(title, limit)]
        if starts_with(kw, nlp(title))
        else []
    )
    clauses = _clauses_from_keyword(title, kw)
    # « À Vierzon, la piscine municipale fermera six mois [pour des travaux…] »
    candidates += clauses + [cut for c in clauses for cut in _cuts(c, settings.max_title_chars)]
    candidates += [named_subject(title, kw, settings.max_title_chars)]
    candidates += hoisted_titles(title, kw, settings.max_title_chars)
    pairs = [(c, title) for c in candidates]
    # A lead sentence opening on the keyword, cut at a clause: « L'économie américaine est
    # entrée en récession » says more than « Économie : l'économie américaine ».
    for s in plan.lead[:2]:
        text = s.text.rstrip(".")
        if starts_with(kw, nlp(text)):
            pairs.append((_shorten(text, settings.max_title_chars), text))
    rest = _without_keyword(title, kw)
    room = settings.max_title_chars - len(label) - 3
    pairs += [(f"{label} : {after_colon(r)}", title) for r in (rest, _shorten(rest, room)) if r]
    # The title's own subject, named after the keyword: « Sora : le générateur de texte-vidéo »
    title_doc = nlp(title)
    for token in title_doc:
        if token.dep_ in ("nsubj", "nsubj:pass") and token.pos_ == "NOUN":
            words = [
                t
                for t in noun_phrase(token)
                if not kw.words or not any(f in kw.words[0] for f in (t.lower_, t.lemma_.lower()))
            ]
            while words and words[-1].pos_ in ("ADP", "DET", "CCONJ", "PROPN"):
                words.pop()
            if sum(1 for t in words if is_content(t)) >= 2:
                phrase = title_doc[words[0].i : words[-1].i + 1].text
                phrase = re.sub(rf"\s*\b{re.escape(kw.text)}\b", "", phrase, flags=re.I)
                pairs.append((f"{label} : {after_colon(phrase.strip())}", title))
    for s in plan.lead[:2]:
        pairs += [(c, s.text) for c in _clauses_from_keyword(s.text, kw)]
    # No « Keyword : <a noun phrase of the lead> »: a label, and one that may say what the
    # source does not (« Spermatozoïdes : de minuscules crustacés »), nor the bare keyword.
    for candidate, source in pairs:
        candidate = candidate.strip(" :")
        if (
            len(label) < len(candidate) <= settings.max_title_chars
            and starts_with(kw, nlp(candidate))
            and not dangling(candidate)
            and not robotic(candidate)
            and keeps_news(candidate, source)
            # « Tunisie : parité hommes-femmes en Tunisie » (article 30): said twice
            and count_in(kw, nlp(candidate)) <= max(1, count_in(kw, nlp(source)))
        ):
            return candidate
    # No headline opens on the keyword: the desk's own headline, which still reads as one,
    # rather than a bare label (keyword_in_title then says so) — cut to fit only where the
    # cut leaves a headline, else whole (title_length then says so).
    # The longest cut that keeps the news: « La Californie assigne en justice Uber et
    # Lyft [sur le statut des chauffeurs] » when « …sur le statut » leaves « des
    # chauffeurs » out (article 07).
    for trimmed in [*_cuts(title, limit), *_inner_cuts(title, limit)]:
        if len(trimmed.split()) >= 4 and balanced(trimmed) and keeps_news(trimmed, title):
            return trimmed
    return title or label


def _cuts(text: str, limit: int) -> list[str]:
    """`text` cut after a noun, a name or an adjective, within `limit` characters,
    longest first — or after the headline's own participle, which says the news:
    « L'ancien maire de Saint-Aubin-des-Prés condamné [à dix-huit mois de prison avec
    sursis] » rather than « L'ancien maire de Saint-Aubin-des-Prés »."""
    doc = french()(text)
    out = []
    for end in range(len(doc), 0, -1):
        last = doc[end - 1]
        if len(doc[:end].text) > limit:
            continue
        ends_phrase = last.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and closed(doc, end)
        if ends_phrase or (_headline_participle(last) and heads_kept(doc, end)):
            out.append(doc[:end].text)
    return out


# Prepositions whose phrase says a circumstance a shorter title may leave out; not « de »
# (a noun's complement), « par » (the agent), « contre », « sans » or « en » (« assigne en
# justice »), which say what happened.
_CIRCUMSTANCE = frozenset(
    "à au aux dans sur pour avec depuis pendant après avant malgré dès".split()
)


def _inner_cuts(text: str, limit: int) -> list[str]:
    """`text` without one circumstance inside it, read on the words: a preposition, its
    noun and the « de » complements that follow, up to the next phrase — « Rugby: le
    public massivement présent [à la réouverture des stades] en Nouvelle-Zélande ». Never
    a name or a number (who, where, how many), a verb or what opens the headline; longest
    first. Whether the rest still says the news, `keeps_news` judges."""
    doc = french()(text)
    out = []
    for start, token in enumerate(doc):
        if token.lower_ not in _CIRCUMSTANCE or start == 0 or doc[start - 1].is_punct:
            continue
        end = start + 1
        while end < len(doc) and (
            doc[end].pos_ in ("DET", "ADJ", "NOUN")
            or doc[end].lower_ in ("de", "des", "du", "d'", "d’")
        ):
            end += 1
        phrase = doc[start:end]
        if end == len(doc) or not any(t.pos_ == "NOUN" for t in phrase):
            continue  # at the end, a plain cut does it
        if doc[end - 1].pos_ != "NOUN" or not (doc[end].pos_ == "ADP" or doc[end].is_punct):
            continue  # the phrase stops where another begins, never inside a name
        cut = (doc[:start].text_with_ws + doc[end:].text).strip()
        if len(cut) <= limit:
            out.append(cut)
    return sorted(out, key=len, reverse=True)


def _headline_participle(token: Any) -> bool:
    """`token` is the past participle that makes a nominal headline a statement (« X
    condamné à… », « Y retrouvé… »): it describes the headline's head noun and has no
    object it would leave behind."""
    return (
        token.pos_ == "VERB"
        and "Part" in token.morph.get("VerbForm")
        and "Past" in token.morph.get("Tense")
        and token.dep_ == "acl"
        and token.head.dep_ == "ROOT"
        and not any(c.dep_ in ("obj", "xcomp", "ccomp") for c in token.children)
    )


def _clauses_from_keyword(text: str, kw: Keyword) -> list[str]:
    """« À X, la médiathèque ouvrira désormais jusqu'à 22 heures » -> « La médiathèque
    ouvrira désormais jusqu'à 22 heures »: the clause that opens on the keyword."""
    doc = french()(text.rstrip("."))
    out = []
    for token in doc:
        if token.i and doc[token.i - 1].text in (",", ":") and starts_with(kw, doc[token.i :]):
            clause = doc[token.i :].text
            for cut in (clause, clause.split(",")[0]):
                out.append(capitalise(cut.strip(" ,;:")))
    return out


def _without_keyword(title: str, kw: Keyword) -> str:
    doc = french()(title)
    if count_in(kw, doc) and starts_with(kw, doc):
        content = [t for t in doc if is_content(t)]
        cut = content[len(kw.words) - 1].i + 1 if len(content) >= len(kw.words) else 0
        rest = "".join(t.text_with_ws for t in doc[cut:]).strip(" :,-–")
        return rest or title
    return lower_initial(title) if doc[0].pos_ != "PROPN" else title


def _shorten(text: str, limit: int) -> str:
    """Cut `text` at a phrase boundary (comma, colon, conjunction) to fit `limit`."""
    if len(text) <= limit:
        return text
    for sep in (" : ", ": ", ", ", " – ", " - ", " et ", " mais "):
        head = text.split(sep)[0]
        if sep == " et " and not _joins_clauses(text, len(head)):
            continue  # « Uber [et Lyft] »: half a list says less, or something else
        if 3 <= len(head) <= limit:
            return head
    return ""


def _joins_clauses(text: str, at: int) -> bool:
    """The « et » at character `at` of `text` coordinates two clauses, not two names."""
    for token in french()(text):
        if token.idx >= at and token.lower_ == "et":
            conj = token.head  # the second term; a clause's is its verb, or its subject
            verbal = ("VERB", "AUX")
            return conj.pos_ in verbal or (conj.dep_ == "conj" and conj.head.pos_ in verbal)
    return False


def meta_for(plan: Plan, writer: UnitWriter, settings: Settings) -> str:
    """A meta description of settings.min/max_meta_chars holding the keyword once."""
    kw = plan.keyword
    label = keyword_label(kw)
    lead = " ".join(s.text for s in plan.lead[:3])
    support = build_support(french()(f"{plan.title}. {lead}"), extra_text=kw.text)
    nlp = french()

    def fits(text: str) -> bool:
        return (
            settings.min_meta_chars <= len(text) <= settings.max_meta_chars
            and 1 <= count_in(kw, nlp(text)) <= 2
        )

    # Do no harm: the lead's own sentences, cut at a clause, when they fit and hold the
    # keyword without a label. The default model's summary of the lead can swap who did
    # what with every word the source's (article 04: « le ministre Roman Prymula a fait
    # savoir à son premier ministre que le premier ministre n'y a pas été »).
    own = fallback_meta(plan, settings)
    if fits(own) and not own.startswith(f"{label} :"):
        writer.fallback()
        return own
    source = f"Mot-clé : {kw.text}. Texte : {lead}"
    if writer.generator is not None and writer.generator.style == "instruct":
        limits = (settings.min_meta_chars, settings.max_meta_chars)
        text = outline.meta(writer, source, support, fits, limits, kw.text)
        if text is None:
            writer.fallback()
        return capitalise(text) if text else own
    text = writer.generate(
        prompts.META,
        source,
        support,
        prefix=f"{label} :",
        min_words=12,
        max_words=30,
        max_tokens=64,
        accept=fits,
        where="méta description",
    )
    if text is not None:
        # The prompt opens the meta on « Keyword : »; when the rest names the keyword
        # anyway (« Droite : la droite va devoir… »), the label only repeats it.
        rest = text[len(label) + 2 :].strip() if text.startswith(f"{label} :") else ""
        if rest and count_in(kw, nlp(rest)) and settings.min_meta_chars <= len(rest):
            return capitalise(rest)
        return text
    writer.fallback()
    return own


def slug_for(keyword: Keyword, title: str) -> str:
    from slugify import slugify

    stop = {
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "d",
        "a",
        "au",
        "aux",
        "et",
        "en",
        "pour",
        "sur",
        "par",
        "dans",
        "ce",
        "ces",
        "son",
        "sa",
        "ses",
        "qui",
    }
    words = slugify(keyword.text).split("-")
    for word in slugify(title).split("-"):
        if word not in stop and word not in words and len(words) < 6:
            words.append(word)
    return "-".join(words)[:70].strip("-")
