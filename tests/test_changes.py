"""Versions and changelog from the difference with the previous publication."""

from __future__ import annotations

from sahel_data.changes import bump, changelog, changelog_entry, diff_table, diff_tables
from sahel_data.store import to_frame


def mention(doc: str, start: int, text: str = "Mali", entity: str = "MLI") -> dict:
    return {
        "mention_id": f"{doc}:men:{start}-{start + len(text)}", "document_id": doc, "char_start": start,
        "char_end": start + len(text), "text": text, "entity_id": entity, "entity_type": "country", "name": text,
    }


OLD = to_frame("mentions", [mention("a", 0), mention("a", 10), mention("b", 3)])


def test_added_removed_and_changed_rows_per_document():
    new = to_frame("mentions", [mention("a", 0), mention("a", 10, entity="NER"), mention("a", 20), mention("c", 1)])
    diff = diff_table("mentions", new, OLD)
    assert diff["documents"] == [
        {"document_id": "a", "added": 1, "removed": 0, "changed": 1},
        {"document_id": "b", "added": 0, "removed": 1, "changed": 0},
        {"document_id": "c", "added": 1, "removed": 0, "changed": 0},
    ]
    assert diff["columns_added"] == diff["columns_removed"] == []


def test_identical_tables_have_no_difference():
    assert diff_table("mentions", OLD.copy(), OLD)["documents"] == []


def _diff(added=0, removed=0, changed=0, columns_added=(), columns_removed=()):
    rows = [{"document_id": "a", "added": added, "removed": removed, "changed": changed}] if added + removed + changed else []
    return {"figures": {"documents": rows, "columns_added": list(columns_added), "columns_removed": list(columns_removed)}}


def test_semantic_version_bumps():
    assert bump(None, None) == "1.0.0"
    assert bump(_diff(), "1.2.3") == "1.2.3"
    assert bump(_diff(changed=2), "1.2.3") == "1.2.4"
    assert bump(_diff(added=1, changed=2), "1.2.3") == "1.3.0"
    assert bump(_diff(columns_added=["x"]), "1.2.3") == "1.3.0"
    assert bump(_diff(added=5, removed=1), "1.2.3") == "2.0.0"
    assert bump(_diff(columns_removed=["measure"]), "1.2.3") == "2.0.0"


def test_removed_column_is_seen():
    diff = diff_tables({"mentions": OLD.drop(columns=["name"])}, {"mentions": OLD})
    assert diff["mentions"]["columns_removed"] == ["name"]
    assert bump(diff, "1.0.0") == "2.0.0"


def test_changelog_keeps_history_newest_first():
    first = changelog(None, changelog_entry("1.0.0", "2025-01-01T00:00:00Z", None, OLD))
    entry = changelog_entry("1.1.0", "2025-02-01T00:00:00Z", _diff(added=3), OLD)
    second = changelog(first, entry)
    assert second.index("## 1.1.0 (2025-02-01)") < second.index("## 1.0.0 (2025-01-01)")
    assert "| figures | a | 3 | 0 | 0 |" in second
    assert changelog(second, None) == second
