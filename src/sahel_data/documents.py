"""Raw documents: finding them in `raw/`, reading them strictly, and the documents table.

A document is `<document_id>.txt` with `<document_id>.meta.json` beside it.
Every problem is an `InputError` naming the file, so that a bad input stops
the run before anything is published.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

DOCUMENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEXT_SUFFIX = ".txt"
HTML_SUFFIXES = (".html", ".htm")
META_SUFFIX = ".meta.json"
OPTIONAL_META = ("author", "publisher", "url", "language", "retrieved", "license")
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class RawDocument:
    document_id: str
    path: Path
    relpath: str
    text: str
    sha256: str
    n_bytes: int
    meta: dict

    @property
    def published(self) -> str:
        return self.meta["published"]


def check_document_id(document_id: str, where: object) -> str:
    if not DOCUMENT_ID.match(document_id):
        raise InputError(
            where,
            f"document id {document_id!r} is not allowed: use lower-case letters, digits and '-' only "
            "(the file name without its extension is the id)",
        )
    return document_id


def _id_of(path: Path) -> str:
    name = path.name
    for suffix in (META_SUFFIX, TEXT_SUFFIX, *HTML_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def discover(raw_dir: Path) -> list[Path]:
    """The text file of every document under `raw_dir`, sorted by id.

    Raises InputError for an unsafe id, two files claiming one id, an HTML
    page with no extracted text beside it, or metadata without a document.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "raw folder not found")
    texts: dict[str, Path] = {}
    pages: dict[str, Path] = {}
    metas: dict[str, Path] = {}
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        name = path.name.lower()
        if name.startswith("."):
            continue
        if name.endswith(META_SUFFIX):
            bucket = metas
        elif name.endswith(TEXT_SUFFIX):
            bucket = texts
        elif name.endswith(HTML_SUFFIXES):
            bucket = pages
        else:
            continue
        document_id = check_document_id(_id_of(path), path)
        if document_id in bucket:
            raise InputError(path, f"document id {document_id!r} is claimed twice: also by {bucket[document_id]}")
        bucket[document_id] = path
    for document_id, page in pages.items():
        if document_id not in texts:
            raise InputError(
                page,
                "an HTML page without its extracted text: run "
                f"`sahel-data add {page}` to store its main text as {document_id}{TEXT_SUFFIX}",
            )
    for document_id, meta in metas.items():
        if document_id not in texts:
            raise InputError(meta, f"metadata for {document_id!r} but no {document_id}{TEXT_SUFFIX} beside it")
    if not texts:
        raise InputError(raw_dir, "no documents found (expected <document_id>.txt with <document_id>.meta.json)")
    return [texts[k] for k in sorted(texts)]


def _iso_date(value: object, key: str, where: Path) -> str:
    if not isinstance(value, str):
        raise InputError(where, f"'{key}' must be an ISO date like 2026-01-13, not {value!r}")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(where, f"'{key}' is {value!r}, not an ISO date like 2026-01-13") from None
    if len(value) != 10:
        raise InputError(where, f"'{key}' is {value!r}, not an ISO date like 2026-01-13")
    return parsed.isoformat()


def read_meta(meta_path: Path) -> dict:
    """The document's metadata, checked: title and published are required."""
    if not meta_path.is_file():
        raise InputError(meta_path, "metadata file is missing (it needs at least 'title' and 'published')")
    try:
        meta = json.loads(meta_path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(meta_path, f"not UTF-8 ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise InputError(meta_path, f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}") from None
    if not isinstance(meta, dict):
        raise InputError(meta_path, "must hold a JSON object")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(meta_path, "'title' is missing or empty")
    if "published" not in meta:
        raise InputError(meta_path, "'published' is missing (the publication date, e.g. 2026-01-13)")
    meta = dict(meta)
    meta["title"] = title.strip()
    meta["published"] = _iso_date(meta["published"], "published", meta_path)
    if meta.get("retrieved") is not None:
        meta["retrieved"] = _iso_date(meta["retrieved"], "retrieved", meta_path)
    for key in OPTIONAL_META:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise InputError(meta_path, f"'{key}' must be a string, not {meta[key]!r}")
    return meta


def decode_text(data: bytes, where: Path) -> str:
    if not data.strip():
        raise InputError(where, "the article is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            where, f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start} (line {line}) cannot be decoded"
        ) from None
    if _LOOKS_LIKE_HTML.match(text):
        raise InputError(
            where,
            "this is an HTML page, not plain text: save it as .html and run `sahel-data add` on it "
            "to extract its main text",
        )
    return text


def read_document(text_path: Path, raw_dir: Path) -> RawDocument:
    text_path = Path(text_path)
    document_id = check_document_id(_id_of(text_path), text_path)
    meta = read_meta(text_path.with_name(document_id + META_SUFFIX))
    data = text_path.read_bytes()
    text = decode_text(data, text_path)
    digest = hashlib.sha256(data).hexdigest()
    recorded = meta.get("sha256")
    if recorded is not None and recorded != digest:
        raise InputError(
            text_path,
            f"its sha256 is {digest} but {document_id}{META_SUFFIX} records {recorded}: "
            "the text changed since it was added; restore it, or remove 'sha256' from the metadata",
        )
    relpath = f"{Path(raw_dir).name}/{text_path.relative_to(raw_dir).as_posix()}"
    return RawDocument(document_id, text_path, relpath, text, digest, len(data), meta)


def document_row(doc: RawDocument) -> dict:
    """The row of the documents table for `doc`."""
    meta = doc.meta
    return {
        "document_id": doc.document_id,
        "title": meta["title"],
        "author": meta.get("author"),
        "publisher": meta.get("publisher"),
        "published": meta["published"],
        "url": meta.get("url"),
        "language": meta.get("language"),
        "retrieved": meta.get("retrieved"),
        "path": doc.relpath,
        "sha256": doc.sha256,
        "bytes": doc.n_bytes,
        "n_chars": len(doc.text),
        "license": meta.get("license"),
    }
