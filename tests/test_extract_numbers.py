"""Numbers written in digits and in words."""

import pytest

from sahel_data.extract import extract_document
from sahel_data.extract.numbers import parse_number


def figs(text, published="2025-01-01"):
    return {f["text"]: f for f in extract_document("t", text, published)["figures"]}


@pytest.mark.parametrize("s,v", [
    ("4,317", 4317), ("6.5", 6.5), ("1.2 million", 1.2e6), ("twelve thousand", 12000),
    ("twenty-five", 25), ("one hundred and fifty", 150), ("a dozen", 12), ("two dozen", 24),
    ("two and a half million", 2.5e6), ("3bn", 3e9), ("40k", 40000), ("seventeen", 17),
])
def test_parse_number(s, v):
    assert parse_number(s) == pytest.approx(v)


def test_digits_with_separators_and_decimals():
    f = figs("The convoy carried 3,417 sacks of grain and 2.75 tonnes of seed.")
    assert f["3,417"]["value"] == 3417.0 and f["3,417"]["unit"] == "count"
    assert f["2.75 tonnes"]["value"] == 2.75 and f["2.75 tonnes"]["unit"] == "t"


def test_decimal_comma_before_percent_or_scale_word():
    # texts translated from French keep "23,5 %"; a comma before one or two digits and a percent
    # sign or a scale word cannot be a thousands separator
    f = figs("Deaths fell by 23,5 % in Mali, and 1,2 million people fled while 12,75% of schools shut.")
    assert f["23,5 %"]["value"] == 23.5 and f["23,5 %"]["unit"] == "percent"
    assert f["1,2 million"]["value"] == 1.2e6
    assert f["12,75%"]["value"] == 12.75
    # elsewhere the comma still groups thousands or separates items
    g = figs("The army lists 1,250 soldiers, 12 trucks and 4,500 rounds.")
    assert g["1,250"]["value"] == 1250 and g["4,500"]["value"] == 4500


@pytest.mark.parametrize("sentence,span,value,qualifier", [
    ("Ouagadougou should pay the 20,000 or so volunteers.", "20,000 or so", 20000, "approx"),
    ("Fifty-odd of them were killed.", "Fifty-odd", 50, "approx"),
    ("Some 20-odd soldiers died.", "Some 20-odd", 20, "approx"),
    ("Gunmen burned 300-plus homes.", "300-plus", 300, "at_least"),
])
def test_hedges_written_after_the_number(sentence, span, value, qualifier):
    f = figs(sentence)[span]
    assert (f["value"], f["qualifier"]) == (value, qualifier)


def test_feed_shorthand_counts_but_not_multiples():
    f = figs("JNIM claims x3 vehicles seized. Air support: 2x Su-24 seen over the area.")
    assert f["x3"]["value"] == 3 and f["x3"]["unit"] == "count"
    assert f["2x"]["value"] == 2 and f["2x"]["unit"] == "count"
    # "2x" before a lower-case word is a multiple, not a count of things
    assert not any(k.startswith("2") for k in figs("Attacks rose 2x in Mali."))


def test_over_a_duration_is_during_unless_it_is_longer_than():
    f = figs("Some 500 people were killed over five days in Moura.")
    assert f["five days"]["qualifier"] == "exact" and "over five days" not in f
    assert f["Some 500"]["value"] == 500  # not an age bracket ("people over five")
    g = figs("She has lived there for over two years; the siege lasted over five days.")
    assert g["over two years"]["qualifier"] == "more_than"
    assert g["over five days"]["qualifier"] == "more_than"
    assert "five" not in figs("Food is scarce for children under five.")


def test_scaled_numbers():
    f = figs("About 4.3 million people need food aid, and 1.5 billion was pledged.")
    assert f["About 4.3 million"]["value"] == 4.3e6
    assert f["1.5 billion"]["value"] == 1.5e9


