"""The command line: parse options, call one core function, turn errors into exit codes.

Only this package imports click. Heavy modules (spaCy, llama.cpp, rich) are imported
inside the commands so that `rewriter --help` stays instant.
"""

from __future__ import annotations

import logging
import re
import sys

import click

from rewriter import __version__
from rewriter.cli.base import CONTEXT, HELP
from rewriter.cli.batch_command import batch
from rewriter.cli.commands import check, doctor, rewrite
from rewriter.cli.models_command import models
from rewriter.errors import ExitCode


def entry() -> None:
    """The console script: click's usage errors in French, with exit code 2."""
    try:
        main.main(prog_name="rewriter", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:
            click.echo(exc.ctx.get_help())  # `rewriter` alone: the help, not an error
            sys.exit(int(ExitCode.OK))
        usage_failure(exc)
    except click.exceptions.Abort:
        click.echo("\nInterrompu.", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))


def usage_failure(exc: click.exceptions.UsageError) -> None:
    """click's usage errors, said in French."""
    message = exc.message
    if isinstance(exc, click.exceptions.NoSuchOption):
        message = f"option inconnue : {exc.option_name}"
    elif isinstance(exc, click.exceptions.MissingParameter):
        message = f"argument manquant : {exc.param.human_readable_name if exc.param else '?'}"
    elif isinstance(exc, click.exceptions.BadParameter):
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else ""
        if exc.param is not None and isinstance(exc.param.type, click.Choice):
            message = "choisissez parmi " + ", ".join(map(str, exc.param.type.choices))
        elif match := re.match(r"'(.*)' is not a valid integer", message):
            message = f"« {match[1]} » n'est pas un nombre entier"
        elif match := re.match(r"(.+) is not in the range x>=(\S+)", message):
            message = f"{match[1]} est trop petit (minimum : {match[2].rstrip('.')})"
        message = f"valeur invalide pour {hint} : {message}"
    elif message.startswith("No such command"):
        message = "commande inconnue" + message[len("No such command") :]
    usage_error(message, exc.ctx)


def usage_error(message: str, ctx: click.Context | None) -> None:
    command = ctx.command_path if ctx is not None else "rewriter"
    click.echo(f"Erreur : {message.rstrip('.')}.\nAide : « {command} --help ».", err=True)
    sys.exit(int(ExitCode.USAGE))


@click.group(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.version_option(
    __version__, "-V", "--version", message="rewriter %(version)s", help="Affiche la version."
)
@click.option("-v", "--verbose", is_flag=True, help="Affiche le détail du travail sur stderr.")
@click.option(
    "-c",
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FICHIER",
    envvar="REWRITER_CONFIG",
    help="Fichier de configuration TOML (défaut : ~/.config/rewriter/config.toml).",
)
@click.pass_context
def main(ctx: click.Context, verbose: bool, config_file: str | None) -> None:
    """Réécrit un article de presse français en article optimisé SEO, hors ligne,
    sans inventer de faits."""
    ctx.obj = {"config": config_file}
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


for command in (check, rewrite, batch, doctor, models):
    main.add_command(command)
