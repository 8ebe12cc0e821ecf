"""The openai engine against a local OpenAI-compatible fake: batches, robust parsing, faults."""

from __future__ import annotations

import logging

import pytest

from fakes.articles import make_article
from fakes.openai_server import OpenAIServer, translate
from lettore.config import Settings, parse_settings
from lettore.errors import UserError
from lettore.translate.chain import Chain
from lettore.translate.engines import EngineError, HttpClient, RetryPolicy, build_engine
from lettore.translate.engines.base import TextHints
from lettore.translate.engines.openai import OpenAIEngine, parse_translations
from lettore.translate.prepare import prepare_articles

SECRET = "sk-openai-secret-7777"


def engine(server: OpenAIServer, *, jobs: int = 4, api_key: str | None = None,
           glossary: dict[str, str] | None = None) -> OpenAIEngine:
    """An engine aimed at the fake with test-sized timeouts and backoff."""
    client = HttpClient("openai", timeout=2.0, policy=RetryPolicy(2, 0.01, 0.05),
                        secrets=(api_key,) if api_key else ())
    return OpenAIEngine(client, url=server.url, jobs=jobs, api_key=api_key, model="tiny",
                        glossary=glossary)


@pytest.fixture
def server():
    with OpenAIServer() as srv:
        yield srv


PARAGRAPHS = [
    ["Il governo ha approvato la legge.", "La legge entra in vigore lunedì."],
    ["Mario Draghi ha parlato a Roma.", "Ha detto che il 2024 sarà difficile.", "Poi è partito."],
]


def texts_and_hints() -> tuple[list[str], list[TextHints]]:
    texts = [s for p in PARAGRAPHS for s in p]
    hints = [TextHints(group=i) for i, p in enumerate(PARAGRAPHS) for _ in p]
    return texts, hints


def run(eng: OpenAIEngine, texts: list[str], hints: list[TextHints] | None = None) -> list[object]:
    out: list[object] = [None] * len(texts)
    for index, result in eng.translate_stream(texts, "it", "en", hints=hints):
        out[index] = result
    return out


def test_one_request_per_paragraph_with_the_previous_paragraph_as_context(server):
    texts, hints = texts_and_hints()
    assert run(engine(server), texts, hints) == [translate(t) for t in texts]
    payloads = sorted(server.payloads(), key=lambda p: len(p["sentences"]))
    assert [p["sentences"] for p in payloads] == PARAGRAPHS
    assert "context" not in payloads[0]
    assert payloads[1]["context"] == " ".join(PARAGRAPHS[0])
    body = server.requests[0]
    assert body["model"] == "tiny" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"
    assert "Italian to English" in body["messages"][0]["content"]


def test_names_to_keep_and_glossary_terms_travel_with_the_batch(server):
    texts = ["Laura Bianchi guida i carri armati."]
    run(engine(server, glossary={"carri armati": "tanks", "fregata": "frigate"}), texts,
        [TextHints(group=1, keep=("Laura Bianchi",))])
    payload = server.payloads()[0]
    assert payload["keep"] == ["Laura Bianchi"]
    assert payload["glossary"] == {"carri armati": "tanks"}


def test_json_wrapped_in_prose_and_a_code_fence_is_read(server):
    server.default = "wrapped"
    texts, hints = texts_and_hints()
    assert run(engine(server), texts, hints) == [translate(t) for t in texts]


def test_a_short_answer_is_retried_sentence_by_sentence_and_never_misaligned(server):
    server.script.extend(["short"])  # first batch short, then every request fine
    texts, hints = texts_and_hints()
    out = run(engine(server, jobs=1), texts, hints)
    assert out == [translate(t) for t in texts]
    sizes = [len(p["sentences"]) for p in server.payloads()]
    assert sizes[:3] == [2, 1, 1]  # the failed batch of two, then each sentence alone


def test_an_unreadable_sentence_fails_alone_with_a_reason(server):
    server.rules["lunedì"] = "prose"
    texts, hints = texts_and_hints()
    out = run(engine(server, jobs=1), texts, hints)
    assert isinstance(out[1], EngineError) and "no JSON" in str(out[1])
    assert [o for i, o in enumerate(out) if i != 1] == [translate(t) for i, t in enumerate(texts) if i != 1]


def test_429_and_503_are_retried_then_succeed(server):
    server.script.extend(["429", "503"])
    texts, hints = texts_and_hints()
    assert run(engine(server, jobs=1), texts, hints) == [translate(t) for t in texts]
    assert server.count == 4


