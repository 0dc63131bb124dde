"""The package's landing page (`dist/index.html`) and its README (`dist/README.md`).

`render_index` writes one static HTML page with no external requests: the
package's metadata and citation, each resource with its size, hash, download
link and fields, the figures as a sortable and filterable table, and every
document's text with its figures, dates and mentions highlighted, each
highlighted figure linked to its row and back. `render_readme` gives the same
summary in Markdown.

Both are pure functions of their inputs: the same input gives the same
string (no clock, no random ids). Everything that comes from the data is
escaped; the page's only script is a constant, allowed by a
Content-Security-Policy hash, so even markup that slipped through could not
run or fetch anything.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

__all__ = ["render_index", "render_readme", "safe_id"]

TABLE_ORDER = ("documents", "figures", "dates", "mentions")

# Highlight kinds, by priority: a higher-priority span wins an overlap.
_PRIORITY = {"figure": 0, "date": 1, "mention": 2}

# Figures-table columns: (header, key, type). type "num" sorts numerically.
_FIGURE_COLUMNS = (
    ("Figure", "text", "text"),
    ("Value", "value", "num"),
    ("Low", "value_low", "num"),
    ("High", "value_high", "num"),
    ("Unit", "unit", "text"),
    ("Qualifier", "qualifier", "text"),
    ("Measure", "measure", "text"),
    ("Location", "location", "text"),
    ("Period", "period", "text"),
    ("Actor", "actor", "text"),
    ("Attributed to", "attributed_to", "text"),
    ("Document", "document_id", "text"),
    ("Sentence", "sentence", "text"),
)


# --------------------------------------------------------------------------- helpers


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (str, bytes, Mapping, list, tuple)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _str(value: Any) -> str:
    """A cell as text; '' when missing."""
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _esc(value: Any) -> str:
    return html.escape(_str(value), quote=True)


def _num(value: Any) -> float | None:
    if _missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _fmt_num(value: Any) -> str:
    """A number for people: thousands separators, no trailing '.0'."""
    number = _num(value)
    if number is None:
        return ""
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    if number.is_integer() and abs(number) < 1e18:
        return f"{int(number):,}"
    return f"{number:,.6g}" if abs(number) >= 1e18 else f"{round(number, 6):,}"


def _sort_num(value: Any) -> str:
    number = _num(value)
    return "" if number is None else repr(number)


def _fmt_bytes(size: Any) -> str:
    number = _num(size)
    if number is None:
        return "size unknown"
    n = int(number)
    if n < 1000:
        return f"{n:,} bytes"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if n < scale * 1000 or unit == "GB":
            return f"{n / scale:.1f} {unit} ({n:,} bytes)"
    return f"{n:,} bytes"  # pragma: no cover


def safe_id(value: Any) -> str:
    """An HTML id fragment from any string, injective: ASCII letters, digits and
    '-' stay, every other character becomes `_<hex>_`."""
    out = []
    for ch in _str(value):
        if ch.isascii() and (ch.isalnum() or ch == "-"):
            out.append(ch)
        else:
            out.append(f"_{ord(ch):x}_")
    return "".join(out)


_REL_PATH = re.compile(r"^[A-Za-z0-9._~/%+-][A-Za-z0-9._~/%+()-]*$")
_HTTP_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f<>\"'`]+$", re.IGNORECASE)


def _safe_href(value: Any) -> str | None:
    """The value if it may be a link target (http(s) URL or relative path), else None."""
    text = _str(value)
    if not text:
        return None
    if _HTTP_URL.match(text):
        return text
    if _REL_PATH.match(text) and not text.startswith("//") and ".." not in text.split("/"):
        return text
    return None


def _link(href: Any, label: Any, *, outbound: bool = False, web_only: bool = False) -> str:
    """A link to `href` when it is safe (and, with web_only, an http(s) URL), else the label as text."""
    target = _safe_href(href)
    if target is not None and web_only and not _HTTP_URL.match(target):
        target = None
    if target is None:
        return _esc(label)
    rel = ' rel="noopener noreferrer"' if outbound or target.lower().startswith("http") else ""
    return f'<a href="{html.escape(target, quote=True)}"{rel}>{_esc(label)}</a>'


def _records(frame: Any) -> list[dict]:
    if frame is None:
        return []
    if isinstance(frame, pd.DataFrame):
        return [
            {k: (None if _missing(v) else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")
        ]
    return [dict(r) for r in frame]


def _int(value: Any) -> int | None:
    number = _num(value)
    if number is None or not number.is_integer():
        return None
    return int(number)


def _license_names(descriptor: Mapping) -> list[tuple[str, str | None]]:
    out = []
    for lic in descriptor.get("licenses") or []:
        if isinstance(lic, Mapping):
            label = lic.get("title") or lic.get("name") or lic.get("path") or ""
            if lic.get("name") and lic.get("title") and lic["name"] != lic["title"]:
                label = f"{lic['title']} ({lic['name']})"
            out.append((_str(label), _str(lic.get("path")) or None))
        else:
            out.append((_str(lic), None))
    return out


def _contributor_names(descriptor: Mapping) -> list[str]:
    names = []
    for c in descriptor.get("contributors") or []:
        if isinstance(c, Mapping):
            name = _str(c.get("title") or c.get("name") or c.get("email"))
        else:
            name = _str(c)
        if name:
            names.append(name)
    return names


def _year(descriptor: Mapping) -> str:
    created = _str(descriptor.get("created"))
    match = re.match(r"(\d{4})", created)
    return match.group(1) if match else "n.d."


def _citation(descriptor: Mapping) -> str:
    authors = "; ".join(_contributor_names(descriptor)) or _str(descriptor.get("name"))
    title = _str(descriptor.get("title") or descriptor.get("name")) or "Data package"
    version = _str(descriptor.get("version"))
    parts = [f"{authors} ({_year(descriptor)}). {title}" if authors else f"{title} ({_year(descriptor)})"]
    if version:
        parts.append(f" (version {version})")
    parts.append(" [Data set].")
    name = _str(descriptor.get("name"))
    if name:
        parts.append(f" {name}.")
    homepage = _str(descriptor.get("homepage"))
    if homepage:
        parts.append(f" {homepage}")
    return "".join(parts)


def _bibtex(descriptor: Mapping) -> str:
    def clean(value: str) -> str:
        return value.replace("{", "(").replace("}", ")").replace("\\", "/")

    name = _str(descriptor.get("name")) or "dataset"
    key = re.sub(r"[^A-Za-z0-9]+", "_", f"{name}_{_year(descriptor)}").strip("_") or "dataset"
    lines = [f"@misc{{{key},"]
    authors = " and ".join(_contributor_names(descriptor))
    if authors:
        lines.append(f"  author = {{{clean(authors)}}},")
    lines.append(f"  title = {{{clean(_str(descriptor.get('title') or descriptor.get('name')) or 'Data package')}}},")
    if descriptor.get("version"):
        lines.append(f"  version = {{{clean(_str(descriptor.get('version')))}}},")
    lines.append(f"  year = {{{_year(descriptor)}}},")
    if descriptor.get("homepage"):
        lines.append(f"  url = {{{clean(_str(descriptor.get('homepage')))}}},")
    lines.append("  note = {Data set}")
    lines.append("}")
    return "\n".join(lines)


def _table_of(resource: Mapping) -> str:
    """The table a resource holds: its path's stem (data/figures.csv -> figures)."""
    path = _str(resource.get("path"))
    if isinstance(resource.get("path"), list):
        path = _str(resource["path"][0]) if resource["path"] else ""
    return PurePosixPath(path).stem if path else _str(resource.get("name"))


