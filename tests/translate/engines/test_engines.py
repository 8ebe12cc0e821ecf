"""Engines against a local fake server: timeouts, retries, typed errors, limits, no key leaks."""

from __future__ import annotations

import socket
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fakes.libre_server import LibreServer, translate
from lettore.config import ENGINE_NAMES, resolve_api_key
from lettore.errors import UserError
from lettore.translate.engines import (
    ApertiumEngine,
    EngineAuthError,
    EngineBadResponse,
    EngineServerError,
    EngineTimeout,
    EngineUnavailable,
    GoogleEngine,
    HttpClient,
    LibreEngine,
    MyMemoryEngine,
    RetryPolicy,
    build_engine,
    split_for_limit,
)
from lettore.translate.engines.errors import EngineRateLimited
from lettore.translate.engines.registry import ONLINE

SECRET = "sk-very-secret-4242"


def libre(server: LibreServer, *, jobs: int = 4, retries: int = 2, timeout: float = 0.5,
          api_key: str | None = None) -> LibreEngine:
    """A Libre engine aimed at the fake server with test-sized timeouts and backoff."""
    client = HttpClient("libre", timeout=timeout, policy=RetryPolicy(retries, 0.01, 0.05),
                        secrets=(api_key,) if api_key else ())
    return LibreEngine(client, url=server.url, jobs=jobs, api_key=api_key)


@pytest.fixture
def server():
    with LibreServer() as srv:
        yield srv


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_batch_keeps_order_and_runs_jobs_requests_at_once(server):
    server.latency = 0.05
    texts = [f"Frase numero {i} del paragrafo." for i in range(12)]
    started = time.perf_counter()
    out = libre(server, jobs=4).translate_batch(texts, "it", "en")
    elapsed = time.perf_counter() - started
    assert out == [translate(t) for t in texts]
    assert server.max_in_flight == 4
    assert elapsed < 12 * 0.05  # concurrent, not deep-translator's sequential loop


@pytest.mark.parametrize("fault", ["429", "503", "close"])
def test_transient_faults_are_retried(server, fault):
    server.script.extend([fault, fault])
    assert libre(server).translate_batch(["Il governo ha deciso."], "it", "en") == [
        "[en] Il governo ha deciso."
    ]
    assert server.count == 3


@pytest.mark.parametrize(
    ("fault", "error", "requests"),
    [
        ("503", EngineServerError, 3),
        ("429", EngineRateLimited, 3),
        ("garbage", EngineBadResponse, 1),
        ("empty", EngineBadResponse, 1),
        ("echo", EngineBadResponse, 1),
        ("403", EngineAuthError, 1),
    ],
)
def test_persistent_faults_raise_typed_errors(server, fault, error, requests):
    server.default = fault
    with pytest.raises(error):
        libre(server, retries=2).translate_batch(["Il governo ha deciso la riforma."], "it", "en")
    assert server.count == requests


def test_silent_server_times_out_instead_of_blocking(server):
    server.default = "hang"
    started = time.perf_counter()
    with pytest.raises(EngineTimeout, match=r"0\.3 s"):
        libre(server, retries=1, timeout=0.3).translate_batch(["Nessuna risposta."], "it", "en")
    assert time.perf_counter() - started < 2.0
    assert server.count == 2


def test_unreachable_server_trips_the_breaker_without_more_requests():
    engine = LibreEngine(HttpClient("libre", timeout=0.5, policy=RetryPolicy(3, 0.01)),
                         url=f"http://127.0.0.1:{free_port()}/", jobs=1)
    started = time.perf_counter()
    results = dict(engine.translate_stream([f"Frase {i} qui." for i in range(20)], "it", "en"))
    assert all(isinstance(r, EngineUnavailable) for r in results.values())
    assert engine.requests_sent == 1
    assert time.perf_counter() - started < 1.0


def test_repeated_timeouts_stop_sending_after_a_few(server):
    server.default = "hang"
    engine = libre(server, jobs=1, retries=0, timeout=0.1)
    results = dict(engine.translate_stream([f"Frase {i} qui." for i in range(30)], "it", "en"))
    assert all(isinstance(r, EngineTimeout) for r in results.values())
    assert server.count == 3


def test_api_key_never_appears_in_errors_or_repr(server):
    server.default = "403"
    engine = libre(server, api_key=SECRET)
    with pytest.raises(EngineAuthError) as caught:
        engine.translate_batch(["Chiave rifiutata dal server."], "it", "en")
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(engine) and SECRET not in repr(engine.client)


def test_libre_needs_a_url_not_a_key():
    engine = build_engine("libre")
    assert "--engine-url" in (engine.available() or "")
    with LibreServer() as server:
        engine = build_engine("libre", url=server.url.rstrip("/"))  # no trailing slash, no key
        assert engine.translate_batch(["Buongiorno a tutti."], "it", "en") == [
            "[en] Buongiorno a tutti."
        ]


