"""Every threshold in one typed object, each with its source.

Defaults live here; a config file or command-line flags override them through
:meth:`Settings.with_overrides`, which rejects unknown keys by name.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from rewriter.errors import ConfigError


def _setting(default: Any, source: str) -> Any:
    return field(default=default, metadata={"source": source})


@dataclass(frozen=True)
class Settings:
    min_words: int = _setting(700, "la demande d'origine : « at least 700 words »")
    min_language_confidence: float = _setting(0.80, "lingua ; en dessous, la langue est douteuse")
    max_section_words: int = _setting(300, "Yoast SEO, répartition des intertitres")
    max_sentence_words: int = _setting(20, "Yoast SEO, longueur des phrases (français)")
    max_long_sentence_share: float = _setting(25.0, "Yoast SEO, longueur des phrases")
    max_paragraph_words: int = _setting(150, "Yoast SEO, longueur des paragraphes")
    min_keyword_density: float = _setting(0.5, "Yoast SEO, densité de la requête")
    max_keyword_density: float = _setting(3.0, "Yoast SEO, densité de la requête")
    min_subheading_keyword_share: float = _setting(30.0, "Yoast SEO, requête dans les intertitres")
    max_subheading_keyword_share: float = _setting(75.0, "Yoast SEO, requête dans les intertitres")
    min_meta_keyword: int = _setting(1, "Yoast SEO, requête dans la méta description")
    max_meta_keyword: int = _setting(2, "Yoast SEO, requête dans la méta description")
    max_title_chars: int = _setting(60, "Google coupe les titres au-delà d'environ 60 caractères")
    min_meta_chars: int = _setting(120, "Yoast SEO, longueur de la méta description")
    max_meta_chars: int = _setting(156, "Yoast SEO, longueur de la méta description")
    max_passive_share: float = _setting(10.0, "Yoast SEO, voix passive")
    min_transition_share: float = _setting(30.0, "Yoast SEO, mots de transition")
    max_same_beginnings: int = _setting(2, "Yoast SEO, débuts de phrases (3 de suite échoue)")
    min_flesch: float = _setting(60.0, "Kandel & Moles (1958), lisibilité « standard »")
    max_source_words: int = _setting(
        6000, "rewrite : au-delà, plus de 8 minutes de génération avec le modèle par défaut"
    )

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]

    @classmethod
    def source(cls, key: str) -> str:
        return str(cls.__dataclass_fields__[key].metadata["source"])

    def with_overrides(self, overrides: dict[str, Any]) -> Settings:
        """A copy with `overrides` applied; unknown keys and wrong types are a ConfigError."""
        known = {f.name: f for f in dataclasses.fields(self)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in known:
                raise ConfigError(
                    f"Réglage inconnu : « {key} ». Réglages possibles : {', '.join(known)}."
                )
            default = getattr(self, key)
            if isinstance(default, bool) or not isinstance(value, int | float):
                raise ConfigError(f"Le réglage « {key} » attend un nombre, pas {value!r}.")
            if value < 0:
                raise ConfigError(f"Le réglage « {key} » attend un nombre positif, pas {value!r}.")
            changes[key] = type(default)(value)
        return dataclasses.replace(self, **changes)
