"""Each check on hand-made French text."""

from __future__ import annotations

import pytest

from rewriter.analysis.checks import keyword as kwc
from rewriter.analysis.checks import language, length, meta, structure, style
from rewriter.analysis.engine import analyse
from rewriter.analysis.syllables import count_word
from rewriter.read.markdown import parse_markdown
from rewriter.settings import Settings
from tests.conftest import analysed

S = Settings()


def para(n_words: int, word: str = "texte") -> str:
    return " ".join([word] * n_words) + "."


# --- passive voice -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "passive"),
    [
        ("La loi a été adoptée par l'Assemblée nationale.", True),
        ("Les résultats seront publiés jeudi par l'Insee.", True),
        ("Le suspect a été arrêté mardi.", True),
        ("L'Assemblée nationale a adopté la loi.", False),
        ("Le ministre est arrivé à Paris mardi.", False),  # être + participle, but active
        ("Elle est heureuse de ce résultat.", False),
    ],
)
def test_passive_voice_uses_the_parse(sentence: str, passive: bool) -> None:
    a = analysed(f"# Titre\n\n{sentence}")
    assert style.passive_voice(a, S).value == (100.0 if passive else 0.0)


def test_passive_share_threshold() -> None:
    text = "La loi a été adoptée par les députés. " + "Les députés votent le texte. " * 9
    a = analysed(f"# Titre\n\n{text}")
    finding = style.passive_voice(a, S)
    assert finding.value == 10.0 and finding.passed
    a = analysed(f"# Titre\n\nLa loi a été adoptée par les députés. {'Les députés votent. ' * 4}")
    assert not style.passive_voice(a, S).passed


# --- transitions -------------------------------------------------------------------


def test_transition_words_single_and_multi() -> None:
    text = (
        "Le prix augmente. Cependant, la demande reste forte. Les stocks baissent. "
        "Par conséquent, les délais s'allongent. Les clients attendent. "
        "C'est pourquoi l’usine recrute. Les salariés arrivent."
    )
    a = analysed(f"# Titre\n\n{text}")
    finding = style.transition_words(a, S)
    assert finding.value == round(300 / 7, 1)
    assert finding.passed


def test_transition_words_need_whole_words() -> None:
    # « ainsi » inside « ainsitude » or « or » inside « ordre » must not count.
    a = analysed("# Titre\n\nL'ordre du jour est fixé. Le dorénavant célèbre maire parle.")
    assert style.transition_words(a, S).value == 50.0  # « dorénavant » counts, « ordre » not


# --- sentence beginnings -----------------------------------------------------------


def test_three_sentences_with_the_same_first_word_fail() -> None:
    a = analysed("# Titre\n\nIl pleut. Il vente. Il neige. Puis le soleil revient.")
    finding = style.sentence_beginnings(a, S)
    assert finding.value == 3 and not finding.passed
    assert len(finding.where) == 3


def test_articles_are_followed_by_the_next_word() -> None:
    a = analysed("# Titre\n\nLe ministre parle. Le maire répond. Le préfet écoute. Fin.")
    assert style.sentence_beginnings(a, S).passed
    a = analysed("# Titre\n\nLe maire parle. Le maire répond. Le maire écoute. Fin.")
    assert not style.sentence_beginnings(a, S).passed


# --- keyword matching: lemmas and elisions -----------------------------------------


def test_elision_matches_the_bare_word() -> None:
    a = analysed("# L’orage frappe la ville\n\nL’orage a frappé la ville hier soir.", "orage")
    assert kwc.keyword_in_title(a, S).passed
    assert kwc.keyword_in_intro(a, S).passed


def test_typographic_and_straight_apostrophes_match() -> None:
    a = analysed(
        "# Titre\n\nL'intelligence artificielle progresse. "
        "D’autres parlent d’intelligence artificielle.",
        "l’intelligence artificielle",
    )
    assert a.keyword.words and len(a.keyword.words) == 2
    total = sum(kwc.kw.count_in(a.keyword, s.span) for s in a.sentences)
    assert total == 2


