from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from rewriter.cli import main
from rewriter.errors import ExitCode

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "bibliotheque-nocturne.md"

# A short article written to pass every check with --min-words 60.
PASSING = """---
title: "Médiathèque : ouverture le soir dès janvier"
description: "La médiathèque de la ville ouvrira jusqu'à 22 heures du mardi au vendredi. Le conseil municipal a voté la mesure lundi soir, par 27 voix."
slug: mediatheque-ouverture-soir
---
# Médiathèque : ouverture le soir dès janvier

La médiathèque ouvrira jusqu'à 22 heures dès janvier. Le conseil municipal a voté lundi.

## Pourquoi la médiathèque change

Les habitants rentrent tard. Ainsi, ils ne venaient que le samedi. Par conséquent, les salles étaient pleines.

## Les nouveaux horaires

Les portes ouvriront à 10 heures. Elles fermeront à 22 heures en semaine. En revanche, le dimanche reste fermé.

## Le coût pour la commune

La mesure coûte 84 000 euros par an. Cependant, l'État paie la moitié. Deux agents seront recrutés.
"""


def test_check_report_exit_1_when_checks_fail() -> None:
    result = CliRunner().invoke(main, ["check", str(SAMPLE)])
    assert result.exit_code == ExitCode.CHECKS_FAILED, result.output
    assert "Requête cible : médiathèque" in result.output
    assert "Longueur du texte" in result.output


def test_check_exit_0_when_everything_passes(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text(PASSING, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", str(path), "--keyword", "médiathèque", "--min-words", "60", "--json"]
    )
    data = json.loads(result.output)
    failing = [c for c in data["checks"] if not c["passed"] and c["id"] != "flesch_fr"]
    assert failing == []
    assert result.exit_code == ExitCode.OK


def test_check_json_shape() -> None:
    result = CliRunner().invoke(main, ["check", str(SAMPLE), "--json", "-k", "médiathèque"])
    data = json.loads(result.output)
    assert data["keyword"] == "médiathèque"
    ids = [c["id"] for c in data["checks"]]
    assert ids[:3] == ["words", "language", "h1_single"] and len(ids) == 19
    assert set(data["checks"][0]) == {"id", "label", "value", "target", "passed"}


def test_check_reads_stdin() -> None:
    result = CliRunner().invoke(
        main, ["check", "-", "--json"], input=SAMPLE.read_text(encoding="utf-8")
    )
    assert result.exit_code == ExitCode.CHECKS_FAILED
    assert json.loads(result.output)["keyword"] == "médiathèque"


def test_check_unreadable_input_exit_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "absent.md")])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "Fichier introuvable" in result.output
    assert "Traceback" not in result.output


def test_check_unknown_format_exit_3(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "Format non pris en charge" in result.output


def test_help_does_not_import_spacy_or_llama() -> None:
    code = (
        "import sys; from rewriter.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'llama_cpp', 'rich', 'lingua') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_usage_errors_are_french_with_exit_2() -> None:
    for args, words in (
        (["check", "--nope"], "option inconnue"),
        (["check"], "argument manquant"),
        (["frobnicate"], "commande inconnue"),
        (["rewrite", "x", "--format", "xml"], "choisissez parmi md, html, json"),
        (["rewrite", "x", "--seed", "abc"], "« abc » n'est pas un nombre entier"),
        (["batch", "x", "-o", "y", "--max-rounds", "-1"], "-1 est trop petit (minimum : 0)"),
        (["batch", "x"], "indiquez le dossier de sortie"),
    ):
        out = subprocess.run(
            [sys.executable, "-m", "rewriter", *args], capture_output=True, text=True, check=False
        )
        assert out.returncode == ExitCode.USAGE
        assert words in out.stderr and "Traceback" not in out.stderr
        assert "is not" not in out.stderr and "Usage" not in out.stderr  # no English left


def test_no_arguments_shows_the_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "rewriter"], capture_output=True, text=True, check=False
    )
    assert out.returncode == ExitCode.OK
    assert out.stdout.startswith("Utilisation : rewriter") and "Erreur" not in out.stdout
    for command in ("batch", "check", "doctor", "rewrite"):
        assert command in out.stdout
