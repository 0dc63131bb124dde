"""`sahel-data`: a thin command line over the library."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import SahelDataError

# Offline machines: no telemetry attempts from Prefect's temporary server.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    help="Figures about security in the Sahel, from articles to an open data package.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

RawOption = Annotated[Path, typer.Option("--raw", help="Folder of raw documents (<id>.txt + <id>.meta.json).")]
DistOption = Annotated[Path, typer.Option("--dist", help="Folder the package is published into.")]
RawLocation = Annotated[
    str, typer.Option("--raw", help="Folder (or fsspec URL, e.g. s3://bucket/raw) of raw documents.")
]
DistLocation = Annotated[str, typer.Option("--dist", help="Folder (or fsspec URL) the package is published into.")]


def fail(error: Exception) -> None:
    typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


class Runner(str, Enum):
    auto = "auto"
    local = "local"
    processes = "processes"
    dask = "dask"


@app.command()
def publish(
    raw: RawLocation = "raw",
    dist: DistLocation = "dist",
    cache: Annotated[Path, typer.Option("--cache", help="Folder of cached extractions.")] = Path(".cache/extract"),
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Extract every document again.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when nothing changed.")] = False,
    task_runner: Annotated[
        Runner,
        typer.Option(
            "--task-runner",
            help="Where extraction runs: threads (local), one process per core (processes), or Dask; "
            "auto: processes when there is more than one batch.",
        ),
    ] = Runner.auto,
    dask_address: Annotated[
        Optional[str], typer.Option("--dask-address", help="Scheduler of an existing Dask cluster (default: a local one).")
    ] = None,
    batch_size: Annotated[
        Optional[int],
        typer.Option("--batch-size", min=1, help="Documents per extraction task (default: about four batches per core, of 50 to 500)."),
    ] = None,
) -> None:
    """Extract, validate and publish every document in RAW into DIST (only if all of it is valid)."""
    from .documents import discover
    from .publish import LOCAL_EXTRACTION_LIMIT, is_up_to_date, published_version
    from .remote import is_url

    try:
        runner = task_runner.value
        if not is_url(raw):
            paths = discover(Path(raw))
            # Checked before the flow too: when nothing changed, not even Prefect's server has to start.
            if not force and not is_url(dist) and is_up_to_date(paths, Path(raw), Path(dist)):
                typer.echo(f"{dist} is up to date (version {published_version(dist)}): nothing to publish")
                return
            if runner == "auto":
                runner = "processes" if len(paths) > LOCAL_EXTRACTION_LIMIT else "local"
        from .flow import shared_prefect_api, with_task_runner

        flow = with_task_runner("local" if runner == "auto" else runner, dask_address)
        with shared_prefect_api():
            result = flow(raw_dir=raw, dist_dir=dist, batch_size=batch_size, cache_dir=None if no_cache else cache, force=force)
    except SahelDataError as error:
        fail(error)
    if result["up_to_date"]:
        typer.echo(f"{dist} is up to date (version {result['version']}): nothing to publish")
        return
    rows = ", ".join(f"{n} {table}" for table, n in result["rows"].items())
    typer.echo(f"published version {result['version']} into {dist}: {rows}")


@app.command()
def serve(
    raw: RawOption = Path("raw"),
    dist: DistOption = Path("dist"),
    cron: Annotated[Optional[str], typer.Option("--cron", help="Cron schedule, e.g. '0 6 * * *' (daily at 06:00 UTC).")] = None,
    interval: Annotated[Optional[int], typer.Option("--interval", min=1, help="Seconds between runs.")] = None,
    name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "sahel-data-publish",
) -> None:
    """Publish on a schedule: serve the publish flow with Prefect until stopped (Ctrl-C)."""
    from .flow import publish as publish_flow

    if (cron is None) == (interval is None):
        fail(SahelDataError("give exactly one of --cron and --interval"))
    parameters = {"raw_dir": str(raw.resolve()), "dist_dir": str(dist.resolve())}
    typer.echo(f"serving {name}: publishing {raw} into {dist} " + (f"on cron '{cron}'" if cron else f"every {interval} s"))
    publish_flow.serve(name=name, cron=cron, interval=interval, parameters=parameters)


@app.command()
def validate(
    dist: Annotated[str, typer.Argument(help="The published package folder, or its fsspec URL.")] = "dist",
    raw_base: Annotated[
        Optional[str],
        typer.Option("--raw-base", help="Folder (or URL) the documents' paths are relative to (default: DIST's parent)."),
    ] = None,
) -> None:
    """Check a published package: Frictionless validation, file hashes, CSV against Parquet, spans against raw texts."""
    from .check import check_package
    from .remote import local_package

    try:
        with local_package(dist, raw_base) as (local_dist, local_raw_base):
            problems = check_package(local_dist, local_raw_base)
    except SahelDataError as error:
        fail(error)
    if problems:
        for problem in problems:
            typer.echo(problem, err=True)
        typer.secho(f"error: {dist} is not valid: {len(problems)} problem(s)", err=True, fg=typer.colors.RED)
        raise typer.Exit(1)
    typer.echo(f"{dist} is valid")


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="DuckDB SQL over the views documents, figures, dates, mentions.")],
    dist: DistLocation = "dist",
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Run SQL on the published tables with DuckDB and print the result."""
    from .query import QueryError, render, run_query

    try:
        frame = run_query(dist, sql)
    except QueryError as error:
        fail(error)
    sys.stdout.write(render(frame, format.value))


@app.command()
def add(
    source: Annotated[str, typer.Argument(help="URL, .html file or .txt file of the article.")],
    raw: RawOption = Path("raw"),
    id: Annotated[Optional[str], typer.Option("--id", help="Document id (default: from the title).")] = None,
    title: Annotated[Optional[str], typer.Option("--title")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date, YYYY-MM-DD.")] = None,
    author: Annotated[Optional[str], typer.Option("--author")] = None,
) -> None:
    """Snapshot an article into RAW: its text, the original page and its metadata."""
    from .snapshot import add_source

    try:
        document_id = add_source(source, raw, document_id=id, title=title, published=published, author=author)
    except SahelDataError as error:
        fail(error)
    typer.echo(f"added {document_id} to {raw}")


def main() -> None:  # pragma: no cover - console entry point
    app()
