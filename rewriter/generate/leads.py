"""The core of a sentence — who does what, in its own words and order — read from the
dependency parse: what a section's lead gives as its heading (`headings.lead_heading`),
and the noun phrases the other headings and titles are made of."""

from __future__ import annotations

from typing import Any

from rewriter.analysis.keyword import Keyword, count_in
from rewriter.analysis.nlp import french
from rewriter.analysis.sentences import sentence_spans
from rewriter.analysis.words import (
    ETRE_VERBS,
    MONTHS,
    is_year,
    leaning_determiner,
    points_back,
)
from rewriter.generate.phrases import BARE_TIME, bracketed, noun_phrase
from rewriter.generate.text import capitalise
from rewriter.generate.wholeness import (
    NEGATIONS,
    attributed,
    cut_inside,
    in_order,
    quoted,
    second_object,
    wanting,
)

_CORE_DEPS = ("aux", "aux:tense", "aux:pass", "cop", "advmod:neg", "iobj", "expl:comp",
              "expl:pv")  # fmt: skip
_SUBJECT_PRONOUNS = frozenset(
    "il elle ils elles on ce c' c’ cela ça celui-ci celle-ci autres certains certaines "
    "plusieurs beaucoup tout".split()  # « Le tout sera contrôlé… »: all of what?
)
_REFLEXIVE = ("se", "s'", "s’")
COMPLEMENT_TOKENS = 5  # « de 0,6 point », « en tête du classement »: a short complement


def clause_core(sent: Any, short: bool = False) -> list[Any]:
    """Who does what in `sent`, in its own words and order: the subject, the verb with its
    auxiliaries and negation, the object or attribute — and, when the verb would be left
    hanging (« Le taux de chômage recule »), the short complement right after it (« … de
    0,6 point »). [] when the sentence has no such core: no single named subject, a
    subject that leans on the sentence before (« Il », « Cette procédure »), a word of a
    quotation. `short`: the object's noun without its « de » complements."""
    kept = _clause_core(sent, short)
    return [] if kept and cut_inside(sent, kept) else kept


