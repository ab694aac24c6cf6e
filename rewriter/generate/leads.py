"""The core of a sentence — who does what, in its own words and order — read from the
dependency parse: what a section's lead gives as its heading (`headings.lead_heading`),
and the noun phrases the other headings and titles are made of."""

from __future__ import annotations

import itertools
from typing import Any

from rewriter.analysis.words import (
    ETRE_VERBS,
    MONTHS,
    is_year,
    leaning_clitic,
    leaning_determiner,
    points_back,
)
from rewriter.generate.phrases import BARE_TIME, noun_phrase

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
    return [] if kept and _cut_inside(sent, kept) else kept


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
    if not kept or not _in_order(kept) or _quoted(sent, kept) or _wanting(kept):
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
            return kept if passive else []
        whole = sorted(set(kept) | set(complement), key=lambda t: t.i)
        text = words_of(whole)
        too_long = len(text.split()) > HEADING_WORDS or len(text) > HEADING_CHARS
        return kept if passive and too_long else whole
    return kept


HEADING_WORDS = 10  # a heading made of a sentence's core, at most
HEADING_CHARS = 70


def attributed(sent: Any, kept: list[Any]) -> bool:
    """`sent` says whose claim it is (« selon X », « d'après X », « Pour M. Abad, ») and
    the core leaves that out: the heading would state as fact what the source reports."""
    inside = {t.i for t in kept}
    for token in sent:
        # Only an attribution of the clause the core is made of (« Fugaku s'est installé
        # en tête… : c'est la première fois…, selon l'institut » attributes the second).
        if token.i in inside or (kept and token.head.head.i not in inside):
            continue
        nxt = sent.doc[token.i + 1] if token.i + 1 < len(sent.doc) else None
        if token.lower_ == "selon" or (
            token.lower_ == "après" and token.i > 0 and sent.doc[token.i - 1].lower_ in ("d'", "d’")
        ):
            return True
        # « Pour M. Abad, … », « Pour lui, … »: an opinion, opening the sentence.
        if (
            token.i == sent.start
            and token.lower_ == "pour"
            and nxt is not None
            and (nxt.pos_ in ("PROPN", "PRON") or nxt.text in ("M.", "Mme"))
        ):
            return True
    return False


def words_of(tokens: list[Any]) -> str:
    """Tokens of one sentence as text, one space where words were left out between them."""
    out = ""
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        joined = after is not None and after.i == token.i + 1
        out += (
            token.text_with_ws if joined else token.text + ("" if token.text[-1:] in "'’" else " ")
        )
    return out.strip()


_OF_TO = frozenset("à au aux de du des d' d’".split())


def _cut_inside(sent: Any, kept: list[Any]) -> bool:
    """The core stops inside a phrase, not between phrases: half of a coordination
    (« Sora extrait le contenu d'images [et de vidéos] »), a pronoun without the clause it
    announces (« s'attendent à ce [que…] »), a question without its end, the negated half
    of « ne… pas X mais Y », an adjective or a verbal locution without its complement
    (« résistantes [à la sécheresse] », « Sora a besoin [de…] »). Or it cannot stand
    alone: a main verb under « si » (a subordinate clause misread as the main one), an
    object pronoun that leans on the sentence before (« Cédric O l'a faite applaudir »)."""
    root, last, inside = sent.root, kept[-1], {t.i for t in kept}
    after = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
    if any(c.dep_ == "mark" for c in root.children):
        return True
    if sent.text.rstrip().endswith("?") and sent[-2].i not in inside:
        return True
    negated = any(t.lower_ in _NEGATIONS for t in kept)
    if negated and any(c.lower_ == "mais" for t in root.children for c in t.children):
        return True  # « n'a pas développé des plantes résistantes… mais capables de… »
    # The adjective's complement, whichever word the parse hangs it on.
    if last.pos_ == "ADJ" and after is not None and after.lower_ in _OF_TO:
        return True
    if (
        after is not None
        and last.dep_ == "obj"
        and last.pos_ == "NOUN"
        and not any(c.dep_ == "det" for c in last.children)
        and any(after in c.subtree for c in last.head.children if c.dep_.startswith("obl"))
    ):
        return True  # a bare object noun and its verb: a locution (« avoir besoin de »)
    for token in kept:
        if leaning_clitic(token):
            return True  # a clitic object pronoun
        for child in token.children:
            if child.i in inside or child.i < last.i:
                continue
            if child.dep_ == "conj" and token != root and token.pos_ != "VERB":
                return True
            if token == root and _second_object(child):
                return True  # a second object the parse hung on the verb
            if token.pos_ == "PRON" and child.dep_ in ("acl", "acl:relcl", "ccomp"):
                return True
    return False


