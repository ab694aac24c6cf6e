"""Generate one unit (sentence, heading, title, meta) from its own source span, verified.

Each attempt is steered toward the span's words, then checked by the fidelity guard; a
failing attempt is retried with other sampling, and after the last one the caller gets
None (and uses its faithful fallback). A failing unit is never returned.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from rewriter.analysis.nlp import french
from rewriter.generate import prompts, steering
from rewriter.generate.backend import Generator
from rewriter.verify.guard import Unsupported, check_unit, example_ngrams
from rewriter.verify.reading import ReadingGate
from rewriter.verify.support import Support, flat

log = logging.getLogger(__name__)

Origin = Literal["generated", "fallback"]

# (temperature, seed offset): the first try is cautious, later ones explore.
SCHEDULE = ((0.3, 0), (0.7, 1), (1.0, 2))
STEERING_PENALTY = 2.5  # measured on the dev corpus: 0 → 2/24 accepted, 2 → 7/24, 4 → 6/24


@dataclass
class Stats:
    units: int = 0
    first_try: int = 0
    generated: int = 0
    fallback: int = 0
    rejections: list[Unsupported] = field(default_factory=list)


@dataclass(frozen=True)
class Unit:
    text: str
    origin: Origin
    source: str


class UnitWriter:
    """Writes units with a generator (or none: every unit is then its faithful fallback)."""

    def __init__(
        self,
        generator: Generator | None,
        *,
        seed: int = 0,
        attempts: int = len(SCHEDULE),
        on_unit: Callable[[str], None] | None = None,
    ) -> None:
        self.generator = generator
        self.seed = seed
        self.attempts = attempts
        self.stats = Stats()
        self.used: set[str] = set()  # sentences already in the article (flattened)
        self.frozen: set[str] = set()  # quoted sentences: no repair may touch them
        self.whole: set[str] = set()  # sentences the next one ties back to: never split
        self.restated: set[str] = set()  # sentences a summary repeated word for word
        self.model_texts: set[str] = set()  # what the model wrote and the judges accepted
        self.on_unit = on_unit or (lambda _kind: None)
        # Every candidate, generated or deterministic, must read as well as its source:
        # Grammalecte, whole sentences, and the model's own fluency when it can score.
        scorer = getattr(generator, "nll", None)
        pieces = getattr(generator, "surprisals", None)
        self.gate = ReadingGate(
            scorer if callable(scorer) else None, pieces=pieces if callable(pieces) else None
        )
        self._examples = {
            task.name: example_ngrams(prompts.example_texts(task))
            for task in (
                prompts.SHORTEN,
                prompts.SENTENCE,
                prompts.SPLIT,
                prompts.HEADING,
                prompts.TITLE,
                prompts.META,
            )
        }

    def generate(
        self,
        task: prompts.Task,
        source: str,
        support: Support,
        *,
        prefix: str = "",
        max_tokens: int = 96,
        min_words: int = 2,
        max_words: int = 60,
        accept: Callable[[str], bool] = lambda _text: True,
        where: str = "",
        keep: Any = None,
        stop: tuple[str, ...] = ("\n",),
    ) -> str | None:
        """An accepted text for `task` on `source`, or None after every attempt failed."""
        self.stats.units += 1
        self.on_unit(task.name)
        if self.generator is None:
            return None
        request = prompts.build(task, source, prefix=prefix, style=self.generator.style)
        bias = steering.bias_for(self.generator, source + " " + prefix, STEERING_PENALTY)
        for attempt, (temperature, offset) in enumerate(SCHEDULE[: self.attempts]):
            request = dataclasses.replace(
                request,
                max_tokens=max_tokens,
                temperature=temperature,
                seed=self.seed + offset + 7 * self.stats.units,
                bias=bias,
            )
            raw = self.generator.complete(request).text
            text = _clean(prefix + raw if prefix else raw)
            if not text:
                continue
            problems = self.verify(
                task,
                text,
                source,
                support,
                min_words=min_words,
                max_words=max_words,
                accept=accept,
                where=where,
                keep=keep,
            )
            if not problems:
                self.stats.generated += 1
                self.written(text)
                if attempt == 0:
                    self.stats.first_try += 1
                return text
            log.debug("rejected %s (%s): %s", task.name, problems[0].kind, text)
            self.stats.rejections.extend(problems)
        return None

    def verify(
        self,
        task: prompts.Task,
        text: str,
        source: str,
        support: Support,
        *,
        min_words: int = 2,
        max_words: int = 60,
        accept: Callable[[str], bool] = lambda _text: True,
        where: str = "",
        keep: Any = None,
    ) -> list[Unsupported]:
        """Why `text`, a candidate for `task` on `source`, may not be used; [] when it
        may: the fidelity guard, the caller's own test (`accept`), then the reading gate."""
        problems = check_unit(
            french()(text),
            support,
            where=where,
            min_words=min_words,
            max_words=max_words,
            examples=self._examples[task.name],
            keep=keep,
            # A heading or a title is not a sentence: no final stop, no main verb needed.
            final_punctuation=task not in (prompts.HEADING, prompts.TITLE),
        )
        if not problems and not accept(text):
            problems = [Unsupported(text[:40], "length", where)]
        if (
            not problems
            and task in (prompts.SENTENCE, prompts.SPLIT)
            and (flat(text) == flat(source))
        ):
            problems = [Unsupported(text[:40], "example", where)]  # a copy, not a rewrite
        if not problems:
            problems = self._reading(task, text, source, where)
        return problems

    def written(self, text: str) -> None:
        """Record `text` (and each of its sentences) as the model's, for provenance."""
        from rewriter.analysis.sentences import sentence_spans

        self.model_texts.add(flat(text))
        if any(mark in text for mark in ".!?"):
            self.model_texts.update(flat(s.text) for s in sentence_spans(french()(text)))

    def _reading(self, task: prompts.Task, text: str, source: str, where: str) -> list[Unsupported]:
        if task in (prompts.SENTENCE, prompts.SPLIT, prompts.SHORTEN):
            from rewriter.analysis.sentences import sentence_spans

            parts = [s.text for s in sentence_spans(french()(text))] or [text]
            return self.gate.refusals(parts, source, where=where)
        # Headings, titles, meta descriptions: not sentences, not the same text as their
        # source; they still may not bring in a grammar error.
        return self.gate.refusals(text, source, where=where, sentences=False, fluency=False)

    def accepts(self, candidate: str | list[str], source: str, *, where: str = "") -> bool:
        """A deterministic rewrite of `source` passes the reading gate."""
        return not self.gate.refusals(candidate, source, where=where)

    def fallback(self) -> None:
        self.stats.fallback += 1


def _clean(text: str) -> str:
    text = text.strip().strip('"').strip()
    return " ".join(text.split())


def span_support(span: Any) -> Support:
    from rewriter.verify.support import build_support

    return build_support(span.as_doc() if hasattr(span, "as_doc") else span)
