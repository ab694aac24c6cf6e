"""Atomic writes: a temporary file in the target folder, then a rename. Never half a file,
never the input overwritten, never an existing output replaced without `force`."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from rewriter.errors import OutputError


def write_atomic(
    path: Path, text: str, *, force: bool = False, protect: tuple[Path, ...] = ()
) -> None:
    target = path.resolve()
    for guarded in protect:
        if guarded.exists() and target == guarded.resolve():
            raise OutputError(
                f"La sortie {path} est le fichier d'entrée : choisissez un "
                "autre nom, l'original n'est jamais écrasé."
            )
    if target.exists() and not force:
        raise OutputError(f"{path} existe déjà : ajoutez --force pour le remplacer.")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"Dossier de sortie introuvable : {folder}.")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"Impossible d'écrire dans {folder} : {exc.strerror}.") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def ensure_writable(folder: Path) -> None:
    """Fail now, not after minutes of generation, when `folder` cannot take a file."""
    if not folder.exists():
        raise OutputError(f"Dossier de sortie introuvable : {folder}.")
    if not folder.is_dir():
        raise OutputError(f"{folder} n'est pas un dossier : la sortie ne peut pas y être écrite.")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise OutputError(
            f"Impossible d'écrire dans {folder} : {exc.strerror}. Choisissez un autre dossier."
        ) from exc
