"""Faithful deterministic rewrites driven by the dependency parse (the guard's fallback).

Each transform moves or splits the source's own words — it cannot add a fact.
"""

from rewriter.transform.clauses import (
    parmi_dont,
    split_colon,
    split_coordination,
    split_fronted_participle,
    split_semicolons,
    split_shared_subject,
)
from rewriter.transform.detach import split_apposition, split_closing_adjunct
from rewriter.transform.relatives import (
    split_closing_relative,
    split_relative_tail,
    split_subject_relative,
)
from rewriter.transform.reparse import (
    split_contrast,
    split_meanwhile,
    split_reparsed_coordination,
    split_second_que,
)
from rewriter.transform.surface import split_detached_middle

# Tried in this order on a sentence that is too long; the first that applies wins, and its
# pieces are tried again while they are still too long.
SPLITTERS = (
    split_semicolons,
    split_coordination,
    split_reparsed_coordination,
    split_contrast,
    split_meanwhile,
    split_second_que,
    split_shared_subject,
    split_relative_tail,
    split_subject_relative,
    split_closing_relative,
    split_fronted_participle,
    parmi_dont,
    split_apposition,
    split_detached_middle,
    split_colon,
    split_closing_adjunct,
)