def test_inflected_forms_match_on_lemma() -> None:
    a = analysed(
        "# Titre\n\nLes élections municipales ont eu lieu. Une élection municipale se prépare.",
        "élection municipale",
    )
    assert sum(kwc.kw.count_in(a.keyword, s.span) for s in a.sentences) == 2


def test_keyword_words_must_share_one_sentence_in_intro() -> None:
    a = analysed("# Titre\n\nLa ville change. Le climat aussi.\n\nAutre.", "climat ville")
    assert not kwc.keyword_in_intro(a, S).passed
    a = analysed("# Titre\n\nLe climat de la ville change.\n\nAutre.", "climat ville")
    assert kwc.keyword_in_intro(a, S).passed


def test_keyword_in_title_must_be_at_the_start() -> None:
    md = "---\ntitle: {}\n---\n# H1\n\nTexte."
    a = analysed(md.format("Le glyphosate interdit en Suisse"), "glyphosate")
    assert kwc.keyword_in_title(a, S).passed  # a leading article is allowed
    a = analysed(md.format("La Suisse interdit le glyphosate"), "glyphosate")
    finding = kwc.keyword_in_title(a, S)
    assert not finding.passed and finding.value == "ailleurs"


def test_keyword_density_is_yoasts_formula() -> None:
    # 1 match in 100 words, keyword of 1 content word: 1/100*100*(0.7+1/3) = 1.03
    text = "Le budget augmente. " + " ".join(["mot"] * 97)
    a = analysed(f"# Titre\n\n{text}", "budget")
    assert a.body_words == 100
    assert kwc.keyword_density(a, S).value == pytest.approx(1.03, abs=0.01)


def test_keyword_in_subheadings_share() -> None:
    md = (
        "# T\n\n## Le budget de la ville\n\nA.\n\n## Les écoles\n\nB.\n\n"
        "## Un budget serré\n\nC.\n\n## Les routes\n\nD."
    )
    a = analysed(md, "budget")
    finding = kwc.keyword_in_subheadings(a, S)
    assert finding.value == 50.0 and finding.passed
    a = analysed("# T\n\nPas d'intertitre.", "budget")
    assert not kwc.keyword_in_subheadings(a, S).passed


def test_keyword_in_meta_and_slug() -> None:
    md = (
        "---\ndescription: La réforme des retraites expliquée.\nslug: reforme-retraites-2025\n"
        "---\n# T\n\nTexte."
    )
    a = analysed(md, "réforme des retraites")
    assert kwc.keyword_in_meta(a, S).value == 1
    assert kwc.keyword_in_slug(a, S).passed  # accents folded, « des » is a function word
    a = analysed(md.replace("reforme-retraites", "pension"), "réforme des retraites")
    assert kwc.keyword_in_slug(a, S).value == "0/2"


# --- structure ---------------------------------------------------------------------


def test_h1_single() -> None:
    assert structure.h1_single(analysed("# A\n\nTexte."), S).passed
    finding = structure.h1_single(analysed("# A\n\nTexte.\n\n# B\n\nSuite."), S)
    assert finding.value == 2 and not finding.passed
    assert not structure.h1_single(analysed("## A\n\nTexte."), S).passed


@pytest.mark.parametrize(
    ("md", "problems"),
    [
        ("# T\n\nIntro.\n\n## A\n\nX.\n\n### A1\n\nY.\n\n## B\n\nZ.", 0),
        ("# T\n\nIntro.\n\n### A1\n\nY.", 1),  # H3 without an H2
        ("# T\n\nIntro.\n\n## A\n\n## B\n\nZ.", 1),  # empty section A
        ("# T\n\nIntro.\n\n## A\n\nX.\n\n## A\n\nZ.", 1),  # duplicate
        ("# T\n\nIntro.\n\n## A\n\n#### A1\n\nY.", 1),  # H4 after H2
    ],
)
def test_heading_hierarchy(md: str, problems: int) -> None:
    finding = structure.heading_hierarchy(analysed(md), S)
    assert finding.value == problems
    assert finding.passed == (problems == 0)


# --- lengths -----------------------------------------------------------------------


