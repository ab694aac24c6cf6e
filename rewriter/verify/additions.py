"""What a rewrite may not add, though every word of it is the source's: a negation, a
partitive, a possessive pronoun, a noun said again, a noun tied to another the source does
not tie it to. The counterpart of `omissions`; used by `guard.check_unit`. Each rule was
a false statement of the default model that every other check let through."""

from __future__ import annotations

import re
from typing import Any

from rewriter.verify.support import Support, flat, stem

POSSESSIVE_PRONOUNS = frozenset(
    "mien mienne miens miennes tien tienne tiens tiennes sien sienne siens siennes nôtre "
    "nôtres vôtre vôtres".split()
)
NEGATION_WORDS = ("pas", "jamais", "rien", "guère", "nullement", "aucunement")
_OF = frozenset(("de", "du", "des", "d'", "d’"))
PARTITIVE = re.compile(r"\b(?:l'une?|aucune?|chacune?|certaine?s?) (?:des|d'entre|de ces)\b")


def additions(doc: Any, support: Support, add: Any) -> None:
    """Report through `add(item, kind)` what `doc` (the parsed unit) says that its source
    (`support`) does not."""
    text = flat(doc.text)
    said = re.findall(r"\w+", support.flat_text)
    words = re.findall(r"\w+", text)
    # A negation word the source does not say: « n'a pas fait que confirmer » (did more
    # than confirm) for « n'a fait que confirmer » (only confirmed), article 22 — the verb
    # was negated in both, by « ne… que » in the source.
    for word in NEGATION_WORDS:
        if words.count(word) > said.count(word):
            add(word, "negation")
    # A possessive pronoun stands for a noun the unit cannot show: « Ces nôtres ont été
    # soumis aux demandes d'autorisation » (article 26, from « Soumis à une demande
    # d'autorisation, les amateurs… »).
    for token in doc:
        if token.lower_ in POSSESSIVE_PRONOUNS and token.lower_ not in said:
            add(token.text, "word")
    # « l'une des agences » for « les agences » (article 09): one of them, where the
    # source says all.
    for partitive in PARTITIVE.findall(text):
        if partitive not in support.flat_text:
            add(partitive, "word")
    # A noun said in one sentence more often than the source says it: « Sur le moment
    # cela fait du bien, en ce moment » (article 23). A split may name again in its second
    # sentence what the first named (« Ces ports sont touchés… »).
    for sent in doc.sents:
        nouns = [t.lower_ for t in sent if t.pos_ == "NOUN" and t.is_alpha and len(t) > 2]
        repeated = [n for n in sorted(set(nouns)) if nouns.count(n) > max(1, said.count(n))]
        if repeated:
            add(f"« {repeated[0]} » répété", "format")
            break
    # A noun made the complement of another noun it is not part of in the source:
    # « L'extension des horaires de la commune coûtera… » for « l'extension des horaires
    # coûtera… à la commune » (make run, the model): the cost to the town became the town's
    # opening hours. Each noun is the source's, and Grammalecte sees correct French.
    for token in doc:
        head = token.head
        if token.dep_ != "nmod" or {token.pos_, head.pos_} - {"NOUN", "PROPN"}:
            continue
        if not any(c.dep_ == "case" and c.lower_ in _OF for c in token.children):
            continue  # a name set after a noun, an apposition: the parse is unsure there
        pair = (stem(head.text), stem(token.text))
        if (
            pair[0] != pair[1]
            and set(pair) <= support.nouns
            and not {pair, (pair[0], "*")} & support.nests
        ):
            add(f"{head.text} … {token.text}", "claim")
            break


def noun_links(doc: Any) -> dict[str, frozenset[Any]]:
    """Which noun sits inside which noun's phrase (« l'extension des horaires »: the
    horaires are the extension's), by the parse's heads; a noun whose owner is a possessive
    (« ses horaires ») may be anyone's."""
    nests, nouns = set(), set()
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        nouns.add(stem(token.text))
        if any(c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] for c in token.children):
            nests.add((stem(token.text), "*"))
        for above in token.ancestors:
            if above.pos_ in ("NOUN", "PROPN"):
                nests.add((stem(above.text), stem(token.text)))
    return {"nests": frozenset(nests), "nouns": frozenset(nouns)}
