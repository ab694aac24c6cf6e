"""The generator interface the pipeline talks to, and its llama.cpp implementation.

The pipeline only sees :class:`Generator`: `complete(request) -> Completion`. A second
backend (an OpenAI-compatible server, say) implements the same protocol; nothing else
changes. llama.cpp is imported lazily and the model loaded once per process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from rewriter.errors import ModelError
from rewriter.models import vet_gguf

log = logging.getLogger(__name__)

PromptStyle = Literal["base", "instruct"]

# A Ctrl-C can be lost: a KeyboardInterrupt raised while a finalizer runs (`__del__`,
# a garbage-collection callback) is printed and dropped ("Exception ignored in …"), and
# the run goes on to the end — seen once in a full `make test` (test_faults_process; the
# exact place was not caught). The CLI's SIGINT handler also sets this flag, and
# `complete` raises once llama.cpp has returned: the next model call ends the run.
INTERRUPTED = threading.Event()


def on_interrupt(signum: int, frame: Any) -> None:
    """SIGINT handler: remember the interrupt, then raise it as Python does."""
    INTERRUPTED.set()
    raise KeyboardInterrupt


@dataclass(frozen=True)
class Request:
    prompt: str  # a completion prompt (base models) ...
    messages: Sequence[dict[str, str]] = ()  # ... or chat messages (instruct models)
    max_tokens: int = 96
    temperature: float = 0.3
    top_p: float = 0.9
    seed: int = 0
    stop: Sequence[str] = ("\n",)
    # The decoding steer (`steering.Steering`: favoured token ids and a penalty), or None.
    bias: Any = None


@dataclass
class Completion:
    text: str
    tokens: int
    seconds: float


@dataclass
class Usage:
    calls: int = 0
    prompt_tokens: int = 0
    generated_tokens: int = 0
    seconds: float = 0.0
    timings: list[tuple[int, float]] = field(default_factory=list)  # (tokens, seconds) per call
    scored_tokens: int = 0  # read by the fluency gate (`nll`), not generated
    scoring_seconds: float = 0.0


class Generator(Protocol):
    name: str
    style: PromptStyle
    usage: Usage

    def complete(self, request: Request) -> Completion: ...

    def tokenize(self, text: str) -> list[int]: ...

    def vocab_size(self) -> int: ...

    def piece(self, token: int) -> str: ...


def physical_cores() -> int:
    """Threads for llama.cpp: physical cores (hyper-threads slow it down)."""
    try:
        import psutil

        cores = psutil.cpu_count(logical=False)
    except ImportError:  # pragma: no cover
        cores = None
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return max(1, min(c for c in (cores, available, os.cpu_count()) if c))


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """llama.cpp writes from C to fd 2 even with verbose=False on some paths."""
    try:
        saved = os.dup(2)
    except OSError:  # pragma: no cover - no fd 2
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class LlamaGenerator:
    """llama.cpp through llama-cpp-python, loaded once; deterministic for a given seed."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 4096,
        seed: int = 0,
        style: PromptStyle | None = None,
        n_threads: int | None = None,
    ) -> None:
        from rewriter.config import threads_from_env

        vet_gguf(model_path)
        self.n_threads = n_threads or threads_from_env() or physical_cores()
        self._scorer: Any = None
        self.model_path = model_path
        self.seed = seed
        self.n_ctx = n_ctx
        self._llm = self._load()
        # One llama.cpp context per prompt family (sentence, heading, title…): each keeps
        # its few-shot prefix evaluated, so switching tasks does not re-read it. The
        # weights are memory-mapped once and shared; a context costs its KV cache.
        self._contexts: dict[str, Any] = {}
        self.name = model_path.name
        self.n_ctx = n_ctx
        template = self._llm.metadata.get("tokenizer.chat_template", "")
        # A model with a chat template was tuned to follow instructions; one without
        # (like the default gemma-3-270m) is a base model that continues text.
        self.style: PromptStyle = style or ("instruct" if template else "base")
        self.usage = Usage()
        log.debug("model %s loaded, style=%s, threads=%d", self.name, self.style, self.n_threads)

    def _load(self, **extra: Any) -> Any:
        try:
            from llama_cpp import Llama
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelError("llama-cpp-python est introuvable : lancez `make install`.") from exc
        try:
            with _quiet_stderr():
                return Llama(
                    model_path=str(self.model_path),
                    **{"n_ctx": self.n_ctx, **extra},
                    n_threads=self.n_threads,
                    seed=self.seed,
                    verbose=False,
                )
        except (ValueError, RuntimeError) as exc:
            raise ModelError(
                f"llama.cpp ne peut pas charger {self.model_path} : fichier GGUF "
                f"invalide ou tronqué ({exc})."
            ) from exc

    MAX_CONTEXTS = 4
    # Each extra context is a second `Llama` object: the weights mapped again (resident
    # pages counted again) plus its KV cache and compute buffers. Measured with
    # scripts/bench_memory.py on the sample: peak RSS 3.2 GB for the 253 MB default, 4.3 GB
    # for the 491 MB Qwen 0.5 B, 10.8 GB for the 1.1 GB Qwen 1.5 B. Above this size, one
    # context only: switching prompt families then re-reads a few hundred prompt tokens.
    SMALL_MODEL_BYTES = 300_000_000

    def _max_contexts(self) -> int:
        small = self.model_path.stat().st_size <= self.SMALL_MODEL_BYTES
        return self.MAX_CONTEXTS if small else 1

    def _context_for(self, request: Request) -> Any:
        key = (request.messages[0]["content"] if request.messages else request.prompt)[:80]
        if key not in self._contexts:
            if not self._contexts:
                self._contexts[key] = self._llm
            elif len(self._contexts) < self._max_contexts():
                self._contexts[key] = self._load()
            else:
                return self._llm
        return self._contexts[key]

    def tokenize(self, text: str) -> list[int]:
        tokens: list[int] = self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        return tokens

    def vocab_size(self) -> int:
        return int(self._llm.n_vocab())

    def piece(self, token: int) -> str:
        data: bytes = self._llm.detokenize([token])
        return data.decode("utf-8", errors="ignore")

    SCORE_TOKENS = 256  # the scoring context: a sentence or a paragraph

    def nll(self, text: str) -> float:
        """Mean negative log-likelihood per token of `text` under this model, read alone
        (no sampling): how naturally it reads to the model. Lower is more natural; compare
        two texts, never across models."""
        values = [value for _piece, value in self.surprisals(text)]
        return float(sum(values) / len(values)) if values else 0.0

    def surprisals(self, text: str) -> list[tuple[str, float]]:
        """Each token of `text` (its piece) with its negative log-likelihood given the
        tokens before it, in one forward pass: `nll` is their mean; the reading gate also
        compares them token by token, where a rewrite changed the source."""
        import numpy as np

        if self._scorer is None:
            # Its own small context with logits at every position, so that scoring never
            # evicts the few-shot prefixes the generation contexts keep.
            self._scorer = self._load(
                n_ctx=self.SCORE_TOKENS, n_batch=self.SCORE_TOKENS, logits_all=True
            )
        llm = self._scorer
        body = llm.tokenize(text.strip().encode("utf-8"), add_bos=False, special=False)
        tokens = [llm.token_bos(), *body][: self.SCORE_TOKENS]
        if len(tokens) < 2:
            return []
        start = time.perf_counter()
        with _quiet_stderr():
            llm.reset()
            llm.eval(tokens)
        logits = np.asarray(llm.scores[: len(tokens) - 1], dtype=np.float64)
        top = logits.max(axis=1, keepdims=True)
        log_norm = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
        picked = logits[np.arange(len(tokens) - 1), tokens[1:]]
        self.usage.scored_tokens += len(tokens)
        self.usage.scoring_seconds += time.perf_counter() - start
        pieces = [llm.detokenize([t]).decode("utf-8", errors="ignore") for t in tokens[1:]]
        return list(zip(pieces, (float(v) for v in log_norm - picked), strict=True))

    def complete(self, request: Request) -> Completion:
        from llama_cpp import LogitsProcessorList

        processors = None
        if request.bias is not None:
            bias = request.bias.dense(self.vocab_size())

            def steer(_ids: Any, scores: Any) -> Any:
                scores += bias  # one vectorised add: no measurable slowdown (numpy, in place)
                return scores

            processors = LogitsProcessorList([steer])
        start = time.perf_counter()
        llm = self._context_for(request)
        sampling: dict[str, Any] = {
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "top_p": request.top_p,
            "seed": request.seed,
            "stop": list(request.stop),
            "logits_processor": processors,
        }
        with _quiet_stderr():
            if self.style == "instruct" and request.messages:
                out: Any = llm.create_chat_completion(messages=list(request.messages), **sampling)
                text = out["choices"][0]["message"]["content"] or ""
            else:
                out = llm.create_completion(request.prompt, **sampling)
                text = out["choices"][0]["text"]
        if INTERRUPTED.is_set():
            raise KeyboardInterrupt
        seconds = time.perf_counter() - start
        tokens = int(out["usage"]["completion_tokens"])
        self.usage.calls += 1
        self.usage.prompt_tokens += int(out["usage"]["prompt_tokens"])
        self.usage.generated_tokens += tokens
        self.usage.seconds += seconds
        self.usage.timings.append((tokens, seconds))
        return Completion(text=text, tokens=tokens, seconds=seconds)
