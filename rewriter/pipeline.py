"""rewrite(): read → analyse → plan → generate → verify → repair, for one article."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from rewriter.analysis.engine import parse_article, report_for
from rewriter.analysis.findings import Report
from rewriter.analysis.nlp import french
from rewriter.analysis.sentences import sentence_spans
from rewriter.document import Article
from rewriter.draft import Draft
from rewriter.errors import InputError, ModelError
from rewriter.generate.backend import Generator
from rewriter.generate.draft import write_draft
from rewriter.generate.headings import can_head
from rewriter.generate.units import UnitWriter
from rewriter.plan import make_plan
from rewriter.provenance import Provenance, trace
from rewriter.repair.context import Context
from rewriter.repair.material import restated_key_points
from rewriter.repair.strategies import REPAIRS
from rewriter.settings import Settings
from rewriter.verify.guard import Unsupported, check_unit
from rewriter.verify.support import build_support, flat

log = logging.getLogger(__name__)

HARD_CHECKS = frozenset(
    {
        "language",
        "words",
        "h1_single",
        "heading_hierarchy",
        "section_length",
        "sentence_length",
        "paragraph_length",
        "keyword_density",
        "keyword_in_title",
        "keyword_in_intro",
        "keyword_in_subheadings",
        "keyword_in_meta",
        "keyword_in_slug",
        "title_length",
        "meta_length",
    }
)


@dataclass(frozen=True)
class RewriteOptions:
    keyword: str | None = None
    settings: Settings = field(default_factory=Settings)
    max_rounds: int = 8
    seed: int = 0
    force_language: bool = False  # rewrite even when the source does not read as French
    # "paragraph" (one chat call per paragraph) or "sentence" (one unit per sentence);
    # None: paragraphs for a model with a chat template, sentences for a base model.
    rewrite_by: str | None = None


@dataclass
class RewriteResult:
    draft: Draft
    article: Article
    report: Report
    unsupported: list[Unsupported]
    generated_units: int
    fallback_units: int
    first_try_units: int
    seconds: float
    generated_tokens: int
    model: str
    copied_share: float
    notes: list[str]
    copied_share_outside_quotes: float = 0.0
    rejections: list[Unsupported] = field(default_factory=list)  # why attempts were refused
    reading_refusals: dict[str, int] = field(default_factory=dict)  # the reading gate's, by kind
    rewrite_by: str = "sentence"  # the writing path taken: "sentence" or "paragraph"
    provenance: Provenance | None = None  # each output sentence: origin, source sentences
    source_report: Report | None = None  # the source's own check report (before)
    keyword_reason: str = ""  # why this keyword
    headings_by_model: list[str] = field(default_factory=list)

    @property
    def hard_failures(self) -> list[str]:
        return [f.id for f in self.report.findings if f.id in HARD_CHECKS and not f.passed]

    @property
    def hard_ids(self) -> frozenset[str]:
        return HARD_CHECKS

    @property
    def passed(self) -> bool:
        return not self.hard_failures and not self.unsupported


class Progress:
    """What the pipeline reports while it works; the CLI draws it, tests ignore it."""

    def stage(self, name: str) -> None: ...

    def units(self, done: int, total: int) -> None: ...


def rewrite(
    source: Article,
    *,
    options: RewriteOptions,
    generator: Generator | None,
    progress: Progress | None = None,
) -> RewriteResult:
    progress = progress or Progress()
    start = time.perf_counter()
    admit(source, options)
    progress.stage("Analyse de la source")
    analysed = parse_article(source, options.keyword or source.keyword or None)
    if not analysed.keyword:
        raise InputError(
            "Impossible de choisir une requête cible dans cet article : "
            "donnez-en une avec --keyword."
        )
    # The chapeau stays whole below the section limit, with room for the splits to come.
    intro_words = options.settings.max_section_words * 5 // 6
    plan = make_plan(analysed, heads=can_head, max_intro_words=intro_words)
    writer = UnitWriter(generator, seed=options.seed)
    progress.stage("Rédaction")
    by = options.rewrite_by or (
        "paragraph" if generator is not None and generator.style == "instruct" else "sentence"
    )
    if by == "paragraph" and generator is not None and generator.style != "instruct":
        raise ModelError(
            f"{generator.name} est un modèle de base (sans gabarit de chat) : il ne suit pas "
            "une consigne par paragraphe. Retirez --rewrite-by paragraph, ou choisissez un "
            "modèle instruit (rewriter models list, colonne chat)."
        )
    draft = write_draft(plan, writer, options.settings, on_progress=progress.units, by=by)
    if by == "paragraph":
        # The repairs' units (key points, answers) on an instruct model: one try each
        # (measured with the 0.5 B on article 28: three tries spent more tokens on the key
        # points than on the whole body, for nothing accepted).
        writer.attempts = 1
    draft.notes.extend(source.notes)
    before = report_for(analysed, options.settings)  # the source's own report
    ctx = Context(plan, writer, options.settings, before)
    progress.stage("Vérification et réparation")
    report = _check(draft, options, analysed.keyword.text)
    for round_ in range(options.max_rounds):
        failing = [f for f in report.findings if f.id in HARD_CHECKS and not f.passed]
        if not failing:
            break
        ctx.report = report
        changed = False
        done: set[object] = set()
        for finding in failing:
            fix = REPAIRS.get(finding.id)
            if fix is None or fix in done:
                continue
            done.add(fix)
            changed |= fix(draft, ctx)
        # A heading a fix added may state a key point: they are chosen again without it.
        changed |= restated_key_points(draft, ctx)
        log.debug("repair round %d: %s -> changed=%s", round_ + 1, [f.id for f in failing], changed)
        if not changed:
            break
        report = _check(draft, options, analysed.keyword.text)
    article = draft.to_article()
    unsupported = audit(draft, source)
    usage = generator.usage if generator is not None else None
    return RewriteResult(
        draft=draft,
        article=article,
        report=report,
        unsupported=unsupported,
        generated_units=writer.stats.generated,
        fallback_units=writer.stats.fallback,
        first_try_units=writer.stats.first_try,
        seconds=time.perf_counter() - start,
        generated_tokens=usage.generated_tokens if usage else 0,
        model=generator.name if generator is not None else "aucun (repli déterministe)",
        copied_share=copied_share(draft, source),
        copied_share_outside_quotes=copied_share(draft, source, skip=writer.frozen),
        notes=list(dict.fromkeys([*draft.notes, *_backend_notes(generator)])),
        rejections=writer.stats.rejections,
        reading_refusals=dict(writer.gate.stats.refused),
        rewrite_by=by,
        provenance=trace(
            draft,
            [s.text for s in plan.sentences],
            writer.model_texts,
            _paragraph_numbers([s.span.doc for s in plan.sentences]),
        ),
        source_report=before,
        keyword_reason=analysed.keyword.reason,
        headings_by_model=[
            s.heading for s in draft.sections if flat(s.heading) in writer.model_texts
        ],
    )


def _backend_notes(generator: Generator | None) -> list[str]:
    """What the backend could not do (a server without a tokenizer, bias or scoring)."""
    notes = getattr(generator, "notes", None)
    return list(notes()) if callable(notes) else []


def _paragraph_numbers(docs: list[object]) -> list[int]:
    """Each source sentence's paragraph: its block is parsed as one doc."""
    out, number, last = [], -1, None
    for doc in docs:
        if doc is not last:
            number, last = number + 1, doc
        out.append(number)
    return out


