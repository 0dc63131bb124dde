"""Shared fixtures: a Prefect test server for the flow tests, and small raw folders."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """One temporary Prefect server for the whole run (starting one takes 10-16 s)."""
    from prefect.settings import PREFECT_HOME, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with temporary_settings({PREFECT_HOME: tmp_path_factory.mktemp("prefect-home")}):
        with prefect_test_harness(server_startup_timeout=120):
            yield


def write_document(raw_dir: Path, document_id: str, text: str | bytes, **meta) -> Path:
    """A raw document with its metadata (title and published filled in unless given)."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    path = raw_dir / f"{document_id}.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    meta = {"title": f"Report {document_id}", "published": "2025-03-01", **meta}
    (raw_dir / f"{document_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


SAMPLE_TEXT = (
    "Attacks rise in central Mali\n"
    "According to ACLED, armed groups carried out 412 attacks in Mali in 2024, up from 300 in 2023. "
    "In Burkina Faso, between 40 and 50 % of the territory is outside state control.\n"
)


@pytest.fixture
def sample_raw(tmp_path) -> Path:
    raw = tmp_path / "raw"
    write_document(raw, "sample-report", SAMPLE_TEXT, author="A. Writer", retrieved="2025-03-02")
    return raw


@pytest.fixture
def article_raw(tmp_path) -> Path:
    """A copy of the repository's raw/ folder."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
