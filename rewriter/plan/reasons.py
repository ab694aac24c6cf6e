"""The reasons question of the FAQ: which sentences give a reason, and the question that
asks it in the sentence's own words (« Pourquoi l'association envisage-t-elle… ? »)."""

from __future__ import annotations

from typing import Any

from rewriter.plan import SourceSentence

WHY = "Quelles raisons sont avancées ?"
MAX_QUESTION_WORDS = 18


def causal(s: SourceSentence) -> bool:
    """The sentence gives a reason (« car », « parce que », « en raison de », « à cause
    de », « afin de », « pour que »). « Car » only as the conjunction, never the coach
    (« des navettes en car »); « grâce à » says by what means, not why (« assurés … grâce
    à des navettes » answered « Quelles raisons sont avancées ? » on a fresh article)."""
    return reason_start(list(s.span)) is not None


def reason_start(tokens: list[Any]) -> int | None:
    """The index of the token that opens the sentence's reason, or None."""
    text = [t.lower_ for t in tokens]
    for k, word in enumerate(text):
        nxt = text[k + 1] if k + 1 < len(text) else ""
        after = text[k + 2] if k + 2 < len(text) else ""
        if (
            (word == "afin" and nxt in ("de", "d'", "d’", "que", "qu'", "qu’"))
            or (word == "parce" and nxt in ("que", "qu'", "qu’"))
            or (word == "en" and nxt == "raison" and after in ("de", "d'", "d’", "du", "des"))
            or (word == "à" and nxt == "cause" and after in ("de", "d'", "d’", "du", "des"))
            or (word == "pour" and nxt in ("que", "qu'", "qu’"))
            # The parser tags both « car » CCONJ; the coach comes after a determiner or a
            # preposition (« en car », « le car »), the conjunction never does.
            or (word == "car" and (k == 0 or tokens[k - 1].pos_ not in ("DET", "ADP")))
        ):
            return int(tokens[k].i)
    return None


def why_question(s: SourceSentence) -> str:
    """« Pourquoi <sujet> <verbe>-t-il … ? » from a sentence that gives its reason after
    its clause (« L'association envisage d'installer un chapiteau, afin de désengorger la
    halle »): the subject a noun phrase that opens the sentence, the verb (or its
    auxiliary) inverted with the pronoun of the subject's gender and number, what
    follows it up to the reason. "" when the sentence has another shape, a negation, or
    when Grammalecte finds the question wrong: the generic question is asked instead."""
    from rewriter.transform.clauses import _SUBJECT_PRONOUNS, _agreement, join_tokens
    from rewriter.verify import grammalecte

    tokens = [t for t in s.span if not t.is_space]
    root = s.span.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or s.words > 45:
        return ""
    words = sorted(subject.subtree, key=lambda t: t.i)
    subject_end = words[-1].i
    if words[0].i != tokens[0].i:
        return ""  # a fronted adjunct: another shape
    # « La pièce, prévue au printemps, » is asked as « la pièce »: what sits between
    # commas describes the subject, the question needs only to name it.
    comma = next((t for t in words if t.is_punct), None)
    if comma is not None:
        words = [t for t in words if t.i < comma.i]
    if not words or words[-1].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return ""
    agreement = _agreement(subject)
    if agreement is None:
        return ""
    auxes = [c for c in root.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    host = min([*auxes, root], key=lambda t: t.i)
    if "Fin" not in host.morph.get("VerbForm") or "Ind" not in host.morph.get("Mood"):
        return ""
    middle = [t for t in tokens if subject_end < t.i < host.i]
    if any(t.pos_ not in ("PRON",) or t.dep_.startswith("nsubj") for t in middle):
        return ""  # only clitics (« se », « l' ») between the subject and the verb
    marker = reason_start(tokens)
    if marker is None or marker <= host.i:
        return ""
    rest = [t for t in tokens if host.i < t.i < marker]
    cut = next((k for k, t in enumerate(rest) if t.text == ","), None)
    if cut is not None:
        rest = rest[:cut]  # « …, sans délaisser Intel, afin de » asks what comes first
    while rest and rest[-1].is_punct:
        rest.pop()
    if host.pos_ == "AUX" and not rest:
        return ""
    questioned = [*middle, host, *rest]
    if any(t.lower_ in ("ne", "n'", "n’", "peut-être", "probablement") for t in questioned):
        return ""  # a negation or a hedge does not invert well into « Pourquoi »
    if any(t.text in '«»"“”():;' for t in rest):
        return ""
    pronoun = _SUBJECT_PRONOUNS[agreement]
    joint = "-t-" if host.lower_[-1:] in ("a", "e") else "-"
    subject_text = join_tokens(words)
    if words[0].pos_ != "PROPN":
        subject_text = subject_text[:1].lower() + subject_text[1:]
    verb = " ".join([*(t.text for t in middle), host.text + joint + pronoun])
    verb = verb.replace("' ", "'").replace("’ ", "’")
    tail = join_tokens(rest)
    question = f"Pourquoi {subject_text} {verb}{' ' + tail if tail else ''} ?"
    if len(question.split()) > MAX_QUESTION_WORDS or grammalecte.errors_in(question):
        return ""
    return question
