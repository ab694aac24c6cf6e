"""The SEO fields: title (keyword first), meta description, slug."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rewriter.analysis.keyword import Keyword, count_in, starts_with
from rewriter.analysis.nlp import french
from rewriter.analysis.words import is_content, lower_initial
from rewriter.generate import outline, prompts
from rewriter.generate.leads import noun_phrase
from rewriter.generate.text import capitalise, keyword_label, without_connector
from rewriter.generate.titles import closed, dangling, hoisted_titles, robotic
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan
from rewriter.plan.growth import leans
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
    nlp = french()
    label = keyword_label(kw)
    candidates = (
        [title, _trim_to(title, settings.max_title_chars)] if starts_with(kw, nlp(title)) else []
    )
    candidates += _clauses_from_keyword(title, kw)
    candidates += hoisted_titles(title, kw, settings.max_title_chars)
    # A lead sentence opening on the keyword, cut at a clause: « L'économie américaine est
    # entrée en récession » says more than « Économie : l'économie américaine ».
    for s in plan.lead[:2]:
        text = s.text.rstrip(".")
        if starts_with(kw, nlp(text)):
            candidates += [_shorten(text, settings.max_title_chars)]
    rest = _without_keyword(title, kw)
    room = settings.max_title_chars - len(label) - 3
    candidates += [f"{label} : {r}" for r in (rest, _shorten(rest, room)) if r]
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
                candidates.append(f"{label} : {_lower(phrase.strip())}")
    for s in plan.lead[:2]:
        candidates += _clauses_from_keyword(s.text, kw)
    # No « Keyword : <a noun phrase of the lead> »: a label, and one that may say what the
    # source does not (« Spermatozoïdes : de minuscules crustacés »), nor the bare keyword.
    for candidate in candidates:
        candidate = candidate.strip(" :")
        if (
            len(label) < len(candidate) <= settings.max_title_chars
            and starts_with(kw, nlp(candidate))
            and not dangling(candidate)
            and not robotic(candidate)
        ):
            return candidate
    # No headline opens on the keyword: the desk's own headline, which still reads as one,
    # rather than a bare label (keyword_in_title then says so) — cut to fit only where the
    # cut leaves a headline, else whole (title_length then says so).
    trimmed = _trim_to(title, settings.max_title_chars)
    if len(trimmed.split()) >= 4 and balanced(trimmed):
        return trimmed
    return title or label


def _trim_to(text: str, limit: int) -> str:
    """`text` cut after a noun, a name or an adjective, within `limit` characters."""
    doc = french()(text)
    for end in range(len(doc), 0, -1):
        last = doc[end - 1]
        fits = len(doc[:end].text) <= limit
        if fits and last.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and closed(doc, end):
            return doc[:end].text
    return ""


def _lower(text: str) -> str:
    return lower_initial(text)


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
        if 3 <= len(head) <= limit:
            return head
    return ""


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

    source = f"Mot-clé : {kw.text}. Texte : {lead}"
    if writer.generator is not None and writer.generator.style == "instruct":
        limits = (settings.min_meta_chars, settings.max_meta_chars)
        text = outline.meta(writer, source, support, fits, limits, kw.text)
        if text is None:
            writer.fallback()
        return capitalise(text) if text else fallback_meta(plan, settings)
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
    return fallback_meta(plan, settings)


META_SENTENCES = 15  # how far into the article a meta without label may be looked for


def fallback_meta(plan: Plan, settings: Settings) -> str:
    """The lead's own sentences, cut at a clause to fit, holding the keyword; else a run of
    sentences further on that holds it and stands alone; else the lead with « Keyword : »
    in front (article 12: « Haine : à l'issue d'un long parcours… » before this)."""
    meta = _lead_meta(plan, settings)
    if not meta.startswith(f"{keyword_label(plan.keyword)} : "):
        return meta
    kw, nlp = plan.keyword, french()
    lo, hi = settings.min_meta_chars, settings.max_meta_chars
    further = [
        without_connector(s.text)
        for s in plan.sentences[6:META_SENTENCES]
        if balanced(s.text) and not s.has_quote and not leans(s)
    ]
    for start in range(len(further)):
        text = ""
        for s in further[start:]:
            text = f"{text} {s}".strip()
            if len(text) > hi:
                break
            if len(text) >= lo and count_in(kw, nlp(text)):
                return text
    return meta


def _lead_meta(plan: Plan, settings: Settings) -> str:
    kw = plan.keyword
    label = keyword_label(kw)
    nlp = french()
    # Not a sentence of a quotation that runs on into the next one (it would open a « »
    # the meta never closes).
    # A meta stands alone: « Mais contrairement à… » loses its « Mais ».
    sentences = [without_connector(s.text) for s in plan.sentences[:6] if balanced(s.text)]
    lo, hi = settings.min_meta_chars, settings.max_meta_chars

    def keyed(text: str) -> str:
        if count_in(kw, nlp(text)):
            return text
        return f"{label} : " + (lower_initial(text) if nlp(text)[0].pos_ != "PROPN" else text)

    def cut(text: str, how: Callable[[str, int, int], str]) -> str:
        """Cut `text`; when the cut loses the keyword, cut the keyword-led form instead."""
        out = how(keyed(text), lo, hi)
        if out and not count_in(kw, nlp(out)):
            forced = f"{label} : " + lower_initial(text)
            out = how(forced, lo, hi)
        return out

    # First the lead's own words holding the keyword where they stand (no label): a run of
    # sentences that fits and names it, or one cut at a clause that still names it.
    quoted = [s[:1] in '«"“' for s in sentences]
    for start in range(len(sentences)):
        if quoted[start] and not all(quoted):
            continue
        text = ""
        for s in sentences[start:]:
            candidate = f"{text} {s}".strip()
            if len(candidate) > hi:
                found = _cut_clause(candidate, lo, hi)
                if found and count_in(kw, nlp(found)):
                    return found
                break
            text = candidate
            if len(candidate) >= lo and count_in(kw, nlp(candidate)):
                return candidate
    best = ""
    for start in range(len(sentences)):
        if quoted[start] and not all(quoted):
            continue  # article 18: a meta that was a bare quotation, no one saying it
        text = ""
        for s in sentences[start:]:
            candidate = f"{text} {s}".strip()
            full = keyed(candidate)
            if len(full) > hi:
                found = cut(candidate, _cut_clause)
                if found:
                    return found
                break
            text = candidate
            best = full
            if len(full) >= lo:
                return full
    if len(best) < lo and sentences:
        # Nothing whole fits: the lead cut at a word, and an ellipsis says so.
        best = cut(" ".join(sentences[:3]), _cut_words) or best
    return best[:hi]


def _cut_clause(text: str, lo: int, hi: int) -> str:
    """The longest prefix of `text` within [lo, hi - 1] ending at a full stop; else before
    a conjunction; else at a comma — a prefix that still holds its sentence's main verb,
    subject and object (« le Parlement a adopté définitivement mercredi, via un vote… » is
    not a sentence: what it adopted is cut off)."""
    # (Never inside a number: « jusqu'à 4,6 fois » is not « jusqu'à 4. »)
    # Parsed without the « Keyword : » label, which the parser takes for the main clause.
    label = re.match(r"[^:.]{1,60} : ", text)
    offset = label.end() if label else 0
    doc = french()(text[offset:])
    patterns = (r"[;.](?= |$)", r" (?:et|mais|ou|alors que|tandis que) ", r",(?!\d)")
    for kind, pattern in enumerate(patterns):
        for match in sorted(re.finditer(pattern, text), key=lambda m: -m.start()):
            end = match.start()
            if end < offset or not (lo <= end + 1 <= hi and _whole_clause(doc, end - offset)):
                continue
            following = next((t for t in doc if t.idx > end - offset and not t.is_punct), None)
            if kind and following is not None and not _detachable(following, end - offset):
                continue
            return text[:end].rstrip() + "."
    return ""


def _detachable(first: Any, end: int) -> bool:
    """What follows a cut may go: a clause coordinated with one before (not « d'ores et
    déjà », not « reviennent et les risques »), a relative clause, an apposition — not a
    noun phrase that a verb before the cut governs (« a adopté mercredi, la proposition
    de loi » — a parse often labels that object an adjunct)."""
    if first.dep_ == "cc" or first.lower_ in ("alors", "tandis"):
        return first.head.pos_ in ("VERB", "AUX") or any(
            c.dep_ == "cop" for c in first.head.children
        )
    if first.pos_ in ("DET", "NOUN", "PROPN", "NUM"):
        governor = (first.head if first.dep_ in ("det", "nummod") else first).head
        while governor.is_punct and governor.head is not governor:
            governor = governor.head  # a parse may hang the object on the comma itself
        return not (governor.idx < end and governor.pos_ in ("VERB", "AUX"))
    return True


# What a word cannot be cut away from: its subject, object, auxiliary, a fixed phrase.
_CORE = ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "cop", "aux", "aux:tense", "aux:pass")
_BOUND = (*_CORE, "fixed", "flat:name", "det", "case", "mark")


def _whole_clause(doc: Any, end: int) -> bool:
    """Cutting `doc` at character `end` leaves whole clauses: no word before the cut
    depends on one after it (« Alors que la 73e édition a dû être annulée, » waits for its
    main clause), no word after it is the subject, object or auxiliary of one before
    (« le Parlement a adopté définitivement mercredi, » — adopted what?), and no quotation
    or fixed phrase (« d'ores et déjà ») is cut."""
    if not balanced(doc.text[:end]):
        return False
    before = [t for t in doc if t.idx < end]
    if any(t.head.idx >= end and not t.is_punct for t in before):
        return False
    # The last piece kept has a verb of its own: « … pas. Mercredi soir. » has not.
    last = next((s for s in doc.sents if s.start_char < end <= s.end_char + 1), None)
    if last is not None and not any("Fin" in t.morph.get("VerbForm") for t in last if t.idx < end):
        return False
    return not any(t.dep_ in _BOUND and t.head.idx < end for t in doc if t.idx >= end)


def _cut_words(text: str, lo: int, hi: int) -> str:
    """Last resort: cut at a word, after a content word, and say so with an ellipsis."""
    doc = french()(text[: hi - 1])
    for end in range(len(doc) - 1, 0, -1):  # the last token may be a cut word
        last = doc[end - 1]
        if last.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and lo <= last.idx + len(last) + 1:
            kept = text[: last.idx + len(last)]
            if kept.count("(") == kept.count(")") and balanced(kept):
                return kept + "…"  # never « (IAAF… » nor « "un scandale… »
    return ""


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
