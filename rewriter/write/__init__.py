"""Stage 7 — write: Markdown with front matter, a complete HTML5 document, or JSON."""

from __future__ import annotations

from rewriter.write.files import ensure_writable, write_atomic
from rewriter.write.formats import FORMATS, render

__all__ = ["FORMATS", "ensure_writable", "render", "write_atomic"]