def _resource_path(resource: Mapping) -> str:
    path = resource.get("path")
    if isinstance(path, list):
        return _str(path[0]) if path else ""
    return _str(path)


def _resource_format(resource: Mapping) -> str:
    fmt = _str(resource.get("format"))
    if fmt:
        return fmt
    suffix = PurePosixPath(_resource_path(resource)).suffix.lstrip(".")
    return suffix


def _is_zip(resource: Mapping) -> bool:
    return _resource_format(resource).lower() == "zip" or _resource_path(resource).lower().endswith(".zip")


def _download_resources(descriptor: Mapping) -> list[Mapping]:
    """The descriptor's resources, and the whole package's zip (`<name>-<version>.zip`,
    from the contract's layout) when the descriptor does not list it."""
    resources = [r for r in descriptor.get("resources") or [] if isinstance(r, Mapping)]
    name, version = _str(descriptor.get("name")), _str(descriptor.get("version"))
    if name and version and not any(_is_zip(r) for r in resources):
        resources.append(
            {
                "name": "package",
                "title": "The whole package: descriptor, data and README",
                "path": f"{name}-{version}.zip",
                "format": "zip",
            }
        )
    return resources


def _tables_with_schema(descriptor: Mapping) -> list[tuple[str, Mapping, Mapping]]:
    """(table, resource, schema) once per table, in the contract's order."""
    seen: dict[str, tuple[Mapping, Mapping]] = {}
    for res in descriptor.get("resources") or []:
        schema = res.get("schema")
        if not isinstance(schema, Mapping) or not schema.get("fields"):
            continue
        table = _table_of(res)
        if table not in seen:
            seen[table] = (res, schema)
    order = [t for t in TABLE_ORDER if t in seen] + sorted(t for t in seen if t not in TABLE_ORDER)
    return [(t, seen[t][0], seen[t][1]) for t in order]


