"""A whole web page to an Article: trafilatura finds the article among menus and banners."""

from __future__ import annotations

from rewriter.document import Article
from rewriter.errors import InputError
from rewriter.read.markdown import parse_markdown


def parse_html(html: str, name: str = "") -> Article:
    import trafilatura  # lazy: only HTML input pays for lxml and trafilatura

    extracted = trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    if not extracted:
        raise InputError(
            f"Aucun article trouvé dans la page {name} : enregistrez le texte de l'article "
            "dans un fichier .txt ou .md."
        )
    article = parse_markdown(extracted, name)
    # The page's own <meta description> is the publisher's, not an SEO draft of ours:
    # keep the title, drop the rest so `check` judges the article, not the old page.
    return Article(blocks=article.blocks, source_name=name)
