"""The GGUF files other local-model apps already keep on this machine — read, never written.

Ollama (`manifests/<host>/<namespace>/<model>/<tag>` JSON naming a `blobs/sha256-<hex>`
GGUF), LM Studio (`publisher/model/file.gguf`), the Hugging Face hub cache
(`models--org--name/snapshots/<rev>/…`), llama.cpp's download cache and GPT4All's folder.
Projector files (`mmproj*`, Ollama's projector layers) are not models; the parts of a split
model (`-00001-of-00003`) are listed once, by their first part.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model"
OLLAMA_DEFAULT_HOST = "registry.ollama.ai"
_SPLIT = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    name: str  # how `--model` names it: « ollama:qwen2.5:1.5b », « lmstudio:org/model/file »
    path: Path
    source: str  # the app whose folder holds it


def roots(env: dict[str, str], home: Path) -> dict[str, list[Path]]:
    """Every folder to look in, by app, the app's own variables first."""

    def first(variable: str, *defaults: Path) -> list[Path]:
        return [Path(env[variable]), *defaults] if variable in env else list(defaults)

    hf = first("HF_HUB_CACHE")
    if "HF_HOME" in env:
        hf.append(Path(env["HF_HOME"]) / "hub")
    lmstudio = [Path(env["LMSTUDIO_HOME"]) / "models"] if "LMSTUDIO_HOME" in env else []
    ollama = [Path(env["OLLAMA_MODELS"])] if "OLLAMA_MODELS" in env else [home / ".ollama/models"]
    return {
        "ollama": [*ollama, Path("/usr/share/ollama/.ollama/models")],
        "lmstudio": [*lmstudio, home / ".lmstudio/models", home / ".cache/lm-studio/models"],
        "huggingface": [*hf, home / ".cache/huggingface/hub"],
        "llama.cpp": first("LLAMA_CACHE", home / ".cache/llama.cpp"),
        "gpt4all": [home / ".local/share/nomic.ai/GPT4All"],
    }


def discover(env: dict[str, str], home: Path) -> list[Found]:
    """Every GGUF model the apps' folders hold, once each (the first name found wins)."""
    seen: set[Path] = set()
    out: list[Found] = []
    finders = {
        "ollama": _ollama,
        "lmstudio": _lmstudio,
        "huggingface": _huggingface,
        "llama.cpp": _flat,
        "gpt4all": _flat,
    }
    for app, folders in roots(env, home).items():
        for folder in dict.fromkeys(folders):
            if not folder.is_dir():
                continue
            for name, path in finders[app](folder):
                key = path.resolve()
                if key in seen or not _is_model(path):
                    continue
                seen.add(key)
                prefix = "" if name.startswith(f"{app}:") else f"{app}:"
                out.append(Found(prefix + name, path, app))
    return out


def _is_model(path: Path) -> bool:
    """A GGUF file (its four first bytes), not a projector, not a later split part."""
    split = _SPLIT.search(path.name)
    if path.name.lower().startswith("mmproj") or (split and int(split[1]) != 1):
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"GGUF"
    except OSError:
        return False


def _ollama(root: Path) -> Iterator[tuple[str, Path]]:
    manifests = root / "manifests"
    if not manifests.is_dir():
        return
    for manifest in sorted(p for p in manifests.rglob("*") if p.is_file()):
        parts = manifest.relative_to(manifests).parts
        if len(parts) != 4:
            continue
        host, namespace, model, tag = parts
        try:
            layers = json.loads(manifest.read_text(encoding="utf-8")).get("layers", [])
        except (OSError, ValueError, AttributeError):
            continue  # a manifest we cannot read is Ollama's business, not a crash of ours
        for layer in layers:
            if not isinstance(layer, dict) or layer.get("mediaType") != OLLAMA_MODEL_LAYER:
                continue
            digest = str(layer.get("digest", "")).replace(":", "-")
            blob = root / "blobs" / digest
            if blob.is_file():
                yield f"ollama:{ollama_name(host, namespace, model, tag)}", blob


def ollama_name(host: str, namespace: str, model: str, tag: str) -> str:
    """« qwen2.5:1.5b » for Ollama's own library, « host/namespace/model:tag » otherwise."""
    if host == OLLAMA_DEFAULT_HOST and namespace == "library":
        return f"{model}:{tag}"
    if host == OLLAMA_DEFAULT_HOST:
        return f"{namespace}/{model}:{tag}"
    return f"{host}/{namespace}/{model}:{tag}"


def _lmstudio(root: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(root.glob("*/*/*.gguf")):
        publisher, model = path.parent.parent.name, path.parent.name
        yield f"{publisher}/{model}/{_stem(path)}", path


def _huggingface(root: Path) -> Iterator[tuple[str, Path]]:
    for repo in sorted(root.glob("models--*")):
        org_name = repo.name[len("models--") :].replace("--", "/", 1)
        for path in sorted((repo / "snapshots").glob("*/**/*.gguf")):
            yield f"{org_name}/{_stem(path)}", path


def _flat(root: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(root.glob("*.gguf")):
        yield _stem(path), path


def _stem(path: Path) -> str:
    return _SPLIT.sub("", path.name).removesuffix(".gguf")
