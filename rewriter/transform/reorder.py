"""Reorder a sentence without changing a word of its facts: attribution first, « selon »
swapped, time or place phrases moved, passive with an agent made active; and, for
summaries only, shortened by dropping what commas or brackets set apart.

Each function takes a parsed sentence (a spaCy Span) and returns [] when it does not apply.
"""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis import transitions
from rewriter.analysis.words import count_words, lower_initial
from rewriter.transform.clauses import (
    REPORTING_VERBS,
    TIME_WORDS,
    balanced,
    join_tokens,
    lower_first,
    sentence,
)
from rewriter.transform.quotes import CLITICS, QUOTE_FIRST
from rewriter.transform.speech import reports


def move_attribution(span: Any) -> list[str]:
    """« « Q », a déclaré X. » -> « X a déclaré : « Q ». »"""
    text = span.text.strip()
    match = QUOTE_FIRST.match(text)
    if not match:
        return []
    quote = match.group(1)
    tail_doc = [t for t in span if t.idx - span.start_char >= match.start(2)]
    verb = next((t for t in tail_doc if t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    # « déclaraient-ils », « a-t-elle dit »: the subject is a clitic, before or after the verb.
    clitic = [t for t in tail_doc if t.lower_ in CLITICS or t.lower_ == "-t"]
    verb_group = [t for t in tail_doc if t.i <= verb.i and t not in clitic]
    subject = [t for t in tail_doc if t.i > verb.i and t not in clitic]
    if clitic:
        who = clitic[-1].lower_.removeprefix("-t").removeprefix("-")
        if any(not t.is_punct for t in subject) or not who:
            return []  # « déclaraient-ils dans cette plainte » stays as the source has it
        return [sentence(f"{who.capitalize()} {join_tokens(verb_group)} : {quote}")]
    # Where and when it was said, set off last, goes after the verb: « X, directeur de Y,
    # a expliqué lors d'une conférence de presse : « Q » », not « X, directeur de Y, lors
    # d'une conférence de presse, a expliqué » (a fresh article's answer).
    said = _adjunct_after(subject)
    if said:
        subject = [t for t in subject if t.i < said[0].i - 1]
    if not subject or count_words(join_tokens(subject)) > 14:
        return []
    subject_text = join_tokens(subject).rstrip(".,")
    if "," in subject_text:
        subject_text += ","  # « Marc Deschamps, conseiller municipal, a déclaré »
    verbs = join_tokens(verb_group) + (f" {join_tokens(said).rstrip('.')}" if said else "")
    return [sentence(f"{subject_text} {verbs} : {quote}")]


_OF_WHOM = frozenset("de d' d’ du des chez".split())


def _adjunct_after(tail: list[Any]) -> list[Any]:
    """The last comma-set phrase of who says it, when it opens on a preposition, an adverb
    or a day (« lors d'une conférence de presse », « dans un communiqué », « mardi
    soir »): [] else."""
    commas = [k for k, t in enumerate(tail) if t.text == ","]
    if not commas or commas[-1] == 0:
        return []
    phrase = [t for t in tail[commas[-1] + 1 :] if t.text != "."]
    when = bool(phrase) and phrase[0].lower_ in TIME_WORDS  # « mardi soir »
    if not phrase or not (when or phrase[0].pos_ in ("ADP", "ADV")):
        return []
    if phrase[0].lower_ in _OF_WHOM:
        return []  # « Marie Dupuis, de l'association X »: who she is, not where she said it
    if not balanced(join_tokens(phrase)):
        return []
    return phrase


def front_time_phrase(span: Any) -> list[str]:
    """« Le conseil a voté lundi soir. » -> « Lundi soir, le conseil a voté. »"""
    root = span.root
    tokens = [t for t in span if not (t.is_punct and t.i == span.end - 1)]
    if not tokens or tokens[0].text in ("«", '"') or _opens_on_conjunction(tokens):
        return []  # « En 2000, et qu'importe si… » is not French
    marks = [t.i for t in tokens if t.text in '«»"“”']
    if marks and any(reports(t) for t in tokens if t.i > max(marks)):
        # « C'est "une réforme…", a estimé X à 3h40 » : the time is when X spoke, not
        # when the quotation holds (article 03: « À 3h40 du matin, c'est "une réforme…" »).
        return []
    for child in sorted(root.children, key=lambda c: -c.i):
        if child.dep_ not in ("obl:mod", "obl", "advmod", "obl:tmod", "nmod"):
            continue
        sub = sorted(child.subtree, key=lambda t: t.i)
        if sub[-1].i != tokens[-1].i:
            continue  # only a phrase that closes the sentence
        words = {t.lower_ for t in sub}
        if not words & TIME_WORDS or len(sub) > 7 or any(t.text in "«»,;" for t in sub):
            continue
        if any(t.pos_ == "ADP" and t.lower_ not in TIME_PREPOSITIONS for t in sub):
            continue  # « le 31 décembre contre l'Etat » : the parse hung a complement on the date
        rest = [t for t in tokens if t.i < sub[0].i]
        if rest and (rest[-1].pos_ == "ADV" or rest[-1].is_punct):
            return []  # « presque chaque jeudi », « , lundi »: the phrase is not separable
        if _opens_on_adjunct(rest):
            return []
        if count_words(join_tokens(rest)) < 4 or not balanced(join_tokens(rest)):
            return []
        if rest[0].lower_ in CONNECTORS and len(rest) > 1:
            # « Pourtant les professions… depuis dimanche » → « Pourtant, depuis dimanche,
            # les professions… »: the connector stays first.
            after = rest[2:] if rest[1].text == "," else rest[1:]
            return [sentence(f"{rest[0].text}, {join_tokens(sub)}, {lower_first(after)}")]
        return [sentence(f"{join_tokens(sub)}, {lower_first(rest)}")]
    return []


# Prepositions a time phrase may hold: « du 21 juin au 15 novembre », « depuis 2019 ».
TIME_PREPOSITIONS = frozenset(
    "de d' du des à au aux en dans depuis pendant avant après jusqu jusqu' dès vers lors".split()
)


# Adverbs that tie a sentence to the one before: they open it, whatever moves after them.
CONNECTORS = frozenset(
    "pourtant cependant toutefois néanmoins ainsi donc enfin aussi puis ensuite "
    "désormais également surtout notamment".split()
)


# Prepositions whose phrase sets the scene (where, when) even when the parser calls it an
# argument: « a présenté Y sur les réseaux sociaux ».
PLACE_TIME_PREPOSITIONS = frozenset("sur dans en depuis pendant avant après lors chez".split())


def _opens_on_adjunct(tokens: list[Any]) -> bool:
    """Something set off by a comma already opens the sentence, before its subject: a
    second phrase in front of it stacks two (article 30: « En bas de l'échelle, selon le
    rapport…, la Tunisie est classée. »; article 03: « Mercredi soir, Mesure phare, la PMA
    pour toutes… a été validée. »)."""
    if not tokens:
        return False
    if any(t.text == "," for t in tokens[1:4]):
        return True  # « Mesure phare, la PMA… »: the parse may call « Mesure » the subject
    subject = next((t for t in tokens if t.dep_.startswith("nsubj")), None)
    before = [t for t in tokens if subject is None or t.i < subject.i]
    return any(t.text == "," for t in before) and (
        subject is not None or tokens[0].pos_ in ("ADP", "ADV")
    )


def _opens_on_conjunction(tokens: list[Any]) -> bool:
    return bool(tokens) and (tokens[0].pos_ in ("CCONJ", "SCONJ") or tokens[0].lower_ == "qu'")


def _verbal(root: Any) -> bool:
    """A clause headed by a verb (not « semble nocif », whose complements are the adjective's)."""
    return root.pos_ in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in root.children)


def back_adverbial(span: Any) -> list[str]:
    """« Sur un an, le taux recule de 0,6 point. » -> « Le taux recule de 0,6 point sur un an. »"""
    tokens = [t for t in span if not (t.is_punct and t.i == span.end - 1 and t.text == ".")]
    comma = next((t for t in tokens[:8] if t.text == ","), None)
    if comma is None or tokens[0].text in ("«", '"') or "«" in span.text:
        return []
    head = [t for t in tokens if t.i < comma.i]
    rest = [t for t in tokens if t.i > comma.i]
    root = span.root
    if not head or not rest or any(t.i == root.i for t in head) or len(head) > 6:
        return []
    if head[0].pos_ not in ("ADP", "ADV") and head[0].lower_ not in ("jusqu'ici", "depuis"):
        return []  # « Le maire, Sophie Aubertin, … » is an apposition, not an adverbial
    if head[0].lower_ in (
        "pour",
        "comme",
        "côté",
        "quant",
        "selon",
        "d'après",
        "contrairement",
        "parmi",
    ):
        return []  # at the end of the sentence its scope would become ambiguous
    opener = join_tokens(head).lower().replace("’", "'")
    if opener in transitions.phrases() or opener == "dans le même temps":
        return []  # « De plus, … » links to the sentence before: it opens the sentence
    if any(t.dep_.startswith("nsubj") for t in head) or count_words(join_tokens(rest)) < 4:
        return []
    if any(t.text in ",;:" for t in rest):
        return []  # it would land on the last clause: « …, suivie de Viking 2 en juillet 1976 »
    if rest[-1].text in ("?", "!"):
        return []
    return [sentence(f"{join_tokens(rest)} {lower_first(head)}")]


def front_phrase(span: Any) -> list[str]:
    """« X a présenté Y sur les réseaux. » -> « Sur les réseaux, X a présenté Y. »"""
    root = span.root
    tokens = [t for t in span if not (t.is_punct and t.i == span.end - 1)]
    if not tokens or tokens[0].text in ("«", '"') or "«" in span.text or "?" in span.text:
        return []
    if _opens_on_conjunction(tokens) or not _verbal(root):
        return []  # « nocif pour la rationalité »: the phrase belongs to the adjective
    for child in sorted(root.children, key=lambda c: -c.i):
        sub = sorted(child.subtree, key=lambda t: t.i)
        if child.dep_ not in ("obl:mod", "obl", "obl:arg"):
            continue
        opener = sub[0].lower_
        if opener not in PLACE_TIME_PREPOSITIONS and not (
            child.dep_ == "obl:mod" and opener in ("à", "au", "aux", "selon")
        ):
            continue  # « plaide pour une vision » is not « Pour une vision, … plaide »
        if sub[-1].i != tokens[-1].i or sub[0].pos_ != "ADP" or not 2 <= len(sub) <= 6:
            continue
        if any(t.text in "«»,;()" for t in sub):
            continue
        rest = [t for t in tokens if t.i < sub[0].i]
        if not rest or rest[-1].pos_ in ("ADV", "ADP", "DET") or rest[-1].is_punct:
            return []
        if _opens_on_adjunct(rest):
            return []
        if count_words(join_tokens(rest)) < 5 or not balanced(join_tokens(rest)):
            return []
        return [sentence(f"{join_tokens(sub)}, {lower_first(rest)}")]
    return []


def compress(span: Any) -> list[str]:
    """The sentence without what commas or brackets set apart (appositions, non-restrictive
    relatives, parentheses): shorter, and still only the source's words."""
    if any(mark in span.text for mark in '«»"“”'):
        return []  # a quotation is never shortened
    drop: set[int] = set()
    for token in span:
        if (
            token.dep_ in ("appos", "acl:relcl")
            and token.i > span.start
            and not (token.pos_ == "PROPN" or token.ent_type_)
        ):
            sub = sorted(token.subtree, key=lambda t: t.i)
            before = span.doc[sub[0].i - 1] if sub[0].i > span.start else None
            after = span.doc[sub[-1].i + 1] if sub[-1].i + 1 < span.end else None
            if before is not None and before.text == "," and (after is None or after.text in ",."):
                drop.update(t.i for t in sub)
                drop.add(before.i)
                if after is not None and after.text == ",":
                    drop.add(after.i)  # « X, qui compte 60 places, était » -> « X était »
    text = join_tokens([t for t in span if t.i not in drop])
    text = re.sub(r"\s*\([^()]*\)", "", text)
    if text.strip() == span.text.strip() or count_words(text) < 6 or not balanced(text):
        return []
    return [sentence(text)]


def _masculine_participle(word: str) -> str:
    """« adoptée(s) » / « adoptés » -> « adopté »: the participle after « avoir » agrees with
    nothing that precedes it here (the object now follows)."""
    for ending, replacement in (
        ("ées", "é"),
        ("és", "é"),
        ("ée", "é"),
        ("ies", "i"),
        ("ie", "i"),
        ("is", "is"),
        ("ises", "is"),
        ("ise", "is"),
        ("uites", "uit"),
        ("uite", "uit"),
        ("ites", "it"),
        ("ite", "it"),
        ("ues", "u"),
        ("ue", "u"),
        ("us", "u"),
    ):
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def passive_to_active(span: Any) -> list[str]:
    """« La loi a été adoptée par les députés. » -> « Les députés ont adopté la loi. »

    Only the compound past with an explicit agent: the tense stays, the agent becomes the
    subject (« a » or « ont » by its number), the old subject the object."""
    if any(m in span.text for m in '«»"?'):
        return []
    root = span.root
    aux_pass = [c for c in root.children if c.dep_ == "aux:pass" and c.lemma_ == "être"]
    aux_tense = [c for c in root.children if c.dep_ == "aux:tense" and c.lemma_ == "avoir"]
    subject = next((c for c in root.children if c.dep_ == "nsubj:pass"), None)
    agent = next((c for c in root.children if c.dep_ == "obl:agent"), None)
    if not (aux_pass and aux_tense and subject is not None and agent is not None):
        return []
    if subject.pos_ == "PRON" or "Part" not in root.morph.get("VerbForm"):
        return []
    subject_words = sorted(subject.subtree, key=lambda t: t.i)
    loose = {
        d.i
        for c in agent.children
        if c.dep_ in ("nmod", "obl", "obl:mod") and not any(g.dep_ == "case" for g in c.children)
        for d in c.subtree
    }
    agent_words = [
        t
        for t in sorted(agent.subtree, key=lambda t: t.i)
        if (t.dep_ != "case" or t.head != agent) and t.i not in loose
    ]
    if not agent_words or span.doc[min(t.i for t in agent.subtree)].lower_ != "par":
        return []
    used = {t.i for t in subject_words} | ({t.i for t in agent.subtree} - loose)
    used |= {root.i, aux_pass[0].i, aux_tense[0].i}
    rest = [t for t in span if t.i not in used and not (t.is_punct and t.i == span.end - 1)]
    if any(t.i < root.i for t in rest) or any(t.dep_.startswith("nsubj") for t in rest):
        return []  # something else stands before the verb: leave the sentence alone
    number = agent.morph.get("Number")
    avoir = "ont" if number == ["Plur"] else "a"
    negation = [t for t in root.children if t.dep_.startswith("advmod") and t.i < root.i]
    if negation:
        return []
    obj = lower_first(subject_words)
    tail = f" {join_tokens(rest)}" if rest else ""
    return [
        sentence(
            f"{join_tokens(agent_words)} {avoir} {_masculine_participle(root.text)} {obj}{tail}"
        )
    ]


def swap_selon(span: Any) -> list[str]:
    """« Selon X, Y. » <-> « Y, selon X. »"""
    text = span.text.strip().rstrip(".")
    match = re.match(r"^(Selon|D'après|D’après) ([^,]{3,60}), (.+)$", text)
    if match and "«" not in match.group(3) and not match.group(3)[0].isdigit():
        start = span.start_char + span.text.index(match.group(3))
        first = next((t for t in span if t.idx >= start), None)
        describes = first is not None and (
            first.pos_ == "ADJ"
            or "Rel" in first.morph.get("PronType")  # « Selon X, qui regroupe…, »
            or first.lower_ in ("qui", "dont")
            or "Part" in first.morph.get("VerbForm")
            or (first.head.idx < start and first.head.i != first.i)
        )
        if describes:
            return []  # « Selon le rapport, relatif à l'égalité, … » : the rapport's words
        body = match.group(3)
        return [sentence(f"{body}, {match.group(1).lower()} {match.group(2)}")]
    match = re.match(r"^(.+), (selon|d'après|d’après) ([^,]{3,60})$", text)
    opens_on_conjunction = _opens_on_conjunction([t for t in span if not t.is_punct][:1])
    if match and "«" not in match.group(1) and not opens_on_conjunction:
        # (« Et "on ne peut pas…", selon lui » is not « Selon lui, et "on ne peut pas…" »)
        return [
            sentence(
                f"{match.group(2).capitalize()} {match.group(3)}, {lower_initial(match.group(1))}"
            )
        ]
    return []


REORDERINGS = (
    passive_to_active,
    move_attribution,
    swap_selon,
    front_time_phrase,
    back_adverbial,
    front_phrase,
)


def variants(span: Any, *, shorten: bool = False) -> list[str]:
    """Every faithful reordering of the sentence, then (for summaries: `shorten`) its
    compressed form, then itself."""
    out: list[str] = []
    for transform in (*REORDERINGS, compress) if shorten else REORDERINGS:
        for text in transform(span):
            if text not in out:
                out.append(text)
    original = sentence(span.text)
    if original not in out:
        out.append(original)
    return out
