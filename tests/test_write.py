"""The three output formats, from a real rewrite (scripted generator): valid HTML5, Markdown
that reads back to the same article, and the JSON keys of the `rewrite` issue."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import pytest

from rewriter.pipeline import RewriteOptions, RewriteResult, rewrite
from rewriter.read import parse_string, read_article
from rewriter.write import render
from tests.fakes import ScriptedGenerator

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "bibliotheque-nocturne.md"


@pytest.fixture(scope="module")
def result() -> RewriteResult:
    source = read_article(SAMPLE)
    return rewrite(source, options=RewriteOptions(), generator=ScriptedGenerator(lambda r: ""))


def test_html_is_a_valid_complete_document(result: RewriteResult) -> None:
    text = render(result, "html")
    parser = html5lib.HTMLParser(strict=True)  # raises on any parse error
    document = parser.parse(text)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert document.get("lang") == "fr"
    assert document.find(".//h:head/h:meta[@charset]", ns) is not None
    assert document.find(".//h:head/h:title", ns).text == result.article.seo_title
    description = document.find(".//h:head/h:meta[@name='description']", ns)
    assert description.get("content") == result.article.meta_description
    assert len(document.findall(".//h:h1", ns)) == 1
    assert len(document.findall(".//h:h2", ns)) >= 2


def test_markdown_reads_back_to_the_same_article(result: RewriteResult) -> None:
    text = render(result, "md")
    again = parse_string(text, suffix=".md")
    assert again.seo_title == result.article.seo_title
    assert again.meta_description == result.article.meta_description
    assert again.slug == result.article.slug and again.keyword == result.article.keyword
    assert [(b.kind, b.level, b.text) for b in again.blocks] == [
        (b.kind, b.level, b.text) for b in result.article.blocks
    ]


def test_json_has_exactly_the_keys_of_the_issue(result: RewriteResult) -> None:
    data = json.loads(render(result, "json"))
    assert set(data) == {
        "title",
        "meta_description",
        "slug",
        "keyword",
        "markdown",
        "html",
        "report",
        "fidelity",
        "stats",
        "provenance",  # the review issue: each sentence's origin and source sentences
    }
    assert set(data["report"]) == {"passed", "checks"}
    assert set(data["report"]["checks"][0]) == {"id", "label", "value", "target", "passed"}
    assert set(data["fidelity"]) == {"unsupported", "generated_units", "fallback_units"}
    assert set(data["stats"]) == {"words", "seconds", "generated_tokens", "model", "rewrite_by"}
    assert set(data["provenance"]) == {"source_sentences", "source_paragraphs", "sentences", "counts"}
    first = data["provenance"]["sentences"][0]
    assert set(first) == {"text", "origin", "sources", "block"}
