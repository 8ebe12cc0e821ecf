"""Claims extraction: the seed article's claims, each kind, each cue, each number form,
the number check, the export forms and the gold-set floor."""

from __future__ import annotations

import json

import pytest

from lettore.analyse.claims import extract_claims, number_mismatches
from lettore.analyse.claims.evaluate import DEFAULT_GOLD, article_from_gold, evaluate
from lettore.export.claims import EXPORT_KEYS, claim_to_dict
from lettore.model import Article, Claim, Entity, Translation
from tests.locations import SEEDS

SEED = SEEDS / "kim-tanks-russia.it.txt"


def _article(*sentences: str) -> Article:
    """One paragraph block holding the given sentences."""
    document = {"name": "t", "blocks": [{"kind": "paragraph", "sentences": [{"text": s} for s in sentences]}]}
    return article_from_gold(document)


def _claims(*sentences: str, entities: list[Entity] | None = None) -> list[Claim]:
    """Claims of a one-paragraph article, with the given (or no) entities."""
    return extract_claims(_article(*sentences), entities or [], {})


def _one(sentence: str, entities: list[Entity] | None = None) -> Claim:
    """The single claim of a one-sentence article."""
    claims = _claims(sentence, entities=entities)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, Claim]:
    """The seed article through the real import-time analysis, claims by id."""
    from lettore.analyse.run import find_entities
    from lettore.ingest import load_path

    article = load_path(SEED)
    translations = {(b.index, s.index): Translation(f"EN {b.index}-{s.index}", "test")
                    for b in article.blocks for s in b.sentences}
    return {c.id: c for c in extract_claims(article, find_entities(article), translations)}


def _find(claims: dict[str, Claim], start: str) -> Claim:
    """The claim whose sentence starts with `start`."""
    return next(c for c in claims.values() if c.text.startswith(start))


def test_seed_putin_quote(seed_claims: dict[str, Claim]) -> None:
    claim = _find(seed_claims, '" Sono stato lieto')
    assert (claim.kind, claim.attributed_to) == ("quote", "Vladimir Putin")
    assert "dichiarato" in (claim.cue or "")


def test_seed_kcna_report_carries_over_continuing_sentences(seed_claims: dict[str, Claim]) -> None:
    for start in ("Secondo quanto riportato", "Ha quindi elogiato", "Il leader nordcoreano"):
        claim = _find(seed_claims, start)
        assert (claim.kind, claim.attributed_to) == ("reported", "Korean Central News Agency"), start


@pytest.mark.parametrize(
    ("start", "source", "hedged"),
    [("La visita di Kim", "Asia Times", False), ("Il sito War on the Rocks", "War on the Rocks", True),
     ("Il presidente della Corea del Nord", "Kim Jong Un", False)],
)
def test_seed_analysis_sources(seed_claims: dict[str, Claim], start: str, source: str, hedged: bool) -> None:
    claim = _find(seed_claims, start)
    assert (claim.kind, claim.attributed_to, claim.hedged) == ("reported", source, hedged)


def test_seed_newsweek_figure(seed_claims: dict[str, Claim]) -> None:
    claim = _find(seed_claims, "Nell'aprile 2025")
    assert (claim.kind, claim.attributed_to, claim.date) == ("reported", "Newsweek", "2025-04")
    assert [(n.value, n.unit) for n in claim.numbers] == [(20_000_000_000, "USD")]
    assert claim.score > 0.8 and "Newsweek" in claim.why


def test_seed_production_lines(seed_claims: dict[str, Claim]) -> None:
    claim = _find(seed_claims, "Pyongyang ha modificato")
    assert (claim.kind, claim.attributed_to) == ("statistic", None)
    assert [(n.value, n.unit, n.qualifier) for n in claim.numbers] == [(2000, "units", "at least")]


