"""Split long sentences at clause boundaries; move attributions and time phrases.

All functions take a parsed sentence (a spaCy Span) and return a list of French
sentences built only from its words, or [] when the transform does not apply.
"""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.words import count_words

REPORTING_VERBS = frozenset(
    [
        "dire",
        "déclarer",
        "expliquer",
        "indiquer",
        "préciser",
        "ajouter",
        "souligner",
        "estimer",
        "affirmer",
        "répondre",
        "confier",
        "assurer",
        "raconter",
        "rappeler",
        "poursuivre",
        "conclure",
        "insister",
        "lancer",
        "reconnaître",
        "avertir",
        "juger",
        "noter",
        "observer",
        "commenter",
        "résumer",
        "détailler",
        "témoigner",
        "regretter",
    ]
)
COORDINATORS = frozenset({"mais", "et", "car", "or", "puis", "donc"})
_TIME_WORDS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "hier",
        "aujourd'hui",
        "demain",
        "semaine",
        "mois",
        "année",
        "an",
        "soir",
        "matin",
        "trimestre",
        "depuis",
    ]
)


def sentence(text: str) -> str:
    """Tidy a built sentence: spacing, capital, final full stop."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"\s+([,.)…])", r"\1", text).replace("( ", "(")
    text = re.sub(r"«(?=\S)", "« ", text)
    text = re.sub(r"(?<=\S)»", " »", text)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?…»" or (text[-1] == "»" and not re.search(r"[.!?…]\s*»$", text)):
        text += "."
    return text


def _text(tokens: list[Any]) -> str:
    """The tokens' text; where tokens were removed between two of them, a space."""
    out = ""
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        out += token.text
        if following is not None and (
            token.whitespace_ or (following.i != token.i + 1 and not following.is_punct)
        ):
            out += " "
    return out.strip()


def _lower_first(tokens: list[Any]) -> str:
    text = _text(tokens)
    first = tokens[0] if tokens else None
    if first is not None and first.pos_ != "PROPN" and not first.ent_type_ and text[:2] != "L'":
        return text[:1].lower() + text[1:]
    return text[:1].lower() + text[1:] if text[:2] in ("L'", "L’") else text


