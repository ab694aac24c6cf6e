"""Plain text: the first line is the title, blank lines separate paragraphs, and a short
line between dashes is a subheading (the agency convention: « - Écologie alternative - »),
and so is a short line with no closing punctuation between two paragraphs."""

from __future__ import annotations

import re

from rewriter.document import Article, Block

_INTERTITLE = re.compile(r"[-–—]\s*(.+?)\s*[-–—]")  # also « - "ça paraît irréel"- »
# Web copy pasted without line breaks glues an intertitle to its neighbours: « …de la
# saison. Plus de 1.500 emplois sauvésSur Franceinfo, le ministre… » (a lowercase letter or
# a digit, then at once a capital opening the next paragraph), or AFP's dashes inside the
# text: « …en 2019. - Les rivaux dans le viseur -Avant les déboires… ».
# The next paragraph may open on a quotation: « Un parcours sans faute"Je n'arrive pas… ».
_GLUE = re.compile(r"(?<=[a-zà-ÿ0-9])(?=[A-ZÀ-ÖØ-Ý][a-zà-ÿ]|[\"«“] ?[A-ZÀ-ÖØ-Ý])")
_AFP_GLUED = re.compile(
    r"(?:(?<=^)|(?<=[.!?…»\"”] ))[-–—] ?([^-–—.!?]{3,90}?) ?[-–—] ?(?=[A-ZÀ-ÖØ-Ý«\"])"
)
_DASHED = re.compile(r"[-–—]\s+(.+)")
_SENTENCE_END = re.compile(r"[.!?…»\"”]\s")


def parse_text(text: str, name: str = "") -> Article:
    lines = text.strip().split("\n")
    title = lines[0].strip() if lines else ""
    rest = "\n".join(lines[1:])
    blocks = [Block("heading", title, 1)] if title else []
    chunks = [re.sub(r"\s+", " ", c).strip() for c in re.split(r"\n\s*\n", rest)]
    for at, paragraph in enumerate(chunks):
        intertitle = _INTERTITLE.fullmatch(paragraph)
        dashed = _DASHED.fullmatch(paragraph)
        following = chunks[at + 1] if at + 1 < len(chunks) else ""
        if intertitle and len(intertitle[1].split()) <= 12:
            blocks.append(Block("heading", intertitle[1], 2))
        elif (
            dashed
            and _bare_subheading(dashed[1])
            and following
            and not _DASHED.fullmatch(following)
        ):
            # « - Boire, oui mais pas trop » (article 23): the agency's dashes with the
            # closing one left out — not one item of a list of dashed lines.
            blocks.append(Block("heading", dashed[1], 2))
        elif _bare_subheading(paragraph) and blocks and blocks[-1].kind == "paragraph":
            blocks.append(Block("heading", paragraph, 2))
        elif paragraph:
            blocks.extend(unglue(paragraph))
    if blocks and blocks[-1].kind == "heading" and blocks[-1].level == 2:
        blocks[-1] = Block("paragraph", blocks[-1].text)  # nothing under it: not a heading
    return Article(blocks=tuple(blocks), source_name=name)


def unglue(paragraph: str) -> list[Block]:
    """A paragraph with intertitles glued into it, cut into paragraphs and headings."""
    out: list[Block] = []
    rest = paragraph
    while rest:
        cut = _glued_heading(rest)
        if cut is None:
            out.append(Block("paragraph", rest))
            break
        start, heading, resume = cut
        before = rest[:start].strip()
        if before:
            out.append(Block("paragraph", before))
        out.append(Block("heading", heading, 2))
        rest = rest[resume:].strip()
    return out


def _glued_heading(text: str) -> tuple[int, str, int] | None:
    """(start, heading, where the next paragraph starts) of the first glued
    intertitle of `text`, or None."""
    afp = _AFP_GLUED.search(text)
    if afp and afp.start() > 0 and 2 <= len(afp[1].split()) <= 12:
        return afp.start(), afp[1].strip(), afp.end()
    for glue in _GLUE.finditer(text):
        at = glue.start()
        word_start = max(text.rfind(" ", 0, at), 0)
        word_end = text.find(" ", at)
        glued = text[word_start : word_end if word_end > 0 else len(text)].strip(" ,;:.")
        if text[at] not in '"«“' and _known_word(glued):
            continue  # « YouTube », « LinkedIn »: one word, not two
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
        start = ends[-1] if ends else 0
        heading = text[start:at].strip()
        words = heading.split()
        quotes_open = heading.count('"') % 2 or heading.count("«") != heading.count("»")
        if start > 0 and 2 <= len(words) <= 12 and heading[:1].isupper() and not quotes_open:
            return start, heading, at
    return None


def _known_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "fr") > 0 or zipf_frequency(word.lower(), "en") > 0


def _bare_subheading(line: str) -> bool:
    """« Réforme de l'assurance chômage » alone on its line between two paragraphs: a
    subheading without the agency's dashes — short, capitalised or opening on a figure
    (a timeline's « 1971 : premier satellite », article 21), no closing punctuation."""
    words = line.split()
    return (
        2 <= len(words) <= 12  # article 22: « Un terrain propice pour la propagation de… »
        and (line[:1].isupper() or line[:1].isdigit())
        and line[-1:] not in '.!?:;,…»"”)'
        and not re.search(r"[.!?;]\s", line)
    )