def test_seed_speculation_and_positions(seed_claims: dict[str, Claim]) -> None:
    claim = _find(seed_claims, "In tal caso")
    assert claim.kind == "speculation" and "limiterebbe" in claim.hedges
    assert claim.id == f"c{claim.block}-{claim.sentence}"
    assert claim.translation == f"EN {claim.block}-{claim.sentence}"
    assert all(not c.text.startswith("Kim e i carri") for c in seed_claims.values())  # headings


def test_seed_figures_rank_above_speculation(seed_claims: dict[str, Claim]) -> None:
    figure = _find(seed_claims, "Pyongyang ha modificato")
    vague = _find(seed_claims, "Allo stesso tempo")
    assert figure.score > vague.score
    assert "hedged" in vague.why


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("«Non ci arrenderemo mai di fronte a queste minacce», ha detto il ministro Rossi.", "quote"),
        ("Il ministro Mario Rossi ha dichiarato che il governo cadrà entro marzo.", "reported"),
        ("Il governo potrebbe cadere entro la fine dell'inverno secondo molti osservatori politici.", "reported"),
        ("Il governo presumibilmente cadrà entro la fine dell'inverno.", "speculation"),
        ("La disoccupazione è salita al 7,5% nel secondo trimestre.", "statistic"),
        ("Il ponte sullo Stretto è stato chiuso al traffico dalla prefettura.", "assertion"),
    ],
)
def test_kinds(sentence: str, kind: str) -> None:
    assert _one(sentence).kind == kind


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("Mario Rossi ha dichiarato che il ponte sarà chiuso per tre mesi.", "ha dichiarato", "Mario Rossi"),
        ("Secondo quanto riportato da Reuters il ponte sarà chiuso per tre mesi.", "Secondo quanto riportato da",
         "Reuters"),
        ("Il Corriere scriveva che il ponte sarebbe stato chiuso per tre mesi.", "scriveva", "Corriere"),
        ("Il sito Politico ha ipotizzato che il ponte venga chiuso per tre mesi.", "ha ipotizzato", "Politico"),
        ("Anna Bianchi spiegava che il ponte sarebbe stato chiuso per tre mesi.", "spiegava", "Anna Bianchi"),
        ("Il ponte, ha sottolineato Anna Bianchi, sarà chiuso per tre mesi.", "ha sottolineato", "Anna Bianchi"),
    ],
)
def test_reporting_cues(sentence: str, cue: str, source: str) -> None:
    claim = _one(sentence)
    assert (claim.kind, claim.cue, claim.attributed_to) == ("reported", cue, source)


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("I carri verrebbero surclassati dalle flotte moderne degli Stati Uniti.", "verrebbero"),
        ("Il governo potrebbe cadere entro la fine dell'inverno.", "potrebbe"),
        ("L'assistenza non si limiterebbe alle munizioni e ai missili balistici.", "limiterebbe"),
        ("Il piano sembra destinato a fallire entro la fine dell'anno.", "sembra"),
        ("I dati suggeriscono che la produzione sia aumentata nel corso dell'anno.", "suggeriscono"),
    ],
)
def test_hedge_cues(sentence: str, hedge: str) -> None:
    claim = _one(sentence)
    assert claim.hedged and hedge in claim.hedges and claim.kind == "speculation"


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("La Corea del Nord ha guadagnato circa 20 miliardi di dollari dalla guerra.", 20_000_000_000, "USD", "about"),
        ("Il regime mantiene linee di produzione attive con almeno 2.000 unità.", 2000, "units", "at least"),
        ("La disoccupazione è salita al 7,5% nel secondo trimestre dell'anno.", 7.5, "%", None),
        ("Il comune ha speso 5mila euro per la nuova piazza del paese.", 5000, "EUR", None),
    ],
)
def test_number_forms(sentence: str, value: float, unit: str, qualifier: str | None) -> None:
    claim = _one(sentence)
    assert [(n.value, n.unit, n.qualifier) for n in claim.numbers] == [(value, unit, qualifier)]


