"""The command line: parse options, call one core function, turn errors into exit codes.

Only this package imports click. Heavy modules (spaCy, llama.cpp, rich) are imported
inside the commands so that `rewriter --help` stays instant.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from rewriter import __version__
from rewriter.errors import ExitCode, RewriterError

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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
@click.version_option(__version__, "-V", "--version", message="rewriter %(version)s")
@click.option("-v", "--verbose", is_flag=True, help="Affiche le détail du travail sur stderr.")
def main(verbose: bool) -> None:
    """Réécrit un article de presse français en article optimisé SEO, hors ligne,
    sans inventer de faits."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command(context_settings=CONTEXT)
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
        report = analyse(article, settings=settings, keyword=keyword)
        if as_json:
            print_json(report.as_dict())
        else:
            print_report(report, title=article.title)
        return int(ExitCode.OK if report.passed else ExitCode.CHECKS_FAILED)

    run_safely(body)
