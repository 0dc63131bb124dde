"""The publish flow end to end, on Prefect's test server: safe, atomic and reproducible."""

from __future__ import annotations

import json
import shutil

import pytest

from sahel_data import publish as steps
from sahel_data.check import check_package
from sahel_data.errors import InputError, ValidationFailed
from sahel_data.flow import publish

from conftest import REPO, tree_digest, write_document

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_article_publishes_a_valid_package(article_raw, tmp_path):
    dist = tmp_path / "dist"
    result = publish(article_raw, dist)
    assert result["rows"]["documents"] == 1 and result["rows"]["figures"] > 0
    assert check_package(dist, article_raw.parent) == []
    descriptor = json.loads((dist / "datapackage.json").read_text())
    names = {r["name"] for r in descriptor["resources"]}
    assert names == {f"{t}{s}" for t in ("documents", "figures", "dates", "mentions") for s in ("", "-parquet")}
    assert (dist / f"sahel-data-{descriptor['version']}.zip").is_file()
    assert (dist / "index.html").is_file() and (dist / "README.md").is_file()


def test_each_run_leaves_a_summary_and_a_table_of_new_figures(sample_raw, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    publish(sample_raw, tmp_path / "dist", cache_dir=None)
    keys = ["sahel-data-summary", "sahel-data-new-figures"]
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=keys)), sort="CREATED_DESC")
    latest = {key: next(a for a in artifacts if a.key == key) for key in keys}
    summary = latest["sahel-data-summary"].data
    assert "1 document(s), 3 figure(s)" in summary and "| BFA | 1 |" in summary and "| MLI | 2 |" in summary
    assert "412" in str(latest["sahel-data-new-figures"].data)


def test_two_publishes_write_identical_bytes(sample_raw, tmp_path):
    publish(sample_raw, tmp_path / "one")
    publish(sample_raw, tmp_path / "two")
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_republishing_unchanged_inputs_changes_nothing(sample_raw, tmp_path):
    dist = tmp_path / "dist"
    publish(sample_raw, dist)
    before = tree_digest(dist)
    assert publish(sample_raw, dist) == {"version": "1.0.0", "rows": None, "up_to_date": True}
    forced = publish(sample_raw, dist, force=True)
    assert forced["version"] == "1.0.0" and not forced["up_to_date"]
    assert tree_digest(dist) == before


def test_unchanged_documents_are_not_extracted_again(sample_raw, tmp_path, monkeypatch):
    from sahel_data import extract

    cache = tmp_path / "cache"
    publish(sample_raw, tmp_path / "first", cache_dir=cache)
    assert len(list(cache.rglob("*.json"))) == 1
    write_document(sample_raw, "second-report", "In Chad, 40 attacks were recorded in 2022.")
    extracted, original = [], extract.extract_document

    def counting(document_id, text, published=None):
        extracted.append(document_id)
        return original(document_id, text, published)

    monkeypatch.setattr(extract, "extract_document", counting)
    publish(sample_raw, tmp_path / "cached", cache_dir=cache)
    assert extracted == ["second-report"]
    publish(sample_raw, tmp_path / "uncached", cache_dir=None)
    assert tree_digest(tmp_path / "uncached") == tree_digest(tmp_path / "cached")


def test_new_document_bumps_minor_version_and_changelog(sample_raw, tmp_path):
    dist = tmp_path / "dist"
    publish(sample_raw, dist)
    write_document(sample_raw, "second-report", "In Niger, 75 soldiers were killed in 2023.", published="2025-04-01")
    assert publish(sample_raw, dist)["version"] == "1.1.0"
    log = (dist / "CHANGELOG.md").read_text()
    assert log.index("## 1.1.0 (2025-04-01)") < log.index("## 1.0.0")
    assert "| documents | second-report | 1 | 0 | 0 |" in log
    assert not (dist / "sahel-data-1.0.0.zip").exists() and (dist / "sahel-data-1.1.0.zip").is_file()


@pytest.fixture
def published(sample_raw, tmp_path):
    """A raw folder already published into dist/, and the bytes of that dist/."""
    dist = tmp_path / "dist"
    publish(sample_raw, dist)
    return sample_raw, dist, tree_digest(dist)


def _assert_untouched(dist, before):
    assert tree_digest(dist) == before
    assert not [p for p in dist.parent.glob(".dist-*") if not p.name.startswith(".dist-lock-")]


