"""An inference server as the generator: the newsroom's own OpenAI-compatible HTTP API.

`ServerGenerator` implements the same `Generator` protocol as the in-process llama.cpp
model, over HTTP (httpx): `/v1/completions` for base models, `/v1/chat/completions` for
instruct models. Servers differ in what they offer beyond that; one probe at start finds
out, once (`Capabilities`), and what is missing degrades the run rather than stopping it
(the families and what each offers: `dialects.py`).
No tokenizer or no bias honoured: unsteered decoding; no scoring: the reading gate goes
without its fluency part. The run report says which (`Capabilities.notes`).

Failures are French `ServerError`s (exit 7): refused connection, unknown host, TLS, 401/403,
unknown model, timeout, 429/5xx after bounded retries with backoff. A prompt longer than the
server's context is never retried: `complete` answers an empty text (`usage.overflows`), and
the unit falls back to the source as written.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import ssl
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from rewriter.errors import ServerError
from rewriter.generate.backend import INTERRUPTED, Completion, PromptStyle, Request, Usage
from rewriter.generate.baton import Baton
from rewriter.generate.dialects import (
    DIALECTS,
    OWNERS,
    Capabilities,
    ContextOverflow,
    echo_body,
    is_overflow,
    message_of,
    prompt_pieces,
    root_cause,
    style_of,
    text_of,
)

log = logging.getLogger(__name__)

API_KEY_VAR = "REWRITER_API_KEY"


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
            self.surprisals = None  # type: ignore[assignment]

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
                cause = root_cause(exc)
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
            message = message_of(response)
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
        caps.style = style or style_of(wanted, props)
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
        text = text_of(data or {}, chat=False)
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
        text = text_of(data or {}, chat=self._endpoint(request).endswith("chat/completions"))
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

    def _prompt_logprobs(self, text: str) -> list[tuple[str, float]] | None:
        data = self._send("POST", "/v1/completions", echo_body(self.caps.model, text), probe=True)
        return prompt_pieces(data or {})

    def nll(self, text: str) -> float:
        """Mean negative log-likelihood per token of `text`, from the server's prompt
        logprobs (vLLM); the same measure as `LlamaGenerator.nll`, on the server's model."""
        values = [value for _piece, value in self.surprisals(text)]
        return sum(values) / len(values) if values else 0.0

    def surprisals(self, text: str) -> list[tuple[str, float]]:
        """Each token's piece and negative log-likelihood (as `LlamaGenerator.surprisals`);
        without the pieces, the gate compares whole texts only."""
        start = time.perf_counter()
        pairs = self._prompt_logprobs(text.strip()) or []
        with self._lock:
            self.usage.scored_tokens += len(pairs)
            self.usage.scoring_seconds += time.perf_counter() - start
        return [(piece, -value) for piece, value in pairs]

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
