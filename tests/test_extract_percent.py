"""Percentages, percentage changes, percentage points and fractions of a whole."""

import pytest

from sahel_data.extract import extract_document


def figs(text, published="2025-01-01"):
    return {f["text"]: f for f in extract_document("t", text, published)["figures"]}


@pytest.mark.parametrize("sentence,span,value", [
    ("Turnout reached 57 percent in the capital.", "57 percent", 57),
    ("Prices climbed 86 % over the year.", "86 %", 86),
    ("Prices climbed 86% over the year.", "86%", 86),
    ("Only 12 per cent of wells still work.", "12 per cent", 12),
    ("Unemployment hit 31pc among young men.", "31pc", 31),
])
def test_percent_forms(sentence, span, value):
    f = figs(sentence)
    assert f[span]["value"] == value and f[span]["unit"] == "percent"
    assert f[span]["method"] == "percent"


def test_percentage_change():
    f = figs("Kidnappings saw a rise of 230 percent, while thefts fell by a third.")
    assert f["230 percent"]["unit"] == "percent" and f["230 percent"]["value"] == 230
    assert f["230 percent"]["measure"] == "rise"
    assert f["a third"]["unit"] == "percent" and f["a third"]["value"] == pytest.approx(33.33)


def test_percentage_points():
    f = figs("Coverage is 4 percentage points lower than last year.")
    assert f["4 percentage points"]["unit"] == "percentage_point"


@pytest.mark.parametrize("sentence,span,value", [
    ("Two-thirds of the schools are shut.", "Two-thirds", 66.67),
    ("Half of the herders lost cattle.", "Half", 50),
    ("A quarter of the budget goes to security.", "A quarter", 25),
    ("Three in four displaced people are women.", "Three in four", 75),
    ("One-fifth of the plan is funded.", "One-fifth", 20),
])
def test_fractions_are_percent(sentence, span, value):
    f = figs(sentence)
    assert f[span]["unit"] == "percent"
    assert f[span]["value"] == pytest.approx(value)


def test_a_third_country_is_not_a_fraction():
    f = figs("A third country offered to mediate, and the first half of 2024 was calm.")
    assert not any("third" in k for k in f)
    assert not any("half" in k.lower() for k in f)


def test_measure_of_a_share():
    f = figs("Armed groups caused 61 percent of the civilian deaths recorded.")
    assert f["61 percent"]["measure"] == "civilian deaths"


def test_confidence_interval_takes_the_estimates_unit():
    f = figs("Child wasting rose by 6.4% (95% CI 3.9-8.9) in the camps.")
    assert "95%" not in f
    ci = f["3.9-8.9"]
    assert ci["unit"] == "percent" and ci["qualifier"] == "range"
    assert ci["value_low"] == 3.9 and ci["value_high"] == 8.9
    f = figs("School attendance fell 2.2 percentage points (90% confidence interval 0.7-3.7).")
    assert f["0.7-3.7"]["unit"] == "percentage_point"


def test_standard_errors_and_intervals_take_the_estimates_unit():
    f = {x["text"]: x for x in extract_document("t", "The withdrawal raises the probability by 1.74 percentage points "
                                                     "(SE 0.31; 95% CI 1.13–2.35). Killings were 2.1 times as frequent "
                                                     "(95% CI 1.6–2.7) as elsewhere.")["figures"]}
    assert [f[k]["unit"] for k in ("0.31", "1.13–2.35", "1.6–2.7")] == ["percentage_point", "percentage_point", "times"]
    assert "95%" not in f  # a confidence level
