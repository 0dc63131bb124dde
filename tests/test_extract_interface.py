"""The extractor's public interface: keys, columns, ids, offsets, order, types."""

from sahel_data.extract import (
    DATE_COLUMNS, EXTRACTOR_VERSION, FIGURE_COLUMNS, MENTION_COLUMNS, extract_document,
)

TEXT = (
    "Attacks in Niger rose by 40 percent in 2023, according to the Clingendael Institute.\n\n"
    "Some 1,500 soldiers from Chad were deployed to Diffa in March 2024."
)


def test_keys_and_exact_columns():
    out = extract_document("doc-1", TEXT, "2024-06-01")
    assert set(out) == {"figures", "dates", "mentions"}
    for row in out["figures"]:
        assert list(row) == FIGURE_COLUMNS
    for row in out["dates"]:
        assert list(row) == DATE_COLUMNS
    for row in out["mentions"]:
        assert list(row) == MENTION_COLUMNS
    assert out["figures"] and out["dates"] and out["mentions"]


def test_ids_offsets_and_text():
    out = extract_document("doc-1", TEXT, "2024-06-01")
    for table, kind in (("figures", "fig"), ("dates", "date"), ("mentions", "men")):
        for row in out[table]:
            s, e = row["char_start"], row["char_end"]
            assert isinstance(s, int) and isinstance(e, int)
            assert TEXT[s:e] == row["text"]
            assert row["document_id"] == "doc-1"
            key = {"fig": "figure_id", "date": "date_id", "men": "mention_id"}[kind]
            assert row[key] == f"doc-1:{kind}:{s}-{e}"


def test_rows_sorted_and_numbers_are_floats():
    out = extract_document("doc-1", TEXT, "2024-06-01")
    for table in out.values():
        keys = [(r["char_start"], r["char_end"]) for r in table]
        assert keys == sorted(keys)
    for row in out["figures"]:
        for k in ("value", "value_low", "value_high"):
            assert row[k] is None or isinstance(row[k], float)


def test_sentence_and_method_are_filled():
    out = extract_document("doc-1", TEXT, "2024-06-01")
    fig = next(r for r in out["figures"] if r["text"] == "Some 1,500")
    assert fig["sentence"] == "Some 1,500 soldiers from Chad were deployed to Diffa in March 2024."
    assert fig["method"]
    assert fig["measure"] == "soldiers"


def test_version_is_a_string_and_output_is_deterministic():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    assert extract_document("d", TEXT, "2024-06-01") == extract_document("d", TEXT, "2024-06-01")


def test_empty_text():
    assert extract_document("d", "", None) == {"figures": [], "dates": [], "mentions": []}
