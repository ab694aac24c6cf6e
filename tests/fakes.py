"""Scripted generators for the loop's unit tests (the real model runs in test_rewrite_e2e)."""

from __future__ import annotations

from collections.abc import Callable

from rewriter.generate.backend import Completion, Request, Usage


class ScriptedGenerator:
    """Answers each request with `answer(request)`; tokenizes by characters."""

    name = "scripted"
    style = "base"

    def __init__(self, answer: Callable[[Request], str]) -> None:
        self.answer = answer
        self.usage = Usage()
        self.requests: list[Request] = []

    def complete(self, request: Request) -> Completion:
        self.requests.append(request)
        text = self.answer(request)
        self.usage.calls += 1
        self.usage.generated_tokens += len(text.split())
        return Completion(text=text, tokens=len(text.split()), seconds=0.0)

    def tokenize(self, text: str) -> list[int]:
        return [ord(c) % 1000 for c in text]

    def vocab_size(self) -> int:
        return 1000

    def piece(self, token: int) -> str:
        return chr(token)


def source_of(request: Request) -> str:
    """The span a completion prompt asks about (its last « Label : … » line)."""
    lines = request.prompt.rstrip().split("\n")
    return lines[-2].split(" : ", 1)[1] if len(lines) >= 2 else ""
