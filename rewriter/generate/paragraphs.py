"""Paragraph-level rewriting for instruct models: one chat call rewrites one paragraph.

The answer is cut into sentences, and each group of output sentences is aligned to the
source sentence(s) it rewrites (a monotone alignment on shared content lemmas: one source
sentence may become two or three, two may merge). Each group is then judged like any unit:
the fidelity guard against the paragraph's facts, with nothing of its own source sentences
dropped, and the reading gate against those sentences. A refused group alone falls back to
its source sentences as the journalist wrote them (`sentences.write_sentence` without the
model); the paragraph is retried once, for the refused sentences only, with the guard's
refusals given back to the model in French. Nothing unverified reaches the draft.

Base models keep the sentence-by-sentence path (`sentences.py`): they continue text, they
do not follow a paragraph-long instruction.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence

from rewriter.analysis.nlp import french
from rewriter.analysis.words import count_words
from rewriter.generate.alignment import Group, groups_of
from rewriter.generate.backend import Request
from rewriter.generate.sentences import gate_of, pieces, write_sentence
from rewriter.generate.units import UnitWriter
from rewriter.plan import SourceSentence
from rewriter.settings import Settings
from rewriter.verify.guard import Unsupported, check_unit, example_ngrams
from rewriter.verify.support import build_support, flat

log = logging.getLogger(__name__)

SYSTEM = (
    "Tu es secrétaire de rédaction dans un quotidien français. Tu reformules des "
    "paragraphes pour le web, avec tes propres mots, en français.\n"
    "Règles :\n"
    "1. Garde tous les faits et tous les détails : chiffres, dates, lieux, noms, "
    "parenthèses. N'ajoute rien. N'invente rien.\n"
    "2. Les citations restent mot pour mot, avec leurs guillemets.\n"
    "3. Une idée par phrase, de moins de 20 mots : pour raccourcir une phrase longue, "
    "coupe-la en deux ou trois phrases, sans supprimer aucun détail.\n"
    "4. Reformule chaque phrase : commence-la autrement, change l'ordre et les mots, "
    "préfère la voix active ; garde le temps des verbes.\n"
    "Écris une phrase par ligne."
)
# Invented examples (the guard refuses any output that copies their wording). Measured
# with Qwen2.5-Coder-1.5B on the dev corpus: a free paragraph came back nearly copied;
# numbered source sentences came back copied word for word; a sentence per line, asked
# to be reformulated, made it cut and reorder (and sometimes drop a detail: the guard
# sees it, and the retry names it).
EXAMPLES = (
    (
        "Le conseil municipal de Lorient, réuni lundi soir, a adopté par 27 voix contre 6 un "
        "budget de 84 millions d'euros qui prévoit la rénovation de deux écoles et une hausse "
        "de 3 % des dépenses de voirie, malgré l'opposition qui dénonce la hausse des impôts "
        "locaux.",
        "Réuni lundi soir, le conseil municipal de Lorient a voté un budget de 84 millions "
        "d'euros, par 27 voix contre 6.\nCe budget prévoit la rénovation de deux écoles.\nLes "
        "dépenses de voirie augmenteront de 3 %.\nL'opposition dénonce pour sa part la hausse "
        "des impôts locaux.",
    ),
    (
        "La baignade a été interdite dimanche par le préfet sur trois plages du littoral après "
        "la découverte d'une pollution aux hydrocarbures.",
        "Dimanche, le préfet a interdit la baignade sur trois plages du littoral.\nUne "
        "pollution aux hydrocarbures venait d'y être découverte.",
    ),
)
_EXAMPLE_GRAMS = example_ngrams(text for pair in EXAMPLES for text in pair)
MIN_RUN_WORDS = 8  # a run shorter than this is not worth a call: it stays as written


def rewrite_paragraph(
    sentences: Sequence[SourceSentence], writer: UnitWriter, settings: Settings
) -> list[str]:
    """The paragraph's output sentences: the model's where verified, else the source's."""
    out: list[str] = []
    for run, quoted in runs_of(sentences):
        if quoted:  # inside a quotation: word for word, never sent to the model
            out += write_sentence(run[0], writer, settings)
        else:
            out += _rewrite_run(run, writer, settings)
    return out