def test_words_and_sections() -> None:
    md = f"# T\n\n{para(200)}\n\n## Partie\n\n{para(150)}\n\n{para(160)}"
    a = analysed(md)
    assert length.words(a, S).value == 200 + 1 + 310
    finding = length.section_length(a, S)
    assert finding.value == 310 and not finding.passed
    assert finding.where[0].excerpt == "Partie"


def test_paragraph_length() -> None:
    a = analysed(f"# T\n\n{para(151)}\n\n{para(20)}")
    finding = length.paragraph_length(a, S)
    assert finding.value == 151 and not finding.passed


def test_sentence_length_share() -> None:
    long = " ".join(["mot"] * 21) + "."
    short = "Une phrase courte."
    a = analysed(f"# T\n\n{long} {short} {short} {short}")
    finding = length.sentence_length(a, S)
    assert finding.value == 25.0 and finding.passed
    a = analysed(f"# T\n\n{long} {long} {short} {short}")
    assert not length.sentence_length(a, S).passed


def test_title_and_meta_lengths() -> None:
    a = analysed("---\ntitle: " + "x" * 61 + "\ndescription: " + "y" * 119 + "\n---\n# T\n\nA.")
    assert not meta.title_length(a, S).passed and meta.title_length(a, S).value == 61
    assert not meta.meta_length(a, S).passed
    a = analysed("---\ntitle: " + "x" * 60 + "\ndescription: " + "y" * 156 + "\n---\n# T\n\nA.")
    assert meta.title_length(a, S).passed and meta.meta_length(a, S).passed


# --- language and readability ------------------------------------------------------


def test_language_refuses_english() -> None:
    en = "The council voted on Monday to keep the library open until ten in the evening."
    assert not language.language(analysed(f"# T\n\n{en}"), S).passed
    fr = "Le conseil a voté lundi pour garder la bibliothèque ouverte jusqu'à vingt-deux heures."
    assert language.language(analysed(f"# T\n\n{fr}"), S).passed


def test_flesch_follows_kandel_and_moles() -> None:
    a = analysed("# T\n\nLe chat dort. Le chien mange.")
    # 6 words, 2 sentences, 6 syllables: 207 - 1.015*3 - 73.6*1 = 130.4
    assert style.flesch_fr(a, S).value == pytest.approx(130.4, abs=0.1)
    assert style.flesch_fr(a, S).soft


@pytest.mark.parametrize(
    ("word", "n"),
    [
        ("chat", 1),
        ("table", 1),
        ("tables", 1),
        ("parlent", 1),
        ("journée", 2),
        ("ordinateur", 4),
        ("avenue", 3),
        ("poésie", 3),
    ],
)
def test_french_syllables(word: str, n: int) -> None:
    assert count_word(word) == n


# --- keyword picking and settings --------------------------------------------------


def test_keyword_is_picked_and_explained() -> None:
    md = (
        "# La médiathèque ouvre le soir\n\nLa médiathèque de la ville ouvrira jusqu'à 22 heures. "
        "Les habitants attendaient cette mesure.\n\nLa médiathèque recrute deux agents. "
        "Le budget de la médiathèque augmente."
    )
    report = analyse(parse_markdown(md))
    assert report.keyword == "médiathèque"
    assert "titre" in report.keyword_reason


def test_settings_override_and_reject_unknown_keys() -> None:
    from rewriter.errors import ConfigError

    assert Settings().with_overrides({"min_words": 300}).min_words == 300
    with pytest.raises(ConfigError, match="min_word"):
        Settings().with_overrides({"min_word": 300})
    assert "Yoast" in Settings.source("max_sentence_words")


def test_hyphenated_words_stay_whole_and_do_not_break_sentences() -> None:
    a = analysed(
        "# T\n\nLes vélos en libre-service sans ancrage ont fait 365 000 trajets. "
        "Le bilan du projet-pilote est bon. Pourrait-il durer ?"
    )
    assert [s.text for s in a.sentences] == [
        "Les vélos en libre-service sans ancrage ont fait 365 000 trajets.",
        "Le bilan du projet-pilote est bon.",
        "Pourrait-il durer ?",
    ]
    texts = [t.text for t in a.docs[1]]
    assert "libre-service" in texts and "-il" in texts


