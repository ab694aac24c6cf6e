"""Stage 4 — generate: a small text-generation interface and its llama.cpp backend."""
