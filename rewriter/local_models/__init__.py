"""The models a journalist can use: the embedded default, the ones registered with
`rewriter models add`, and the GGUF files other local-model apps keep (`stores`).

The registry is one JSON file in the user's data folder, written atomically; header facts
(`gguf.read_info`) are cached by path, size and modification time so that `models list`
stays fast. A model is named by its registry name or alias, `ollama:NAME[:TAG]`, a name
`models list` shows, or a path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rewriter.errors import ConfigError, ModelError
from rewriter.local_models.gguf import GGUFInfo, read_info
from rewriter.local_models.stores import Found, discover

DEFAULT_NAME = "gemma-3-270m"
REGISTRY_VERSION = 1


@dataclass
class Entry:
    name: str
    path: Path
    source: str  # « intégré », « enregistré », or the app whose folder holds it
    aliases: list[str] = field(default_factory=list)
    sha256: str = ""
    default: bool = False


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("rewriter")


def registry_path() -> Path:
    return data_dir() / "models.json"


def _home() -> Path:
    return Path.home()


# --- the registry -------------------------------------------------------------------


def load_registry(path: Path | None = None) -> dict[str, Any]:
    path = path or registry_path()
    if not path.exists():
        return {"version": REGISTRY_VERSION, "default": None, "models": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(
            f"Registre des modèles illisible : {path} ({exc}). Corrigez-le, ou supprimez-le "
            "pour repartir de zéro (aucun fichier de modèle n'est touché)."
        ) from exc
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, list) or not all(
        isinstance(m, dict) and isinstance(m.get("name"), str) and isinstance(m.get("path"), str)
        for m in models
    ):
        raise ConfigError(
            f"Registre des modèles mal formé : {path} — chaque modèle a un « name » et un "
            "« path ». Corrigez-le, ou supprimez-le pour repartir de zéro."
        )
    default = data.get("default")
    if default is not None and not isinstance(default, str):
        raise ConfigError(f"Registre des modèles : « default » doit être un nom ({path}).")
    return dict(data)


def save_registry(data: dict[str, Any], path: Path | None = None) -> None:
    from rewriter.write.files import write_atomic

    path = path or registry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n", force=True)


def add(path: Path, *, name: str | None = None, aliases: tuple[str, ...] = ()) -> Entry:
    """Register a GGUF file under a name (its file name by default)."""
    path = path.expanduser().resolve()
    read_info(path)  # a GGUF we can read, or ModelError
    name = name or path.name.removesuffix(".gguf")
    data = load_registry()
    taken = {n for e in entries(include_found=True) for n in (e.name, *e.aliases)}
    for wanted in (name, *aliases):
        if wanted in taken or wanted == DEFAULT_NAME:
            raise ConfigError(
                f"Le nom « {wanted} » est déjà pris : choisissez-en un autre avec --name "
                "ou --alias (`rewriter models list` montre les noms utilisés)."
            )
    data["models"].append({"name": name, "path": str(path), "aliases": list(aliases)})
    save_registry(data)
    return Entry(name, path, "enregistré", list(aliases))


def remove(name: str) -> Entry:
    """Unregister `name`; the file itself is never deleted."""
    data = load_registry()
    for model in data["models"]:
        if name in (model["name"], *model.get("aliases", [])):
            data["models"].remove(model)
            if data.get("default") == model["name"]:
                data["default"] = None
            save_registry(data)
            return Entry(model["name"], Path(model["path"]), "enregistré")
    raise ModelError(
        f"« {name} » n'est pas un modèle enregistré (`rewriter models list`) ; les modèles "
        "d'autres applications ne se retirent pas d'ici, et aucun fichier n'est supprimé."
    )


def set_default(name: str) -> Entry:
    entry = find(name)
    data = load_registry()
    data["default"] = None if entry.name == DEFAULT_NAME else entry.name
    save_registry(data)
    entry.default = True
    return entry


# --- all models, and naming one -------------------------------------------------------


def entries(*, include_found: bool = True) -> list[Entry]:
    from rewriter.config import store_env
    from rewriter.models import (
        DEFAULT_MODEL_SHA256,
        INSTRUCT_MODELS,
        default_model_path,
        instruct_model_path,
    )

    data = load_registry()
    default = data.get("default") or DEFAULT_NAME
    out = [Entry(DEFAULT_NAME, default_model_path(), "intégré", [], DEFAULT_MODEL_SHA256)]
    # The instruct models `make instruct-models` assembled from PyPI, once they are there.
    out += [
        Entry(name, instruct_model_path(name), "assemblé (PyPI)", [], model.sha256)
        for name, model in INSTRUCT_MODELS.items()
        if instruct_model_path(name).exists()
    ]
    for model in data["models"]:
        out.append(
            Entry(
                model["name"],
                Path(model["path"]),
                "enregistré",
                [str(a) for a in model.get("aliases", [])],
                str(model.get("sha256", "")),
            )
        )
    if include_found:
        known = {e.path.resolve() for e in out if e.path.exists()}
        found: list[Found] = discover(store_env(), _home())
        out += [Entry(f.name, f.path, f.source) for f in found if f.path.resolve() not in known]
    for entry in out:
        entry.default = entry.name == default
    return out


def find(reference: str) -> Entry:
    """The entry `reference` names; ModelError with the fix when none does."""
    wanted = reference.strip()
    if wanted.startswith("ollama:") and wanted.count(":") == 1:
        wanted += ":latest"  # Ollama's own default tag
    for entry in entries():
        if wanted in (entry.name, *entry.aliases):
            return entry
    raise ModelError(
        f"Modèle introuvable : {reference} — lancez `rewriter models list` pour voir les "
        "modèles installés, ou donnez le chemin d'un fichier .gguf."
    )


def resolve(reference: str | Path) -> Path:
    """A path for `reference`: a file path as given, else a name, alias or `ollama:…`."""
    if isinstance(reference, Path):
        return reference
    path = Path(reference).expanduser()
    if path.is_file():
        return path
    try:
        return find(reference).path
    except ModelError:
        if reference.endswith(".gguf") or (os.sep in reference and ":" not in reference):
            return path  # a path after all: loading it says the file is missing
        raise


def default_reference() -> str | None:
    """The model `models default` set, or None (then the embedded default)."""
    default = load_registry().get("default")
    return str(default) if default else None


# --- facts and checksums --------------------------------------------------------------


def info(path: Path, cache: Path | None = None) -> GGUFInfo:
    """`read_info`, cached by path, size and modification time."""
    from platformdirs import user_cache_path

    cache = cache or user_cache_path("rewriter") / "gguf-info.json"
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    try:
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if isinstance(known, dict) and isinstance(known.get(key), dict):
        with contextlib.suppress(TypeError):
            return GGUFInfo(**known[key])
    facts = read_info(path)
    known = known if isinstance(known, dict) else {}
    known[key] = asdict(facts)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    return facts


def sha256_with_progress(path: Path, on_progress: Callable[[int, int], None]) -> str:
    digest = hashlib.sha256()
    total, done = path.stat().st_size, 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(8 << 20), b""):
            digest.update(block)
            done += len(block)
            on_progress(done, total)
    return digest.hexdigest()


def expected_sha256(entry: Entry) -> str:
    """The checksum `entry` should have: recorded, else the catalogue's for its size."""
    from rewriter.local_models.catalogue import BY_SIZE

    if entry.sha256:
        return entry.sha256
    if entry.source == "ollama":
        return entry.path.name.removeprefix("sha256-")  # Ollama names a blob by its sha256
    candidate = BY_SIZE.get(entry.path.stat().st_size) if entry.path.exists() else None
    return candidate.sha256 if candidate else ""
