"""The steps of a publication, as plain functions; `flow.py` runs them as Prefect tasks.

A package is built in a staging folder beside `dist/`, checked completely,
and only then swapped into place, so a failure (or a kill) at any step
leaves the published `dist/` as it was.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .changes import bump, changelog, changelog_entry, diff_tables
from .check import check_package
from .documents import RawDocument, document_row, read_document
from .errors import ValidationFailed
from .package import (
    DATA_DIR,
    DESCRIPTOR,
    build_descriptor,
    code_sha256,
    created_timestamp,
    input_records,
    library_versions,
    provenance,
    write_data,
    write_json,
    write_zip,
)
from .report import new_figures
from .schemas import TABLES
from .schemas import empty_frame
from .store import read_stored, sort_key, to_frame
from .validate import validate_tables

CHANGELOG = "CHANGELOG.md"
EXTRACTED_TABLES = ("figures", "dates", "mentions")
FRICTIONLESS_ALL_ROWS = 100_000
FRICTIONLESS_SAMPLE_ROWS = 5_000
PAGE_TEXT_BUDGET = 500_000  # characters of document text on the landing page


class Publication(NamedTuple):
    descriptor: dict
    changes: str | None  # the changelog entry, None when the data did not change
    new_figures: pd.DataFrame


def batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


# A corpus this small is extracted in the flow's own process: starting worker processes costs more.
LOCAL_EXTRACTION_LIMIT = 200


def batch_size_for(n_documents: int, workers: int | None = None) -> int:
    """About four batches per worker, of 50 to 500 documents each.

    Enough batches to keep every worker busy to the end; few enough that
    Prefect's cost per task (a task run, its states, its logs) stays small.
    """
    workers = workers or os.cpu_count() or 1
    return max(50, min(500, math.ceil(n_documents / (4 * workers))))


def extractor_version() -> str:
    from .extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


@cache
def extraction_fingerprint() -> str:
    """What decides an extraction besides the document: the extractor's version, code and data files."""
    from . import extract

    roots = (Path(extract.__file__).parent, Path(__file__).parent / "data")
    return hashlib.sha256(f"{extractor_version()}\0{code_sha256(*roots)}".encode()).hexdigest()


def _cache_file(cache_dir: Path, doc: RawDocument) -> Path:
    key = hashlib.sha256(
        f"{extraction_fingerprint()}\0{doc.document_id}\0{doc.sha256}\0{doc.published}".encode()
    ).hexdigest()
    return Path(cache_dir) / key[:2] / f"{key}.json"


def extract_with_cache(doc: RawDocument, cache_dir: Path | None) -> dict[str, list[dict]]:
    """The document's rows, from the cache when neither its bytes nor the extractor changed."""
    from .extract import extract_document

    cached = _cache_file(cache_dir, doc) if cache_dir is not None else None
    if cached is not None and cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    rows = extract_document(doc.document_id, doc.text, doc.published)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({t: rows[t] for t in EXTRACTED_TABLES}), encoding="utf-8")
        os.replace(partial, cached)
    return rows


def read_and_extract(
    paths: Sequence[Path], raw_dir: Path, cache_dir: Path | None = None
) -> tuple[list[RawDocument], dict[str, pd.DataFrame]]:
    """Read a batch of documents and extract their figures, dates and mentions, as one frame per table.

    Frames rather than row dicts: a tenth of the memory, and cheap to send back from a worker process.
    """
    docs = [read_document(path, raw_dir) for path in paths]
    rows: dict[str, list[dict]] = {table: [] for table in EXTRACTED_TABLES}
    for doc in docs:
        extracted = extract_with_cache(doc, cache_dir)
        for table in EXTRACTED_TABLES:
            rows[table].extend(extracted[table])
    return docs, {table: to_frame(table, rows[table]) for table in EXTRACTED_TABLES}


