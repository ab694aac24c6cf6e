"""The user's config file: TOML defaults for the model, the seed, the repair rounds and
every threshold of :class:`~rewriter.settings.Settings`.

Found at ``--config PATH``, else ``$REWRITER_CONFIG``, else ``config.toml`` in the user's
config folder (``~/.config/rewriter/`` on Linux). An absent default file means defaults;
an unknown key, a wrong type or broken TOML is a :class:`ConfigError` that names it.

Example::

    model = "~/modeles/mistral-7b-instruct-q4_k_m.gguf"
    seed = 0
    max_rounds = 8
    min_words = 800
    max_sentence_words = 20
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rewriter.errors import ConfigError
from rewriter.settings import Settings

ENV_VAR = "REWRITER_CONFIG"
THREADS_VAR = "REWRITER_THREADS"  # llama.cpp threads; default: the physical cores
# The keys that are not thresholds, and the type each expects.
RUN_KEYS: dict[str, type] = {
    "model": str,
    "seed": int,
    "max_rounds": int,
    "format": str,
    "rewrite_by": str,
    "server": str,  # an OpenAI-compatible inference server (`--server URL`)
    "parallel": int,  # requests sent to it at once (`--parallel N`)
}
FORMATS = ("md", "html", "json")


@dataclass(frozen=True)
class Config:
    settings: Settings = field(default_factory=Settings)
    model: Path | str | None = None  # a path, or a model's name (`rewriter models list`)
    seed: int | None = None
    max_rounds: int | None = None
    format: str | None = None
    rewrite_by: str | None = None  # "sentence" or "paragraph"; None: from the model
    server: str | None = None  # e.g. "http://gpu.redaction.local:8000"; None: in process
    parallel: int | None = None
    path: Path | None = None  # the file read, None when there was none


def default_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("rewriter") / "config.toml"


def config_path(explicit: str | None = None) -> tuple[Path, bool]:
    """The file to read, and whether the user named it (then it must exist)."""
    if explicit:
        return Path(explicit).expanduser(), True
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser(), True
    return default_path(), False


def threads_from_env() -> int | None:
    """llama.cpp threads asked for in $REWRITER_THREADS (tests and benchmarks set it)."""
    value = os.environ.get(THREADS_VAR, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"{THREADS_VAR} attend un nombre entier positif, pas {value!r}.")
    return int(value)


# Where other local-model apps keep their GGUF files (read-only for us), by app: the
# environment variables each app itself reads, then its usual folders.
STORE_ENV = {
    "ollama": ("OLLAMA_MODELS",),
    "lmstudio": ("LMSTUDIO_HOME",),
    "huggingface": ("HF_HUB_CACHE", "HF_HOME"),
    "llama.cpp": ("LLAMA_CACHE",),
}


def store_env() -> dict[str, str]:
    """The store variables set in the environment (models list reads them)."""
    names = [name for names in STORE_ENV.values() for name in names]
    return {name: os.environ[name] for name in names if os.environ.get(name)}


def load_config(explicit: str | None = None) -> Config:
    path, named = config_path(explicit)
    if not path.exists():
        if named:
            raise ConfigError(f"Fichier de configuration introuvable : {path}.")
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        place = f"ligne {where[1]}, colonne {where[2]}" if where else "en fin de fichier"
        raise ConfigError(
            f"{path} n'est pas un fichier TOML valide (erreur {place}) : "
            'vérifiez la syntaxe, par exemple min_words = 800 ou model = "chemin.gguf".'
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Impossible de lire {path} : {exc}.") from exc
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    known = set(Settings.keys())
    thresholds = {k: v for k, v in data.items() if k not in RUN_KEYS}
    unknown = [k for k in thresholds if k not in known]
    if unknown:
        raise ConfigError(
            f"{path} : réglage inconnu « {unknown[0]} ». Réglages possibles : "
            f"{', '.join([*RUN_KEYS, *Settings.keys()])}."
        )
    run: dict[str, Any] = {}
    for key, expected in RUN_KEYS.items():
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            kind = "un nombre entier" if expected is int else "un texte"
            raise ConfigError(f"{path} : « {key} » attend {kind}, pas {value!r}.")
        run[key] = value
    if "format" in run and run["format"] not in FORMATS:
        raise ConfigError(f"{path} : « format » vaut md, html ou json, pas {run['format']!r}.")
    if "rewrite_by" in run and run["rewrite_by"] not in ("sentence", "paragraph"):
        raise ConfigError(
            f"{path} : « rewrite_by » vaut sentence ou paragraph, pas {run['rewrite_by']!r}."
        )
    if "server" in run and not re.match(r"https?://[^/\s]+", run["server"]):
        raise ConfigError(
            f"{path} : « server » attend une adresse http:// ou https://, pas {run['server']!r}."
        )
    if run.get("parallel", 1) < 1:
        raise ConfigError(f"{path} : « parallel » vaut au moins 1.")
    if run.get("max_rounds", 0) < 0:
        raise ConfigError(f"{path} : « max_rounds » ne peut pas être négatif.")
    try:
        settings = Settings().with_overrides(thresholds)
    except ConfigError as exc:
        raise ConfigError(f"{path} : {exc.message}") from exc
    model: Path | str | None = None
    if "model" in run:
        value = str(run["model"])
        if "server" in run:
            model = value  # the server's name for it, as `GET /v1/models` lists it
        elif (
            value.endswith(".gguf") or "/" in value.replace("ollama:", "") or value.startswith("~")
        ):
            model = Path(value).expanduser()
            if not model.is_absolute():
                model = (path.parent / model).resolve()  # relative to the file, not the cwd
        else:
            model = value  # a name: `rewriter models list`
    return Config(
        settings=settings,
        model=model,
        seed=run.get("seed"),
        max_rounds=run.get("max_rounds"),
        format=run.get("format"),
        rewrite_by=run.get("rewrite_by"),
        server=run.get("server"),
        parallel=run.get("parallel"),
        path=path,
    )
