"""Reading raw documents: good ones become rows, bad ones are clear errors naming the file."""

from __future__ import annotations

import hashlib
import json

import pytest

from sahel_data.documents import discover, document_row, read_document
from sahel_data.errors import InputError

from conftest import SAMPLE_TEXT, write_document


def test_document_row_describes_the_raw_file(sample_raw):
    doc = read_document(sample_raw / "sample-report.txt", sample_raw)
    row = document_row(doc)
    data = (sample_raw / "sample-report.txt").read_bytes()
    assert row["document_id"] == "sample-report"
    assert row["path"] == "raw/sample-report.txt"
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert row["bytes"] == len(data)
    assert row["n_chars"] == len(SAMPLE_TEXT)
    assert row["published"] == "2025-03-01"
    assert row["retrieved"] == "2025-03-02"
    assert row["author"] == "A. Writer"
    assert row["publisher"] is None


def test_offsets_index_code_points_not_bytes(tmp_path):
    raw = tmp_path / "raw"
    write_document(raw, "accents", "Ménaka’s 12 attacks")
    doc = read_document(raw / "accents.txt", raw)
    assert doc.text[9:11] == "12"
    assert doc.n_bytes > len(doc.text)


def test_discover_finds_documents_in_subfolders_sorted(tmp_path):
    raw = tmp_path / "raw"
    write_document(raw / "2025", "b-doc", "Text b.")
    write_document(raw, "a-doc", "Text a.")
    assert [p.name for p in discover(raw)] == ["a-doc.txt", "b-doc.txt"]


def _error(callable_, *args) -> str:
    with pytest.raises(InputError) as info:
        callable_(*args)
    return str(info.value)


def test_empty_article(tmp_path):
    raw = tmp_path / "raw"
    path = write_document(raw, "empty", "  \n")
    message = _error(read_document, path, raw)
    assert "empty.txt" in message and "empty" in message.split(":", 1)[1]


def test_bytes_that_are_not_utf8(tmp_path):
    raw = tmp_path / "raw"
    path = write_document(raw, "latin", "Caf\xe9 attack".encode("latin-1"))
    message = _error(read_document, path, raw)
    assert "latin.txt" in message and "not UTF-8" in message and "offset 3" in message


@pytest.mark.parametrize(
    "meta_text, problem",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"published": "2025-01-01"}), "'title' is missing"),
        (json.dumps({"title": "T"}), "'published' is missing"),
        (json.dumps({"title": "T", "published": "13 January 2025"}), "not an ISO date"),
        (json.dumps({"title": "T", "published": "2025-02-30"}), "not an ISO date"),
        (json.dumps(["T", "2025-01-01"]), "JSON object"),
    ],
)
def test_malformed_metadata(tmp_path, meta_text, problem):
    raw = tmp_path / "raw"
    path = write_document(raw, "doc", "Some text.")
    (raw / "doc.meta.json").write_text(meta_text, encoding="utf-8")
    message = _error(read_document, path, raw)
    assert "doc.meta.json" in message and problem in message


def test_missing_metadata(tmp_path):
    raw = tmp_path / "raw"
    path = write_document(raw, "doc", "Some text.")
    (raw / "doc.meta.json").unlink()
    assert "doc.meta.json: metadata file is missing" in _error(read_document, path, raw)


@pytest.mark.parametrize("name", ["Bad Id", "UPPER", "under_score", "dots.in.id"])
def test_unsafe_document_ids(tmp_path, name):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{name}.txt").write_text("Text.", encoding="utf-8")
    message = _error(discover, raw)
    assert name in message and "lower-case letters, digits and '-'" in message


def test_two_files_claiming_one_id(tmp_path):
    raw = tmp_path / "raw"
    write_document(raw / "a", "same-id", "One.")
    write_document(raw / "b", "same-id", "Two.")
    message = _error(discover, raw)
    assert "same-id" in message and "claimed twice" in message


def test_html_saved_as_text(tmp_path):
    raw = tmp_path / "raw"
    path = write_document(raw, "page", "<!DOCTYPE html><html><script>alert(1)</script><p>12 killed</p></html>")
    message = _error(read_document, path, raw)
    assert "page.txt" in message and "HTML page" in message and "sahel-data add" in message


def test_html_page_without_extracted_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text("<html><body><p>Text</p></body></html>", encoding="utf-8")
    message = _error(discover, raw)
    assert "page.html" in message and "sahel-data add" in message


def test_text_changed_since_its_snapshot(tmp_path):
    raw = tmp_path / "raw"
    path = write_document(raw, "doc", "Original text.", sha256="0" * 64)
    message = _error(read_document, path, raw)
    assert "doc.txt" in message and "changed since it was added" in message


def test_no_documents(tmp_path):
    (tmp_path / "raw").mkdir()
    assert "no documents found" in _error(discover, tmp_path / "raw")
