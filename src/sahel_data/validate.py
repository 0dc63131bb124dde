"""Validation of the tables: pandera schemas, then the checks across tables.

Every failure is collected before anything is reported (pandera's lazy
mode), and the report names the table, the column, the check and the rows.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from .errors import ValidationFailed
from .schemas import TABLES, pandera_schema, table_schema

MAX_ROWS_SHOWN = 10


def _row_label(frame: pd.DataFrame, table: str, index) -> str:
    key = table_schema(table).get("primaryKey", [])
    if index is None or pd.isna(index) or not key or index not in frame.index:
        return "table" if index is None or pd.isna(index) else f"row {index}"
    values = ", ".join(f"{k}={frame.at[index, k]!r}" for k in key if k in frame)
    return f"row {index} ({values})"


def schema_failures(table: str, frame: pd.DataFrame) -> list[str]:
    """One line per failed check of `table`'s pandera schema, naming column and rows."""
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases.copy()
        # A check across columns fails once per row, not once per column of the row.
        across = cases["schema_context"] == "DataFrameSchema"
        cases.loc[across, "column"] = None
        cases.loc[across, "failure_case"] = None
        cases = cases.drop_duplicates(subset=["column", "check", "index"])
        cases = cases[cases["check"] != "multiple_fields_uniqueness"]
        lines = []
        grouped = cases.groupby(["column", "check"], dropna=False, sort=True)
        for (column, check), group in grouped:
            rows = [
                _row_label(frame, table, idx) + ("" if case is None or pd.isna(case) else f": {case!r}")
                for idx, case in zip(group["index"], group["failure_case"])
            ]
            shown = "; ".join(rows[:MAX_ROWS_SHOWN])
            more = f"; ... {len(rows) - MAX_ROWS_SHOWN} more" if len(rows) > MAX_ROWS_SHOWN else ""
            where = f"column '{column}' fails" if isinstance(column, str) else "rows fail"
            lines.append(f"{table}: {where} {check}: {shown}{more}")
        return lines
    return []


def cross_table_failures(tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> list[str]:
    """Foreign keys to documents, and every span against the document's text."""
    lines = []
    known = set(tables["documents"]["document_id"]) if "documents" in tables else set()
    for table in TABLES[1:]:
        frame = tables.get(table)
        if frame is None:
            continue
        unknown = frame[~frame["document_id"].isin(known)]
        for idx in unknown.index[:MAX_ROWS_SHOWN]:
            lines.append(
                f"{table}: column 'document_id' {_row_label(frame, table, idx)} "
                f"names unknown document {frame.at[idx, 'document_id']!r}"
            )
        bad_spans = []
        for idx, doc, start, end, text in zip(
            frame.index, frame["document_id"], frame["char_start"], frame["char_end"], frame["text"]
        ):
            source = texts.get(doc)
            if source is None or pd.isna(start) or pd.isna(end):
                continue
            if source[int(start) : int(end)] != text:
                bad_spans.append((idx, start, end, text, source[int(start) : int(end)]))
        for idx, start, end, text, actual in bad_spans[:MAX_ROWS_SHOWN]:
            lines.append(
                f"{table}: column 'text' {_row_label(frame, table, idx)} is {text!r} "
                f"but the document has {actual!r} at [{start}:{end}]"
            )
        if len(bad_spans) > MAX_ROWS_SHOWN:
            lines.append(f"{table}: ... {len(bad_spans) - MAX_ROWS_SHOWN} more spans differ")
    return lines


def validate_tables(tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> None:
    """Raise `ValidationFailed` listing every failure of every table, or return None."""
    failures = []
    for table in TABLES:
        if table not in tables:
            failures.append(f"{table}: table is missing")
            continue
        failures += schema_failures(table, tables[table])
    failures += cross_table_failures(tables, texts)
    if failures:
        raise ValidationFailed("the tables", "\n".join(failures))