def test_a_slow_server_times_out_as_an_error_per_sentence(server):
    server.default = 5
    client = HttpClient("openai", timeout=0.2, policy=RetryPolicy(0, 0.01, 0.05))
    eng = OpenAIEngine(client, url=server.url, model="tiny")
    out = run(eng, ["Una frase lenta da tradurre oggi."])
    assert isinstance(out[0], EngineError) and out[0].kind == "timeout"


def test_a_server_refusing_response_format_is_asked_without_it(server):
    server.refuse_schema = True
    texts, hints = texts_and_hints()
    assert run(engine(server, jobs=1), texts, hints) == [translate(t) for t in texts]
    assert "response_format" not in server.requests[-1]


def test_the_key_goes_in_a_bearer_header_and_never_in_an_error(server):
    server.default = "401"
    out = run(engine(server, api_key=SECRET), ["Il governo ha approvato la legge."])
    assert server.headers[0]["Authorization"] == f"Bearer {SECRET}"
    assert isinstance(out[0], EngineError) and SECRET not in str(out[0])


def test_no_url_or_no_model_says_what_to_set():
    eng = build_engine("openai", options={})
    assert "--engine-url" in str(eng.available())
    eng = build_engine("openai", url="http://127.0.0.1:9/v1", options={})
    assert "--model" in str(eng.available())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"translations": ["a", "b"]}', ["a", "b"]),
        ('```json\n{"translations": ["a", "b"]}\n```', ["a", "b"]),
        ('Here you go: {"translations": ["a", "b"]} Enjoy!', ["a", "b"]),
        ('["a", "b"]', ["a", "b"]),
    ],
)
def test_parse_translations_accepts_what_small_models_write(content, expected):
    assert parse_translations(content, 2) == expected


@pytest.mark.parametrize("content", ['{"translations": ["a"]}', "no json here", "{broken", None])
def test_parse_translations_refuses_wrong_counts_and_garbage(content):
    with pytest.raises(ValueError):
        parse_translations(content, 2)


def test_prepare_with_openai_stores_aligned_translations_and_hides_the_key(
    server, library, monkeypatch, caplog
):
    monkeypatch.setenv("LETTORE_OPENAI_KEY", SECRET)
    caplog.set_level(logging.DEBUG)
    server.script.extend(["ok", "short"])  # the heading, then a short first paragraph
    article = make_article("Titolo", [" ".join(p) for p in PARAGRAPHS])
    article_id, _ = library.add_article(article)
    settings = Settings(engines=("memory", "openai"), jobs=1,
                        openai={"url": server.url, "model": "tiny", "timeout": 2.0})
    report = prepare_articles(library, settings, [article_id])
    assert report.failed == 0 and report.by_engine["openai"] == report.total
    stored = library.translations(article_id)
    for block in library.get_article(article_id).blocks:
        for sentence in block.sentences:
            assert stored[(block.index, sentence.index)].text == translate(sentence.text)
    assert SECRET not in caplog.text
    assert SECRET not in (library.path.read_bytes().decode("latin-1"))


def test_the_chain_gives_each_paragraph_its_own_request(server):
    items = [((b, s), text) for b, p in enumerate(PARAGRAPHS) for s, text in enumerate(p)]
    outcomes = list(Chain([engine(server, jobs=1)]).run(items, "it", "en"))
    assert all(o.ok for o in outcomes)
    assert sorted(len(p["sentences"]) for p in server.payloads()) == [2, 3]


def test_config_openai_entries_are_checked():
    settings = parse_settings("openai: {url: 'http://localhost:11434/v1', model: llama3.1}\n")
    assert settings.openai["model"] == "llama3.1"
    for bad, message in [
        ("openai: {url: ftp://x}\n", r"http\(s\) URL"),
        ("openai: {api_key: x}\n", "LETTORE_OPENAI_KEY"),
        ("openai: {temperature: hot}\n", "'temperature' must be"),
    ]:
        with pytest.raises(UserError, match=message):
            parse_settings(bad)


def test_hint_terms_go_to_the_llm_as_glossary(server):
    run(engine(server), ["La Germania compra carri armati."],
        [TextHints(group=1, terms=(("Germania", "Germany"), ("carri armati", "tanks")))])
    assert server.payloads()[0]["glossary"] == {"Germania": "Germany", "carri armati": "tanks"}
