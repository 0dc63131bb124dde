"""Parquet and CSV files: deterministic bytes, faithful round trips."""

from __future__ import annotations

import pyarrow.parquet as pq

from sahel_data.documents import document_row, read_document
from sahel_data.store import read_csv_arrow, read_parquet, to_frame, write_csv, write_parquet

from conftest import SAMPLE_TEXT


def _documents(sample_raw):
    return to_frame("documents", [document_row(read_document(sample_raw / "sample-report.txt", sample_raw))])


def test_parquet_round_trip_keeps_values_and_types(sample_raw, tmp_path):
    frame = _documents(sample_raw)
    write_parquet("documents", frame, tmp_path / "d.parquet")
    assert read_parquet("documents", tmp_path / "d.parquet").equals(frame)
    schema = pq.read_schema(tmp_path / "d.parquet")
    assert str(schema.field("published").type) == "date32[day]"
    assert schema.metadata is None or b"pandas" not in schema.metadata


def test_same_table_same_bytes(sample_raw, tmp_path):
    frame = _documents(sample_raw)
    write_parquet("documents", frame, tmp_path / "a.parquet")
    write_parquet("documents", frame.copy(), tmp_path / "b.parquet")
    write_csv("documents", frame, tmp_path / "a.csv")
    write_csv("documents", frame.copy(), tmp_path / "b.csv")
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_rows_are_sorted_by_document_and_span():
    rows = [
        {"mention_id": f"{d}:men:{s}-{s + 4}", "document_id": d, "char_start": s, "char_end": s + 4,
         "text": "Mali", "entity_id": "MLI", "entity_type": "country", "name": "Mali"}
        for d, s in [("b", 5), ("a", 30), ("a", 4)]
    ]
    frame = to_frame("mentions", rows)
    assert list(zip(frame["document_id"], frame["char_start"])) == [("a", 4), ("a", 30), ("b", 5)]


def test_csv_quotes_strings_leaves_nulls_empty_and_ends_lines_with_lf(sample_raw, tmp_path):
    frame = _documents(sample_raw)
    write_csv("documents", frame, tmp_path / "d.csv")
    data = (tmp_path / "d.csv").read_bytes()
    assert b"\r\n" not in data
    header, row = data.decode().splitlines()
    assert header.startswith('"document_id","title","author","publisher","published"')
    assert ',"A. Writer",,' in row  # author set, publisher null
    assert f',{len(SAMPLE_TEXT.encode())},' in row  # integers unquoted


def test_csv_reads_back_as_the_arrow_table_it_was_written_from(tmp_path):
    rows = [
        {"mention_id": "a:men:0-4", "document_id": "a", "char_start": 0, "char_end": 4,
         "text": 'say "Mali", then', "entity_id": "MLI", "entity_type": "country", "name": "Mali"},
        {"mention_id": "a:men:5-9", "document_id": "a", "char_start": 5, "char_end": 9,
         "text": "two\nlines, a comma", "entity_id": "NER", "entity_type": "country", "name": ""},
    ]
    frame = to_frame("mentions", rows)
    write_csv("mentions", frame, tmp_path / "m.csv")
    back = read_csv_arrow("mentions", tmp_path / "m.csv")
    assert back.column("text").to_pylist() == ['say "Mali", then', "two\nlines, a comma"]
    assert back.column("name").to_pylist() == ["Mali", ""]  # an empty string stays one, not a null
    assert back.column("char_end").to_pylist() == [4, 9]