def _balanced(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0


def split_semicolons(span: Any) -> list[str]:
    parts = re.split(r"\s*;\s*", span.text.strip())
    if len(parts) < 2 or any(count_words(p) < 4 or not _balanced(p) for p in parts):
        return []
    return [sentence(p) for p in parts]


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
        if count_words(_text(before)) < 5 or count_words(_text(after)) < 5:
            continue
        if not _balanced(_text(before)):
            continue  # never cut a quotation in two
        if cc.lower_ == "et":
            after = after[1:]  # « Et B a fait Y » reads oddly: drop the plain « et »
        return [sentence(_text(before)), sentence(_text(after))]
    return []


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
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return []
    agreement = _agreement(subject) or (
        ("Masc", subject.morph.get("Number")[0])
        if subject.pos_ == "PROPN" and subject.morph.get("Number")
        else None
    )
    if agreement is None:
        return []
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or not _finite(conj):
            continue
        if any(c.dep_.startswith("nsubj") for c in conj.children):
            continue
        cc = next((c for c in conj.children if c.dep_ == "cc"), None)
        start = cc.i if cc is not None else min(t.i for t in conj.subtree)
        before = [t for t in span if t.i < start]
        after = [t for t in span if t.i >= start and t.i > (cc.i if cc is not None else -1)]
        while before and before[-1].text in ",;:–-":
            before.pop()
        if not _balanced(_text(before)) or count_words(_text(before)) < 5:
            continue
        if count_words(_text(after)) < 3 or after[0].is_punct:
            continue
        pronoun = _SUBJECT_PRONOUNS[agreement]
        lead = "Mais " if cc is not None and cc.lower_ == "mais" else ""
        return [sentence(_text(before)), sentence(f"{lead}{pronoun} {_text(after)}")]
    return []


_ETRE = {"Sing": "est", "Plur": "sont"}


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
    if count_words(_text(head)) < 3 or count_words(_text(rest)) < 6 or "«" in span.text:
        return []
    pronoun = _SUBJECT_PRONOUNS[agreement].capitalize()
    return [
        sentence(_text(rest)),
        sentence(f"{pronoun} {_ETRE[agreement[1]]} {_lower_first(head)}"),
    ]


def split_subject_relative(span: Any) -> list[str]:
    """« La salle, qui compte 60 places, était complète. » -> « La salle était complète.
    Elle compte 60 places. »"""
    if "«" in span.text or '"' in span.text:
        return []
    for token in span:
        if token.dep_ != "acl:relcl" or token.head.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        sub = sorted(token.subtree, key=lambda t: t.i)
        if sub[0].lower_ != "qui" or sub[0].i == span.start:
            continue
        before = span.doc[sub[0].i - 1]
        after = span.doc[sub[-1].i + 1] if sub[-1].i + 1 < span.end else None
        if before.text != "," or after is None or after.text != ",":
            continue
        agreement = _agreement(token.head)
        if agreement is None:
            continue
        main = [t for t in span if t.i < before.i or t.i > after.i]
        relative = sub[1:]
        if count_words(_text(main)) < 5 or count_words(_text(relative)) < 2:
            continue
        pronoun = _SUBJECT_PRONOUNS[agreement].capitalize()
        return [sentence(_text(main)), sentence(f"{pronoun} {_text(relative)}")]
    return []


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
    return [sentence(head), sentence(tail)] if has_clause else []


def split_relative_tail(span: Any) -> list[str]:
    """« …, ce qui représente 2,5 millions. » -> two sentences (« Cela représente… »)."""
    tokens = list(span)
    for i, token in enumerate(tokens[:-3]):
        if (
            token.text == ","
            and tokens[i + 1].lower_ == "ce"
            and tokens[i + 2].lower_ in ("qui", "que")
        ):
            before, after = tokens[:i], tokens[i + 3 :]
            if not _balanced(_text(before)):
                continue
            if count_words(_text(before)) >= 6 and count_words(_text(after)) >= 3:
                return [sentence(_text(before)), sentence("Cela " + _text(after))]
        # « …, qui V … » closing the sentence on the object: « Celle-ci V … »
        if token.text == "," and tokens[i + 1].lower_ == "qui":
            verb = tokens[i + 1].head
            antecedent = verb.head if verb.dep_ == "acl:relcl" else None
            if antecedent is None or (
                antecedent.i != tokens[i - 1].i
                and not any(t.i == tokens[i - 1].i for t in antecedent.subtree)
            ):
                continue
            if max(t.i for t in verb.subtree) != tokens[-1].i - (1 if tokens[-1].is_punct else 0):
                continue  # the relative clause must close the sentence
            agreement = _agreement(antecedent)
            before, after = tokens[:i], tokens[i + 2 :]
            if agreement is None or not _balanced(_text(before)) or "«" in _text(after):
                continue
            if count_words(_text(before)) >= 6 and count_words(_text(after)) >= 3:
                pronoun = _DEMONSTRATIVES[agreement].capitalize()
                return [sentence(_text(before)), sentence(f"{pronoun} {_text(after)}")]
    return []


def move_attribution(span: Any) -> list[str]:
    """« « Q », a déclaré X. » -> « X a déclaré : « Q ». »"""
    text = span.text.strip()
    match = re.match(r"^(«.+»)\s*,\s*(.+?)[.]?$", text, re.DOTALL)
    if not match:
        return []
    quote = match.group(1)
    tail_doc = [t for t in span if t.idx - span.start_char >= match.start(2)]
    verb = next((t for t in tail_doc if t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    verb_group = [t for t in tail_doc if t.i <= verb.i]
    subject = [t for t in tail_doc if t.i > verb.i]
    clitic = [t for t in verb_group if t.text.lower() in ("-t-il", "-il", "-elle", "-t-elle", "-t")]
    verb_group = [t for t in verb_group if t not in clitic]
    if clitic:
        who = "elle" if any("elle" in t.text.lower() for t in clitic) else "il"
        if subject:
            return []
        return [sentence(f"{who.capitalize()} {_text(verb_group)} : {quote}")]
    if not subject or count_words(_text(subject)) > 14:
        return []
    subject_text = _text(subject).rstrip(".")
    if "," in subject_text:
        subject_text += ","  # « Marc Deschamps, conseiller municipal, a déclaré »
    return [sentence(f"{subject_text} {_text(verb_group)} : {quote}")]


def front_time_phrase(span: Any) -> list[str]:
    """« Le conseil a voté lundi soir. » -> « Lundi soir, le conseil a voté. »"""
    root = span.root
    tokens = [t for t in span if not (t.is_punct and t.i == span.end - 1)]
    if not tokens or tokens[0].text in ("«", '"'):
        return []
    for child in sorted(root.children, key=lambda c: -c.i):
        if child.dep_ not in ("obl:mod", "obl", "advmod", "obl:tmod", "nmod"):
            continue
        sub = sorted(child.subtree, key=lambda t: t.i)
        if sub[-1].i != tokens[-1].i:
            continue  # only a phrase that closes the sentence
        words = {t.lower_ for t in sub}
        if not words & _TIME_WORDS or len(sub) > 7 or any(t.text in "«»,;" for t in sub):
            continue
        rest = [t for t in tokens if t.i < sub[0].i]
        if rest and (rest[-1].pos_ == "ADV" or rest[-1].is_punct):
            return []  # « presque chaque jeudi », « , lundi »: the phrase is not separable
        if count_words(_text(rest)) < 4 or not _balanced(_text(rest)):
            return []
        return [sentence(f"{_text(sub)}, {_lower_first(rest)}")]
    return []


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
    if head[0].lower_ in ("pour", "comme", "côté", "quant", "selon", "d'après", "contrairement"):
        return []  # at the end of the sentence its scope would become ambiguous
    if any(t.dep_.startswith("nsubj") for t in head) or count_words(_text(rest)) < 4:
        return []
    if rest[-1].text in ("?", "!"):
        return []
    return [sentence(f"{_text(rest)} {_lower_first(head)}")]


def front_phrase(span: Any) -> list[str]:
    """« X a présenté Y sur les réseaux. » -> « Sur les réseaux, X a présenté Y. »"""
    root = span.root
    tokens = [t for t in span if not (t.is_punct and t.i == span.end - 1)]
    if not tokens or tokens[0].text in ("«", '"') or "«" in span.text or "?" in span.text:
        return []
    for child in sorted(root.children, key=lambda c: -c.i):
        if child.dep_ not in ("obl:mod", "obl", "obl:arg"):
            continue
        sub = sorted(child.subtree, key=lambda t: t.i)
        if sub[-1].i != tokens[-1].i or sub[0].pos_ != "ADP" or not 2 <= len(sub) <= 6:
            continue
        if any(t.text in "«»,;()" for t in sub):
            continue
        rest = [t for t in tokens if t.i < sub[0].i]
        if not rest or rest[-1].pos_ in ("ADV", "ADP", "DET") or rest[-1].is_punct:
            return []
        if count_words(_text(rest)) < 5 or not _balanced(_text(rest)):
            return []
        return [sentence(f"{_text(sub)}, {_lower_first(rest)}")]
    return []


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
        before = tokens[:i]
        antecedent = next((t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN")), None)
        agreement = _agreement(antecedent) if antecedent is not None else None
        if agreement is None or not _balanced(_text(before)) or count_words(_text(before)) < 4:
            continue
        pronoun = (
            "elles"
            if agreement[0] == "Fem" and agreement[1] == "Plur"
            else ("eux" if agreement[1] == "Plur" else ("elle" if agreement[0] == "Fem" else "lui"))
        )
        return [sentence(_text(before)), sentence(f"Parmi {pronoun}, {_text(after)}")]
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
    text = _text([t for t in span if t.i not in drop])
    text = re.sub(r"\s*\([^()]*\)", "", text)
    if text.strip() == span.text.strip() or count_words(text) < 6 or not _balanced(text):
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
    obj = _lower_first(subject_words)
    tail = f" {_text(rest)}" if rest else ""
    return [
        sentence(f"{_text(agent_words)} {avoir} {_masculine_participle(root.text)} {obj}{tail}")
    ]


def swap_selon(span: Any) -> list[str]:
    """« Selon X, Y. » <-> « Y, selon X. »"""
    text = span.text.strip().rstrip(".")
    match = re.match(r"^(Selon|D'après|D’après) ([^,]{3,60}), (.+)$", text)
    if match and "«" not in match.group(3) and not match.group(3)[0].isdigit():
        body = match.group(3)
        return [sentence(f"{body}, {match.group(1).lower()} {match.group(2)}")]
    match = re.match(r"^(.+), (selon|d'après|d’après) ([^,]{3,60})$", text)
    if match and "«" not in match.group(1):
        return [
            sentence(
                f"{match.group(2).capitalize()} {match.group(3)}, "
                f"{match.group(1)[:1].lower()}{match.group(1)[1:]}"
            )
        ]
    return []


SPLITTERS = (
    split_semicolons,
    split_coordination,
    split_shared_subject,
    split_relative_tail,
    split_subject_relative,
    split_fronted_participle,
    parmi_dont,
    split_colon,
)
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