def test_keyed_engines_say_which_variable_to_set(monkeypatch):
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    monkeypatch.delenv("LETTORE_DEEPL_KEY", raising=False)
    assert "LETTORE_DEEPL_KEY" in (build_engine("deepl").available() or "")
    monkeypatch.setenv("LETTORE_DEEPL_KEY", "abc:fx")
    assert build_engine("deepl").available() is None


def test_the_configurable_engine_names_are_the_engines_there_are():
    assert set(ONLINE) | {"memory", "apertium"} == set(ENGINE_NAMES)


def test_a_key_in_the_environment_wins_over_the_config(monkeypatch):
    monkeypatch.delenv("LETTORE_DEEPL_KEY", raising=False)
    monkeypatch.setenv("DEEPL_API_KEY", "from-env:fx")
    assert resolve_api_key("deepl", {"deepl": "from-file"}) == "from-env:fx"
    monkeypatch.delenv("DEEPL_API_KEY")
    assert resolve_api_key("deepl", {"deepl": "from-file"}) == "from-file"


def test_unknown_engine_is_a_user_error():
    with pytest.raises(UserError, match="goggle"):
        build_engine("goggle")


def test_google_request_path_against_local_server(server):
    client = HttpClient("google", timeout=0.5, policy=RetryPolicy(1, 0.01))
    engine = GoogleEngine(client, url=server.url + "m")
    assert engine.translate_batch(["L'Italia è una repubblica."], "it", "en") == [
        "[en] L'Italia è una repubblica."
    ]
    assert server.received[-1][0] == "google"


def test_long_text_is_split_under_the_service_limit(server):
    client = HttpClient("mymemory", timeout=0.5, policy=RetryPolicy(1, 0.01))
    engine = MyMemoryEngine(client, url=server.url + "get")
    sentence = "Il consiglio comunale ha approvato il bilancio dopo una lunga discussione. "
    text = (sentence * 20).strip()
    [out] = engine.translate_batch([text], "it", "en")
    assert all(len(q) < 500 for q in server.texts())
    assert server.count > 1
    assert out.count("consiglio comunale") == 20


@given(st.text(alphabet=st.sampled_from("ab .,;!?\n"), min_size=0, max_size=400),
       st.integers(min_value=5, max_value=60))
def test_split_for_limit_fits_and_loses_nothing(text, limit):
    pieces = split_for_limit(text, limit)
    assert all(len(piece) < limit for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())


def test_apertium_translates_an_article_in_one_call_keeping_alignment():
    engine = ApertiumEngine()
    if engine.available():
        pytest.skip(engine.available())
    texts = [
        "Il governo ha approvato la legge.",
        "La Juventus ha vinto contro il Milan a Torino.",
        "",
        "«Non ci sono dubbi», ha detto il presidente Mattarella.",
    ]
    out = engine.translate_batch(texts, "it", "en")
    assert engine.rough
    assert len(out) == 4 and out[2] == ""
    assert "government" in out[0].lower()
    assert "Mattarella" in out[3]
    assert not any("*" in line or "#" in line for line in out)


def test_apertium_missing_says_how_to_install():
    engine = ApertiumEngine(command="apertium-not-installed-here")
    reason = engine.available()
    assert reason and "apt install apertium" in reason
    results = dict(engine.translate_stream(["Buongiorno a tutti voi."], "it", "en"))
    assert isinstance(results[0], EngineUnavailable)


class _Recorder(HttpClient):
    """Captures what an engine would send, and answers with a canned body."""

    def __init__(self, engine: str, body: object) -> None:
        super().__init__(engine)
        self.body = body
        self.calls: list[tuple[str, str, dict]] = []

    def request(self, method, url, **kwargs):
        self.calls.append((method, url, kwargs))

        class Answer:
            def json(inner):
                return self.body

        return Answer()


@pytest.mark.parametrize(
    ("name", "body", "header"),
    [
        ("deepl", {"translations": [{"text": "The council met."}]}, "Authorization"),
        ("microsoft", [{"translations": [{"text": "The council met."}]}],
         "Ocp-Apim-Subscription-Key"),
    ],
)
def test_keyed_engines_send_the_key_in_a_header_only(name, body, header):
    engine = build_engine(name, keys={name: SECRET})
    engine.client = _Recorder(name, body)
    assert engine.translate_batch(["Il consiglio si è riunito."], "it", "en") == ["The council met."]
    _method, url, kwargs = engine.client.calls[0]
    assert SECRET in kwargs["headers"][header]
    assert SECRET not in url and SECRET not in str(kwargs.get("params")) and SECRET not in str(
        kwargs.get("data")) and SECRET not in str(kwargs.get("json"))
