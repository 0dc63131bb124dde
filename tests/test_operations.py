"""Operations: a scheduled publish on a real Prefect server, and the Dask task runner."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from sahel_data.flow import with_task_runner
from sahel_data.errors import SahelDataError

from conftest import REPO, tree_digest

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(condition, seconds: float, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(1)
    return False


def _stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        return process.communicate(timeout=60)[0]
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.communicate()[0]


@pytest.fixture
def prefect_api(tmp_path):
    """A real Prefect server on 127.0.0.1, with its scheduler, for this test only."""
    port = _free_port()
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        assert _wait_for(healthy, 120, server), "Prefect server did not start"
        yield url
    finally:
        _stop(server)


def test_served_flow_publishes_on_its_schedule(sample_raw, tmp_path, prefect_api):
    dist = tmp_path / "dist"
    env = os.environ | {"PREFECT_API_URL": prefect_api, "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    command = [sys.executable, "-m", "sahel_data", "serve", "--raw", str(sample_raw), "--dist", str(dist),
               "--interval", "5", "--name", "test-schedule"]
    served = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    try:
        published = _wait_for(lambda: (dist / "datapackage.json").is_file(), 180, served)
    finally:
        output = _stop(served)
    assert published, output
    assert "is being served" in output
    assert (dist / "data" / "figures.parquet").is_file()


@pytest.mark.usefixtures("prefect_server")
def test_dask_run_gives_the_same_bytes_as_the_local_run(sample_raw, tmp_path):
    pytest.importorskip("prefect_dask")
    with_task_runner("local")(sample_raw, tmp_path / "local", batch_size=1, cache_dir=None)
    with_task_runner("dask")(sample_raw, tmp_path / "dask", batch_size=1, cache_dir=None)
    assert tree_digest(tmp_path / "dask") == tree_digest(tmp_path / "local")


@pytest.mark.usefixtures("prefect_server")
def test_process_pool_run_gives_the_same_bytes_as_the_local_run(sample_raw, tmp_path):
    from conftest import write_document

    write_document(sample_raw, "second-report", "In Chad, 40 attacks were recorded in 2022.")
    with_task_runner("local")(sample_raw, tmp_path / "local", batch_size=1, cache_dir=None)
    with_task_runner("processes")(sample_raw, tmp_path / "processes", batch_size=1, cache_dir=None)
    assert tree_digest(tmp_path / "processes") == tree_digest(tmp_path / "local")


def test_unknown_task_runner_is_a_clear_error():
    with pytest.raises(SahelDataError, match="unknown task runner 'ray'"):
        with_task_runner("ray")


def test_prefect_yaml_deploys_to_a_work_pool(prefect_api):
    env = os.environ | {"PREFECT_API_URL": prefect_api}

    def prefect(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", *args], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=300)

    created = prefect("work-pool", "create", "sahel-data", "--type", "process")
    assert created.returncode == 0, created.stdout + created.stderr
    deployed = prefect("deploy", "--all", "--prefect-file", "flows/prefect.yaml")
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    listed = prefect("deployment", "inspect", "publish/daily")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "0 6 * * *" in listed.stdout and "sahel-data" in listed.stdout


@pytest.mark.usefixtures("prefect_server")
def test_an_added_html_page_is_in_the_next_publication(sample_raw, tmp_path):
    from sahel_data.flow import publish
    from sahel_data.snapshot import add_source
    from sahel_data.store import read_parquet

    from test_snapshot import ARTICLE

    page = tmp_path / "saved.html"
    page.write_text(ARTICLE, encoding="utf-8")
    document_id = add_source(str(page), sample_raw, today="2024-07-01")
    publish(sample_raw, tmp_path / "dist", cache_dir=None)
    documents = read_parquet("documents", tmp_path / "dist" / "data" / "documents.parquet").set_index("document_id")
    added = documents.loc[document_id]
    assert added["url"] == "https://news.example.org/2024/06/attacks-central-sahel"
    assert added["retrieved"] == "2024-07-01" and added["path"] == f"raw/{document_id}.txt"
    figures = read_parquet("figures", tmp_path / "dist" / "data" / "figures.parquet")
    assert "1,292" in set(figures.loc[figures["document_id"] == document_id, "text"])


def test_without_a_prefect_api_one_temporary_server_serves_the_run_and_its_workers(sample_raw, tmp_path):
    """Prefect would start a temporary server in each worker process too; the CLI starts one for all."""
    from conftest import write_document

    write_document(sample_raw, "second-report", "In Chad, 40 attacks were recorded in 2022.")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    dist = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "sahel_data", "publish", "--raw", str(sample_raw), "--dist", str(dist),
         "--task-runner", "processes", "--batch-size", "1", "--no-cache"],
        capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    log = result.stdout + result.stderr
    assert "published version 1.0.0" in log
    assert log.count("Starting temporary server") == 1, log
    assert "Error logging to API" not in log


def test_batches_are_about_four_per_worker_within_bounds():
    from sahel_data.publish import batch_size_for

    assert batch_size_for(10_000, workers=2) == 500  # 20 batches: bounded above
    assert batch_size_for(1_000, workers=2) == 125  # 8 batches: four per worker
    assert batch_size_for(100, workers=2) == 50  # bounded below
    assert batch_size_for(0, workers=2) == 50