def runs_of(sentences: Sequence[SourceSentence]) -> Iterator[tuple[list[SourceSentence], bool]]:
    """The paragraph cut into runs of non-quoted sentences and single quoted ones."""
    run: list[SourceSentence] = []
    for s in [*sentences, None]:
        if s is not None and not s.quoted:
            run.append(s)
            continue
        if run:
            yield run, False
            run = []
        if s is not None:
            yield [s], True


def first_requests(
    paragraphs: Sequence[Sequence[SourceSentence]], writer: UnitWriter
) -> list[Request]:
    """The first call of every run of these paragraphs, as `_rewrite_run` will make it: a
    server can answer them ahead, several at once (`ServerGenerator.prefetch`)."""
    out = []
    for sentences in paragraphs:
        for run, quoted in runs_of(sentences):
            if not quoted and sum(s.words for s in run) >= MIN_RUN_WORDS:
                out.append(_request(writer, _messages(run), run))
    return out


def _messages(run: list[SourceSentence]) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": SYSTEM}]
    for given, answer in EXAMPLES:
        messages += [{"role": "user", "content": given}, {"role": "assistant", "content": answer}]
    messages.append({"role": "user", "content": " ".join(s.text for s in run)})
    return messages


def _rewrite_run(run: list[SourceSentence], writer: UnitWriter, settings: Settings) -> list[str]:
    if writer.generator is None or sum(s.words for s in run) < MIN_RUN_WORDS:
        return _fallback(run, writer, settings)
    context = " ".join(s.text for s in run)
    messages = _messages(run)
    answer = _ask(writer, messages, run)
    kept: dict[int, Group] = {}  # by the index of its first source sentence
    members: set[int] = set()  # every source sentence an accepted group rewrites

    def keep(group: Group) -> None:
        indices = {s.index for s in group.sources}
        if not indices & members:
            kept[group.sources[0].index] = group
            members.update(indices)

    refused: list[tuple[Group, list[Unsupported]]] = []
    copied: set[int] = set()  # given back word for word: kept as written, not retried
    for group in groups_of(answer, run):
        problems = _judge(group, context, writer)
        if problems and problems[0].kind == "example" and problems[0].text == _COPY:
            copied.update(s.index for s in group.sources)
        elif problems:
            refused.append((group, sorted(problems, key=_priority)))
        else:
            keep(group)
    retry = [s for s in run if s.index not in members and s.index not in copied]
    if refused and retry and sum(s.words for s in retry) >= MIN_RUN_WORDS:
        # Once more, for the refused sentences only, told why in French.
        feedback = "\n".join(f"- {reason(group, p)}" for group, ps in refused for p in ps[:2])
        follow = [
            *messages,
            {"role": "assistant", "content": answer},
            {
                "role": "user",
                "content": "Ta version est refusée :\n"
                + feedback
                + "\nRéécris seulement ces phrases de la source, sans rien ajouter ni "
                "retirer :\n" + " ".join(s.text for s in retry),
            },
        ]
        again = _ask(writer, follow, retry)
        for group in groups_of(again, retry):
            if group.sources and group.outputs and not _judge(group, context, writer):
                keep(group)
    out: list[str] = []
    for s in run:
        if s.index in kept:
            writer.stats.units += 1
            writer.stats.generated += 1
            for text in split_long(kept[s.index].outputs, writer, settings.max_sentence_words):
                writer.used.add(flat(text))
                writer.written(text)
                out.append(text)
        elif s.index in copied:
            out += _fallback([s], writer, settings)
        elif s.index not in members:
            out += _one_sentence(s, writer, settings)
    return out


def _one_sentence(s: SourceSentence, writer: UnitWriter, settings: Settings) -> list[str]:
    """A sentence refused twice in its paragraph: one last try on its own (the sentence
    path's chat prompt, one attempt), else the source as written."""
    saved, writer.attempts = writer.attempts, 1
    try:
        return write_sentence(s, writer, settings)
    finally:
        writer.attempts = saved


def _request(
    writer: UnitWriter, messages: list[dict[str, str]], run: list[SourceSentence]
) -> Request:
    words = sum(s.words for s in run)
    return Request(
        prompt="",
        messages=messages,
        max_tokens=min(1024, 3 * words + 64),
        temperature=0.3,
        seed=writer.seed + run[0].index,
        stop=("\n\n",),  # the paragraph ends on a blank line
    )


