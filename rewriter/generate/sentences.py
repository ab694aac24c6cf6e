"""Body sentences: generated from their source sentence, or its faithful fallback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words, new_words
from rewriter.generate import prompts
from rewriter.generate.text import without_connector
from rewriter.generate.units import UnitWriter
from rewriter.plan import SourceSentence
from rewriter.settings import Settings
from rewriter.transform import SPLITTERS
from rewriter.transform.clauses import TIME_WORDS, balanced, sentence
from rewriter.transform.detach import split_apposition
from rewriter.transform.quotes import detach_attribution
from rewriter.transform.reorder import variants
from rewriter.transform.speech import reports
from rewriter.transform.surface import named_before
from rewriter.verify.omissions import Facts, lost_facts
from rewriter.verify.support import build_support, flat

Accept = Callable[[list[str], str], bool]


def pieces(span: Any, max_words: int, accept: Accept | None = None) -> list[str]:
    """The sentence, split at clause boundaries while a piece is over `max_words`; with
    `accept` (the reading gate), a split is kept only when its pieces read as well as the
    sentence they replace — else the next splitter is tried, and at the end the sentence
    stays whole."""
    ok = accept or (lambda _parts, _source: True)
    todo, done = [span], []
    while todo:
        current = todo.pop(0)
        if count_words(current.text) <= max_words:
            done.append(current.text.strip())
            continue
        parts: list[str] = []
        # « A, B, rappelle X. » / « A, B, selon X. »: X says both; a plain split would
        # leave A as the article's own claim. Split, each piece keeping its source.
        if attributed(current):
            carried = carry_attribution(current, max_words)
            if carried and ok(carried, current.text):
                done.extend(carried)
                continue
        # A claim someone makes is not split but by carrying who makes it (above).
        splitters = () if attributed(current) else SPLITTERS
        for split in splitters:
            parts = [p for p in split(current) if any(c.isalnum() for c in p)]
            # « X a dit… X est président de Y. » names X twice: worth it only where the
            # sentence left then fits (never with the name twice in a row, `detach`).
            describes = split is split_apposition
            if (
                len(parts) > 1
                and all(count_words(p) < count_words(current.text) for p in parts)
                and not (describes and count_words(parts[0]) > max_words)
                and ok(parts, current.text)
            ):
                break
            parts = []
        if not parts:
            done.append(current.text.strip())
            continue
        nlp = french()
        todo = [nlp(part)[:] for part in parts] + todo
    return done


def attributed(span: Any) -> bool:
    """The sentence closes on who says it: « …, rappelle Hervé Le Merrer. », « …, a-t-il
    dit. », « …, selon l'Insee. » — outside any quotation."""
    text = span.text.strip().rstrip(".!?…")
    cut = text.rfind(", ")
    if cut < 0 or not balanced(text[:cut]) or not balanced(text[cut:]):
        return False
    tail = [t for t in span if t.idx - span.start_char > cut and not t.is_punct]
    if not tail:
        return False
    if tail[0].lower_ == "selon":
        return True
    verbs = [t for t in tail[:4] if t.pos_ in ("VERB", "AUX", "X")]
    return any(reports(t) for t in verbs)


