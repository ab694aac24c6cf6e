"""Splits the parse of the whole sentence misses, verified by parsing each half on its own.

`fr_core_news_md` often attaches a second clause wrongly in a long agency sentence
(« … le 17 mars mais éditeurs et distributeurs ont également suspendu … » hangs the second
clause under the date), so `clauses.split_coordination` never sees it. Here we cut at the
coordinator itself and keep the cut only when each half, parsed alone, is a main clause
with a subject and a finite verb — and when nothing before the cut (a « selon … », a « si
… », a fronted date, a « que » clause) could also govern the second half, whose meaning
would change once it stands alone.
"""

from __future__ import annotations

import re
from typing import Any

from rewriter.analysis.nlp import french
from rewriter.analysis.words import PRONOUN_OF_TITLE, count_words
from rewriter.transform.clauses import (
    _name_of,
    balanced,
    join_tokens,
    sentence,
)
from rewriter.transform.speech import reports

# Coordinators that may open a sentence of their own (« et » is dropped at the cut).
CUT_AT = frozenset({"et", "mais", "puis"})
MIN_HALF_WORDS = 5
# A second half that parses as a whole clause may be short: « Mais l'obligation inquiète. »
MIN_CLAUSE_WORDS = 3
# Words before the cut whose scope could reach past it: the second half would lose them.
_SCOPE_WORDS = frozenset(
    "que qu' qu’ si selon d'après d’après quand lorsque lorsqu' lorsqu’ comme parce puisque "
    "puisqu' puisqu’ car ni soit sans".split()
)
_RELATIVES = frozenset("qui que dont où lequel laquelle lesquels lesquelles".split())


def split_reparsed_coordination(span: Any) -> list[str]:
    """« Les libraires ont dû baisser leur rideau le 17 mars mais éditeurs et distributeurs
    ont suspendu leurs activités. » → « Les libraires ont dû baisser leur rideau le 17
    mars. Mais éditeurs et distributeurs ont suspendu leurs activités. »"""
    tokens = list(span)
    if span.text.rstrip().endswith(("?", "!")) or ":" in span.text:
        return []
    for k, token in enumerate(tokens):
        if token.lower_ not in CUT_AT or token.pos_ != "CCONJ" or k < MIN_HALF_WORDS:
            continue
        before, after = tokens[:k], tokens[k + 1 :]
        while before and before[-1].text in ",;–—-":
            before.pop()
        left, right = join_tokens(before), join_tokens(after)
        if count_words(left) < MIN_HALF_WORDS or count_words(right) < MIN_CLAUSE_WORDS:
            continue
        if not balanced(left) or not balanced(right):
            continue  # never cut a quotation in two
        if any(t.pos_ == "CCONJ" for t in before[-2:]) or _bare_noun(after):
            continue  # « … mais éditeurs et distributeurs ont … »: a pair of subjects
        if any(_scopes(t, before) for t in before):
            continue
        if not _main_clause(left, opening=True) or not _main_clause(right, opening=False):
            continue
        lead = "" if token.lower_ == "et" else token.text.capitalize() + " "
        return [sentence(left), sentence(lead + right)]
    return []


def _bare_noun(tokens: list[Any]) -> bool:
    """The half opens on a common noun without a determiner: half of a coordinated pair."""
    return bool(tokens) and tokens[0].pos_ == "NOUN" and not tokens[0].text[:1].isupper()


def _scopes(token: Any, before: list[Any]) -> bool:
    """A word whose scope could reach past the cut; « ne … qu'à partir de 2021 » is a
    restriction inside its own clause, not a « que » clause (article 11)."""
    if token.lower_ not in _SCOPE_WORDS or token.dep_ == "fixed":
        return False
    if token.lower_ not in ("que", "qu'", "qu’"):
        return True
    negation = [t for t in before if t.lower_ in ("ne", "n'", "n’") and t.i < token.i]
    if not negation:
        return True
    # « ne pense pas que … » is a « que » clause; « ne … qu'en 2021 » (no « pas ») is not.
    between = [t for t in before if negation[-1].i < t.i < token.i]
    return any(t.lower_ in ("pas", "plus", "jamais", "rien", "guère", "point") for t in between)


