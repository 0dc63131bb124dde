"""Ranges, bounds and vague quantities: value, value_low, value_high, qualifier."""

import pytest

from sahel_data.extract import extract_document


def figs(text, published="2025-01-01"):
    return {f["text"]: f for f in extract_document("t", text, published)["figures"]}


def test_between_and_range_with_unit_at_the_end():
    f = figs("Between 65 and 75 % of the roads are unsafe.")
    r = f["Between 65 and 75 %"]
    assert (r["value"], r["value_low"], r["value_high"]) == (70, 65, 75)
    assert r["qualifier"] == "range" and r["unit"] == "percent" and r["method"] == "range"


def test_dash_and_to_ranges():
    f = figs("Malnutrition affects 70-80% of children; the militia has 5,000 to 7,000 men.")
    assert f["70-80%"]["value"] == 75 and f["70-80%"]["unit"] == "percent"
    assert (f["5,000 to 7,000"]["value_low"], f["5,000 to 7,000"]["value_high"]) == (5000, 7000)


def test_from_to_range_and_scale_shared():
    f = figs("The force numbers from 5,000 to 7,000 troops and costs between 1 and 2 million dollars.")
    assert f["from 5,000 to 7,000"]["qualifier"] == "range"
    m = f["between 1 and 2 million dollars"]
    assert (m["value_low"], m["value_high"], m["unit"]) == (1e6, 2e6, "USD")


def test_change_from_to_is_two_figures():
    f = figs("The lake shrank from 9,000 km2 to roughly 2,000 km2.")
    assert f["9,000 km2"]["qualifier"] == "exact"
    assert f["roughly 2,000 km2"]["qualifier"] == "approx"


@pytest.mark.parametrize("phrase,qual,low,high", [
    ("more than 500", "more_than", 500, None),
    ("over 500", "more_than", 500, None),
    ("in excess of 500", "more_than", 500, None),
    ("at least 500", "at_least", 500, None),
    ("500 or more", "at_least", 500, None),
    ("nearly 500", "approx", None, 500),
    ("almost 500", "approx", None, 500),
    ("just under 500", "approx", None, 500),
    ("fewer than 500", "less_than", None, 500),
    ("under 500", "less_than", None, 500),
    ("up to 500", "at_most", None, 500),
    ("no more than 500", "at_most", None, 500),
    ("about 500", "approx", None, None),
    ("roughly 500", "approx", None, None),
    ("some 500", "approx", None, None),
    ("an estimated 500", "approx", None, None),
    ("maybe 500", "approx", None, None),
    ("perhaps 500", "approx", None, None),
])
def test_bounds(phrase, qual, low, high):
    f = figs(f"The patrol found {phrase} spent cartridges.")
    r = f[phrase]
    assert r["value"] == 500 and r["qualifier"] == qual
    assert r["value_low"] == low and r["value_high"] == high


def test_plus_sign():
    f = figs("The base hosts 1200+ contractors.")
    r = f["1200+"]
    assert (r["value"], r["value_low"], r["qualifier"]) == (1200, 1200, "at_least")


def test_word_bound():
    f = figs("More than twenty thousand people marched.")
    r = f["More than twenty thousand"]
    assert r["value"] == 20000 and r["qualifier"] == "more_than"


@pytest.mark.parametrize("phrase,low", [
    ("dozens", 12), ("hundreds", 100), ("thousands", 1000), ("a few hundreds", 100),
    ("tens of thousands", 10000), ("several hundred", 100),
])
def test_vague(phrase, low):
    f = figs(f"The floods displaced {phrase} of families.")
    r = next(v for k, v in f.items() if k.startswith(phrase))
    assert r["value"] is None and r["value_low"] == low and r["qualifier"] == "vague"


def test_quantifiers_without_number_word_are_not_figures():
    assert figs("Several villages, many wells and a few markets were hit.") == {}


def test_change_with_bound_is_two_figures():
    f = figs("The force has grown from about 3,000 to 4,500 troops.")
    assert f["about 3,000"]["qualifier"] == "approx"
    assert f["4,500"]["qualifier"] == "exact"


def test_spaced_thousands():
    f = figs("The task force has lost nearly 1 000 soldiers.")
    assert f["nearly 1 000"]["value"] == 1000


def test_no_range_across_units():
    f = figs("Fatalities rose 9 percent to 11,200 last year.")
    assert f["9 percent"]["unit"] == "percent" and f["11,200"]["unit"] == "count"


def test_two_guesses_joined_by_or_are_a_range_and_large_times_are_how_often():
    f = figs("Some nights 30 or 40 motorbikes cross; in 2020 or 2021, 10 or 100 people died.")
    assert (f["30 or 40"]["qualifier"], f["30 or 40"]["value_low"], f["30 or 40"]["value_high"]) == ("range", 30, 40)
    assert "10" in f and "100" in f  # too far apart to be one guess
    f = figs("The video was viewed more than 2.3 million times; prices are three times higher.")
    assert f["more than 2.3 million"]["unit"] == "count"
    assert f["three times"]["unit"] == "times"
    assert figs("It is more like 40,000 in the villages.")["more like 40,000"]["qualifier"] == "approx"
