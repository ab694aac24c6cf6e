"""Shared helpers for the scripts: the dev corpus and the Yoast judge (both in ../shared)."""

from __future__ import annotations

import html
import json
import subprocess
from pathlib import Path

from rewriter.document import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
JUDGE = SHARED / "tools" / "yoast-judge"


def corpus_files() -> list[Path]:
    """The clean articles: 00_sora_hollywood.md and 01-30 (.txt)."""
    if not CORPUS.is_dir():
        raise SystemExit(f"dev corpus not found: {CORPUS}")
    files = [CORPUS / "00_sora_hollywood.md"]
    files += sorted(p for p in CORPUS.glob("[0-3][0-9]_*.txt") if not p.name.startswith("00_"))
    return files


def body_html(article: Article) -> str:
    """The article body as WordPress holds it: no H1 (the theme prints the title)."""
    parts: list[str] = []
    for block in article.body:
        tag = f"h{block.level}" if block.is_heading else "p"
        parts.append(f"<{tag}>{html.escape(block.text, quote=False)}</{tag}>")
    return "\n".join(parts)


def yoast(paper: dict[str, str]) -> dict[str, object]:
    """Run ../shared/tools/yoast-judge on one paper (html, keyword, title, meta, slug)."""
    out = subprocess.run(
        [str(JUDGE), "-"], input=json.dumps(paper), capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result
