"""Where each output sentence comes from: its origin and the source sentence(s) behind it.

Origins:
- `model` — written by the model and verified (the guard and the reading gate accepted it;
  `UnitWriter.model_texts` records every such text);
- `kept` — a source sentence as the journalist wrote it;
- `restructured` — the source's own words, split or reordered by a deterministic rewrite
  (`transform/`), verified by the reading gate;
- `growth` — a key point or an answer added to reach the length (from the source's facts).

The source sentences of a kept sentence are exact; for the others they are the source
sentences sharing the most content lemmas with it (one, or two neighbours when both share
much): every output sentence is traced, none is left without a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from rewriter.analysis.nlp import french
from rewriter.analysis.words import normalise
from rewriter.draft import Draft
from rewriter.verify.support import flat

Origin = Literal["model", "kept", "restructured", "growth"]
ORIGINS: tuple[Origin, ...] = ("model", "restructured", "kept", "growth")
LABELS = {
    "model": "rédigée par le modèle, vérifiée",
    "restructured": "restructurée depuis la source",
    "kept": "gardée telle quelle",
    "growth": "ajoutée pour la longueur (point clé, FAQ)",
}


@dataclass
class Traced:
    text: str
    origin: Origin
    sources: list[int]  # indices into Provenance.source_sentences
    block: int  # index of the output block (paragraph or list item) that holds it

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "origin": self.origin, "sources": self.sources,
                "block": self.block}  # fmt: skip


@dataclass
class Provenance:
    source_sentences: list[str]
    sentences: list[Traced] = field(default_factory=list)
    source_paragraphs: list[int] = field(default_factory=list)  # per source sentence

    def counts(self) -> dict[str, int]:
        return {o: sum(1 for s in self.sentences if s.origin == o) for o in ORIGINS}

    def as_dict(self) -> dict[str, Any]:
        return {
            "source_sentences": self.source_sentences,
            "source_paragraphs": self.source_paragraphs,
            "sentences": [s.as_dict() for s in self.sentences],
            "counts": self.counts(),
        }


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(
        normalise(t.lemma_) if not t.like_num else t.text
        for t in french()(text)
        if (t.is_alpha and not t.is_stop) or t.like_num
    )


def trace(
    draft: Draft,
    source_sentences: list[str],
    model_texts: set[str],
    source_paragraphs: list[int] | None = None,
) -> Provenance:
    out = Provenance(list(source_sentences), source_paragraphs=list(source_paragraphs or []))
    exact = {flat(s): i for i, s in enumerate(source_sentences)}
    source_sets = [_lemmas(s) for s in source_sentences]
    block = -1
    for role, paragraph in [("body", p) for p in draft.intro] + [
        (section.role, p) for section in draft.sections for p in section.paragraphs
    ]:
        if not paragraph.text:
            continue
        block += 1
        for text in paragraph.sentences:
            if not text:
                continue
            key = flat(text)
            if role != "body":
                origin: Origin = "growth"
            elif key in model_texts:
                origin = "model"
            elif key in exact:
                origin = "kept"
            else:
                origin = "restructured"
            out.sentences.append(Traced(text, origin, _sources(key, text, exact, source_sets),
                                        block))  # fmt: skip
    return out


def _sources(
    key: str, text: str, exact: dict[str, int], source_sets: list[frozenset[str]]
) -> list[int]:
    if key in exact:
        return [exact[key]]
    mine = _lemmas(text)
    if not source_sets:
        return []
    scores = [
        len(mine & s) / max(1, len(mine)) for s in source_sets
    ]  # share of the sentence's words each source sentence holds
    best = max(range(len(scores)), key=lambda i: scores[i])
    found = [best]
    for other in (best - 1, best + 1):
        if 0 <= other < len(scores) and scores[other] >= 0.5 and scores[other] >= scores[best] / 2:
            found.append(other)
    return sorted(found)