def _query_sources(descriptor: Mapping) -> list[tuple[str, str]]:
    """(table, SQL source expression) for each table, Parquet preferred."""
    best: dict[str, tuple[int, str]] = {}
    for res in descriptor.get("resources") or []:
        path = _resource_path(res)
        fmt = _resource_format(res).lower()
        table = _table_of(res)
        if fmt == "parquet":
            rank, expr = 0, f"'{path}'"
        elif fmt == "csv":
            rank, expr = 1, f"read_csv('{path}')"
        else:
            continue
        if "'" in path:
            continue
        if table not in best or rank < best[table][0]:
            best[table] = (rank, expr)
    order = [t for t in TABLE_ORDER if t in best] + sorted(t for t in best if t not in TABLE_ORDER)
    return [(t, best[t][1]) for t in order if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", t)]


def _duckdb_sql(descriptor: Mapping) -> str:
    sources = _query_sources(descriptor)
    lines = [
        "-- Run duckdb in the folder that holds datapackage.json",
        "-- (dist/ in the repository, or the unpacked zip).",
    ]
    for table, expr in sources:
        lines.append(f"CREATE VIEW {table} AS SELECT * FROM {expr};")
    names = {t for t, _ in sources}
    if {"figures", "documents"} <= names:
        lines += [
            "",
            "-- Every percentage, with the sentence it was found in and its article:",
            "SELECT f.text, f.value, f.location, f.period_start, f.sentence, d.title",
            "FROM figures AS f JOIN documents AS d USING (document_id)",
            "WHERE f.unit = 'percent'",
            "ORDER BY d.published, f.char_start;",
        ]
    elif "figures" in names:
        lines += ["", "SELECT unit, count(*) AS n FROM figures GROUP BY unit ORDER BY n DESC;"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- highlighting


def _spans_for(
    document_id: str,
    text: str,
    figures: list[dict],
    dates: list[dict],
    mentions: list[dict],
) -> tuple[list[tuple[int, int, str, dict]], int]:
    """Spans to highlight in one text, properly nested, and how many were skipped.

    Candidates are taken by priority (figure > date > mention), then by
    position; a candidate is kept if, against every kept span, it is disjoint
    or nested (inside or around it). Figures never nest in figures.
    """
    candidates = []
    for kind, rows in (("figure", figures), ("date", dates), ("mention", mentions)):
        for row in rows:
            if _str(row.get("document_id")) != document_id:
                continue
            start, end = _int(row.get("char_start")), _int(row.get("char_end"))
            if start is None or end is None or not (0 <= start < end <= len(text)):
                candidates.append((None, None, kind, row))
                continue
            candidates.append((start, end, kind, row))
    valid = [c for c in candidates if c[0] is not None]
    skipped = len(candidates) - len(valid)
    valid.sort(key=lambda c: (_PRIORITY[c[2]], c[0], -c[1], _row_id(c[2], c[3])))

    kept: list[tuple[int, int, str, dict]] = []
    index: list[tuple[int, int, int]] = []  # kept (start, end, priority), sorted
    longest = 0
    for start, end, kind, row in valid:
        ok = True
        # Only kept spans starting in (start - longest, end) can overlap this one.
        lo = bisect.bisect_right(index, (start - longest, len(text) + 1, 9))
        hi = bisect.bisect_left(index, (end, -1, -1))
        for k_start, k_end, k_priority in index[lo:hi]:
            if end <= k_start or start >= k_end:
                continue  # disjoint
            if kind == "figure" and k_priority == _PRIORITY["figure"]:
                ok = False
                break
            inside = k_start <= start and end <= k_end
            around = start <= k_start and k_end <= end
            if not (inside or around):
                ok = False
                break
        if ok:
            kept.append((start, end, kind, row))
            bisect.insort(index, (start, end, _PRIORITY[kind]))
            longest = max(longest, end - start)
        else:
            skipped += 1
    # Document order; outer before inner; at equal spans the higher priority outside.
    kept.sort(key=lambda c: (c[0], -c[1], _PRIORITY[c[2]], _row_id(c[2], c[3])))
    return kept, skipped


def _row_id(kind: str, row: Mapping) -> str:
    key = {"figure": "figure_id", "date": "date_id", "mention": "mention_id"}[kind]
    return _str(row.get(key))


def _figure_title(row: Mapping) -> str:
    bits = []
    value = _fmt_num(row.get("value"))
    unit = _str(row.get("unit"))
    if value:
        bits.append(f"{value} {unit}".strip())
    elif unit:
        bits.append(unit)
    for key in ("qualifier", "measure", "location"):
        if _str(row.get(key)):
            bits.append(_str(row.get(key)))
    period = _period(row)
    if period:
        bits.append(period)
    if _str(row.get("method")):
        bits.append(f"rule: {_str(row.get('method'))}")
    return "Figure: " + " · ".join(bits) if bits else "Figure"


def _date_title(row: Mapping) -> str:
    start, end = _str(row.get("date_start")), _str(row.get("date_end"))
    span = start if not end or end == start else f"{start} – {end}"
    precision = _str(row.get("precision"))
    title = f"Date: {span}" + (f" ({precision})" if precision else "")
    if _str(row.get("event")):
        title += f" · {_str(row.get('event'))}"
    return title


def _mention_title(row: Mapping) -> str:
    name = _str(row.get("name")) or _str(row.get("text"))
    kind = _str(row.get("entity_type")).replace("_", " ")
    entity = _str(row.get("entity_id"))
    title = f"Mention: {name}"
    if kind:
        title += f" — {kind}"
    if entity:
        title += f" ({entity})"
    return title


def _open_tag(kind: str, row: Mapping) -> tuple[str, str]:
    if kind == "figure":
        fid = safe_id(row.get("figure_id"))
        return (
            f'<a class="hl fig" id="txt-{fid}" href="#fig-{fid}" '
            f'title="{html.escape(_figure_title(row), quote=True)}">',
            "</a>",
        )
    if kind == "date":
        return (
            f'<span class="hl date" data-id="{_esc(row.get("date_id"))}" '
            f'title="{html.escape(_date_title(row), quote=True)}">',
            "</span>",
        )
    return (
        f'<span class="hl mention" data-id="{_esc(row.get("mention_id"))}" '
        f'data-entity="{_esc(row.get("entity_id"))}" '
        f'title="{html.escape(_mention_title(row), quote=True)}">',
        "</span>",
    )


def _highlight(text: str, spans: list[tuple[int, int, str, dict]]) -> str:
    """The text, escaped, with the (properly nested, sorted) spans wrapped in tags."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, closing tag)
    pos = 0
    for start, end, kind, row in spans:
        while stack and stack[-1][0] <= start:
            close_at, closing = stack.pop()
            out.append(html.escape(text[pos:close_at], quote=False))
            out.append(closing)
            pos = close_at
        out.append(html.escape(text[pos:start], quote=False))
        opening, closing = _open_tag(kind, row)
        out.append(opening)
        stack.append((end, closing))
        pos = start
    while stack:
        close_at, closing = stack.pop()
        out.append(html.escape(text[pos:close_at], quote=False))
        out.append(closing)
        pos = close_at
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


# --------------------------------------------------------------------------- page parts


def _period(row: Mapping) -> str:
    start, end = _str(row.get("period_start")), _str(row.get("period_end"))
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


def _sentence_html(row: Mapping, text: str | None) -> str:
    """The figure's sentence with the figure marked (at its own offset when it can be found)."""
    sentence = _str(row.get("sentence"))
    figure = _str(row.get("text"))
    if not sentence:
        return ""
    at = -1
    start, end = _int(row.get("char_start")), _int(row.get("char_end"))
    if text and start is not None and end is not None and end > start:
        s0 = text.find(sentence, max(0, end - len(sentence)))
        if 0 <= s0 <= start and s0 + len(sentence) >= end:
            at = start - s0
            figure = sentence[at : at + (end - start)]
    if at < 0 and figure:
        at = sentence.find(figure)
    if at < 0 or not figure:
        return html.escape(sentence, quote=False)
    return (
        html.escape(sentence[:at], quote=False)
        + "<mark>"
        + html.escape(figure, quote=False)
        + "</mark>"
        + html.escape(sentence[at + len(figure) :], quote=False)
    )


def _split_locations(value: Any) -> list[str]:
    return [part.strip() for part in _str(value).split(";") if part.strip()]


def _options(values: Iterable[str], labels: Mapping[str, str] | None = None) -> str:
    out = []
    for value in sorted(set(values), key=lambda v: (v.casefold(), v)):
        label = labels.get(value, value) if labels else value
        out.append(f'<option value="{html.escape(value, quote=True)}">{html.escape(label, quote=False)}</option>')
    return "".join(out)


def _list_cell(key: str, value: Any) -> str:
    """A cell; a ';'-joined list (locations, actors) shows as '; '-separated, sorting by the raw value."""
    raw = _str(value)
    shown = "; ".join(p.strip() for p in raw.split(";")) if key in ("location", "actor") and ";" in raw else raw
    sort = f' data-sort="{html.escape(raw, quote=True)}"' if shown != raw else ""
    return f'<td class="col-{key}"{sort}>{html.escape(shown, quote=False)}</td>'


def _figures_section(figures: list[dict], texts: Mapping[str, str], doc_titles: Mapping[str, str], doc_ids: set[str]) -> str:
    units = [_str(f.get("unit")) for f in figures if _str(f.get("unit"))]
    locations = [loc for f in figures for loc in _split_locations(f.get("location"))]
    documents = [_str(f.get("document_id")) for f in figures if _str(f.get("document_id"))]
    doc_labels = {d: (f"{doc_titles[d]} ({d})" if doc_titles.get(d) else d) for d in documents}

    head = []
    for i, (label, key, typ) in enumerate(_FIGURE_COLUMNS):
        head.append(
            f'<th scope="col" class="col-{key}" aria-sort="none">'
            f'<button type="button" class="sort" data-col="{i}" data-type="{typ}">'
            f'{html.escape(label)}<span class="arrow" aria-hidden="true"></span></button></th>'
        )

    rows = []
    for order, f in enumerate(figures):
        fid = safe_id(f.get("figure_id"))
        doc = _str(f.get("document_id"))
        text = texts.get(doc)
        start, end = _int(f.get("char_start")), _int(f.get("char_end"))
        in_text = text is not None and start is not None and end is not None and 0 <= start < end <= len(text)
        rule = f' title="rule: {_esc(f.get("method"))}"' if _str(f.get("method")) else ""
        figure_cell = f'<span class="figtext"{rule}>{_esc(f.get("text"))}</span>'
        if in_text:
            figure_cell += f' <a class="back" href="#txt-{fid}" title="Show in the text">↩&#xFE0E;<span class="sr"> in text</span></a>'
        doc_cell = (
            f'<a href="#doc-{safe_id(doc)}" title="{_esc(doc_titles.get(doc, doc))}">{_esc(doc)}</a>'
            if doc in doc_ids
            else _esc(doc)
        )
        cells = [
            f'<td class="col-text" data-sort="{_esc(f.get("text"))}">{figure_cell}</td>',
        ]
        for key in ("value", "value_low", "value_high"):
            cells.append(f'<td class="num col-{key}" data-sort="{_sort_num(f.get(key))}">{_fmt_num(f.get(key))}</td>')
        for key in ("unit", "qualifier", "measure", "location"):
            cells.append(_list_cell(key, f.get(key)))
        period_sort = _str(f.get("period_start")) + "/" + _str(f.get("period_end")) if _period(f) else ""
        cells.append(f'<td class="col-period" data-sort="{html.escape(period_sort, quote=True)}">{html.escape(_period(f), quote=False)}</td>')
        for key in ("actor", "attributed_to"):
            cells.append(_list_cell(key, f.get(key)))
        cells.append(f'<td class="col-document_id">{doc_cell}</td>')
        cells.append(f'<td class="col-sentence">{_sentence_html(f, text)}</td>')
        rows.append(
            f'<tr id="fig-{fid}" data-order="{order}" data-figure-id="{_esc(f.get("figure_id"))}" '
            f'data-unit="{_esc(f.get("unit"))}" data-location="{html.escape(";".join(_split_locations(f.get("location"))), quote=True)}" '
            f'data-document="{_esc(doc)}" data-method="{_esc(f.get("method"))}">' + "".join(cells) + "</tr>"
        )

    n = len(figures)
    return f"""<section id="figures" aria-labelledby="figures-h">
<h2 id="figures-h">Figures</h2>
<p class="lead">Every figure found in the articles. Sort by clicking a column header; filter by unit, location or document.
Click a figure's <span class="back-demo">↩&#xFE0E;</span> to see it in its text; click a highlighted figure in a text to come back to its row.</p>
<form class="filters" id="filters" role="search" aria-label="Filter the figures">
<label>Unit <select id="filter-unit" data-filter="unit"><option value="">all units</option>{_options(units)}</select></label>
<label>Location <select id="filter-location" data-filter="location"><option value="">all locations</option>{_options(locations)}</select></label>
<label>Document <select id="filter-document" data-filter="document"><option value="">all documents</option>{_options(documents, doc_labels)}</select></label>
<label>Search <input id="filter-text" type="search" placeholder="any word" autocomplete="off"></label>
<button type="reset" id="filter-reset">Clear</button>
<output id="figures-count" aria-live="polite">{n} of {n} figures</output>
</form>
<div class="table-wrap">
<table id="figures-table" class="data">
<thead><tr>{"".join(head)}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</div>
<p id="figures-empty" class="empty" hidden>No figure matches these filters.</p>
</section>"""


def _by_document(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows grouped by their document, so that each document's section looks only at its own."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(_str(row.get("document_id")), []).append(row)
    return grouped


def _document_section(doc_id: str, meta: Mapping, text: str, figures, dates, mentions) -> str:
    spans, skipped = _spans_for(doc_id, text, figures, dates, mentions)
    counts = {k: sum(1 for s in spans if s[2] == k) for k in _PRIORITY}
    title = _str(meta.get("title")) or doc_id
    facts = []
    for label, key in (("Author", "author"), ("Publisher", "publisher"), ("Published", "published"), ("Language", "language"), ("Retrieved", "retrieved"), ("Licence", "license")):
        if _str(meta.get(key)):
            facts.append((label, _esc(meta.get(key))))
    if _str(meta.get("url")):
        facts.append(("Source", _link(meta.get("url"), meta.get("url"), outbound=True)))
    facts.append(("Characters", f"{len(text):,}"))
    if _str(meta.get("path")):
        facts.append(("Raw file", f"<code>{_esc(meta.get('path'))}</code>"))
    if _str(meta.get("sha256")):
        facts.append(("sha256", f'<code class="hash">{_esc(meta.get("sha256"))}</code>'))
    facts_html = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in facts)
    note = (
        f' <span class="muted">({skipped} overlapping or out-of-range span{"s" if skipped != 1 else ""} not highlighted)</span>'
        if skipped
        else ""
    )
    return f"""<article class="document" id="doc-{safe_id(doc_id)}" data-document="{html.escape(doc_id, quote=True)}">
<h3>{html.escape(title, quote=False)}</h3>
<p class="docid"><code>{html.escape(doc_id, quote=False)}</code></p>
<dl class="facts">{facts_html}</dl>
<p class="counts"><span class="hl fig">{counts["figure"]} figures</span> <span class="hl date">{counts["date"]} dates</span> <span class="hl mention">{counts["mention"]} mentions</span>{note}</p>
<div class="doc-body">
<div class="doc-text" lang="{_esc(meta.get("language")) or "en"}">{_highlight(text, spans)}</div>
{_figure_index(spans)}
</div>
</article>"""


def _figure_index(spans: list[tuple[int, int, str, dict]]) -> str:
    """A side list of the document's highlighted figures, each a link to its place in the text."""
    items = []
    for _, _, kind, row in spans:
        if kind != "figure":
            continue
        bits = [
            f"{_fmt_num(row.get('value'))} {_str(row.get('unit'))}".strip(),
            "; ".join(_split_locations(row.get("location"))),
            _period(row),
        ]
        bits = [b for b in bits if b]
        items.append(
            f'<li><a href="#txt-{safe_id(row.get("figure_id"))}">{_esc(row.get("text"))}</a>'
            + (f' <span class="muted">{html.escape(" · ".join(bits))}</span>' if bits else "")
            + "</li>"
        )
    if not items:
        return ""
    return f'<aside class="fig-index" aria-label="Figures in this text"><h4>Figures in this text</h4><ol>{"".join(items)}</ol></aside>'


def _render_value(value: Any) -> str:
    """Any JSON-like value as escaped nested HTML (for provenance)."""
    if isinstance(value, Mapping):
        if not value:
            return "<em>empty</em>"
        items = "".join(
            f"<dt>{_esc(k)}</dt><dd>{_render_value(value[k])}</dd>" for k in value
        )
        return f'<dl class="tree">{items}</dl>'
    if isinstance(value, (list, tuple)):
        if not value:
            return "<em>none</em>"
        if all(isinstance(v, Mapping) and v for v in value):
            keys: list = []
            for v in value:
                keys += [k for k in v if k not in keys]
            head = "".join(f'<th scope="col">{_esc(k)}</th>' for k in keys)
            body = "".join(
                "<tr>" + "".join(f"<td>{_render_value(v[k]) if k in v else ''}</td>" for k in keys) + "</tr>"
                for v in value
            )
            return f'<table class="data compact tree"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        return "<ol class=\"tree\">" + "".join(f"<li>{_render_value(v)}</li>" for v in value) + "</ol>"
    text = _str(value)
    if re.fullmatch(r"(sha256:)?[0-9a-f]{40,}", text):
        return f'<code class="hash">{html.escape(text)}</code>'
    return html.escape(text, quote=False)


def _resources_section(descriptor: Mapping, tables: Mapping, file_sizes: Mapping[str, int]) -> str:
    rows = []
    for res in _download_resources(descriptor):
        path = _resource_path(res)
        size = file_sizes.get(path, res.get("bytes"))
        table = _table_of(res)
        n_rows = ""
        frame = tables.get(table) if isinstance(tables, Mapping) else None
        if frame is not None and _resource_format(res).lower() in ("csv", "parquet"):
            n_rows = f"{len(frame):,}"
        rows.append(
            f'<tr id="res-{safe_id(res.get("name"))}"><td><strong>{_esc(res.get("name"))}</strong>'
            + (f'<div class="muted small">{_esc(res.get("title"))}</div>' if res.get("title") else "")
            + f'</td><td>{_esc(_resource_format(res))}</td><td class="num">{n_rows}</td>'
            f'<td class="num" data-bytes="{_esc(_int(size) if _int(size) is not None else "")}">{html.escape(_fmt_bytes(size)) if _num(size) is not None else "—"}</td>'
            + (f'<td><code class="hash">{_esc(res.get("hash"))}</code></td>' if _str(res.get("hash")) else '<td class="muted">—</td>')
            + f'<td>{_link(path, "⤓ " + path) if path else ""}</td></tr>'
        )
    fields_html = []
    for table, res, schema in _tables_with_schema(descriptor):
        desc = _str(res.get("description")) or _str(schema.get("description"))
        keys = []
        pk = schema.get("primaryKey")
        if pk:
            keys.append("primary key: " + ", ".join(_str(k) for k in (pk if isinstance(pk, list) else [pk])))
        for fk in schema.get("foreignKeys") or []:
            ref = fk.get("reference") or {}
            fields = fk.get("fields")
            fields = fields if isinstance(fields, list) else [fields]
            rfields = ref.get("fields")
            rfields = rfields if isinstance(rfields, list) else [rfields]
            keys.append(f"{', '.join(map(_str, fields))} → {_str(ref.get('resource'))}.{', '.join(map(_str, rfields))}")
        field_rows = "".join(
            f"<tr><td><code>{_esc(f.get('name'))}</code></td><td>{_esc(f.get('type'))}</td>"
            f"<td>{_esc(f.get('description'))}</td></tr>"
            for f in schema.get("fields") or []
        )
        fields_html.append(
            f'<details class="fields" id="fields-{safe_id(table)}"><summary><strong>{html.escape(table)}</strong>'
            f' <span class="muted">— {len(schema.get("fields") or [])} fields'
            + (f"; {html.escape('; '.join(keys))}" if keys else "")
            + "</span></summary>"
            + (f"<p>{html.escape(desc)}</p>" if desc else "")
            + f'<table class="data compact"><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>{field_rows}</tbody></table></details>'
        )
    return f"""<section id="downloads" aria-labelledby="downloads-h">
<h2 id="downloads-h">Download</h2>
<p class="lead">Each table as Parquet (for DuckDB, Arrow, pandas, R) and CSV (for everything else), and the whole package as one zip.
Check a download with <code>sha256sum</code> against the hash below.</p>
<div class="table-wrap"><table class="data" id="resources-table">
<thead><tr><th scope="col">Resource</th><th scope="col">Format</th><th scope="col">Rows</th><th scope="col">Size</th><th scope="col">Hash</th><th scope="col">Download</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></div>
<h3>Tables and fields</h3>
{"".join(fields_html) or '<p class="muted">No table schemas in the descriptor.</p>'}
</section>"""


# --------------------------------------------------------------------------- assets

_CSS = """
:root{--bg:#fbfaf7;--fg:#1f2328;--muted:#667085;--line:#e4e2dc;--card:#fff;--accent:#0f6e78;
--fig:#ffe680;--fig-line:#e0b300;--date:#d6e6ff;--date-line:#7aa7e8;--men:#dcf3d6;--men-line:#76b86a;--target:#fff4c2}
*{box-sizing:border-box}
html{scroll-behavior:auto}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--accent)}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.88em}
header.top{background:linear-gradient(180deg,#eef6f6,#fbfaf7);border-bottom:1px solid var(--line)}
.wrap{max-width:1360px;margin:0 auto;padding:0 20px}
header.top .wrap{padding-top:28px;padding-bottom:18px}
h1{margin:0 0 4px;font-size:1.9rem;line-height:1.2}
h2{margin:40px 0 8px;font-size:1.35rem;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{margin:22px 0 6px;font-size:1.1rem}
.badges{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 10px;padding:0;list-style:none}
.badges li{background:#fff;border:1px solid var(--line);border-radius:999px;padding:2px 10px;font-size:.85rem}
.lead{color:#3d4450;max-width:78ch}
.muted{color:var(--muted)} .small{font-size:.85em}
.actions{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0 4px}
a.button{display:inline-block;padding:7px 14px;border-radius:8px;border:1px solid var(--accent);text-decoration:none;font-weight:600;background:#fff}
a.button.primary{background:var(--accent);color:#fff}
a.button .muted{font-weight:400}
a.button.primary .muted{color:#d8efef}
nav.toc{display:flex;flex-wrap:wrap;gap:14px;font-size:.92rem;margin-top:6px}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0 0;padding:0;list-style:none}
.stats li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px 14px;min-width:110px}
.stats b{display:block;font-size:1.35rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin:10px 0}
.card h3{margin-top:2px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 14px}
pre{background:#f4f3ee;border:1px solid var(--line);border-radius:8px;padding:10px 12px;overflow:auto;white-space:pre}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:10px;background:var(--card)}
table.data{border-collapse:collapse;width:100%;font-size:.88rem}
table.data th,table.data td{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:top}
table.data thead th{background:#f1f5f4;position:sticky;top:0;z-index:1;white-space:nowrap}
table.data.compact{font-size:.85rem;margin-top:6px}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code.hash{word-break:break-all;font-size:.78rem;color:#4a5060}
button.sort{all:unset;cursor:pointer;font-weight:600}
button.sort:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] .arrow::after{content:"\\00a0▲";font-size:.75em}
th[aria-sort=descending] .arrow::after{content:"\\00a0▼";font-size:.75em}
th[aria-sort=none] .arrow::after{content:"\\00a0↕";color:#a0a6b0;font-size:.75em}
#figures .table-wrap{max-height:85vh;overflow:auto}
#figures-table{font-size:.84rem}
#figures-table thead th{white-space:normal;min-width:4.5em}
#figures-table td.col-text{min-width:9ch;max-width:16ch}
#figures-table td.col-sentence{min-width:26ch;max-width:52ch;color:#3d4450;font-size:.8rem;line-height:1.4}
#figures-table td.col-period{white-space:nowrap}
#figures-table td.col-document_id{font-size:.8rem;overflow-wrap:anywhere;min-width:10ch}
#figures-table td.col-measure{min-width:12ch}
#figures-table mark{background:var(--fig);padding:0 1px;border-radius:2px}
#figures-table tbody tr{scroll-margin-top:48px}
#figures-table tbody tr:nth-child(even){background:#fcfcfa}
#figures-table tbody tr:target{background:var(--target);box-shadow:inset 4px 0 0 var(--fig-line)}
.figtext{font-weight:600}
a.back{text-decoration:none;font-size:.95em}
.filters{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:end;margin:10px 0}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);gap:2px}
.filters select,.filters input{font:inherit;font-size:.9rem;padding:4px 6px;border:1px solid #cfd4dc;border-radius:6px;background:#fff;color:var(--fg);max-width:22rem}
.filters button{font:inherit;font-size:.85rem;padding:5px 12px;border:1px solid #cfd4dc;border-radius:6px;background:#fff;cursor:pointer}
#figures-count{font-size:.9rem;color:var(--muted);margin-left:auto}
.empty{padding:10px;color:var(--muted)}
article.document{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 22px 20px;margin:18px 0}
article.document h3{margin-top:6px}
.docid{margin:0;color:var(--muted)}
dl.facts{display:flex;flex-wrap:wrap;gap:2px 20px;font-size:.86rem;margin:8px 0}
dl.facts div{display:flex;gap:6px;min-width:0}
dl.facts dt{color:var(--muted)} dl.facts dd{margin:0;overflow-wrap:anywhere}
.doc-body{display:flex;gap:28px;align-items:flex-start;margin-top:12px}
.doc-text{white-space:pre-wrap;overflow-wrap:break-word;font-family:Georgia,"Noto Serif","DejaVu Serif",serif;font-size:1.02rem;line-height:1.75;max-width:80ch;flex:1 1 auto;min-width:0}
aside.fig-index{flex:0 0 300px;position:sticky;top:10px;max-height:calc(100vh - 20px);overflow:auto;font-size:.84rem;border-left:3px solid var(--fig);padding:2px 0 2px 12px}
aside.fig-index h4{margin:0 0 6px;font-size:.9rem}
aside.fig-index ol{margin:0;padding-left:20px}
aside.fig-index li{margin:3px 0}
@media (max-width:1000px){.doc-body{display:block}aside.fig-index{position:static;max-height:none;margin-top:16px}}
.hl{border-radius:3px;padding:0 1px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.hl.fig{background:var(--fig);border-bottom:2px solid var(--fig-line);color:inherit;text-decoration:none}
a.hl.fig:hover,a.hl.fig:focus-visible{background:#ffd84d;outline:none}
a.hl.fig:target{outline:3px solid var(--accent);outline-offset:1px}
a.hl.fig{scroll-margin-top:80px}
.hl.date{background:var(--date);border-bottom:2px solid var(--date-line)}
.hl.mention{background:var(--men);border-bottom:2px dotted var(--men-line)}
.hl .hl{padding:0}
.counts .hl{display:inline-block;margin-right:6px;padding:1px 8px;font-size:.85rem;font-family:system-ui,sans-serif}
.legend{display:flex;flex-wrap:wrap;gap:14px;align-items:center;font-size:.9rem}
body:has(#show-dates:not(:checked)) .doc-text .hl.date{background:none;border-bottom-color:transparent}
body:has(#show-mentions:not(:checked)) .doc-text .hl.mention{background:none;border-bottom-color:transparent}
dl.tree{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0;font-size:.88rem}
dl.tree dt{color:var(--muted)} dl.tree dd{margin:0;overflow-wrap:anywhere}
ol.tree{margin:2px 0;padding-left:20px}
details.fields{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:8px 0}
details summary{cursor:pointer}
ul.methods{display:flex;flex-wrap:wrap;gap:6px 16px;list-style:none;padding:0;margin:4px 0;font-size:.88rem}
ul.sources{padding-left:20px} ul.sources li{margin:3px 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin:50px 0 30px;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:12px}
@media (max-width:700px){.wrap{padding:0 10px}article.document{padding:10px 12px}}
@media print{.filters,nav.toc{display:none}table.data thead th{position:static}}
"""

_JS = r"""
(function () {
  "use strict";
  var table = document.getElementById("figures-table");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var form = document.getElementById("filters");
  var unit = document.getElementById("filter-unit");
  var loc = document.getElementById("filter-location");
  var doc = document.getElementById("filter-document");
  var q = document.getElementById("filter-text");
  var count = document.getElementById("figures-count");
  var empty = document.getElementById("figures-empty");

  function apply() {
    var u = unit.value, l = loc.value, d = doc.value;
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!u || r.getAttribute("data-unit") === u) &&
        (!l || r.getAttribute("data-location").split(";").indexOf(l) >= 0) &&
        (!d || r.getAttribute("data-document") === d);
      if (ok && words.length) {
        var t = (r.textContent + " " + r.getAttribute("data-method")).toLowerCase();
        ok = words.every(function (w) { return t.indexOf(w) >= 0; });
      }
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " figures";
    empty.hidden = shown !== 0;
  }
  [unit, loc, doc].forEach(function (s) { s.addEventListener("change", apply); });
  q.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  function clearFilters() { unit.value = ""; loc.value = ""; doc.value = ""; q.value = ""; apply(); }

  // Sorting: click a header; again to reverse. Missing values always last.
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function key(cell, type) {
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (v === "") return null;
    if (type === "num") { var n = parseFloat(v); return isNaN(n) ? null : n; }
    return v;
  }
  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"});
  heads.forEach(function (th) {
    var btn = th.querySelector("button.sort");
    if (!btn) return;
    btn.addEventListener("click", function () {
      var col = +btn.getAttribute("data-col"), type = btn.getAttribute("data-type");
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var keyed = rows.map(function (r) { return [key(r.cells[col], type), +r.getAttribute("data-order"), r]; });
      keyed.sort(function (a, b) {
        if (a[0] === null && b[0] === null) return a[1] - b[1];
        if (a[0] === null) return 1;
        if (b[0] === null) return -1;
        var c = type === "num" ? a[0] - b[0] : collator.compare(a[0], b[0]);
        return c !== 0 ? dir * c : a[1] - b[1];
      });
      var frag = document.createDocumentFragment();
      keyed.forEach(function (k) { frag.appendChild(k[2]); });
      tbody.appendChild(frag);
    });
  });

  // Following a highlighted figure to a row that the filters hide: clear them first.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("fig-") !== 0) return;
    var row = document.getElementById(id);
    if (row && row.hidden) { clearFilters(); row.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.hl.fig");
    if (!a) return;
    var row = document.getElementById(a.getAttribute("href").slice(1));
    if (row && row.hidden) clearFilters();
  });
  window.addEventListener("hashchange", reveal);
  reveal();
  apply();
})();
"""


def _methods_html(figures: list[dict]) -> str:
    """How many figures each extraction rule found (search the table for a rule's name to see them)."""
    tally: dict[str, int] = {}
    for f in figures:
        method = _str(f.get("method")) or "(none)"
        tally[method] = tally.get(method, 0) + 1
    if not tally:
        return ""
    items = "".join(
        f"<li><code>{html.escape(m)}</code> {n:,}</li>" for m, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return f'<p class="muted small">Figures by rule (type a rule in the table\'s search box to list its figures):</p><ul class="methods" id="methods">{items}</ul>'


def _actions(descriptor: Mapping, file_sizes: Mapping[str, int]) -> str:
    """The header's buttons: the whole package as a zip, and the descriptor."""
    buttons = []
    for res in _download_resources(descriptor):
        path = _resource_path(res)
        if _is_zip(res):
            target = _safe_href(path)
            if target is None:
                continue
            size = file_sizes.get(path, res.get("bytes"))
            size_text = f" <span class=\"muted\">({html.escape(_fmt_bytes(size).split(' (')[0])})</span>" if _num(size) is not None else ""
            buttons.append(
                f'<a class="button primary" href="{html.escape(target, quote=True)}" download>'
                f"⤓ Download the package (zip){size_text}</a>"
            )
            break
    buttons.append('<a class="button" href="datapackage.json">datapackage.json</a>')
    buttons.append('<a class="button" href="#downloads">All files</a>')
    return f'<p class="actions">{"".join(buttons)}</p>'


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"script-src 'sha256-{digest}'; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


# --------------------------------------------------------------------------- public API


def _doc_order(documents: list[dict], texts: Mapping[str, str]) -> list[str]:
    """The documents table's order, then texts without a row, by id."""
    order: list[str] = []
    seen: set[str] = set()
    for d in documents:
        did = _str(d.get("document_id"))
        if did and did not in seen:
            order.append(did)
            seen.add(did)
    for did in sorted(set(texts) - seen):
        order.append(did)
        seen.add(did)
    return order


def _sorted_rows(rows: list[dict], id_key: str, doc_rank: Mapping[str, int]) -> list[dict]:
    def key(r: Mapping):
        start = _int(r.get("char_start"))
        end = _int(r.get("char_end"))
        did = _str(r.get("document_id"))
        return (
            doc_rank.get(did, len(doc_rank)),
            did,
            start if start is not None else -1,
            end if end is not None else -1,
            _str(r.get(id_key)),
        )

    return sorted(rows, key=key)


def render_index(
    descriptor: Mapping,
    tables: Mapping[str, pd.DataFrame],
    texts: Mapping[str, str],
    file_sizes: Mapping[str, int],
    note: str | None = None,
) -> str:
    """The package's landing page, `dist/index.html`, as one self-contained HTML string.

    `note`, when given, is shown under the counts (e.g. that a large package
    shows only part of its documents).
    """
    descriptor = descriptor or {}
    tables = tables or {}
    texts = {str(k): ("" if v is None else str(v)) for k, v in (texts or {}).items()}
    file_sizes = file_sizes or {}
    documents = _records(tables.get("documents"))
    figures_raw = _records(tables.get("figures"))
    dates = _records(tables.get("dates"))
    mentions = _records(tables.get("mentions"))

    doc_order = _doc_order(documents, texts)
    doc_rank = {d: i for i, d in enumerate(doc_order)}
    figures = _sorted_rows(figures_raw, "figure_id", doc_rank)
    doc_meta = {_str(d.get("document_id")): d for d in documents}
    doc_titles = {d: _str(doc_meta.get(d, {}).get("title")) for d in doc_order}

    title = _str(descriptor.get("title") or descriptor.get("name")) or "Data package"
    version = _str(descriptor.get("version"))
    name = _str(descriptor.get("name"))

    badges = []
    if version:
        badges.append(f"<li>version <strong>{html.escape(version)}</strong></li>")
    if _str(descriptor.get("created")):
        badges.append(f"<li>created {_esc(descriptor.get('created'))}</li>")
    for label, path in _license_names(descriptor):
        badges.append(f"<li>licence {_link(path, label, outbound=True)}</li>")
    if name:
        badges.append(f"<li><code>{html.escape(name)}</code></li>")

    stats = [
        ("documents", len(doc_order)),
        ("figures", len(figures)),
        ("dates", len(dates)),
        ("mentions", len(mentions)),
    ]
    stats_html = "".join(f"<li><b>{n:,}</b>{label}</li>" for label, n in stats)

    sources = []
    for s in descriptor.get("sources") or []:
        if not isinstance(s, Mapping):
            sources.append(f"<li>{_esc(s)}</li>")
            continue
        label = _str(s.get("title")) or _str(s.get("path")) or "source"
        extra = []
        if _str(s.get("author")):
            extra.append(_esc(s.get("author")))
        if _str(s.get("published")):
            extra.append(_esc(s.get("published")))
        source_doc = _str(s.get("document_id"))
        to_text = (
            f' <a class="small" href="#doc-{safe_id(source_doc)}">read the text below</a>'
            if source_doc in texts
            else ""
        )
        sources.append(
            f"<li>{_link(s.get('path'), label, outbound=True, web_only=True)}"
            + (f' <span class="muted">— {", ".join(extra)}</span>' if extra else "")
            + to_text
            + "</li>"
        )

    contributors = []
    for c in descriptor.get("contributors") or []:
        if isinstance(c, Mapping):
            cname = _str(c.get("title") or c.get("name") or c.get("email"))
            role = _str(c.get("role") or ", ".join(map(_str, c.get("roles") or [])))
            contributors.append(
                f"<li>{_link(c.get('path'), cname, outbound=True)}" + (f' <span class="muted">({html.escape(role)})</span>' if role else "") + "</li>"
            )
        else:
            contributors.append(f"<li>{_esc(c)}</li>")

    provenance = descriptor.get("provenance")
    provenance_html = (
        f'<details class="card" id="provenance"><summary><strong>Provenance</strong> '
        f'<span class="muted">— code version, input and schema hashes, steps</span></summary>{_render_value(provenance)}</details>'
        if provenance
        else ""
    )

    by_document = {kind: _by_document(rows) for kind, rows in (("figures", figures), ("dates", dates), ("mentions", mentions))}
    doc_sections = []
    for did in doc_order:
        if did not in texts:
            continue
        doc_sections.append(_document_section(
            did, doc_meta.get(did, {}), texts[did],
            *(by_document[kind].get(did, []) for kind in ("figures", "dates", "mentions")),
        ))

    description = _str(descriptor.get("description"))
    description_html = "".join(f"<p class=\"lead\">{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", description) if p.strip())

    doc_ids = {d for d in doc_order if d in texts}
    body = f"""<header class="top"><div class="wrap">
<h1>{html.escape(title)}</h1>
<ul class="badges">{"".join(badges)}</ul>
{description_html}
<ul class="stats">{stats_html}</ul>
{f'<p class="lead" id="page-note">{html.escape(note)}</p>' if note else ""}
{_actions(descriptor, file_sizes)}
<nav class="toc" aria-label="Contents"><a href="#about">About &amp; citation</a><a href="#downloads">Download</a><a href="#query">How to query</a><a href="#figures">Figures</a><a href="#documents">Documents</a></nav>
</div></header>
<main class="wrap">
<section id="about" aria-labelledby="about-h">
<h2 id="about-h">About &amp; citation</h2>
<div class="grid">
<div class="card"><h3>How to cite</h3>
<p id="citation">{html.escape(_citation(descriptor))}</p>
<details><summary>BibTeX</summary><pre><code>{html.escape(_bibtex(descriptor))}</code></pre></details></div>
<div class="card"><h3>Sources</h3>
<ul class="sources" id="sources">{"".join(sources) or "<li class='muted'>none</li>"}</ul></div>
{f'<div class="card"><h3>Contributors</h3><ul class="sources">{"".join(contributors)}</ul></div>' if contributors else ""}
</div>
<div class="card"><h3>How the figures were found</h3>
<p>Each figure is a span of a document's text: <code>text[char_start:char_end]</code> reproduces it exactly.
Its value, bounds, unit and qualifier are read from the expression; its measure, location, period, actor and source from its sentence.
The column <code>method</code> names the rule that produced each row. Below, every figure, date and mention is highlighted in its text, so that any number can be checked against its sentence.</p>
{_methods_html(figures)}</div>
{provenance_html}
</section>
{_resources_section(descriptor, tables, file_sizes)}
<section id="query" aria-labelledby="query-h">
<h2 id="query-h">How to query</h2>
<p class="lead">Every table reads as it is in <a href="https://duckdb.org/" rel="noopener noreferrer">DuckDB</a>; these views give them their names:</p>
<pre id="duckdb-sql"><code>{html.escape(_duckdb_sql(descriptor))}</code></pre>
<p class="muted">In Python: <code>pandas.read_parquet("data/figures.parquet")</code>; in R: <code>arrow::read_parquet("data/figures.parquet")</code>.</p>
</section>
{_figures_section(figures, texts, doc_titles, doc_ids)}
<section id="documents" aria-labelledby="documents-h">
<h2 id="documents-h">Documents</h2>
<div class="legend card"><span class="hl fig">figure</span> links to its row in the table
<label><input type="checkbox" id="show-dates" checked> <span class="hl date">dates</span></label>
<label><input type="checkbox" id="show-mentions" checked> <span class="hl mention">places and actors</span></label>
<span class="muted">Hover a highlight for what was read from it.</span></div>
{chr(10).join(doc_sections) or '<p class="muted">No document texts.</p>'}
</section>
<footer>{html.escape(title)}{f" · version {html.escape(version)}" if version else ""}{f" · {_esc(descriptor.get('created'))}" if descriptor.get("created") else ""} · this page makes no network requests; its data are the files listed under Download.</footer>
</main>"""

    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(_csp(), quote=True)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}{f' {html.escape(version)}' if version else ''}</title>\n"
        f'<meta name="description" content="{html.escape(description[:300], quote=True)}">\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n{body}\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- README

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md(value: Any) -> str:
    """Inline Markdown text: special characters escaped, on one line."""
    text = re.sub(r"\s+", " ", _str(value)).strip()
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def _md_link(href: Any, label: Any) -> str:
    target = _safe_href(href)
    if target is None:
        return _md(label)
    target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{_md(label)}]({target})"


