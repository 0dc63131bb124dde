"""Tables as files: deterministic Parquet and CSV, and reading them back."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.parquet as pq

from .schemas import arrow_schema, coerce, empty_frame, field_names

# Fixed writer settings: the same table always gives the same bytes.
PARQUET_OPTIONS = dict(
    compression="zstd",
    compression_level=9,
    use_dictionary=True,
    write_statistics=True,
    version="2.6",
    data_page_version="1.0",
    row_group_size=1_000_000,
)


def sort_key(table: str) -> list[str]:
    names = field_names(table)
    if "char_start" in names:
        return ["document_id", "char_start", "char_end"]
    return [names[0]]


def to_frame(table: str, rows: Iterable[dict]) -> pd.DataFrame:
    """Rows as a frame with the table's columns and dtypes, in canonical order."""
    rows = list(rows)
    if not rows:
        return empty_frame(table)
    frame = coerce(pd.DataFrame.from_records(rows), table)
    # Extra keys are dropped by `coerce`; pandera's strict mode catches missing ones as nulls.
    return frame.sort_values(sort_key(table), kind="stable").reset_index(drop=True)


def to_arrow(table: str, frame: pd.DataFrame) -> pyarrow.Table:
    schema = arrow_schema(table)
    columns = []
    for field in schema:
        series = frame[field.name]
        if pyarrow.types.is_date32(field.type):
            values = pd.to_datetime(series, format="%Y-%m-%d").dt.date
            values = [None if pd.isna(v) else v for v in values]
        else:
            values = series.astype(object).where(series.notna(), None).tolist()
        columns.append(pyarrow.array(values, type=field.type))
    return pyarrow.Table.from_arrays(columns, schema=schema)


def write_parquet(table: str, frame: pd.DataFrame, path: Path) -> None:
    pq.write_table(to_arrow(table, frame), Path(path), **PARQUET_OPTIONS)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(Path(path), index=False, lineterminator="\n", encoding="utf-8")


_NULLABLE_TYPES = {
    pyarrow.float64(): pd.Float64Dtype(),
    pyarrow.int64(): pd.Int64Dtype(),
    pyarrow.string(): pd.StringDtype(),
}


def read_stored(path: Path) -> pd.DataFrame:
    """A Parquet file as it is, with nullable dtypes and dates as ISO strings."""
    stored = pq.read_table(Path(path))
    columns = [
        column.cast(pyarrow.string()) if pyarrow.types.is_date32(column.type) else column
        for column in stored.columns
    ]
    return pyarrow.Table.from_arrays(columns, names=stored.column_names).to_pandas(
        types_mapper=_NULLABLE_TYPES.get
    )


def read_parquet(table: str, path: Path) -> pd.DataFrame:
    """A published table back as a frame with the schema's columns and dtypes."""
    return coerce(read_stored(path), table)
