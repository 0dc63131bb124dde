"""What changed since the previous publication: row and column differences, version, changelog."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

from .schemas import TABLES, table_schema

FIRST_VERSION = "1.0.0"
CHANGELOG_TITLE = "# Changelog\n"


def _quoted(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def diff_table(table: str, new: pd.DataFrame, old: pd.DataFrame) -> dict:
    """Rows added, removed and changed per document, and columns added and removed."""
    key = table_schema(table)["primaryKey"][0]
    common = [c for c in new.columns if c in old.columns]
    con = duckdb.connect()
    try:
        con.register("new_rows", new[common])
        con.register("old_rows", old[common])
        per_document = con.execute(
            f"""
            WITH differing AS (
                SELECT "{key}" FROM (
                    SELECT {_quoted(common)} FROM new_rows EXCEPT SELECT {_quoted(common)} FROM old_rows
                )
            )
            SELECT coalesce(n.document_id, o.document_id) AS document_id,
                   count(*) FILTER (WHERE o."{key}" IS NULL) AS added,
                   count(*) FILTER (WHERE n."{key}" IS NULL) AS removed,
                   count(*) FILTER (WHERE n."{key}" IS NOT NULL AND o."{key}" IS NOT NULL
                                    AND n."{key}" IN (SELECT "{key}" FROM differing)) AS changed
            FROM new_rows n FULL OUTER JOIN old_rows o ON n."{key}" = o."{key}"
            GROUP BY ALL
            HAVING added + removed + changed > 0
            ORDER BY document_id
            """
        ).fetchall()
    finally:
        con.close()
    return {
        "columns_added": [c for c in new.columns if c not in old.columns],
        "columns_removed": [c for c in old.columns if c not in new.columns],
        "documents": [
            {"document_id": d, "added": int(a), "removed": int(r), "changed": int(c)} for d, a, r, c in per_document
        ],
    }


def diff_tables(new: Mapping[str, pd.DataFrame], old: Mapping[str, pd.DataFrame] | None) -> dict | None:
    """Differences table by table; None when there is nothing to compare with."""
    if old is None:
        return None
    return {table: diff_table(table, new[table], old[table]) for table in TABLES if table in old}


def bump(diff: dict | None, previous_version: str | None) -> str:
    """Semantic version: major for removed rows or columns, minor for added, patch for corrections."""
    if previous_version is None or diff is None:
        return FIRST_VERSION
    major, minor, patch = (int(p) for p in previous_version.split("."))
    parts = diff.values()
    if any(d["columns_removed"] or any(r["removed"] for r in d["documents"]) for d in parts):
        return f"{major + 1}.0.0"
    if any(d["columns_added"] or any(r["added"] for r in d["documents"]) for d in parts):
        return f"{major}.{minor + 1}.0"
    if any(any(r["changed"] for r in d["documents"]) for d in parts):
        return f"{major}.{minor}.{patch + 1}"
    return previous_version


def changelog_entry(version: str, created: str, diff: dict | None, documents: pd.DataFrame) -> str:
    day = created[:10]
    lines = [f"## {version} ({day})", ""]
    if diff is None:
        lines.append(f"First publication: {len(documents)} document(s).")
        lines.append("")
        return "\n".join(lines) + "\n"
    for table, d in diff.items():
        if d["columns_added"]:
            lines.append(f"- {table}: columns added: {', '.join(d['columns_added'])}")
        if d["columns_removed"]:
            lines.append(f"- {table}: columns removed: {', '.join(d['columns_removed'])}")
    rows = [(table, r) for table, d in diff.items() for r in d["documents"]]
    if rows:
        lines += ["", "| table | document | added | removed | changed |", "|---|---|---:|---:|---:|"]
        lines += [
            f"| {table} | {r['document_id']} | {r['added']} | {r['removed']} | {r['changed']} |" for table, r in rows
        ]
    lines.append("")
    return "\n".join(lines) + "\n"


def changelog(previous: str | None, entry: str | None) -> str:
    """The changelog with `entry` on top of the previous entries (unchanged when entry is None)."""
    body = (previous or CHANGELOG_TITLE)
    if not body.startswith(CHANGELOG_TITLE):
        body = CHANGELOG_TITLE + "\n" + body
    if entry is None:
        return body
    rest = body[len(CHANGELOG_TITLE):].lstrip("\n")
    return CHANGELOG_TITLE + "\n" + entry + ("\n" + rest if rest else "")