def is_up_to_date(paths: Sequence[Path], raw_dir: Path, dist_dir: Path) -> bool:
    """True when `dist_dir` was published from exactly these inputs by exactly this code."""
    descriptor = Path(dist_dir) / DESCRIPTOR
    if not descriptor.is_file():
        return False
    try:
        published = json.loads(descriptor.read_text(encoding="utf-8")).get("provenance", {})
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    try:
        inputs = input_records(paths, raw_dir)
    except OSError:
        return False
    return (
        published.get("code_sha256") == code_sha256()
        and published.get("libraries") == library_versions()
        and published.get("inputs") == inputs
    )


def build_tables(
    docs: Sequence[RawDocument], extracted: Sequence[Mapping[str, pd.DataFrame | list[dict]]]
) -> dict[str, pd.DataFrame]:
    """The four tables from the documents and their batches of extracted rows (frames or row dicts)."""
    tables = {"documents": to_frame("documents", [document_row(doc) for doc in docs])}
    for table in EXTRACTED_TABLES:
        parts = [part if isinstance(part, pd.DataFrame) else to_frame(table, part) for part in (b[table] for b in extracted)]
        parts = [part for part in parts if len(part)]
        combined = pd.concat(parts, ignore_index=True) if parts else empty_frame(table)
        tables[table] = combined.sort_values(sort_key(table), kind="stable").reset_index(drop=True)
    return tables


def check_tables(tables: Mapping[str, pd.DataFrame], docs: Sequence[RawDocument]) -> None:
    validate_tables(tables, {doc.document_id: doc.text for doc in docs})


def staging_dir(dist_dir: Path) -> Path:
    dist_dir = Path(dist_dir).resolve()
    return dist_dir.with_name(f".dist-staging-{dist_dir.name}")


def backup_dir(dist_dir: Path) -> Path:
    dist_dir = Path(dist_dir).resolve()
    return dist_dir.with_name(f".dist-previous-{dist_dir.name}")


