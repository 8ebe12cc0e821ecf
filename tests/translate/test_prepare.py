"""`prepare`: memory first, engines after, failures pending, nothing sent twice."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from fakes.articles import make_article, numbered_article
from fakes.libre_server import LibreServer, translate
from lettore.config import Settings
from lettore.store import Library
from lettore.translate.engines import BaseEngine, HttpClient, LibreEngine, RetryPolicy
from lettore.translate.engines.errors import EngineUnavailable
from lettore.translate.prepare import next_engines, prepare_articles, translate_sentences

SECRET = "lt-key-0000-secret"


class RoughEngine(BaseEngine):
    """A stand-in for Apertium: instant, offline, rough."""

    name = "apertium"
    rough = True

    def translate_batch(self, texts: list[str], src: str, tgt: str) -> list[str]:
        return [f"(gist) {t}" for t in texts]


class DownEngine(BaseEngine):
    """An engine whose service cannot be reached."""

    name = "google"

    def translate_batch(self, texts: list[str], src: str, tgt: str) -> list[str]:
        raise EngineUnavailable(self.name, "cannot connect to the server")


@pytest.fixture
def server() -> Iterator[LibreServer]:
    with LibreServer() as srv:
        yield srv


@pytest.fixture
def library(tmp_path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library.sqlite")
    yield lib
    lib.close()


def libre(server: LibreServer, timeout: float = 0.5, api_key: str | None = None) -> LibreEngine:
    client = HttpClient("libre", timeout=timeout, policy=RetryPolicy(1, 0.01, 0.02),
                        secrets=(api_key,) if api_key else ())
    return LibreEngine(client, url=server.url, jobs=4, api_key=api_key)


def add(library: Library, article) -> int:
    return library.add_article(article)[0]


def untranslated(library: Library, article_id: int) -> int:
    article = library.get_article(article_id)
    return article.sentence_count() - len(library.translations(article_id))


def test_prepare_translates_everything_then_sends_nothing(library, server):
    ids = [add(library, numbered_article(f"Articolo {n}", 3, 4)) for n in range(2)]
    report = prepare_articles(library, Settings(), None, ["memory", "libre"],
                              engines=[libre(server)])
    assert report.exit_code == 0 and report.failed == 0
    assert report.translated == 2 * 13 == server.count
    article = library.get_article(ids[0])
    sentence = article.blocks[1].sentences[2]
    stored = library.translations(ids[0])[(1, 2)]
    assert stored.text == translate(sentence.text) and stored.source == "libre"
    assert not stored.rough
    again = prepare_articles(library, Settings(), None, ["memory", "libre"],
                             engines=[libre(server)])
    assert again.total == 0 and server.count == 26


def test_memory_serves_sentences_seen_in_other_articles(library, server):
    first = add(library, make_article("Primo", ["Il governo ha approvato la legge di bilancio."]))
    prepare_articles(library, Settings(), [first], ["memory", "libre"], engines=[libre(server)])
    sent = server.count
    second = add(library, make_article(
        "Secondo", ["Il governo ha approvato la legge di bilancio. Poi è scoppiata la polemica."]))
    report = prepare_articles(library, Settings(), [second], ["memory", "libre"],
                              engines=[libre(server)])
    assert report.from_memory == 1
    assert server.count == sent + 2  # the new heading and the new sentence only
    assert library.translations(second)[(1, 0)].source == "memory"


@pytest.mark.parametrize("fault", ["503", "429", "garbage", "hang", "close", "echo"])
def test_failures_are_pending_and_only_they_are_retried(library, server, fault):
    article_id = add(library, make_article("Cronaca", [
        "Il sindaco ha inaugurato il ponte. Putin ha risposto alle accuse del giornale.",
        "La città festeggia da giorni. Putin non ha commentato la notizia del giorno.",
    ]))
    server.rules = {"Putin": fault}
    report = prepare_articles(library, Settings(), [article_id], ["memory", "libre"],
                              engines=[libre(server, timeout=0.2)])
    assert report.exit_code == 3
    assert report.failed == 2 and report.translated == 3
    pending = library.pending(article_id)
    assert set(pending) == {(1, 1), (2, 1)}
    assert all(reason.startswith("libre:") for reason in pending.values())
    assert untranslated(library, article_id) == 2
    server.rules = {}
    before = server.count
    retry = prepare_articles(library, Settings(), None, ["memory", "libre"],
                             engines=[libre(server)])
    assert retry.exit_code == 0 and retry.translated == 2
    assert server.texts()[before:] and all("Putin" in q for q in server.texts()[before:])
    assert library.pending(article_id) == {} and untranslated(library, article_id) == 0
    assert library.integrity_ok()


def test_rough_fallback_is_kept_pending_and_replaced_later(library, server):
    article_id = add(library, make_article("Esteri", ["Il vertice si è chiuso senza accordo."]))
    report = prepare_articles(library, Settings(), [article_id], ["memory", "google", "apertium"],
                              engines=[DownEngine(), RoughEngine()])
    assert report.exit_code == 3 and report.fallback == 2 and report.failed == 0
    stored = library.translations(article_id)[(1, 0)]
    assert stored.rough and stored.source == "apertium"
    assert "google" in library.pending(article_id)[(1, 0)]
    hit = library.tm_lookup(["Il vertice si è chiuso senza accordo."])
    assert all(rough for _, _, rough in hit.values())  # remembered only as rough
    still_down = prepare_articles(library, Settings(), None, ["memory", "google", "apertium"],
                                  engines=[DownEngine(), RoughEngine()])
    assert still_down.failed == 0 and still_down.fallback == 2 and still_down.exit_code == 3
    assert library.translations(article_id)[(1, 0)].rough  # the gist is kept meanwhile
    later = prepare_articles(library, Settings(), None, ["memory", "libre", "apertium"],
                             engines=[libre(server), RoughEngine()])
    assert later.exit_code == 0 and server.count == 2
    better = library.translations(article_id)[(1, 0)]
    assert not better.rough and better.source == "libre"
    assert library.pending(article_id) == {}


def test_rough_only_chain_is_complete_not_pending(library):
    article_id = add(library, make_article("Sport", ["La squadra ha vinto la partita."]))
    report = prepare_articles(library, Settings(), [article_id], ["apertium"],
                              engines=[RoughEngine()])
    assert report.exit_code == 0 and report.rough == 2
    assert prepare_articles(library, Settings(), None, ["apertium"],
                            engines=[RoughEngine()]).total == 0


def test_cancel_keeps_finished_paragraphs(library, server):
    server.latency = 0.05
    article_id = add(library, numbered_article("Lungo", 10, 2))
    cancel = threading.Event()

    def stop_after_some(report) -> None:
        if report.translated >= 6:
            cancel.set()

    report = prepare_articles(library, Settings(), [article_id], ["libre"],
                              engines=[libre(server)], on_progress=stop_after_some,
                              cancel=cancel)
    kept = library.translations(article_id)
    assert 6 <= len(kept) < 21
    assert report.translated == len(kept)
    first = set(server.texts())
    prepare_articles(library, Settings(), None, ["libre"], engines=[libre(server)])
    article = library.get_article(article_id)
    resent = [q for q in server.texts()[len(first):] if q in {
        s.text for b in article.blocks for s in b.sentences if (b.index, s.index) in kept}]
    assert resent == []
    assert untranslated(library, article_id) == 0


def test_settings_drive_the_engines_and_keys_stay_secret(library, server, tmp_path):
    article_id = add(library, make_article("Segreto", ["La chiave non deve comparire mai."]))
    settings = Settings(engines=("memory", "libre"), engine_urls={"libre": server.url},
                        api_keys={"libre": SECRET}, timeout=0.5, retries=0)
    server.default = "403"
    report = prepare_articles(library, settings, [article_id])
    assert report.exit_code == 3
    reasons = " ".join(library.pending(article_id).values()) + " ".join(report.reasons)
    assert "refused the API key" in reasons and SECRET not in reasons
    server.default = "ok"
    assert prepare_articles(library, settings).exit_code == 0
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in tmp_path.iterdir():
        assert SECRET.encode() not in path.read_bytes()


def test_next_engines_rotates_past_the_current_one():
    chain = ["memory", "google", "libre", "apertium"]
    assert next_engines(chain, "libre") == ["apertium", "google"]
    assert next_engines(chain, "memory") == ["google", "libre", "apertium"]
    assert next_engines(chain, None) == ["google", "libre", "apertium"]


def test_translate_sentences_replaces_one_sentence(library, server):
    article_id = add(library, make_article("Titolo", ["Prima frase qui. Seconda frase qui."]))
    prepare_articles(library, Settings(), None, ["apertium"], engines=[RoughEngine()])
    result = translate_sentences(library, Settings(engines=("memory", "libre", "apertium")),
                                 article_id, [(1, 1)], skip="apertium",
                                 engines=[libre(server)])
    assert result["translations"][(1, 1)].text == "[en] Seconda frase qui."
    stored = library.translations(article_id)
    assert stored[(1, 1)].source == "libre" and stored[(1, 0)].source == "apertium"
    assert server.count == 1


def test_retranslating_a_reference_keeps_it_as_a_version_and_in_the_memory(library):
    from lettore.translate.memory import remember

    source = "Kim Jong Un ha visitato la fabbrica di carri armati."
    remember(library, [(source, "Kim Jong Un visited the tank factory.", "reference", False)])
    article_id = add(library, make_article("Titolo", [source]))
    prepare_articles(library, Settings(), None, ["memory"], engines=[])
    assert library.translations(article_id)[(1, 0)].source == "memory"
    result = translate_sentences(library, Settings(engines=("memory", "google", "apertium")),
                                 article_id, [(1, 0)], engines=[DownEngine(), RoughEngine()])
    assert result["engines"] == ["apertium"]  # google failed: the toast must not name it
    assert library.translations(article_id)[(1, 0)].text == f"(gist) {source}"
    assert library.tm_units()[0][1] == "Kim Jong Un visited the tank factory."
    assert library.previous_version(article_id, (1, 0)).text == "Kim Jong Un visited the tank factory."


def test_an_online_engine_leaving_a_glossary_term_in_italian_gets_its_english(library, server):
    from lettore.translate.glossary import glossary_path, write_glossary

    write_glossary(glossary_path(library.path.parent), {"carri armati": "tanks"})
    article_id = add(library, make_article("Titolo", ["Arrivano i carri armati."]))
    prepare_articles(library, Settings(), [article_id], ["libre"], engines=[libre(server)])
    assert library.translations(article_id)[(1, 0)].text == "[en] Arrivano i tanks."