def carry_attribution(span: Any, max_words: int) -> list[str]:
    """« A, dont B, rappelle Hervé Le Merrer. » → « A, rappelle Hervé Le Merrer. Parmi
    eux, B, toujours selon Hervé Le Merrer. » — the attribution stays on every piece."""
    text = span.text.strip().rstrip(".!?… ")
    cut = text.rfind(", ")
    body, tail = text[:cut], text[cut + 2 :]
    nlp = french()
    tail_doc = nlp(tail)
    if tail_doc[0].lower_ == "selon":
        who = tail_doc[1:].text
    elif any(t.lower_ in ("-il", "-t-il") for t in tail_doc) or tail.endswith("-il"):
        who = "lui"
    elif any(t.lower_ in ("-elle", "-t-elle") for t in tail_doc) or tail.endswith("-elle"):
        who = "elle"
    else:
        # Who speaks, after the verb: « a annoncé lundi l'institut dans un communiqué »
        # → « l'institut » (a date before it and a phrase after it are not the speaker).
        verbs = [t for t in tail_doc if t.pos_ in ("VERB", "AUX", "X") or t.lower_ == "-t"]
        if not verbs:
            return []
        speaker: list[Any] = []
        for t in tail_doc[verbs[-1].i + 1 :]:
            if not speaker and t.lower_ in TIME_WORDS:
                continue
            if t.is_punct or (t.pos_ == "ADP" and t.lower_ not in ("de", "d'", "d’", "du", "des")):
                break
            if speaker and (t.like_num or t.lower_ in TIME_WORDS or t.lower_ in ("début", "fin")):
                break  # « l'OMS début mars 2020 »: the date is not the speaker
            speaker.append(t)
        who = " ".join(t.text for t in speaker).replace("' ", "'").replace("’ ", "’")
    if not 1 <= len(who.split()) <= 6 or "," in who:
        return []
    split = pieces(nlp(sentence(body))[:], max_words)
    if len(split) < 2:
        return []
    if named_before(nlp(" ".join(split[1:])), tail_doc) and not named_before(
        nlp(split[0]), tail_doc
    ):
        # « …, a annoncé lundi l'institut » after the first piece, the institute named in
        # a later one (« …est développé par l'institut public de recherche Riken »,
        # article 11): « l'institut » would come before it is named.
        return []
    first = f"{split[0].rstrip('.')}, {tail}"
    out = [sentence(first)]
    for piece in split[1:]:
        # At the end, where it never lands between a connector and its clause.
        out.append(sentence(f"{piece.rstrip('.')}, toujours selon {who}"))
    if max(count_words(p) for p in out) >= count_words(span.text):
        return []
    return out


