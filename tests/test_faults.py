"""Bad input and faults, each a test: a French message, a documented exit code, no
traceback, the input unchanged. (Signals and the network: test_faults_process.py.)"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rewriter.cli import main
from rewriter.errors import ExitCode
from tests.fakes import ScriptedGenerator

ARTICLES = Path(__file__).resolve().parent / "articles"
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "bibliotheque-nocturne.md"

ENGLISH = (
    "The city council voted on Monday to keep the public library open until ten in the "
    "evening from Tuesday to Friday. The director said that many residents work far from "
    "home and could only visit on Saturdays, when the reading rooms are full. The measure "
    "will cost the town about eighty thousand euros a year, according to the budget."
)
SPANISH = (
    "El ayuntamiento votó el lunes mantener la biblioteca pública abierta hasta las diez de "
    "la noche de martes a viernes. La directora explicó que muchos vecinos trabajan lejos y "
    "solo podían venir los sábados, cuando las salas están llenas. La medida costará al "
    "municipio unos ochenta mil euros al año, según el presupuesto."
)
COOKIE_PAGE = """<!doctype html><html lang="fr"><head><title>Le Courrier de la Lanne</title>
<script>var tracker = {id: "UA-000", consent: false}; function ignoreMe() { return 42; }</script>
<style>.banner { position: fixed; }</style></head><body>
<div class="cookie-banner" id="cookie-consent"><p>Nous utilisons des cookies pour améliorer
votre expérience. Acceptez-vous les cookies publicitaires de nos 847 partenaires ?</p>
<button>Tout accepter</button><button>Tout refuser</button></div>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/meteo">Météo</a></li></ul></nav>
<script>document.write("<div>Publicité 300x250</div>");</script>
<main><article><h1>Le marché couvert rouvre après deux ans de travaux</h1>
<p>Le marché couvert de Saint-Aubin-des-Prés rouvrira ses portes samedi 14 mars. Les travaux
ont duré deux ans et ont coûté 3,2 millions d'euros, selon la mairie. La charpente métallique a
été restaurée et la toiture isolée.</p>
<script>window.adsbygoogle = window.adsbygoogle || []; adsbygoogle.push({});</script>
<p>Trente-deux commerçants s'installeront sous la halle, contre vingt-cinq avant la fermeture.
« Les clients nous demandaient des produits locaux toute l'année », explique Claire Ménard,
adjointe au commerce.</p>
<p>Le marché sera ouvert le mercredi et le samedi matin. Un parking de 80 places a été
aménagé derrière la halle.</p></article></main>
<aside><h3>Les plus lus</h3><ul><li>Un chat coincé dans un arbre</li></ul></aside>
<footer><p>© 2026 Le Courrier de la Lanne — Mentions légales — Gérer mes cookies</p></footer>
</body></html>"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> ScriptedGenerator:
    """`rewrite` gets a scripted generator instead of loading the real model."""
    generator = ScriptedGenerator(lambda request: "")
    monkeypatch.setattr("rewriter.cli.base.open_model", lambda *a, **k: generator)
    return generator


BAD = {
    "empty.txt": (b"", "vide"),
    "blanc.txt": (b"  \n\n\t \n  ", "vide"),
    "image.md": (bytes(range(256)) * 40, "binaire"),
    "titres.md": (b"# Titre\n\n## Intertitre\n\n### Encore\n", "aucun paragraphe"),
}


