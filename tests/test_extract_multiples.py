"""Multiples (times), durations and measures with unit symbols."""

import pytest

from sahel_data.extract import extract_document


def figs(text, published="2025-01-01"):
    return {f["text"]: f for f in extract_document("t", text, published)["figures"]}


@pytest.mark.parametrize("sentence,span,value", [
    ("Incidents grew three-fold after the coup.", "three-fold", 3),
    ("Incidents grew fourfold after the coup.", "fourfold", 4),
    ("The camp is twice the size it was.", "twice", 2),
    ("Fuel costs two and a half times what it did.", "two and a half times", 2.5),
    ("Rents are 1.5 times higher.", "1.5 times", 1.5),
])
def test_multiples(sentence, span, value):
    f = figs(sentence)
    assert f[span]["unit"] == "times" and f[span]["value"] == value
    assert f[span]["method"] == "multiple"


def test_doubled_is_not_a_figure():
    assert figs("The number of attacks doubled and then tripled.") == {}


@pytest.mark.parametrize("sentence,span,value,unit", [
    ("The siege lasted three years.", "three years", 3, "year"),
    ("Fighting went on for 48 hours.", "48 hours", 48, "hour"),
    ("The talks took six weeks.", "six weeks", 6, "week"),
    ("They walked for 9 days.", "9 days", 9, "day"),
])
def test_durations_include_their_unit(sentence, span, value, unit):
    f = figs(sentence)
    assert f[span]["value"] == value and f[span]["unit"] == unit


@pytest.mark.parametrize("sentence,span,unit", [
    ("The road runs 120 km through the bush.", "120 km", "km"),
    ("The reserve covers 3,500 km2.", "3,500 km2", "km2"),
    ("Police seized 40 kg of cannabis.", "40 kg", "kg"),
    ("Planes dropped 12 tonnes of food.", "12 tonnes", "t"),
    ("Trucks brought 300 t of maize.", "300 t", "t"),
])
def test_measures(sentence, span, unit):
    assert figs(sentence)[span]["unit"] == unit


def test_times_as_many_as_is_a_comparison_not_a_bound():
    f = figs("Ghana hosts 15,000 refugees, five times as many as two years ago.")
    assert f["five times"]["value"] == 5
    assert (f["two years"]["qualifier"], f["two years"]["value_high"]) == ("exact", None)
    f = figs("As many as 300 people died.")
    assert (f["As many as 300"]["qualifier"], f["As many as 300"]["value_high"]) == ("at_most", 300)


def test_hours_written_h():
    f = figs("Tolls in the first 24h are often revised. The attack began at 10h30 and lasted 48h.")
    assert (f["24h"]["unit"], f["24h"]["value"]) == ("hour", 24)
    assert (f["48h"]["unit"], f["48h"]["value"]) == ("hour", 48)
    assert not any(k.startswith("10") for k in f)  # 10h30 is a clock time
