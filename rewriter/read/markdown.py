"""Markdown (`#` headings, optional front matter) to an Article, with markdown-it-py."""

from __future__ import annotations

import json
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from rewriter.document import Article, Block

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FRONT_KEYS = {
    "title": "seo_title",
    "description": "meta_description",
    "slug": "slug",
    "keyword": "keyword",
}


def parse_markdown(text: str, name: str = "") -> Article:
    meta, body = split_front_matter(text)
    tokens = MarkdownIt("commonmark").parse(body)
    blocks: list[Block] = []
    heading_level = 0
    in_paragraph = False
    lists = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "paragraph_open":
            in_paragraph = True
        elif token.type == "paragraph_close":
            in_paragraph = False
        elif token.type == "inline":
            content = _plain(token)
            if not content:
                continue
            if heading_level:
                blocks.append(Block("heading", content, heading_level))
            elif in_paragraph:
                blocks.append(Block("item" if lists else "paragraph", content))
    fields = {_FRONT_KEYS[k]: v for k, v in meta.items() if k in _FRONT_KEYS}
    if "seo_title" in fields and not any(b.is_heading and b.level == 1 for b in blocks):
        blocks.insert(0, Block("heading", fields["seo_title"], 1))
    return Article(
        blocks=tuple(blocks),
        source_name=name,
        seo_title=fields.get("seo_title", ""),
        meta_description=fields.get("meta_description", ""),
        slug=fields.get("slug", ""),
        keyword=fields.get("keyword", ""),
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between leading `---` fences (values may be JSON strings)."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        value = value.strip()
        if value.startswith('"'):
            try:
                value = str(json.loads(value))
            except json.JSONDecodeError:
                value = value.strip('"')
        meta[key.strip().lower()] = value
    return meta, text[match.end() :]


def _plain(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()
