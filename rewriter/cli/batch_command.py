"""`rewriter batch DIR -o OUTDIR`: every article of a folder, one model load, resumable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from rewriter.cli.base import (
    CONTEXT,
    HELP,
    RewriterUsage,
    RunOptions,
    load,
    model_options,
    output_format,
    run_safely,
)
from rewriter.errors import ExitCode

if TYPE_CHECKING:
    from rewriter.batch import Row
    from rewriter.document import Article
    from rewriter.generate.backend import Generator
    from rewriter.pipeline import RewriteResult


@click.command(context_settings=CONTEXT)
@click.help_option("-h", "--help", help=HELP)
@click.argument("folder", metavar="DOSSIER", type=click.Path(file_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False),
    metavar="SORTIE",
    help="Dossier des articles réécrits (créé au besoin).",
)
@click.option(
    "--review",
    is_flag=True,
    help="Écrit aussi une page de relecture par article (ARTICLE.relecture.html) et "
    "l'index relecture.html dans le dossier de sortie.",
)
@model_options
def batch(folder: str, out_dir: str | None, review: bool, **shared: Any) -> None:
    """Réécrit tous les articles de DOSSIER (.md, .txt, .html, .docx) dans SORTIE (-o).

    \b
    Le modèle et spaCy ne sont chargés qu'une fois. Après chaque article, le bilan est
    enregistré dans rewriter-batch.json : relancée après une interruption (même brutale),
    la même commande reprend là où elle s'était arrêtée, sans refaire les articles finis.
    Codes de sortie : 0 tous les articles réussis ; 1 au moins un article refusé ou avec
    un critère non rempli ; 3 dossier vide ou introuvable ; 4 modèle invalide ;
    5 sortie impossible ; 6 configuration invalide ; 130 interrompu.
    """

    def body() -> int:
        from pathlib import Path

        from rewriter.batch import Summary, plan_jobs, run_batch
        from rewriter.cli.progress import BatchProgress
        from rewriter.cli.render import print_batch_row, print_batch_table
        from rewriter.errors import OutputError
        from rewriter.pipeline import rewrite as run_rewrite
        from rewriter.write import ensure_writable

        if not out_dir:
            raise RewriterUsage("indiquez le dossier de sortie : -o SORTIE.")
        run = RunOptions(**shared)
        config = load(run.min_words)
        chosen = output_format(run.fmt, None, config)
        out = Path(out_dir)
        jobs = plan_jobs(Path(folder), out, chosen)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"Impossible de créer {out} : {exc.strerror}.") from exc
        ensure_writable(out)
        summary = Summary(out, chosen)
        options = run.rewrite_options(config)
        generator: Generator | None = None
        rows: list[Row] = []
        parallel = run.parallel or config.parallel or 1
        baton = None
        if parallel > 1:
            # Open the server now (--parallel needs one): its baton is shared by the
            # workers, one article parsing at a time while the others wait for it.
            generator = run.open_model(config, options)
            baton = getattr(generator, "baton", None)
        with BatchProgress(len(jobs)) as progress:

            def rewrite_one(article: Article) -> RewriteResult:
                nonlocal generator
                if generator is None:  # loaded once, and only if something is left to do
                    progress.stage("Chargement du modèle")
                    generator = run.open_model(config, options)
                    progress.generator = generator
                return run_rewrite(article, generator=generator, progress=progress, options=options)

            for row in run_batch(
                jobs,
                summary,
                rewrite_one,
                force=run.force,
                review=review,
                on_start=progress.start_article,
                parallel=parallel,
                baton=baton,
            ):
                rows.append(row)
                progress.finish_article()
                print_batch_row(row, progress.console)
        if review:
            from rewriter.batch import review_index

            review_index(rows, out)
        print_batch_table(rows, summary.path)
        return int(ExitCode.CHECKS_FAILED if any(r.failed for r in rows) else ExitCode.OK)

    run_safely(body)
