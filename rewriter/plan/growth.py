"""Material to reach the word target without inventing: key points and questions whose
answers are the source's own facts. Only the choice of sentences happens here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rewriter.analysis.words import (
    MONTHS,
    STANDING_FOR,
    is_year,
    leaning_clitic,
    leaning_determiner,
    points_back,
)
from rewriter.plan import Plan, SourceSentence, quotation_ranges
from rewriter.plan.anaphora import known_forms, takes_up, this_one
from rewriter.plan.reasons import WHY, causal, why_question
from rewriter.transform.clauses import REPORTING_VERBS
from rewriter.verify.reading import fragment
from rewriter.verify.support import quotes_in

SPOKEN_WORDS = 5  # a quotation shorter than this is a title or a term, not speech
KEY_POINTS = 5
KEY_POINTS_SHORT = 8  # a short source gives its key points more room


@dataclass(frozen=True)
class Question:
    text: str  # asserts nothing: every fact is in the answer
    answer: list[SourceSentence]


def key_points(plan: Plan, exclude: set[int] | None = None) -> list[SourceSentence]:
    """The sentences carrying the most facts (numbers, names), in article order — each
    readable alone (not opening on « Il » or « Celle-ci ») and saying something new:
    none of `exclude` (indices of sentences a subheading already states)."""
    known = known_forms(plan.title, plan.keyword.words)
    candidates = [
        s
        for s in plan.sentences
        if s.index not in (exclude or ())
        and not s.has_quote
        and 6 <= s.words <= 40
        and not leans(s)
        and _finite(s)
        and not s.text.rstrip().endswith("?")  # article 18: « Les 50.000 euros remis… ? »
        and not _list_item(s)
        and not fragment(s.text)  # a key point is a whole sentence (« Car… » is not)
        and (s.index == 0 or not (this_one(s.span) or takes_up(s.span, known)))
    ]
    scored = sorted(
        candidates, key=lambda s: -(2 * s.has_number + len(s.entities) + (s.index == 0))
    )
    n = KEY_POINTS if sum(s.words for s in plan.sentences) >= 600 else KEY_POINTS_SHORT
    chosen: list[SourceSentence] = []
    for s in scored:
        if (s.has_number or s.entities) and not any(_same_fact(s, c) for c in chosen):
            chosen.append(s)
    return sorted(chosen[:n], key=lambda s: s.index)


_PERSONAL = STANDING_FOR


def opens_on_pronoun(s: SourceSentence) -> bool:
    """The sentence needs the one before it: it opens on a subject pronoun, or its main
    subject is one (« Selon l'institut, il devrait… » is served as « Il devrait… »)."""
    first = next((t for t in s.span if not t.is_punct), None)
    opens_quote = s.text[:1] in '«"“'  # « "Nous rouvrirons…", a dit X »: the speaker's « nous »
    if (
        not opens_quote
        and first is not None
        and first.pos_ == "PRON"
        and first.dep_.startswith(("nsubj", "expl:subj"))
        and first.lower_ != "on"
    ):
        return True
    if first is not None and first.pos_ == "DET" and "Dem" in first.morph.get("PronType", []):
        return True  # « Ce halo concerne… », « Ces personnes… »: which ones?
    root = s.span.root
    return any(c.dep_.startswith("nsubj") and c.lower_ in _PERSONAL for c in root.children)


_TIES_BACK = re.compile(
    r"^(?:Car|Mais|Or|Donc|En effet|Pourtant|Cependant|Toutefois|Néanmoins|En revanche"
    r"|Ainsi|Aussi|C['’]est pourquoi|Par conséquent|[AÀ] l['’]inverse|Au contraire|Inversement)\b"
)


def ties_back(text: str) -> bool:
    """« Car, tractable sur remorque, "Baluchon"… » explains the sentence just before it:
    a split that ends that one with a new sentence (« …, prédit Didier Corfec. Didier
    Corfec est préparateur de… », article 19) makes the « Car » explain the wrong one.
    Not `text.without_connector`'s list: that one strips what a sentence out of its place
    may lose; this one says what ties a sentence to the one before."""
    return bool(_TIES_BACK.match(text.strip()))


def leans(s: SourceSentence) -> bool:
    """The sentence needs the one before it, out of its place: a subject pronoun
    (`opens_on_pronoun`), a demonstrative among its first words (« Pour ce faire, … »),
    or a main subject with a demonstrative or possessive (« Pendant le Crétacé, ces
    ostracodes vivaient… », « Leur corps mou est protégé… ») or set against another
    (« D'autres travaux… avaient abouti à des résultats proches »)."""
    if opens_on_pronoun(s):
        return True
    first = list(s.span)[:4]
    if any("Dem" in t.morph.get("PronType") for t in first):
        return True
    if any(points_back(t) for t in s.span):
        return True  # « L'animal en question… »
    if not s.has_quote and any(_clitic_from_before(t, s.span) for t in s.span):
        return True  # « La région en a fait un axe de sa politique » (of what?)
    if first and first[0].morph.get("Poss") == ["Yes"]:
        return True  # « Leur coquille… » (« Pour son retour, X… » names X after it)
    if _pronoun_first(s):
        return True  # « Dès qu'ils se lèveront…, ils devront le remettre, prévient X »
    if _speaker_pronoun(s):
        return True  # « "…", a-t-il réagi dans un communiqué »: who?
    if _stressed_from_before(s):
        return True  # « Quatre d'entre eux (…) sont liés… » (article 08): four of what?
    # Every root's: the parser may give a sentence two (« Pendant la période du Crétacé
    # (environ −145 à −66 millions d'années), ces ostracodes vivaient… », article 20).
    roots = [t for t in s.span if t.dep_ == "ROOT"] or [s.span.root]
    subjects = [c for r in roots for c in r.children if c.dep_.startswith("nsubj")]
    if any(_other(subject) for subject in subjects) or any(
        t.lower_ in ("autre", "autres") for t in first[:3]
    ):
        return True  # « D'autres pays ont suivi », « Deux autres acteurs manquent… »: other than?
    return any(leaning_determiner(d) for subject in subjects for d in subject.children)


def _other(subject: Any) -> bool:
    """A subject set against one named before: « d'autres travaux », « l'autre danger »,
    « deux autres plaintes », « d'autres » alone (`leans` also reads the first words)."""
    if subject.lower_ == "autres":
        return True
    return any(c.lower_ in ("autre", "autres") and c.i < subject.i for c in subject.children)


# A stressed pronoun and what it can stand for: its number, and its gender when it has one.
_STRESSED = {
    "eux": ("Plur", "Masc"),
    "elles": ("Plur", "Fem"),
    "lui": ("Sing", "Masc"),
    "elle": ("Sing", "Fem"),
}


def _stressed_from_before(s: SourceSentence) -> bool:
    """A stressed pronoun after a preposition, outside a quotation, with nothing before it
    in its sentence it could stand for (a noun or a name of its number and gender): « Quatre
    d'entre eux », « Parmi elles, … », « Selon lui, … », « Voici ce que l'on peut apprendre
    du voyage de l'une d'entre elles » (article 22's meta: of which?) take up what the
    sentence before named; « Les élus, dont quatre d'entre eux… » names it."""
    quoted = quotation_ranges(s.text)
    start = s.span.start_char
    before: list[Any] = []
    for token in s.span:
        if any(a <= token.idx - start < b for a, b in quoted):
            continue
        stressed = token.lower_ in _STRESSED and any(c.dep_ == "case" for c in token.children)
        if stressed and not any(_could_stand_for(token.lower_, t) for t in before):
            return True
        if token.pos_ in ("NOUN", "PROPN"):
            before.append(token)
    return False


def _could_stand_for(pronoun: str, noun: Any) -> bool:
    """`noun` agrees with the stressed `pronoun`, as far as the tagger says (a name
    without number is a person, singular; « Uber et Lyft » are plural together)."""
    number, gender = _STRESSED[pronoun]
    numbers = noun.morph.get("Number") or ["Sing"]
    genders = noun.morph.get("Gender") or [gender]
    if number == "Plur" and any(c.dep_ == "conj" for c in noun.children):
        numbers = ["Plur"]  # « Uber et Lyft … d'entre eux »
    if number == "Plur" and gender == "Masc":
        genders = [gender]  # « eux » stands for men, or for a mixed group
    return number in numbers and gender in genders


def _clitic_from_before(token: Any, span: Any) -> bool:
    """`token` is an object pronoun with nothing before it in its sentence to stand for
    but its own verb's subject: « La région en a fait un axe… », « Plus tard l'attendent
    l'Australie… » — where « …aux JO de 2012 et certains y ont été médaillés » and « Le
    confinement, Yann Quénet l'a à peine connu » name what they take up."""
    if not leaning_clitic(token):
        return False
    subjects = {t.i for c in token.head.children if c.dep_.startswith("nsubj") for t in c.subtree}
    return not any(
        t.pos_ in ("NOUN", "PROPN") and t.i not in subjects for t in span if t.i < token.i
    )


_INVERTED = frozenset("-il -elle -ils -elles -t-il -t-elle -t-ils -t-elles".split())


def _speaker_pronoun(s: SourceSentence) -> bool:
    """Who speaks is an inverted pronoun (« "…", a-t-il réagi », « prévient-elle »), with
    no name outside the quotation for it to stand for: two fresh articles' answers to
    « Que disent les personnes citées ? » quoted « il », named two sentences before."""
    if not any(t.lower_ in _INVERTED for t in s.span):
        return False
    start = s.span.start_char
    inside = quotation_ranges(s.span.text)
    outside = [t for t in s.span if not any(a <= t.idx - start < b for a, b in inside)]
    return not any(t.pos_ == "PROPN" or t.ent_type_ == "PER" for t in outside)


def _pronoun_first(s: SourceSentence) -> bool:
    """A third-person subject pronoun before any noun or name the sentence has: it
    stands for someone named before (article 27's key point « Dès qu'ils se lèveront,
    par exemple pour aller aux toilettes, ils devront le remettre, prévient Jennifer
    Viix »: the main subject is the speaker's, the pronouns lean). « Il faut », « il
    s'agit » stand for no one."""
    for token in s.span:
        if token.pos_ in ("NOUN", "PROPN"):
            return False
        if (
            token.lower_ in _PERSONAL
            and token.dep_.startswith("nsubj")
            and token.head.lemma_ not in ("falloir", "agir", "sembler", "paraître")
        ):
            return True
    return False


def _list_item(s: SourceSentence) -> bool:
    """« 1-prendre en considération… » (article 30): an item of the source's list, which
    means nothing out of it — and its « 1 » is no key figure."""
    return bool(re.match(r"\s*(?:\d+|[a-z])\s*[-–).]\s*\S", s.text))


def _finite(s: SourceSentence) -> bool:
    """A key point is a statement: « Construire un voilier en 400 heures » is not one."""
    return any("Fin" in t.morph.get("VerbForm") for t in s.span)


def _same_fact(a: SourceSentence, b: SourceSentence) -> bool:
    """« Il s'agit du plus bas niveau depuis 2009 » and « … d'un plus bas niveau … »."""

    def lemmas(s: SourceSentence) -> set[str]:
        return {t.lemma_.lower() for t in s.span if t.is_alpha and not t.is_stop} | {
            t.text for t in s.span if t.like_num
        }

    x, y = lemmas(a), lemmas(b)
    return bool(x and y) and len(x & y) / len(x | y) >= 0.8


def questions(plan: Plan, exclude: set[int] | None = None) -> list[Question]:
    """Questions a reader asks, each answered by the sentences that hold the answer —
    never one the key points already restate (`exclude`: their indices)."""
    sentences = plan.sentences
    used: set[int] = set(exclude or ())
    known = known_forms(plan.title, plan.keyword.words)

    def pick(
        matching: list[SourceSentence], n: int = 2, said: bool = False
    ) -> list[SourceSentence]:
        # An answer is read alone, under its question: no sentence that leans on another,
        # nor one whose demonstrative points to what it does not name (« 1 150 personnes
        # sont venues pendant ces soirées », make run; but the article's first), nor one
        # whose subject takes up what came before, unless its question `said` it.
        out = [
            s
            for s in matching
            if s.index not in used
            and not leans(s)
            and (s.index == 0 or not (this_one(s.span) or (takes_up(s.span, known) and not said)))
            and not _list_item(s)
            and not fragment(s.text)
            and not s.unmarked_quote
        ][:n]
        used.update(s.index for s in out)
        return out

    out: list[Question] = []
    lead = pick(plan.lead or sentences[:2])
    if lead:
        out.append(Question("De quoi s'agit-il ?", lead))
    numbers = pick([s for s in sentences if key_figure(s) and not s.has_quote], 3)
    if numbers:
        out.append(Question("Quels sont les chiffres clés ?", numbers))
    quotes = pick(
        [
            s
            for s in sentences
            if s.has_quote
            and _whole_quotation(s.text)
            # Someone speaks: a quoted « AB5 » or a play's title (« "Le chant du cygne"
            # raconte… », article 15) is not what people said.
            and any(len(q.split()) >= SPOKEN_WORDS for q in quotes_in(s.text))
            and any(t.lemma_ in REPORTING_VERBS and t.dep_ not in ("acl", "amod") for t in s.span)
        ],
        3,
    )
    if quotes:
        out.append(Question("Que disent les personnes citées ?", quotes))
    future = pick([s for s in sentences if _future(s) and not s.has_quote], 2)
    if future:
        out.append(Question("Quelles sont les prochaines étapes ?", future))
    causes = pick([s for s in sentences if causal(s) and not s.has_quote], 2, said=True)
    # « Quelles raisons sont avancées ? » — of what? The first answer's own clause, asked,
    # says its subject: « Pourquoi l'association envisage-t-elle d'installer un chapiteau ? »
    asked = why_question(causes[0]) if causes else None
    causes = causes[:1] if asked else [c for c in causes if not takes_up(c.span, known)]
    if causes:
        out.append(Question(asked or WHY, causes))
    return out


_CLOCK = frozenset("h heure heures".split())


def key_figure(s: SourceSentence) -> bool:
    """The sentence counts or measures something (« 355 voix », « 8,5 % », « 120
    millions d'euros »): « Quels sont les chiffres clés ? » is not answered by a date
    (« en 2021 », « le 24 mars ») or a time of day (« à 18 h 30 »)."""
    tokens = list(s.span)
    for before, token, after in zip([None, *tokens], tokens, [*tokens[1:], None], strict=False):
        if not any(c.isdigit() for c in token.text):
            continue
        following = after.lower_ if after is not None else ""
        if is_year(token.text) or following in MONTHS | _CLOCK:
            continue
        if _old_year(before, token, after):
            continue
        if before is not None and before.lower_ in _CLOCK:  # the « 30 » of « 18 h 30 »
            continue
        if re.fullmatch(r"\d{1,2}h\d{0,2}", token.lower_):
            continue
        return True
    return False


_SINCE = frozenset("en depuis dès de à vers avant après jusqu'en".split())


def _old_year(before: Any, token: Any, after: Any) -> bool:
    """« Édifié en 1427 », « depuis 1427 »: a year older than `is_year`'s, after a word
    that places it in time and before no noun it would count (« en 1500 exemplaires »)
    — article 27's « chiffres clés » were a building's date."""
    if not re.fullmatch(r"1\d{3}", token.text) or before is None:
        return False
    return before.lower_ in _SINCE and (after is None or after.pos_ not in ("NOUN", "PROPN"))


def _whole_quotation(text: str) -> bool:
    """The sentence holds a quotation with its marks: never a sentence from inside a long
    quotation, which out of it would read as the article's own claim."""
    french = text.count("«") == text.count("»") >= 1
    straight = text.count('"') >= 2 and text.count('"') % 2 == 0
    return (french and text.count('"') % 2 == 0) or (straight and "«" not in text)


_DATED = re.compile(
    r"\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre|printemps|été|automne|hiver|prochaine?s?|d['’]ici|à partir d|dès|bientôt"
    r"|à terme|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _future(s: SourceSentence) -> bool:
    """A next step: the main verb is in the future (or « prévoir », « devoir ») and the
    sentence dates it (« sera installé en mars »). « L'État prendra en charge la moitié
    pendant cinq ans » is a fact about money, not a step: no question asks it as one."""
    root = s.span.root
    verbs = [root, *[c for c in root.children if c.dep_.startswith("aux")]]
    future = any("Fut" in t.morph.get("Tense") for t in verbs) or root.lemma_ in (
        "prévoir",
        "devoir",
    )
    return future and bool(_DATED.search(s.text))
