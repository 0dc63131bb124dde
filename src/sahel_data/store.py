"""Tables as files: deterministic Parquet and CSV, and reading them back."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.csv as pacsv
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
# Arrow's CSV writer: every string quoted and a null left as an empty unquoted cell,
# so that a reader can tell a null from "". Lines end with "\n".
CSV_OPTIONS = pacsv.WriteOptions(include_header=True, quoting_style="needed")


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
        columns.append(_arrow_column(frame[field.name], field.type))
    return pyarrow.Table.from_arrays(columns, schema=schema)


def _arrow_column(series: pd.Series, arrow_type: pyarrow.DataType) -> pyarrow.Array:
    """One column as a single Arrow array, without going through Python objects (ISO date strings parse to date32)."""
    values = pyarrow.array(series, from_pandas=True)
    if isinstance(values, pyarrow.ChunkedArray):
        values = values.combine_chunks()
    return values.cast(arrow_type)


def write_parquet(table: str, frame: pd.DataFrame, path: Path) -> None:
    pq.write_table(to_arrow(table, frame), Path(path), **PARQUET_OPTIONS)


def write_csv(table: str, frame: pd.DataFrame, path: Path) -> None:
    pacsv.write_csv(to_arrow(table, frame), Path(path), CSV_OPTIONS)


def write_table_files(table: str, frame: pd.DataFrame, parquet_path: Path, csv_path: Path) -> None:
    """The table as Parquet and as CSV, both from one Arrow table."""
    arrow = to_arrow(table, frame)
    pq.write_table(arrow, Path(parquet_path), **PARQUET_OPTIONS)
    pacsv.write_csv(arrow, Path(csv_path), CSV_OPTIONS)


def read_csv_arrow(table: str, path: Path) -> pyarrow.Table:
    """A CSV written by `write_csv`, back as the Arrow table it was written from."""
    schema = arrow_schema(table)
    return pacsv.read_csv(
        Path(path),
        convert_options=pacsv.ConvertOptions(
            column_types=schema,
            include_columns=schema.names,
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
        ),
    )


_NULLABLE_TYPES = {
    pyarrow.float64(): pd.Float64Dtype(),
    pyarrow.int64(): pd.Int64Dtype(),
    pyarrow.string(): pd.StringDtype(),
}


def read_stored(path: Path) -> pd.DataFrame:
    """A Parquet file as it is, with nullable dtypes and dates as ISO strings."""
    return arrow_to_frame(pq.read_table(Path(path)))


def arrow_to_frame(stored: pyarrow.Table) -> pd.DataFrame:
    """An Arrow table as a frame with nullable dtypes and dates as ISO strings."""
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