def _ask(writer: UnitWriter, messages: list[dict[str, str]], run: list[SourceSentence]) -> str:
    assert writer.generator is not None
    request = _request(writer, messages, run)
    writer.on_unit("paragraphe")
    text = writer.generator.complete(request).text.strip()
    log.debug("answer: %s", text)
    return text


def _judge(group: Group, context: str, writer: UnitWriter) -> list[Unsupported]:
    """Why this group may not replace its source sentences; [] when it may."""
    where = f"paragraphe, phrase {group.sources[0].index + 1}" if group.sources else "paragraphe"
    if not group.sources:
        return [Unsupported(" ".join(group.outputs)[:80], "claim", where)]
    if not group.outputs:
        return [Unsupported(group.sources[0].text[:80], "omission", where)]
    nlp = french()
    source = " ".join(s.text for s in group.sources)
    text = " ".join(group.outputs)
    if flat(text) == flat(source):
        return [Unsupported(_COPY, "example", where)]  # a copy: the source stays
    words = count_words(source)
    problems = check_unit(
        nlp(text),
        build_support(nlp(context)),
        where=where,
        min_words=max(3, words // 2),
        max_words=words + 12,
        examples=_EXAMPLE_GRAMS,
        keep=nlp(source),
    )
    if not problems and any(flat(o) in writer.used for o in group.outputs):
        problems = [Unsupported(text[:40], "example", where)]  # already in the article
    if not problems:
        problems = writer.gate.refusals(group.outputs, source, where=where)
    if problems:
        writer.stats.rejections.extend(problems)
        log.debug("refused %s: %s", problems[0].kind, text)
    return problems


_COPY = "copie de la source"
# What the model is told first: what it invented, then what it changed, then what it lost.
_ORDER = ("number", "entity", "word", "claim", "quote", "negation", "mood", "omission")


def _priority(problem: Unsupported) -> int:
    return _ORDER.index(problem.kind) if problem.kind in _ORDER else len(_ORDER)


def _fallback(run: list[SourceSentence], writer: UnitWriter, settings: Settings) -> list[str]:
    with without_model(writer):
        return [text for s in run for text in write_sentence(s, writer, settings)]


@contextlib.contextmanager
def without_model(writer: UnitWriter) -> Iterator[None]:
    """The writer's deterministic path (the reading gate still scores with the model)."""
    saved, writer.generator = writer.generator, None
    try:
        yield
    finally:
        writer.generator = saved


# --- feedback ------------------------------------------------------------------------------

_REASONS = {
    "number": "ta version donne le nombre « {x} », absent de la source",
    "entity": "ta version nomme « {x} », absent de la source",
    "word": "ta version ajoute « {x} », absent de la source",
    "omission": "ta version oublie « {x} »",
    "quote": "ta version change la citation « {x} » : recopie-la mot pour mot",
    "negation": "ta version change une négation : « {x} »",
    "grammar": "ta version contient une faute : « {x} »",
    "fragment": "ta version laisse une phrase incomplète : « {x} »",
    "fluency": "ta version se lit moins bien que la source : « {x} »",
    "example": "ta version recopie la source ou l'exemple : « {x} »",
    "capital": "ta version change une majuscule ({x}) : écris les noms comme la source",
}


def reason(group: Group, problem: Unsupported) -> str:
    """The guard's refusal, said to the model in French."""
    if not group.sources:
        return f"ta version ajoute la phrase « {problem.text} », absente de la source"
    if not group.outputs:
        return f"ta version oublie la phrase « {problem.text} »"
    template = _REASONS.get(problem.kind, "ta version change le sens de la source : « {x} »")
    return template.format(x=problem.text[:80])


def split_long(texts: list[str], writer: UnitWriter, limit: int) -> list[str]:
    """Accepted sentences still over the limit: cut where the reading gate agrees."""
    nlp = french()
    out: list[str] = []
    for text in texts:
        if count_words(text) <= limit:
            out.append(text)
        else:
            out += pieces(nlp(text)[:], limit, accept=gate_of(writer))
    return out
