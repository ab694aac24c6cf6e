"""The editor's review page: one self-contained HTML5 file, in French, no network, no asset.

The rewrite on the left, the source on the right; a click (or hover) on an output sentence
highlights the source sentence(s) it comes from, and the reverse. Each output sentence is
coloured by origin (`provenance.py`), with a legend and counts; the checks as a traffic-light
panel, worst first, before and after; what the guard refused, grouped by reason, each with
its text and its source span; title, meta description (length, search-result preview),
slug, keyword and why it was chosen. Every text from the article is escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from rewriter.provenance import LABELS, ORIGINS

if TYPE_CHECKING:
    from rewriter.analysis.findings import Finding, Report
    from rewriter.document import Article
    from rewriter.pipeline import RewriteResult

KINDS = {
    "number": "nombre inventé",
    "entity": "nom inventé",
    "word": "mot absent de la source",
    "quote": "citation changée",
    "negation": "négation changée",
    "mood": "temps ou mode changé",
    "claim": "affirmation changée",
    "grammar": "grammaire",
    "omission": "oubli",
    "language": "langue",
    "example": "copie",
    "length": "longueur",
    "format": "forme",
    "fluency": "fluidité",
    "fragment": "phrase incomplète",
    "capital": "majuscule changée",
}

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#1f3a5f;color:#fff}
h1{font-size:20px;margin:0}
main{display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:16px}
section.panel{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px}
.wide{grid-column:1 / span 2}
.s{cursor:pointer;border-radius:3px;padding:1px 0}
.o-model{background:#dcefff}.o-restructured{background:#fff1c9}.o-kept{background:#eee}
.o-growth{background:#e4f6dc}
.hl{outline:2px solid #d9480f;background:#ffd8c2 !important}
.legend span{display:inline-block;margin-right:12px;padding:2px 6px;border-radius:3px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px;
text-align:left;vertical-align:top}
.ok{color:#2b8a3e}.ko{color:#c92a2a}.dot{display:inline-block;width:10px;height:10px;
border-radius:5px;margin-right:6px}.dot.ok{background:#2b8a3e}.dot.ko{background:#c92a2a}
.serp{font-family:arial,sans-serif;max-width:600px}.serp .t{color:#1a0dab;font-size:18px}
.serp .u{color:#006621;font-size:13px}.serp .d{color:#545454;font-size:13px}
details{margin:4px 0}code{background:#f3f3f3;padding:0 3px}
"""

