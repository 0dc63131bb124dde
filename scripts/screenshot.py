#!/usr/bin/env python
"""Take the screenshot of the package's landing page shown in the README.

    .venv/bin/python scripts/screenshot.py dist            # dist/index.html -> docs/screenshot.png
    .venv/bin/python scripts/screenshot.py --sample        # a page rendered from the gold article
    .venv/bin/python scripts/screenshot.py dist --out x.png

The page is opened in Debian's Chromium (/usr/bin/chromium, see
scripts/install-chromium.sh) through Playwright. The picture shows the top
of the page, the figures table filtered to percentages and the start of the
first article with its figures, dates and mentions highlighted: the
sections About, Download and How to query are folded away for the shot.

`--sample` builds the page from tests/gold (the hand-annotated article) and
raw/ metadata, for use before the pipeline has written a real dist/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
from sahel_data.browser import CHROMIUM, CHROMIUM_ARGS

# A few places and actors of the gold article, for the sample's mentions.
_SAMPLE_ENTITIES = {
    "Mali": ("MLI", "country", "Mali"),
    "Burkina Faso": ("BFA", "country", "Burkina Faso"),
    "Niger": ("NER", "country", "Niger"),
    "Russia": ("RUS", "country", "Russia"),
    "France": ("FRA", "country", "France"),
    "Bamako": ("bamako", "city", "Bamako"),
    "Sahel": ("sahel", "region", "Sahel"),
    "Wagner Group": ("wagner-group", "armed_group", "Wagner Group"),
    "Africa Corps": ("africa-corps", "armed_group", "Africa Corps"),
    "JNIM": ("jnim", "armed_group", "JNIM"),
    "United Nations": ("un", "organisation", "United Nations"),
}


def _occurrence(text: str, needle: str, occurrence: int) -> int:
    at = -1
    for _ in range(max(1, int(occurrence or 1))):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} occurrence {occurrence} not in text")
    return at


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return text[left:right].strip()


def sample_package() -> tuple[dict, dict, dict, dict]:
    """(descriptor, tables, texts, file_sizes) built from the gold article."""
    import pandas as pd

    gold_dir = REPO / "tests" / "gold"
    gold_path = sorted(gold_dir.glob("*.gold.json"))[0]
    doc_id = gold_path.name.removesuffix(".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
    meta_path = REPO / "raw" / f"{doc_id}.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}

    figures = []
    for g in gold["figures"]:
        start = _occurrence(text, g["text"], g.get("occurrence", 1))
        end = start + len(g["text"])
        after = re.findall(r"[A-Za-z][A-Za-z-]*", text[end : end + 60])[:3]
        figures.append(
            {
                "figure_id": f"{doc_id}:{start}-{end}",
                "document_id": doc_id,
                "char_start": start,
                "char_end": end,
                "text": g["text"],
                "sentence": _sentence(text, start, end),
                "value": g.get("value"),
                "value_low": g.get("value_low"),
                "value_high": g.get("value_high"),
                "unit": g.get("unit"),
                "qualifier": g.get("qualifier"),
                "measure": " ".join(after) or None,
                "location": g.get("location"),
                "period_start": g.get("period_start"),
                "period_end": g.get("period_end"),
                "actor": g.get("actor"),
                "attributed_to": g.get("attributed_to"),
                "method": "gold",
            }
        )
    dates = []
    for g in gold.get("dates", []):
        start = _occurrence(text, g["text"], g.get("occurrence", 1))
        end = start + len(g["text"])
        dates.append(
            {
                "date_id": f"{doc_id}:d{start}-{end}",
                "document_id": doc_id,
                "char_start": start,
                "char_end": end,
                "text": g["text"],
                "date_start": g["date_start"],
                "date_end": g["date_end"],
                "precision": g["precision"],
                "sentence": _sentence(text, start, end),
                "event": None,
            }
        )
    mentions = []
    for surface, (entity_id, entity_type, name) in _SAMPLE_ENTITIES.items():
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            mentions.append(
                {
                    "mention_id": f"{doc_id}:m{m.start()}-{m.end()}",
                    "document_id": doc_id,
                    "char_start": m.start(),
                    "char_end": m.end(),
                    "text": surface,
                    "entity_id": entity_id,
                    "entity_type": entity_type,
                    "name": name,
                }
            )
    raw = text.encode("utf-8")
    documents = [
        {
            "document_id": doc_id,
            "title": meta.get("title", gold.get("title")),
            "author": meta.get("author"),
            "publisher": meta.get("publisher"),
            "published": meta.get("published", gold.get("published")),
            "url": meta.get("url"),
            "language": meta.get("language", "en"),
            "retrieved": meta.get("retrieved"),
            "path": f"raw/{doc_id}.txt",
            "sha256": hashlib.sha256(raw).hexdigest(),
            "bytes": len(raw),
            "n_chars": len(text),
            "license": meta.get("license"),
        }
    ]
    tables = {
        "documents": pd.DataFrame(documents),
        "figures": pd.DataFrame(figures).sort_values(["document_id", "char_start"]).reset_index(drop=True),
        "dates": pd.DataFrame(dates).sort_values(["document_id", "char_start"]).reset_index(drop=True),
        "mentions": pd.DataFrame(mentions).sort_values(["document_id", "char_start"]).reset_index(drop=True),
    }

    schemas = {}
    for table in tables:
        path = REPO / "schemas" / f"{table}.json"
        if path.exists():
            schemas[table] = json.loads(path.read_text(encoding="utf-8"))
        else:
            schemas[table] = {"fields": [{"name": c, "type": "string"} for c in tables[table].columns]}
    resources, file_sizes = [], {}
    for table, frame in tables.items():
        for fmt in ("csv", "parquet"):
            path = f"data/{table}.{fmt}"
            body = frame.to_csv(index=False).encode("utf-8")
            size = len(body) if fmt == "csv" else len(body) // 3 + 900
            file_sizes[path] = size
            res = {
                "name": table if fmt == "csv" else f"{table}-parquet",
                "path": path,
                "format": fmt,
                "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
                "hash": "sha256:" + hashlib.sha256(path.encode() + body).hexdigest(),
                "schema": schemas[table],
            }
            if fmt == "csv":
                res["bytes"] = size
            resources.append(res)
    # The zip is not a resource of the descriptor: the page offers it from the contract's layout.
    file_sizes["sahel-data-0.1.0.zip"] = sum(file_sizes.values()) // 2
    descriptor = {
        "name": "sahel-data",
        "title": "Sahel security figures",
        "version": "0.1.0",
        "created": "2026-11-24T00:00:00Z",
        "description": "The figures stated in articles about security in the Sahel: each number with its "
        "value, unit, qualifier, place, period, actor and source, and the sentence it stands in.",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
        "sources": [
            {"title": d["title"], "path": d["url"] or d["path"], "author": d["author"], "published": d["published"]}
            for d in documents
        ],
        "contributors": [{"title": "sahel-data contributors", "role": "author"}],
        "resources": resources,
        "provenance": {
            "package": {"name": "sahel-data", "version": "0.1.0"},
            "code_sha256": hashlib.sha256(b"code").hexdigest(),
            "inputs": [
                {"path": f"raw/{doc_id}.txt", "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)},
                {"path": f"raw/{doc_id}.meta.json", "sha256": hashlib.sha256(b"meta").hexdigest(), "bytes": 158},
            ],
            "schemas": [
                {"path": f"schemas/{t}.json", "sha256": hashlib.sha256(t.encode()).hexdigest()} for t in tables
            ],
            "steps": [
                {"step": "extract", "function": "sahel_data.extract.extract_document", "libraries": {"pycountry": "24.6.1"}},
                {"step": "write data", "function": "sahel_data.package.write_data", "libraries": {"pyarrow": "20.0.0", "pandas": "2.2.3"}},
            ],
        },
    }
    return descriptor, tables, {doc_id: text}, file_sizes


def write_sample_dist(folder: Path) -> Path:
    from sahel_data.site import render_index, render_readme

    descriptor, tables, texts, sizes = sample_package()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(render_index(descriptor, tables, texts, sizes), encoding="utf-8")
    (folder / "README.md").write_text(render_readme(descriptor, tables, sizes), encoding="utf-8")
    return folder / "index.html"


def screenshot(page_path: Path, out: Path, *, width: int = 1280, height: int = 1500) -> None:
    """Write a PNG of the page's top, its figures table and the start of its first text."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: install it with scripts/install-chromium.sh")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": width, "height": height},
            device_scale_factor=1,
        )
        try:
            page = context.new_page()
            page.goto(page_path.resolve().as_uri())
            page.evaluate(
                """() => {
                  for (const id of ["about", "downloads", "query"]) {
                    const s = document.getElementById(id); if (s) s.hidden = true;
                  }
                  const unit = document.getElementById("filter-unit");
                  if (unit && [...unit.options].some(o => o.value === "percent")) {
                    unit.value = "percent"; unit.dispatchEvent(new Event("change"));
                  }
                }"""
            )
            # Down to the first highlighted figure of the first article's text, and a little more.
            bottom = page.evaluate(
                """() => { const t = document.querySelector(".doc-text a.hl.fig") || document.querySelector(".doc-text");
                           return t ? t.getBoundingClientRect().bottom + window.scrollY + 90 : 0; }"""
            )
            clip_height = int(min(max(bottom or height, 900), 2600))
            page.set_viewport_size({"width": width, "height": clip_height})
            page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": width, "height": clip_height})
        finally:
            context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", nargs="?", type=Path, help="a dist/ folder holding index.html")
    parser.add_argument("--sample", action="store_true", help="render a sample page from tests/gold instead")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    args = parser.parse_args(argv)
    if args.sample:
        with tempfile.TemporaryDirectory() as tmp:
            page = write_sample_dist(Path(tmp))
            screenshot(page, args.out)
    else:
        if args.dist is None:
            parser.error("give a dist/ folder, or --sample")
        page = args.dist / "index.html"
        if not page.exists():
            parser.error(f"{page} does not exist: run the publish step first, or use --sample")
        screenshot(page, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
