"""The server backend against recorded response shapes (no model): vLLM, llama-server,
llama-cpp-python and an OpenAI-compatible server without extras (Ollama); the failures a
newsroom network gives; the parallel pool and the batch's baton. The real server runs in
test_server_e2e.py.

The response bodies below follow each server's documented API (vLLM's `tokenize` protocol,
llama-server's `/tokenize` and `/props`, llama-cpp-python's `/extras/tokenize`); only
llama-cpp-python's were checked against a running server here."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from rewriter.errors import ExitCode, ServerError
from rewriter.generate.backend import Request
from rewriter.generate.baton import Baton
from rewriter.generate.server import ServerGenerator
from rewriter.generate.steering import Steering

URL = "http://gpu.redaction.test:8000"
WORDS = {"": [], " zèbre": [901, 902], "Le": [11], " chat": [12]}


def vocab(text: str) -> list[int]:
    return WORDS.get(text, [100 + (ord(c) % 50) for c in text])


class Recorder:
    """A fake server answering from one family's shapes; keeps every request it saw."""

    def __init__(self, family: str, *, model: str = "m", handler: Callable[..., Any] | None = None):
        self.family = family
        self.model = model
        self.seen: list[tuple[str, dict[str, Any]]] = []
        self.extra = handler

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else {}
        path = request.url.path
        self.seen.append((path, body))
        if self.extra is not None:
            answer = self.extra(path, body, request)
            if answer is not None:
                return answer
        owner = {"vllm": "vllm", "llama-server": "llamacpp", "llama-cpp-python": "me"}
        if path == "/v1/models":
            data = {"id": self.model, "object": "model", "owned_by": owner.get(self.family, "library")}
            if self.family == "vllm":
                data["max_model_len"] = 32768
            return httpx.Response(200, json={"object": "list", "data": [data]})
        if path == "/props" and self.family == "llama-server":
            return httpx.Response(200, json={
                "default_generation_settings": {"n_ctx": 4096}, "total_slots": 4,
                "model_path": "/models/qwen.gguf", "chat_template": "{% for m in messages %}…",
            })  # fmt: skip
        if path == "/tokenize" and self.family == "llama-server":
            return httpx.Response(200, json={"tokens": vocab(body["content"])})
        if path == "/tokenize" and self.family == "vllm":
            tokens = vocab(body["prompt"])
            return httpx.Response(200, json={"count": len(tokens), "max_model_len": 32768,
                                             "tokens": tokens})  # fmt: skip
        if path == "/extras/tokenize" and self.family == "llama-cpp-python":
            return httpx.Response(200, json={"tokens": [2, *vocab(body["input"])]})  # BOS first
        if path in ("/v1/completions", "/v1/chat/completions"):
            return self.completion(path, body)
        return httpx.Response(404, json={"detail": "Not Found"})

    def completion(self, path: str, body: dict[str, Any]) -> httpx.Response:
        if body.get("echo"):
            if self.family != "vllm":
                return httpx.Response(200, json={"choices": [{"text": body["prompt"] + " x"}]})
            return httpx.Response(200, json={"choices": [{
                "text": body["prompt"] + " Il",
                "logprobs": {"token_logprobs": [None, -2.0, -1.0, -3.0, -0.5],
                             "tokens": ["Le", " ciel", " est", " bleu", " Il"]},
            }], "usage": {"prompt_tokens": 4, "completion_tokens": 1}})  # fmt: skip
        bias = body.get("logit_bias") or {}
        if bias and self.family != "openai":
            text = " z"  # a biased +100 token wins: the token 901 of " zèbre"
            WORDS[text] = [901]
        else:
            text = " Bonjour."
        if path.endswith("chat/completions"):
            choice = {"message": {"role": "assistant", "content": text}}
        else:
            choice = {"text": text}
        return httpx.Response(200, json={"choices": [choice],
                                         "usage": {"prompt_tokens": 5, "completion_tokens": 2}})  # fmt: skip


def generator(recorder: Recorder, **options: Any) -> ServerGenerator:
    return ServerGenerator(URL, transport=httpx.MockTransport(recorder), **options)


def bodies(recorder: Recorder, path: str) -> list[dict[str, Any]]:
    return [body for seen, body in recorder.seen if seen == path]


def test_vllm_shapes_tokenize_bias_and_scoring() -> None:
    recorder = Recorder("vllm", model="Qwen/Qwen2.5-7B-Instruct")
    g = generator(recorder)
    assert g.caps.dialect == "vllm" and g.caps.style == "instruct"  # by its name
    assert g.caps.tokenizer and g.caps.logit_bias and g.caps.scoring
    tokenize = bodies(recorder, "/tokenize")[0]
    assert tokenize["add_special_tokens"] is False and "prompt" in tokenize
    assert g.tokenize("Le") == [11]
    # vLLM says `repetition_penalty`, and gets the in-process sampler's top-k and min-p.
    steer = Steering(frozenset({11, 12}), penalty=250.0)
    g.complete(Request(prompt="Titre :", bias=steer))
    body = bodies(recorder, "/v1/completions")[-1]
    assert body["repetition_penalty"] == 1.0 and "repeat_penalty" not in body
    assert body["top_k"] == 40 and body["min_p"] == 0.05
    assert body["logit_bias"] == {"11": 100.0, "12": 100.0}  # clamped to vLLM's ±100
    # Fluency from the prompt's logprobs: the generated token's is not counted.
    assert g.nll("Le ciel est bleu") == pytest.approx((2.0 + 1.0 + 3.0) / 3)
    assert g.notes() == []


