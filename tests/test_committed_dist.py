"""The committed dist/ is exactly what the code publishes from raw/, and it is valid."""

from __future__ import annotations

import shutil

import pytest

from sahel_data.check import check_package
from sahel_data.flow import publish

from conftest import RAW, REPO, tree_digest

DIST = REPO / "dist"


@pytest.fixture(scope="module")
def committed() -> dict[str, bytes]:
    if not (DIST / "datapackage.json").is_file():
        pytest.fail("no committed dist/: run `make publish` and commit dist/")
    return tree_digest(DIST)


def test_committed_package_is_valid(committed):
    assert check_package(DIST, REPO) == []


@pytest.mark.usefixtures("prefect_server")
def test_committed_dist_equals_a_fresh_publish(committed, tmp_path):
    fresh = tmp_path / "dist"
    shutil.copytree(DIST, fresh)  # the previous publication decides version and changelog
    publish(RAW, fresh, cache_dir=None, force=True)
    rebuilt = tree_digest(fresh)
    differing = sorted(name for name in committed.keys() | rebuilt.keys() if committed.get(name) != rebuilt.get(name))
    assert differing == [], f"dist/ differs from a fresh publish in {differing}: run `make publish` and commit dist/"