@contextmanager
def publishing_lock(dist_dir: Path) -> Iterator[None]:
    """One publication at a time into `dist_dir` (scheduled runs can overlap); released on exit or kill."""
    dist_dir = Path(dist_dir).resolve()
    dist_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(dist_dir.with_name(f".dist-lock-{dist_dir.name}"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover_interrupted(dist_dir: Path) -> None:
    """Undo what a killed run left: restore a dist/ moved aside, drop a half-built staging folder."""
    dist_dir, backup = Path(dist_dir).resolve(), backup_dir(dist_dir)
    if backup.exists():
        if dist_dir.exists():
            shutil.rmtree(backup)
        else:
            os.replace(backup, dist_dir)
    shutil.rmtree(staging_dir(dist_dir), ignore_errors=True)


def published_version(dist_dir: Path) -> str | None:
    descriptor = Path(dist_dir) / DESCRIPTOR
    return json.loads(descriptor.read_text(encoding="utf-8")).get("version") if descriptor.is_file() else None


def previous_publication(dist_dir: Path) -> tuple[dict[str, pd.DataFrame] | None, str | None, str | None]:
    """Tables, version and changelog of the package already published at `dist_dir`, if any."""
    descriptor = Path(dist_dir) / DESCRIPTOR
    if not descriptor.is_file():
        return None, None, None
    version = published_version(dist_dir)
    tables = {}
    for table in TABLES:
        path = Path(dist_dir) / DATA_DIR / f"{table}.parquet"
        if path.is_file():
            tables[table] = read_stored(path)
    log = Path(dist_dir) / CHANGELOG
    return tables, version, log.read_text(encoding="utf-8") if log.is_file() else None


def documents_on_page(docs: Sequence[RawDocument], budget: int | None = None) -> list[str]:
    """The documents whose texts the landing page shows: in id order, while their text fits the budget."""
    budget = PAGE_TEXT_BUDGET if budget is None else budget
    shown, used = [], 0
    for doc in sorted(docs, key=lambda d: d.document_id):
        if shown and used + len(doc.text) > budget:
            break
        shown.append(doc.document_id)
        used += len(doc.text)
    return shown


def render_pages(descriptor: dict, tables: Mapping[str, pd.DataFrame], docs: Sequence[RawDocument], out_dir: Path) -> None:
    """The landing page and the package README; a large package's page shows only its first documents."""
    from .site import render_index, render_readme

    sizes = {p.relative_to(out_dir).as_posix(): p.stat().st_size for p in sorted((out_dir / DATA_DIR).iterdir())}
    shown = documents_on_page(docs)
    note = None
    page_tables = dict(tables)
    if len(shown) < len(docs):
        keep = set(shown)
        page_tables = {name: frame[frame["document_id"].isin(keep)] for name, frame in tables.items()}
        note = (
            f"This page shows {len(shown):,} of the package's {len(docs):,} documents (the first by id) "
            f"and their figures; the downloads hold all {len(tables['figures']):,} figures."
        )
    texts = {doc.document_id: doc.text for doc in docs if doc.document_id in set(shown)}
    (out_dir / "index.html").write_text(render_index(descriptor, page_tables, texts, sizes, note), encoding="utf-8")
    (out_dir / "README.md").write_text(render_readme(descriptor, dict(tables), sizes), encoding="utf-8")


def write_package(
    tables: Mapping[str, pd.DataFrame],
    docs: Sequence[RawDocument],
    out_dir: Path,
    previous_dir: Path | None,
    version_of_extractor: str,
    raw_dir: Path,
    with_zip: bool = True,
) -> Publication:
    """Write the whole package into `out_dir` (a fresh folder); the zip too unless `with_zip` is False
    (the flow writes it while the package is checked: see verify_package)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True)
    write_data(tables, out_dir)
    old_tables, old_version, old_log = previous_publication(previous_dir) if previous_dir else (None, None, None)
    diff = diff_tables(tables, old_tables)
    version = bump(diff, old_version)
    created = created_timestamp(tables["documents"])
    entry = None if (old_version is not None and version == old_version) else changelog_entry(
        version, created, diff, tables["documents"]
    )
    (out_dir / CHANGELOG).write_text(changelog(old_log, entry), encoding="utf-8")
    record = provenance(input_records([doc.path for doc in docs], raw_dir), out_dir, version_of_extractor)
    descriptor = build_descriptor(tables["documents"], out_dir, version, created, record)
    write_json(descriptor, out_dir / DESCRIPTOR)
    render_pages(descriptor, tables, docs, out_dir)
    if with_zip:
        write_zip(out_dir, version)
    previous_figures = old_tables.get("figures") if old_tables else None
    return Publication(descriptor, entry, new_figures(tables["figures"], previous_figures))


def frictionless_row_limit(tables: Mapping[str, pd.DataFrame]) -> int | None:
    """Frictionless checks rows at about 10,000 a second: all of a small package, a sample of a large one.

    Pandera has already checked every row of every table, and check_package
    compares every CSV row with its Parquet twin, so the sample loses no check.
    """
    return None if sum(len(t) for t in tables.values()) <= FRICTIONLESS_ALL_ROWS else FRICTIONLESS_SAMPLE_ROWS


def verify_package(
    out_dir: Path, raw_dir: Path, frictionless_rows: int | None = None, zip_version: str | None = None
) -> None:
    """Check the package built in `out_dir`; ValidationFailed names every problem.

    With `zip_version`, the download zip is written meanwhile, in a thread: no
    check reads the zip, and zlib compresses outside the GIL, so it costs no wall time.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        zipping = pool.submit(write_zip, out_dir, zip_version) if zip_version else None
        # Frictionless on the CSV resources only: it skips a Parquet file's hash and size anyway,
        # and check_package compares every Parquet row with its CSV twin.
        problems = check_package(out_dir, Path(raw_dir).resolve().parent, frictionless_rows, parquet_in_frictionless=False)
        if zipping is not None:
            zipping.result()
    if problems:
        raise ValidationFailed(f"the package built in {out_dir}", "\n".join(problems))


def swap_into_place(staging: Path, dist_dir: Path) -> None:
    """Replace `dist_dir` by the checked `staging` folder (two renames; see recover_interrupted)."""
    dist_dir, backup = Path(dist_dir).resolve(), backup_dir(dist_dir)
    if backup.exists():
        shutil.rmtree(backup)
    if dist_dir.exists():
        os.replace(dist_dir, backup)
    os.replace(staging, dist_dir)
    shutil.rmtree(backup, ignore_errors=True)
