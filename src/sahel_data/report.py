"""Run reports: what a publication holds and what it changed, as markdown and a table."""

from __future__ import annotations

import pandas as pd

NEW_FIGURE_COLUMNS = ["document_id", "text", "value", "unit", "measure", "location", "period_start", "attributed_to"]


def new_figures(figures: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """Figures whose id was not in the previous publication (all of them for a first one)."""
    fresh = figures if previous is None else figures[~figures["figure_id"].isin(previous["figure_id"])]
    return fresh[NEW_FIGURE_COLUMNS].reset_index(drop=True)


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts, missing values as None (for JSON and Prefect table artifacts)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _counts(series: pd.Series, label: str) -> list[str]:
    counts = series.fillna("(not stated)").value_counts().sort_index()
    return [f"| {label} | figures |", "|---|---:|"] + [f"| {k} | {v} |" for k, v in counts.items()]


def summary_markdown(tables: dict[str, pd.DataFrame], version: str, changes: str | None) -> str:
    figures = tables["figures"]
    countries = figures["location"].dropna().str.split(";").explode()
    lines = [
        f"# sahel-data {version}",
        "",
        f"{len(tables['documents'])} document(s), {len(figures)} figure(s), "
        f"{len(tables['dates'])} date(s), {len(tables['mentions'])} mention(s).",
        "",
        "## Figures per unit",
        "",
        *_counts(figures["unit"], "unit"),
        "",
        "## Figures per place",
        "",
        *_counts(countries, "place"),
        "",
        "## What changed",
        "",
        changes.strip() if changes else "Nothing: the data are the same as in the previous publication.",
        "",
    ]
    return "\n".join(lines)