def test_llama_server_shapes_and_chat_template_from_props() -> None:
    recorder = Recorder("llama-server", model="qwen.gguf")
    g = generator(recorder)
    assert g.caps.dialect == "llama-server" and g.caps.style == "instruct"
    assert bodies(recorder, "/tokenize")[0] == {"content": "", "add_special": False}
    g.complete(Request(prompt="", messages=[{"role": "user", "content": "Bonjour"}]))
    body = bodies(recorder, "/v1/chat/completions")[-1]
    assert body["repeat_penalty"] == 1.0 and "repetition_penalty" not in body
    assert body["messages"] == [{"role": "user", "content": "Bonjour"}] and "prompt" not in body
    assert not g.caps.scoring and g.nll is None  # the reading gate then skips fluency
    assert any("fluidité" in note for note in g.notes())


def test_llama_cpp_python_bos_is_stripped() -> None:
    g = generator(Recorder("llama-cpp-python", model="models/gemma.gguf"))
    assert g.caps.bos_prefix == [2]
    assert g.tokenize(" chat") == [12]
    assert g.caps.style == "base"  # not a readable GGUF here, and not an instruct name


def test_a_server_without_extras_degrades_and_says_so() -> None:
    recorder = Recorder("openai", model="llama3.2:3b")
    g = generator(recorder)
    assert not g.caps.tokenizer and not g.caps.logit_bias and not g.caps.scoring
    assert g.tokenize("Le chat") == []
    g.complete(Request(prompt="Titre :", bias=Steering(frozenset({1}), 4.0)))
    body = bodies(recorder, "/v1/completions")[-1]
    assert "logit_bias" not in body  # never sent where it is ignored
    said = " ".join(g.notes())
    assert "tokeniseur" in said and "fluidité" in said


def test_api_key_is_sent_as_bearer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REWRITER_API_KEY", "s3cret")
    seen: list[str] = []

    def auth(path: str, body: Any, request: httpx.Request) -> None:
        seen.append(request.headers.get("authorization", ""))

    generator(Recorder("llama-cpp-python", handler=auth))
    assert seen and set(seen) == {"Bearer s3cret"}


def test_wrong_key_is_a_french_error_with_exit_7() -> None:
    def refuse(path: str, body: Any, request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"detail": "Invalid API key"})

    with pytest.raises(ServerError) as caught:
        generator(Recorder("llama-cpp-python", handler=refuse))
    assert caught.value.exit_code == ExitCode.SERVER == 7
    assert "REWRITER_API_KEY" in caught.value.message


def test_unknown_model_names_the_served_ones() -> None:
    with pytest.raises(ServerError, match=r"Modèle inconnu du serveur : « llama-70b ».*gemma"):
        generator(Recorder("vllm", model="gemma"), model="llama-70b")


def test_busy_server_is_retried_with_backoff_then_gives_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ServerGenerator, "BACKOFF", 0.001)
    calls = {"n": 0}
    limit = {"failures": 2}

    def busy(path: str, body: Any, request: httpx.Request) -> httpx.Response | None:
        if path == "/v1/completions" and not body.get("logit_bias") and body["prompt"] == "X":
            calls["n"] += 1
            if calls["n"] <= limit["failures"]:
                return httpx.Response(503 if calls["n"] == 1 else 429, json={"error": "busy"})
        return None

    g = generator(Recorder("llama-cpp-python", handler=busy))
    assert g.complete(Request(prompt="X")).text == " Bonjour."
    assert calls["n"] == 3  # two refusals, then the answer
    calls["n"], limit["failures"] = 0, 99
    with pytest.raises(ServerError, match=r"Échec après 5 essais.*(503|429)"):
        g.complete(Request(prompt="X"))
    assert calls["n"] == ServerGenerator.RETRIES + 1  # bounded


def test_context_overflow_is_never_retried_and_falls_back() -> None:
    calls = {"n": 0}

    def overflow(path: str, body: Any, request: httpx.Request) -> httpx.Response | None:
        if path == "/v1/completions" and body.get("prompt") == "long":
            calls["n"] += 1
            return httpx.Response(400, json={"error": {
                "message": "This model's maximum context length is 256 tokens, however you "
                "requested 900 tokens", "code": "context_length_exceeded"}})  # fmt: skip
        return None

    g = generator(Recorder("llama-cpp-python", handler=overflow))
    assert g.complete(Request(prompt="long")).text == ""
    assert calls["n"] == 1 and g.overflows == 1
    assert any("contexte" in note for note in g.notes())


