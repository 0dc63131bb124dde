"""Raw and dist folders given as fsspec URLs (s3://, gs://, memory://, file://...).

The pipeline itself works on local folders: a remote raw folder is copied
into a temporary folder first, a remote dist folder is fetched (it is the
previous publication) and, once the new package is built and checked
locally, uploaded in its place.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import InputError


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and "://" in location


def filesystem(url: str):
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise InputError(url, f"cannot open this location: {error}") from None


def _name(root: str) -> str:
    return PurePosixPath(root.rstrip("/")).name or "raw"


def download(url: str, into: Path) -> Path:
    """Copy the folder at `url` into `into/<its name>`; return that local folder."""
    fs, root = filesystem(url)
    local = Path(into) / _name(root)
    local.mkdir(parents=True, exist_ok=True)
    if not fs.exists(root):
        return local
    base = root.rstrip("/")
    for remote in sorted(fs.find(base)):
        target = local / PurePosixPath(remote).relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fs.cat_file(remote))
    return local


def upload(local: Path, url: str) -> None:
    """Replace the folder at `url` by `local`: new files first, then stale ones removed.

    Object stores have no atomic rename of a folder, so readers may briefly
    see old and new files side by side; `datapackage.json` is written last.
    """
    fs, root = filesystem(url)
    base = root.rstrip("/")
    files = sorted(p for p in Path(local).rglob("*") if p.is_file())
    files.sort(key=lambda p: p.name == "datapackage.json")
    wanted = set()
    for path in files:
        remote = f"{base}/{path.relative_to(local).as_posix()}"
        wanted.add(remote)
        fs.makedirs(str(PurePosixPath(remote).parent), exist_ok=True)
        fs.pipe_file(remote, path.read_bytes())
    for stale in fs.find(base) if fs.exists(base) else []:
        if stale not in wanted:
            fs.rm_file(stale)


@contextmanager
def local_folders(raw: str | Path, dist: str | Path) -> Iterator[tuple[Path, Path]]:
    """Local raw and dist folders for the pipeline; a remote dist is uploaded after a successful run."""
    if not is_url(raw) and not is_url(dist):
        yield Path(raw), Path(dist)
        return
    work = Path(tempfile.mkdtemp(prefix="sahel-data-"))
    try:
        local_raw = download(raw, work / "raw") if is_url(raw) else Path(raw)
        local_dist = download(dist, work / "dist") if is_url(dist) else Path(dist)
        yield local_raw, local_dist
        if is_url(dist) and local_dist.is_dir():
            upload(local_dist, dist)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def parent_url(url: str) -> str:
    """The folder holding `url` ("s3://bucket/site/dist" -> "s3://bucket/site")."""
    scheme, _, path = url.partition("://")
    parent = PurePosixPath(path.rstrip("/")).parent.as_posix()
    return f"{scheme}://{'' if parent == '.' else parent}"


def fetch_files(base_url: str, relative_paths: list[str], into: Path) -> Path:
    """Copy only the listed files of the folder at `base_url` into `into` (missing ones are skipped)."""
    fs, root = filesystem(base_url)
    base = root.rstrip("/")
    into.mkdir(parents=True, exist_ok=True)
    for relative in relative_paths:
        remote = f"{base}/{relative}" if base else relative
        if fs.exists(remote):
            target = into / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(fs.cat_file(remote))
    return into


@contextmanager
def local_package(dist: str | Path, raw_base: str | Path | None) -> Iterator[tuple[Path, Path | None]]:
    """A published package and the raw files it was built from, as local folders, for checking.

    A remote raw base (by default the remote package's parent) is not copied
    whole: only the input files the package's provenance lists.
    """
    if not is_url(dist) and not is_url(raw_base):
        yield Path(dist), None if raw_base is None else Path(raw_base)
        return
    import json

    work = Path(tempfile.mkdtemp(prefix="sahel-data-check-"))
    try:
        local_dist = download(str(dist), work / "dist") if is_url(dist) else Path(dist)
        base = raw_base if raw_base is not None else (parent_url(str(dist)) if is_url(dist) else None)
        if is_url(base):
            descriptor = local_dist / "datapackage.json"
            inputs = []
            if descriptor.is_file():
                try:
                    inputs = [i["path"] for i in json.loads(descriptor.read_text(encoding="utf-8"))
                              .get("provenance", {}).get("inputs", [])]
                except (ValueError, TypeError, KeyError):
                    inputs = []
            yield local_dist, fetch_files(str(base), inputs, work / "raw-base")
        else:
            yield local_dist, None if base is None else Path(base)
    finally:
        shutil.rmtree(work, ignore_errors=True)
