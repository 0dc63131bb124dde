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
            "♥ 212 · 14 Comments\n\n♥ 89\n\nComments (12)\n\nShare 45\n\n🧵 3/5\n\n"
            "The junta expelled 4 diplomats.")
    assert figs(text) == ["4"]


def test_inline_social_counters_are_not_figures():
    text = "🧵 2/6 The junta expelled 4 diplomats. The post has 27 Comments and ♥ 318 likes."
    assert figs(text) == ["4"]
    # a lower-case "comments" in prose counts
    assert figs("The ministry received 31 comments on the draft law.") == ["31"]