# The page's only script: highlight what a sentence is linked to. `#click=o3` on the
# address clicks output sentence 3 once loaded (the browser test uses it).
SCRIPT = """
(function(){
  function clear(){document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl')})}
  function show(el){
    clear(); el.classList.add('hl');
    (el.dataset.links||'').split(' ').filter(Boolean).forEach(function(id){
      var t=document.getElementById(id); if(t){t.classList.add('hl')}
    });
  }
  document.querySelectorAll('.s').forEach(function(el){
    el.addEventListener('click',function(){show(el)});
    el.addEventListener('mouseenter',function(){show(el)});
  });
  var m=location.hash.match(/click=([a-z0-9]+)/);
  if(m){var el=document.getElementById(m[1]); if(el){el.click()}}
})();
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _checks(report: Report | None, title: str) -> str:
    if report is None:
        return ""
    findings: list[Finding] = sorted(report.findings, key=lambda f: (f.passed, -f.gap, f.id))
    rows = "".join(
        f'<tr><td><span class="dot {"ok" if f.passed else "ko"}"></span>{_e(f.label)}</td>'
        f"<td>{_e(str(f.value))}</td><td>{_e(f.advice if not f.passed else '')}</td></tr>"
        for f in findings
    )
    passed = sum(1 for f in findings if f.passed)
    return (
        f"<h3>{_e(title)} : {passed}/{len(findings)} critères remplis</h3>"
        f"<table><tr><th>critère</th><th>valeur</th><th>conseil</th></tr>{rows}</table>"
    )


def review_page(result: RewriteResult, source: Article) -> str:
    article = result.article
    prov = result.provenance
    assert prov is not None
    links: dict[int, list[str]] = defaultdict(list)  # source sentence → output ids
    for n, traced in enumerate(prov.sentences):
        for i in traced.sources:
            links[i].append(f"o{n}")
    # The rewrite, block by block, each sentence a span with its links.
    by_block: dict[int, list[str]] = defaultdict(list)
    for n, traced in enumerate(prov.sentences):
        ids = " ".join(f"s{i}" for i in traced.sources)
        by_block[traced.block].append(
            f'<span class="s o-{traced.origin}" id="o{n}" data-origin="{traced.origin}" '
            f'data-links="{ids}" title="{_e(LABELS[traced.origin])}">{_e(traced.text)}</span>'
        )
    out_html: list[str] = []
    block = -1
    for b in article.blocks:
        if b.is_heading:
            level = min(6, max(2, b.level + 1))
            out_html.append(f"<h{level}>{_e(b.text)}</h{level}>")
        elif b.text:
            block += 1
            tag = "li" if b.kind == "item" else "p"
            inner = " ".join(by_block.get(block, [])) or _e(b.text)
            out_html.append(f"<{tag}>{inner}</{tag}>")
    paragraphs: dict[int, list[str]] = defaultdict(list)
    for i, text in enumerate(prov.source_sentences):
        number = prov.source_paragraphs[i] if i < len(prov.source_paragraphs) else 0
        paragraphs[number].append(
            f'<span class="s" id="s{i}" data-links="{" ".join(links.get(i, []))}">{_e(text)}</span>'
        )
    src_html = "".join(f"<p>{' '.join(p)}</p>" for _, p in sorted(paragraphs.items()))
    counts = prov.counts()
    legend = "".join(
        f'<span class="o-{o}">{_e(LABELS[o])} : <b data-count="{o}">{counts[o]}</b></span>'
        for o in ORIGINS
    )
    refused: dict[str, list[str]] = defaultdict(list)
    for problem in result.rejections:
        match = re.search(r"phrase (\d+)", problem.where)
        span = ""
        if match and 0 < int(match.group(1)) <= len(prov.source_sentences):
            span = prov.source_sentences[int(match.group(1)) - 1]
        refused[problem.kind].append(
            f"<li><code>{_e(problem.text)}</code> — {_e(problem.where)}"
            + (f"<br><small>source : {_e(span)}</small>" if span else "")
            + "</li>"
        )
    refusals = (
        "".join(
            f"<details><summary>{_e(KINDS.get(kind, kind))} ({len(items)})</summary>"
            f"<ul>{''.join(items[:200])}</ul></details>"
            for kind, items in sorted(refused.items(), key=lambda kv: -len(kv[1]))
        )
        or "<p>Aucun refus.</p>"
    )
    meta = article.meta_description
    title = article.seo_title or article.title
    data = json.dumps(counts).replace("<", "\\u003c")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Relecture — {_e(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>Relecture : {_e(title)}</h1></header>\n<main>\n"
        '<section class="panel wide" id="seo"><h2>Référencement</h2>'
        f"<p>Requête cible : <b>{_e(article.keyword)}</b>"
        + (f" — {_e(result.keyword_reason)}" if result.keyword_reason else "")
        + f"</p><p>Titre SEO ({len(title)} caractères) : {_e(title)}</p>"
        f"<p>Méta description ({len(meta)} caractères) : {_e(meta)}</p>"
        f"<p>Slug : <code>{_e(article.slug)}</code></p>"
        '<div class="serp"><div class="u">exemple.fr › '
        f'{_e(article.slug)}</div><div class="t">{_e(title[:60])}</div>'
        f'<div class="d">{_e(meta[:156])}</div></div>'
        f"<p>Modèle : {_e(result.model)} — écriture "
        f"{'par paragraphe' if result.rewrite_by == 'paragraph' else 'phrase par phrase'}"
        f", {len(result.unsupported)} fait(s) non étayé(s).</p></section>\n"
        f'<section class="panel wide legend" id="legend">{legend}'
        f'<script type="application/json" id="counts">{data}</script></section>\n'
        f'<section class="panel" id="rewrite"><h2>Réécriture</h2>{"".join(out_html)}</section>\n'
        f'<section class="panel" id="source"><h2>Source</h2>{src_html}</section>\n'
        f'<section class="panel" id="checks-after">{_checks(result.report, "Après")}</section>\n'
        f'<section class="panel" id="checks-before">{_checks(result.source_report, "Avant")}'
        "</section>\n"
        '<section class="panel wide" id="refusals"><h2>Ce que les contrôles ont refusé</h2>'
        "<p>Chaque proposition refusée, par motif, avec la phrase source : rien de ce qui "
        f"suit n'est dans la réécriture.</p>{refusals}</section>\n"
        f"</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