def _clause_core(sent: Any, short: bool) -> list[Any]:
    root = sent.root
    copular = root.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "cop" for c in root.children)
    if not (root.pos_ in ("VERB", "AUX") or copular):
        return []
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or subjects[0].lower_ in _SUBJECT_PRONOUNS:
        return []  # « Il a voté… » needs the sentence before it
    if subjects[0].pos_ == "PRON" or any(leaning_determiner(c) for c in subjects[0].children):
        return []  # « Cette procédure… »: which one? The sentence before says.
    if any("Rel" in c.morph.get("PronType") for c in [*subjects[0].children, *root.children]):
        return []  # « [du Doliprane] dont le principe actif est… »: a relative, misread as main
    kept = sorted(set(_verb_core(root, copular, short)), key=lambda t: t.i)
    # What follows a colon or a semicolon after the verb says more of it, in a unit of its
    # own that the parse may hang on the verb as a second object (« Le PS conserve la
    # capitale après 19 ans de règne: 13 ans de mandat de… »): the core stops before it.
    stop = next((t.i for t in sent if t.text in (":", ";") and t.i > root.i), None)
    if stop is not None:
        kept = [t for t in kept if t.i < stop]
    if not kept or not in_order(kept) or quoted(sent, kept) or wanting(kept):
        return []
    if any(t.dep_ == "det" and "Dem" in t.morph.get("PronType") for t in kept):
        return []  # « … à mener cette démarche »: which one? The sentence before says.
    if any(points_back(t) for t in sent):
        return []  # « L'animal en question est un ostracode »
    if attributed(sent, kept):
        return []  # « [D'après les sondages,] la maire est en tête »: a claim made a fact
    # A verb at the end says something when it needs nothing after it: a compound
    # passive or a pronominal verb (« Huit projets ont été sélectionnés », « Les appels
    # à la démission se sont multipliés »), or one that ends its sentence in the source
    # (« Tous les avions peuvent tomber. »). An active verb takes the short complement
    # that follows it (« Le taux de chômage recule de 0,6 point »), else it waits for
    # what follows (« Les statistiques indiquent »): no heading.
    complete = any(t.lower_ in (*_REFLEXIVE, "été") for t in kept) or copular
    verbs = [t for t in kept if t == root or (t.dep_ == "xcomp" and t.pos_ == "VERB")]
    last_verb = max(verbs, key=lambda t: t.i)
    if kept[-1] == last_verb and complete and not copular:
        # « Fugaku s'est installé [en tête] »: a short complement says where, when it follows.
        complement = _complement(last_verb, kept[-1])
        if complement and not _temporal(complement) and len(kept) + len(complement) <= 10:
            kept = sorted(set(kept) | set(complement), key=lambda t: t.i)
        elif _left_hanging(last_verb) or _waits(last_verb):
            # « La puce a été inspirée [par les besoins…] »: the agent it cannot keep was
            # the point; a heading without it says nothing (article 10).
            return []
    elif kept[-1] == last_verb and not complete:
        following = sent.doc[last_verb.i + 1] if last_verb.i + 1 < sent.end else None
        if following is None or following.text in (".", "!", "…") or following.dep_ == "cc":
            return kept  # « Tous les avions peuvent tomber mais… »
        complement = _complement(last_verb, kept[-1])
        # A simple passive says something without what follows (« Les vélos de Jump
        # seront autorisés »), where « est passé » or « est arrivé » (compound tenses of
        # verbs that take « être », which the parser may label passive) waits for « de… ».
        # Not after a modal: « Sora pourrait être utilisée » waits for « pour… ».
        passive = (
            last_verb == root
            and any(c.dep_ == "aux:pass" for c in root.children)
            and root.lemma_ not in ETRE_VERBS
        )
        if not complement:
            return kept if passive or _whole_without(last_verb) else []
        whole = sorted(set(kept) | set(complement), key=lambda t: t.i)
        text = words_of(whole)
        too_long = len(text.split()) > HEADING_WORDS or len(text) > HEADING_CHARS
        return kept if passive and too_long else whole
    return kept


HEADING_WORDS = 10  # a heading made of a sentence's core, at most
HEADING_CHARS = 70


def words_of(tokens: list[Any]) -> str:
    """Tokens of one sentence as text, one space where words were left out between them."""
    out = ""
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        joined = after is not None and after.i == token.i + 1
        out += (
            token.text_with_ws if joined else token.text + ("" if token.text[-1:] in "'’" else " ")
        )
    return out.strip()


_TIME_CASES = frozenset("depuis pendant dès jusqu' jusqu’ jusque durant".split())


def _temporal(phrase: list[Any]) -> bool:
    """« depuis vendredi matin », « en janvier 2004 »: when, which a heading leaves out."""
    return any(t.lower_ in BARE_TIME | MONTHS | _TIME_CASES or is_year(t.text) for t in phrase)


def _verb_core(verb: Any, copular: bool = False, short: bool = False) -> list[Any]:
    kept = noun_phrase(verb) + [c for c in verb.children if c.dep_ == "case"] if copular else [verb]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass"):
            subject = _subject_phrase(child)
            if not subject:
                return []
            kept += subject
        elif child.dep_ == "obj":
            if child.pos_ not in ("NOUN", "PROPN"):
                kept += list(child.subtree)
            elif not short:
                kept += _subject_phrase(child) or noun_phrase(child)  # « X et Y » whole
            else:  # « le dernier refuge ariégeois (de silhouettes courbées…) »
                phrase = noun_phrase(child, cut=("nmod",))
                if child.pos_ != "PROPN" and not any(t.dep_ == "amod" for t in phrase):
                    return []  # « Les années 1990 voient la reprise »: of what?
                kept += phrase
        elif second_object(child) and not short:
            # « mêle les destins personnels et l'histoire du pays »: the parse hangs the
            # second object on the verb; the coordination goes whole.
            kept += [c for c in child.children if c.dep_ == "cc"] + noun_phrase(child)
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            # « vont devoir adapter leurs applications », « a décidé de fermer la piscine »:
            # the infinitive with the « à » or « de » that introduces it.
            kept += [c for c in child.children if c.dep_ == "mark"] + _verb_core(child, short=short)
        elif child.dep_ == "xcomp":
            kept += list(child.subtree)
        elif child.dep_ in _CORE_DEPS or child.lower_ in ("ne", "n'", "n’", "pas", *_REFLEXIVE):
            kept.append(child)
    return kept