def test_timeout_and_dropped_connections_are_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ServerGenerator, "BACKOFF", 0.001)
    calls = {"n": 0}

    def flaky(path: str, body: Any, request: httpx.Request) -> None:
        if path == "/v1/completions" and body.get("prompt") == "Y":
            calls["n"] += 1
            if calls["n"] == 1:
                raise httpx.ReadTimeout("timed out", request=request)
            if calls["n"] == 2:
                raise httpx.RemoteProtocolError("server disconnected", request=request)

    g = generator(Recorder("llama-cpp-python", handler=flaky))
    assert g.complete(Request(prompt="Y")).text == " Bonjour."
    assert calls["n"] == 3


def test_unknown_host_is_said_as_dns() -> None:
    def no_dns(request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError("[Errno -2] Name or service not known") from exc

    with pytest.raises(ServerError, match="DNS"):
        ServerGenerator(URL, transport=httpx.MockTransport(no_dns))


def test_refused_connection_is_said_at_once() -> None:
    """A real socket: nothing listens on this port of the loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.perf_counter()
    with pytest.raises(ServerError, match="refuse la connexion : est-il lancé"):
        ServerGenerator(f"http://127.0.0.1:{port}")
    assert time.perf_counter() - start < 5  # no retries before any answer


@pytest.fixture
def plain_http() -> Iterator[int]:
    """A real plain-HTTP server on the loopback, to be spoken TLS to."""
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def test_tls_failure_is_said_as_tls(plain_http: int) -> None:
    with pytest.raises(ServerError, match="TLS"):
        ServerGenerator(f"https://127.0.0.1:{plain_http}")


def test_bad_address_is_refused_before_any_connection() -> None:
    with pytest.raises(ServerError, match="Adresse de serveur invalide"):
        ServerGenerator("gpu.redaction:8000")


def test_parallel_answers_keep_the_order_and_prefetch_is_not_sent_twice() -> None:
    import random

    def slow(path: str, body: Any, request: httpx.Request) -> httpx.Response | None:
        if path == "/v1/completions" and str(body.get("prompt", "")).startswith("P"):
            time.sleep(random.random() / 50)
            return httpx.Response(200, json={"choices": [{"text": body["prompt"].lower()}],
                                             "usage": {"completion_tokens": 1}})  # fmt: skip
        return None

    recorder = Recorder("llama-cpp-python", handler=slow)
    g = generator(recorder, parallel=4)
    requests = [Request(prompt=f"P{i}") for i in range(12)]
    assert [c.text for c in g.complete_many(requests)] == [f"p{i}" for i in range(12)]
    g.prefetch(requests[:3])
    sent = len(bodies(recorder, "/v1/completions"))
    assert [g.complete(r).text for r in requests[:3]] == ["p0", "p1", "p2"]
    assert len(bodies(recorder, "/v1/completions")) == sent  # answered from the prefetch
    g.complete(requests[0])
    assert len(bodies(recorder, "/v1/completions")) == sent + 1  # a prefetched answer is used once


def test_batch_in_parallel_keeps_job_order_and_one_pipeline_at_a_time(tmp_path: Any) -> None:
    from rewriter.batch import Summary, plan_jobs, run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("c", "a", "b", "d"):
        (folder / f"{name}.md").write_text(f"# {name}\n\nTexte {name}.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    jobs = plan_jobs(folder, out, "md")
    baton = Baton()
    inside = {"now": 0, "most": 0}
    lock = threading.Lock()

    class FakeResult:
        passed = True
        hard_ids: tuple[str, ...] = ()

        def __init__(self, article: Any) -> None:
            from rewriter.analysis import analyse

            self.hard_failures: list[str] = []
            self.unsupported: list[str] = []
            self.article = article
            self.report = analyse(article)

    def rewrite_one(article: Any) -> Any:
        with lock:
            inside["now"] += 1
            inside["most"] = max(inside["most"], inside["now"])
        time.sleep(0.01)
        with lock:
            inside["now"] -= 1
        with baton.released():  # waiting for the server: another article may run
            time.sleep(0.02 if article.blocks[0].text == "a" else 0.001)
        return FakeResult(article)

    import rewriter.batch as batch_module

    original = batch_module.render
    batch_module.render = lambda result, fmt: "# ok\n"  # type: ignore[assignment]
    try:
        rows = list(run_batch(jobs, Summary(out, "md"), rewrite_one, parallel=3, baton=baton))
    finally:
        batch_module.render = original
    assert [r.article for r in rows] == ["a.md", "b.md", "c.md", "d.md"]
    assert inside["most"] == 1  # never two pipelines running Python at once
    assert all((out / r.output).exists() for r in rows)
