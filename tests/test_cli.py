"""The command line: clear messages and exit codes, and queries in three formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sahel_data.cli import app
from sahel_data.documents import read_document
from sahel_data.publish import build_tables, write_package

from conftest import tree_digest, write_document
from test_package import extraction

runner = CliRunner()


@pytest.fixture
def dist(sample_raw, tmp_path):
    docs = [read_document(sample_raw / "sample-report.txt", sample_raw)]
    out = tmp_path / "dist"
    write_package(build_tables(docs, [extraction("sample-report")]), docs, out, None, "test", sample_raw)
    return out


def test_query_prints_a_table(dist):
    result = runner.invoke(app, ["query", "SELECT unit, count(*) AS n FROM figures GROUP BY ALL ORDER BY unit", "--dist", str(dist)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["unit", "n"]
    assert lines[1].split() == ["count", "1"] and lines[2].split() == ["percent", "1"]


def test_query_as_csv_and_json(dist):
    sql = "SELECT text, value_low, value_high, location FROM figures WHERE unit = 'percent'"
    csv = runner.invoke(app, ["query", sql, "--dist", str(dist), "--format", "csv"])
    assert csv.output.splitlines() == ["text,value_low,value_high,location", "between 40 and 50 %,40.0,50.0,BFA"]
    rows = json.loads(runner.invoke(app, ["query", sql, "--dist", str(dist), "-f", "json"]).output)
    assert rows == [{"text": "between 40 and 50 %", "value_low": 40.0, "value_high": 50.0, "location": "BFA"}]


def test_query_joins_views(dist):
    sql = "SELECT d.title, count(*) AS n FROM figures f JOIN documents d USING (document_id) GROUP BY ALL"
    result = runner.invoke(app, ["query", sql, "--dist", str(dist), "-f", "csv"])
    assert result.output.splitlines()[1] == "Report sample-report,2"


def test_bad_sql_is_a_clear_error(dist):
    result = runner.invoke(app, ["query", "SELECT nope FROM figures", "--dist", str(dist)])
    assert result.exit_code == 1
    assert "error: query failed" in result.output and "nope" in result.output


def test_query_without_a_package(tmp_path):
    result = runner.invoke(app, ["query", "SELECT 1", "--dist", str(tmp_path)])
    assert result.exit_code == 1 and "run `sahel-data publish` first" in result.output


def test_validate_passes_then_names_the_edited_row(dist, sample_raw):
    ok = runner.invoke(app, ["validate", str(dist), "--raw-base", str(sample_raw.parent)])
    assert ok.exit_code == 0 and "is valid" in ok.output
    csv = dist / "data" / "figures.csv"
    text = csv.read_text()
    assert '"between 40 and 50 %",' in text
    csv.write_text(text.replace('"between 40 and 50 %",', '"between 40 and 55 %",'))
    bad = runner.invoke(app, ["validate", str(dist), "--raw-base", str(sample_raw.parent)])
    assert bad.exit_code == 1
    assert "figures.csv row 3 (figure_id='sample-report:fig:" in bad.output and "column 'text'" in bad.output


def sahel_data(*args: str) -> subprocess.CompletedProcess:
    """The installed command, in its own process, talking to the test run's Prefect server."""
    from prefect.settings import PREFECT_API_URL

    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    command = [sys.executable, "-m", "sahel_data", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.usefixtures("prefect_server")
def test_publish_reports_bad_input_without_publishing(sample_raw, tmp_path):
    dist = tmp_path / "dist"
    first = sahel_data("publish", "--raw", str(sample_raw), "--dist", str(dist))
    assert first.returncode == 0, first.stderr
    assert "published version 1.0.0" in first.stdout
    before = tree_digest(dist)
    again = sahel_data("publish", "--raw", str(sample_raw), "--dist", str(dist))
    assert again.returncode == 0 and "is up to date (version 1.0.0): nothing to publish" in again.stdout
    assert "Starting temporary server" not in again.stderr
    write_document(sample_raw, "broken", b"\xff\xfe bad bytes")
    result = sahel_data("publish", "--raw", str(sample_raw), "--dist", str(dist))
    assert result.returncode == 1
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("error: ") and "broken.txt: not UTF-8" in last_line
    assert tree_digest(dist) == before