def test_quotation_fragments_join_their_sentence() -> None:
    a = analysed("# T\n\nIl a dit : « Notre règlement n’a pas été respecté. » Puis il est parti.")
    assert len(a.sentences) == 2


def test_a_closing_quotation_mark_stays_with_its_sentence() -> None:
    """Article 22: « …par les autres sources fiables." En effet, … » — the parser opened
    the next sentence on the closing mark, and the rewrite printed it on its own line."""
    from rewriter.analysis.nlp import french
    from rewriter.analysis.sentences import sentence_spans

    text = (
        '"Cette information a été acceptée si facilement par les autres sources fiables." '
        "En effet, avant la pandémie, l'ibuprofène était déjà considéré comme dangereux."
    )
    spans = [s.text for s in sentence_spans(french()(text))]
    assert spans[0].endswith('fiables."')
    assert spans[1].startswith("En effet")


def test_an_opening_guillemet_the_parser_gave_back_is_not_lost() -> None:
    """A fresh article: spaCy ends « …d'environ 5 %. « » on the opening mark and starts
    the next sentence after it; the mark, handed back by the first, belonged to neither
    and the output read « Ce qui protège… », résume… » — a quotation without its «."""
    from rewriter.analysis.nlp import french
    from rewriter.analysis.sentences import sentence_spans

    text = (
        "Les participants qui marchaient lentement ne tiraient qu'un bénéfice limité, "
        "d'environ 5 %. « Ce qui protège, c'est l'effort qui accélère le cœur », résume "
        "la cardiologue."
    )
    spans = [s.text for s in sentence_spans(french()(text))]
    assert spans[0].endswith("5 %.")
    assert spans[1].startswith("« Ce qui protège")
    assert "".join(spans).replace(" ", "") == text.replace(" ", "")


def test_a_closing_mark_goes_with_a_quotation_opened_sentences_before() -> None:
    """« « Depuis…, dit-elle. Ces rues me manquent. » S'il… »: the quotation opened two
    sentences back; its closing mark ended up opening the next sentence, and the plan cut a
    section between the quote and its ». Our text."""
    a = analysed(
        "# T\n\nElle écrit. « Depuis longtemps, je pense à ce quartier, écrit-elle. Ces rues "
        "me manquent parfois. » S'il arrive à l'architecte d'y penser, il reste lucide."
    )
    texts = [s.text for s in a.sentences]
    assert texts[2] == "Ces rues me manquent parfois. »"
    assert texts[3].startswith("S'il arrive")


def test_who_said_a_quotation_goes_with_it_after_the_quotations_own_full_stop() -> None:
    """Article 09: « …Il n'est pas cancérogène. », écrit l'agence. » was cut after the
    closing mark, and the output printed « » Écrit l'agence. », a fragment. Our text."""
    a = analysed(
        "# T\n\nLe débat continue. « Le produit ne présente aucun risque. Il n'est pas "
        "toxique. », écrit l'agence. Les opposants contestent."
    )
    texts = [s.text for s in a.sentences]
    assert "Il n'est pas toxique. », écrit l'agence." in texts
    assert texts[-1] == "Les opposants contestent."


def test_a_straight_quote_opening_the_next_sentence_goes_with_it() -> None:
    """« …"une épouvante". "Vous…" »: the second quote opens the next sentence (the
    output read « " Vous » once the first sentence had taken it)."""
    a = analysed('# T\n\nIl y voit "une épouvante". "Vous censurez le débat", a-t-elle dit.')
    assert [s.text for s in a.sentences] == [
        'Il y voit "une épouvante".',
        '"Vous censurez le débat", a-t-elle dit.',
    ]