def _md_code(value: Any) -> str:
    text = re.sub(r"\s+", " ", _str(value))
    if not text:
        return ""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fence(content: str, lang: str) -> list[str]:
    """A fenced code block that no backtick run in `content` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + lang, content, fence]


def _tally(column: pd.Series) -> dict[str, int]:
    """How many rows hold each value; missing and empty values count as "(none)"."""
    tally: dict[str, int] = {}
    for value, n in column.value_counts(dropna=False, sort=False).items():
        key = _str(value) or "(none)"
        tally[key] = tally.get(key, 0) + int(n)
    return tally


def render_readme(
    descriptor: Mapping,
    tables: Mapping[str, pd.DataFrame],
    file_sizes: Mapping[str, int],
) -> str:
    """`dist/README.md`: the package's summary for people reading the repository."""
    descriptor = descriptor or {}
    tables = tables or {}
    file_sizes = file_sizes or {}
    title = _str(descriptor.get("title") or descriptor.get("name")) or "Data package"
    lines = [f"# {_md(title)}", ""]
    facts = []
    if descriptor.get("version"):
        facts.append(f"version {_md(descriptor.get('version'))}")
    if descriptor.get("created"):
        facts.append(f"created {_md(descriptor.get('created'))}")
    lics = _license_names(descriptor)
    if lics:
        facts.append("licence " + ", ".join(_md_link(p, label) for label, p in lics))
    if descriptor.get("name"):
        facts.append(f"package {_md_code(descriptor.get('name'))}")
    if facts:
        lines += ["**" + " · ".join(facts) + "**", ""]
    description = _str(descriptor.get("description"))
    for para in re.split(r"\n\s*\n", description):
        if para.strip():
            lines += [_md(para), ""]
    lines += [
        "Open [`index.html`](index.html) in a browser to sort and filter the figures and to see each one highlighted in its article's text.",
        "",
    ]

    counts = []
    for table in TABLE_ORDER:
        frame = tables.get(table)
        if frame is not None:
            counts.append(f"{len(frame):,} {table if len(frame) != 1 else table[:-1]}")
    if counts:
        lines += ["This release holds " + ", ".join(counts) + ".", ""]

    lines += ["## How to cite", "", *_fence(_citation(descriptor), "text"), "", *_fence(_bibtex(descriptor), "bibtex"), ""]

    sources = descriptor.get("sources") or []
    if sources:
        lines += ["## Sources", ""]
        for s in sources:
            if isinstance(s, Mapping):
                label = _str(s.get("title")) or _str(s.get("path")) or "source"
                extra = [_md(s.get(k)) for k in ("author", "published") if _str(s.get(k))]
                link = _md_link(s.get("path"), label) if _HTTP_URL.match(_str(s.get("path"))) else _md(label)
                lines.append(f"- {link}" + (f" — {', '.join(extra)}" if extra else ""))
            else:
                lines.append(f"- {_md(s)}")
        lines.append("")

    contributors = _contributor_names(descriptor)
    if contributors:
        lines += ["## Contributors", ""] + [f"- {_md(c)}" for c in contributors] + [""]

    resources = _download_resources(descriptor)
    if resources:
        lines += ["## Files", "", "| Resource | Format | Rows | Size | sha256 |", "|---|---|---:|---:|---|"]
        for res in resources:
            path = _resource_path(res)
            size = file_sizes.get(path, res.get("bytes"))
            frame = tables.get(_table_of(res))
            n_rows = f"{len(frame):,}" if frame is not None and _resource_format(res).lower() in ("csv", "parquet") else ""
            digest = _str(res.get("hash"))
            lines.append(
                f"| {_md_link(path, path) if path else _md(res.get('name'))} | {_md(_resource_format(res))} | {n_rows} "
                f"| {_md(_fmt_bytes(size)) if _num(size) is not None else ''} | {_md_code(digest)} |"
            )
        lines += ["", "Check a download with `sha256sum <file>` against its hash.", ""]

    schemas = _tables_with_schema(descriptor)
    if schemas:
        lines += ["## Tables", ""]
        for table, res, schema in schemas:
            lines += [f"### {_md(table)}", ""]
            desc = _str(res.get("description")) or _str(schema.get("description"))
            if desc:
                lines += [_md(desc), ""]
            pk = schema.get("primaryKey")
            if pk:
                pk = pk if isinstance(pk, list) else [pk]
                lines += ["Primary key: " + ", ".join(_md_code(k) for k in pk) + ".", ""]
            lines += ["| Field | Type | Description |", "|---|---|---|"]
            for f in schema.get("fields") or []:
                lines.append(f"| {_md_code(f.get('name'))} | {_md(f.get('type'))} | {_md(f.get('description'))} |")
            lines.append("")

    sql = _duckdb_sql(descriptor)
    if _query_sources(descriptor):
        lines += ["## How to query", "", "With [DuckDB](https://duckdb.org/):", "", *_fence(sql, "sql"), ""]

    figures = tables.get("figures")
    for column, heading, label, cell in (
        ("unit", "Figures by unit", "Unit", _md),
        ("method", "Figures by extraction rule (`method`)", "Rule", _md_code),
    ):
        if figures is not None and len(figures) and column in figures:
            lines += [f"## {heading}", "", f"| {label} | Figures |", "|---|---:|"]
            for value, n in sorted(_tally(figures[column]).items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"| {cell(value)} | {n:,} |")
            lines.append("")

    return "\n".join(lines).rstrip("\n") + "\n"
