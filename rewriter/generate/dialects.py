"""What each OpenAI-compatible server family calls things; how to read its answers.

Request shapes differ in field names (`repeat_penalty` vs `repetition_penalty`, the
tokenize bodies, `add_special_tokens`); `Capabilities` is what the probe of
`server.ServerGenerator` found. Kept apart from the HTTP client so that the shapes, tested
against each server's documented responses, read in one place.

- llama-cpp-python (`python -m llama_cpp.server`): tokenizer `POST /extras/tokenize` (BOS
  prepended, stripped here), `logit_bias` honoured, no fluency scoring (its echo logprobs
  sort the whole vocabulary in Python for every token);
- llama.cpp's `llama-server`: `POST /tokenize` `{content, add_special}`, `logit_bias`
  honoured, no scoring;
- vLLM: `POST /tokenize` `{model, prompt, add_special_tokens}`, `logit_bias` clamped to
  ±100, scoring by `echo` + `logprobs` (prompt logprobs);
- Ollama and others: no tokenizer, `logit_bias` ignored, no scoring.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from typing import Any

from rewriter.generate.backend import PromptStyle, Request

# The in-process sampler's defaults (llama-cpp-python's `create_completion`), sent
# explicitly: vLLM's own defaults differ (no top-k, no min-p), and a server's defaults
# are its operator's choice.
SAMPLING = {"top_k": 40, "min_p": 0.05}
REPEAT = 1.0  # no repetition penalty, as in process


@dataclass(frozen=True)
class Dialect:
    """What one server family calls things (request shapes differ in field names)."""

    name: str
    tokenize_path: str | None
    detokenize_path: str | None
    repeat_key: str  # "repeat_penalty" (llama.cpp family) or "repetition_penalty" (vLLM)
    scores: bool  # prompt logprobs through `echo` + `logprobs`, cheaply

    def tokenize_body(self, model: str, text: str) -> dict[str, Any]:
        if self.name == "llama-server":
            return {"content": text, "add_special": False}
        if self.name == "vllm":
            return {"model": model, "prompt": text, "add_special_tokens": False}
        return {"model": model, "input": text}  # llama-cpp-python: BOS prepended, stripped

    def detokenize_body(self, model: str, tokens: list[int]) -> dict[str, Any]:
        if self.name == "vllm":
            return {"model": model, "tokens": tokens}
        return {"tokens": tokens}

    @staticmethod
    def detokenized(data: dict[str, Any]) -> str:
        for key in ("text", "content", "prompt"):
            if isinstance(data.get(key), str):
                return str(data[key])
        return ""

    def sampling(self, request: Request) -> dict[str, Any]:
        body: dict[str, Any] = {
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "top_p": request.top_p,
            "seed": request.seed,
            "stop": list(request.stop),
        }
        if self.name != "openai":  # Ollama's OpenAI endpoint ignores them anyway
            body.update(SAMPLING)
            body[self.repeat_key] = REPEAT
        return body


DIALECTS = {
    "llama-cpp-python": Dialect(
        "llama-cpp-python", "/extras/tokenize", "/extras/detokenize", "repeat_penalty", False
    ),
    "llama-server": Dialect("llama-server", "/tokenize", "/detokenize", "repeat_penalty", False),
    "vllm": Dialect("vllm", "/tokenize", "/detokenize", "repetition_penalty", True),
    "openai": Dialect("openai", None, None, "repeat_penalty", False),
}
# `GET /v1/models` names its owner: how each family says it.
OWNERS = {"me": "llama-cpp-python", "llamacpp": "llama-server", "vllm": "vllm"}


@dataclass
class Capabilities:
    """What the probe found, once per run."""

    dialect: str
    model: str
    models: list[str]
    style: PromptStyle
    tokenizer: bool
    bos_prefix: list[int] = field(default_factory=list)
    logit_bias: bool = False
    scoring: bool = False
    seconds: float = 0.0  # one short completion, for `doctor`
    notes: list[str] = field(default_factory=list)  # French, for the run report


class ContextOverflow(Exception):
    """The prompt does not fit the server's context: never retried."""


def is_overflow(status: int, message: str) -> bool:
    text = message.lower()
    return (
        status in (400, 413, 422)
        and "context" in text
        and any(word in text for word in ("length", "exceed", "window", "size", "too long"))
    )


def message_of(response: Any) -> str:
    try:
        data = response.json()
    except ValueError:
        return str(response.text)[:300]
    if isinstance(data, dict):
        error = data.get("error", data.get("detail", data))
        if isinstance(error, dict):
            return str(error.get("message") or error)
        return str(error)
    return str(data)


def text_of(data: dict[str, Any], *, chat: bool) -> str:
    choices = data.get("choices") or [{}]
    first = choices[0] if isinstance(choices[0], dict) else {}
    if chat:
        return str((first.get("message") or {}).get("content") or "")
    return str(first.get("text") or "")


INSTRUCT_HINTS = ("instruct", "chat", "-it", "_it", "-sft", "assistant")


def echo_body(model: str, text: str) -> dict[str, Any]:
    """A completion that echoes `text` with each prompt token's log-probability (vLLM)."""
    return {"model": model, "prompt": text, "max_tokens": 1, "temperature": 0.0,
            "echo": True, "logprobs": 0}  # fmt: skip


def prompt_pieces(data: dict[str, Any]) -> list[tuple[str, float]] | None:
    """Each prompt token's piece (vLLM's `tokens`, "" if absent) and log-probability, from
    an `echo_body` answer; None when the server gives none."""
    choices = data.get("choices") or [{}]
    logprobs = choices[0].get("logprobs") or {}
    values = logprobs.get("token_logprobs")
    if not isinstance(values, list):
        return None
    pieces = logprobs.get("tokens")
    if not isinstance(pieces, list) or len(pieces) != len(values):
        pieces = [""] * len(values)
    pairs = [(str(p), float(v)) for p, v in zip(pieces, values, strict=True)
             if isinstance(v, int | float)]  # fmt: skip
    return pairs[:-1] if len(pairs) > 1 else None  # the last one is the generated token


def style_of(model: str, props: dict[str, Any] | None) -> PromptStyle:
    """Instruct if the server says it has a chat template (llama-server's `/props`), or
    the model's GGUF, when readable here, has one; else by the model's name."""
    if props is not None and "chat_template" in props:
        return "instruct" if props.get("chat_template") else "base"
    from pathlib import Path

    from rewriter.errors import RewriterError
    from rewriter.local_models import info, resolve

    try:
        path = Path(model) if Path(model).is_file() else resolve(model)
        return "instruct" if info(path).chat_template else "base"
    except (RewriterError, OSError, ValueError):
        pass
    name = Path(model).name.lower()
    return "instruct" if any(hint in name for hint in INSTRUCT_HINTS) else "base"


def root_cause(exc: BaseException) -> BaseException:
    """The DNS or TLS error under an httpx connection error, else the deepest cause."""
    seen = exc
    while seen.__cause__ is not None or seen.__context__ is not None:
        nxt = seen.__cause__ or seen.__context__
        assert nxt is not None
        if isinstance(seen, socket.gaierror | ssl.SSLError):
            return seen
        seen = nxt
    return seen
