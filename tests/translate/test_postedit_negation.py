"""Italian negation and `di` + infinitive after the pivot (`pivot_negation.py`), through post_edit."""

from __future__ import annotations

import pytest

from lettore.translate.postedit import post_edit


@pytest.mark.parametrize(("pivot", "english"), [
    ("The shop is not more open, and not more than 10 came.", "The shop is no longer open, and not more than 10 came."),
    ("She will not forget never; he did not call never; they do not sing never.",
     "She will never forget; he never called; they never sing."),
    ("He promised of not lying never.", "He promised of never lying."),
    ("The club no will pay and the fans no were told.", "The club will not pay and the fans were not told."),
    ("There is no will to pay, with no can of paint.", "There is no will to pay, with no can of paint."),
])
def test_italian_negation_in_english_form(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("They lost the possibility to travel and run the risk to fail.",
     "They lost the possibility of travelling and run the risk of failing."),
    ("The town has difficulty to pay its debts.", "The town has difficulty in paying its debts."),
    ("A risk to the harvest and a team in difficulty to the end.",
     "A risk to the harvest and a team in difficulty to the end."),  # not a verb after `to`; a state
])
def test_nouns_that_take_of_and_a_gerund(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("The road is not still open; the mayor promised also that it would.",
     "The road is not yet open; the mayor also promised that it would."),
    ("They wanted always to win and the results also show it.",
     "They always wanted to win and the results also show it."),
    ("He is still here and has already gone.", "He is still here and has already gone."),  # `be`, auxiliaries
])
def test_an_adverb_goes_before_the_lexical_verb(pivot, english):
    assert post_edit(pivot) == english