def _subject_phrase(subject: Any) -> list[Any]:
    """The subject's noun phrase; a coordinated one whole (« Google, Apple, Facebook et
    Amazon »), its commas with it."""
    out = noun_phrase(subject)
    conjuncts = [
        c
        for c in subject.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not bracketed(c)
    ]
    if conjuncts and not any(c.dep_ == "cc" for c in conjuncts[-1].children):
        return []  # « Première réforme du quinquennat, le texte… »: an apposition misread
    for child in conjuncts:
        out += noun_phrase(child)
        out += [c for c in child.children if c.dep_ == "cc" or c.text == ","]
    return out


def _left_hanging(verb: Any) -> bool:
    """The source goes on right after the passive `verb` with its agent (« a été inspirée
    par les besoins des autres appareils »): the participle alone leaves it hanging. (Other
    complements — « dans le cadre de… », « à ce jour » — a heading may leave out.)"""
    for child in verb.children:
        if child.dep_ == "obl:agent" and child.i > verb.i:
            between = verb.doc[verb.i + 1 : min(t.i for t in child.subtree)]
            return all(t.dep_ == "advmod" and t.lower_ not in NEGATIONS for t in between)
    return False


def _whole_without(verb: Any) -> bool:
    """An active `verb` that may stand without an object (Grammalecte's conjugation
    tables: « réagir », « démissionner ») says something alone when the source goes on
    right after it with a clause of its own — a gerund, an infinitive of purpose, a
    subordinate: « La préfecture de l'Ariège a réagi [en fermant…] » (article 26). Not
    before a complement (« Le parti est venu [tardivement à ce sujet] », « Les exemples
    dataient [de 17 millions d'années] »), nor before a comma (« D'autres pays ont suivi,
    notamment… » takes up the country before)."""
    from rewriter.verify import grammalecte

    if any(c.dep_ in ("obj", "iobj", "ccomp", "xcomp") for c in verb.children):
        return False
    following = next(
        (t for t in verb.doc[verb.i + 1 : verb.sent.end] if t.dep_ not in ("advmod", "fixed")),
        None,
    )
    if following is None or following.i != verb.i + 1:
        return False  # an adverb between: « venu tardivement à ce sujet »
    clause = any(
        following in c.subtree and c.i > verb.i for c in verb.children if c.dep_ == "advcl"
    )
    return clause and following.dep_ in ("mark", "case") and grammalecte.intransitive(verb.lemma_)


def _waits(verb: Any) -> bool:
    """A pronominal `verb` the source follows at once with a complement that is not a time
    (« Anne Hidalgo s'avançait [en grande favorite de ce second tour] », the heading of
    article 02): the complement it cannot keep is what the sentence says of it — « se
    multiplier », followed by « depuis vendredi », is whole without it."""
    if not any(c.lower_ in _REFLEXIVE for c in verb.children):
        return False
    doc = verb.doc
    following = next(
        (t for t in doc[verb.i + 1 : verb.sent.end] if t.dep_ != "advmod" or t.lower_ in NEGATIONS),
        None,
    )
    if following is None or following.is_punct:
        return False
    phrase = next(
        (
            list(c.subtree)
            for c in verb.children
            if c.dep_.startswith("obl") and c.i > verb.i and following in c.subtree
        ),
        None,
    )
    return phrase is not None and not _temporal(phrase)


