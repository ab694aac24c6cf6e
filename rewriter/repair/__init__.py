"""Stage 6 — repair: each failing finding maps to one targeted fix of the draft."""
