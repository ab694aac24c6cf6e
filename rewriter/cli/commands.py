"""`check`, `rewrite` and `doctor`: parse options, call one core function, return a code."""

from __future__ import annotations

from typing import Any

import click

from rewriter.cli.base import (
    CONTEXT,
    HELP,
    RunOptions,
    load,
    model_options,
    output_format,
    run_safely,
)
from rewriter.errors import ExitCode, OutputError


@click.command(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("source", metavar="ENTRÉE")
@click.option(
    "-k", "--keyword", metavar="REQUÊTE", help="Requête cible (sinon choisie dans l'article)."
)
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON au lieu du rapport.")
@click.option(
    "--min-words", type=click.IntRange(1), metavar="N", help="Longueur minimale (défaut : 700)."
)
def check(source: str, keyword: str | None, as_json: bool, min_words: int | None) -> None:
    """Analyse ENTRÉE (.md, .txt, .html, .docx ou - pour stdin) comme Yoast SEO, en français.

    \b
    Codes de sortie : 0 tout passe, 1 au moins un critère échoue,
    3 entrée illisible, 6 configuration invalide (liste complète : README).
    """

    def body() -> int:
        from rewriter.analysis import analyse
        from rewriter.cli.render import print_json, print_report
        from rewriter.read import read_article

        config = load(min_words)
        article = read_article(source)
        for note in article.notes:
            click.echo(note, err=True)
        report = analyse(article, settings=config.settings, keyword=keyword)
        if as_json:
            print_json(report.as_dict())
        else:
            print_report(report, title=article.title)
        return int(ExitCode.OK if report.passed else ExitCode.CHECKS_FAILED)

    run_safely(body)


@click.command(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("source", metavar="ENTRÉE")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    metavar="FICHIER",
    help="Fichier de sortie (sinon la sortie standard). Son extension choisit le format.",
)
@click.option(
    "--review",
    type=click.Path(dir_okay=False),
    metavar="FICHIER.html",
    help="Écrit aussi la page de relecture : source et réécriture côte à côte, chaque "
    "phrase reliée à sa source, les contrôles et les refus.",
)
@model_options
def rewrite(source: str, output: str | None, review: str | None, **shared: Any) -> None:
    """Réécrit ENTRÉE en article optimisé SEO, sans inventer de fait.

    \b
    Codes de sortie : 0 article écrit et tous les critères obligatoires remplis ;
    1 article écrit mais un critère obligatoire échoue (le rapport dit lequel) ;
    3 entrée illisible, vide, trop longue ou pas en français ; 4 modèle invalide ;
    5 sortie impossible ; 6 configuration invalide ; 130 interrompu.
    """

    def body() -> int:
        from pathlib import Path

        from rewriter.cli.progress import TerminalProgress
        from rewriter.cli.render import print_rewrite_summary
        from rewriter.pipeline import admit
        from rewriter.pipeline import rewrite as run_rewrite
        from rewriter.read import read_article
        from rewriter.write import ensure_writable, render, write_atomic

        run = RunOptions(**shared)
        config = load(run.min_words)
        chosen = output_format(run.fmt, output, config)
        if output:
            target = Path(output)
            if str(source) != "-" and target.resolve() == Path(source).resolve():
                raise OutputError(
                    "La sortie est le fichier d'entrée : choisissez un autre "
                    "nom, l'original n'est jamais écrasé."
                )
            if target.exists() and not run.force:
                raise OutputError(f"{target} existe déjà : ajoutez --force pour le remplacer.")
            ensure_writable(target.resolve().parent)
        if review:
            page = Path(review)
            if page.exists() and not run.force:
                raise OutputError(f"{page} existe déjà : ajoutez --force pour le remplacer.")
            if str(source) != "-" and page.resolve() == Path(source).resolve():
                raise OutputError("La page de relecture ne peut pas remplacer l'entrée.")
            ensure_writable(page.resolve().parent)
        article = read_article(source)
        options = run.rewrite_options(config)
        admit(article, options)  # refuse English or 20,000 words before loading the model
        generator = run.open_model(config, options)
        with TerminalProgress(generator) as progress:
            result = run_rewrite(article, generator=generator, progress=progress, options=options)
        text = render(result, chosen)
        if output:
            protect = (Path(source),) if str(source) != "-" else ()
            write_atomic(Path(output), text, force=run.force, protect=protect)
        else:
            click.echo(text, nl=False)
        if review:
            from rewriter.write.review import review_page

            protect = (Path(source),) if str(source) != "-" else ()
            write_atomic(Path(review), review_page(result, article), force=run.force,
                         protect=protect)  # fmt: skip
        print_rewrite_summary(result, output=output)
        return int(ExitCode.OK if result.passed else ExitCode.CHECKS_FAILED)

    run_safely(body)


@click.command(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.option(
    "-m",
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    metavar="FICHIER",
    help="Vérifie aussi ce GGUF (avec --server : ce modèle du serveur).",
)
@click.option(
    "--server",
    metavar="URL",
    help="Vérifie ce serveur d'inférence : joignable, modèle, capacités, latence.",
)
def doctor(model_path: str | None, server: str | None) -> None:
    """Vérifie que tout est prêt pour travailler hors ligne, et dit comment réparer.

    \b
    Contrôle llama-cpp-python, le modèle spaCy, l'empreinte sha256 du modèle par défaut,
    les threads, la mémoire libre et le fichier de configuration.
    Codes de sortie : 0 tout est prêt, 1 au moins un problème.
    """

    def body() -> int:
        import contextlib
        from pathlib import Path

        from rewriter.cli.render import print_doctor
        from rewriter.config import load_config
        from rewriter.doctor import diagnose
        from rewriter.errors import RewriterError
        from rewriter.local_models import DEFAULT_NAME, default_reference, resolve

        named = (click.get_current_context().obj or {}).get("config")
        url = server
        if url is None:
            with contextlib.suppress(RewriterError):
                url = load_config(named).server
        if url:
            results = diagnose(named, server_url=url, server_model=model_path)
            print_doctor(results)
            return int(ExitCode.OK if all(d.ok for d in results) else ExitCode.CHECKS_FAILED)
        reference: Path | str | None = model_path
        why = "--model"
        if reference is None:
            with contextlib.suppress(RewriterError):  # reported by the configuration check
                reference, why = load_config(named).model, "fichier de configuration"
        if reference is None:
            with contextlib.suppress(RewriterError):  # a broken registry: reported below
                reference, why = default_reference(), "rewriter models default"
        model: Path | None = None
        unresolved = ""
        if reference is not None and reference != DEFAULT_NAME:
            try:
                model = resolve(reference)
            except RewriterError as exc:
                unresolved = exc.message
        results = diagnose(named, model, why=why, unresolved=unresolved)
        print_doctor(results)
        return int(ExitCode.OK if all(d.ok for d in results) else ExitCode.CHECKS_FAILED)

    run_safely(body)
