"""An inference server as the generator: the newsroom's own OpenAI-compatible HTTP API.

`ServerGenerator` implements the same `Generator` protocol as the in-process llama.cpp
model, over HTTP (httpx): `/v1/completions` for base models, `/v1/chat/completions` for
instruct models. Servers differ in what they offer beyond that; one probe at start finds
out, once (`Capabilities`), and what is missing degrades the run rather than stopping it:

- llama-cpp-python (`python -m llama_cpp.server`): tokenizer `POST /extras/tokenize` (BOS
  prepended, stripped here), `logit_bias` honoured, no fluency scoring (its echo logprobs
  sort the whole vocabulary in Python for every token);
- llama.cpp's `llama-server`: `POST /tokenize` `{content, add_special}`, `logit_bias`
  honoured, no scoring;
- vLLM: `POST /tokenize` `{model, prompt, add_special_tokens}`, `logit_bias` clamped to
  ±100, scoring by `echo` + `logprobs` (prompt logprobs);
- Ollama and others: no tokenizer, `logit_bias` ignored, no scoring.

No tokenizer: no steering (unsteered decoding), counts from the server's usage only. No
bias honoured: unsteered decoding. No scoring: the reading gate runs without its fluency
part. The run report says which (`Capabilities.notes`).

Failures are French `ServerError`s (exit 7): refused connection, unknown host, TLS, 401/403,
unknown model, timeout, 429/5xx after bounded retries with backoff. A prompt longer than the
server's context is never retried: `complete` answers an empty text (`usage.overflows`), and
the unit falls back to the source as written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from rewriter.errors import ServerError
from rewriter.generate.backend import INTERRUPTED, Completion, PromptStyle, Request, Usage

log = logging.getLogger(__name__)

API_KEY_VAR = "REWRITER_API_KEY"

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


class Baton:
    """One pipeline runs Python at a time — spaCy's and Grammalecte's objects are shared
    and not made for threads — and a thread gives the baton up while it waits for the
    server. Several articles of a batch then overlap their waits, never their parsing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._local = threading.local()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self._lock.acquire()
        self._local.held = True
        try:
            yield
        finally:
            self._local.held = False
            self._lock.release()

    @contextlib.contextmanager
    def released(self) -> Iterator[None]:
        """Around a wait: let another pipeline run (a no-op in a thread not holding it)."""
        if not getattr(self._local, "held", False):
            yield
            return
        self._local.held = False
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()
            self._local.held = True


class ContextOverflow(Exception):
    """The prompt does not fit the server's context: never retried."""


def is_overflow(status: int, message: str) -> bool:
    text = message.lower()
    return (
        status in (400, 413, 422)
        and "context" in text
        and any(word in text for word in ("length", "exceed", "window", "size", "too long"))
    )


