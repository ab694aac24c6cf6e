"""What a source span supports: its words (forms, lemmas, stems), numbers and quotations."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rewriter.analysis.words import normalise, token_forms
from rewriter.verify.referents import pronoun_subjects, referents, subject_features

# Number words a rewrite may turn into digits, or back.
NUMBER_WORDS = {
    "un": "1",
    "une": "1",
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "six": "6",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "dix": "10",
    "onze": "11",
    "douze": "12",
    "treize": "13",
    "quatorze": "14",
    "quinze": "15",
    "seize": "16",
    "vingt": "20",
    "trente": "30",
    "quarante": "40",
    "cinquante": "50",
    "soixante": "60",
    "cent": "100",
    "mille": "1000",
    "premier": "1",
    "première": "1",
    "deuxième": "2",
    "second": "2",
    "seconde": "2",
    "troisième": "3",
    "moitié": "50%",
}
_NUMBER = re.compile(r"\d+(?:[ \u202f\u00a0]\d{3})*(?:[.,]\d+)?")
_QUOTE = re.compile(r"«\s*(.+?)\s*»|“\s*(.+?)\s*”|\"\s*(.+?)\s*\"", re.DOTALL)


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("french")


def stem(word: str) -> str:
    return str(_stemmer().stemWord(normalise(word)))


def numbers_in(text: str) -> set[str]:
    """Digit groups, thousands separators removed, decimal comma: « 365 000 » -> 365000."""
    return {re.sub(r"[ \u202f\u00a0]", "", m).replace(".", ",") for m in _NUMBER.findall(text)}


_MEASURE = re.compile(
    r"(\d+(?:[ \u202f\u00a0]\d{3})*(?:[.,]\d+)?)\s*(%|[a-zA-Zàâäéèêëîïôöùûüç€$]+)"
)


def measures_in(text: str) -> set[tuple[str, str]]:
    """(number, the word after it): « 8,5 % » is not « 8,5 millions »."""
    out = set()
    for number, unit in _MEASURE.findall(text):
        unit = unit.lower().rstrip("s") or unit
        out.add((re.sub(r"[ \u202f\u00a0]", "", number).replace(".", ","), unit))
    return out


def quotes_in(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _QUOTE.finditer(text)]


def flat(text: str) -> str:
    """Comparable text: straight apostrophes, single spaces, lower case."""
    text = text.replace("’", "'").replace("\u202f", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Support:
    text: str
    forms: frozenset[str]
    stems: frozenset[str]
    numbers: frozenset[str]
    verbs: dict[str, tuple[bool, bool]]  # lemma -> (negated somewhere, conditional somewhere)
    flat_text: str
    measures: frozenset[tuple[str, str]] = frozenset()
    genders: dict[str, frozenset[str]] = field(default_factory=dict)  # noun -> article genders
    relations: frozenset[tuple[str, str, str]] = frozenset()  # (verb, actor|patient, word)
    root_time: str | None = None  # "past", "present", "future" or "conditional"
    # verb lemma -> when the source says it happens (`verb_time`): « se sont multipliés »
    times: dict[str, frozenset[str]] = field(default_factory=dict)
    main_verb: bool = False  # a conjugated verb heads the main clause
    reflexive: frozenset[str] = frozenset()  # verb lemmas used with « se »
    clitics: frozenset[tuple[str, str]] = frozenset()  # (verb, « le », « la » or « les »)
    # (noun, stem of what describes it): « le sujet éloigné de… », « la salle est complète »
    predicates: frozenset[tuple[str, str]] = frozenset()
    speakers: frozenset[str] = frozenset()  # forms of who or what the source quotes
    ngrams: dict[str, int] = field(default_factory=dict)  # word pairs and their counts
    # (gender, number) of what a third-person pronoun may stand for here: the span's nouns,
    # names ("*" gender: spaCy does not know it) and pronouns (`referents`)
    referents: frozenset[tuple[str, str]] = frozenset()
    # verb lemma -> (gender, number) of its subjects here (`subject_features`)
    subjects: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    pronoun_subjects: frozenset[str] = frozenset()  # verbs a pronoun does (`referents`)
    # (noun, noun within its phrase) stems, "*" for one whose owner is a possessive; and
    # every noun's stem (`additions.noun_links`): what may be « X de Y » in a rewrite
    nests: frozenset[tuple[str, str]] = frozenset()
    nouns: frozenset[str] = frozenset()

    def supports_word(self, token: Any) -> bool:
        forms = token_forms(token)
        if not forms.isdisjoint(self.forms):
            return True
        return stem(token.text) in self.stems or stem(token.lemma_ or token.text) in self.stems

    def supports_number(self, number: str) -> bool:
        return number in self.numbers

    def supports_quote(self, quote: str) -> bool:
        return flat(quote) in self.flat_text


# Future/conditional stems of irregular verbs (« il pourrait », « il serait »).
_IRREGULAR_STEMS = {
    "être": "ser",
    "avoir": "aur",
    "pouvoir": "pourr",
    "faire": "fer",
    "aller": "ir",
    "devoir": "devr",
    "vouloir": "voudr",
    "savoir": "saur",
    "venir": "viendr",
    "voir": "verr",
    "falloir": "faudr",
    "tenir": "tiendr",
    "valoir": "vaudr",
    "envoyer": "enverr",
    "mourir": "mourr",
    "courir": "courr",
    "recevoir": "recevr",
    "obtenir": "obtiendr",
    "devenir": "deviendr",
    "revenir": "reviendr",
    "prévoir": "prévoir",
    "permettre": "permettr",
}
_CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")


def is_conditional(token: Any) -> bool:
    """Conditional mood. The tagger often reads « suspendrait » as an imperfect, so the
    form is also checked against the verb's future stem (« suspendr- », « déclarer- »)."""
    if "Cnd" in token.morph.get("Mood"):
        return True
    form, lemma = token.text.lower(), token.lemma_.lower()
    stem_ = _IRREGULAR_STEMS.get(lemma) or (lemma[:-1] if lemma.endswith("re") else lemma)
    return any(form == stem_ + ending for ending in _CONDITIONAL_ENDINGS) and stem_.endswith("r")


