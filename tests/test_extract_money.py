"""Money: currency symbols, codes and words; values in units."""

import pytest

from sahel_data.extract import extract_document


def figs(text, published="2025-01-01"):
    return {f["text"]: f for f in extract_document("t", text, published)["figures"]}


@pytest.mark.parametrize("sentence,span,value,unit", [
    ("The fund received $1.5 billion last year.", "$1.5 billion", 1.5e9, "USD"),
    ("Donors pledged USD 20 million for the corridor.", "USD 20 million", 2e7, "USD"),
    ("The mission cost 200 million euros a year.", "200 million euros", 2e8, "EUR"),
    ("Fines reached 35,000 CFA francs per truck.", "35,000 CFA francs", 35000, "XOF"),
    ("The ransom was €4m.", "€4m", 4e6, "EUR"),
    ("Herders paid 12,000 FCFA per head.", "12,000 FCFA", 12000, "XOF"),
    ("Bribes cost 5,000 naira at each post.", "5,000 naira", 5000, "NGN"),
    ("The appeal sought US$88 million.", "US$88 million", 8.8e7, "USD"),
    ("Tokyo pledged JPY 2.4 billion to the fund.", "JPY 2.4 billion", 2.4e9, "JPY"),
    ("Bern added CHF 21.3 million and Oslo NOK 250m.", "CHF 21.3 million", 2.13e7, "CHF"),
    ("Bern added CHF 21.3 million and Oslo NOK 250m.", "NOK 250m", 2.5e8, "NOK"),
    ("Each ration costs 40 cents a day.", "40 cents", 0.4, "USD"),
    ("Kidnappers demanded N45m for the pupils.", "N45m", 4.5e7, "NGN"),
    ("The state paid N250,000 to each family.", "N250,000", 250000, "NGN"),
    ("The budget rose to N4.5bn.", "N4.5bn", 4.5e9, "NGN"),
    ("Kano pledged N3 billion.", "N3 billion", 3e9, "NGN"),
])
def test_currencies(sentence, span, value, unit):
    f = figs(sentence)
    assert f[span]["value"] == pytest.approx(value)
    assert f[span]["unit"] == unit and f[span]["method"] == "money"


def test_money_with_bound():
    f = figs("Smugglers earned more than $3 million from the route.")
    r = f["more than $3 million"]
    assert r["qualifier"] == "more_than" and r["value_low"] == 3e6 and r["unit"] == "USD"


def test_money_range():
    f = figs("Each hostage fetched 500,000 to 2 million CFA francs.")
    r = f["500,000 to 2 million CFA francs"]
    assert (r["value_low"], r["value_high"], r["unit"]) == (500000, 2e6, "XOF")


def test_vague_money():
    f = figs("Traffickers move several million euros a year.")
    r = f["several million euros"]
    assert r["qualifier"] == "vague" and r["value"] is None and r["unit"] == "EUR"


def test_us_dollar_sign_is_not_a_place():
    out = extract_document("t", "The plan received US$50 million.", "2025-01-01")
    assert not [m for m in out["mentions"] if m["entity_id"] == "USA"]


def test_currency_carries_to_the_compared_amount():
    f = figs("The defence budget reached 140 billion CFA francs in 2024, up from 72 billion in 2021.")
    assert f["72 billion"]["unit"] == "XOF" and f["72 billion"]["value"] == 72e9


def test_a_currency_code_is_upper_case_only():
    f = figs("All 10 villages and the top 5 markets were hit.")
    assert f["10"]["unit"] == "count" and f["5"]["unit"] == "count"


def test_a_road_number_is_not_naira():
    f = figs("Traffic on the N1 stopped and 12 trucks burned near the N17.")
    assert "N1" not in f and "N17" not in f and f["12"]["unit"] == "count"


def test_a_bare_amount_takes_the_currency_of_the_sentence_before():
    f = figs("Rice costs 30,000 CFA francs in Gao. In Mopti it is maybe 25,000.")
    assert f["maybe 25,000"]["unit"] == "XOF" and f["maybe 25,000"]["method"] == "money"
    f = figs("The army spent $4.5m on drones in 2023. A year later it spent 6.1m.")
    assert f["6.1m"]["unit"] == "USD"


@pytest.mark.parametrize("text,span", [
    ("The attack cost $2m. Some 1,500 fled.", "Some 1,500"),  # another order of magnitude
    ("A bag sold for 18,000 CFA francs. In Djibo, 20,000 people remain.", "20,000"),  # counts people
    ("A bag sold for 18,000 CFA francs.\n\nIn Djibo it is 20,000.", "20,000"),  # another paragraph
])
def test_a_bare_count_keeps_its_unit(text, span):
    assert figs(text)[span]["unit"] == "count"


@pytest.mark.parametrize("sentence,span,low,high,unit", [
    ("Residents paid between N50,000 and N100,000 each.", "between N50,000 and N100,000", 5e4, 1e5, "NGN"),
    ("Between $2bn and $3bn was paid.", "Between $2bn and $3bn", 2e9, 3e9, "USD"),
    ("Fines ranged from €5m to €10m.", "from €5m to €10m", 5e6, 1e7, "EUR"),
])
def test_a_range_with_the_currency_written_twice(sentence, span, low, high, unit):
    r = figs(sentence)[span]
    assert (r["qualifier"], r["value_low"], r["value_high"], r["unit"]) == ("range", low, high, unit)


def test_an_amount_set_against_another_takes_its_currency():
    f = figs("Fuel at 1,500 FCFA/litre vs 750 before the blockade.")
    assert f["750"]["unit"] == "XOF"
    f = figs("The bag cost $20 against 2 people.")
    assert f["2"]["unit"] == "count"