def _wanting(kept: list[Any]) -> bool:
    """The core says less, or the opposite, of what the sentence says: a verb's clause or
    infinitive complement left out (« Roman Prymula a appelé les Tchèques [à rester chez
    eux] »), or a « ne » whose « que » was cut (« Fugaku ne devrait être mis en service
    [qu'à partir de 2021] » is not a negation)."""
    inside = {t.i for t in kept}
    for token in kept:
        for child in token.children:
            if child.i in inside or child.pos_ not in ("VERB", "AUX"):
                continue
            marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "case")}
            if child.dep_ in ("xcomp", "ccomp") or (
                "Inf" in child.morph.get("VerbForm")
                and marks & {"à", "de", "d'", "d’"}
                and not marks & {"avant", "afin"}  # when or why, not what: « avant de… »
            ):
                return True
    # A verb whose object takes an attribute (« rendre les ordinateurs [plus
    # performants] »): without the adjective, the core says something else.
    for verb in (t for t in kept if t.lemma_ in _OBJECT_ATTRIBUTE and t.pos_ == "VERB"):
        after = verb.doc[verb.i + 1 : verb.sent.end]
        if any(t.pos_ == "ADJ" and t.i not in inside for t in after):
            return True
    words = {t.lower_ for t in kept}
    return bool(words & {"ne", "n'", "n’"}) and not words & (_NEGATIONS | _NEGATIVE_WORDS)


# Verbs whose object may take an attribute (« attribut du complément d'objet »).
_OBJECT_ATTRIBUTE = frozenset("rendre juger estimer trouver considérer croire".split())


_NEGATIVE_WORDS = frozenset("aucun aucune personne nul nulle ni".split())


_TIME_CASES = frozenset("depuis pendant dès jusqu' jusqu’ jusque durant".split())


def _temporal(phrase: list[Any]) -> bool:
    """« depuis vendredi matin », « en janvier 2004 »: when, which a heading leaves out."""
    return any(t.lower_ in BARE_TIME | MONTHS | _TIME_CASES or is_year(t.text) for t in phrase)


def _quoted(sent: Any, kept: list[Any]) -> bool:
    """A word of the core inside « … » or "…", or a sentence with a quotation mark left
    open (a paragraph of a long quotation): a heading never borrows a quotation."""
    from rewriter.plan import quotation_ranges

    if sent.text.count('"') % 2 or sent.text.count("«") != sent.text.count("»"):
        return True
    ranges = quotation_ranges(sent.text)
    return any(a <= t.idx - sent.start_char < b for t in kept for a, b in ranges)


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
        elif _second_object(child) and not short:
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


def _second_object(child: Any) -> bool:
    """`child`, a noun the parse coordinates with its verb, is a second object of it
    (« mêle les destins personnels et l'histoire du pays »), not a clause of its own
    (« …a obtenu son siège et sera simple conseillère », « …peuvent tomber mais le
    risque, c'est… »): the verb has an object, the noun no copula, subject or verb."""
    return (
        child.dep_ == "conj"
        and child.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "obj" for c in child.head.children)
        and not any(
            c.dep_ in ("cop", "nsubj", "nsubj:pass", "aux", "expl:subj") or c.pos_ == "VERB"
            for c in child.children
        )
    )