def test_a_name_the_headline_lists_with_another_is_not_the_keyword() -> None:
    """« Cannes s'offre Wes Anderson et François Ozon… » gave « François Ozon », three
    mentions, over what the story is about. Our article."""
    md = (
        "# Lyon accueille Marie Dupont et Paul Martin pour son festival\n\n"
        "Le festival de Lyon a dévoilé mercredi sa programmation, avec Marie Dupont et Paul "
        "Martin. Le festival durera dix jours.\n\n"
        "Paul Martin présentera son film. Le festival attend 20 000 visiteurs.\n\n"
        "Marie Dupont jouera en plein air. Le festival se tiendra en juillet."
    )
    report = analyse(parse_markdown(md))
    assert report.keyword not in ("Marie Dupont", "Paul Martin")


def test_the_keyword_is_who_the_headline_is_about() -> None:
    """« Brest s'impose à Metz »: the winner's story, though the loser is named more often
    (a fresh article got the keyword « Metz »). Our text."""
    text = (
        "# Football : Lorient s'impose à Nantes dans un derby fou\n\n"
        "Les joueurs de Lorient ont battu Nantes 3 à 2, samedi, au stade de la Beaujoire. "
        "Nantes menait pourtant à la pause.\n\n"
        "Nantes reste dernier du classement. Les supporters de Nantes ont sifflé leur équipe. "
        "Lorient remonte à la huitième place."
    )
    assert analyse(parse_markdown(text)).keyword == "Lorient"


def test_a_name_that_opens_the_headline_before_its_verb_is_its_subject() -> None:
    """Article 13, « Cannes s'offre Wes Anderson et François Ozon dans une sélection sans
    festival »: the parser left « Cannes » a root of its own, the headline had no subject,
    and the keyword became « festival ». Our headline."""
    from rewriter.analysis.keyword import headline_subject
    from rewriter.analysis.nlp import french

    doc = french()("Avignon s'offre Wes Anderson et François Ozon dans une sélection sans théâtre")
    assert "Avignon" in [t.text for t in headline_subject(doc)]


def test_a_headline_capital_does_not_split_a_phrases_count() -> None:
    """« Vendanges précoces en Alsace : … » (a fresh article): the tagger read the
    headline's capitalised « Vendanges » with another lemma than the body's « les
    vendanges », and counted them as two phrases, the headline's not in the body and the
    body's not in the headline. One phrase, counted once with all its mentions. Our text."""
    from rewriter.analysis.keyword import candidates
    from rewriter.analysis.nlp import french

    nlp = french()
    title = nlp("Vendanges précoces en Bourgogne : les viticulteurs face à la chaleur")
    body = [
        nlp("Les vendanges ont commencé dès le 21 août dans plusieurs communes de Bourgogne."),
        nlp("Les chercheurs estiment que la date des vendanges a avancé de deux semaines."),
    ]
    found = {c.text.lower(): c for c in candidates(title, body)}
    assert "vendanges" in found
    assert found["vendanges"].count == 3 and found["vendanges"].in_title


def test_a_noun_with_its_bare_complement_is_one_keyword_when_said_often() -> None:
    """Article 12, « Haine en ligne : le Parlement valide… »: the keyword was « haine »,
    which no one searching for this story types; « haine en ligne » is said four times.
    A compound said twice (« campagne de vaccination ») does not outrank the topic. Our
    text."""
    text = (
        "# Harcèlement en ligne : le Sénat adopte un texte\n\n"
        "Le Sénat a adopté mardi un texte contre le harcèlement en ligne. Le harcèlement "
        "touche un élève sur dix, selon le ministère.\n\n"
        "Le harcèlement en ligne a doublé depuis 2019. Les plateformes devront retirer les "
        "messages de harcèlement en ligne sous 24 heures.\n\n"
        "Une campagne de vaccination contre la grippe n'a rien à voir. Une campagne de "
        "vaccination reste une autre affaire."
    )
    assert analyse(parse_markdown(text)).keyword == "harcèlement en ligne"
    from rewriter.analysis.keyword import candidates
    from rewriter.analysis.nlp import french

    nlp = french()
    found = {c.text.lower() for c in candidates(nlp("Vaccins"), [nlp(text.split("\n\n")[3])])}
    assert "campagne de vaccination" not in found
