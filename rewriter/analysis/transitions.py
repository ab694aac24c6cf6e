"""French transition words (rewriter/data/transitions_fr.txt), matched on whole words."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files


@cache
def phrases() -> tuple[str, ...]:
    text = files("rewriter").joinpath("data/transitions_fr.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _pattern() -> re.Pattern[str]:
    alternatives = sorted(phrases(), key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w'-])")


def find(sentence: str) -> str | None:
    """The first transition word or phrase in `sentence`, or None."""
    text = sentence.replace("’", "'").lower()
    match = _pattern().search(text)
    return match.group(0) if match else None
