"""Split long sentences at clause boundaries, with the source's own words.

All functions take a parsed sentence (a spaCy Span) and return a list of French
sentences built only from its words, or [] when the transform does not apply.
"""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.words import ETRE_VERBS, count_words, dated, lower_initial
from rewriter.generate.text import capitalise

REPORTING_VERBS = frozenset(
    "dire déclarer expliquer indiquer préciser ajouter souligner estimer affirmer "
    "répondre confier assurer raconter rappeler poursuivre conclure insister lancer "
    "reconnaître avertir juger noter observer commenter résumer détailler témoigner "
    "regretter réagir argumenter asséner indigner tweeter prédire constater compléter "
    "confirmer admettre promettre annoncer prévenir".split()
)
COORDINATORS = frozenset({"mais", "et", "car", "or", "puis", "donc"})
TIME_WORDS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai "
    "juin juillet août septembre octobre novembre décembre hier aujourd'hui demain "
    "semaine mois année an soir matin trimestre depuis".split()
)


def sentence(text: str) -> str:
    """Tidy a built sentence: spacing, capital, final full stop."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"\s+([,.)…])", r"\1", text).replace("( ", "(")
    text = re.sub(r"«(?=\S)", "« ", text)
    text = re.sub(r"(?<=\S)»", " »", text)
    if not text:
        return ""
    text = capitalise(text)
    # A quotation that closes on its own full stop closes the sentence: « …jamais." »
    if not re.search(r"[.!?…](?:\s*[»\"”])?$", text):
        text += "."
    return text


def join_tokens(tokens: list[Any]) -> str:
    """The tokens' text; where tokens were removed between two of them, a space."""
    out = ""
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        out += token.text
        if following is not None and (
            token.whitespace_ or (following.i != token.i + 1 and not following.is_punct)
        ):
            out += " "
    return out.strip()


def lower_first(tokens: list[Any]) -> str:
    """The tokens' text, its capital dropped unless the first word is a name."""
    text = join_tokens(tokens)
    first = tokens[0] if tokens else None
    if first is not None and not _name_like(first) and text[:2] != "L'":
        return lower_initial(text)
    return lower_initial(text) if text[:2] in ("L'", "L’") else text


def _name_like(token: Any) -> bool:
    """« Uber a déjà porté plainte »: a capitalised noun with no determiner is a name even
    when the parse calls it a common noun (article 07 gave « …, uber a déjà porté… »)."""
    if token.pos_ == "PROPN" or token.ent_type_:
        return True
    bare = not any(c.dep_ == "det" for c in token.children)
    return token.pos_ == "NOUN" and token.text[:1].isupper() and bare


