"""Render a rewritten article as Markdown, HTML5 or the JSON a CMS reads."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from rewriter.document import Article

if TYPE_CHECKING:
    from rewriter.pipeline import RewriteResult

FORMATS = ("md", "html", "json")


def markdown(article: Article) -> str:
    front = {
        "title": article.seo_title,
        "description": article.meta_description,
        "slug": article.slug,
        "keyword": article.keyword,
    }
    lines = [
        "---",
        *[f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()],
        "---",
        "",
    ]
    previous = ""
    for block in article.blocks:
        if block.is_heading:
            if previous == "item":
                lines.append("")
            lines += ["#" * block.level + " " + block.text, ""]
        elif block.kind == "item":
            lines.append(f"- {block.text}")
        else:
            if previous == "item":
                lines.append("")
            lines += [block.text, ""]
        previous = block.kind
    return "\n".join(lines).rstrip() + "\n"


def body_html(article: Article) -> str:
    parts: list[str] = []
    in_list = False
    for block in article.blocks:
        if block.kind == "item" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif block.kind != "item" and in_list:
            parts.append("</ul>")
            in_list = False
        text = html.escape(block.text, quote=False)
        if block.is_heading:
            parts.append(f"<h{block.level}>{text}</h{block.level}>")
        elif block.kind == "item":
            parts.append(f"  <li>{text}</li>")
        else:
            parts.append(f"<p>{text}</p>")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def html_document(article: Article) -> str:
    title = html.escape(article.seo_title or article.title)
    description = html.escape(article.meta_description)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{description}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "</head>\n<body>\n<article>\n"
        f"{body_html(article)}\n"
        "</article>\n</body>\n</html>\n"
    )


def as_json(result: RewriteResult) -> dict[str, Any]:
    article = result.article
    return {
        "title": article.seo_title,
        "meta_description": article.meta_description,
        "slug": article.slug,
        "keyword": article.keyword,
        "markdown": markdown(article),
        "html": html_document(article),
        "report": {
            "passed": result.passed,
            "checks": [f.as_dict() for f in result.report.findings],
        },
        "fidelity": {
            "unsupported": [u.as_dict() for u in result.unsupported],
            "generated_units": result.generated_units,
            "fallback_units": result.fallback_units,
        },
        "stats": {
            "words": result.report.get("words").value,
            "seconds": round(result.seconds, 2),
            "generated_tokens": result.generated_tokens,
            "model": result.model,
            "rewrite_by": result.rewrite_by,
        },
        # Each output sentence: its origin (model, restructured, kept, growth) and the
        # indices of the source sentences it comes from (see rewriter/provenance.py).
        "provenance": result.provenance.as_dict() if result.provenance else None,
    }


def render(result: RewriteResult, fmt: str) -> str:
    if fmt == "md":
        return markdown(result.article)
    if fmt == "html":
        return html_document(result.article)
    return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"
