"""`rewriter models …`: list, show, add, remove, default, verify, recommend."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from rewriter.cli.base import CONTEXT, HELP, run_safely
from rewriter.errors import ExitCode


@click.group(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
def models() -> None:
    """Les modèles GGUF utilisables : l'intégré, les enregistrés, et ceux qu'Ollama, LM
    Studio, le cache Hugging Face, llama.cpp ou GPT4All gardent déjà sur cette machine."""


def _size(n: int) -> str:
    return f"{n / 1024**3:.1f} Go" if n >= 1024**3 else f"{n / 1024**2:.0f} Mo"


def _row(entry: Any) -> dict[str, Any]:
    from rewriter.local_models import info

    row: dict[str, Any] = {
        "name": entry.name,
        "aliases": entry.aliases,
        "path": str(entry.path),
        "source": entry.source,
        "default": entry.default,
    }
    try:
        facts = info(entry.path)
    except (OSError, Exception) as exc:  # a broken file is a row that says so, not a crash
        row.update(error=getattr(exc, "message", str(exc)))
        return row
    row.update(
        size=facts.size,
        quantisation=facts.quantisation,
        parameters=facts.size_label,
        architecture=facts.architecture,
        chat_template=facts.chat_template,
        style=facts.style,
        context_length=facts.context_length,
        model_name=facts.name,
    )
    return row


@models.command("list", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON.")
def list_models(as_json: bool) -> None:
    """Tous les modèles utilisables, le défaut marqué d'une étoile."""

    def body() -> int:
        from rewriter.local_models import entries

        rows = [_row(e) for e in entries()]
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        click.echo(f"  {'nom':44} {'taille':>8} {'quant.':8} {'param.':7} {'archi.':9} "
                   f"{'chat':4}  origine")  # fmt: skip
        for r in rows:
            mark = "*" if r["default"] else " "
            if "error" in r:
                click.echo(f"{mark} {r['name']:44} illisible : {r['error']}")
                continue
            chat = "oui" if r["chat_template"] else "non"
            click.echo(
                f"{mark} {r['name'][:44]:44} {_size(r['size']):>8} {r['quantisation']:8} "
                f"{r['parameters'][:7]:7} {r['architecture'][:9]:9} {chat:4}  {r['source']}"
            )
        click.echo("\n* : le modèle utilisé sans --model ; chat = instruct (sinon modèle de base).")
        return 0

    run_safely(body)


@models.command("show", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("name", metavar="NOM")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON.")
def show(name: str, as_json: bool) -> None:
    """Ce que dit l'en-tête GGUF d'un modèle (nom, alias, ollama:NOM ou chemin)."""

    def body() -> int:
        from rewriter.local_models import Entry, expected_sha256, find, resolve

        path = resolve(name)
        entry = find(name) if not path.exists() or str(path) != name else None
        entry = entry or Entry(path.name, path, "chemin")
        row = _row(entry)
        row["sha256_expected"] = expected_sha256(entry) if entry.path.exists() else ""
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False, indent=1))
            return 0 if "error" not in row else int(ExitCode.MODEL)
        for key, value in row.items():
            click.echo(f"{key:16} {value}")
        return 0 if "error" not in row else int(ExitCode.MODEL)

    run_safely(body)


@models.command("add", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("path", metavar="FICHIER", type=click.Path(dir_okay=False))
@click.option("--name", metavar="NOM", help="Nom du modèle (défaut : nom du fichier).")
@click.option("--alias", "aliases", multiple=True, metavar="ALIAS", help="Autre nom (répétable).")
def add_model(path: str, name: str | None, aliases: tuple[str, ...]) -> None:
    """Enregistre un fichier GGUF sous un nom."""

    def body() -> int:
        from rewriter.local_models import add

        entry = add(Path(path), name=name, aliases=aliases)
        click.echo(f"Modèle « {entry.name} » enregistré : {entry.path}")
        return 0

    run_safely(body)


@models.command("remove", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("name", metavar="NOM")
def remove_model(name: str) -> None:
    """Retire un modèle du registre (le fichier n'est jamais supprimé)."""

    def body() -> int:
        from rewriter.local_models import remove

        entry = remove(name)
        click.echo(f"Modèle « {entry.name} » retiré du registre ; {entry.path} est intact.")
        return 0

    run_safely(body)


@models.command("default", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("name", metavar="NOM", required=False)
def default_model(name: str | None) -> None:
    """Affiche le modèle par défaut, ou le change."""

    def body() -> int:
        from rewriter.local_models import DEFAULT_NAME, find, load_registry, set_default

        if name:
            entry = set_default(name)
            click.echo(f"Modèle par défaut : {entry.name} ({entry.path})")
            return 0
        current = find(str(load_registry().get("default") or DEFAULT_NAME))
        click.echo(f"{current.name} ({current.path})")
        return 0

    run_safely(body)


@models.command("verify", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("name", metavar="NOM")
def verify(name: str) -> None:
    """Vérifie le sha256 d'un modèle (valeur enregistrée, d'Ollama ou du catalogue)."""

    def body() -> int:
        from rewriter.local_models import expected_sha256, find, sha256_with_progress

        entry = find(name)
        expected = expected_sha256(entry)
        shown = sys.stderr.isatty()

        def progress(done: int, total: int) -> None:
            if shown:
                click.echo(f"\r{100 * done // max(total, 1):3d} % de {_size(total)}", nl=False,
                           err=True)  # fmt: skip

        actual = sha256_with_progress(entry.path, progress)
        if shown:
            click.echo("", err=True)
        if not expected:
            click.echo(f"{entry.name} : sha256 {actual} (aucune valeur de référence connue)")
            return 0
        if actual != expected:
            click.echo(
                f"{entry.name} : sha256 {actual}, attendu {expected} — fichier corrompu ou "
                "différent : retéléchargez-le."
            )
            return int(ExitCode.MODEL)
        click.echo(f"{entry.name} : sha256 conforme ({actual}).")
        return 0

    run_safely(body)


@models.command("recommend", context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON.")
def recommend_models(as_json: bool) -> None:
    """Des modèles GGUF francophones adaptés à la mémoire de cette machine."""

    def body() -> int:
        import os

        import psutil

        from rewriter.local_models.catalogue import recommend

        ram = int(psutil.virtual_memory().total)
        cores = psutil.cpu_count(logical=False) or os.cpu_count() or 1
        rows = recommend(ram)
        if as_json:
            out = [
                {**c.__dict__, "fits": fits, "tested_here": bool(c.measured)} for c, fits in rows
            ]
            click.echo(json.dumps(out, ensure_ascii=False, indent=1))
            return 0
        click.echo(f"Cette machine : {ram / 1024**3:.0f} Go de mémoire, {cores} cœurs.\n")
        for c, fits in rows:
            status = "tient en mémoire" if fits else f"demande {c.min_ram_gb} Go"
            tested = c.measured or "non testé ici"
            click.echo(f"- {c.name} — {_size(c.bytes)}, {c.licence}, {status}")
            click.echo(f"    {c.where} ; sha256 {c.sha256[:16]}… ; {tested}")
            if c.notes:
                click.echo(f"    {c.notes}")
        return 0

    run_safely(body)
