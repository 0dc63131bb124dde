"""The Frictionless data package: data files, descriptor with provenance, and the download zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version as installed_version
from pathlib import Path

import pandas as pd

from . import __version__
from .documents import META_SUFFIX, TEXT_SUFFIX
from .schemas import SCHEMA_DIR, TABLES, schema_path, schema_sha256, table_schema
from .store import write_table_files

PACKAGE_NAME = "sahel-data"
PACKAGE_TITLE = "Sahel security figures"
DESCRIPTOR = "datapackage.json"
DATA_DIR = "data"
ZIP_LEVEL = 6  # zlib's default; level 9 is much slower for little gain on CSV
CODE_DIR = Path(__file__).resolve().parent
CODE_SUFFIXES = {".py", ".csv", ".tsv", ".json", ".txt", ".html", ".css", ".js"}
LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International",
    }
]
DESCRIPTION = (
    "Figures about security in the Sahel (deaths, attacks, troops, shares of territory, arms "
    "imports...) extracted from the prose of articles, each with its span in the text, value, "
    "bounds, unit, what it measures, where, when, about whom and on whose authority; plus the "
    "dates and the mentions of places and actors. The data are under CC-BY-4.0; the quoted "
    "sentences and expressions are short excerpts of the credited sources, which keep their own "
    "rights."
)
CONTRIBUTORS = [{"title": "sahel-data contributors", "roles": ["creator", "maintainer"]}]
# Libraries whose versions can change the bytes or the rows of the package.
LIBRARIES = ("prefect", "pandas", "pandera", "pyarrow", "duckdb", "frictionless", "pycountry")
STEPS = (
    ("read", "sahel_data.documents.read_document", ()),
    ("extract", "sahel_data.extract.extract_document", ("pycountry",)),
    ("tabulate", "sahel_data.store.to_frame", ("pandas",)),
    ("validate tables", "sahel_data.validate.validate_tables", ("pandera", "pandas")),
    ("write data", "sahel_data.package.write_data", ("pyarrow", "pandas")),
    ("compare with previous", "sahel_data.changes.diff_tables", ("duckdb",)),
    ("describe", "sahel_data.package.build_descriptor", ()),
    ("validate package", "sahel_data.check.check_package", ("frictionless", "pyarrow")),
    ("publish", "sahel_data.publish.swap_into_place", ()),
)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_version(name: str) -> str:
    try:
        return installed_version(name)
    except PackageNotFoundError:
        return "not installed"


def library_versions() -> dict[str, str]:
    return {lib: library_version(lib) for lib in LIBRARIES}


def code_files(*roots: Path) -> list[Path]:
    """The files whose content decides the output: by default the package's code and data, and the schemas."""
    roots = roots or (CODE_DIR, SCHEMA_DIR)
    return sorted(
        p for root in roots for p in root.rglob("*")
        if p.is_file() and p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts
    )


def code_sha256(*roots: Path) -> str:
    """One hash of the code and data files below `roots`, by path and content (not the commit id)."""
    digest = hashlib.sha256()
    for path in code_files(*roots):
        digest.update(f"{path.relative_to(SCHEMA_DIR.parent).as_posix()}\0{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def created_timestamp(documents: pd.DataFrame) -> str:
    """RFC 3339 time of the newest input (or SOURCE_DATE_EPOCH): never the wall clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    days = [d for col in ("published", "retrieved") for d in documents[col].dropna()]
    return f"{max(days)}T00:00:00Z"


def write_data(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> None:
    data = Path(out_dir) / DATA_DIR
    data.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        write_table_files(table, tables[table], data / f"{table}.parquet", data / f"{table}.csv")


def _resources(out_dir: Path) -> list[dict]:
    resources = []
    for table in TABLES:
        schema = table_schema(table)
        description = schema.pop("description", None)
        for fmt in ("csv", "parquet"):
            path = f"{DATA_DIR}/{table}.{fmt}"
            resource = {
                "name": table if fmt == "csv" else f"{table}-parquet",
                "type": "table",
                "path": path,
                "format": fmt,
                "description": description,
                "hash": f"sha256:{sha256_file(Path(out_dir) / path)}",
            }
            if fmt == "csv":
                resource |= {
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "bytes": (Path(out_dir) / path).stat().st_size,
                }
            else:
                # Frictionless cannot count a Parquet file's bytes; the size is in provenance.files.
                resource["mediatype"] = "application/vnd.apache.parquet"
            resource["schema"] = schema
            resources.append(resource)
    return resources


def _sources(documents: pd.DataFrame) -> list[dict]:
    sources = []
    for row in documents.to_dict("records"):
        source = {"title": row["title"], "path": row["url"] if pd.notna(row["url"]) else row["path"]}
        for key in ("author", "publisher", "published", "retrieved"):
            if pd.notna(row[key]):
                source[key] = row[key]
        source["document_id"] = row["document_id"]
        source["sha256"] = row["sha256"]
        sources.append(source)
    return sources


def input_records(paths: Sequence[Path], raw_dir: Path) -> list[dict]:
    """Path, sha256 and size of every raw file a publication reads: each text and its metadata."""
    records = []
    for path in paths:
        for file in (path, path.with_name(path.name[: -len(TEXT_SUFFIX)] + META_SUFFIX)):
            records.append({
                "path": f"{Path(raw_dir).name}/{file.relative_to(raw_dir).as_posix()}",
                "sha256": sha256_file(file),
                "bytes": file.stat().st_size,
            })
    return records


def provenance(inputs: list[dict], out_dir: Path, extractor_version: str) -> dict:
    files = [
        {"path": p.relative_to(out_dir).as_posix(), "bytes": p.stat().st_size, "sha256": sha256_file(p)}
        for p in sorted((Path(out_dir) / DATA_DIR).iterdir())
    ]
    return {
        "package": {"name": PACKAGE_NAME, "version": __version__},
        "code_sha256": code_sha256(),
        "extractor_version": extractor_version,
        "inputs": inputs,
        "schemas": [
            {"path": f"schemas/{schema_path(t).name}", "sha256": schema_sha256(t)} for t in TABLES
        ],
        "files": files,
        "steps": [
            {"step": name, "function": function, "libraries": {lib: library_version(lib) for lib in libs}}
            for name, function, libs in STEPS
        ],
        "libraries": library_versions(),
    }


def build_descriptor(
    documents: pd.DataFrame, out_dir: Path, version: str, created: str, provenance_record: dict
) -> dict:
    return {
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": DESCRIPTION,
        "version": version,
        "created": created,
        "keywords": ["Sahel", "security", "conflict", "terrorism", "figures", "open data"],
        "licenses": LICENSES,
        "contributors": CONTRIBUTORS,
        "sources": _sources(documents),
        "resources": _resources(out_dir),
        "provenance": provenance_record,
    }


def write_json(obj: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def zip_name(version: str) -> str:
    return f"{PACKAGE_NAME}-{version}.zip"


def write_zip(out_dir: Path, version: str) -> Path:
    """The whole package in one zip: sorted entries, fixed timestamps and permissions."""
    out_dir = Path(out_dir)
    target = out_dir / zip_name(version)
    members = sorted(
        p for p in out_dir.rglob("*") if p.is_file() and p != target and p.suffix != ".zip"
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive:
        for path in members:
            info = zipfile.ZipInfo(f"{PACKAGE_NAME}/{path.relative_to(out_dir).as_posix()}", (1980, 1, 1, 0, 0, 0))
            # Parquet is already zstd-compressed: deflating it again costs time and saves nothing.
            info.compress_type = zipfile.ZIP_STORED if path.suffix == ".parquet" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=ZIP_LEVEL)
    return target
