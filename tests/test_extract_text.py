"""Paragraphs, sentences, asides and page furniture."""

import re

import pytest

from sahel_data.extract.text import insertions, is_furniture_line, segments, split_sentences, whole_words


def sents(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_sentences_with_abbreviations_and_numbers():
    text = "The U.S. sent 6.5 tonnes. Dr. Ba said so! Was it 4,317? Yes."
    assert sents(text) == ["The U.S. sent 6.5 tonnes.", "Dr. Ba said so!", "Was it 4,317?", "Yes."]


def test_lines_are_paragraphs_and_headings_are_sentences():
    text = "Who are they?\nThey are many. They move.\n\nNew part"
    out = split_sentences(text)
    assert [text[s.start:s.end] for s in out] == ["Who are they?", "They are many.", "They move.", "New part"]
    assert out[1].paragraph == out[2].paragraph != out[0].paragraph


def test_hard_wrapped_paragraph_is_joined():
    text = ("The convoy left the capital early in the morning and drove north\n"
            "towards the border, where it was ambushed by fighters on motorbikes\n"
            "who fired on the lead trucks. Nine drivers were wounded in the attack\n"
            "and two trucks burned.")
    assert len(sents(text)) == 2


def test_furniture_lines():
    for line in ("- 8 min read", "- Jan 13", "- Awa Traore", "Comments", "3 comments", "Share",
                 "2 min read · Share · Comments", "© 2024 Example. All rights reserved.", "Tags: Mali · Niger"):
        assert is_furniture_line(line), line
    for line in ("- Over 3 million people are displaced across the three countries.",
                 "Some 40 schools were closed.", "Who are the terrorists?"):
        assert not is_furniture_line(line), line


def test_dateline_is_its_own_furniture_sentence():
    text = "GAO, May 2 (Example Wire) - Gunmen killed 12 people on Friday."
    out = split_sentences(text)
    assert text[out[0].start:out[0].end].startswith("GAO, May 2") and out[0].furniture
    assert text[out[1].start:out[1].end] == "Gunmen killed 12 people on Friday."
    assert not out[1].furniture


def test_segments_do_not_split_numbers():
    text = "In 2024, 4,317 attacks happened; most in Mali (the north)."
    segs = [text[a:b] for a, b in segments(text, 0, len(text))]
    assert "4,317 attacks happened" in " ".join(segs)
    assert any(seg.strip() == "In 2024" for seg in segs)


def test_insertions():
    text = "Eight states - the three juntas among them - voted (a record) against it."
    got = [text[a:b] for a, b in insertions(text, 0, len(text))]
    assert " - the three juntas among them - " in got and "(a record)" in got


def test_mask_markup_keeps_offsets():
    from sahel_data.extract.text import mask_markup
    text = "### 2. Money\n**$5 million** a [month](https://x.org/2024/05) > quote[3]\n> — Someone"
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "**" not in masked and "https" not in masked and "[3]" not in masked
    assert "$5 million" in masked and "2." not in masked.splitlines()[0]


def test_bullet_lines_are_never_joined():
    text = ("- 118 events recorded across the region, down from 131 the previous week\n"
            "- 412 reported fatalities, the highest weekly toll since September 2024\n"
            "- 3 drone strikes claimed by the air forces of two states in the region")
    assert len(sents(text)) == 3


def test_footnote_mark_ends_a_sentence():
    text = "Deaths rose to 51% in 2024.[1] Since the coups, aid has stopped."
    assert sents(text) == ["Deaths rose to 51% in 2024.[1]", "Since the coups, aid has stopped."]


@pytest.mark.parametrize("line,rest", [
    ("NIAMEY (AFP) — Police said 4 died.", "Police said 4 died."),
    ("BAMAKO, Feb 12 (Reuters) - The army said 4 died.", "The army said 4 died."),
    ("MAIDUGURI, Nigeria, 5 March (AP) — Gunmen killed 4.", "Gunmen killed 4."),
    ("MAIDUGURI, Nigeria — Gunmen killed 4.", "Gunmen killed 4."),
    ("MOSCOW/BAMAKO (Reuters) - Russia sent 4 jets.", "Russia sent 4 jets."),
])
def test_a_wire_dateline_is_a_sentence_of_its_own(line, rest):
    first, second = split_sentences(line)[:2]
    assert first.furniture and first.start == 0 and line[second.start:second.end] == rest


@pytest.mark.parametrize("line", [
    "JNIM - the group said it seized 4 trucks.",
    "The UN — and donors — said 4 died.",
    "ISWAP (about 5,000 fighters) — the largest group — holds 4 towns.",
    "MINUSMA, which had 13,000 troops — left.",
])
def test_a_capitalised_name_and_a_dash_is_no_dateline(line):
    assert not split_sentences(line)[0].furniture


def test_each_row_of_a_pipe_table_is_a_sentence():
    rows = ["| Host country | Refugees and asylum-seekers registered | Main origin | Change since Dec 2024 |",
            "|---|---:|---|---:|",
            "| Mauritania | 268,900 | Mali | +4.2% |",
            "| Côte d'Ivoire | 71,300 | Burkina Faso | +18% |"]
    text = "\n".join(rows)
    assert [text[s.start:s.end] for s in split_sentences(text)] == rows


def test_whole_words_only_at_word_starts_and_ends():
    rx = whole_words(["Mali", "al-Qaeda", "region"], re.I)
    assert [m.group() for m in rx.finditer("In Mali, Somalia and the REGION of al-Qaeda's regions")] == \
        ["Mali", "REGION", "al-Qaeda"]
