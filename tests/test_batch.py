"""`rewriter batch` with a scripted generator: outputs, summary, resume, refusals.
(The real model, SIGKILL and the resumed run are in test_faults_process.py.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rewriter.cli import main
from rewriter.errors import ExitCode
from tests.fakes import ScriptedGenerator

ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "copie"
    folder.mkdir()
    for path in ARTICLES.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "vide.txt").write_text("  \n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")  # not ours: ignored
    return folder


@pytest.fixture
def generator(monkeypatch: pytest.MonkeyPatch) -> ScriptedGenerator:
    """Every run of the batch gets this generator; it counts the requests it answers."""
    fake = ScriptedGenerator(lambda request: "")
    monkeypatch.setattr("rewriter.cli.base.open_model", lambda *a, **k: fake)
    return fake


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def summary(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "rewriter-batch.json").read_text("utf-8"))
    return {row["article"]: row for row in data["articles"]}


def test_batch_writes_every_article_and_a_summary(
    folder: Path, tmp_path: Path, generator: ScriptedGenerator
) -> None:
    out = tmp_path / "sortie"
    code, output = run(str(folder), "-o", str(out), "--min-words", "60")
    rows = summary(out)
    assert set(rows) == {"marche-couvert.md", "piscine-municipale.txt", "vide.txt"}
    assert rows["vide.txt"]["status"] == "bad_input" and "vide" in rows["vide.txt"]["message"]
    for name, stem in (
        ("marche-couvert.md", "marche-couvert"),
        ("piscine-municipale.txt", "piscine-municipale"),
    ):
        assert rows[name]["output"] == f"{stem}.md"
        text = (out / f"{stem}.md").read_text("utf-8")
        assert text.startswith("---\n") and "\n# " in text  # front matter, then one H1
        assert rows[name]["words"] >= 60 and rows[name]["unsupported"] == 0
    assert code == ExitCode.CHECKS_FAILED  # the empty file failed
    assert "Non étayés" in output and "rewriter-batch.json" in output
    assert sorted(p.name for p in folder.iterdir()) == sorted(  # inputs untouched
        [*(p.name for p in ARTICLES.iterdir()), "vide.txt", "notes.pdf"]
    )


def test_second_run_redoes_nothing_finished(
    folder: Path, tmp_path: Path, generator: ScriptedGenerator
) -> None:
    out = tmp_path / "sortie"
    run(str(folder), "-o", str(out), "--min-words", "60")
    written = {p.name: p.stat().st_mtime_ns for p in out.glob("*.md")}
    calls = generator.usage.calls
    assert calls > 0
    code, output = run(str(folder), "-o", str(out), "--min-words", "60")
    assert generator.usage.calls == calls  # no article was rewritten again
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.md")} == written
    assert output.count("déjà fait") == 2
    assert code == ExitCode.CHECKS_FAILED  # the empty file still fails


def test_a_row_without_its_output_is_redone(
    folder: Path, tmp_path: Path, generator: ScriptedGenerator
) -> None:
    """Killed between saving the row and renaming the output: the article is done again."""
    out = tmp_path / "sortie"
    run(str(folder), "-o", str(out), "--min-words", "60")
    (out / "piscine-municipale.md").unlink()
    (out / ".piscine-municipale.md.abc.tmp").write_text("moitié d'arti", encoding="utf-8")
    calls = generator.usage.calls
    run(str(folder), "-o", str(out), "--min-words", "60")
    assert generator.usage.calls > calls
    assert (out / "piscine-municipale.md").read_text("utf-8").startswith("---\n")
    assert not list(out.glob(".*.tmp"))  # the dead run's temporary file is cleared


def test_an_existing_file_is_kept_without_force(
    folder: Path, tmp_path: Path, generator: ScriptedGenerator
) -> None:
    out = tmp_path / "sortie"
    out.mkdir()
    (out / "marche-couvert.md").write_text("le texte de quelqu'un", encoding="utf-8")
    code, output = run(str(folder), "-o", str(out), "--min-words", "60")
    assert code == ExitCode.CHECKS_FAILED  # an article not done is a failed article
    assert (out / "marche-couvert.md").read_text("utf-8") == "le texte de quelqu'un"
    assert summary(out)["marche-couvert.md"]["status"] == "exists" and "--force" in output
    run(str(folder), "-o", str(out), "--min-words", "60", "--force")
    assert (out / "marche-couvert.md").read_text("utf-8").startswith("---\n")


def test_formats_and_name_clashes(tmp_path: Path, generator: ScriptedGenerator) -> None:
    folder = tmp_path / "copie"
    folder.mkdir()
    shutil.copy(ARTICLES / "marche-couvert.md", folder / "article.md")
    shutil.copy(ARTICLES / "piscine-municipale.txt", folder / "article.txt")
    out = tmp_path / "sortie"
    run(str(folder), "-o", str(out), "--min-words", "60", "--format", "json")
    assert sorted(p.name for p in out.iterdir()) == [
        "article.md.json",
        "article.txt.json",
        "rewriter-batch.json",
    ]
    assert json.loads((out / "article.txt.json").read_text("utf-8"))["title"]


@pytest.mark.parametrize(
    ("setup", "code", "words"),
    [
        ("same", ExitCode.OUTPUT, "originaux"),
        ("empty", ExitCode.BAD_INPUT, "Aucun article"),
        ("missing", ExitCode.BAD_INPUT, "introuvable"),
        ("no-output", ExitCode.USAGE, "-o"),
    ],
)
def test_batch_refusals(
    tmp_path: Path, generator: ScriptedGenerator, setup: str, code: int, words: str
) -> None:
    folder = tmp_path / "copie"
    folder.mkdir()
    if setup != "empty":
        shutil.copy(ARTICLES / "marche-couvert.md", folder)
    args = {
        "same": [str(folder), "-o", str(folder)],
        "empty": [str(folder), "-o", str(tmp_path / "sortie")],
        "missing": [str(tmp_path / "absent"), "-o", str(tmp_path / "sortie")],
        "no-output": [str(folder)],
    }[setup]
    got, output = run(*args)
    assert got == code and words in output
    assert generator.usage.calls == 0
    assert [p.name for p in folder.iterdir()] == ([] if setup == "empty" else ["marche-couvert.md"])


def test_review_pages_and_their_index(
    folder: Path, tmp_path: Path, generator: ScriptedGenerator
) -> None:
    import html5lib

    out = tmp_path / "sortie"
    run(str(folder), "-o", str(out), "--min-words", "60", "--review")
    index = (out / "relecture.html").read_text("utf-8")
    html5lib.HTMLParser(strict=True).parse(index)
    for stem in ("marche-couvert", "piscine-municipale"):
        page = out / f"{stem}.relecture.html"
        assert page.exists() and f'href="{page.name}"' in index
        html5lib.HTMLParser(strict=True).parse(page.read_text("utf-8"))
    assert "vide.txt" in index  # the failed article is listed, without a page
