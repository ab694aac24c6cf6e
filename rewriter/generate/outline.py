"""For instruct models: the headings of all sections in one chat call, and the title and
meta description from a few candidates in one call each — every candidate verified like any
unit (`UnitWriter.verify`: the fidelity guard, the caller's own test, the reading gate); the
first that passes is used, else the caller's deterministic fallback.

A chat model can see the whole article's outline at once and name sections so that they do
not repeat one another; a base model cannot follow such a request (it keeps the per-section
prompts of `headings.py` and `seo.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rewriter.analysis.nlp import french
from rewriter.generate import prompts
from rewriter.generate.backend import Request
from rewriter.generate.units import UnitWriter, _clean
from rewriter.verify.support import Support, build_support

_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-•*])\s*(.+?)\s*$")

HEADINGS_SYSTEM = (
    "Tu es secrétaire de rédaction dans un quotidien français. Pour chaque passage numéroté, "
    "écris un intertitre court (3 à 8 mots), précis, qui dit ce que dit le passage, avec ses "
    "mots, sans rien ajouter. Deux intertitres ne se répètent pas. Réponds par une ligne par "
    "passage : le numéro, puis l'intertitre, sans point final."
)
HEADINGS_EXAMPLE = (
    "1. " + prompts.HEADING.examples[0][0] + "\n2. " + prompts.HEADING.examples[2][0],
    "1. " + prompts.HEADING.examples[0][1] + "\n2. " + prompts.HEADING.examples[2][1],
)


def ask(writer: UnitWriter, system: str, example: tuple[str, str], user: str, tokens: int) -> str:
    assert writer.generator is not None
    messages = [
        {"role": "system", "content": system},
        {"role": "user", "content": example[0]},
        {"role": "assistant", "content": example[1]},
        {"role": "user", "content": user},
    ]
    writer.on_unit("plan")
    request = Request(prompt="", messages=messages, max_tokens=tokens, temperature=0.3,
                      seed=writer.seed, stop=("\n\n",))  # fmt: skip
    return writer.generator.complete(request).text


def lines_of(answer: str) -> list[str]:
    out = []
    for line in answer.splitlines():
        match = _LINE.match(line)
        text = _clean(match.group(1) if match else line).strip(" .")
        if text:
            out.append(text)
    return out


def headings(
    texts: Sequence[str], writer: UnitWriter, accept: Callable[[str], bool]
) -> list[str | None]:
    """One heading per section text (its verified heading, or None), from one call."""
    if writer.generator is None or not texts:
        return [None] * len(texts)
    excerpts = [" ".join(t.split()[:60]) for t in texts]
    user = "\n".join(f"{n}. {e}" for n, e in enumerate(excerpts, start=1))
    answer = ask(writer, HEADINGS_SYSTEM, HEADINGS_EXAMPLE, user, 16 * len(texts) + 16)
    numbered: dict[int, str] = {}
    for line in answer.splitlines():
        match = re.match(r"^\s*(\d{1,2})\s*[.)]\s*(.+?)\s*$", line)
        if match:
            numbered.setdefault(int(match.group(1)), _clean(match.group(2)).strip(" ."))
    out: list[str | None] = []
    for n, text in enumerate(texts, start=1):
        candidate = numbered.get(n)
        writer.stats.units += 1
        if candidate and not writer.verify(
            prompts.HEADING,
            candidate,
            excerpts[n - 1],
            build_support(french()(text)),
            min_words=3,
            max_words=10,
            accept=accept,
            where="intertitre",
        ):
            writer.stats.generated += 1
            writer.written(candidate)
            out.append(candidate)
        else:
            out.append(None)
    return out


def pick(
    writer: UnitWriter,
    task: prompts.Task,
    system: str,
    user: str,
    source: str,
    support: Support,
    *,
    accept: Callable[[str], bool],
    min_words: int,
    max_words: int,
    tokens: int,
) -> str | None:
    """The first of the model's candidates (one per line, one call) that passes."""
    if writer.generator is None:
        return None
    given, answer = task.examples[0]
    example = (given, answer + "\n" + task.examples[-1][1])
    writer.stats.units += 1
    for candidate in lines_of(ask(writer, system, example, user, tokens)):
        problems = writer.verify(
            task,
            candidate,
            source,
            support,
            min_words=min_words,
            max_words=max_words,
            accept=accept,
            where=task.name,
        )
        if not problems:
            writer.stats.generated += 1
            writer.written(candidate)
            return candidate
        writer.stats.rejections.extend(problems)
    return None


_EDITOR = "Tu es secrétaire de rédaction dans un quotidien français. "


def title(
    writer: UnitWriter,
    source: str,
    support: Support,
    accept: Callable[[str], bool],
    max_chars: int,
    label: str,
) -> str | None:
    """Five headlines asked at once; the first that passes."""
    system = (
        f"{_EDITOR}Propose cinq titres de presse différents pour ce texte, de moins de "
        f"{max_chars} caractères, qui commencent par « {label} », sans rien ajouter au "
        "texte. Une ligne par titre."
    )
    return pick(writer, prompts.TITLE, system, source, source, support, accept=accept,
                min_words=3, max_words=12, tokens=120)  # fmt: skip


def meta(
    writer: UnitWriter,
    source: str,
    support: Support,
    accept: Callable[[str], bool],
    limits: tuple[int, int],
    keyword: str,
) -> str | None:
    """Three meta descriptions asked at once; the first that passes."""
    system = (
        f"{_EDITOR}Propose trois résumés différents de ce texte, chacun en une phrase de "
        f"{limits[0]} à {limits[1]} caractères qui contient « {keyword} », sans rien "
        "ajouter au texte. Une ligne par résumé."
    )
    return pick(writer, prompts.META, system, source, source, support, accept=accept,
                min_words=12, max_words=30, tokens=200)  # fmt: skip
