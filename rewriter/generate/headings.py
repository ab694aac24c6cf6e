"""Section headings: generated when the model names the section, else its key noun phrase."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rewriter.analysis.keyword import Keyword, count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.words import (
    STANDING_FOR,
    is_content,
    leaning_determiner,
    lower_initial,
    points_back,
    token_forms,
)
from rewriter.generate import prompts
from rewriter.generate.leads import (
    HEADING_CHARS,
    HEADING_WORDS,
    after_apposition,
    clause_core,
    with_keyword_complement,
    words_of,
)
from rewriter.generate.text import capitalise
from rewriter.generate.units import UnitWriter
from rewriter.verify.support import build_support

MAX_HEADING_CHARS = HEADING_CHARS
SOURCE_HEADING_CHARS = 100
KEYWORD_HEADING_EXTRA = 12  # two words more, for a heading that names the keyword
LEAD_SENTENCES = 3  # a section's lead, where its new heading comes from


def heading_for(source_text: str, writer: UnitWriter, used: set[str]) -> str:
    """A heading faithful to its section: the core of its lead (who does what, in the
    section's words), else generated, else the section's salient phrase. The lead comes
    first: the default model's verified headings were labels (« Le supercalculateur
    américain Summit » over a section on Fugaku topping the list) where the lead says
    « Fugaku est arrivé en tête »."""
    lead = lead_heading(source_text, used)
    if lead:
        writer.fallback()
        used.add(heading_key(lead))
        return lead
    support = build_support(french()(source_text))
    excerpt = " ".join(source_text.split()[:60])

    def fits(text: str) -> bool:
        return fits_heading(text, used)

    text = writer.generate(
        prompts.HEADING,
        excerpt,
        support,
        min_words=3,  # « La directrice » is a label; a heading says what the section says
        max_words=10,
        max_tokens=24,
        accept=lambda t: fits(t) and said_in_one_sentence(t, source_text),
        where="intertitre",
    )
    if text is None:
        from rewriter.generate.labels import fallback_heading

        writer.fallback()
        text = quote_heading(source_text, used) or fallback_heading(source_text, used)
    text = capitalise(text.rstrip(" .:;"))
    used.add(heading_key(text))
    return text


def fits_heading(text: str, used: set[str]) -> bool:
    """Short, not a sentence, not a heading the article already has, and it says
    something: a verb, or three content words. The default model's verified headings
    included labels (« Le ministre de la Santé », the keyword alone, over a section on
    the calls to resign; « Le vice-Premier ministre »): a model-written heading that only
    names someone is refused, and the section's lead, quotation or phrase is used."""
    return (
        len(text) <= MAX_HEADING_CHARS
        and text.rstrip()[-1:] not in ".!?"
        and not taken(text, used)
        and says_something(text)
    )


def said_in_one_sentence(heading: str, source_text: str) -> bool:
    """A heading that states something (a finite verb) is said by one sentence of its
    section: every content word of it, by its lemma or form, in that one sentence. The
    default model stitched two into a claim neither makes (« Le retour en arrière s'impose
    pour l'ONG Greenpeace », from « Un retour en arrière s'impose. » and « …l'ONG
    Greenpeace se trouve privée de son combat historique », article 09); a word-level
    support check passes that. A label states nothing and is not held to it."""
    from rewriter.analysis.sentences import sentence_spans

    nlp = french()
    if not any("Fin" in t.morph.get("VerbForm", []) for t in nlp(heading)):
        return True
    return any(states(heading, sent) for sent in sentence_spans(nlp(source_text)))


def states(heading: str, sent: Any) -> bool:
    """`heading` is a clause (a finite verb) whose every content word, by its lemma or
    form, is in the one sentence `sent`: « La préfecture de l'Ariège a réagi » states
    « La préfecture de l'Ariège a réagi en fermant… » (article 26)."""
    wanted = _clause_words(heading)
    have = {f for t in sent for f in token_forms(t) | {t.lemma_.lower()}}
    return bool(wanted) and all(not forms.isdisjoint(have) for forms in wanted)


