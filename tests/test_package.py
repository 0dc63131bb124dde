"""The package on disk: descriptor, provenance, zip, and the checks of `sahel-data validate`."""

from __future__ import annotations

import json
import zipfile

import pytest

from sahel_data.check import check_package
from sahel_data.documents import read_document
from sahel_data.publish import build_tables, write_package

from conftest import SAMPLE_TEXT


def extraction(document_id: str) -> dict:
    start = SAMPLE_TEXT.index("412")
    ranged = SAMPLE_TEXT.index("between 40 and 50 %")
    figure = {
        "document_id": document_id, "sentence": "s", "measure": "attacks", "location": "MLI",
        "period_start": "2024", "period_end": "2024", "actor": None, "attributed_to": "ACLED", "method": "test",
    }
    return {
        "figures": [
            figure | {"figure_id": f"{document_id}:fig:{start}-{start + 3}", "char_start": start, "char_end": start + 3,
                      "text": "412", "value": 412.0, "unit": "count", "qualifier": "exact"},
            figure | {"figure_id": f"{document_id}:fig:{ranged}-{ranged + 19}", "char_start": ranged,
                      "char_end": ranged + 19, "text": "between 40 and 50 %", "value": 45.0, "value_low": 40.0,
                      "value_high": 50.0, "unit": "percent", "qualifier": "range", "location": "BFA"},
        ],
        "dates": [],
        "mentions": [],
    }


@pytest.fixture
def built(sample_raw, tmp_path):
    docs = [read_document(sample_raw / "sample-report.txt", sample_raw)]
    tables = build_tables(docs, [extraction("sample-report")])
    out = tmp_path / "dist"
    descriptor = write_package(tables, docs, out, None, "test-extractor", sample_raw).descriptor
    return out, descriptor, sample_raw


def test_descriptor_carries_provenance(built):
    out, descriptor, raw = built
    assert descriptor["version"] == "1.0.0"
    assert descriptor["created"] == "2025-03-02T00:00:00Z"  # newest input date, not the clock
    (source,) = descriptor["sources"]
    assert source["title"] == "Report sample-report" and source["author"] == "A. Writer"
    provenance = descriptor["provenance"]
    assert [i["path"] for i in provenance["inputs"]] == ["raw/sample-report.txt", "raw/sample-report.meta.json"]
    assert {s["path"] for s in provenance["schemas"]} == {f"schemas/{t}.json" for t in ("documents", "figures", "dates", "mentions")}
    assert [s["step"] for s in provenance["steps"]][0] == "read"
    assert provenance["extractor_version"] == "test-extractor"
    assert json.loads((out / "datapackage.json").read_text()) == descriptor


def test_every_resource_has_a_hash_and_csv_bytes(built):
    out, descriptor, _ = built
    for resource in descriptor["resources"]:
        assert resource["hash"].startswith("sha256:") and len(resource["hash"]) == 71
        assert ("bytes" in resource) == (resource["format"] == "csv")


def test_zip_holds_the_package_with_fixed_timestamps(built):
    out, descriptor, _ = built
    with zipfile.ZipFile(out / "sahel-data-1.0.0.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert "sahel-data/datapackage.json" in names and "sahel-data/data/figures.parquet" in names
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_fresh_package_is_valid(built):
    out, _, raw = built
    assert check_package(out, raw.parent) == []


def test_changed_csv_cell_is_named(built):
    out, _, raw = built
    csv = out / "data" / "figures.csv"
    text = csv.read_text()
    assert ",412," in text  # numbers unquoted, in their shortest form
    csv.write_text(text.replace(",412,", ",413,"))
    problems = "\n".join(check_package(out, raw.parent))
    assert "data/figures.csv" in problems
    assert "sample-report:fig:" in problems and "column 'value'" in problems


def test_changed_raw_byte_is_named(built):
    out, _, raw = built
    path = raw / "sample-report.txt"
    path.write_bytes(path.read_bytes().replace(b"412", b"512"))
    problems = "\n".join(check_package(out, raw.parent))
    assert "raw/sample-report.txt: raw bytes changed" in problems
    assert "text '412' is not what sample-report has" in problems


def test_changed_parquet_is_caught_although_frictionless_skips_its_hash(built):
    out, _, raw = built
    parquet = out / "data" / "dates.parquet"
    parquet.write_bytes(parquet.read_bytes() + b"\0")
    problems = "\n".join(check_package(out, raw.parent))
    assert "data/dates.parquet" in problems and "sha256" in problems


def test_missing_descriptor(tmp_path):
    assert check_package(tmp_path) == [f"{tmp_path / 'datapackage.json'}: not found"]


def test_landing_page_of_a_large_package_shows_the_first_documents(sample_raw, tmp_path, monkeypatch):
    from sahel_data import publish as steps

    from conftest import write_document

    write_document(sample_raw, "z-report", "In Niger, 12 soldiers died in 2024.")
    docs = [read_document(p, sample_raw) for p in sorted(sample_raw.glob("*.txt"))]
    assert steps.documents_on_page(docs, budget=len(docs[0].text)) == ["sample-report"]
    monkeypatch.setattr(steps, "PAGE_TEXT_BUDGET", len(docs[0].text))
    extracted = [extraction("sample-report"), {"figures": [], "dates": [], "mentions": []}]
    write_package(build_tables(docs, extracted), docs, tmp_path / "dist", None, "test", sample_raw)
    page = (tmp_path / "dist" / "index.html").read_text()
    assert "This page shows 1 of the package&#x27;s 2 documents" in page
    assert "In Niger, 12 soldiers" not in page and "412" in page
