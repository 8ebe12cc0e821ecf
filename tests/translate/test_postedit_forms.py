"""Italian forms the pivot copies word for word (`pivot_forms.py`), in English form through post_edit."""

from __future__ import annotations

import pytest

from lettore.translate.postedit import post_edit


@pytest.mark.parametrize(("pivot", "english"), [
    ("For the 3ª time since his 41º birthday, on 2º October.",
     "For the 3rd time since his 41st birthday, on 2 October."),
    ("The 11° and the 22º", "The 11th and the 22nd"),
])
def test_italian_ordinals_in_english_form(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("It drove at 90 km to the hour and works three days to the week.",
     "It drove at 90 km per hour and works three days a week."),
    ("They went back to the year of the flood and stayed to the day.",
     "They went back to the year of the flood and stayed to the day."),  # not a quantity's rate
])
def test_a_rate_per_unit_of_time(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("A friend of the his brother met the their parents.", "A friend of his brother met their parents."),
    ("This that happened is odd; all the one who we had is gone.", "What happened is odd; all that we had is gone."),
    ("It is on this that we work.", "It is on this that we work."),  # a cleft keeps `this that`
    ("Help for those who works and those who has nothing.", "Help for those who work and those who have nothing."),
])
def test_italian_pronoun_and_article_forms(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("The vote gave place on Monday; the next will give place in May.",
     "The vote took place on Monday; the next will take place in May."),
    ("The crash is given place at dawn, the fire is not given place.",
     "The crash took place at dawn, the fire did not take place."),
])
def test_tener_lugar_is_take_place(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("The dog is not for real angry; it is for real.", "The dog is not really angry; it is for real."),
    ("She rang to say me that the paralización of the thief, of the cual I spoke, was known of antaño.",
     "She rang to tell me that the arrest of the thief, of which I spoke, was known for a long time."),
])
def test_spanish_idioms_the_second_stage_renders_word_by_word(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ('She said: “it Is late, and we Know it.', 'She said: “It is late, and we Know it.'),
    ("In the March of 2019, the 2 May of 2020, since the past October, on the meridional coast.",
     "In March 2019, the 2 May 2020, since last October, on the southern coast."),
])
def test_capitals_dates_and_compass_points(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("United States warned, and trade between United Kingdom and Japan fell.",
     "The United States warned, and trade between the United Kingdom and Japan fell."),
    ("The senator United States Ann Lee spoke.", "The senator United States Ann Lee spoke."),  # `statunitense`
])
def test_countries_english_names_with_the(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("Proud of mine team, thanks to the mine staff; yours ideas too.",
     "Proud of my team, thanks to my staff; your ideas too."),
    ("The book is mine and a mine friend read ours too.", "The book is mine and a mine friend read ours too."),
])
def test_a_stressed_possessive_before_a_noun_is_my(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("After the vote of Sunday they met in the night of Monday.", "After Sunday's vote they met on Monday night."),
    ("The start of Friday and the meetings of the Friday night.",
     "The start of Friday and the meetings of the Friday night."),
    ("An earthquake of magnitude 6.1 hit the county of Santa Clara.",
     "A magnitude 6.1 earthquake hit Santa Clara County."),
])
def test_day_magnitude_and_county_before_the_noun(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("The game starts to 20.45 of Friday.", "The game starts at 20.45 on Friday."),
    ("Open from 9.00 to 12.30, it grew to 2.50 percent.", "Open from 9.00 to 12.30, it grew to 2.50 percent."),
])
def test_a_time_of_day_takes_at(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("The talks are still in course; she is in course for mayor.",
     "The talks are still under way; she is running for mayor."),
    ("They met on Friday in watched; the watched ended late.",
     "They met on Friday in the evening; the evening ended late."),
    ("He watched the game, watched by millions.", "He watched the game, watched by millions."),
])
def test_serata_and_in_corso(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("We stayed reason it rained; the reason for it is clear.",
     "We stayed because it rained; the reason for it is clear."),
    ("Reason did the mayor resign?", "Why did the mayor resign?"),
    ('And reason not?"', 'And why not?"'),
    ("She was like this happy and a like this big crowd came like this.",
     "She was so happy and such a big crowd came like this."),
])
def test_perche_and_cosi(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("They did not attain to enter; she attains to win.", "They did not manage to enter; she manages to win."),
    ("He did reference to the law and did appeal to voters.", "He referred to the law and appealed to voters."),
    ("The club has done to know that he left.", "The club made it known that he left."),
    ("She went in in politics and is going in in business.", "She went into politics and is going into business."),
])
def test_riuscire_and_light_verbs(pivot, english):
    assert post_edit(pivot) == english
