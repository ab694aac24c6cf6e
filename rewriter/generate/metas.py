"""The meta description without the model: the lead's own words, cut only where a clause
is whole; else sentences further on that name the keyword and stand alone; else the lead
with the keyword as a label."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rewriter.analysis.keyword import count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.words import lower_initial
from rewriter.generate.text import capitalise, keyword_label, without_connector, without_leaning
from rewriter.plan import Plan, SourceSentence
from rewriter.plan.anaphora import known_forms, takes_up
from rewriter.plan.growth import leans, opens_on_pronoun
from rewriter.settings import Settings
from rewriter.transform.clauses import balanced

META_SENTENCES = 15  # how far into the article a meta without label may be looked for


def fallback_meta(plan: Plan, settings: Settings) -> str:
    """The lead's own sentences, cut at a clause to fit, holding the keyword; else a run of
    sentences further on that holds it and stands alone; else the lead with « Keyword : »
    in front (article 12: « Haine : à l'issue d'un long parcours… » before this). It ends
    as a sentence does: a paragraph the desk left without its full stop (article 29's
    « L'université Paris-8 est en grève ») gets one, where it fits."""
    meta = _meta(plan, settings)
    if meta[-1:].isalnum() and len(meta) < settings.max_meta_chars:
        return meta + "."
    return meta


def _meta(plan: Plan, settings: Settings) -> str:
    meta = _lead_meta(plan, settings)
    if not meta.startswith(f"{keyword_label(plan.keyword)} : "):
        return meta
    kw, nlp = plan.keyword, french()
    lo, hi = settings.min_meta_chars, settings.max_meta_chars
    # The lead sentence that names the keyword past the limit, without an incise a summary
    # may drop: « A l'issue d'un long parcours chaotique, le Parlement a adopté… » (article
    # 12 was « Haine : à l'issue d'un long parcours… », a label, however well the lead read).
    for k, lead in enumerate(plan.sentences[:3]):
        if not balanced(lead.text) or lead.unmarked_quote:
            continue
        if k and (_points_back(lead) or leans(lead)):
            continue
        for text in pruned(_news_clause(without_connector(lead.text, leaning=False))):
            if len(text) > hi:
                text = _cut_clause(text, lo, hi)
            if lo <= len(text) <= hi and count_in(kw, nlp(text)):
                return text
    further = [
        without_connector(s.text, leaning=False)
        for s in plan.sentences[6:META_SENTENCES]
        if balanced(s.text) and not s.has_quote and not leans(s)
    ]
    for start in range(len(further)):
        text = ""
        # Only the run's first sentence loses a leaning adverb (`text.without_leaning`):
        # the next ones lean on the sentence before them, which the meta holds.
        for s in [without_leaning(further[start]), *further[start + 1 :]]:
            text = f"{text} {s}".strip()
            if len(text) > hi:
                break
            if len(text) >= lo and count_in(kw, nlp(text)):
                return text
    return meta


_OPENING_QUOTE = re.compile(r'[«"“][^«»"“”]+[»"”]\s*:\s*(\S.+)')


_DEMONSTRATIVE = frozenset(("ce", "cet", "cette", "ces"))


def _news_clause(text: str) -> str:
    """« "Mardi matin, on sera prêt" : à Strasbourg, les salariés… » (article 27): a lead
    that opens on a quotation says its news after the colon, and that clause stands alone
    — the meta was « Maison Kammerzell : passer une seule fois du produit… » instead. So
    does a lead that opens on a list without a verb (« Le très attendu "The French
    Dispatch" de Wes Anderson, "Eté 85" de François Ozon… : Cannes a présenté mercredi sa
    "sélection officielle"… », article 13, whose meta was « Cannes : contrairement à… »)."""
    found = _OPENING_QUOTE.fullmatch(text)
    if found and balanced(found[1]):
        return capitalise(found[1])
    head, colon, tail = text.partition(" : ") if " : " in text else text.partition(": ")
    if not colon or not balanced(head) or not balanced(tail):
        return text
    before, after = french()(head), french()(tail)
    if any("Fin" in t.morph.get("VerbForm", []) for t in before):
        return text  # « Le constat est clair : il faut agir »: the head says something
    # The clause after it stands alone: a finite verb, opening on a noun or a name (not on
    # « il », « ce », which take up the head), long enough to carry the news.
    finite = any("Fin" in t.morph.get("VerbForm", []) for t in after)
    opens = after[0].pos_ in ("DET", "NOUN", "PROPN") and after[0].lower_ not in _DEMONSTRATIVE
    return capitalise(tail) if finite and opens and len(tail.split()) >= 8 else text


def _points_back(s: SourceSentence) -> bool:
    """`s` opens on a pronoun, or a demonstrative or possessive among its first words:
    what it says of « cette victoire » needs the sentence before."""
    first = list(s.span)[:5]
    return opens_on_pronoun(s) or any(
        "Dem" in t.morph.get("PronType") or t.morph.get("Poss") == ["Yes"] for t in first
    )


def _lead_meta(plan: Plan, settings: Settings) -> str:
    kw = plan.keyword
    label = keyword_label(kw)
    nlp = french()
    # Not a sentence of a quotation that runs on into the next one (it would open a « »
    # the meta never closes).
    # A meta stands alone: « Mais contrairement à… » loses its « Mais ».
    lead = [s for s in plan.sentences[:6] if balanced(s.text) and not s.unmarked_quote]
    sentences = [_news_clause(without_connector(s.text, leaning=False)) for s in lead]
    # A meta is read alone: it may open on the lead, never on a sentence that leans on
    # the one before (« Metz : grâce à cette victoire, les Finistériennes… », a fresh
    # article: which victory?).
    # Nor on one whose subject takes up what the sentences before named (« La transition,
    # orchestrée par "Apple Silicon", va prendre deux ans et la société… », article 10).
    known = known_forms(plan.title, kw.words)
    opens = [
        k == 0 or not (_points_back(s) or leans(s) or takes_up(s.span, known))
        for k, s in enumerate(lead)
    ]
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
    # sentences that fits and names it, or one cut at a clause that still names it — from
    # the first paragraph, which says the news; then the lead cut at a word; only then a
    # run from further on (article 04's meta was a side fact of its seventh sentence, « Propriété
    # du groupe du milliardaire Daniel Křetínský, le tabloïd Blesk note… », over its lead).
    quoted = [s[:1] in '«"“' for s in sentences]
    in_lead = sum(1 for s in plan.lead if balanced(s.text))
    found = _whole_run(
        sentences, quoted, opens, range(min(in_lead, len(sentences))), plan, settings
    )
    if found:
        return found
    # The lead's own words that name the keyword, cut at a word with an ellipsis, before
    # any « Keyword : » label (article 08's meta became « Paracétamol : en février, un
    # rapport… », a side fact under a label, once a shorter sentence fitted one).
    # Only a cut that keeps the lead's main clause says its news (« Le supercalculateur
    # japonais Fugaku, développé par… » says nothing yet, article 11): else a whole
    # sentence further on, then that cut.
    plain = _cut_words(" ".join(sentences[:3]), lo, hi) if sentences and opens[0] else ""
    plain = plain if plain and not quoted[0] and count_in(kw, nlp(plain)) else ""
    if plain and _keeps_main_clause(plain, sentences[0]):
        return plain
    found = _whole_run(sentences, quoted, opens, range(in_lead, len(sentences)), plan, settings)
    if found:
        return found
    if plain:
        return plain
    best = ""
    for start in range(len(sentences)):
        if (quoted[start] and not all(quoted)) or not opens[start]:
            continue  # article 18: a meta that was a bare quotation, no one saying it
        text = ""
        for s in [without_leaning(sentences[start]), *sentences[start + 1 :]]:
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


def _keeps_main_clause(cut: str, sentence: str) -> bool:
    """`cut` (ending « … ») holds the main verb of `sentence`, the first it cuts into,
    with its subject and its object or clause: « …a présenté lundi… » has not said what."""
    doc = french()(sentence)
    root = next(iter(doc.sents)).root
    kept = len(cut.rstrip("…"))
    core = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp")]
    return root.pos_ in ("VERB", "AUX") and all(t.idx + len(t) <= kept for t in [root, *core])


def _whole_run(
    sentences: list[str],
    quoted: list[bool],
    opens: list[bool],
    starts: range,
    plan: Plan,
    settings: Settings,
) -> str:
    """A run of the lead's sentences opening at one of `starts` that fits the meta's
    length and names the keyword, or one cut at a clause that still names it; else ""."""
    kw, nlp = plan.keyword, french()
    lo, hi = settings.min_meta_chars, settings.max_meta_chars
    for start in starts:
        if (quoted[start] and not all(quoted)) or not opens[start]:
            continue
        text = ""
        for s in [without_leaning(sentences[start]), *sentences[start + 1 :]]:
            candidate = f"{text} {s}".strip()
            if len(candidate) > hi:
                found = _cut_clause(candidate, lo, hi)
                if found and count_in(kw, nlp(found)):
                    return found
                break
            text = candidate
            if len(candidate) >= lo and count_in(kw, nlp(candidate)):
                return candidate
    return ""


# What a summary may drop between commas (or before the first): an adjunct, an adverbial
# clause, a participle or an adjective phrase, a relative clause set off by commas.
_DETACHABLE = frozenset(("obl:mod", "advmod", "advcl", "acl", "acl:relcl", "amod"))
# Never: who says it (the claim would become the meta's own), a negation, a quotation, a
# number, a place.
_KEEP = frozenset(("selon", "d'après", "ne", "n'", "pas", "jamais", "sans"))


def pruned(text: str) -> list[str]:
    """`text` (one sentence) without one of its detachable incises, then without all of
    them, the shortest last: each a whole sentence with the same main clause. An incise is
    a stretch between two commas (or before the first) that is one whole subtree hanging
    on a word outside it, with a dependency of `_DETACHABLE`."""
    doc = french()(text)
    commas = [t.i for t in doc if t.text == ","]
    end = len(doc) - (1 if len(doc) and doc[-1].is_punct else 0)
    spans = [(0, commas[0])] if commas else []
    spans += [(a + 1, b) for a, b in zip(commas, [*commas[1:], end], strict=False)]
    cuts: list[tuple[int, int]] = []
    for a, b in spans:
        inside = set(range(a, b))
        roots = [t for t in doc[a:b] if t.head.i not in inside or t.head is t]
        if (
            b - a < 2
            or len(roots) != 1
            or roots[0].dep_ not in _DETACHABLE
            or any(t.i not in inside and t.head.i in inside for t in doc if not t.is_punct)
            or any(t.lower_ in _KEEP or t.text in '«»"“”()' or t.pos_ == "NUM" for t in doc[a:b])
            or any(t.ent_type_ == "LOC" for t in doc[a:b])  # a place scopes the claim
        ):
            continue
        # the opening one with its comma; one in the middle with the commas around it
        after = b + 1 if a == 0 or (b < len(doc) and doc[b].text == ",") else b
        cuts.append((a if a == 0 else a - 1, after))
    out: list[str] = []
    for chosen in [*([c] for c in cuts), cuts if len(cuts) > 1 else []]:
        if not chosen:
            continue
        rest, last = "", 0
        for x, y in sorted(chosen):
            rest += text[last : doc[x].idx] + " "
            last = doc[y].idx if y < len(doc) else len(text)
        rest = re.sub(r"\s+", " ", rest + text[last:]).strip()
        out.append(capitalise(re.sub(r"\s+([,.])", r"\1", rest)))
    return sorted(set(out), key=lambda t: -len(t))


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
            return text[:end].rstrip(" ,;:") + "."
    return ""


def _detachable(first: Any, end: int) -> bool:
    """What follows a cut may go: a clause coordinated with one before (not « d'ores et
    déjà », not « reviennent et les risques »), a relative clause, an apposition — not a
    noun phrase that a verb before the cut governs (« a adopté mercredi, la proposition
    de loi » — a parse often labels that object an adjunct)."""
    if first.dep_ == "cc" or first.lower_ in ("alors", "tandis"):
        return (
            first.head.pos_ in ("VERB", "AUX")
            or any(c.dep_ == "cop" for c in first.head.children)
            or _distributive(first)
        )
    if first.pos_ in ("DET", "NOUN", "PROPN", "NUM"):
        governor = (first.head if first.dep_ in ("det", "nummod") else first).head
        while governor.is_punct and governor.head is not governor:
            governor = governor.head  # a parse may hang the object on the comma itself
        return not (governor.idx < end and governor.pos_ in ("VERB", "AUX"))
    return True


def _distributive(cc: Any) -> bool:
    """« condamné à dix-huit mois de prison [et à cinq ans d'inéligibilité] »: the second
    of two complements that repeat their preposition, each true alone — so the first may
    end the meta. Only a verb's complements: « les ministères de l'Economie [et de la
    Santé] » would say one ministry spoke (article 08). Not « entre A et B »."""
    second, first = cc.head, cc.head.head
    if second.dep_ != "conj" or first.i >= cc.i or not first.dep_.startswith("obl"):
        return False
    case = [c.lower_ for c in second.children if c.dep_ == "case"]
    return (
        bool(case)
        and case == [c.lower_ for c in first.children if c.dep_ == "case"]
        and "entre" not in case
    )


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