@pytest.mark.parametrize("command", ["check", "rewrite"])
@pytest.mark.parametrize("name", list(BAD))
def test_unusable_input_exit_3(
    tmp_path: Path, fake: ScriptedGenerator, command: str, name: str
) -> None:
    data, words = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = digest(path)
    out = tmp_path / "sortie.md"
    args = [command, str(path)] + (["-o", str(out)] if command == "rewrite" else [])
    code, output = invoke(*args)
    assert code == ExitCode.BAD_INPUT
    assert output.startswith("Erreur : ") and words in output
    assert digest(path) == before and not out.exists()
    assert fake.usage.calls == 0


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(SAMPLE.read_text("utf-8").replace("’", "'").encode(encoding))
    code, output = invoke("check", "--json", str(path))
    assert code in (ExitCode.OK, ExitCode.CHECKS_FAILED)
    assert "médiathèque" in output and "Ã" not in output


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "anglais"), (SPANISH, "espagnol")])
def test_foreign_article_is_refused_unless_forced(
    tmp_path: Path, fake: ScriptedGenerator, text: str, language: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Library\n\n" + text, encoding="utf-8")
    out = tmp_path / "sortie.md"
    code, output = invoke("rewrite", str(path), "-o", str(out))
    assert code == ExitCode.BAD_INPUT and language in output and "--force-language" in output
    assert not out.exists() and fake.usage.calls == 0
    code, output = invoke(
        "rewrite", str(path), "-o", str(out), "--force-language", "--min-words", "30"
    )
    assert code in (ExitCode.OK, ExitCode.CHECKS_FAILED) and out.exists()
    # check reports the language as a failing criterion rather than refusing
    code, output = invoke("check", str(path))
    assert code == ExitCode.CHECKS_FAILED and language in output


def test_20000_word_article(tmp_path: Path, fake: ScriptedGenerator) -> None:
    """`check` analyses it; `rewrite` names the limit before loading any model."""
    paragraphs = [p for p in SAMPLE.read_text("utf-8").split("\n\n") if p and not p.startswith("#")]
    body, words = [], 0
    while words < 20_000:
        for p in paragraphs:
            body.append(p)
            words += len(p.split())
    path = tmp_path / "long.md"
    path.write_text("# Un très long article\n\n" + "\n\n".join(body), encoding="utf-8")
    code, output = invoke("check", "--json", str(path))
    assert code == ExitCode.CHECKS_FAILED and '"id": "words"' in output
    code, output = invoke("rewrite", str(path), "-o", str(tmp_path / "sortie.md"))
    assert code == ExitCode.BAD_INPUT and "trop long" in output and "max_source_words" in output
    assert fake.usage.calls == 0


def test_html_page_with_scripts_and_cookie_banner(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(COOKIE_PAGE, encoding="utf-8")
    from rewriter.read import read_article

    article = read_article(path)
    text = "\n".join(b.text for b in article.blocks)
    assert "Trente-deux commerçants" in text and "80 places" in text
    for junk in ("cookies", "tracker", "adsbygoogle", "Accueil", "Tout accepter", "©"):
        assert junk not in text
    code, _ = invoke("check", str(path))
    assert code in (ExitCode.OK, ExitCode.CHECKS_FAILED)


def test_unwritable_output_is_refused_before_any_work(
    tmp_path: Path, fake: ScriptedGenerator
) -> None:
    source = tmp_path / "article.md"
    shutil.copy(ARTICLES / "marche-couvert.md", source)
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    for target in (tmp_path / "absent" / "sortie.md", blocker / "sortie.md"):
        code, output = invoke("rewrite", str(source), "-o", str(target))
        assert code == ExitCode.OUTPUT and output.startswith("Erreur : ")
    if os.geteuid() != 0:  # root writes anywhere: the permission case needs a normal user
        locked = tmp_path / "verrou"
        locked.mkdir(mode=0o555)
        code, output = invoke("rewrite", str(source), "-o", str(locked / "sortie.md"))
        assert code == ExitCode.OUTPUT and "Impossible d'écrire" in output
    assert fake.usage.calls == 0


def test_batch_with_a_broken_model_exit_4(tmp_path: Path) -> None:
    folder = tmp_path / "copie"
    shutil.copytree(ARTICLES, folder)
    model = tmp_path / "faux.gguf"
    model.write_bytes(b"GGUF" + b"\0" * 100)
    code, output = invoke("batch", str(folder), "-o", str(tmp_path / "sortie"), "-m", str(model))
    assert code == ExitCode.MODEL and "tronqué" in output


def test_internal_error_exit_70_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("rewriter.analysis.analyse", broken)
    monkeypatch.delenv("REWRITER_DEBUG", raising=False)
    code, output = invoke("check", str(ARTICLES / "marche-couvert.md"))
    assert code == ExitCode.INTERNAL
    assert "erreur interne" in output and "REWRITER_DEBUG=1" in output


def test_ctrl_c_exit_130_and_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(request: object) -> str:
        raise KeyboardInterrupt

    generator = ScriptedGenerator(interrupted)  # type: ignore[arg-type]
    monkeypatch.setattr("rewriter.cli.base.open_model", lambda *a, **k: generator)
    out = tmp_path / "sortie.md"
    code, output = invoke("rewrite", str(ARTICLES / "marche-couvert.md"), "-o", str(out))
    assert code == ExitCode.INTERRUPTED and "Interrompu" in output
    assert not out.exists() and list(tmp_path.iterdir()) == []