def balanced(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0


def split_semicolons(span: Any) -> list[str]:
    parts = re.split(r"\s*;\s*", span.text.strip())
    if len(parts) < 2 or any(count_words(p) < 4 or not balanced(p) for p in parts):
        return []
    return [sentence(p) for p in parts]


_SUBORDINATORS = frozenset("que qu' qu’ si s' quand lorsque lorsqu' lorsqu’ comme".split())


def split_coordination(span: Any) -> list[str]:
    """« A a fait X, mais B a fait Y. » -> « A a fait X. Mais B a fait Y. »"""
    root = span.root
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        subjects = [c for c in conj.children if c.dep_.startswith("nsubj")]
        if not subjects or subjects[0].lower_ in ("qui", "que", "dont", "lequel", "laquelle"):
            continue  # no subject of its own: the second half would not stand alone
        cc = next((c for c in conj.children if c.dep_ == "cc"), None)
        if cc is None or cc.lower_ not in COORDINATORS or cc.i <= span.start:
            continue
        before = [t for t in span if t.i < cc.i]
        after = [t for t in span if t.i >= cc.i]
        while before and before[-1].text in ",;:–-":
            before.pop()
        if count_words(join_tokens(before)) < 5 or count_words(join_tokens(after)) < 5:
            continue
        if len(after) > 1 and (after[1].pos_ == "SCONJ" or after[1].lower_ in _SUBORDINATORS):
            continue  # « et qu'il n'arrive pas à juguler » cannot stand alone (article 16)
        if not balanced(join_tokens(before)):
            continue  # never cut a quotation in two
        if cc.lower_ == "et":
            after = after[1:]  # « Et B a fait Y » reads oddly: drop the plain « et »
        return [sentence(join_tokens(before)), sentence(join_tokens(after))]
    return []


# The coordinations whose halves each assert what they say: not « ou », « ni », « soit ».
_ADDING = frozenset({"et", "mais", "puis"})
_SUBJECT_PRONOUNS = {
    ("Masc", "Sing"): "il",
    ("Fem", "Sing"): "elle",
    ("Masc", "Plur"): "ils",
    ("Fem", "Plur"): "elles",
}
_DEMONSTRATIVES = {
    ("Masc", "Sing"): "celui-ci",
    ("Fem", "Sing"): "celle-ci",
    ("Masc", "Plur"): "ceux-ci",
    ("Fem", "Plur"): "celles-ci",
}


def _agreement(token: Any) -> tuple[str, str] | None:
    gender, number = token.morph.get("Gender"), token.morph.get("Number")
    if not gender or not number:
        return None
    return gender[0], number[0]


def _finite(token: Any) -> bool:
    words = [token, *[c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
    return any("Fin" in w.morph.get("VerbForm") for w in words)


def split_shared_subject(span: Any) -> list[str]:
    """« La baisse est de 0,1 point, et représente 3,2 %. » -> « … point. Elle représente 3,2 %. »

    The second verb shares the first one's subject; a pronoun of the subject's gender and
    number stands in for it."""
    root = span.root
    first = next((t for t in span if not t.is_punct), None)
    if span.text.rstrip().endswith("?") or (first is not None and first.lower_ in _SUBORDINATORS):
        return []  # « Si la vidéo provient d'un pays et est distribuée… » is one condition
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return []
    agreement = _agreement(subject)
    # A name's gender is unknown to the parse (« Mme Buzyn … Il sera … »): the name is
    # repeated instead of a pronoun.
    name = _name_of(subject)
    if agreement is None and name is None:
        return []
    for conj in root.children:
        copular = any(c.dep_ == "cop" for c in conj.children)  # « et sera candidate »
        if conj.dep_ != "conj" or not (conj.pos_ in ("VERB", "AUX") or copular):
            continue
        if not _finite(conj):
            continue
        if any(
            c.dep_.startswith("nsubj")
            or c.dep_ == "expl:subj"
            or (c.i < conj.i and c.lower_ in ("il", "elle", "ils", "elles", "on"))
            for c in conj.children
        ):
            continue  # « … et il faut respecter … » has a subject of its own
        cc = next((c for c in conj.children if c.dep_ == "cc"), None)
        if cc is not None and cc.lower_ not in _ADDING:
            continue  # « testent des cépages ou plantent des vignes »: two sentences say both
        start = cc.i if cc is not None else min(t.i for t in conj.subtree)
        before = [t for t in span if t.i < start]
        after = [t for t in span if t.i >= start and t.i > (cc.i if cc is not None else -1)]
        while before and before[-1].text in ",;:–-":
            before.pop()
        if not balanced(join_tokens(before)) or count_words(join_tokens(before)) < 5:
            continue
        if count_words(join_tokens(after)) < 3 or after[0].is_punct:
            continue
        pronoun = name if name is not None else _SUBJECT_PRONOUNS[agreement]  # type: ignore[index]
        lead = "Mais " if cc is not None and cc.lower_ == "mais" else ""
        return [sentence(join_tokens(before)), sentence(f"{lead}{pronoun} {join_tokens(after)}")]
    return []


def _name_of(subject: Any) -> str | None:
    """« Mme Buzyn », « Fugaku », « Apple »: the subject's own words when it is a short name."""
    words = sorted(subject.subtree, key=lambda t: t.i)
    if subject.pos_ != "PROPN" and not (subject.lower_ in ("mme", "m.") or _name_like(subject)):
        return None
    if len(words) > 4 or any(t.is_punct or t.pos_ in ("ADP", "VERB") for t in words):
        return None
    return join_tokens(words)


_ETRE = {"Sing": "est", "Plur": "sont"}
# Adverbs that place a participle's state in the present whatever the main verb's tense:
# « Le réseau, désormais utilisé par 1,8 milliard de personnes, a reconnu… ».
_NOW = frozenset("désormais aujourd'hui actuellement toujours encore maintenant".split())


_WHEN = frozenset("lors pendant durant mi-temps après avant dès depuis".split())


def holds_now(phrase: list[Any], main_verb: Any) -> bool:
    """« X est <phrase> » says what `phrase` said of X: a detached participle or adjective
    made a sentence in the present. True for an adjective, for a participle of a verb
    that takes « être » (« Il est parti » is a past tense), for a state the phrase places
    now (« désormais »); never for a participle placed in time, an event (« Menées de
    quatre buts à la mi-temps, les Brestoises ont renversé… » read « Elles sont
    menées… » after the comeback; « Le plan, présenté lors d'un comité, prévoit… » read
    « Le plan est présenté… »). Else only beside a main clause in the present, or with
    its agent (« financé par la région »: who pays is a lasting fact)."""
    lead = next((t for t in phrase if t.pos_ not in ("ADV", "PUNCT")), None)
    if lead is None:
        return False
    if "Part" not in lead.morph.get("VerbForm"):
        return bool(lead.pos_ == "ADJ")
    if lead.lemma_.lower() in ETRE_VERBS or any(t.lower_ in _NOW for t in phrase):
        return True
    if any(t.lower_ in _WHEN or dated(t) for t in phrase):
        return False
    return present(main_verb) or any(c.dep_ == "obl:agent" for c in lead.children)


def present(verb: Any) -> bool:
    """The clause `verb` heads is in the present (or the future): « doit », « gravite »,
    not « a renversé », « avait », « était »."""
    if verb is None or any(c.dep_ in ("aux:tense", "aux") for c in verb.children):
        return False
    return bool({"Pres", "Fut"} & set(verb.morph.get("Tense"))) and "Fin" in verb.morph.get(
        "VerbForm"
    )


def split_fronted_participle(span: Any) -> list[str]:
    """« Rassurée par ses résultats, la droite doit relever le défi. » -> « La droite doit
    relever le défi. Elle est rassurée par ses résultats. »"""
    tokens = list(span)
    first = tokens[0] if tokens else None
    if (
        first is None
        or first.pos_ not in ("VERB", "ADJ")
        or "Part" not in first.morph.get("VerbForm")
        or "Past" not in first.morph.get("Tense")
    ):
        return []
    comma = next((t for t in tokens if t.text == ","), None)
    if comma is None:
        return []
    head, rest = tokens[: comma.i - span.start], tokens[comma.i - span.start + 1 :]
    subject = next((t for t in rest if t.dep_ in ("nsubj", "nsubj:pass")), None)
    agreement = _agreement(subject) if subject is not None else None
    if agreement is None or subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return []
    if count_words(join_tokens(head)) < 3 or count_words(join_tokens(rest)) < 6 or "«" in span.text:
        return []
    if any(dated(t) for t in head):
        # « Classée 312e mondiale au début de la semaine, la joueuse devrait… »: a state at
        # a time, whose tense « Elle est classée… » would get wrong (a fresh article).
        return []
    if not holds_now(head, subject.head):
        return []
    pronoun = _SUBJECT_PRONOUNS[agreement].capitalize()
    if subject.pos_ == "PROPN":
        # The name, not « Il »: the sentence before may end on another person's name
        # (article 19: « …, rappelle Hervé Le Merrer. Il est parti… » meant Yann Quénet).
        name = [subject, *[c for c in subject.children if c.dep_ in ("flat:name", "flat")]]
        pronoun = join_tokens(sorted(name, key=lambda t: t.i))
    described = join_tokens(head)
    return [
        sentence(join_tokens(rest)),
        # The participle opened the sentence: its capital was the sentence's, not a name's.
        sentence(f"{pronoun} {_ETRE[agreement[1]]} {lower_initial(described)}"),
    ]


def split_colon(span: Any) -> list[str]:
    """« A : B. » -> « A. B. » when B is a clause of its own (never before a quotation)."""
    text = span.text.strip()
    if "«" in text or '"' in text or text.count(":") != 1:
        return []
    head, tail = (p.strip() for p in text.split(":"))
    if count_words(head) < 5 or count_words(tail) < 5:
        return []
    colon = next(t for t in span if t.text == ":")
    has_clause = any(t.dep_.startswith("nsubj") and t.i > colon.i for t in span)
    # The head must be a sentence too: « Avec un joli clin d'oeil à la fin du match. » is
    # not one (article 17).
    head_verb = any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.i < colon.i
        for t in span
    )
    return [sentence(head), sentence(tail)] if has_clause and head_verb else []


_QUANTIFIERS = frozenset("plusieurs certains certaines quelques beaucoup aucun aucune".split())
_SHARES = frozenset("moitié plupart majorité minorité tiers quart nombre totalité".split())


def _quantity(tokens: list[Any]) -> bool:
    """« 40 % », « plusieurs », « la moitié », « un tiers »: a part of a whole."""
    if not tokens:
        return False
    first = tokens[0]
    if first.like_num or first.lower_ in _QUANTIFIERS:
        return True
    second = tokens[1] if len(tokens) > 1 else None
    return (
        first.pos_ == "DET" and second is not None and (second.like_num or second.lower_ in _SHARES)
    )


def parmi_dont(span: Any) -> list[str]:
    """« 1 150 personnes sont venues, dont 40 % n'avaient pas… » -> « … venues. Parmi elles,
    40 % n'avaient pas… » — only when « dont » opens a clause with a verb of its own."""
    tokens = list(span)
    for i, token in enumerate(tokens[:-3]):
        if token.text != "," or tokens[i + 1].lower_ != "dont":
            continue
        after = tokens[i + 2 :]
        if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in after):
            continue
        if not _quantity(after):
            # « dont » is « among them » only before a quantity; « 18,7 milliards, dont la
            # société a sorti 5 milliards » (article 06) is « from which », and « les
            # Chiefs, dont l'entraîneur… » (article 17) is « whose ».
            continue
        before = tokens[:i]
        antecedent = next((t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN")), None)
        while (
            antecedent is not None
            and antecedent.dep_ == "nmod"
            and antecedent.head.pos_ == "NOUN"
            and antecedent.head.i < antecedent.i
        ):
            antecedent = antecedent.head  # « 44 jours de mer, dont… »: the days, not the sea
        agreement = _agreement(antecedent) if antecedent is not None else None
        if (
            agreement is None
            or agreement[1] != "Plur"  # « parmi » needs a plural: « Parmi elle » is not French
            or not balanced(join_tokens(before))
            or count_words(join_tokens(before)) < 4
        ):
            continue
        pronoun = (
            "elles"
            if agreement[0] == "Fem" and agreement[1] == "Plur"
            else ("eux" if agreement[1] == "Plur" else ("elle" if agreement[0] == "Fem" else "lui"))
        )
        return [sentence(join_tokens(before)), sentence(f"Parmi {pronoun}, {join_tokens(after)}")]
    return []
