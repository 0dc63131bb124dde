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