def _subject_phrase(subject: Any) -> list[Any]:
    """The subject's noun phrase; a coordinated one whole (« Google, Apple, Facebook et
    Amazon »), its commas with it."""
    out = noun_phrase(subject)
    conjuncts = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if conjuncts and not any(c.dep_ == "cc" for c in conjuncts[-1].children):
        return []  # « Première réforme du quinquennat, le texte… »: an apposition misread
    for child in conjuncts:
        out += noun_phrase(child)
        out += [c for c in child.children if c.dep_ == "cc" or c.text == ","]
    return out


def _in_order(kept: list[Any]) -> bool:
    """The core is the source's words in order, with no punctuation but the commas of a
    coordinated subject; left out between them at most an adverb (never a negation) and
    what the source sets apart between commas (« Les eaux du Salat, qui prend sa source
    dans les Pyrénées, abritent… »)."""
    doc = kept[0].doc
    if any(t.is_punct and t.text not in "-'’," for t in kept):
        return False
    aside: set[int] = set()
    for token in kept:
        for child in token.children:
            if child not in kept and child.i > token.i:
                span = list(child.subtree)
                before = doc[span[0].i - 1] if span[0].i > 0 else None
                after = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
                if (
                    before is not None
                    and before.text == ","
                    and after is not None
                    and after.text == ","
                ):
                    aside.update(t.i for t in span)
                    aside.update((before.i, after.i))
    # Whatever the parse hangs it on, what stands between two commas with no word of the
    # core and no verb of its own is set apart (« …du glyphosate, pesticide le plus
    # utilisé au monde, ne sont pas démontrés »).
    inside = {t.i for t in kept}
    commas = [t.i for t in doc[kept[0].i : kept[-1].i + 1] if t.text == ","]
    for a, b in itertools.pairwise(commas):
        span = doc[a + 1 : b]
        if not any(
            t.i in inside or "Fin" in t.morph.get("VerbForm") or t.lower_ in _NOT for t in span
        ):
            aside.update(range(a, b + 1))
    gap = [t for t in doc[kept[0].i : kept[-1].i + 1] if t not in kept and t.i not in aside]
    return not any(t.dep_ != "advmod" or t.lower_ in _NEGATIONS for t in gap)


def _left_hanging(verb: Any) -> bool:
    """The source goes on right after the passive `verb` with its agent (« a été inspirée
    par les besoins des autres appareils »): the participle alone leaves it hanging. (Other
    complements — « dans le cadre de… », « à ce jour » — a heading may leave out.)"""
    for child in verb.children:
        if child.dep_ == "obl:agent" and child.i > verb.i:
            between = verb.doc[verb.i + 1 : min(t.i for t in child.subtree)]
            return all(t.dep_ == "advmod" and t.lower_ not in _NEGATIONS for t in between)
    return False


def _waits(verb: Any) -> bool:
    """A pronominal `verb` the source follows at once with a complement that is not a time
    (« Anne Hidalgo s'avançait [en grande favorite de ce second tour] », the heading of
    article 02): the complement it cannot keep is what the sentence says of it — « se
    multiplier », followed by « depuis vendredi », is whole without it."""
    if not any(c.lower_ in _REFLEXIVE for c in verb.children):
        return False
    doc = verb.doc
    following = next(
        (
            t
            for t in doc[verb.i + 1 : verb.sent.end]
            if t.dep_ != "advmod" or t.lower_ in _NEGATIONS
        ),
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
        if any(t.dep_ != "advmod" or t.lower_ in _NEGATIONS for t in between):
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


# Adverbs a heading may not drop: they say no, never, no longer.
_NEGATIONS = frozenset("pas plus jamais guère point nullement aucunement rien".split())
# Words an aside between commas may not hold: it would say no, or whose claim it is.
_NOT = frozenset("ne n' n’ non jamais rien aucun aucune selon sauf".split())