def test_word_numbers_and_counted_noun():
    f = figs("Gunmen torched eleven villages and kidnapped forty-two traders near the border.")
    assert f["eleven"]["value"] == 11 and f["eleven"]["measure"] == "villages"
    assert f["forty-two"]["value"] == 42 and f["forty-two"]["measure"] == "traders"


def test_big_word_numbers():
    f = figs("Officials registered twelve thousand new arrivals and a hundred returnees.")
    assert f["twelve thousand"]["value"] == 12000
    assert f["a hundred"]["value"] == 100


def test_dozen_and_couple():
    f = figs("A dozen checkpoints were removed; a couple of patrols stayed.")
    assert f["A dozen"]["value"] == 12 and f["A dozen"]["qualifier"] == "exact"
    c = next(v for k, v in f.items() if "couple" in k)
    assert c["value"] == 2 and c["qualifier"] == "approx"


def test_one_is_a_figure_only_before_a_scale_word():
    f = figs("One of the convoys was hit, and one million people fled; one failed in Kaya.")
    assert "One" not in f and "one" not in f
    assert f["one million"]["value"] == 1e6


def test_a_fraction_of_a_scale_word_is_one_number():
    f = figs("A quarter of a million people have fled, and two-thirds of a billion dollars was pledged.")
    assert f["A quarter of a million"]["value"] == 250000 and f["A quarter of a million"]["unit"] == "count"
    assert f["two-thirds of a billion dollars"]["value"] == 666666667
    assert f["two-thirds of a billion dollars"]["unit"] == "USD"


@pytest.mark.parametrize("sentence,span,value,unit", [
    # fraction glyphs
    ("Some 2½m people fled.", "Some 2½m", 2.5e6, "count"),
    ("About 1½ million are displaced.", "About 1½ million", 1.5e6, "count"),
    ("Nearly ¾ of the displaced are women.", "Nearly ¾", 75, "percent"),
    ("Fatalities were up ~⅓ on the previous week.", "~⅓", 33.33, "percent"),
    # phrases
    ("Today I would say a couple of hundred Russians are there.", "a couple of hundred", 200, "count"),
    ("After more than half a century of uranium mining, the town is poor.", "more than half a century", 50, "year"),
    ("Of the 900 employees, a third have not been paid.", "a third", 33.33, "percent"),
    ("Defence took some 30% of the budget in 2025, up from a tenth in 2019.", "a tenth", 10, "percent"),
    ("One child in five that we screen is acutely malnourished.", "One child in five", 20, "percent"),
    ("The Chamber sat for 187 hearing days.", "187 hearing days", 187, "day"),
    ("Mali raised CFAF 1,180 billion on the regional market.", "CFAF 1,180 billion", 1.18e12, "XOF"),
    ("The budget is UA 96.3 million.", "UA 96.3 million", 96.3e6, "UA"),
    ("It decides to raise the share of the levy allocated to peace and security from 10 per cent to 15 per cent.",
     "15 per cent", 15, "percent"),
    # the unit of the first of "from X to Y" carries to the second
    ("It cuts its time on station from about 20 hours to fewer than four.", "fewer than four", 4, "hour"),
])
def test_more_number_phrases(sentence, span, value, unit):
    f = figs(sentence)[span]
    assert f["value"] == pytest.approx(value) and f["unit"] == unit


def test_vague_amounts_of_money():
    f = figs("Western governments spent a decade and billions of euros in the Sahel.")
    assert f["billions of euros"]["unit"] == "EUR" and f["billions of euros"]["value_low"] == 1e9


def test_a_tables_column_unit():
    text = ("| Country | Year | Real GDP growth (%) | Aid (USD million) |\n|---|---|---|---|\n"
            "| Mali | 2024 | 4.9 | 120 |\n| Niger | 2025 est. | −3.4 | 80.5 |\n")
    f = figs(text)
    assert (f["4.9"]["unit"], f["−3.4"]["value"], f["−3.4"]["unit"]) == ("percent", -3.4, "percent")
    assert (f["120"]["unit"], f["120"]["value"]) == ("USD", 120e6)
    assert "USD million" not in f


