"""Readability of the prose: passive voice, transitions, sentence beginnings, Flesch (FR)."""

from __future__ import annotations

from rewriter.analysis import syllables, transitions
from rewriter.analysis.article import AnalysedArticle, Sentence
from rewriter.analysis.findings import Finding, Where
from rewriter.analysis.words import ETRE_VERBS, normalise
from rewriter.settings import Settings

# Dependency labels of the French UD scheme that only a passive clause produces.
PASSIVE_DEPS = frozenset({"aux:pass", "nsubj:pass", "expl:pass"})
# Words that do not make a sentence beginning on their own (Yoast's French rule):
# « Le ministre… / Le président… » are different beginnings.
FIRST_WORD_EXCEPTIONS = frozenset(
    "le la les l un une deux trois quatre cinq six sept huit neuf dix celui celle ceux "
    "celles celui-ci celle-ci celui-là celle-là".split()
)


def is_passive(sentence: Sentence) -> bool:
    for token in sentence.span:
        if token.dep_ == "obl:agent":
            return True
        if token.dep_ in PASSIVE_DEPS and token.head.lemma_.lower() not in ETRE_VERBS:
            return True
    return False


def passive_voice(a: AnalysedArticle, s: Settings) -> Finding:
    sentences = a.sentences
    passive = [x for x in sentences if is_passive(x)]
    share = 100.0 * len(passive) / len(sentences) if sentences else 0.0
    passed = share <= s.max_passive_share
    return Finding(
        id="passive_voice",
        label="Voix passive",
        value=round(share, 1),
        target=f"≤ {s.max_passive_share:g} % des phrases",
        passed=passed,
        gap=max(0.0, share - s.max_passive_share) / 100,
        where=tuple(Where("sentence", x.block, x.text) for x in passive),
        advice=f"{share:.1f} % des phrases sont au passif : tournez-en à l'actif "
        "(« X a décidé » plutôt que « il a été décidé par X »)."
        if not passed
        else "Peu de passif.",
    )


def transition_words(a: AnalysedArticle, s: Settings) -> Finding:
    sentences = a.sentences
    with_transition = [x for x in sentences if transitions.find(x.text)]
    share = 100.0 * len(with_transition) / len(sentences) if sentences else 0.0
    passed = share >= s.min_transition_share
    return Finding(
        id="transition_words",
        label="Mots de transition",
        value=round(share, 1),
        target=f"≥ {s.min_transition_share:g} % des phrases",
        passed=passed,
        gap=max(0.0, s.min_transition_share - share) / 100,
        advice=f"{share:.1f} % des phrases contiennent un mot de transition "
        "(ainsi, cependant, en effet…) : liez davantage les idées."
        if not passed
        else "Les idées sont bien reliées.",
    )


def beginning(sentence: str) -> str:
    words = [normalise(w) for w in sentence.replace("’", "' ").split()]
    words = [w for w in words if w]
    if not words:
        return ""
    if words[0] in FIRST_WORD_EXCEPTIONS and len(words) > 1:
        return f"{words[0]} {words[1]}"
    return words[0]


def sentence_beginnings(a: AnalysedArticle, s: Settings) -> Finding:
    sentences = a.sentences
    worst_len, worst_at, run_len = 0, -1, 0
    previous = None
    for index, sentence in enumerate(sentences):
        first = beginning(sentence.text)
        run_len = run_len + 1 if first and first == previous else 1
        previous = first
        if run_len > worst_len:
            worst_len, worst_at = run_len, index
    passed = worst_len <= s.max_same_beginnings
    where: tuple[Where, ...] = ()
    if not passed:
        run = sentences[worst_at - worst_len + 1 : worst_at + 1]
        where = tuple(Where("sentence", x.block, x.text) for x in run)
    return Finding(
        id="sentence_beginnings",
        label="Débuts de phrases",
        value=worst_len,
        target=f"< {s.max_same_beginnings + 1} phrases de suite",
        passed=passed,
        gap=float(max(0, worst_len - s.max_same_beginnings)),
        where=where,
        advice=f"{worst_len} phrases de suite commencent par « "
        f"{beginning(sentences[worst_at].text)} » : variez les débuts."
        if not passed
        else "Débuts de phrases variés.",
    )


def flesch_fr(a: AnalysedArticle, s: Settings) -> Finding:
    """Kandel & Moles: 207 − 1.015 × words/sentences − 73.6 × syllables/words."""
    sentences = a.sentences
    words = sum(x.words for x in sentences)
    if not sentences or not words:
        score = 0.0
    else:
        syl = sum(syllables.count_text(x.text) for x in sentences)
        score = 207 - 1.015 * words / len(sentences) - 73.6 * syl / words
    passed = score >= s.min_flesch
    return Finding(
        id="flesch_fr",
        label="Lisibilité (Flesch, Kandel & Moles)",
        value=round(score, 1),
        target=f"≥ {s.min_flesch:g}",
        passed=passed,
        soft=True,
        gap=max(0.0, s.min_flesch - score) / 100,
        advice="Texte difficile : phrases plus courtes, mots plus simples."
        if not passed
        else "Texte facile à lire.",
    )
