"""The Prefect flow `publish`: it orchestrates the steps of `publish.py`, it computes nothing.

No `from __future__ import annotations` here: a served flow's parameters are
validated from these annotations in another process, which cannot resolve
them from strings.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional, Union

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from . import documents, publish as steps, remote
from .errors import SahelDataError
from .report import records, summary_markdown

DEFAULT_CACHE = Path(".cache/extract")
ARTIFACT_ROWS = 500  # a Prefect table artifact is for reading in the UI, not a copy of the data


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
# a validation error must fail at once, not three times. No Prefect result caching
# either: hashing whole documents and tables as cache keys costs more than the steps,
# and unchanged documents are already skipped by the extraction cache (publish.py).


@task(name="discover documents", cache_policy=NO_CACHE)
def discover_documents(raw_dir: Path) -> list[Path]:
    return documents.discover(raw_dir)


@task(name="check for changes", cache_policy=NO_CACHE)
def is_up_to_date(paths: list[Path], raw_dir: Path, dist_dir: Path) -> bool:
    return steps.is_up_to_date(paths, raw_dir, dist_dir)


@task(name="extract batch", cache_policy=NO_CACHE)
def extract_batch(paths: list[Path], raw_dir: Path, cache_dir: Path | None):
    return steps.read_and_extract(paths, raw_dir, cache_dir)


@task(name="build tables", cache_policy=NO_CACHE)
def build_tables(docs, extracted):
    return steps.build_tables(docs, extracted)


@task(name="validate tables", cache_policy=NO_CACHE)
def validate_tables(tables, docs) -> None:
    steps.check_tables(tables, docs)


@task(name="write package", cache_policy=NO_CACHE)
def write_package(tables, docs, staging: Path, dist_dir: Path, raw_dir: Path) -> steps.Publication:
    return steps.write_package(tables, docs, staging, dist_dir, steps.extractor_version(), raw_dir, with_zip=False)


@task(name="validate package", cache_policy=NO_CACHE)
def verify_package(staging: Path, raw_dir: Path, tables, version: str) -> None:
    """Check the staged package, and write its zip meanwhile."""
    steps.verify_package(staging, raw_dir, steps.frictionless_row_limit(tables), zip_version=version)


@task(name="publish", cache_policy=NO_CACHE)
def swap_into_place(staging: Path, dist_dir: Path) -> None:
    steps.swap_into_place(staging, dist_dir)


@task(name="report", cache_policy=NO_CACHE)
def report(tables, publication: steps.Publication) -> None:
    version = publication.descriptor["version"]
    create_markdown_artifact(
        summary_markdown(tables, version, publication.changes),
        key="sahel-data-summary",
        description=f"sahel-data {version}: what was published",
    )
    new = publication.new_figures
    create_table_artifact(
        records(new.head(ARTIFACT_ROWS)),
        key="sahel-data-new-figures",
        description=f"Figures new in {version}: {min(len(new), ARTIFACT_ROWS):,} of {len(new):,} shown",
    )


@flow(name="publish", log_prints=True)
def publish(
    raw_dir: Union[str, Path] = "raw",
    dist_dir: Union[str, Path] = "dist",
    batch_size: Optional[int] = None,
    cache_dir: Optional[Path] = DEFAULT_CACHE,
    force: bool = False,
) -> dict:
    """Read every document in `raw_dir`, extract, validate, and publish the package into `dist_dir`.

    Both folders may be local paths or fsspec URLs (s3://..., memory://...).
    Documents whose bytes and extractor are unchanged come from `cache_dir`
    (None: no cache); when nothing changed at all, nothing is rebuilt
    unless `force`.
    """
    with remote.local_folders(str(raw_dir), str(dist_dir)) as (raw, dist), steps.publishing_lock(dist):
        return _publish(raw, dist, batch_size, cache_dir, force)


def _publish(raw_dir: Path, dist_dir: Path, batch_size: Optional[int], cache_dir: Optional[Path], force: bool) -> dict:
    logger = get_run_logger()
    steps.recover_interrupted(dist_dir)
    paths = discover_documents(raw_dir)
    if not force and is_up_to_date(paths, raw_dir, dist_dir):
        logger.info("%s is up to date with %d document(s) in %s: nothing to publish", dist_dir, len(paths), raw_dir)
        return {"version": steps.published_version(dist_dir), "rows": None, "up_to_date": True}
    batches = steps.batches(paths, batch_size or steps.batch_size_for(len(paths)))
    logger.info("%d document(s) in %s, %d batch(es)", len(paths), raw_dir, len(batches))
    docs, extracted = [], []
    futures = extract_batch.map(batches, raw_dir=unmapped(raw_dir), cache_dir=unmapped(cache_dir))
    for number, future in enumerate(futures, start=1):
        batch_docs, rows = future.result()
        docs += batch_docs
        extracted.append(rows)
        logger.info(
            "batch %d/%d: %d document(s), %d figure(s)", number, len(batches), len(batch_docs), len(rows["figures"])
        )
    # quote(): hand big values over as they are; Prefect would otherwise walk every row looking for futures.
    docs, extracted = quote(docs), quote(extracted)
    tables = quote(build_tables(docs, extracted))
    validate_tables(tables, docs)
    staging = steps.staging_dir(dist_dir)
    try:
        publication = write_package(tables, docs, staging, dist_dir, raw_dir)
        verify_package(staging, raw_dir, tables, publication.descriptor["version"])
        swap_into_place(staging, dist_dir)
    finally:
        steps.recover_interrupted(dist_dir)
    report(tables, quote(publication))
    version = publication.descriptor["version"]
    counts = {t: len(frame) for t, frame in tables.unquote().items()}
    logger.info(
        "published %s into %s: %s", version, dist_dir, ", ".join(f"{n} {t}" for t, n in counts.items())
    )
    return {"version": version, "rows": counts, "up_to_date": False}


@contextmanager
def shared_prefect_api() -> Iterator[None]:
    """One temporary Prefect server for this run and its worker processes, when no API is configured.

    Without it, Prefect starts a temporary server in the flow's process and
    another in each worker process (seconds each, on every run).
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    # The instance Prefect itself would start in this process; it stops at exit, as Prefect's own does.
    server = SubprocessASGIServer()
    server.start()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        try:
            yield
        finally:
            _drain_logs_and_events()


def _drain_logs_and_events() -> None:
    """Send the run's last logs and events while the server's address is still set (as prefect_test_harness does)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        for result in (APILogWorker.instance().drain(), EventsWorker.drain_all()):
            if inspect.isawaitable(result):
                await result

    run_coro_as_sync(drain())


def with_task_runner(kind: str = "local", dask_address: Optional[str] = None):
    """The publish flow on the chosen task runner: threads, local processes, or a Dask cluster via prefect-dask."""
    if kind == "local":
        return publish
    if kind == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return publish.with_options(task_runner=ProcessPoolTaskRunner())
    if kind == "dask":
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError:
            raise SahelDataError("--task-runner dask needs prefect-dask: pip install 'sahel-data[dask]'") from None
        runner = DaskTaskRunner(address=dask_address) if dask_address else DaskTaskRunner()
        return publish.with_options(task_runner=runner)
    raise SahelDataError(f"unknown task runner {kind!r}: use 'local', 'processes' or 'dask'")
