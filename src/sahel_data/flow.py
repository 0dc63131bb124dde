"""The Prefect flow `publish`: it orchestrates the steps of `publish.py`, it computes nothing."""

from __future__ import annotations

import logging
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped

from . import documents, publish as steps
from .errors import SahelDataError

BATCH_SIZE = 200


class _UserErrorsWithoutTraceback(logging.Filter):
    """A bad input is reported by its message; a traceback would only bury it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], SahelDataError):
            record.exc_info = None
            record.exc_text = None
        return True


for _name in ("prefect.task_runs", "prefect.flow_runs"):
    logging.getLogger(_name).addFilter(_UserErrorsWithoutTraceback())

# Nothing here can fail transiently (all inputs are local files), so no task retries:
# a validation error must fail at once, not three times.


@task(name="discover documents")
def discover_documents(raw_dir: Path) -> list[Path]:
    return documents.discover(raw_dir)


@task(name="extract batch")
def extract_batch(paths: list[Path], raw_dir: Path):
    return steps.read_and_extract(paths, raw_dir)


@task(name="build tables")
def build_tables(docs, extracted):
    return steps.build_tables(docs, extracted)


@task(name="validate tables")
def validate_tables(tables, docs) -> None:
    steps.check_tables(tables, docs)


@task(name="write package")
def write_package(tables, docs, staging: Path, dist_dir: Path) -> dict:
    return steps.write_package(tables, docs, staging, dist_dir, steps.extractor_version())


@task(name="validate package")
def verify_package(staging: Path, raw_dir: Path) -> None:
    steps.verify_package(staging, raw_dir)


@task(name="publish")
def swap_into_place(staging: Path, dist_dir: Path) -> None:
    steps.swap_into_place(staging, dist_dir)


@flow(name="publish", log_prints=True)
def publish(raw_dir: Path = Path("raw"), dist_dir: Path = Path("dist"), batch_size: int = BATCH_SIZE) -> dict:
    """Read every document in `raw_dir`, extract, validate, and publish the package into `dist_dir`."""
    logger = get_run_logger()
    raw_dir, dist_dir = Path(raw_dir), Path(dist_dir)
    steps.recover_interrupted(dist_dir)
    paths = discover_documents(raw_dir)
    batches = steps.batches(paths, batch_size)
    logger.info("%d document(s) in %s, %d batch(es)", len(paths), raw_dir, len(batches))
    docs, extracted = [], []
    futures = extract_batch.map(batches, raw_dir=unmapped(raw_dir))
    for number, future in enumerate(futures, start=1):
        batch_docs, rows = future.result()
        docs += batch_docs
        extracted.append(rows)
        logger.info(
            "batch %d/%d: %d document(s), %d figure(s)", number, len(batches), len(batch_docs), len(rows["figures"])
        )
    tables = build_tables(docs, extracted)
    validate_tables(tables, docs)
    staging = steps.staging_dir(dist_dir)
    try:
        descriptor = write_package(tables, docs, staging, dist_dir)
        verify_package(staging, raw_dir)
        swap_into_place(staging, dist_dir)
    finally:
        steps.recover_interrupted(dist_dir)
    logger.info(
        "published %s %s into %s: %s",
        descriptor["name"],
        descriptor["version"],
        dist_dir,
        ", ".join(f"{len(tables[t])} {t}" for t in tables),
    )
    return {"version": descriptor["version"], "rows": {t: len(tables[t]) for t in tables}}
