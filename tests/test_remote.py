"""Raw and dist folders as fsspec URLs: here the in-memory filesystem, as a stand-in for s3:// or gs://."""

from __future__ import annotations

import fsspec
import pytest

from sahel_data.flow import publish
from sahel_data.query import run_query
from sahel_data.remote import download, local_package, upload

from conftest import tree_digest


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    yield fs
    fs.rm("/bucket", recursive=True) if fs.exists("/bucket") else None


def test_download_and_upload_round_trip(memory, tmp_path, sample_raw):
    upload(sample_raw, "memory://bucket/raw")
    assert sorted(memory.find("/bucket/raw")) == ["/bucket/raw/sample-report.meta.json", "/bucket/raw/sample-report.txt"]
    local = download("memory://bucket/raw", tmp_path / "copy")
    assert local.name == "raw" and tree_digest(local) == tree_digest(sample_raw)


def test_upload_removes_files_the_new_folder_does_not_have(memory, tmp_path):
    memory.pipe_file("/bucket/out/stale.txt", b"old")
    new = tmp_path / "new"
    new.mkdir()
    (new / "fresh.txt").write_text("new")
    upload(new, "memory://bucket/out")
    assert memory.find("/bucket/out") == ["/bucket/out/fresh.txt"]


@pytest.mark.usefixtures("prefect_server")
def test_publish_from_and_to_urls_then_query(memory, sample_raw, tmp_path):
    upload(sample_raw, "memory://bucket/raw")
    result = publish("memory://bucket/raw", "memory://bucket/dist", cache_dir=None)
    assert result["rows"]["documents"] == 1
    local = publish(str(sample_raw), str(tmp_path / "dist"), cache_dir=None)
    assert local["rows"] == result["rows"]
    assert memory.cat_file("/bucket/dist/data/figures.parquet") == (tmp_path / "dist" / "data" / "figures.parquet").read_bytes()
    frame = run_query("memory://bucket/dist", "SELECT count(*) AS n FROM figures")
    assert int(frame["n"][0]) == result["rows"]["figures"]


@pytest.mark.usefixtures("prefect_server")
def test_validate_a_package_at_a_url_fetching_only_its_raw_inputs(memory, sample_raw):
    from typer.testing import CliRunner

    from sahel_data.cli import app

    upload(sample_raw, "memory://bucket/raw")
    memory.pipe_file("/bucket/raw/unrelated-big-file.bin", b"x" * 1000)
    publish("memory://bucket/raw", "memory://bucket/dist", cache_dir=None)
    ok = CliRunner().invoke(app, ["validate", "memory://bucket/dist"])
    assert ok.exit_code == 0 and "memory://bucket/dist is valid" in ok.output
    with local_package("memory://bucket/dist", None) as (_, raw_base):
        fetched = sorted(p.relative_to(raw_base).as_posix() for p in raw_base.rglob("*") if p.is_file())
    assert fetched == ["raw/sample-report.meta.json", "raw/sample-report.txt"]

    text = memory.cat_file("/bucket/raw/sample-report.txt")
    memory.pipe_file("/bucket/raw/sample-report.txt", text.replace(b"412", b"512"))
    bad = CliRunner().invoke(app, ["validate", "memory://bucket/dist"])
    assert bad.exit_code == 1
    assert "raw/sample-report.txt: raw bytes changed" in bad.output
