"""The steps of a publication, as plain functions; `flow.py` runs them as Prefect tasks.

A package is built in a staging folder beside `dist/`, checked completely,
and only then swapped into place, so a failure (or a kill) at any step
leaves the published `dist/` as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from .changes import bump, changelog, changelog_entry, diff_tables
from .check import check_package
from .documents import RawDocument, document_row, read_document
from .errors import ValidationFailed
from .package import (
    DATA_DIR,
    DESCRIPTOR,
    build_descriptor,
    created_timestamp,
    provenance,
    write_data,
    write_json,
    write_zip,
)
from .schemas import TABLES
from .store import read_stored, to_frame
from .validate import validate_tables

CHANGELOG = "CHANGELOG.md"
EXTRACTED_TABLES = ("figures", "dates", "mentions")


def batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def extractor_version() -> str:
    from .extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def read_and_extract(paths: Sequence[Path], raw_dir: Path) -> tuple[list[RawDocument], dict[str, list[dict]]]:
    """Read a batch of documents and extract their figures, dates and mentions."""
    from .extract import extract_document

    docs = [read_document(path, raw_dir) for path in paths]
    rows: dict[str, list[dict]] = {table: [] for table in EXTRACTED_TABLES}
    for doc in docs:
        extracted = extract_document(doc.document_id, doc.text, doc.published)
        for table in EXTRACTED_TABLES:
            rows[table].extend(extracted[table])
    return docs, rows


def build_tables(docs: Sequence[RawDocument], extracted: Sequence[Mapping[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    tables = {"documents": to_frame("documents", [document_row(doc) for doc in docs])}
    for table in EXTRACTED_TABLES:
        tables[table] = to_frame(table, [row for batch in extracted for row in batch[table]])
    return tables


def check_tables(tables: Mapping[str, pd.DataFrame], docs: Sequence[RawDocument]) -> None:
    validate_tables(tables, {doc.document_id: doc.text for doc in docs})


def staging_dir(dist_dir: Path) -> Path:
    dist_dir = Path(dist_dir).resolve()
    return dist_dir.with_name(f".dist-staging-{dist_dir.name}")


def backup_dir(dist_dir: Path) -> Path:
    dist_dir = Path(dist_dir).resolve()
    return dist_dir.with_name(f".dist-previous-{dist_dir.name}")


def recover_interrupted(dist_dir: Path) -> None:
    """Undo what a killed run left: restore a dist/ moved aside, drop a half-built staging folder."""
    dist_dir, backup = Path(dist_dir).resolve(), backup_dir(dist_dir)
    if backup.exists():
        if dist_dir.exists():
            shutil.rmtree(backup)
        else:
            os.replace(backup, dist_dir)
    shutil.rmtree(staging_dir(dist_dir), ignore_errors=True)


def previous_publication(dist_dir: Path) -> tuple[dict[str, pd.DataFrame] | None, str | None, str | None]:
    """Tables, version and changelog of the package already published at `dist_dir`, if any."""
    import json

    descriptor = Path(dist_dir) / DESCRIPTOR
    if not descriptor.is_file():
        return None, None, None
    version = json.loads(descriptor.read_text(encoding="utf-8")).get("version")
    tables = {}
    for table in TABLES:
        path = Path(dist_dir) / DATA_DIR / f"{table}.parquet"
        if path.is_file():
            tables[table] = read_stored(path)
    log = Path(dist_dir) / CHANGELOG
    return tables, version, log.read_text(encoding="utf-8") if log.is_file() else None


def render_pages(descriptor: dict, tables: Mapping[str, pd.DataFrame], docs: Sequence[RawDocument], out_dir: Path) -> None:
    """The landing page and the package README."""
    from .site import render_index, render_readme

    sizes = {p.relative_to(out_dir).as_posix(): p.stat().st_size for p in sorted((out_dir / DATA_DIR).iterdir())}
    texts = {doc.document_id: doc.text for doc in docs}
    (out_dir / "index.html").write_text(render_index(descriptor, dict(tables), texts, sizes), encoding="utf-8")
    (out_dir / "README.md").write_text(render_readme(descriptor, dict(tables), sizes), encoding="utf-8")


def write_package(
    tables: Mapping[str, pd.DataFrame],
    docs: Sequence[RawDocument],
    out_dir: Path,
    previous_dir: Path | None,
    version_of_extractor: str,
) -> dict:
    """Write the whole package into `out_dir` (a fresh folder); return its descriptor."""
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
    record = provenance(docs, out_dir, version_of_extractor)
    descriptor = build_descriptor(tables["documents"], out_dir, version, created, record)
    write_json(descriptor, out_dir / DESCRIPTOR)
    render_pages(descriptor, tables, docs, out_dir)
    write_zip(out_dir, version)
    return descriptor


def verify_package(out_dir: Path, raw_dir: Path) -> None:
    problems = check_package(out_dir, Path(raw_dir).resolve().parent)
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
