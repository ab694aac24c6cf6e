from __future__ import annotations

from pathlib import Path

import pytest

from rewriter.errors import InputError
from rewriter.read import read_article
from rewriter.read.decode import decode

FRENCH = "Élévation du niveau de la mer : l’État prévoit 3 milliards d’euros.\n\nLe texte suit."


def test_markdown_front_matter_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        '---\ntitle: "Titre SEO"\ndescription: Une description.\nslug: titre-seo\n'
        "keyword: mer\n---\n# Le titre\n\nUn **paragraphe** avec [lien](x).\n\n"
        "## Une partie\n\nSuite du texte.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.title == "Le titre"
    assert article.seo_title == "Titre SEO"
    assert article.meta_description == "Une description."
    assert (article.slug, article.keyword) == ("titre-seo", "mer")
    assert [(b.kind, b.level, b.text) for b in article.blocks] == [
        ("heading", 1, "Le titre"),
        ("paragraph", 0, "Un paragraphe avec lien."),
        ("heading", 2, "Une partie"),
        ("paragraph", 0, "Suite du texte."),
    ]


def test_text_first_line_is_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Mon titre\n\nPremier\nparagraphe.\n\n\nSecond.", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Mon titre"
    assert article.paragraphs == ["Premier paragraphe.", "Second."]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_encodings_are_detected(encoding: str) -> None:
    assert decode(FRENCH.encode(encoding), "x") == FRENCH


def test_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError, match="binaire"):
        read_article(path)


@pytest.mark.parametrize("content", ["", "   \n\n  \t\n", "# Titre seul\n\n## Et un H2\n"])
def test_empty_inputs_are_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vide.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        read_article(path)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="introuvable"):
        read_article(tmp_path / "absent.txt")


def test_html_page_extracts_the_article(corpus: Path) -> None:
    article = read_article(corpus / "html" / "ledevoir.com.trottinettes.html")
    source = (corpus / "28_fin-trottinettes-libre-service-montreal.txt").read_text("utf-8")
    assert article.title == source.splitlines()[0].strip()
    text = " ".join(article.paragraphs)
    assert "365 000 déplacements" in text
    assert "cookie" not in text.lower()
    assert len(text.split()) > 250


def test_agency_intertitles_are_subheadings(tmp_path: Path) -> None:
    path = tmp_path / "depeche.txt"
    path.write_text(
        'Le titre\n\nPremier paragraphe du texte.\n\n- "Écologie alternative" -\n\n'
        "Deuxième paragraphe - avec un tiret - au milieu.\n\n- Un intertitre -\n\nFin.\n",
        encoding="utf-8",
    )
    blocks = [(b.kind, b.level, b.text) for b in read_article(path).blocks]
    assert ("heading", 2, '"Écologie alternative"') in blocks
    assert ("heading", 2, "Un intertitre") in blocks
    assert ("paragraph", 0, "Deuxième paragraphe - avec un tiret - au milieu.") in blocks


def test_a_dashed_line_without_its_closing_dash_is_a_subheading(tmp_path: Path) -> None:
    """« - Boire, oui mais pas trop » (article 23) was served as a verbless paragraph, and
    the model « rewrote » it. A list of dashed lines stays a list. Our text."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Canicule : les bons gestes\n\nLa chaleur revient cette semaine.\n\n"
        "- Boire souvent mais sans excès\n\nIl faut boire sans attendre d'avoir soif.\n\n"
        "- de l'eau\n\n- des fruits\n\nLe médecin le rappelle.\n",
        encoding="utf-8",
    )
    blocks = [(b.kind, b.text) for b in read_article(path).blocks]
    assert ("heading", "Boire souvent mais sans excès") in blocks
    assert ("paragraph", "- de l'eau") in blocks and ("paragraph", "- des fruits") in blocks


def test_a_bare_short_line_between_paragraphs_is_a_subheading(tmp_path: Path) -> None:
    """Article 05 carries « Réforme de l'assurance chômage » alone on its line, without
    the agency's dashes: it was served as a one-line paragraph."""
    path = tmp_path / "a.txt"
    path.write_text(
        "La piscine rouvre\n\nLes bassins rouvrent lundi après deux ans de travaux.\n\n"
        "Des tarifs en hausse\n\nL'entrée coûtera 4 euros.\n\n"
        # Article 22: ten words, a subheading all the same.
        "Un terrain propice pour la propagation de cette fausse information\n\n"
        "Le maire l'a dit.\n\n"
        # A timeline's intertitles open on their year (article 21).
        "1998 : premiers travaux\n\nLe chantier a duré six mois.\n\n"
        "Un dernier mot sans point\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert [(b.kind, b.text) for b in article.blocks if b.is_heading][1:] == [
        ("heading", "Des tarifs en hausse"),
        ("heading", "Un terrain propice pour la propagation de cette fausse information"),
        ("heading", "1998 : premiers travaux"),
    ]
    # A last short line with nothing under it stays a paragraph.
    assert article.blocks[-1].kind == "paragraph"
