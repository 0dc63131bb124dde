"""Parquet and CSV files: deterministic bytes, faithful round trips."""

from __future__ import annotations

import pyarrow.parquet as pq

from sahel_data.documents import document_row, read_document
from sahel_data.store import read_parquet, to_frame, write_csv, write_parquet


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
    write_csv(frame, tmp_path / "a.csv")
    write_csv(frame.copy(), tmp_path / "b.csv")
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


def test_csv_writes_nulls_as_empty_cells_and_lf_lines(sample_raw, tmp_path):
    frame = _documents(sample_raw)
    write_csv(frame, tmp_path / "d.csv")
    data = (tmp_path / "d.csv").read_bytes()
    assert b"\r\n" not in data
    header, row = data.decode().splitlines()
    assert header.startswith("document_id,title,author,publisher,published")
    assert ",A. Writer,," in row  # author set, publisher null