class ServerGenerator:
    """A model served over HTTP; safe to call from several threads at once."""

    RETRIES = 4  # 429 / 5xx / dropped connections, with exponential backoff
    BACKOFF = 0.5  # seconds, doubled each retry (plus jitter), at most `MAX_WAIT`
    MAX_WAIT = 8.0

    def __init__(
        self,
        url: str,
        *,
        model: str | None = None,
        api_key: str | None = None,
        seed: int = 0,
        style: PromptStyle | None = None,
        timeout: float = 300.0,
        parallel: int | None = None,
        transport: Any = None,  # an httpx transport (the tests' recorded responses)
    ) -> None:
        import httpx

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ServerError(
                f"Adresse de serveur invalide : « {url} » (attendu : http://hôte:port)."
            )
        self.url = url.rstrip("/")
        if self.url.endswith("/v1"):
            self.url = self.url[: -len("/v1")]
        self.host = parts.hostname
        self.seed = seed
        self.timeout = timeout
        key = api_key if api_key is not None else os.environ.get(API_KEY_VAR)
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._client = httpx.Client(
            base_url=self.url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=10.0),
            trust_env=False,  # no proxy from the environment: copy goes to this host only
            transport=transport,
        )
        self.usage = Usage()
        self.overflows = 0
        self._tokens: dict[str, list[int]] = {}
        self._lock = threading.Lock()
        self._reached = False  # refused before any answer: a wrong address, said at once
        self.baton = Baton()  # held by the batch's workers when --parallel > 1
        self._ready: dict[str, Completion] = {}  # answers fetched ahead (`prefetch`)
        self.caps = self.probe(model, style)
        self.name = f"{self.caps.model} @ {self.url}"
        self.style: PromptStyle = self.caps.style
        # One request at a time unless told: llama-cpp-python's server serves one anyway.
        self.parallel = max(1, parallel or 1)
        if not self.caps.scoring:
            self.nll = None  # type: ignore[assignment]  # the gate then skips fluency

    # -- HTTP ------------------------------------------------------------------------------

    def _send(
        self, method: str, path: str, body: dict[str, Any] | None = None, *, probe: bool = False
    ) -> dict[str, Any] | None:
        """One call with bounded retries. None when `probe` and the endpoint is missing."""
        import httpx

        last = ""
        for attempt in range(self.RETRIES + 1):
            if attempt:
                wait = min(self.MAX_WAIT, self.BACKOFF * 2 ** (attempt - 1))
                time.sleep(wait * (1 + random.random() / 4))
            try:
                response = self._client.request(method, path, json=body)
            except httpx.ConnectError as exc:
                cause = _root(exc)
                if isinstance(cause, socket.gaierror):
                    raise ServerError(
                        f"Serveur introuvable : le nom « {self.host} » ne se résout pas "
                        "(DNS). Vérifiez l'adresse donnée à --server."
                    ) from exc
                if isinstance(cause, ssl.SSLError):
                    raise ServerError(
                        f"Connexion TLS refusée par {self.url} ({cause}) : certificat "
                        "invalide ou serveur en http:// plutôt qu'en https:// ?"
                    ) from exc
                last = f"le serveur {self.url} refuse la connexion : est-il lancé, et sur ce port ?"
                if not self._reached:
                    break
                continue
            except httpx.TimeoutException as exc:
                last = f"le serveur {self.url} n'a pas répondu en {self.timeout:.0f} s"
                log.debug("timeout: %s", exc)
                continue
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                last = f"le serveur {self.url} a coupé la connexion ({type(exc).__name__})"
                continue
            self._reached = True
            status = response.status_code
            if status < 300:
                try:
                    data = response.json()
                except ValueError as exc:
                    raise ServerError(
                        f"Réponse illisible de {self.url}{path} (pas du JSON) : est-ce bien "
                        "un serveur compatible OpenAI ?"
                    ) from exc
                return data if isinstance(data, dict) else {"data": data}
            message = _message(response)
            if status in (401, 403):
                raise ServerError(
                    f"Le serveur {self.url} refuse l'accès ({status}) : clé d'API absente ou "
                    f"invalide. Donnez-la dans la variable {API_KEY_VAR}."
                )
            if is_overflow(status, message):
                raise ContextOverflow(message)
            if status == 429 or status >= 500:
                last = f"le serveur {self.url} répond {status} ({message[:160]})"
                continue
            if probe and status in (404, 405, 400, 422, 501):
                return None
            if status == 404:
                raise ServerError(
                    f"{self.url}{path} n'existe pas (404) : ce serveur n'offre pas l'API "
                    f"compatible OpenAI attendue ({message[:160]})."
                )
            raise ServerError(
                f"Le serveur {self.url} refuse la requête ({status}) : {message[:300]}"
            )
        if not self._reached:
            raise ServerError(f"Connexion impossible : {last}")
        raise ServerError(
            f"Échec après {self.RETRIES + 1} essais : {last}. Rien n'a été écrit à moitié ; "
            "relancez la même commande une fois le serveur rétabli (un lot reprend où il "
            "s'était arrêté)."
        )

    # -- the probe -------------------------------------------------------------------------

    def probe(self, wanted: str | None, style: PromptStyle | None) -> Capabilities:
        listing = self._send("GET", "/v1/models")
        data = (listing or {}).get("data") or []
        models = [str(m.get("id")) for m in data if isinstance(m, dict) and m.get("id")]
        if not models:
            raise ServerError(f"{self.url}/v1/models ne liste aucun modèle.")
        if wanted is None:
            if len(models) > 1:
                raise ServerError(
                    f"Le serveur sert plusieurs modèles ({', '.join(models)}) : choisissez-en "
                    "un avec --model NOM."
                )
            wanted = models[0]
        elif wanted not in models:
            raise ServerError(
                f"Modèle inconnu du serveur : « {wanted} ». Il sert : {', '.join(models)}."
            )
        owner = next((str(m.get("owned_by", "")) for m in data if m.get("id") == wanted), "")
        dialect = DIALECTS[OWNERS.get(owner, "openai")]
        props = self._send("GET", "/props", probe=True) if dialect.name != "vllm" else None
        if props is not None and "default_generation_settings" in props:
            dialect = DIALECTS["llama-server"]
        caps = Capabilities(dialect.name, wanted, models, style or "base", tokenizer=False)
        caps.style = style or _style_of(wanted, props)
        self.caps = caps
        self._dialect = dialect
        if dialect.tokenize_path:
            empty = self._raw_tokenize("")
            if empty is not None:
                caps.tokenizer = True
                caps.bos_prefix = empty
        if not caps.tokenizer:
            caps.notes.append(
                "le serveur n'offre pas de tokeniseur : décodage sans guidage, comptes de "
                "jetons donnés par le serveur"
            )
        start = time.perf_counter()
        caps.logit_bias = caps.tokenizer and self._bias_honoured()
        caps.seconds = time.perf_counter() - start
        if caps.tokenizer and not caps.logit_bias:
            caps.notes.append("le serveur ignore logit_bias : décodage sans guidage")
        caps.scoring = dialect.scores and self._scores()
        if not caps.scoring:
            caps.notes.append(
                "le serveur ne donne pas la vraisemblance du texte : la relecture se fait "
                "sans le critère de fluidité (Grammalecte et phrases entières restent)"
            )
        return caps

    def _raw_tokenize(self, text: str) -> list[int] | None:
        path = self._dialect.tokenize_path
        assert path is not None
        data = self._send("POST", path, self._dialect.tokenize_body(self.caps.model, text),
                          probe=True)  # fmt: skip
        if data is None or not isinstance(data.get("tokens"), list):
            return None
        return [int(t["id"] if isinstance(t, dict) else t) for t in data["tokens"]]

    def _bias_honoured(self) -> bool:
        """Ask for one token with +100 on a token the prompt would not produce."""
        target = self.tokenize(" zèbre")[:1]
        if not target:
            return False
        request = Request(prompt="Le ciel est", max_tokens=1, temperature=0.0, stop=())
        body = self._body(request) | {"logit_bias": {str(target[0]): 100.0}}
        try:
            data = self._send("POST", self._endpoint(request), body)
        except ContextOverflow:
            return False
        text = _text_of(data or {}, chat=False)
        return bool(text) and self.tokenize(text)[:1] == target

    def _scores(self) -> bool:
        try:
            return self._prompt_logprobs("Le ciel est bleu.") is not None
        except (ServerError, ContextOverflow):
            return False

    # -- the Generator protocol ------------------------------------------------------------

    def tokenize(self, text: str) -> list[int]:
        if not self.caps.tokenizer:
            return []
        with self._lock:
            cached = self._tokens.get(text)
        if cached is not None:
            return cached
        tokens = self._raw_tokenize(text) or []
        prefix = self.caps.bos_prefix
        if prefix and tokens[: len(prefix)] == prefix:
            tokens = tokens[len(prefix) :]
        with self._lock:
            self._tokens[text] = tokens
        return tokens

    def vocab_size(self) -> int:
        return 0  # not known to every server: the steer is sent sparse, by token id

    def piece(self, token: int) -> str:
        path = self._dialect.detokenize_path
        if path is None:
            return ""
        data = self._send("POST", path, self._dialect.detokenize_body(self.caps.model, [token]),
                          probe=True)  # fmt: skip
        return self._dialect.detokenized(data or {})

    def _endpoint(self, request: Request) -> str:
        chat = self.caps.style == "instruct" and bool(request.messages)
        return "/v1/chat/completions" if chat else "/v1/completions"

    def _body(self, request: Request) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.caps.model, **self._dialect.sampling(request)}
        if self.caps.style == "instruct" and request.messages:
            body["messages"] = list(request.messages)
        else:
            body["prompt"] = request.prompt
        if request.bias is not None and self.caps.logit_bias:
            # +penalty on the favoured ids = -penalty on the others, after softmax.
            penalty = min(float(request.bias.penalty), 100.0)  # vLLM clamps to ±100
            body["logit_bias"] = {str(i): penalty for i in sorted(request.bias.allowed)}
        return body

    def complete(self, request: Request) -> Completion:
        with self._lock:
            ready = self._ready.pop(_key(request), None)
        if ready is not None:
            return ready
        start = time.perf_counter()
        try:
            with self.baton.released():
                data = self._send("POST", self._endpoint(request), self._body(request))
        except ContextOverflow as exc:
            log.debug("context overflow: %s", exc)
            with self._lock:
                self.overflows += 1
            return Completion(text="", tokens=0, seconds=time.perf_counter() - start)
        if INTERRUPTED.is_set():
            raise KeyboardInterrupt
        seconds = time.perf_counter() - start
        text = _text_of(data or {}, chat=self._endpoint(request).endswith("chat/completions"))
        usage = (data or {}).get("usage") or {}
        tokens = int(usage.get("completion_tokens") or len(text.split()))
        with self._lock:
            self.usage.calls += 1
            self.usage.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            self.usage.generated_tokens += tokens
            self.usage.seconds += seconds
            self.usage.timings.append((tokens, seconds))
        return Completion(text=text, tokens=tokens, seconds=seconds)

    def complete_many(self, requests: Sequence[Request]) -> list[Completion]:
        """Up to `parallel` requests at once; the answers in the requests' order."""
        if self.parallel <= 1 or len(requests) <= 1:
            return [self.complete(r) for r in requests]
        with self.baton.released(), ThreadPoolExecutor(max_workers=self.parallel) as pool:
            return list(pool.map(self.complete, requests))

    def prefetch(self, requests: Sequence[Request]) -> None:
        """Send requests the pipeline will make, `parallel` at once; each answer waits
        for its `complete` (same request, same answer: the order of the run is kept)."""
        if self.parallel <= 1:
            return
        answers = self.complete_many(requests)
        with self._lock:
            for request, answer in zip(requests, answers, strict=True):
                self._ready[_key(request)] = answer

    def _prompt_logprobs(self, text: str) -> list[float] | None:
        body = {
            "model": self.caps.model,
            "prompt": text,
            "max_tokens": 1,
            "temperature": 0.0,
            "echo": True,
            "logprobs": 0,
        }
        data = self._send("POST", "/v1/completions", body, probe=True)
        choices = (data or {}).get("choices") or [{}]
        logprobs = (choices[0].get("logprobs") or {}).get("token_logprobs")
        if not isinstance(logprobs, list):
            return None
        values = [float(v) for v in logprobs if isinstance(v, int | float)]
        return values[:-1] if len(values) > 1 else None  # the last one is the generated token

    def nll(self, text: str) -> float:
        """Mean negative log-likelihood per token of `text`, from the server's prompt
        logprobs (vLLM); the same measure as `LlamaGenerator.nll`, on the server's model."""
        start = time.perf_counter()
        values = self._prompt_logprobs(text.strip()) or []
        with self._lock:
            self.usage.scored_tokens += len(values)
            self.usage.scoring_seconds += time.perf_counter() - start
        return -sum(values) / len(values) if values else 0.0

    def notes(self) -> list[str]:
        """For the run report, in French: what this server could not do."""
        said = [f"Serveur {self.url} ({self.caps.dialect}) : {note}." for note in self.caps.notes]
        if self.overflows:
            said.append(
                f"Serveur {self.url} : {self.overflows} requête(s) plus longue(s) que son "
                "contexte ; ces passages sont repris de la source."
            )
        return said

    def close(self) -> None:
        self._client.close()


