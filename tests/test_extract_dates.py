"""Dates: years, year ranges, months, days, year-less dates, events."""

import pytest

from sahel_data.extract import extract_document
from sahel_data.extract.dates import find_dates


def dates(text, published="2025-02-14"):
    return {d["text"]: d for d in extract_document("t", text, published)["dates"]}


@pytest.mark.parametrize("sentence,span,start,end,precision", [
    ("The talks failed in 2021.", "2021", "2021", "2021", "year"),
    ("Aid fell between 2019 and 2022.", "between 2019 and 2022", "2019", "2022", "year"),
    ("Prices rose from 2016 to 2020.", "from 2016 to 2020", "2016", "2020", "year"),
    ("The plan covers 2018-2022.", "2018-2022", "2018", "2022", "year"),
    ("The plan covers 2023-24.", "2023-24", "2023", "2024", "year"),
    ("The deal was signed in February 2022.", "February 2022", "2022-02", "2022-02", "month"),
    ("The deal was signed on 23 June 2023.", "23 June 2023", "2023-06-23", "2023-06-23", "day"),
    ("The deal was signed on June 23, 2023.", "June 23, 2023", "2023-06-23", "2023-06-23", "day"),
    ("The deal was signed on Aug. 5, 2024.", "Aug. 5, 2024", "2024-08-05", "2024-08-05", "day"),
    ("Elections were held in May and June 2015.", "May and June 2015", "2015-05", "2015-06", "month"),
    ("The lean season runs June-August 2025.", "June-August 2025", "2025-06", "2025-08", "month"),
    ("Report period: 1 April - 31 May 2024.", "1 April - 31 May 2024", "2024-04-01", "2024-05-31", "day"),
    ("Troops left by mid-2022.", "mid-2022", "2022", "2022", "year"),
    ("Raids rose between March 2022 and June 2023.", "between March 2022 and June 2023", "2022-03", "2023-06", "month"),
    ("Raids rose from May 2021 to January 2022.", "from May 2021 to January 2022", "2021-05", "2022-01", "month"),
    ("A review is due in the 2nd quarter of 2026.", "2nd quarter of 2026", "2026-04", "2026-06", "month"),
    ("Sales fell in Q4 2024.", "Q4 2024", "2024-10", "2024-12", "month"),
    ("The Panel counted 1,146 incidents between 1 August 2024 and 30 June 2025.",
     "between 1 August 2024 and 30 June 2025", "2024-08-01", "2025-06-30", "day"),
    ("From August 1, 2024 to June 30, 2025, 12 died.", "From August 1, 2024 to June 30, 2025", "2024-08-01",
     "2025-06-30", "day"),
    # the first day's month is after the second's: it lies in the year before
    ("It counted 300 between 1 August and 30 June 2025.", "1 August and 30 June 2025", "2024-08-01", "2025-06-30",
     "day"),
    ("Prices rose in the first half of 2025.", "first half of 2025", "2025-01", "2025-06", "month"),
])
def test_date_forms(sentence, span, start, end, precision):
    d = dates(sentence)[span]
    assert (d["date_start"], d["date_end"], d["precision"]) == (start, end, precision)


def test_yearless_dates_resolve_to_latest_on_or_before_published():
    d = dates("Talks began on Jan 13 and stalled by mid-November.", "2026-01-20")
    assert d["Jan 13"]["date_start"] == "2026-01-13"
    assert d["mid-November"]["date_start"] == "2025-11"
    d = dates("The base fell in March; on 2 March a convoy was hit.", "2025-02-14")
    assert d["March"]["date_start"] == "2024-03"
    assert d["2 March"]["date_start"] == "2024-03-02"


def test_two_years_with_and_are_two_dates():
    d = dates("Deaths were counted in 2022, 2023 and 2024 respectively.")
    assert {"2022", "2023", "2024"} <= set(d)


