"""Stage 5 — verify: the fidelity guard. A unit that fails it is never kept."""
