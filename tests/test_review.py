"""The editor's review page: every output sentence linked to existing source sentences,
counts that match the JSON, article text escaped, valid HTML5; and a real browser (Debian's
chromium, headless) that clicks a sentence and sees its source highlighted."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import html5lib

from rewriter.pipeline import RewriteOptions, RewriteResult, rewrite
from rewriter.read import parse_string, read_article
from rewriter.write.formats import as_json
from rewriter.write.review import review_page

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "bibliotheque-nocturne.md"
NS = "{http://www.w3.org/1999/xhtml}"


@cache
def rewritten() -> tuple[RewriteResult, object]:
    source = read_article(SAMPLE)
    # The deterministic path: the page's logic does not need the model (the e2e tests
    # give it model-written sentences; the origins are then « model » too).
    return rewrite(source, options=RewriteOptions(), generator=None), source


def parsed(page: str) -> object:
    return html5lib.HTMLParser(strict=True).parse(page)


def test_every_output_sentence_links_to_existing_source_sentences() -> None:
    result, source = rewritten()
    page = review_page(result, source)  # type: ignore[arg-type]
    tree = parsed(page)
    spans = tree.iter(f"{NS}span")  # type: ignore[attr-defined]
    ids = {}
    for span in spans:
        if span.get("id"):
            ids[span.get("id")] = span
    outputs = [s for i, s in ids.items() if i.startswith("o")]
    sources = {i for i in ids if i.startswith("s")}
    assert outputs and sources
    for span in outputs:
        links = span.get("data-links").split()
        assert links, f"{span.get('id')} has no source"
        assert set(links) <= sources
        assert span.get("data-origin") in ("model", "restructured", "kept", "growth")
    data = as_json(result)["provenance"]
    assert len(outputs) == len(data["sentences"])
    counts = {o: sum(1 for s in outputs if s.get("data-origin") == o) for o in data["counts"]}
    assert counts == data["counts"]
    legend = {b.get("data-count"): int(b.text) for b in tree.iter(f"{NS}b") if b.get("data-count")}  # type: ignore[attr-defined]
    assert legend == data["counts"]
    # Every source index in the JSON exists.
    assert all(0 <= i < len(data["source_sentences"]) for s in data["sentences"] for i in s["sources"])


def test_article_text_is_escaped() -> None:
    text = (
        "# La mairie ouvre un <script>alert(1)</script> guichet\n\n"
        + "La mairie de Quimper ouvre un guichet unique pour les associations. " * 3
        + "\n\nLe guichet <b>accueille</b> le public le mardi et le jeudi, de 9 heures à 17 heures.\n"
    )
    source = parse_string(text, suffix=".md")
    result = rewrite(source, options=RewriteOptions(max_rounds=1), generator=None)
    page = review_page(result, source)
    parsed(page)
    assert "<script>alert(1)</script>" not in page
    assert page.count("<script>") == 1  # the page's own, and nothing from the article
    assert "&lt;script&gt;" in page


def test_review_option_writes_the_page(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rewriter.cli import main

    out, page = tmp_path / "out.md", tmp_path / "relecture.html"
    runner = CliRunner()
    args = ["rewrite", str(SAMPLE), "-o", str(out), "--review", str(page), "--max-rounds", "1"]
    result = runner.invoke(main, [*args, "--model", str(tmp_path / "absent.gguf")])
    assert result.exit_code == 4 and not page.exists()  # a bad model: nothing written


def test_browser_click_highlights_the_source(tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is missing: `make test` installs it (apt-get install chromium)"
    result, source = rewritten()
    page = tmp_path / "relecture.html"
    page.write_text(review_page(result, source), encoding="utf-8")  # type: ignore[arg-type]
    target = next(s for s in result.provenance.sentences if s.origin != "growth")  # type: ignore[union-attr]
    number = result.provenance.sentences.index(target)  # type: ignore[union-attr]
    flags = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
             f"--user-data-dir={tmp_path / 'profile'}"]  # fmt: skip
    url = f"{page.as_uri()}#click=o{number}"
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120
    ).stdout
    tree = parsed("<!DOCTYPE html>" + dom) if not dom.startswith("<!DOCTYPE") else parsed(dom)
    lit = {
        e.get("id")
        for e in tree.iter()  # type: ignore[attr-defined]
        if "hl" in (e.get("class") or "").split()
    }
    assert f"o{number}" in lit
    assert {f"s{i}" for i in target.sources} <= lit, (lit, target.sources)
    shot = ROOT / "scripts" / "results" / "review.png"
    subprocess.run(
        [browser, *flags, "--window-size=1400,1000", f"--screenshot={shot}", url],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
    json.dumps(as_json(result)["provenance"])  # serialisable