def test_a_table_breaking_its_schema_stops_the_flow_with_a_report(published, monkeypatch):
    raw, dist, before = published
    real = steps.read_and_extract

    def broken(paths, raw_dir, cache_dir=None):
        docs, rows = real(paths, raw_dir, cache_dir)
        rows["figures"].loc[0, ["qualifier", "value_low"]] = ["roughly", 1e9]
        return docs, rows

    monkeypatch.setattr(steps, "read_and_extract", broken)
    with pytest.raises(ValidationFailed) as info:
        publish(raw, dist, force=True)
    report = info.value.report
    assert "column 'qualifier'" in report and "'roughly'" in report and "figure_id='sample-report:fig:" in report
    assert "value_low <= value" in report
    _assert_untouched(dist, before)


BAD_INPUTS = {
    "empty article": (lambda raw: write_document(raw, "blank", ""), "blank.txt: the article is empty"),
    "not UTF-8": (lambda raw: write_document(raw, "latin", "Caf\xe9".encode("latin-1")), "latin.txt: not UTF-8"),
    "bad JSON": (
        lambda raw: (write_document(raw, "doc", "Text."), (raw / "doc.meta.json").write_text("{")),
        "doc.meta.json: not valid JSON",
    ),
    "missing title": (
        lambda raw: (write_document(raw, "doc", "Text."), (raw / "doc.meta.json").write_text('{"published": "2025-01-01"}')),
        "doc.meta.json: 'title' is missing",
    ),
    "published not a date": (
        lambda raw: write_document(raw, "doc", "Text.", published="last week"),
        "doc.meta.json: 'published' is 'last week', not an ISO date",
    ),
    "missing metadata": (
        lambda raw: (raw / "orphan.txt").write_text("Text."),
        "orphan.meta.json: metadata file is missing",
    ),
    "unsafe id with a space": (
        lambda raw: (raw / "my doc.txt").write_text("Text."),
        "document id 'my doc' is not allowed",
    ),
    "unsafe id with dots": (
        lambda raw: (raw / "x..y.txt").write_text("Text."),
        "document id 'x..y' is not allowed",
    ),
    "two files claiming one id": (
        lambda raw: write_document(raw / "copies", "sample-report", "Other text."),
        "document id 'sample-report' is claimed twice",
    ),
    "HTML page with scripts": (
        lambda raw: write_document(raw, "page", "<!doctype html><html><script>alert(1)</script><p>9 dead</p></html>"),
        "page.txt: this is an HTML page, not plain text",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_a_clear_error_and_publishes_nothing(published, case):
    raw, dist, before = published
    make_bad, message = BAD_INPUTS[case]
    make_bad(raw)
    with pytest.raises(InputError) as info:
        publish(raw, dist)
    assert message in str(info.value)
    _assert_untouched(dist, before)


def test_failed_package_check_leaves_dist_as_it_was(published, monkeypatch):
    raw, dist, before = published
    write_document(raw, "second-report", "In Chad, 40 attacks were recorded.")
    monkeypatch.setattr(steps, "check_package", lambda *args, **kwargs: ["data/figures.csv: injected problem"])
    with pytest.raises(ValidationFailed, match="injected problem"):
        publish(raw, dist)
    _assert_untouched(dist, before)


def test_run_killed_between_the_two_renames_is_recovered(published):
    raw, dist, before = published
    # What a kill after moving dist/ aside and before moving the new one in leaves behind:
    shutil.move(dist, steps.backup_dir(dist))
    (steps.staging_dir(dist) / "data").mkdir(parents=True)
    steps.recover_interrupted(dist)
    _assert_untouched(dist, before)


def test_an_article_of_20_mb_publishes(tmp_path):
    """Realistic prose repeated to 20 MB: every figure found once per copy, the package valid."""
    gold = sorted((REPO / "tests" / "gold").glob("*.txt"))
    blob = "\n\n".join(p.read_text(encoding="utf-8") for p in gold) + "\n\n"
    copies = 20_000_000 // len(blob.encode("utf-8")) + 1
    raw = tmp_path / "raw"
    write_document(raw, "large", blob * copies)
    one = tmp_path / "one"
    write_document(one, "large", blob)
    dist = tmp_path / "dist"
    rows = publish(raw, dist, cache_dir=None)["rows"]
    assert (raw / "large.txt").stat().st_size >= 20_000_000
    single = publish(one, tmp_path / "single", cache_dir=None)["rows"]
    assert rows["figures"] == copies * single["figures"]
    assert check_package(dist, raw.parent) == []
