"""Document structure: sentence ends, list items, page furniture, date forms,
reference numbers, unit adjectives and ages (general rules, own sentences)."""

from sahel_data.extract import extract_document
from sahel_data.extract.text import mask_markup, split_sentences


def sents(text):
    masked = mask_markup(text)
    return [text[s.start:s.end] for s in split_sentences(masked)]


def figs(text, published="2025-04-10"):
    return [f["text"] for f in extract_document("t", text, published)["figures"]]


def dates(text, published="2025-04-10"):
    return [(d["text"], d["date_start"], d["date_end"]) for d in extract_document("t", text, published)["dates"]]


# --- 1. sentence ends and list items

def test_superscript_footnote_mark_ends_a_sentence():
    text = "The convoy lost 75 vehicles.² Officials blamed the rains. Was it 22?³ Nobody knows."
    assert sents(text) == ["The convoy lost 75 vehicles.²", "Officials blamed the rains.", "Was it 22?³",
                           "Nobody knows."]


def test_bracketed_footnote_marks_end_a_sentence():
    text = "Raids killed 19 people.[5][6] Another 4 died in hospital."
    raw = [text[s.start:s.end] for s in split_sentences(text)]
    assert raw == ["Raids killed 19 people.[5][6]", "Another 4 died in hospital."]
    assert figs(text) == ["19", "4"]


def test_dotted_initials_before_a_code_number_do_not_end_a_sentence():
    text = "The bill H.R. 1234 passed. The U.S. gave aid. The U.K. did too."
    assert sents(text) == ["The bill H.R. 1234 passed.", "The U.S. gave aid.", "The U.K. did too."]


def test_each_list_item_is_its_own_sentence_and_stops_a_credit():
    text = ("According to the Red Cross, 120 people were hurt:\n"
            "- 14 villages burned\n* 9 wells poisoned\n• 6 kidnappings\n1. 44 incidents in the west\n")
    assert sents(text)[1:] == ["- 14 villages burned", "* 9 wells poisoned", "• 6 kidnappings",
                               "44 incidents in the west"]
    rows = extract_document("t", text, "2025-04-10")["figures"]
    assert [(r["text"], r["attributed_to"]) for r in rows] == [
        ("120", "Red Cross"), ("14", None), ("9", None), ("6", None), ("44", None)]


# --- 2. short count bullets are content; byline bullets are furniture

def test_short_count_bullets_are_content():
    text = "Week summary\n\n- 61 clashes, 205 deaths\n- 8 drone strikes\n- 1 event"
    assert figs(text) == ["61", "205", "8", "1"]


def test_byline_bullets_are_furniture():
    text = "- Published 12 March 2025\n- 6 min read\n- Aminata Sow\n\nGunmen killed 11 herders."
    assert figs(text) == ["11"]
    assert dates(text) == [("12 March 2025", "2025-03-12", "2025-03-12")]


# --- 3. "Published" / "Updated" lines: a date row, no figure

def test_published_and_updated_lines_keep_their_date():
    text = ("Updated January 22, 2025, 14:02 GMT\n\nPublished 4 February 2025\n\n"
            "Gunmen killed 11 herders.")
    assert figs(text) == ["11"]
    assert [d[1] for d in dates(text)] == ["2025-01-22", "2025-02-04"]


# --- 5. page furniture with numbers

def test_reading_time_and_social_counters_are_furniture():
    text = ("Reading time: 7 min\n\nReading time 12 minutes\n\n9-minute read\n\n12 min. read\n\n"
            "♥ 347 · 19 Comments\n\n♥ 89\n\nComments (12)\n\nShare 45\n\n🧵 3/5\n\n"
            "The junta expelled 4 diplomats.")
    assert figs(text) == ["4"]


def test_inline_social_counters_are_not_figures():
    text = "🧵 2/6 The junta expelled 4 diplomats. The post has 27 Comments and ♥ 318 likes."
    assert figs(text) == ["4"]
    # a lower-case "comments" in prose counts
    assert figs("The ministry received 31 comments on the draft law.") == ["31"]


# --- 4. date forms

def test_day_ranges_sharing_a_month_are_one_date_and_no_figure():
    for text, start, end in (("Fighting flared between 12 and 18 January, leaving 33 dead.", "2025-01-12", "2025-01-18"),
                             ("Fighting flared 12-18 January 2025, leaving 33 dead.", "2025-01-12", "2025-01-18"),
                             ("From 4 March to 11 March, 33 people died.", "2025-03-04", "2025-03-11"),
                             ("Between 28 February and 6 March, 33 people died.", "2025-02-28", "2025-03-06")):
        assert figs(text) == ["33"], text
        assert [(d[1], d[2]) for d in dates(text)] == [(start, end)], text
    # two days joined by "and" without "between" stay two dates
    assert len(dates("On 4 March and 11 March, attacks killed 12 people.")) == 2


def test_pre_and_post_years_are_dates():
    text = "Aid was twice the pre-2019 level, and 14 post-2021 programmes closed."
    assert figs(text) == ["twice", "14"]
    assert [d[1] for d in dates(text)] == ["2019", "2021"]