def _key(request: Request) -> str:
    import json

    fields = (request.prompt, list(request.messages), request.max_tokens, request.temperature,
              request.top_p, request.seed, list(request.stop),
              sorted(request.bias.allowed) if request.bias is not None else None)  # fmt: skip
    return json.dumps(fields, ensure_ascii=False)


def _root(exc: BaseException) -> BaseException:
    seen = exc
    while seen.__cause__ is not None or seen.__context__ is not None:
        nxt = seen.__cause__ or seen.__context__
        assert nxt is not None
        if isinstance(seen, socket.gaierror | ssl.SSLError):
            return seen
        seen = nxt
    return seen


def _message(response: Any) -> str:
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


def _text_of(data: dict[str, Any], *, chat: bool) -> str:
    choices = data.get("choices") or [{}]
    first = choices[0] if isinstance(choices[0], dict) else {}
    if chat:
        return str((first.get("message") or {}).get("content") or "")
    return str(first.get("text") or "")


INSTRUCT_HINTS = ("instruct", "chat", "-it", "_it", "-sft", "assistant")


def _style_of(model: str, props: dict[str, Any] | None) -> PromptStyle:
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


def open_server(
    url: str,
    *,
    model: str | None,
    seed: int,
    style: str | None,
    parallel: int | None = None,
    on_probe: Callable[[Capabilities], None] | None = None,
) -> ServerGenerator:
    generator = ServerGenerator(url, model=model, seed=seed, style=style, parallel=parallel)  # type: ignore[arg-type]
    if on_probe is not None:
        on_probe(generator.caps)
    return generator
