"""Small text helpers shared by the generators."""

from __future__ import annotations

import re

from rewriter.analysis.keyword import Keyword


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def keyword_label(keyword: Keyword) -> str:
    return capitalise(keyword.text)


# A connector ties a sentence to the one before it; a key point stands alone.
_CONNECTOR = re.compile(
    r"^(?:Ainsi|De plus|Par ailleurs|En outre|Donc|D'ailleurs|D’ailleurs|Enfin|Or|Pourtant"
    r"|Cependant|Toutefois|Néanmoins|En revanche|En effet|Dans le même temps),\s+"
    r"|^(?:Et|Mais)\s+(?!ce\s*,)"
    r"|^Aussi\s+(?=(?:la|le|les|l'|l’|un|une|des)\s)"
    r"|^D['’]autant (?:plus )?que\s+"
)


def without_connector(text: str) -> str:
    """« Ainsi, huit véhicules sur dix… » → « Huit véhicules sur dix… »."""
    stripped = _CONNECTOR.sub("", text, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped != text else text