def test_relative_expressions_and_decades_are_not_dates():
    assert dates("Last fall and this autumn were calm, unlike the 1990s; it was recently quiet.") == {}


def test_modal_may_is_not_a_date():
    assert dates("Troops may leave soon. May the talks succeed.") == {}


def test_count_is_not_a_year():
    assert find_dates("Some 1,900 people and more than 2000 troops.") == []


@pytest.mark.parametrize("sentence,span,event", [
    ("A coup toppled the president in 2020.", "2020", "coup"),
    ("The group was founded in 2017 by two commanders.", "2017", "founded"),
    ("The battle for the town in 2024 was lost.", "2024", "battle"),
    ("Voters rejected the charter in a referendum in 2023.", "2023", "referendum"),
    ("Nothing of note happened in 2019.", "2019", None),
])
def test_event(sentence, span, event):
    assert dates(sentence)[span]["event"] == event


def test_sentence_of_a_date():
    d = dates("It rained. The dam broke in 2020. Crops failed.")
    assert d["2020"]["sentence"] == "The dam broke in 2020."


@pytest.mark.parametrize("sentence,span,start,end,precision", [
    ("Funding fell in FY2023 and fiscal year 2024.", "FY2023", "2023", "2023", "year"),
    ("Between 3 and 9 March, violence rose.", "Between 3 and 9 March", "2025-03-03", "2025-03-09", "day"),
    ("Fees tripled from the pre-2023 rate.", "2023", "2023", "2023", "year"),
])
def test_more_date_forms(sentence, span, start, end, precision):
    d = dates(sentence, "2025-03-12")[span]
    assert (d["date_start"], d["date_end"], d["precision"]) == (start, end, precision)


def test_a_count_after_to_is_not_a_short_year():
    d = dates("Attacks rose from 23 in 2022 to 81 in 2024.")
    assert d["2022"]["date_end"] == "2022" and d["2024"]["date_start"] == "2024"


def test_day_ranges_within_a_month():
    d = dates("Talks were held on March 5 and 6, 2024. On 5 and 6 June 40 people died.", "2024-07-01")
    assert (d["March 5 and 6, 2024"]["date_start"], d["March 5 and 6, 2024"]["date_end"]) == ("2024-03-05", "2024-03-06")
    assert (d["5 and 6 June"]["date_start"], d["5 and 6 June"]["date_end"]) == ("2024-06-05", "2024-06-06")
    figs = [f["text"] for f in extract_document("t", "On 5 and 6 June 40 people died.", "2024-07-01")["figures"]]
    assert figs == ["40"]


def test_numeric_dates():
    d = dates("Funds were mobilised by 15/06/2024.", "2024-07-01")
    assert d["15/06/2024"]["date_start"] == "2024-06-15"


def test_day_month_before_a_count():
    d = dates("As at 31 March, 1,876 schools remained closed.", "2024-05-15")
    assert d["31 March"]["date_start"] == "2024-03-31"


def test_a_year_before_an_amount_in_dollars_is_a_year():
    f = {x["text"]: x for x in extract_document("t", "Of this, US$ 1.02 billion is for 2026 and US$ 410 million for 2027.",
                                                  "2025-01-01")["figures"]}
    assert set(f) == {"US$ 1.02 billion", "US$ 410 million"}
    assert (f["US$ 410 million"]["period_start"], f["US$ 1.02 billion"]["period_start"]) == ("2027", "2026")


def test_a_wire_dateline_is_a_date_but_gives_no_period():
    text = ("LOMÉ, 6 March (Reuters) - Parliament extended the state of emergency by 12 months.\n\n"
            "NIAMEY, March 4 (AFP) -- On 3 March 2025 gunmen killed 12 soldiers.\n")
    result = extract_document("t", text, "2025-03-08")
    assert [d["text"] for d in result["dates"]] == ["6 March", "March 4", "3 March 2025"]
    f = {x["text"]: x for x in result["figures"]}
    assert f["12 months"]["period_start"] is None
    assert f["12"]["period_start"] == "2025-03-03"


