"""The TOML config file: where it is found, what it overrides, and exit 6 when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rewriter.cli import main
from rewriter.config import load_config
from rewriter.errors import ConfigError, ExitCode

ARTICLE = Path(__file__).resolve().parent / "articles" / "marche-couvert.md"


def check(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "check", "--json", str(ARTICLE)], env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_no_config_file_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("REWRITER_CONFIG", raising=False)
    config = load_config()
    assert config.path is None and config.settings.min_words == 700


def test_user_config_dir_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("REWRITER_CONFIG", raising=False)
    (tmp_path / "rewriter").mkdir()
    (tmp_path / "rewriter" / "config.toml").write_text(
        'min_words = 90\nmodel = "modeles/autre.gguf"\nseed = 7\n', encoding="utf-8"
    )
    config = load_config()
    assert config.settings.min_words == 90 and config.seed == 7
    assert config.model == tmp_path / "rewriter" / "modeles" / "autre.gguf"  # relative to file


def test_thresholds_change_the_report(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    _, default = check()
    assert '"target": "≥ 700 mots"' in default
    path.write_text("min_words = 50\n", encoding="utf-8")
    code, output = check("--config", str(path))
    assert code == ExitCode.CHECKS_FAILED and '"target": "≥ 50 mots"' in output
    # and a flag beats the file
    result = CliRunner().invoke(
        main, ["--config", str(path), "check", "--json", "--min-words", "60", str(ARTICLE)]
    )
    assert '"target": "≥ 60 mots"' in result.output


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("min_word = 800\n", "« min_word »"),
        ('min_words = "beaucoup"\n', "« min_words » attend un nombre"),
        ("min_words = -5\n", "positif"),
        ("seed = 1.5\n", "« seed » attend un nombre entier"),
        ('format = "pdf"\n', "« format »"),
        ("min_words = [\n", "TOML valide"),
        ('server = "gpu:8000"\n', "« server » attend une adresse http://"),
        ("parallel = 0\n", "« parallel » vaut au moins 1"),
    ],
)
def test_bad_config_exit_6_names_the_key(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(str(path))
    assert words in caught.value.message and str(path) in caught.value.message
    code, output = check("--config", str(path))
    assert code == ExitCode.CONFIG and output.startswith("Erreur : ") and words in output


def test_server_in_the_config_keeps_the_model_as_the_servers_name(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'server = "http://gpu.redaction:8000"\nmodel = "Qwen/Qwen2.5-7B-Instruct"\nparallel = 4\n',
        encoding="utf-8",
    )
    config = load_config(str(path))
    assert config.server == "http://gpu.redaction:8000" and config.parallel == 4
    assert config.model == "Qwen/Qwen2.5-7B-Instruct"  # not a path relative to the file


def test_parallel_without_a_server_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["rewrite", str(ARTICLE), "-o", str(tmp_path / "o.md"), "--parallel", "4"]
    )
    assert result.exit_code == ExitCode.USAGE and "--parallel" in result.output


def test_named_config_must_exist(tmp_path: Path) -> None:
    code, output = check(env={"REWRITER_CONFIG": str(tmp_path / "absent.toml")})
    assert code == ExitCode.CONFIG and "introuvable" in output


def test_doctor_reports_a_broken_config_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("couleur = 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "doctor"])
    assert result.exit_code == ExitCode.CHECKS_FAILED
    assert "✗ configuration" in result.output and f"corrigez {path}" in result.output
    assert "✓ llama-cpp-python" in result.output and "✓ spaCy" in result.output


def test_doctor_flags_a_corrupt_default_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rewriter import doctor

    fake = tmp_path / "gemma.gguf"
    fake.write_bytes(b"GGUF" + b"\0" * 2048)
    diagnosis = doctor.default_model(fake)
    assert not diagnosis.ok and "sha256" in diagnosis.detail and "make install" in diagnosis.fix
    assert not doctor.default_model(tmp_path / "absent.gguf").ok
    assert doctor.default_model().ok  # the installed one is intact


def test_doctor_checks_grammalecte(monkeypatch: pytest.MonkeyPatch) -> None:
    from rewriter import doctor
    from rewriter.verify import grammalecte

    assert doctor.grammar_checker().ok  # `make install` linked it into the venv
    monkeypatch.setattr(grammalecte, "available", lambda: False)
    missing = doctor.grammar_checker()
    assert not missing.ok and "make install" in missing.fix


def test_threads_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from rewriter.config import threads_from_env

    monkeypatch.delenv("REWRITER_THREADS", raising=False)
    assert threads_from_env() is None
    monkeypatch.setenv("REWRITER_THREADS", "1")
    assert threads_from_env() == 1
    monkeypatch.setenv("REWRITER_THREADS", "zéro")
    with pytest.raises(ConfigError, match="REWRITER_THREADS"):
        threads_from_env()
