"""Ranking: what a fact-checker would verify first scores high and says why in words;
routine narrative scores low or is no claim at all."""

from __future__ import annotations

from lettore.analyse.claims import extract_claims
from lettore.analyse.claims.evaluate import article_from_gold
from lettore.analyse.claims.scoring import PANEL_THRESHOLD, score_claim
from lettore.analyse.rules import find_rule_entities
from lettore.model import Article, Claim, Entity


def _article(*paragraphs: list[str]) -> Article:
    """An article whose paragraphs hold the given sentences."""
    blocks = [{"kind": "paragraph", "sentences": [{"text": s} for s in p]} for p in paragraphs]
    return article_from_gold({"name": "t", "blocks": blocks})


def _claims(*paragraphs: list[str], people: tuple[str, ...] = ()) -> list[Claim]:
    """Claims with the rule entities and PER entities for the given names."""
    article = _article(*paragraphs)
    entities: list[Entity] = []
    for block in article.blocks:
        for s in block.sentences:
            entities += [e._replace(block=block.index, sentence=s.index) for e in find_rule_entities(s.text)]
            for name in people:
                if (at := s.text.find(name)) >= 0:
                    entities.append(Entity(name, "PER", block.index, s.index, at, at + len(name)))
    return extract_claims(article, sorted(entities, key=lambda e: (e.block, e.sentence, e.start)), {})


def _by_start(claims: list[Claim]) -> dict[str, Claim]:
    """Claims by their sentence's first word."""
    return {c.text.split()[0]: c for c in claims}


def test_money_quote_and_people_rank_above_routine_narrative() -> None:
    claims = _by_start(_claims([
        "Nella notte tre uomini incappucciati hanno sfondato la vetrina della tabaccheria.",
        "«Ci hanno portato via 8mila euro di gratta e vinci», ha detto la titolare Rosa Galli.",
        "Sul posto sono intervenuti i carabinieri della stazione locale per i rilievi.",
        "Secondo i militari i ladri potrebbero essere gli stessi del colpo di gennaio.",
    ], people=("Rosa Galli",)))
    assert claims["«Ci"].score > claims["Nella"].score
    routine = claims.get("Sul")
    assert routine is None or routine.score < min(c.score for k, c in claims.items() if k != "Sul")
    assert all(c.score >= PANEL_THRESHOLD for k, c in claims.items() if k in ("«Ci", "Nella", "Secondo"))


def test_why_says_in_words_what_raised_the_score() -> None:
    claims = _by_start(_claims([
        "«Ci hanno portato via 8mila euro di gratta e vinci», ha detto la titolare Rosa Galli.",
        "Un 45enne di Pavullo è stato arrestato per la rapina in farmacia.",
        "Forse i rapinatori erano stati già visti in paese la settimana prima.",
    ], people=("Rosa Galli",)))
    assert "a sum of money (8mila euro)" in claims["«Ci"].why
    assert "named source Rosa Galli" in claims["«Ci"].why
    assert "an age (45enne)" in claims["Un"].why and "legal outcome (arrestato)" in claims["Un"].why
    assert "speculation" in claims["Forse"].why


def test_routine_narrative_says_what_lowered_it() -> None:
    text = "Sul posto sono intervenuti i vigili del fuoco di Pavullo e un'ambulanza."
    score, why = score_claim(
        text=text, kind="assertion", speaker=None, carried=False, hedges=(), numbers=(), entities=("Pavullo",),
        date=None, subjective=False, words=len(text.split()),
    )
    assert "lowered by routine narrative (Sul posto sono intervenuti)" in why
    assert score < PANEL_THRESHOLD


def test_narration_with_nothing_to_check_is_no_claim() -> None:
    claims = _claims([
        "Si sono introdotti nel cortile e hanno rovistato dappertutto nei cassetti.",
        "Poi si sono dati alla fuga nei campi vicini approfittando del buio.",
    ])
    assert claims == []


def test_a_headline_ranks_below_the_body_sentence_that_says_it() -> None:
    claims = _by_start(_claims(
        ["Rapina in farmacia a Pavullo: arrestato un 45enne"],
        ["PAVULLO.", "Un 45enne di Pavullo è stato arrestato per la rapina in farmacia di ieri mattina.",
         "Il bottino era di 900 euro, ritrovati nella sua auto dai carabinieri."],
    ))
    assert claims["Un"].score > claims["Rapina"].score
    assert "headline" in claims["Rapina"].why