@cache
def _clause_words(heading: str) -> tuple[frozenset[str], ...]:
    """The forms and lemma of each content word of `heading` when it is a clause, else ()
    (parsed once: `states` is asked of every sentence of the article)."""
    doc = french()(heading)
    if not any("Fin" in t.morph.get("VerbForm", []) for t in doc):
        return ()
    return tuple(token_forms(t) | {t.lemma_.lower()} for t in doc if is_content(t))


def says_something(text: str) -> bool:
    """`text` has a verb or at least three content words."""
    doc = french()(text)
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return True
    return sum(is_content(t) for t in doc) >= 3


def lead_heading(source_text: str, used: set[str], keyword: Keyword | None = None) -> str:
    """The core of one of the section's first sentences — who does what, adjuncts left
    out — as its heading: « Le conseil municipal a voté la mesure » from « Le conseil
    municipal a voté la mesure lundi soir, par 27 voix contre 6. » It says what the
    section says, in the section's own words. With `keyword`, only a core that holds it.
    Only the lead: a heading drawn from a later sentence named what one paragraph said
    deep in the section (« La PMA pour toutes… a été validée » over the Manif pour tous'
    protest, article 03; « Maïwenn est sélectionnée » over the films left out, 13): 11
    clause headings of the dev corpus's deterministic outputs came from past the first
    three sentences. A later paragraph whose lead names the keyword gets its own H3 instead
    (`repair.keyword_headings`)."""
    from rewriter.analysis.sentences import sentence_spans

    for sent in list(sentence_spans(french()(source_text)))[:LEAD_SENTENCES]:
        text = core_heading(sent, used, keyword)
        # A heading that is the sentence over again (« L'établissement fermait ses portes
        # à 18 h 30 en semaine » over « Jusqu'ici, l'établissement fermait… ») says it
        # twice in a row: the next sentence, the section's quotation or its noun phrase.
        if text and not restates(text, sent.text):
            return text
    return ""


def core_heading(sent: Any, used: set[str], keyword: Keyword | None) -> str:
    """The heading `sent`'s core gives, else "" (none, one already used, one without
    the keyword)."""
    from rewriter.verify import grammalecte

    for short in (False, True):  # too long whole: the object without its complements
        kept = clause_core(sent, short=short) or after_apposition(sent, short)
        if not kept:
            continue
        if keyword is not None and not count_in(keyword, kept):
            kept = with_keyword_complement(kept, keyword)
            if not kept:
                return ""
        text = capitalise(words_of(kept))
        # One that must name the keyword may take two words more (« Les effets nocifs sur
        # la santé du glyphosate ne sont pas démontrés ») and the characters they take
        # (« Hwang Sok-yong mêle les trajectoires personnelles et l'évolution d'un pays »).
        most = HEADING_WORDS + (2 if keyword is not None else 0)
        chars = MAX_HEADING_CHARS + (KEYWORD_HEADING_EXTRA if keyword is not None else 0)
        if not 3 <= len(text.split()) <= most or len(text) > chars:
            continue
        if not taken(text, used) and not grammalecte.introduced(text, sent.text):
            return text
        return ""
    return ""


_OPENERS_BACK = frozenset("ce c' c’ ça cela ceci celui celle ceux celles".split())


def quote_heading(source_text: str, used: set[str]) -> str:
    """A sentence of one of the section's quotations, in its marks, as its heading: « «
    Beaucoup d'habitants travaillent loin et rentrent tard » » over the section where the
    directrice says it — the intertitle a desk writes when the lead is too long to be one,
    rather than a label (« La directrice »). Only a whole sentence (a capital first, a
    finite verb) that stands alone (no « Ils », « Cela » or « cette mesure » said before),
    outside the section's first sentence, or "" when no quotation has one."""
    from rewriter.analysis.sentences import sentence_spans
    from rewriter.verify import grammalecte

    nlp = french()
    # Not the section's first sentence: the heading would say it twice in a row.
    first = next(iter(sentence_spans(nlp(source_text))), None)
    opening = first.end_char if first is not None else 0
    for match in re.finditer(r"«\s*([^«»]+?)\s*»", source_text):
        if match.start() < opening:
            continue
        for sent in sentence_spans(nlp(match[1])):
            text = sent.text.strip().rstrip(".…").strip()
            tokens = [t for t in sent if not t.is_punct]
            if not tokens or not text[:1].isupper() or text[-1:] in "!?,;:":
                continue
            if not 3 <= len(text.split()) <= 10 or len(text) > MAX_HEADING_CHARS - 4:
                continue
            if tokens[0].lower_ in STANDING_FOR or tokens[0].lower_ in _OPENERS_BACK:
                continue
            if tokens[0].pos_ in ("CCONJ", "SCONJ", "ADV"):
                continue  # « Mais… », « Parce que… », « Aussi… »
            if any(leaning_determiner(t) or points_back(t) for t in tokens):
                continue
            if not any("Fin" in t.morph.get("VerbForm", []) for t in tokens):
                continue
            heading = f"« {text} »"
            if taken(heading, used) or grammalecte.introduced(text, sent.text):
                continue
            return heading
    return ""