def admit(source: Article, options: RewriteOptions) -> None:
    """Refuse, before any model work, a source that is not French or too long to rewrite."""
    from rewriter.analysis import language
    from rewriter.analysis.checks.language import NAMES
    from rewriter.analysis.words import count_words

    text = "\n".join(b.text for b in source.blocks if b.is_text)
    words = count_words(text)
    limit = options.settings.max_source_words
    if words > limit:
        raise InputError(
            f"Article trop long pour une réécriture : {words} mots (limite {limit}, soit "
            "quelques minutes de génération par millier de mots). Découpez-le, ou relevez "
            "max_source_words dans le fichier de configuration."
        )
    if options.force_language:
        return
    code, confidence = language.detect(text)
    if code != "fr" or confidence < options.settings.min_language_confidence:
        name = f"en {NAMES[code]}" if code in NAMES else "dans une langue inconnue"
        raise InputError(
            f"L'article semble écrit {name} (confiance {confidence:.0%}) : rewriter "
            "réécrit des articles en français. Ajoutez --force-language pour le traiter "
            "quand même."
        )


def _check(draft: Draft, options: RewriteOptions, keyword: str) -> Report:
    return report_for(parse_article(draft.to_article(), keyword), options.settings)


def audit(draft: Draft, source: Article) -> list[Unsupported]:
    """The last word: every sentence of the finished article, and its title and meta,
    against the whole source — numbers, names and quotations must all be there."""
    nlp = french()
    support = build_support(nlp("\n".join(b.text for b in source.blocks)))
    texts = [("titre", draft.seo_title), ("méta description", draft.meta)]
    # Paragraph by paragraph: a quotation may run over several sentences.
    texts += [(f"paragraphe {i + 1}", p.text) for i, p in enumerate(draft.paragraphs())]
    found: list[Unsupported] = []
    for where, text in texts:
        for problem in check_unit(
            nlp(text), support, where=where, min_words=0, max_words=10_000, check_language=False
        ):
            # A long quotation opens in one paragraph and closes in another, as in the
            # source: balance is checked unit by unit, the words here.
            if problem.kind in ("number", "entity", "quote") and problem.text != (
                "guillemets non fermés"
            ):
                found.append(problem)
    return found


def copied_share(draft: Draft, source: Article, skip: set[str] | None = None) -> float:
    """Share of output sentences that are a source sentence word for word (`skip`: the
    quoted sentences, which must stay word for word, left out of the count)."""
    nlp = french()
    originals = {
        flat(s.text).rstrip(".")
        for b in source.blocks
        if b.is_text
        for s in sentence_spans(nlp(b.text))
    }
    kept = [flat(q) for q in skip or ()]
    # A frozen quotation may run over several sentences: each of them is left out.
    sentences = [s for s in draft.sentences() if not any(flat(s) in q for q in kept)]
    if not sentences:
        return 0.0
    copied = sum(1 for s in sentences if flat(s).rstrip(".") in originals)
    return 100.0 * copied / len(sentences)