def test_since_at_least_a_year_is_a_date():
    out = extract_document("t", "The network has moved gold since at least 2021. At least 2021 people died.", "2025-01-01")
    assert [d["text"] for d in out["dates"]] == ["2021"] and out["dates"][0]["char_start"] < 50
    assert [f["text"] for f in out["figures"]] == ["At least 2021"]


def test_two_whole_dates_joined_by_and_are_two_rows():
    d = dates("Units deployed in November 2025 and January 2026 were hit; 5 died on 3 May 2024 and 4 June 2024.")
    assert (d["November 2025"]["date_start"], d["January 2026"]["date_start"]) == ("2025-11", "2026-01")
    assert d["3 May 2024"]["date_end"] == "2024-05-03" and d["4 June 2024"]["date_start"] == "2024-06-04"
    assert dates("Between November 2025 and January 2026, 4 died.")["Between November 2025 and January 2026"][
        "date_end"] == "2026-01"


def test_a_year_after_in_whatever_follows_and_the_year_of_a_comparison_base():
    assert "2025" in dates("In 2025 our members had to suspend activities.")
    assert "2022" in dates("ACLED counted 1,000 deaths in 2025, roughly twice the number of 2022.")
    assert "2022" not in dates("The number of 2022 recruits was low.")


def test_month_names_in_capitals():
    d = dates("KEY FIGURES AS OF 31 OCTOBER 2025\nNew arrivals JULY–OCTOBER 2025: 12,400")
    assert d["31 OCTOBER 2025"]["date_start"] == "2025-10-31"
    assert (d["JULY–OCTOBER 2025"]["date_start"], d["JULY–OCTOBER 2025"]["date_end"]) == ("2025-07", "2025-10")


def test_a_day_and_month_in_two_digits_in_incident_logs():
    d = dates("- 23/02, 05:40 | Ouallam dept: NSAG attacked an FDS post; 9 FDS KIA.", published="2026-03-02")
    assert d["23/02"]["date_start"] == "2026-02-23"
    assert dates("The shop is open 24/7 and the score was 3/4.") == {}


def test_the_nth_day_of_a_month():
    assert dates("Done at Abuja, this 15th day of December 2025.")["15th day of December 2025"]["date_start"] == \
        "2025-12-15"


def test_a_byline_of_parts_keeps_its_date_row():
    text = ("Tendai Mukwevho-Sarr | African Defence Monitor | 18 February 2026 | 6 min read\n\n"
            "The armed forces have received 16 aircraft.")
    out = extract_document("t", text, "2026-02-18")
    assert [(d["text"], d["date_start"]) for d in out["dates"]] == [("18 February 2026", "2026-02-18")]
    assert [f["text"] for f in out["figures"]] == ["16"]  # the reading time is no figure


def test_quarters_and_a_timelines_year_before_its_month():
    text = ("Helicopter hours flown in Q1: 1,340, up from 910 in Q4.\n\n"
            "Table 1. Security incidents by region, Q3–Q4 2025\n\n2023 July - Soldiers seize power.\n\n"
            "In 2023 July was hot. Q14 Jane Doe: hello.")
    got = [(d["text"], d["date_start"], d["date_end"]) for d in extract_document("t", text, "2026-04-01")["dates"]]
    assert got == [("Q1", "2026-01", "2026-03"), ("Q4", "2025-10", "2025-12"), ("Q3–Q4 2025", "2025-07", "2025-12"),
                   ("2023 July", "2023-07", "2023-07"), ("2023", "2023", "2023")]


def test_in_march_at_a_paragraphs_end_before_a_number_on_its_own_line():
    got = [d["text"] for d in extract_document("t", "Tiani took a five-year term of his own in March.\n\n8,400\n\n"
                                                     "Schools closed.", "2025-12-31")["dates"]]
    assert got == ["March"]