def test_fiscal_years_are_dates():
    text = ("The budget for FY2022 was $40 million; in FY 2024 it was $55 million; fiscal year 2021 saw "
            "$30 million and FY21 $3 million.")
    assert [d[1] for d in dates(text)] == ["2022", "2024", "2021", "2021"]
    rows = extract_document("t", text, "2025-04-10")["figures"]
    assert [(r["text"], r["period_start"]) for r in rows] == [
        ("$40 million", "2022"), ("$55 million", "2024"), ("$30 million", "2021"), ("$3 million", "2021")]
    assert [(d[1], d[2]) for d in dates("Aid in FY2019-FY2021 and FY 2022-23 grew.")] == [
        ("2019", "2021"), ("2022", "2023")]


def test_year_range_never_takes_a_short_count():
    text = "Attacks rose from 17 in 2021 to 64 in 2023, and from 250 in 2020 to 91 in 2022."
    assert figs(text) == ["17", "64", "250", "91"]
    assert [d[1] for d in dates(text)] == ["2021", "2023", "2020", "2022"]


# --- 5. numbers in names, codes and headings

def test_numbers_after_name_and_code_nouns_are_not_figures():
    text = ("Drones flew from Air Base 101 and Forward Base 7; Task Force 3, Brigade 8, Operation 12 and "
            "District 9 lost 6 men under Section 1206, Sec. 333, No. 12 and the bill H.R. 1234.")
    assert figs(text) == ["6"]


def test_numbered_markdown_headings_are_not_figures():
    text = "### 1.\n\n### 2. Trade\n\n#### 3) Aid\n\n4. Fighting\n\nSome 40 attacks hit the east."
    assert figs(text) == ["Some 40"]


# --- 6. hyphenated unit adjectives

def test_hyphenated_unit_adjectives_take_the_unit():
    rows = extract_document("t", "A 36-hour truce on a 170-km stretch, a 220-kilometre route and a 40-mile road.",
                            "2025-04-10")["figures"]
    assert [(r["value"], r["unit"]) for r in rows] == [(36, "hour"), (170, "km"), (220, "km"), (40, "mi")]


# --- 7. ages

def test_age_after_a_single_name():
    assert figs("Mariam, 41, a nurse, treated 60 patients.") == ["60"]
    assert figs("Moussa, 61, said 9 goats were stolen.") == ["9"]
    # a place before a count is not a name with an age
    assert figs("In Gao, 27, and in Mopti, 14, attacks were recorded.") == ["27", "14"]


# --- credits

def test_per_at_the_start_of_a_sentence_credits_its_source():
    rows = extract_document("t", "Per the army, 45 fighters were killed. Per UNHCR figures, 4,000 people fled.",
                            "2025-04-10")["figures"]
    assert [r["attributed_to"] for r in rows] == ["army", "UNHCR"]


def test_a_sentence_adverb_is_not_a_source():
    rows = extract_document("t", "The toll was 50. Later reports said 61.", "2025-04-10")["figures"]
    assert [r["attributed_to"] for r in rows] == [None, None]


def test_a_wrapped_list_item_is_one_sentence():
    text = ("Key numbers:\n- 12 people were killed when gunmen attacked the market of the\n"
            "  town on Friday, the army said.\n- 30 homes burned.")
    assert sents(text)[1:] == ["- 12 people were killed when gunmen attacked the market of the\n"
                               "  town on Friday, the army said.", "- 30 homes burned."]
    rows = extract_document("t", text, "2025-04-10")["figures"]
    assert [(r["text"], r["attributed_to"]) for r in rows] == [("12", "army"), ("30", None)]


def test_circa_abbreviations_do_not_end_a_sentence():
    text = "The count was approx. 500 and ca. 200 in all. Then it fell."
    assert sents(text) == ["The count was approx. 500 and ca. 200 in all.", "Then it fell."]
    text = "Under 10 U.S.C. 333, the Pentagon gave $5 million."
    assert sents(text) == [text]
    assert figs(text) == ["$5 million"]  # title and section of a code are references


def test_a_byline_of_parts_is_furniture_with_its_date():
    for line, day in (("By Jane Doe | 12 March 2025 | 6 min read", "2025-03-12"),
                      ("Jane Doe · March 12, 2025 · 6 min read", "2025-03-12"),
                      ("Last modified 14/03/2025", "2025-03-14")):
        text = line + "\n\nGunmen killed 8 herders."
        assert figs(text) == ["8"], line
        assert [d[1] for d in dates(text)] == [day], line
    # a table row of places and counts is content
    assert figs("Mali | 27 | 14\n\nNiger | 9 | 3") == ["27", "14", "9", "3"]


def test_a_box_of_label_lines_splits_into_one_sentence_per_line():
    text = ("Battle of Diapaga\n\nDate: 11–14 May 2025\nLocation: Diapaga, Tapoa Province, Est Region, Burkina Faso\n"
            "Result: JNIM victory; the army withdraws from Diapaga on 15 May\n"
            "Strength: ~600 soldiers, 250 VDP / 1,200–1,500\n")
    f = {x["text"]: x for x in extract_document("t", text, "2025-06-01")["figures"]}
    assert [(f[k]["location"], f[k]["period_start"]) for k in ("~600", "250")] == [(None, None), (None, None)]
