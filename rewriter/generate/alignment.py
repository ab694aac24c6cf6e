"""The model's answer for a paragraph, cut into sentences and aligned to the source
sentences it rewrites: by its numbered lines when kept, else by a monotone
Gale–Church-like alignment on shared content lemmas (1–3 sentences a side, or a skip: an
addition or an omission)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rewriter.analysis.nlp import french
from rewriter.analysis.sentences import sentence_spans
from rewriter.analysis.words import normalise
from rewriter.plan import SourceSentence

# Alignment moves: (output sentences, source sentences) per group.
_MOVES = ((1, 1), (2, 1), (3, 1), (1, 2), (2, 2), (1, 3), (1, 0), (0, 1))
_SKIP_COST = 0.9


@dataclass
class Group:
    """Output sentences and the source sentences they rewrite (either list may be empty:
    an addition, or a source sentence the model left out)."""

    outputs: list[str]
    sources: list[SourceSentence]


_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*(.+)$")


def groups_of(answer: str, run: list[SourceSentence]) -> list[Group]:
    """The answer's lines, each the rewrite of the source sentence of its number; when the
    numbering is not kept (a line missing, merged, renumbered), the sentences are aligned
    on their words instead (`align`)."""
    lines = [line for line in answer.splitlines() if line.strip()]
    found = [_NUMBERED.match(line) for line in lines]
    numbers = [int(m.group(1)) for m in found if m]
    if len(numbers) == len(lines) == len(run) and numbers == list(range(1, len(run) + 1)):
        return [Group(_sentences(m.group(2)), [s]) for m, s in zip(found, run, strict=True) if m]
    return align(_sentences(answer), run)


def _sentences(text: str) -> list[str]:
    """The answer's sentences: one per line, as asked, and a line holding two is cut."""
    out: list[str] = []
    for line in text.splitlines():
        match = _NUMBERED.match(line)
        line = match.group(2) if match else line.strip().lstrip("-•* ")
        line = " ".join(line.split())
        if line:
            doc = french()(line)
            out += [s.text.strip() for s in sentence_spans(doc) if any(c.isalnum() for c in s.text)]
    return out


def _lemmas(text: str) -> frozenset[str]:
    doc = french()(text)
    return frozenset(
        normalise(t.lemma_) if not t.like_num else t.text
        for t in doc
        if (t.is_alpha and not t.is_stop) or t.like_num
    )


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def align(outputs: list[str], sources: list[SourceSentence]) -> list[Group]:
    """Monotone alignment of output sentences to source sentences (a Gale–Church-like
    dynamic programme on shared content lemmas): the cheapest cover of both sequences by
    groups of 1–3 sentences a side, or a skip (an addition, an omission)."""
    out_sets = [_lemmas(o) for o in outputs]
    src_sets = [_lemmas(s.text) for s in sources]
    m, n = len(outputs), len(sources)
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            if cost[i][j] == inf:
                continue
            for a, b in _MOVES:
                if i + a > m or j + b > n:
                    continue
                if a == 0 or b == 0:
                    step = _SKIP_COST * (a + b)
                else:
                    left = frozenset().union(*out_sets[i : i + a])
                    right = frozenset().union(*src_sets[j : j + b])
                    step = (1 - _similarity(left, right)) * (a + b) + 0.05 * (a + b - 2)
                if cost[i][j] + step < cost[i + a][j + b]:
                    cost[i + a][j + b] = cost[i][j] + step
                    back[i + a][j + b] = (a, b)
    groups: list[Group] = []
    i, j = m, n
    while i or j:
        move = back[i][j]
        assert move is not None
        a, b = move
        groups.append(Group(outputs[i - a : i], list(sources[j - b : j])))
        i, j = i - a, j - b
    return groups[::-1]
