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


def fail(error: Exception) -> None:
    typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


@app.command()
def publish(raw: RawOption = Path("raw"), dist: DistOption = Path("dist")) -> None:
    """Extract, validate and publish every document in RAW into DIST (only if all of it is valid)."""
    from .flow import publish as publish_flow

    try:
        result = publish_flow(raw_dir=raw, dist_dir=dist)
    except SahelDataError as error:
        fail(error)
    rows = ", ".join(f"{n} {table}" for table, n in result["rows"].items())
    typer.echo(f"published version {result['version']} into {dist}: {rows}")


@app.command()
def validate(
    dist: Annotated[Path, typer.Argument(help="The published package folder.")] = Path("dist"),
    raw_base: Annotated[
        Optional[Path], typer.Option("--raw-base", help="Folder the documents' paths are relative to (default: DIST's parent).")
    ] = None,
) -> None:
    """Check a published package: Frictionless validation, file hashes, CSV against Parquet, spans against raw texts."""
    from .check import check_package

    problems = check_package(dist, raw_base)
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
    dist: DistOption = Path("dist"),
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
