"""What a rewrite made of its source sentence's form, beyond its words: where each
negation and focus adverb bears, whether a question stays one, asides set off, what a
noun is said to be."""

from __future__ import annotations

from typing import Any

from rewriter.verify.focus import moved_focus
from rewriter.verify.negations import moved_negations


def form_changes(doc: Any, keep: Any, add: Any) -> None:
    """What the rewrite made of its source's form. A question stays one question; a noun
    becomes what something *is* only where the source says so (seed article: « Si la vidéo
    provient d'un pays et est distribuée dans un autre, quelle loi… ? » came back as « Si la
    vidéo provient d'un pays, elle est une vidéo. Elle est distribuée… »)."""
    for moved in moved_negations(doc, keep):
        add(moved, "negation")  # « Personne n'a pas démontré… qu'il ne l'est » (article 09)
    for moved in moved_focus(doc, keep):
        add(moved, "claim")  # « complète presque chaque jeudi » → « presque été complète… »
    if keep.text.strip().endswith("?"):
        ends = [s.text.strip()[-1:] for s in doc.sents if s.text.strip()]
        if ends.count("?") != 1 or any(e in ".!" for e in ends):
            add("la question n'en est plus une", "format")
    for mark in ("–", "—", " - ", "(", ")"):  # an aside stays set off (« – sinon… – », 04)
        if doc.text.count(mark) < keep.text.count(mark):
            add(f"« {mark.strip()} » d'une incise", "format")
    predicated = {
        t.lemma_.lower()
        for t in keep
        if any(c.dep_ == "cop" for c in t.children) or t.dep_ in ("appos", "acl", "xcomp")
    }
    for t in doc:
        attribute = t.pos_ == "NOUN" and any(c.dep_ == "cop" for c in t.children)
        if attribute and t.lemma_.lower() not in predicated:
            add(f"être {t.text}", "word")


__all__ = ["form_changes"]
