"""Write every unit of the draft: sentences, headings, title, meta description, slug."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rewriter.analysis.keyword import Keyword, count_in, starts_with
from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words, is_content
from rewriter.draft import Draft, Paragraph, Section
from rewriter.generate import prompts
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan, SourceSentence
from rewriter.settings import Settings
from rewriter.transform.clauses import SPLITTERS, sentence, variants
from rewriter.verify.support import build_support, flat

MAX_HEADING_CHARS = 70
SPLIT_WORDS = 16


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def keyword_label(keyword: Keyword) -> str:
    return capitalise(keyword.text)


# --- sentences -----------------------------------------------------------------------


def pieces(span: Any, max_words: int) -> list[str]:
    """The sentence, split at clause boundaries while a piece is over `max_words`."""
    todo, done = [span], []
    while todo:
        current = todo.pop(0)
        if count_words(current.text) <= max_words:
            done.append(current.text.strip())
            continue
        parts: list[str] = []
        for split in SPLITTERS:
            parts = [p for p in split(current) if any(c.isalnum() for c in p)]
            if len(parts) > 1 and all(count_words(p) < count_words(current.text) for p in parts):
                break
            parts = []
        if not parts:
            done.append(current.text.strip())
            continue
        nlp = french()
        todo = [nlp(part)[:] for part in parts] + todo
    return done


def write_sentence(
    source: SourceSentence,
    writer: UnitWriter,
    settings: Settings,
    *,
    seed_offset: int = 0,
    summary: bool = False,
) -> list[str]:
    """Output sentences for one source sentence: generated where the guard accepts them,
    else the source's own words, split and reordered by the parse."""
    support = build_support(source.span.as_doc())
    if source.quoted:
        # Inside a quotation: word for word, never split, never sent to the model; only a
        # quotation whole in this sentence may have its attribution moved.
        verbatim = source.text
        whole = verbatim.count("«") == verbatim.count("»") > 0
        if whole:
            options = [v for v in variants(source.span) if flat(v) not in writer.used]
            verbatim = options[0] if options else verbatim
        writer.fallback()
        writer.used.add(flat(verbatim))
        writer.frozen.add(verbatim)
        return [verbatim]
    out: list[str] = []
    limit = settings.max_sentence_words
    # Clause splits are faithful rewriting: applied from SPLIT_WORDS on, not only past the
    # readability limit, they make shorter sentences and less copied text.
    for piece in pieces(source.span, min(limit, SPLIT_WORDS)):
        text: str | None = None
        # Quoted phrases stay word for word: the guard's `keep` rejects any rewrite that
        # alters or drops one. An unbalanced piece (a cut quotation) is never generated.
        quoted = not (piece.count("«") == piece.count("»") and piece.count('"') % 2 == 0)
        if count_words(piece) > limit and not quoted and not summary:
            halves = _split_with_model(piece, support, writer, limit, source.index, seed_offset)
            if halves:
                out += halves
                continue
        if not quoted:
            saved, writer.seed = writer.seed, writer.seed + seed_offset
            if summary:  # key points and answers: shorter, and never the body's words again
                text = writer.generate(
                    prompts.SHORTEN,
                    piece,
                    support,
                    min_words=5,
                    max_words=min(limit, max(5, count_words(piece) - 2)),
                    max_tokens=min(96, 2 * count_words(piece) + 16),
                    accept=lambda t: flat(t) not in writer.used,
                    where=f"résumé {source.index + 1}",
                )
            else:
                text = writer.generate(
                    prompts.SENTENCE,
                    piece,
                    support,
                    min_words=max(3, count_words(piece) // 2),
                    max_words=max(limit, count_words(piece) + 2),
                    max_tokens=min(160, 2 * count_words(piece) + 24),
                    where=f"phrase {source.index + 1}",
                    keep=french()(piece),
                )
            writer.seed = saved
        if text is not None and flat(text) in writer.used:
            text = None  # already in the article (a growth section repeating the body)
        if text is None:
            writer.fallback()
            options = variants(french()(piece)[:], shorten=summary)
            fresh = [v for v in options if flat(v) not in writer.used]
            # A summary prefers words the body has not used; when the parse offers no other
            # faithful form, it restates the fact as the body did (still the source's fact).
            text = fresh[0] if fresh else options[-1]
        writer.used.add(flat(text))
        out.append(text)
    return out


def _split_with_model(
    piece: str, support: Any, writer: UnitWriter, limit: int, index: int, seed_offset: int
) -> list[str]:
    """A long sentence the parse could not split, cut in two by the model — verified."""
    nlp = french()

    def short(text: str) -> bool:
        parts = [s.text for s in nlp(text).sents]
        return len(parts) >= 2 and all(count_words(p) <= limit + 2 for p in parts)

    saved, writer.seed = writer.seed, writer.seed + seed_offset
    text = writer.generate(
        prompts.SPLIT,
        piece,
        support,
        min_words=count_words(piece) - 4,
        max_words=count_words(piece) + 8,
        accept=short,
        max_tokens=2 * count_words(piece) + 30,
        keep=nlp(piece),
        where=f"phrase {index + 1}",
    )
    writer.seed = saved
    if text is None:
        return []
    from rewriter.analysis.sentences import sentence_spans

    return [sentence(s.text) for s in sentence_spans(nlp(text))]


# --- headings ------------------------------------------------------------------------


def heading_for(source_text: str, writer: UnitWriter, used: set[str]) -> str:
    """A heading faithful to its section: generated, else the section's salient phrase."""
    support = build_support(french()(source_text))
    excerpt = " ".join(source_text.split()[:60])

    def fits(text: str) -> bool:
        return (
            len(text) <= MAX_HEADING_CHARS
            and text.rstrip()[-1:] not in ".!?"
            and _key(text) not in used
        )

    text = writer.generate(
        prompts.HEADING,
        excerpt,
        support,
        min_words=2,
        max_words=10,
        max_tokens=24,
        accept=fits,
        where="intertitre",
    )
    if text is None:
        writer.fallback()
        text = fallback_heading(source_text, used)
    text = capitalise(text.rstrip(" .:;"))
    used.add(_key(text))
    return text


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_CUT_DEPS = ("acl", "acl:relcl", "appos", "advcl", "ccomp", "parataxis", "conj", "cc")


def _phrase(token: Any) -> list[Any]:
    """A noun with its determiner, adjectives and « de » complements, clauses left out."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CUT_DEPS or child.is_punct:
            continue
        out.extend(_phrase(child))
    return sorted(out, key=lambda t: t.i)


def fallback_heading(source_text: str, used: set[str]) -> str:
    """The section's most telling noun phrase not used yet (« Un système de retour
    automatique des livres »): subjects and objects first, then the rest."""
    doc = french()(source_text)
    quoted = [m.span() for m in re.finditer(r"«[^»]*»|\"[^\"]*\"", doc.text)]
    lemma_counts: dict[str, int] = {}
    for token in doc:
        if token.pos_ == "NOUN":
            lemma_counts[token.lemma_] = lemma_counts.get(token.lemma_, 0) + 1
    scored: list[tuple[float, str]] = []
    for token in doc:
        if token.pos_ != "NOUN" or any(a <= token.idx < b for a, b in quoted):
            continue
        words = _phrase(token)
        while words and words[0].pos_ in ("ADP", "CCONJ"):
            words.pop(0)
        while words and words[-1].pos_ in ("ADP", "DET", "CCONJ"):
            words.pop()
        if not words or words[-1].i - words[0].i + 1 != len(words):
            continue  # not a contiguous phrase
        text = doc[words[0].i : words[-1].i + 1].text.strip(" ,;:.")
        content = [t for t in words if is_content(t)]
        if (
            any(t.like_num or t.text in '«»"()' for t in words)
            or words[0].lower_
            in (
                "tout",
                "toute",
                "tous",
                "toutes",
                "ce",
                "cette",
                "ces",
                "cet",
                "son",
                "sa",
                "ses",
                "leur",
                "leurs",
            )
            or not 2 <= len(text.split()) <= 8
            or not 1 <= len(content) <= 5
        ):
            continue
        role = 1.5 if token.dep_ in ("nsubj", "nsubj:pass", "obj") else 0.0
        score = (
            lemma_counts.get(token.lemma_, 0) + 1.2 * min(len(content), 3) + role - 0.01 * token.i
        )
        if words[0].lower_ in ("un", "une", "des"):
            text = " ".join(text.split()[1:])  # « Système de retour automatique des livres »
        scored.append((score, text))
    for _, text in sorted(scored, key=lambda x: -x[0]):
        text = capitalise(text)
        if _key(text) not in used and len(text) <= MAX_HEADING_CHARS and len(text.split()) > 1:
            return text
    return capitalise(" ".join(source_text.split()[:6]).rstrip(",;:."))


# --- title, meta, slug ---------------------------------------------------------------


def title_for(plan: Plan, writer: UnitWriter, settings: Settings) -> str:
    """An SEO title that opens with the keyword, at most settings.max_title_chars long."""
    kw = plan.keyword
    label = keyword_label(kw)
    lead = plan.lead[0].text if plan.lead else ""
    source = f"Mot-clé : {kw.text}. Texte : {plan.title} {lead}"
    support = build_support(french()(f"{plan.title}. {lead}"), extra_text=kw.text)
    nlp = french()

    def fits(text: str) -> bool:
        return len(text) <= settings.max_title_chars and starts_with(kw, nlp(text))

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
    rest = _without_keyword(title, kw)
    room = settings.max_title_chars - len(label) - 3
    candidates += [f"{label} : {r}" for r in (rest, _shorten(rest, room)) if r]
    # The title's own subject, named after the keyword: « Sora : le générateur de texte-vidéo »
    title_doc = nlp(title)
    for token in title_doc:
        if token.dep_ in ("nsubj", "nsubj:pass") and token.pos_ == "NOUN":
            words = [
                t
                for t in _phrase(token)
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
    for phrase in _phrases(" ".join(s.text for s in plan.lead)):
        candidates.append(f"{label} : {phrase}")
    candidates.append(label)
    for candidate in candidates:
        candidate = candidate.strip(" :")
        if len(label) < len(candidate) <= settings.max_title_chars and starts_with(
            kw, nlp(candidate)
        ):
            return candidate
    return label[: settings.max_title_chars]


def _trim_to(text: str, limit: int) -> str:
    """`text` cut after a noun, a name or an adjective, within `limit` characters."""
    doc = french()(text)
    for end in range(len(doc), 0, -1):
        last = doc[end - 1]
        if len(doc[:end].text) <= limit and last.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            return doc[:end].text
    return ""


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


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
    return title[:1].lower() + title[1:] if doc[0].pos_ != "PROPN" else title


def _shorten(text: str, limit: int) -> str:
    """Cut `text` at a phrase boundary (comma, colon, conjunction) to fit `limit`."""
    if len(text) <= limit:
        return text
    for sep in (" : ", ": ", ", ", " – ", " - ", " et ", " mais "):
        head = text.split(sep)[0]
        if 3 <= len(head) <= limit:
            return head
    return ""


def _phrases(text: str) -> Iterable[str]:
    doc = french()(text)
    for chunk in sorted(doc.noun_chunks, key=lambda c: -len(c)):
        words = [t for t in chunk if not t.is_punct]
        if 2 <= len(words) <= 7:
            yield "".join(t.text_with_ws for t in words).strip()


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
        return text
    writer.fallback()
    return fallback_meta(plan, settings)


def fallback_meta(plan: Plan, settings: Settings) -> str:
    """« Keyword : » followed by the lead's own sentences, cut at a clause to fit."""
    kw = plan.keyword
    label = keyword_label(kw)
    nlp = french()
    sentences = [s.text for s in plan.sentences[:6]]
    lo, hi = settings.min_meta_chars, settings.max_meta_chars
    best = ""
    for start in range(len(sentences)):
        text = ""
        for s in sentences[start:]:
            candidate = f"{text} {s}".strip()
            prefix = "" if count_in(kw, nlp(candidate)) else f"{label} : "
            full = prefix + (
                candidate[:1].lower() + candidate[1:]
                if prefix and nlp(candidate)[0].pos_ != "PROPN"
                else candidate
            )
            if len(full) > hi:
                cut = _cut_clause(full, lo, hi)
                if cut:
                    return cut
                break
            text = candidate
            best = full
            if len(full) >= lo:
                return full
    return best[:hi]


def _cut_clause(text: str, lo: int, hi: int) -> str:
    """The longest prefix of `text` ending at a comma or full stop, within [lo, hi - 1]."""
    for match in sorted(re.finditer(r"[,;.]", text), key=lambda m: -m.start()):
        end = match.start()
        if lo <= end + 1 <= hi:
            return text[:end].rstrip() + "."
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


# --- the draft -----------------------------------------------------------------------


def write_draft(
    plan: Plan, writer: UnitWriter, settings: Settings, on_progress: Any = None
) -> Draft:
    draft = Draft(title="", keyword=plan.keyword.text)
    total = len(plan.sentences)
    done = 0

    def paragraph(sentences: list[SourceSentence]) -> Paragraph:
        nonlocal done
        out: list[str] = []
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
        draft.sections.append(
            Section(
                heading=heading_for(heading_source, writer, used),
                paragraphs=[paragraph(p) for p in section.paragraphs],
                source_text=section.text,
            )
        )
    draft.seo_title = title_for(plan, writer, settings)
    draft.title = draft.seo_title
    draft.meta = meta_for(plan, writer, settings)
    draft.slug = slug_for(plan.keyword, draft.seo_title)
    return draft