def clause_flags(token: Any) -> tuple[bool, bool]:
    """(negated, conditional) for a verb token, from its own morphology and its auxiliaries."""
    words = [token, *[c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
    conditional = any(is_conditional(w) for w in words)
    negated = any(
        normalise(c.text)
        in ("ne", "n", "pas", "jamais", "plus", "guère", "point", "aucun", "aucune", "rien", "ni")
        and c.dep_ in ("advmod", "advmod:neg", "det", "obj", "cc")
        for c in token.children
    )
    return negated, conditional


def _root_time(doc: Any) -> str | None:
    """When the main clause happens: « devient » (present) is not « a été » (past)."""
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return verb_time(roots[0]) if roots else None


def verb_time(verb: Any) -> str | None:
    """« a voté » past, « avait voté » pluperfect, « votera » future, « voterait »
    conditional, « vote » present; None for a verb that is not conjugated."""
    helpers = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    words = [verb, *helpers]
    if any(is_conditional(w) for w in words):
        return "conditional"
    tenses = {t for w in words for t in w.morph.get("Tense")}
    finite = [w for w in words if "Fin" in w.morph.get("VerbForm")]
    if "Fut" in tenses:
        return "future"
    participle = "Part" in verb.morph.get("VerbForm")
    if participle and any("Imp" in h.morph.get("Tense") for h in helpers if h in finite):
        return "pluperfect"  # « s'étaient multipliés » is not « se sont multipliés »
    if ("Imp" in tenses and finite) or "Past" in {t for w in finite for t in w.morph.get("Tense")}:
        return "past"
    if finite and any(c.dep_ == "aux:tense" for c in verb.children) and participle:
        return "past"  # passé composé: « a voté »
    return "present" if finite else None


def _noun_phrase(token: Any) -> list[Any]:
    """Who fills a role: the head word and the names set beside it (« la startup OpenAI »,
    « Tyler Perry »), not its complements (« les horaires » of « l'extension des horaires »
    do not cost anything)."""
    out = [token]
    for child in token.children:
        is_name = child.pos_ == "PROPN" or (child.is_alpha and child.text[:1].isupper())
        if child.dep_ in ("appos", "flat", "flat:name", "fixed", "compound") or (
            is_name and not any(c.dep_ == "case" for c in child.children)
        ):
            out.extend(_noun_phrase(child))
    return out


def build_support(doc: Any, extra_text: str = "") -> Support:
    from rewriter.verify.additions import noun_links  # it reads Support: imported here

    forms: set[str] = set()
    stems: set[str] = set()
    verbs: dict[str, tuple[bool, bool]] = {}
    times: dict[str, set[str]] = {}
    for token in doc:
        forms |= token_forms(token)
        stems.add(stem(token.text))
        if token.lemma_:
            stems.add(stem(token.lemma_))
        word = normalise(token.text)
        if word in NUMBER_WORDS:
            forms.add(NUMBER_WORDS[word])
        if token.pos_ in ("VERB", "AUX"):
            negated, conditional = clause_flags(token)
            old = verbs.get(token.lemma_, (False, False))
            verbs[token.lemma_] = (old[0] or negated, old[1] or conditional)
            time = verb_time(token) if token.pos_ == "VERB" else None
            if time is not None:
                times.setdefault(token.lemma_, set()).add(time)
    numbers = numbers_in(doc.text) | {v for k, v in NUMBER_WORDS.items() if k in forms}
    roles = {"nsubj": "actor", "obl:agent": "actor", "obj": "patient", "nsubj:pass": "patient"}
    relations = set()
    for token in doc:
        if token.dep_ in roles and token.head.pos_ in ("VERB", "AUX"):
            role = roles[token.dep_]
            if token.pos_ == "PRON":  # « il a dit » : we cannot tell who, so anyone may
                relations.add((token.head.lemma_, role, "*"))
            # The whole noun phrase fills the role: « la startup OpenAI », « Tyler Perry ».
            for word in _noun_phrase(token):
                for form in token_forms(word):
                    relations.add((token.head.lemma_, role, form))
        elif token.dep_ == "acl" and token.pos_ == "VERB" and token.head.pos_ in ("NOUN", "PROPN"):
            # A participle modifying a noun says who does or undergoes it: « le taux,
            # mesuré par l'Insee » — the taux is measured (its patient); « la baisse,
            # poursuivant sa tendance » — the baisse continues (its actor). A rewrite may say
            # it as a clause of its own: « Le taux est mesuré par l'Insee. »
            tense = token.morph.get("Tense")
            role = "actor" if tense == ["Pres"] else "patient"
            for word in _noun_phrase(token.head):
                for form in token_forms(word):
                    relations.add((token.lemma_, role, form))
    return Support(
        text=doc.text,
        forms=frozenset(forms),
        stems=frozenset(stems),
        numbers=frozenset(numbers),
        verbs=verbs,
        flat_text=flat(doc.text + " " + extra_text),
        relations=frozenset(relations),
        measures=frozenset(measures_in(doc.text)),
        root_time=_root_time(doc) if len(list(doc.sents)) == 1 else None,
        times={lemma: frozenset(found) for lemma, found in times.items()},
        main_verb=has_main_verb(doc),
        reflexive=frozenset(reflexive_verbs(doc)),
        clitics=frozenset(object_clitics(doc)),
        predicates=frozenset(pair for t in doc for pair in descriptions(t)),
        speakers=frozenset(speakers(doc)),
        ngrams=pair_counts(doc.text),
        genders=article_genders(doc),
        referents=referents(doc),
        subjects=subject_features(doc),
        pronoun_subjects=pronoun_subjects(doc),
        **noun_links(doc),
    )


ARTICLE_GENDER = {"le": "Masc", "un": "Masc", "la": "Fem", "une": "Fem"}


def article_genders(doc: Any) -> dict[str, frozenset[str]]:
    """Each noun and the genders of the articles the source gives it (« la médiathèque »)."""
    found: dict[str, set[str]] = {}
    for token in doc:
        gender = ARTICLE_GENDER.get(token.lower_)
        if gender and token.dep_ == "det" and token.head.pos_ in ("NOUN", "PROPN"):
            found.setdefault(normalise(token.head.text), set()).add(gender)
    return {noun: frozenset(g) for noun, g in found.items()}


def reflexive_verbs(doc: Any) -> set[str]:
    """Lemmas of the verbs that take « se » here (« s'établit » → établir)."""
    return {
        t.head.lemma_
        for t in doc
        if t.lower_ in ("se", "s'", "s’") and t.head.pos_ in ("VERB", "AUX")
    }


ACCORDING_TO = frozenset({"selon", "d'après", "d’après"})
LINKING_VERBS = frozenset("rester demeurer devenir sembler paraître".split())


def speakers(doc: Any) -> set[str]:
    """Who or what the source says something comes from: « selon les chiffres publiés par
    l'Insee », « Pour M. Abad, … », the subject of a verb of saying."""
    from rewriter.transform.speech import reports

    out: set[str] = set()
    for t in doc:
        opens = t.lower_ == "pour" and t.i == t.sent.start
        if (t.lower_ in ACCORDING_TO or opens) and t.head.pos_ in ("NOUN", "PROPN"):
            words = [w for w in t.head.subtree if w.pos_ in ("NOUN", "PROPN")]
        elif t.dep_.startswith("nsubj") and t.head.pos_ in ("VERB", "AUX") and reports(t.head):
            words = _noun_phrase(t)
        else:
            continue
        out.update(form for w in words for form in token_forms(w))
    return out


def descriptions(token: Any) -> list[tuple[str, str]]:
    """What `token` (an adjective or a participle) says of a noun, as (noun, stem) pairs:
    attributive (« ce sujet éloigné »), in apposition, or after « être » (« le sujet est
    éloigné »)."""
    if token.pos_ not in ("ADJ", "VERB"):
        return []
    nouns = []
    if token.dep_ in ("amod", "acl", "appos") and token.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(token.head)
    if any(c.dep_ == "cop" for c in token.children):
        nouns += [c for c in token.children if c.dep_.startswith("nsubj")]
    if token.dep_ == "xcomp" and token.head.lemma_ in LINKING_VERBS:  # « reste quasi stable »
        nouns += [c for c in token.head.children if c.dep_.startswith("nsubj")]
    pairs = []
    for noun in nouns:
        for form in token_forms(noun):
            pairs.append((form, stem(token.text)))
            pairs.append((form, stem(token.lemma_ or token.text)))
    return pairs


OBJECT_CLITICS = frozenset({"le", "la", "les"})


def object_clitics(doc: Any) -> set[tuple[str, str]]:
    """The verbs that take « le », « la » or « les » as object (« les transformer »)."""
    return {
        (t.head.lemma_, t.lower_)
        for t in doc
        if t.pos_ == "PRON" and t.lower_ in OBJECT_CLITICS and t.head.pos_ in ("VERB", "AUX")
    }


def pair_counts(text: str) -> dict[str, int]:
    """How often each pair of consecutive words occurs: « ses démons » once in the source
    may not come back five times in a rewrite."""
    words = re.findall(r"\w+", text.lower())
    counts: dict[str, int] = {}
    for pair in itertools.pairwise(words):
        key = " ".join(pair)
        counts[key] = counts.get(key, 0) + 1
    return counts


def has_main_verb(doc: Any) -> bool:
    """Some sentence's main clause has a conjugated verb, its own or an auxiliary/copula
    (« C'est ce qu'a annoncé X » has one; « Ce qu'a annoncé X » has none)."""
    for sent in doc.sents:
        root = sent.root
        helpers = [c for c in root.children if c.dep_ in ("cop", "aux", "aux:tense", "aux:pass")]
        if (root.pos_ in ("VERB", "AUX") and _finite(root)) or any(_finite(h) for h in helpers):
            return True
    return False


def _finite(token: Any) -> bool:
    return "Fin" in token.morph.get("VerbForm")
