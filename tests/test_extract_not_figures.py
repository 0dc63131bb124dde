"""What is never a figure: years, dates, ordinals, names, codes, clocks, phones,
ages, page furniture."""

from sahel_data.extract import extract_document


def fig_texts(text, published="2025-01-01"):
    return [f["text"] for f in extract_document("t", text, published)["figures"]]


def test_years_and_dates_are_not_figures():
    text = ("In 2024 the talks resumed; on 23 June 2023 a deal was signed. From 2018 to 2022 and "
            "between 2013 to 2017 exports grew. Since 2012, in February 2022 and on Jan 13 nothing changed.")
    assert fig_texts(text) == []


def test_ordinals_and_pronoun_one():
    assert fig_texts("The first convoy and the 5th battalion left; one failed in Dori.") == []


def test_names_codes_and_references():
    text = ("The G5 Sahel, Resolution 2719, Article 5 and COVID-19 rules were discussed, "
            "and a Mi-24 flew over MINUSMA's base.")
    assert fig_texts(text) == []


def test_clock_times_and_phone_numbers():
    assert fig_texts("The attack began at 4:45 a.m. Call +227 20 72 35 00 for help.") == []


def test_ages():
    assert fig_texts('"We lost everything," said Aminata Sow, 34, a trader.') == []
    assert fig_texts("A 60-year-old herder was beaten.") == []


def test_decades_are_skipped():
    assert fig_texts("The drought of the 1980s still shapes the region.") == []


def test_page_furniture_yields_no_figures():
    text = ("How the war spread\n- Awa Traore\n\n- Mar 3\n- 6 min read\n"
            "Share on Facebook · Share on X · Copy link\n"
            "Some 40 schools were closed.\n\n12 Comments\n© 2025 Example Media. All rights reserved.\n\nComments")
    out = extract_document("t", text, "2025-03-10")
    assert [f["text"] for f in out["figures"]] == ["Some 40"]
    # the byline date is a date row; the copyright year is not
    assert [d["text"] for d in out["dates"]] == ["Mar 3"]


def test_count_that_looks_like_a_year():
    f = {x["text"]: x for x in extract_document("t", "More than 2000 troops were sent.", "2025-01-01")["figures"]}
    assert f["More than 2000"]["value"] == 2000


def test_scores_ratios_and_codes():
    assert fig_texts("The match ended 2-1. The ratio was 3:1. Decree No. 2024-017 was signed.") == []


def test_road_numbers():
    assert fig_texts("Trucks on Route Nationale 16 were attacked.") == []
