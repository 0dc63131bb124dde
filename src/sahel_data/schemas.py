"""The tables' schemas: one Frictionless Table Schema per table in `schemas/`.

Everything else is derived from those files: the pandera schema that
validates a table, the Arrow schema its Parquet file is written with, and
the schema embedded in `datapackage.json`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow

TABLES = ("documents", "figures", "dates", "mentions")

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

_ARROW_TYPES = {
    "string": pyarrow.string(),
    "integer": pyarrow.int64(),
    "number": pyarrow.float64(),
    "date": pyarrow.date32(),
}
# Dates stay ISO strings in pandas (checked by `_is_iso_date`); Arrow stores them as date32.
_PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "date": "string"}


def schema_path(table: str) -> Path:
    return SCHEMA_DIR / f"{table}.json"


@cache
def _load(table: str) -> str:
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
    return schema_path(table).read_text(encoding="utf-8")


def table_schema(table: str) -> dict:
    """The Frictionless Table Schema of `table` (a fresh copy)."""
    return json.loads(_load(table))


def schema_sha256(table: str) -> str:
    return hashlib.sha256(schema_path(table).read_bytes()).hexdigest()


def field_names(table: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"]]


def arrow_schema(table: str) -> pyarrow.Schema:
    fields = table_schema(table)["fields"]
    return pyarrow.schema(
        [
            pyarrow.field(f["name"], _ARROW_TYPES[f["type"]], nullable=not _required(f))
            for f in fields
        ]
    )


def empty_frame(table: str) -> pd.DataFrame:
    return coerce(pd.DataFrame({name: [] for name in field_names(table)}), table)


def coerce(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give `frame` the table's columns, in order, with the dtypes the schema implies.

    Missing columns are added empty so that pandera reports them as
    null-valued rather than the conversion failing first.
    """
    out = pd.DataFrame(index=frame.index)
    for f in table_schema(table)["fields"]:
        column = frame[f["name"]] if f["name"] in frame else pd.Series(None, index=frame.index)
        dtype = _PANDAS_DTYPES[f["type"]]
        if dtype == "string" and not _holds_only_strings(column):
            column = column.map(lambda v: v if v is None or isinstance(v, str) or pd.isna(v) else str(v))
        out[f["name"]] = column.astype(dtype)
    return out.reset_index(drop=True)


def _holds_only_strings(column: pd.Series) -> bool:
    """True when every non-null value is already a str: no element-wise conversion needed (fast, in C)."""
    return isinstance(column.dtype, pd.StringDtype) or pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty")


def _required(field: dict) -> bool:
    return bool(field.get("constraints", {}).get("required"))


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _column(field: dict) -> pa.Column:
    constraints = field.get("constraints", {})
    checks = []
    if "enum" in constraints:
        checks.append(pa.Check.isin(constraints["enum"]))
    if "minimum" in constraints:
        checks.append(pa.Check.ge(constraints["minimum"]))
    if "maximum" in constraints:
        checks.append(pa.Check.le(constraints["maximum"]))
    if "pattern" in constraints:
        # Frictionless patterns match the whole value.
        checks.append(pa.Check.str_matches(rf"^(?:{constraints['pattern']})$"))
    if field["type"] == "date":
        checks.append(pa.Check(_is_iso_date, element_wise=True, name="iso_date"))
    return pa.Column(
        _PANDAS_DTYPES[field["type"]],
        checks=checks,
        nullable=not _required(field),
        unique=bool(constraints.get("unique")),
        description=field.get("description"),
        title=field["name"],
    )


def _both_present(frame: pd.DataFrame, a: str, b: str) -> pd.Series:
    return frame[a].notna() & frame[b].notna()


def _le_where_present(a: str, b: str):
    def check(frame: pd.DataFrame) -> pd.Series:
        both = _both_present(frame, a, b)
        return (~both | (frame[a] <= frame[b])).fillna(True).astype(bool)

    return check


def _value_unless_vague(frame: pd.DataFrame) -> pd.Series:
    return (frame["value"].notna() | (frame["qualifier"] == "vague")).fillna(False).astype(bool)


def _span_is_ordered(frame: pd.DataFrame) -> pd.Series:
    return (frame["char_start"] < frame["char_end"]).fillna(False).astype(bool)


def _span_matches_text_length(frame: pd.DataFrame) -> pd.Series:
    return (frame["char_end"] - frame["char_start"] == frame["text"].str.len()).fillna(False).astype(bool)


def _row_checks(table: str) -> list[pa.Check]:
    """Cross-field rules that one column's constraints cannot say."""
    checks = []
    if "char_start" in field_names(table):
        checks += [
            pa.Check(_span_is_ordered, name="char_start < char_end"),
            pa.Check(_span_matches_text_length, name="char_end - char_start == len(text)"),
        ]
    if table == "figures":
        checks += [
            pa.Check(_le_where_present("value_low", "value"), name="value_low <= value"),
            pa.Check(_le_where_present("value", "value_high"), name="value <= value_high"),
            pa.Check(_le_where_present("value_low", "value_high"), name="value_low <= value_high"),
            pa.Check(_value_unless_vague, name="value is null only when qualifier is vague"),
        ]
    if table in ("figures", "dates"):
        start, end = ("period_start", "period_end") if table == "figures" else ("date_start", "date_end")
        checks.append(pa.Check(_le_where_present(start, end), name=f"{start} <= {end}"))
    return checks


@cache
def pandera_schema(table: str) -> pa.DataFrameSchema:
    spec = table_schema(table)
    return pa.DataFrameSchema(
        {f["name"]: _column(f) for f in spec["fields"]},
        checks=_row_checks(table),
        strict=True,
        ordered=True,
        unique=spec.get("primaryKey"),
        name=table,
        description=spec.get("description"),
    )