def test_quote_over_two_sentences_takes_the_speaker_named_where_it_closes() -> None:
    claims = _claims(
        "«Abbiamo vinto le elezioni in tutte le regioni del nord del Paese.",
        "Ora governeremo per cinque anni senza alcun problema», ha detto Mario Rossi.",
    )
    assert [(c.kind, c.attributed_to) for c in claims] == [("quote", "Mario Rossi")] * 2


def test_null_subject_and_inserted_cue_continue_the_speaker() -> None:
    claims = _claims(
        "Mario Rossi ha dichiarato che il ponte sarà chiuso per tre mesi.",
        "Ha poi aggiunto che i lavori costeranno quattro milioni di euro.",
        "I sindacati, ha affermato, non sono stati consultati dalla regione.",
    )
    assert [(c.kind, c.attributed_to) for c in claims] == [("reported", "Mario Rossi")] * 3


def test_titled_speaker_after_the_verb() -> None:
    claim = _one("La proteina favorisce la crescita del tumore, ha spiegato il prof. Berzofsky.")
    assert (claim.kind, claim.attributed_to) == ("reported", "Berzofsky")


def test_support_without_complement_is_not_a_report() -> None:
    claim = _one("Il 32 percento degli elettori ha sostenuto una tale candidatura.")
    assert (claim.kind, claim.attributed_to) == ("statistic", None)


def test_entities_and_date_come_from_the_given_entities() -> None:
    sentence = "Nell'aprile 2025 Newsweek scriveva che Pyongyang aveva guadagnato molto."
    entities = [
        Entity("aprile 2025", "DATE", 0, 0, 5, 16, "2025-04"),
        Entity("Newsweek", "ORG", 0, 0, 17, 25),
        Entity("Pyongyang", "LOC", 0, 0, 39, 48),
    ]
    claim = _one(sentence, entities)
    assert (claim.date, claim.entities, claim.attributed_to) == ("2025-04", ("Newsweek", "Pyongyang"), "Newsweek")


def test_questions_and_fragments_are_not_claims() -> None:
    assert _claims("Che cosa farà adesso il governo italiano?", "Ascolta ora") == []


@pytest.mark.parametrize(
    ("original", "translation", "missing"),
    [
        ("Almeno 2.000 unità.", "At least 2,000 units.", []),
        ("Almeno 2.000 unità.", "At least 2.000 units.", ["Almeno 2.000 unità"]),
        ("Circa 20 miliardi di dollari.", "About 20 billion dollars.", []),
        ("Circa 20 miliardi di dollari.", "About 20 million dollars.", ["Circa 20 miliardi di dollari"]),
        ("Sono morte 12 persone.", "Several people died.", ["12 persone"]),
    ],
)
def test_number_mismatches(original: str, translation: str, missing: list[str]) -> None:
    assert number_mismatches(original, translation) == missing


def test_export_dict() -> None:
    claim = _one("Il regime mantiene linee di produzione attive con almeno 2.000 unità.")
    exported = claim_to_dict(claim)
    assert tuple(exported) == EXPORT_KEYS
    assert exported["numbers"] == [
        {"text": "almeno 2.000 unità", "value": 2000, "unit": "units", "qualifier": "at least"}]
    json.dumps(exported)


def test_gold_set_floor() -> None:
    scores = evaluate(DEFAULT_GOLD)
    print(scores)
    assert scores.gold_claims >= 70
    assert scores.detection_precision >= 0.9 and scores.detection_recall >= 0.9
    assert scores.kind_accuracy >= 0.9
    assert scores.attribution_precision >= 0.8 and scores.attribution_recall >= 0.75


def test_hedged_speculation_naming_nothing_is_still_a_claim() -> None:
    found = _claims("La serie di incendi fa ipotizzare una regia unica dietro i roghi di questa estate.")
    assert [(c.kind, "hedged" in c.why) for c in found] == [("speculation", True)]