def verb_complement(verb: Any, last: Any) -> list[Any]:
    """`_complement`, unless it says when (a heading leaves the date out)."""
    phrase = _complement(verb, last)
    return [] if _temporal(phrase) else phrase


def _complement(verb: Any, last: Any) -> list[Any]:
    """The verb's complement that starts right after `last` (an adverb between allowed):
    a preposition and a short noun phrase, no clause, no punctuation."""
    doc = verb.doc
    for child in verb.children:
        if not child.dep_.startswith("obl") or child.i <= last.i:
            continue
        phrase = sorted(set(noun_phrase(child)), key=lambda t: t.i)
        # « de 0,6 point (sur un an) », « en grande favorite (de ce second tour) »: the
        # noun without its « de » complement, when an adjective or a number still says
        # something of it; never « sous la barre ».
        if len(phrase) > COMPLEMENT_TOKENS or any(leaning_determiner(t) for t in phrase):
            phrase = sorted(set(noun_phrase(child, cut=("nmod",))), key=lambda t: t.i)
            if not any(t.dep_ in ("nummod", "amod") for t in phrase) and child.pos_ != "PROPN":
                return []
        if any(leaning_determiner(t) for t in phrase):
            return []  # « à ce sujet »: which one? The sentence before says.
        between = doc[last.i + 1 : phrase[0].i]
        if any(t.dep_ != "advmod" or t.lower_ in NEGATIONS for t in between):
            return []
        if (
            phrase[0].dep_ != "case"
            or len(phrase) > COMPLEMENT_TOKENS
            or phrase[-1].i - phrase[0].i + 1 != len(phrase)
            or any(t.is_punct for t in phrase)
        ):
            return []
        return phrase
    return []


def with_keyword_complement(kept: list[Any], keyword: Keyword) -> list[Any]:
    """`kept` with the short complement of its verb that follows it at once and holds the
    keyword (« Mme Buzyn n'a pas obtenu son siège [au Conseil de Paris] »), else []: a
    heading that must name the keyword may say where, not only who does what."""
    verbs = [t for t in kept if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")]
    for verb in verbs:
        phrase = verb_complement(verb, kept[-1])
        if phrase and count_in(keyword, phrase):
            return sorted(set(kept) | set(phrase), key=lambda t: t.i)
    return []


def after_apposition(sent: Any, short: bool) -> list[Any]:
    """The core of `sent` read without the phrase that opens it in apposition to its
    subject (« Mesure phare, la PMA pour toutes… a été validée », « Tête de liste dans le
    XVIIe, Mme Buzyn… », « Parti à l'automne des Canaries, Yann Quénet… »), which the
    parse often takes for the subject or the root: the rest, parsed on its own. Only a
    phrase without a conjugated verb, a quotation or a preposition first (« Selon X, »,
    « Pour les détracteurs, » say whose claim it is)."""
    comma = next((t for t in sent[:12] if t.text == ","), None)
    participle = "Part" in sent[0].morph.get("VerbForm")  # « Parti à l'automne des Canaries, »
    if comma is None or not (sent[0].pos_ in ("NOUN", "ADJ") or participle):
        return []
    opener = sent.doc[sent.start : comma.i]
    if any(
        "Fin" in t.morph.get("VerbForm") or t.pos_ in ("AUX", "SCONJ", "PRON") or t.text in '«»"'
        for t in opener
    ):
        return []
    rest = sent.doc[comma.i + 1 : sent.end].text.strip()
    if not rest or sent.doc[comma.i + 1].pos_ not in ("DET", "PROPN", "NOUN"):
        return []  # the subject follows the comma
    reparsed = next(iter(sentence_spans(french()(capitalise(rest)))), None)
    return clause_core(reparsed, short=short) if reparsed is not None else []
