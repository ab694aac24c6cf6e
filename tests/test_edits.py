"""Idle edits: a near copy that only slips function words into the source's sentence is
refused by the reading gate; a real rewrite, a split and a cut are not."""

from __future__ import annotations

import pytest

from rewriter.analysis.nlp import french
from rewriter.verify.edits import idle_edit
from rewriter.verify.reading import ReadingGate


@pytest.mark.parametrize(
    ("source", "candidate", "slipped"),
    [
        # A determiner in disagreement, an adverb lost on the way.
        (
            "Il faut aussi limiter vélo et marche rapide aux heures les plus chaudes.",
            "Il faut limiter les vélo et marche rapide aux heures les plus chaudes.",
            "les",
        ),
        # A subject pronoun where the subject comes after its verb.
        (
            "C'est ce que veut rendre possible dès demain le nouveau réseau de bus.",
            "C'est ce qu'il veut rendre possible dès demain le nouveau réseau de bus.",
            "il",
        ),
        # « de ces » made « des », and the participle's agreement broken with it.
        (
            "La plupart de ces rumeurs ont été lancées par des comptes anonymes.",
            "La plupart des rumeurs ont été lancés par des comptes anonymes.",
            "des lancés",
        ),
        # A preposition changed inside a set phrase.
        (
            "Au début de la saison, les réservations ont chuté.",
            "En début de la saison, les réservations ont chuté.",
            "En",
        ),
        # A cut of a function word alone: a simultaneity made a means (article 10, the
        # default model: « …plus performants [tout] en réduisant leur consommation »).
        (
            "Le nouveau moteur rend la voiture plus rapide tout en réduisant sa consommation.",
            "Le nouveau moteur rend la voiture plus rapide en réduisant sa consommation.",
            "sans tout",
        ),
        # A comma alone: the purpose now bears on what comes right before it (article 10:
        # « …sans délaisser complètement Intel[,] afin de rassembler… »).
        (
            "La mairie va fermer la piscine, sans fermer le gymnase, afin de réduire ses frais.",
            "La mairie va fermer la piscine, sans fermer le gymnase afin de réduire ses frais.",
            "ponctuation",
        ),
    ],
)
def test_a_near_copy_that_only_slips_in_function_words_is_idle(
    source: str, candidate: str, slipped: str
) -> None:
    nlp = french()
    assert idle_edit(nlp(candidate), nlp(source)) == slipped
    problems = ReadingGate().refusals(candidate, source)
    assert [p.kind for p in problems] == ["idle"]


@pytest.mark.parametrize(
    ("source", "candidate"),
    [
        # A real rewrite: the content words move.
        (
            "Le conseil municipal a adopté lundi soir le budget de la commune.",
            "Lundi soir, le conseil municipal a adopté le budget de la commune.",
        ),
        # A split needs a word to open its second sentence.
        (
            "Le conseil a adopté le budget, qui prévoit une hausse de 3 % des dépenses.",
            "Le conseil a adopté le budget. Il prévoit une hausse de 3 % des dépenses.",
        ),
        (
            "Les élèves du lycée, des parents et des enseignants parcourent les rues et font "
            "entendre leurs slogans et leurs tambours à des rythmes joyeux.",
            "Les élèves du lycée, des parents et des enseignants parcourent les rues. Ils font "
            "entendre leurs slogans et leurs tambours à des rythmes joyeux.",
        ),
        # A cut inserts nothing; the elision it makes is the same word.
        (
            "Le petit hôpital a fermé ses portes lundi, a indiqué le maire.",
            "L'hôpital a fermé ses portes lundi, a indiqué le maire.",
        ),
        (
            "Le ministre de la Santé, Jean Dupont, a annoncé des mesures.",
            "Jean Dupont a annoncé des mesures.",
        ),
        # A name for a pronoun brings a content word.
        (
            "Il a annoncé des mesures lundi.",
            "Le ministre a annoncé des mesures lundi.",
        ),
    ],
)
def test_rewrites_splits_and_cuts_are_not_idle(source: str, candidate: str) -> None:
    nlp = french()
    assert idle_edit(nlp(candidate), nlp(source)) == ""
