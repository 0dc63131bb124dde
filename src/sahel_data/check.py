"""Checking a published package: Frictionless validation plus what Frictionless does not check.

Frictionless checks the CSV resources (types, constraints, keys, hash,
bytes) but neither hash nor size of a Parquet file. So this also checks
every data file against the sizes and hashes recorded in provenance, every
CSV row against its Parquet twin, every raw file against its sha256, and
every span against the raw text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.parquet as pq

from .package import DATA_DIR, DESCRIPTOR, sha256_file
from .schemas import TABLES, coerce, table_schema
from .store import arrow_to_frame, read_csv_arrow

MAX_PROBLEMS_PER_CHECK = 20


def frictionless_problems(dist_dir: Path, limit_rows: int | None = None, with_parquet: bool = True) -> list[str]:
    from frictionless import Package, system

    with system.use_context(trusted=True):
        package = Package(str(Path(dist_dir) / DESCRIPTOR))
        if not with_parquet:
            for name in [r.name for r in package.resources if r.format == "parquet"]:
                package.remove_resource(name)
        report = package.validate(limit_rows=limit_rows)
    problems = []
    for task in report.tasks:
        for error in task.errors[:MAX_PROBLEMS_PER_CHECK]:
            where = f" row {error.row_number}" if getattr(error, "row_number", None) else ""
            problems.append(f"{task.name} ({task.place}){where}: {error.message}")
    for error in report.errors:
        problems.append(f"{DESCRIPTOR}: {error.message}")
    return problems


def file_problems(dist_dir: Path, descriptor: dict) -> list[str]:
    problems = []
    for record in descriptor.get("provenance", {}).get("files", []):
        path = Path(dist_dir) / record["path"]
        if not path.is_file():
            problems.append(f"{record['path']}: file is missing")
            continue
        size = path.stat().st_size
        if size != record["bytes"]:
            problems.append(f"{record['path']}: {size} bytes, provenance records {record['bytes']}")
        if sha256_file(path) != record["sha256"]:
            problems.append(f"{record['path']}: sha256 differs from the one recorded in provenance")
    for resource in descriptor.get("resources", []):
        path = Path(dist_dir) / resource["path"]
        if path.is_file() and resource.get("hash") != f"sha256:{sha256_file(path)}":
            problems.append(f"{resource['path']}: sha256 differs from the resource's hash")
    return problems


def read_csv_table(table: str, path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for field in table_schema(table)["fields"]:
        if field["type"] in ("integer", "number") and field["name"] in frame:
            frame[field["name"]] = pd.to_numeric(frame[field["name"]], errors="coerce")
    return coerce(frame, table)


def _same_arrow_columns(table: str, csv: Path, stored: pyarrow.Table) -> bool:
    try:
        edited = read_csv_arrow(table, csv)
    except (pyarrow.ArrowException, OSError):
        return False
    return edited.column_names == stored.column_names and all(
        edited.column(name).equals(stored.column(name)) for name in stored.column_names
    )


def _key_label(frame: pd.DataFrame, table: str, index: int) -> str:
    key = table_schema(table)["primaryKey"][0]
    return f"row {index + 2} ({key}={frame.at[index, key]!r})" if key in frame else f"row {index + 2}"


def csv_parquet_problems(dist_dir: Path) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Each CSV row compared with its Parquet twin; returns the Parquet tables too."""
    tables, problems = {}, []
    data = Path(dist_dir) / DATA_DIR
    for table in TABLES:
        parquet, csv = data / f"{table}.parquet", data / f"{table}.csv"
        if not parquet.is_file() or not csv.is_file():
            problems.append(f"{DATA_DIR}/{table}: the CSV or the Parquet file is missing")
            continue
        try:
            stored_arrow = pq.read_table(parquet)
            tables[table] = stored = coerce(arrow_to_frame(stored_arrow), table)
        except (pyarrow.ArrowException, OSError) as err:
            problems.append(f"{DATA_DIR}/{table}.parquet: cannot be read: {err}")
            continue
        if _same_arrow_columns(table, csv, stored_arrow):
            continue  # the common case, checked in Arrow; else compare in pandas to name the rows
        try:
            edited = read_csv_table(table, csv)
        except (ValueError, TypeError) as err:
            problems.append(f"{DATA_DIR}/{table}.csv: cannot be read: {err}")
            continue
        if len(edited) != len(stored):
            problems.append(f"{DATA_DIR}/{table}.csv has {len(edited)} rows, {table}.parquet {len(stored)}")
            continue
        found = 0
        for column in stored.columns:
            a, b = stored[column], edited[column]
            if a.dtype.kind == "f" or str(a.dtype) == "Float64":
                same = (a.isna() & b.isna()) | ((a - b).abs() <= 1e-9 * a.abs().clip(lower=1)).fillna(False)
            else:
                same = (a.isna() & b.isna()) | (a == b).fillna(False)
            for index in same.index[~same.astype(bool)]:
                if found < MAX_PROBLEMS_PER_CHECK:
                    problems.append(
                        f"{DATA_DIR}/{table}.csv {_key_label(stored, table, index)}: column '{column}' is "
                        f"{b[index]!r} but {table}.parquet has {a[index]!r}"
                    )
                found += 1
    return tables, problems


def raw_problems(tables: dict[str, pd.DataFrame], raw_base: Path) -> list[str]:
    """Raw files against their sha256, and every span against the raw text."""
    problems, texts = [], {}
    documents = tables.get("documents")
    if documents is None:
        return problems
    for row in documents.itertuples():
        path = Path(raw_base) / row.path
        if not path.is_file():
            problems.append(f"{row.path}: raw file of document {row.document_id!r} is missing")
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != row.sha256:
            problems.append(f"{row.path}: raw bytes changed: sha256 differs from documents.sha256 of {row.document_id!r}")
        texts[row.document_id] = data.decode("utf-8", errors="replace")
    for table in TABLES[1:]:
        frame = tables.get(table)
        if frame is None:
            continue
        shown = 0
        for index, doc, start, end, text in zip(
            frame.index, frame["document_id"], frame["char_start"], frame["char_end"], frame["text"]
        ):
            source = texts.get(doc)
            if source is None or source[int(start) : int(end)] == text:
                continue
            if shown < MAX_PROBLEMS_PER_CHECK:
                problems.append(
                    f"{DATA_DIR}/{table} {_key_label(frame, table, index)}: text {text!r} is not what "
                    f"{doc} has at [{start}:{end}] ({source[int(start):int(end)]!r})"
                )
            shown += 1
    return problems


def check_package(
    dist_dir: Path,
    raw_base: Path | None = None,
    frictionless_rows: int | None = None,
    parquet_in_frictionless: bool = True,
) -> list[str]:
    """Every problem found in the package at `dist_dir`; an empty list means valid.

    `raw_base` is the folder the documents' `path` is relative to (default:
    the folder holding `dist_dir`). `frictionless_rows` limits Frictionless's
    row-by-row checks to the first rows of each resource (None: all rows);
    hashes, sizes, CSV-against-Parquet and spans are always checked in full.
    """
    dist_dir = Path(dist_dir)
    descriptor_path = dist_dir / DESCRIPTOR
    if not descriptor_path.is_file():
        return [f"{descriptor_path}: not found"]
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return [f"{descriptor_path}: not valid JSON: {err}"]
    problems = frictionless_problems(dist_dir, frictionless_rows, parquet_in_frictionless)
    problems += file_problems(dist_dir, descriptor)
    tables, more = csv_parquet_problems(dist_dir)
    problems += more
    problems += raw_problems(tables, raw_base if raw_base is not None else dist_dir.resolve().parent)
    return problems