def _main_clause(text: str, *, opening: bool, fronted_ok: bool = False) -> bool:
    """Parsed alone, `text` is a clause that stands on its own: its root is a finite verb
    (or a copula's attribute) with a subject of its own placed before it, and it opens on
    that subject — nothing fronted whose scope could be the other half's too."""
    # Parsed as the sentence it would become (capital, full stop): a lower-case opening
    # (« le Premier ministre a fait savoir… ») misleads the parser into two roots.
    # What brackets hold (a list of names) is left out: it misleads the parse, never the
    # clause's shape.
    doc = french()(sentence(re.sub(r"\s*\([^()]*\)", "", text)))
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return False
    root = roots[0]
    verbs = [root, *[c for c in root.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
    if not any("Fin" in v.morph.get("VerbForm", []) for v in verbs):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.lower_ in _RELATIVES or subject.i > root.i:
        return False
    start = min(t.i for t in subject.subtree)
    # The subject opens the clause (after a connector such as « également » at most).
    fronted = [t for t in doc[:start] if not (t.pos_ in ("ADV", "CCONJ") and t.i < 2)]
    if fronted and not fronted_ok:
        return False
    if opening and doc[0].pos_ in ("ADP", "SCONJ"):
        return False
    return not (doc[0].lower_ in _RELATIVES and doc[0].pos_ == "PRON")


# « A, tandis que B » sets B against A: « A. En revanche, B. » says the same.
_CONTRASTS = {("tandis", "que"): "En revanche,", ("tandis", "qu'"): "En revanche,"}


def split_contrast(span: Any) -> list[str]:
    """« Quatre sont liés au Covid-19, tandis que quatre autres sont plus généralistes. » →
    « Quatre sont liés au Covid-19. En revanche, quatre autres sont plus généralistes. »"""
    tokens = list(span)
    for k in range(1, len(tokens) - 2):
        pair = (tokens[k].lower_, tokens[k + 1].lower_.replace("’", "'"))
        if pair not in _CONTRASTS:
            continue
        head = tokens[: k - 1] if tokens[k - 1].text == "," else tokens[:k]
        left, right = join_tokens(head), join_tokens(tokens[k + 2 :])
        if count_words(left) < MIN_HALF_WORDS or count_words(right) < MIN_CLAUSE_WORDS:
            continue
        if not balanced(left) or not balanced(right):
            continue
        if any(_scopes(t, head) for t in head):
            continue
        if not _main_clause(left, opening=True, fronted_ok=True):
            continue
        if not _main_clause(right, opening=False):
            continue
        return [sentence(left), sentence(f"{_CONTRASTS[pair]} {right}")]
    return []


# « A, alors que B » is « whereas » or « at the time when ». Split, it says « whereas »:
# « Or, B » (« La parcelle a été cédée pour 95 000 euros. Or, les Domaines l'avaient estimée
# à 160 000 euros »). « Dans le même temps » (written before) asserted a simultaneity the
# source did not: « …dès la mi-mars. Dans le même temps, l'évidence était inexistante ».
# Not split when B may be the time of A (B in the imperfect, A not: « il est arrivé alors
# que la réunion commençait »), nor when A reports speech (« La CGT rappelle que…, alors
# que B »: B may be the union's words, and a sentence of its own would make it the
# journalist's). An opening « Alors que A, B » concedes A: « Pourtant ».
_WHEREAS = "Or,"
_CONCESSION = "Pourtant,"


def _imperfect(tokens: list[Any]) -> bool:
    return any("Imp" in t.morph.get("Tense") and t.pos_ in ("VERB", "AUX") for t in tokens)


def _participle_last(main: list[Any]) -> bool:
    """The last comma piece of `main` is a present participle's clause (« …, dénonçant
    un X »): what follows it may be its own, whatever the parse attaches it to."""
    commas = [i for i, t in enumerate(main) if t.text == ","]
    last = main[commas[-1] + 1 :] if commas else []
    return any(
        "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") for t in last
    ) or any(t.lower_.endswith("ant") and t.pos_ == "VERB" for t in last[:2])


def split_meanwhile(span: Any) -> list[str]:
    """« A, alors que B. » → « A. Or, B. »; « Alors que A, B. » → « A. Pourtant, B. » —
    each half parsed alone must be a main clause."""
    tokens = list(span)
    words = [t.lower_.replace("’", "'") for t in tokens]
    if len(tokens) > 3 and words[0] == "alors" and words[1] in ("que", "qu'"):
        rest = tokens[2:]
        for k, token in enumerate(rest):
            if token.text != ",":
                continue
            left, right = join_tokens(rest[:k]), join_tokens(rest[k + 1 :])
            if _imperfect(rest[:k]) or " et que " in f" {left} ":
                return []  # « Alors qu'il arrivait, … » is a time, not a contrast
            if _halves_stand(left, right):
                return [sentence(left), sentence(f"{_CONCESSION} {right}")]
        return []
    for k in range(1, len(tokens) - 2):
        if words[k] != "alors" or words[k + 1] not in ("que", "qu'") or tokens[k - 1].text != ",":
            continue
        main, whereas = tokens[: k - 1], tokens[k + 2 :]
        governor = tokens[k].head.head
        if governor.dep_ == "xcomp":  # « espère attirer…, alors que B »: the main verb's
            governor = governor.head
        if governor != span.root or _participle_last(main):
            # B may hang on a clause inside A, not on A's main verb: « Les communistes
            # ont boycotté la séance, dénonçant un "fonctionnement inacceptable", alors
            # que la présence des députés est limitée à 150 » (article 12) — B is part of
            # what they denounce; « Or, B » made it the journalist's objection to them.
            return []
        if _imperfect(whereas) and not _imperfect(main):
            return []  # « …, alors que la réunion commençait »: the time of A
        if any(reports(t) and t.pos_ == "VERB" for t in main):
            return []  # B may still be what A reports
        left, right = join_tokens(main), join_tokens(whereas)
        if _halves_stand(left, right):
            return [sentence(left), sentence(f"{_WHEREAS} {right}")]
    return []


def split_second_que(span: Any) -> list[str]:
    """« X estime que A et que B. » → « X estime que A. Selon X, B. » (« selon lui » after
    a pronoun): the second « que » clause keeps its speaker."""
    for verb in span:
        if not reports(verb) or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        first = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if subject is None or first is None or subject.i > verb.i:
            continue
        second = next((c for c in first.children if c.dep_ == "conj"), None)
        if second is None:
            continue
        cc = next((c for c in second.children if c.dep_ == "cc" and c.lower_ == "et"), None)
        que = next((c for c in second.children if c.dep_ == "mark"), None)
        if cc is None or que is None or que.lower_ not in ("que", "qu'", "qu’"):
            continue
        if que.i != cc.i + 1:
            continue
        who = _speaker(subject)
        if who is None:
            continue
        tokens = list(span)
        before = [t for t in tokens if t.i < cc.i]
        after = [t for t in tokens if t.i > que.i]
        while before and before[-1].text in ",;":
            before.pop()
        left, right = join_tokens(before), join_tokens(after)
        if count_words(left) < MIN_HALF_WORDS or count_words(right) < MIN_CLAUSE_WORDS:
            continue
        if not balanced(left) or not balanced(right) or not _main_clause(right, opening=False):
            continue
        return [sentence(left), sentence(f"Selon {who}, {right}")]
    return []


_STRESSED = {"il": "lui", "elle": "elle", "ils": "eux", "elles": "elles"}


def _speaker(subject: Any) -> str | None:
    """Who the second clause is said by, as the new sentence opens on it: a pronoun for a
    pronoun, and for a name its pronoun where the title says which (« M. Caldwell » →
    « lui »), in the sentence or elsewhere in the article (« a dit M. Caldwell »). A bare
    name is not said twice in a row (« Éric Alan Caldwell estime que… Selon Éric Alan
    Caldwell, … », article 28): without either, the sentence stays whole."""
    if subject.lower_ in _STRESSED:
        return _STRESSED[subject.lower_]
    if _name_of(subject) is None:
        return None
    title = next((t.lower_ for t in subject.subtree if t.lower_ in PRONOUN_OF_TITLE), None)
    if title:
        return PRONOUN_OF_TITLE[title]
    # The article gives the surname a title elsewhere (« a dit M. Caldwell »): `plan._titled`.
    surname = max(subject.subtree, key=lambda t: t.i).text
    titled: dict[str, str] = subject.doc.user_data.get("titled", {})
    return titled.get(surname)



def _halves_stand(left: str, right: str) -> bool:
    if count_words(left) < MIN_HALF_WORDS or count_words(right) < MIN_CLAUSE_WORDS:
        return False
    if not balanced(left) or not balanced(right):
        return False
    # What opens the first half stays with it (« Avec ce label, le festival espère … »).
    return _main_clause(left, opening=False, fronted_ok=True) and _main_clause(right, opening=False)