def test_half_a_million():
    f = figs("The camp now shelters half a million people.")
    assert f["half a million"]["value"] == 500000 and f["half a million"]["unit"] == "count"


@pytest.mark.parametrize("sentence,span,unit", [
    ("Each sack held twenty kilos of sorghum.", "twenty kilos", "kg"),
    ("A 1 kilo bag of rice sold for less.", "1 kilo", "kg"),
    ("The truck carried 900 kilograms of seed.", "900 kilograms", "kg"),
    ("Donors shipped 4,500 tonnes of grain.", "4,500 tonnes", "t"),
    ("The trench was 300 metres long.", "300 metres", "m"),
    ("The wall rose 12 meters high.", "12 meters", "m"),
    ("The convoy stopped 40 miles from town.", "40 miles", "mi"),
    ("The camp covered 15 kilometres of desert.", "15 kilometres", "km"),
    ("The drone can stay aloft at up to 40,000 ft.", "up to 40,000 ft", "ft"),
    ("The contract covers 1,200 flight hours of support.", "1,200 flight hours", "hour"),
])
def test_measure_units(sentence, span, unit):
    f = figs(sentence)
    assert f[span]["unit"] == unit


def test_decades_are_years():
    f = figs("I have spent two decades in this work, nearly three decades in all.")
    assert (f["two decades"]["value"], f["two decades"]["unit"]) == (20, "year")
    assert (f["nearly three decades"]["value_high"], f["nearly three decades"]["unit"]) == (30, "year")


def test_handed_over_is_a_verb_not_a_bound():
    f = figs("Russia also handed over six rocket launchers to Niger. Fighting went on for over six days.")
    assert f["six"]["qualifier"] == "exact"
    assert f["over six days"]["qualifier"] == "more_than"


def test_a_table_rows_label_states_its_unit():
    text = ("| Variable | Mean | SD |\n|---|---|---|\n| Any violence against civilians (%) | 4.6 | 20.9 |\n"
            "| Distance to nearest army base (km) | 41.2 | 33.6 |\n| Population (thousands) | 18.7 | 24.1 |\n"
            "| Civilian fatalities (count) | 0.25 | 2.87 |\n")
    f = figs(text)
    assert [(f[k]["unit"], f[k]["value"]) for k in ("4.6", "41.2", "18.7", "0.25")] == [
        ("percent", 4.6), ("km", 41.2), ("count", 18700), ("count", 0.25)]
    assert "thousands" not in f  # the unit label is no figure


def test_one_school_in_five():
    f = figs("In Burkina Faso, one school in five remains closed.")
    assert (f["one school in five"]["value"], f["one school in five"]["unit"]) == (20, "percent")


def test_hours_and_minutes_square_miles_and_one_household_in_ten():
    f = figs("Use charter flights (1 h 40 min from Bamako to Gao). The trip takes 2 hours 15 minutes.")
    assert [(f[k]["value"], f[k]["unit"]) for k in ("1 h 40 min", "2 hours 15 minutes")] == [(100, "minute"),
                                                                                            (135, "minute")]
    f = figs("Area: 1.27 million sq km (490,000 sq miles). Fewer than one household in ten owns a television.")
    assert f["490,000 sq miles"]["unit"] == "mi2"
    g = f["Fewer than one household in ten"]
    assert (g["value"], g["unit"], g["qualifier"]) == (10, "percent", "less_than")


def test_triple_the_litres_in_capitals_and_a_designation_with_l():
    f = figs("Fuel cost 1,500 CFA francs per litre, triple the price in Fada. Fuel: ~180 L left. Russia delivered "
             "four L-39 jets. The junta wants to double the size of the army.")
    assert (f["triple"]["value"], f["triple"]["unit"]) == (3, "times")
    assert f["~180 L"]["unit"] == "l" and f["four"]["unit"] == "count"
    assert "double" not in f  # a verb
