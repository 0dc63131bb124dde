"""SQL over the published tables: each Parquet file opened as a DuckDB view."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from .errors import SahelDataError
from .remote import filesystem, is_url
from .package import DATA_DIR
from .schemas import TABLES


class QueryError(SahelDataError):
    """The package cannot be opened or the SQL fails."""


def connect(dist_dir: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the views documents, figures, dates and mentions.

    `dist_dir` may be an fsspec URL: DuckDB then reads through fsspec.
    """
    con = duckdb.connect()
    if is_url(dist_dir):
        fs, _ = filesystem(str(dist_dir))
        con.register_filesystem(fs)
        data = f"{str(dist_dir).rstrip('/')}/{DATA_DIR}"
        exists = fs.exists
    else:
        data = str(Path(dist_dir) / DATA_DIR)
        exists = lambda path: Path(path).is_file()  # noqa: E731
    missing = [t for t in TABLES if not exists(f"{data}/{t}.parquet")]
    if missing:
        con.close()
        raise QueryError(f"{data}: no published {', '.join(missing)} (run `sahel-data publish` first)")
    for table in TABLES:
        path = f"{data}/{table}.parquet".replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    return con


def run_query(dist_dir: Path, sql: str) -> pd.DataFrame:
    con = connect(dist_dir)
    try:
        return con.execute(sql).df()
    except duckdb.Error as error:
        raise QueryError(f"query failed: {error}") from None
    finally:
        con.close()


def render(frame: pd.DataFrame, fmt: str = "table") -> str:
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=2, date_format="iso") + "\n"
    if frame.empty:
        return "(no rows)\n" if not len(frame.columns) else " | ".join(frame.columns) + "\n(no rows)\n"
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                           "display.max_colwidth", 60):
        return frame.to_string(index=False, na_rep="NULL") + "\n"