def restates(heading: str, sentence: str) -> bool:
    """`heading` is `sentence` over again, nearly word for word: two words left out at
    most (« Jusqu'ici, »), or 85 % of them kept — of a sentence of some length (« Danger
    et risque. » is not restated by every heading with « risque »)."""
    said = set(re.findall(r"\w+", heading.lower()))
    words = re.findall(r"\w+", sentence.lower())
    kept = sum(w in said for w in words)
    return bool(words) and kept >= max(0.6 * len(words), min(len(words) - 2, 0.85 * len(words)))


def can_head(text: str) -> bool:
    """The plan's question: can a section that opens on `text` take its heading from it?"""
    return bool(lead_heading(text, set()))


def source_heading(text: str, used: set[str]) -> str | None:
    """The source's own subheading, tidied (« "Ecologie alternative" » → « "Écologie
    alternative" »), when it is a real heading: 2 to 14 words, not a sentence, not used yet."""
    # A quotation the desk made its heading keeps its marks (« "Un bien fou" », article 27,
    # are a restaurateur's words, not the journalist's), so does a quoted word (« "Sauver"
    # l'orpaillage », article 26); marks left unbalanced by a cut are tidied away.
    whole = re.fullmatch(r'\s*(?:"([^"«»]+)"|«\s*([^"«»]+?)\s*»)\s*', text)
    text = (whole[1] or whole[2]).strip() if whole else text.strip()
    if text.count('"') % 2 or text.count("«") != text.count("»"):
        text = re.sub(r'\s*["«»]\s*', " ", text).strip()
    # A question is a heading (« Qu'est-ce que Sora ? »); a sentence that ends on a full
    # stop is not. The desk's headings may be longer than the ones written here.
    if not 2 <= len(text.split()) <= 14 or text[-1:] in ".!" or len(text) > SOURCE_HEADING_CHARS:
        return None
    if heading_key(text) in used:
        return None
    text = capitalise(lower_initial(text))  # the accent agency copy drops: « Écologie »
    used.add(heading_key(text))
    if whole:
        return f'"{text}"' if whole[1] else f"« {text} »"
    return text


_LEADING = frozenset("le la les l un une des du de d".split())


def taken(text: str, used: set[str]) -> bool:
    """`text` says what a heading of the article already says (`used`: their
    `heading_key`s, the H1's among them): the same words, or two thirds of its content
    words, two at least, in one of them — « Fugaku s'est installé en tête » under
    « Fugaku est arrivé en tête » (article 11: two H2 in a row said the same), « Le
    ministre de la Santé » under the H1 « Le ministre de la Santé sommé de démissionner »
    (04). « Mme Buzyn n'a pas obtenu son siège au Conseil de Paris » says more than the
    label « Le Conseil de Paris ». Asked of the headings that say something (a clause,
    a quotation, a model's): a noun-phrase label in place of one sharing its topic was
    another label, no better (« Président de la plateforme Paris en Commun », 02)."""
    key = heading_key(text)
    if key in used:
        return True
    mine = _said(key)
    for other in used:
        shared = mine & _said(other)
        if len(shared) >= 2 and 3 * len(shared) >= 2 * len(mine):
            return True
    return False


@cache
def _said(key: str) -> frozenset[str]:
    """The lemmas of a heading key's content words."""
    return frozenset(t.lemma_.lower() for t in french()(key) if is_content(t))


def heading_key(text: str) -> str:
    """What two headings share when they say the same: « Le Conseil de Paris » and
    « Conseil de Paris » (article 02 had both as H2)."""
    words = re.findall(r"\w+", text.lower())
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)
