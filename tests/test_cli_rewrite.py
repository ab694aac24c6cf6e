"""`rewriter rewrite` failures: each documented exit code, a French message, no traceback,
the input untouched. (The successful path runs the real model in test_rewrite_e2e.py.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from rewriter.cli import main
from rewriter.errors import ExitCode

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "bibliotheque-nocturne.md"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["rewrite", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_missing_input(tmp_path: Path) -> None:
    code, out = invoke(str(tmp_path / "absent.txt"))
    assert code == ExitCode.BAD_INPUT and "introuvable" in out


def test_model_that_is_not_gguf(article: Path, tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"not a model at all" * 100)
    before = digest(article)
    code, out = invoke(str(article), "--model", str(fake))
    assert code == ExitCode.MODEL and "GGUF" in out
    assert digest(article) == before


def test_truncated_model(article: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "model.gguf"
    truncated.write_bytes(b"GGUF" + b"\0" * 2000)
    code, out = invoke(str(article), "--model", str(truncated))
    assert code == ExitCode.MODEL and "tronqué" in out


def test_missing_model(article: Path, tmp_path: Path) -> None:
    code, out = invoke(str(article), "--model", str(tmp_path / "absent.gguf"))
    assert code == ExitCode.MODEL and "introuvable" in out


def test_existing_output_is_kept(article: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    output.write_text("précieux", encoding="utf-8")
    code, out = invoke(str(article), "-o", str(output))
    assert code == ExitCode.OUTPUT and "--force" in out
    assert output.read_text(encoding="utf-8") == "précieux"


def test_output_equal_to_input_is_refused(article: Path) -> None:
    before = digest(article)
    code, out = invoke(str(article), "-o", str(article), "--force")
    assert code == ExitCode.OUTPUT and "entrée" in out
    assert digest(article) == before


def test_unknown_format(article: Path, tmp_path: Path) -> None:
    code, _ = invoke(str(article), "-o", str(tmp_path / "out.xml"))
    assert code == ExitCode.USAGE


def test_atomic_write_leaves_no_partial_file(tmp_path: Path) -> None:
    from rewriter.write import write_atomic

    target = tmp_path / "out.md"
    with pytest.raises(TypeError):  # the write fails half-way: not a string
        write_atomic(target, 12345)  # type: ignore[arg-type]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
