"""`rewriter models …` end to end through the CLI, on real stores built on disk: an Ollama
manifests/blobs tree, an LM Studio folder, a Hugging Face cache snapshot with symlinks, a
llama.cpp cache with a split model — whose model files are the real default GGUF."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rewriter.cli import main
from rewriter.errors import ExitCode
from rewriter.models import DEFAULT_MODEL_SHA256, default_model_path

GGUF = default_model_path()


def manifest(root: Path, model: str, tag: str, digest: str, extra: list[Any] | None = None) -> None:
    path = root / "manifests" / "registry.ollama.ai" / "library" / model / tag
    path.parent.mkdir(parents=True, exist_ok=True)
    layers = [
        {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}"},
        *(extra or []),
    ]
    path.write_text(json.dumps({"schemaVersion": 2, "layers": layers}), encoding="utf-8")


def gguf_at(path: Path) -> None:
    """A real GGUF at `path`: a hard link to the default model (its own path, as another
    app's file would have; the stores live beside models/ so that a link is possible)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.link(GGUF, path)


@pytest.fixture
def stores(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    if not GGUF.exists():
        pytest.skip("default model not assembled (make install)")
    (GGUF.parent.parent / "build").mkdir(exist_ok=True)
    tmp_path = Path(tempfile.mkdtemp(prefix="stores-", dir=GGUF.parent.parent / "build"))
    yield from _stores(tmp_path, monkeypatch)
    shutil.rmtree(tmp_path, ignore_errors=True)


def _stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    for variable, value in {
        "HOME": home,
        "XDG_DATA_HOME": tmp_path / "data",
        "XDG_CACHE_HOME": tmp_path / "cache",
        "OLLAMA_MODELS": tmp_path / "ollama",
    }.items():
        monkeypatch.setenv(variable, str(value))
    for variable in ("LMSTUDIO_HOME", "HF_HUB_CACHE", "HF_HOME", "LLAMA_CACHE"):
        monkeypatch.delenv(variable, raising=False)
    # Ollama: a model whose blob is the real GGUF (named by its sha256), a projector layer,
    # a manifest whose blob is missing, one whose blob is not a GGUF.
    ollama = tmp_path / "ollama"
    (ollama / "blobs").mkdir(parents=True)
    gguf_at(ollama / "blobs" / f"sha256-{DEFAULT_MODEL_SHA256}")
    projector = "ab" * 32
    (ollama / "blobs" / f"sha256-{projector}").write_bytes(b"GGUF-projector")
    manifest(ollama, "gemma-test", "latest", DEFAULT_MODEL_SHA256,
             [{"mediaType": "application/vnd.ollama.image.projector", "digest": f"sha256:{projector}"}])  # fmt: skip
    manifest(ollama, "absent", "latest", "cd" * 32)
    (ollama / "blobs" / f"sha256-{'ef' * 32}").write_text("not a model", encoding="utf-8")
    manifest(ollama, "texte", "latest", "ef" * 32)
    # A blob whose name says another sha256 than its bytes: `verify` must see it.
    gguf_at(ollama / "blobs" / f"sha256-{'01' * 32}")
    manifest(ollama, "mauvais", "v1", "01" * 32)
    # LM Studio: publisher/model/file.gguf, and a projector beside it.
    lm = home / ".lmstudio" / "models" / "acme" / "gemma-fr"
    lm.mkdir(parents=True)
    gguf_at(lm / "gemma-fr-Q4_K_M.gguf")
    gguf_at(lm / "mmproj-gemma-fr.gguf")
    # Hugging Face: a snapshot symlink into blobs/.
    repo = home / ".cache" / "huggingface" / "hub" / "models--org--gemma-hf"
    (repo / "blobs").mkdir(parents=True)
    gguf_at(repo / "blobs" / "0123abcd")
    (repo / "snapshots" / "rev1").mkdir(parents=True)
    (repo / "snapshots" / "rev1" / "gemma-hf.Q4_K_M.gguf").symlink_to(repo / "blobs" / "0123abcd")
    # llama.cpp's cache: a model split in two parts, listed once.
    cache = home / ".cache" / "llama.cpp"
    cache.mkdir(parents=True)
    gguf_at(cache / "big-00001-of-00002.gguf")
    (cache / "big-00002-of-00002.gguf").write_bytes(b"\0" * 64)
    # GPT4All: a truncated GGUF, listed as unreadable rather than crashing the list.
    gpt4all = home / ".local" / "share" / "nomic.ai" / "GPT4All"
    gpt4all.mkdir(parents=True)
    with GGUF.open("rb") as whole:
        (gpt4all / "coupe.gguf").write_bytes(whole.read(4096))
    yield tmp_path


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def listed(stores: Path) -> dict[str, dict[str, Any]]:
    code, out = invoke("models", "list", "--json")
    assert code == 0, out
    return {row["name"]: row for row in json.loads(out)}


def test_list_finds_every_store(stores: Path) -> None:
    rows = listed(stores)
    assert {
        "gemma-3-270m",
        "ollama:gemma-test:latest",
        "ollama:mauvais:v1",
        "lmstudio:acme/gemma-fr/gemma-fr-Q4_K_M",
        "huggingface:org/gemma-hf/gemma-hf.Q4_K_M",
        "llama.cpp:big",
        "gpt4all:coupe",
    } <= set(rows)
    assert not [n for n in rows if "mmproj" in n or "absent" in n or "texte" in n]
    assert [n for n in rows if "big" in n] == ["llama.cpp:big"]  # split: listed once
    row = rows["ollama:gemma-test:latest"]
    assert (row["quantisation"], row["architecture"], row["chat_template"]) == (
        "Q4_K_M",
        "gemma3",
        False,
    )
    assert rows["gemma-3-270m"]["default"] and not row["default"]
    assert "error" in rows["gpt4all:coupe"]  # truncated: a row that says so


def test_list_as_a_table(stores: Path) -> None:
    code, out = invoke("models", "list")
    assert code == 0
    assert "* gemma-3-270m" in out and "ollama:gemma-test:latest" in out and "Q4_K_M" in out


def test_show_reads_the_header(stores: Path) -> None:
    code, out = invoke("models", "show", "ollama:gemma-test", "--json")  # tag defaults to latest
    assert code == 0, out
    facts = json.loads(out)
    assert facts["parameters"] == "270M" and facts["context_length"] == 32768
    assert facts["style"] == "base" and facts["sha256_expected"] == DEFAULT_MODEL_SHA256


def test_add_default_remove(stores: Path) -> None:
    target = stores / "mes-modeles" / "mon-modele.gguf"
    gguf_at(target)
    code, out = invoke("models", "add", str(target), "--name", "maison", "--alias", "m")
    assert code == 0, out
    assert listed(stores)["maison"]["aliases"] == ["m"]
    code, out = invoke("models", "add", str(target), "--name", "maison")
    assert code == ExitCode.CONFIG and "déjà pris" in out  # two models, one name
    assert invoke("models", "default", "m")[0] == 0
    assert invoke("models", "default")[1].startswith("maison ")
    assert listed(stores)["maison"]["default"]
    code, out = invoke("models", "remove", "m")
    assert code == 0 and "intact" in out
    assert target.exists() and "maison" not in listed(stores)
    assert listed(stores)["gemma-3-270m"]["default"]  # the default falls back


def test_remove_never_touches_another_apps_file(stores: Path) -> None:
    code, out = invoke("models", "remove", "ollama:gemma-test:latest")
    assert code == ExitCode.MODEL and "aucun fichier n'est supprimé" in out
    assert (stores / "ollama" / "blobs" / f"sha256-{DEFAULT_MODEL_SHA256}").exists()


def test_add_refuses_what_is_not_a_whole_gguf(stores: Path) -> None:
    text = stores / "notes.gguf"
    text.write_text("pas un modèle", encoding="utf-8")
    code, out = invoke("models", "add", str(text))
    assert code == ExitCode.MODEL and "GGUF" in out
    code, out = invoke("models", "add", str(stores / "home/.local/share/nomic.ai/GPT4All/coupe.gguf"))
    assert code == ExitCode.MODEL and "tronqué" in out


def test_verify(stores: Path) -> None:
    code, out = invoke("models", "verify", "ollama:gemma-test")
    assert code == 0 and "conforme" in out
    code, out = invoke("models", "verify", "ollama:mauvais:v1")
    assert code == ExitCode.MODEL and "attendu" in out
    assert invoke("models", "verify", "inconnu")[0] == ExitCode.MODEL


def test_a_broken_registry_is_a_clear_message(stores: Path) -> None:
    registry = stores / "data" / "rewriter" / "models.json"
    registry.parent.mkdir(parents=True)
    registry.write_text('{"models": [', encoding="utf-8")
    code, out = invoke("models", "list")
    assert code == ExitCode.CONFIG and "Registre des modèles illisible" in out
    assert "Traceback" not in out
    registry.write_text('{"models": [{"name": 3}]}', encoding="utf-8")
    code, out = invoke("models", "list")
    assert code == ExitCode.CONFIG and "mal formé" in out


def test_recommend(stores: Path) -> None:
    code, out = invoke("models", "recommend", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["tested_here"] for r in rows if r["name"].startswith("gemma-3-270m")] == [True]
    assert all(len(r["sha256"]) == 64 for r in rows)
    assert any(not r["tested_here"] for r in rows)


def test_doctor_shows_the_model_in_use(stores: Path) -> None:
    assert invoke("models", "default", "lmstudio:acme/gemma-fr/gemma-fr-Q4_K_M")[0] == 0
    code, out = invoke("doctor")
    assert code == ExitCode.OK, out  # a base model is a warning, not a problem
    assert "modèle utilisé (rewriter models default)" in out
    assert "modèle de base" in out, out


@pytest.mark.model
def test_rewrite_with_an_ollama_model(stores: Path) -> None:
    """The real default GGUF, found through the Ollama store and named ollama:NAME."""
    source = stores / "article.txt"
    source.write_text(
        "Budget voté à Lanne\n\n"
        + "Le conseil municipal de Lanne a voté lundi le budget de la commune, par 27 voix "
        "contre 6. La médiathèque ouvrira jusqu'à 22 heures à partir du 6 janvier. ",
        encoding="utf-8",
    )
    out = stores / "sortie.md"
    code, text = invoke("rewrite", str(source), "-o", str(out), "--model", "ollama:gemma-test")
    assert code in (ExitCode.OK, ExitCode.CHECKS_FAILED), text
    assert "27 voix contre 6" in out.read_text(encoding="utf-8")
    code, text = invoke("rewrite", str(source), "--model", "ollama:inconnu")
    assert code == ExitCode.MODEL and "models list" in text
