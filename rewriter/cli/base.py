"""What every command shares: French help, error → exit code mapping, config and model."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from rewriter.errors import ExitCode, RewriterError

if TYPE_CHECKING:
    from rewriter.config import Config
    from rewriter.generate.backend import Generator
    from rewriter.pipeline import RewriteOptions


class FrenchFormatter(click.HelpFormatter):
    """click's help, with French headings."""

    SECTIONS: ClassVar[dict[str, str]] = {"Commands": "Commandes"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Utilisation : ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(self.SECTIONS.get(heading, heading))


click.Context.formatter_class = FrenchFormatter
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
HELP = "Affiche cette aide et quitte."


class RewriterUsage(RewriterError):
    exit_code = ExitCode.USAGE


def fail(message: str, code: ExitCode) -> None:
    click.echo(f"Erreur : {message}", err=True)
    sys.exit(int(code))


def run_safely(func: Callable[[], int]) -> None:
    """Run a command body: RewriterError → French message + its code, Ctrl-C → 130."""
    import signal

    from rewriter.generate.backend import on_interrupt

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        code = func()
    except RewriterError as exc:
        fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        click.echo("\nInterrompu (Ctrl-C) : aucun fichier n'a été écrit à moitié.", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    except Exception as exc:  # a bug: say so plainly, keep the traceback for REWRITER_DEBUG
        if os.environ.get("REWRITER_DEBUG"):
            raise
        fail(
            f"erreur interne ({type(exc).__name__}: {exc}). Relancez avec REWRITER_DEBUG=1 "
            "pour le détail et signalez-la.",
            ExitCode.INTERNAL,
        )
    sys.exit(code)


def load(min_words: int | None = None) -> Config:
    """The config file named by `--config` (or found), with `--min-words` applied."""
    import dataclasses

    from rewriter.config import load_config

    ctx = click.get_current_context()
    config = load_config((ctx.obj or {}).get("config"))
    if min_words is not None:
        settings = config.settings.with_overrides({"min_words": min_words})
        config = dataclasses.replace(config, settings=settings)
    return config


def output_format(fmt: str | None, output: str | None, config: Config) -> str:
    chosen = fmt or (Path(output).suffix.lstrip(".").lower() if output else None)
    chosen = chosen or config.format or "md"
    chosen = {"markdown": "md", "htm": "html"}.get(chosen, chosen)
    if chosen not in ("md", "html", "json"):
        raise RewriterUsage(f"Format de sortie inconnu : « {chosen} » (md, html ou json).")
    return chosen


def open_model(
    model_path: str | None, config: Config, *, seed: int, style: str | None
) -> Generator:
    """The model named by --model, else by the config, else the default one (assembled
    from its installed package on first use, offline)."""
    from rewriter.generate.backend import LlamaGenerator
    from rewriter.local_models import DEFAULT_NAME, default_reference, resolve
    from rewriter.models import default_model_path, install_default_model

    # --model, else the config file's `model`, else `models default`, else the embedded one;
    # each may be a path, a registered name or alias, or `ollama:NAME[:TAG]`.
    reference = model_path or config.model or default_reference()
    if reference is None or reference == DEFAULT_NAME:
        path = default_model_path()
        if not path.exists():
            install_default_model(path)
    else:
        path = resolve(reference)
    return LlamaGenerator(path, seed=seed, style=style)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RunOptions:
    """The options `rewrite` and `batch` share (see `model_options`), typed."""

    keyword: str | None
    model_path: str | None
    prompt_style: str | None
    min_words: int | None
    fmt: str | None
    seed: int | None
    max_rounds: int | None
    force_language: bool
    force: bool
    rewrite_by: str | None = None
    server: str | None = None
    parallel: int | None = None

    def rewrite_options(self, config: Config) -> RewriteOptions:
        """Flags first, then the config file, then the defaults."""
        from rewriter.pipeline import RewriteOptions

        return RewriteOptions(
            keyword=self.keyword,
            settings=config.settings,
            max_rounds=self.max_rounds if self.max_rounds is not None else config.max_rounds or 8,
            seed=self.seed if self.seed is not None else config.seed or 0,
            force_language=self.force_language,
            rewrite_by=self.rewrite_by or config.rewrite_by,
        )

    def open_model(self, config: Config, options: RewriteOptions) -> Generator:
        """The inference server named by --server (or the config's `server`), else the
        in-process llama.cpp model."""
        url = self.server or config.server
        if url:
            from rewriter.generate.server import ServerGenerator

            return ServerGenerator(
                url,
                model=self.model_path or (str(config.model) if config.model else None),
                seed=options.seed,
                style=self.prompt_style,  # type: ignore[arg-type]
                parallel=self.parallel or config.parallel,
            )
        if self.parallel and self.parallel > 1:
            raise RewriterUsage(
                "--parallel n'a de sens qu'avec --server : le modèle local traite une "
                "requête à la fois."
            )
        return open_model(self.model_path, config, seed=options.seed, style=self.prompt_style)


def model_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options `rewrite` and `batch` share; the command receives them as **RunOptions."""
    options = [
        click.option(
            "-k",
            "--keyword",
            metavar="REQUÊTE",
            help="Requête cible (sinon choisie dans l'article).",
        ),
        click.option(
            "-m",
            "--model",
            "model_path",
            type=click.Path(dir_okay=False),
            metavar="FICHIER",
            help="Modèle GGUF (défaut : models/gemma-3-270m-q4_k_m.gguf) ; avec --server, "
            "le nom du modèle sur le serveur.",
        ),
        click.option(
            "--server",
            metavar="URL",
            help="Serveur d'inférence compatible OpenAI (llama-server, vLLM, "
            "llama_cpp.server) au lieu du modèle local ; clé d'API dans REWRITER_API_KEY.",
        ),
        click.option(
            "--parallel",
            type=click.IntRange(1, 64),
            metavar="N",
            help="Avec --server : jusqu'à N requêtes à la fois (défaut : 1).",
        ),
        click.option(
            "--prompt-style",
            type=click.Choice(["base", "instruct"]),
            help="Modèle de base (exemples à compléter) ou instruit (gabarit de chat) ; "
            "défaut : détecté dans le GGUF.",
        ),
        click.option(
            "--rewrite-by",
            type=click.Choice(["sentence", "paragraph"]),
            help="Réécrit phrase par phrase ou paragraphe par paragraphe ; défaut : par "
            "paragraphe pour un modèle instruit, par phrase pour un modèle de base.",
        ),
        click.option(
            "--min-words",
            type=click.IntRange(1),
            metavar="N",
            help="Longueur visée (défaut : 700).",
        ),
        click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(["md", "html", "json"]),
            help="Format de sortie (défaut : d'après -o, sinon md).",
        ),
        click.option("--seed", type=int, metavar="N", help="Graine : même graine, même résultat."),
        click.option(
            "--max-rounds",
            type=click.IntRange(0),
            metavar="N",
            help="Tours de réparation au plus (défaut : 8).",
        ),
        click.option(
            "--force-language",
            is_flag=True,
            help="Traite l'article même s'il ne semble pas écrit en français.",
        ),
        click.option("--force", is_flag=True, help="Remplace une sortie qui existe déjà."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