def write_sentence(
    source: SourceSentence,
    writer: UnitWriter,
    settings: Settings,
    *,
    seed_offset: int = 0,
    summary: bool = False,
    whole: bool = False,
) -> list[str]:
    """Output sentences for one source sentence: generated where the guard accepts them,
    else the source's own words, split and reordered by the parse. `whole`: one sentence
    out, never split — the next one ties back to it (`ties_back`)."""
    support = build_support(source.span.as_doc())
    if source.quoted:
        # Inside a quotation: word for word, never split, never sent to the model; only a
        # quotation whole in this sentence may have its attribution moved.
        verbatim = source.text
        closed = balanced(verbatim) and any(q in verbatim for q in '«"')
        # Who is quoted is not described in a sentence of its own (« …, a dit X. X est
        # président de Y. »): the name twice in a row reads worse than the journalist's
        # sentence (article 02, stop 35).
        # Too long to read in one go: the quotation, then who said it, as two sentences.
        detached = (
            detach_attribution(french()(verbatim)[:])
            if closed and not whole and count_words(verbatim) > settings.max_sentence_words
            else []
        )
        # Only when the quotation then reads in one go: « "…long…". C'est ce qu'explique
        # M. X. » leaves a sentence as long as before and adds a robotic frame.
        if detached and count_words(detached[0]) > settings.max_sentence_words:
            detached = []
        said: list[str] = []
        if detached and writer.accepts(detached, verbatim):
            verbatim, line = detached
            said = [line]
        writer.fallback()
        writer.used.add(flat(verbatim))
        writer.frozen.add(verbatim)
        return [verbatim, *said]
    out: list[str] = []
    limit = 10**6 if whole else settings.max_sentence_words  # `whole`: no length splits
    # Do no harm: a sentence within the readability limit is not split; a longer one is
    # split only where the pieces pass the reading gate.
    for piece in pieces(source.span, limit, accept=gate_of(writer)):
        text: str | None = None
        # Quoted phrases stay word for word: the guard's `keep` rejects any rewrite that
        # alters or drops one. An unbalanced piece (a cut quotation) is never generated.
        quoted = not (piece.count("«") == piece.count("»") and piece.count('"') % 2 == 0)
        if count_words(piece) > limit and not quoted and not summary:
            halves = _split_with_model(piece, support, writer, limit, source.index, seed_offset)
            if halves:
                out += halves
                continue
        if not quoted:
            saved, writer.seed = writer.seed, writer.seed + seed_offset
            if summary:  # key points and answers: shorter, and never the body's words again
                text = writer.generate(
                    prompts.SHORTEN,
                    piece,
                    support,
                    min_words=5,
                    max_words=min(limit, max(5, count_words(piece) - 2)),
                    max_tokens=min(96, 2 * count_words(piece) + 16),
                    # Shorter with the source's own words, and no other.
                    accept=_shortened(writer, french()(piece)),
                    where=f"résumé {source.index + 1}",
                    keep=Facts(french()(piece)),  # shorter, but every fact still there
                )
            else:
                text = writer.generate(
                    prompts.SENTENCE,
                    piece,
                    support,
                    min_words=max(3, count_words(piece) // 2),
                    max_words=max(limit, count_words(piece) + 2),
                    max_tokens=min(160, 2 * count_words(piece) + 24),
                    where=f"phrase {source.index + 1}",
                    keep=french()(piece),
                )
            writer.seed = saved
        if text is not None and flat(text) in writer.used:
            text = None  # already in the article (a growth section repeating the body)
        if text is None:
            writer.fallback()
            # A body sentence the model could not rewrite stays as the journalist wrote it.
            # A summary (key point, answer) may use a reordering or a compressed form that
            # passes the reading gate, so that it does not repeat the body word for word.
            original = sentence(piece)
            options = [original]
            if summary:
                parsed = french()(piece)
                options = [
                    v
                    for v in variants(parsed[:], shorten=True)
                    if v == original
                    or (not lost_facts(french()(v), parsed) and writer.accepts([v], original))
                ]
            fresh = [v for v in options if flat(v) not in writer.used]
            text = fresh[0] if fresh else options[-1]
            if summary and not fresh:
                # The parse offers no other faithful form: a summary may restate the
                # body's words once (a key point), never a third time (an answer too).
                if flat(text) in writer.restated:
                    continue
                writer.restated.add(flat(text))
        if summary:
            text = without_connector(text)
        writer.used.add(flat(text))
        out.append(text)
    return out


def _shortened(writer: UnitWriter, source: Any) -> Callable[[str], bool]:
    """A summary's acceptor: not already in the article, and said with the source's
    own words (`words.new_words`)."""
    return lambda text: flat(text) not in writer.used and not new_words(french()(text), source)


def gate_of(writer: UnitWriter) -> Accept:
    """The writer's reading gate as a `pieces` acceptor."""
    return lambda parts, source: writer.accepts(parts, source, where="découpe")


def _split_with_model(
    piece: str, support: Any, writer: UnitWriter, limit: int, index: int, seed_offset: int
) -> list[str]:
    """A long sentence the parse could not split, cut in two by the model — verified."""
    nlp = french()

    def short(text: str) -> bool:
        parts = [s.text for s in nlp(text).sents]
        return len(parts) >= 2 and all(count_words(p) <= limit + 2 for p in parts)

    saved, writer.seed = writer.seed, writer.seed + seed_offset
    text = writer.generate(
        prompts.SPLIT,
        piece,
        support,
        min_words=count_words(piece) - 4,
        max_words=count_words(piece) + 8,
        accept=short,
        max_tokens=2 * count_words(piece) + 30,
        keep=nlp(piece),
        where=f"phrase {index + 1}",
    )
    writer.seed = saved
    if text is None:
        return []
    from rewriter.analysis.sentences import sentence_spans

    return [sentence(s.text) for s in sentence_spans(nlp(text))]
