"""Table validation: a table that breaks its schema is reported with its column and rows."""

from __future__ import annotations

import pytest

from sahel_data.errors import ValidationFailed
from sahel_data.schemas import empty_frame
from sahel_data.store import to_frame
from sahel_data.validate import validate_tables

TEXT = "In 2024, 54 percent of deaths occurred there; between 60 and 70 % of land is lost."


def figure(start: int, end: int, **overrides) -> dict:
    row = {
        "figure_id": f"doc:fig:{start}-{end}",
        "document_id": "doc",
        "char_start": start,
        "char_end": end,
        "text": TEXT[start:end],
        "sentence": TEXT,
        "value": 54.0,
        "value_low": None,
        "value_high": None,
        "unit": "percent",
        "qualifier": "exact",
        "measure": "deaths",
        "location": None,
        "period_start": "2024",
        "period_end": "2024",
        "actor": None,
        "attributed_to": None,
        "method": "test",
    }
    return row | overrides


def tables_with(figures: list[dict]) -> dict:
    documents = to_frame("documents", [{
        "document_id": "doc", "title": "T", "published": "2025-01-01", "path": "raw/doc.txt",
        "sha256": "a" * 64, "bytes": len(TEXT), "n_chars": len(TEXT),
    }])
    return {
        "documents": documents,
        "figures": to_frame("figures", figures),
        "dates": empty_frame("dates"),
        "mentions": empty_frame("mentions"),
    }


def report_of(tables) -> str:
    with pytest.raises(ValidationFailed) as info:
        validate_tables(tables, {"doc": TEXT})
    return info.value.report


def test_valid_tables_pass():
    start = TEXT.index("between")
    validate_tables(
        tables_with([
            figure(9, 19),
            figure(start, start + 19, value=65.0, value_low=60.0, value_high=70.0, qualifier="range"),
        ]),
        {"doc": TEXT},
    )


def test_bounds_out_of_order_name_the_check_and_row():
    report = report_of(tables_with([figure(9, 19, value=54.0, value_low=60.0)]))
    assert "figures" in report and "value_low <= value" in report and "doc:fig:9-19" in report


def test_every_failure_is_reported_at_once():
    report = report_of(tables_with([
        figure(9, 19, qualifier="roughly"),
        figure(TEXT.index("60"), TEXT.index("60") + 2, value=None, qualifier="exact"),
    ]))
    assert "column 'qualifier'" in report and "'roughly'" in report
    assert "value is null only when qualifier is vague" in report


def test_span_that_does_not_match_the_text():
    report = report_of(tables_with([figure(9, 19) | {"text": "55 percent"}]))
    assert "'55 percent'" in report and "'54 percent'" in report and "[9:19]" in report


def test_empty_span_is_rejected():
    report = report_of(tables_with([figure(9, 9)]))
    assert "char_start < char_end" in report


def test_unknown_document():
    report = report_of(tables_with([figure(9, 19, document_id="other", figure_id="other:fig:9-19")]))
    assert "unknown document 'other'" in report


def test_duplicate_ids():
    report = report_of(tables_with([figure(9, 19), figure(9, 19)]))
    assert "figure_id" in report


def test_missing_table():
    tables = tables_with([])
    del tables["dates"]
    assert "dates: table is missing" in report_of(tables)
