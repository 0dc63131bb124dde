"""The landing page and README as pure functions: escaping, highlights, links, determinism.

The browser-side behaviour (filters, sorting, scrolling, hostile text that
must not run) is in test_site_browser.py.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from sahel_data.site import render_index, render_readme, safe_id

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"

# --------------------------------------------------------------------------- a tiny DOM

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Tree(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"stray </{tag}>"
        assert self.cur.tag == tag, f"</{tag}> closes <{self.cur.tag}>: markup is not well nested"
        self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def all(self, tag=None, cls=None, **attrs):
        out = []
        for n in self.root.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.rstrip("_")) != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def by_id(self, ident):
        found = [n for n in self.root.iter() if n.attrs.get("id") == ident]
        assert len(found) <= 1, f"duplicate id {ident}"
        return found[0] if found else None


# --------------------------------------------------------------------------- fixtures

HOSTILE = '<script>window.pwned=1</script> and <img src=x onerror="window.pwned=2"> & "quotes" \'too\''


def _span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        assert at >= 0, needle
    return at, at + len(needle)


def figure_row(doc, text, needle, fid, occurrence=1, **values):
    start, end = _span(text, needle, occurrence)
    row = {
        "figure_id": fid,
        "document_id": doc,
        "char_start": start,
        "char_end": end,
        "text": needle,
        "sentence": values.pop("sentence", None) or text,
        "value": None,
        "value_low": None,
        "value_high": None,
        "unit": "count",
        "qualifier": "exact",
        "measure": None,
        "location": None,
        "period_start": None,
        "period_end": None,
        "actor": None,
        "attributed_to": None,
        "method": "test",
    }
    row.update(values)
    return row


def build_package():
    a = (
        "In 2024, more than 1,000 people were killed in Mali and Burkina Faso.\n"
        "About 54 % of them died in the Sahel, according to ACLED.\n\n"
        "A comment said: " + HOSTILE + " and 3 <b>bold</b> claims."
    )
    b = "Niger lost 12 soldiers on 3 March 2025. Between 60 and 70 % of the territory is contested."
    texts = {"doc-a": a, "doc-b": b}
    figures = [
        figure_row("doc-a", a, "more than 1,000", "doc-a:9-24", value=1000, value_low=1000, qualifier="more_than",
                   location="BFA;MLI", period_start="2024", period_end="2024", measure="people were killed",
                   sentence="In 2024, more than 1,000 people were killed in Mali and Burkina Faso."),
        figure_row("doc-a", a, "54 %", "doc-a/54%", value=54, unit="percent", location="Sahel", attributed_to="ACLED",
                   sentence="About 54 % of them died in the Sahel, according to ACLED."),
        figure_row("doc-a", a, "3", "doc-a 3 <odd>", value=3, measure="<b>bold</b> claims",
                   sentence="A comment said: " + HOSTILE + " and 3 <b>bold</b> claims."),
        figure_row("doc-b", b, "12", "doc-b:11-13", value=12, location="NER", actor="NER",
                   sentence="Niger lost 12 soldiers on 3 March 2025."),
        figure_row("doc-b", b, "Between 60 and 70 %", "doc-b_range", value=65, value_low=60, value_high=70,
                   unit="percent", qualifier="range", location="NER",
                   sentence="Between 60 and 70 % of the territory is contested."),
    ]
    dates = []
    for doc, text, needle, start_, end_, precision in (
        ("doc-a", a, "2024", "2024", "2024", "year"),
        ("doc-b", b, "3 March 2025", "2025-03-03", "2025-03-03", "day"),
    ):
        s, e = _span(text, needle)
        dates.append({"date_id": f"{doc}:d{s}", "document_id": doc, "char_start": s, "char_end": e, "text": needle,
                      "date_start": start_, "date_end": end_, "precision": precision, "sentence": None, "event": None})
    mentions = []
    for doc, text, needle, eid, etype in (
        ("doc-a", a, "Mali", "MLI", "country"),
        ("doc-a", a, "Burkina Faso", "BFA", "country"),
        ("doc-a", a, "Sahel", "sahel", "region"),
        ("doc-a", a, "ACLED", "acled", "organisation"),
        ("doc-b", b, "Niger", "NER", "country"),
        # A mention crossing the date "3 March 2025": must not break the markup.
        ("doc-b", b, "March 2025. Between", "bogus", "organisation"),
        # A mention inside a figure span: nested inside the figure's highlight.
        ("doc-b", b, "60", "sixty", "organisation"),
    ):
        s, e = _span(text, needle)
        mentions.append({"mention_id": f"{doc}:m{s}", "document_id": doc, "char_start": s, "char_end": e,
                         "text": needle, "entity_id": eid, "entity_type": etype, "name": needle})
    documents = [
        {"document_id": "doc-a", "title": "Article <script>window.pwned=3</script>", "author": "A. <i>Writer</i>",
         "publisher": None, "published": "2025-01-02", "url": "javascript:alert(1)", "language": "en",
         "retrieved": None, "path": "raw/doc-a.txt", "sha256": "0" * 64, "bytes": len(a.encode()),
         "n_chars": len(a), "license": None},
        {"document_id": "doc-b", "title": "Second article", "author": None, "publisher": "Wire",
         "published": "2025-03-04", "url": "https://example.org/b?x=1&y=2", "language": "en",
         "retrieved": None, "path": "raw/doc-b.txt", "sha256": "1" * 64, "bytes": len(b.encode()),
         "n_chars": len(b), "license": None},
    ]
    tables = {
        "documents": pd.DataFrame(documents),
        "figures": pd.DataFrame(figures),
        "dates": pd.DataFrame(dates),
        "mentions": pd.DataFrame(mentions),
    }
    fields = {t: [{"name": c, "type": "string", "description": f"The {c} <of> {t}."} for c in f.columns]
              for t, f in tables.items()}
    resources = []
    sizes = {}
    for t in tables:
        for fmt in ("csv", "parquet"):
            path = f"data/{t}.{fmt}"
            sizes[path] = 1234 if fmt == "csv" else 5678
            res = {"name": t if fmt == "csv" else f"{t}-parquet", "path": path, "format": fmt,
                   "hash": "sha256:" + "ab" * 32,
                   "schema": {"fields": fields[t], "primaryKey": [tables[t].columns[0]]}}
            if fmt == "csv":
                res["bytes"] = 1234
            resources.append(res)
    resources.append({"name": "zip", "path": "sahel-data-1.2.3.zip", "format": "zip", "hash": "sha256:" + "cd" * 32})
    sizes["sahel-data-1.2.3.zip"] = 2_500_000
    descriptor = {
        "name": "sahel-data",
        "title": "Sahel <script>window.pwned=4</script> figures",
        "version": "1.2.3",
        "created": "2025-03-04T00:00:00Z",
        "description": "Figures & <em>dates</em>.",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "sources": [
            {"title": "Article <script>window.pwned=5</script>", "path": "https://example.org/a", "author": "A. Writer",
             "published": "2025-01-02", "document_id": "doc-a"},
            {"title": "Evil link", "path": "javascript:window.pwned=6"},
            {"title": 'Odd "link" <here>', "path": 'https://example.org/"><script>window.pwned=7</script>'},
        ],
        "contributors": [{"title": "Jane <Doe>", "role": "author"}],
        "resources": resources,
        "provenance": {"code_version": "abc<def>", "inputs": {"raw/doc-a.txt": "sha256:" + "0" * 64},
                       "steps": ["extract", "publish"]},
    }
    return descriptor, tables, texts, sizes


@pytest.fixture(scope="module")
def package():
    return build_package()


@pytest.fixture(scope="module")
def page(package):
    return render_index(*package)


@pytest.fixture(scope="module")
def tree(page):
    return Tree(page)


# --------------------------------------------------------------------------- escaping and safety


def test_the_page_is_well_formed_and_has_one_script_of_its_own(tree, page):
    assert page.startswith("<!DOCTYPE html>")
    scripts = tree.all("script")
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    assert "pwned" not in scripts[0].text()


def test_hostile_text_title_and_sentence_are_escaped(page, tree):
    assert "<script>window.pwned" not in page
    assert "<img" not in page
    assert "<b>bold</b>" not in page and "<i>Writer</i>" not in page and "<em>dates</em>" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    # No element anywhere carries an event handler or comes from the data.
    for node in tree.root.iter():
        assert not any(name.startswith("on") for name in node.attrs), node.tag
        assert node.tag not in {"img", "iframe", "object", "embed", "i", "em", "odd"}, node.tag
    title = tree.all("title")[0].text()
    assert title.startswith("Sahel <script>window.pwned=4</script> figures")


def test_no_resource_is_loaded_from_anywhere(page, tree):
    for node in tree.root.iter():
        if node.tag in {"script", "img", "iframe", "audio", "video", "source", "embed", "object"}:
            assert "src" not in node.attrs, node.tag
        if node.tag == "link":
            pytest.fail(f"<link {node.attrs}>")
    css = "".join(n.text() for n in tree.all("style"))
    assert "url(" not in css and "@import" not in css
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*//""", page)
    csp = [n for n in tree.all("meta") if n.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0].attrs["content"]
    assert "script-src 'sha256-" in csp[0].attrs["content"]


def test_links_are_only_http_or_relative(tree):
    hrefs = [n.attrs["href"] for n in tree.all("a") if "href" in n.attrs]
    assert hrefs
    for href in hrefs:
        assert re.match(r"^(https?://|#|[A-Za-z0-9._~/-])", href), href
        assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), href
    # Outbound source links are plain links, and the bad ones are plain text.
    assert "https://example.org/a" in hrefs
    assert any("Evil link" in li.text() for li in tree.all("li"))
    assert "https://example.org/b?x=1&y=2" in hrefs  # '&' escaped in the source, whole in the attribute
    assert not any("<" in h or '"' in h for h in hrefs)
    assert any('Odd "link" <here>' in li.text() for li in tree.all("li"))


# --------------------------------------------------------------------------- highlights and links


def test_every_figure_is_highlighted_exactly_once_with_its_own_text(package, tree):
    _, tables, texts, _ = package
    figures = tables["figures"]
    highlights = tree.all("a", cls="fig")
    for _, f in figures.iterrows():
        sid = safe_id(f["figure_id"])
        found = [h for h in highlights if h.attrs.get("id") == f"txt-{sid}"]
        assert len(found) == 1, f["figure_id"]
        assert found[0].text() == texts[f["document_id"]][f["char_start"]:f["char_end"]] == f["text"]
    assert len(highlights) == len(figures)


def test_figures_link_to_their_rows_and_back(package, tree):
    _, tables, _, _ = package
    for fid in tables["figures"]["figure_id"]:
        sid = safe_id(fid)
        mark = tree.by_id(f"txt-{sid}")
        row = tree.by_id(f"fig-{sid}")
        assert mark is not None and row is not None and row.tag == "tr"
        assert mark.attrs["href"] == f"#fig-{sid}"
        assert row.attrs["data-figure-id"] == fid
        assert [a for a in row.iter() if a.tag == "a" and a.attrs.get("href") == f"#txt-{sid}"]


def test_the_text_is_reproduced_exactly(package, tree):
    _, _, texts, _ = package
    for doc, text in texts.items():
        article = tree.by_id(f"doc-{safe_id(doc)}")
        body = [n for n in article.iter() if "doc-text" in n.classes()]
        assert len(body) == 1
        assert body[0].text() == text


def test_dates_and_mentions_are_highlighted_and_overlaps_do_not_break_markup(tree):
    dates = [n.text() for n in tree.all("span", cls="date") if n.attrs.get("data-id")]
    assert dates == ["2024", "3 March 2025"]
    mentions = [n.text() for n in tree.all("span", cls="mention") if n.attrs.get("data-id")]
    # The mention crossing a date is skipped; the one inside a figure nests in it.
    assert "March 2025. Between" not in mentions
    assert {"Mali", "Burkina Faso", "Sahel", "ACLED", "Niger", "60"} <= set(mentions)
    sixty = [n for n in tree.all("span", cls="mention") if n.text() == "60"][0]
    assert sixty.parent.tag == "a" and "fig" in sixty.parent.classes()
    assert "1 overlapping or out-of-range span not highlighted" in tree.by_id("doc-doc-b").text()


def test_out_of_range_spans_are_skipped_not_fatal(package):
    descriptor, tables, texts, sizes = package
    bad = tables["figures"].copy()
    bad.loc[0, "char_end"] = 10_000
    page = render_index(descriptor, {**tables, "figures": bad}, texts, sizes)
    tree = Tree(page)
    assert tree.by_id(f"txt-{safe_id(bad.loc[0, 'figure_id'])}") is None
    assert tree.by_id(f"fig-{safe_id(bad.loc[0, 'figure_id'])}") is not None  # still in the table


def test_safe_ids_are_distinct_and_plain():
    ids = ["a:b", "a-b", "a_b", "a b", "a/b", "a.b", "<x>", "é", "a_3a_b", ""]
    safe = [safe_id(i) for i in ids]
    assert len(set(safe)) == len(safe)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]*", s) for s in safe)


# --------------------------------------------------------------------------- table and filters


def test_the_table_has_a_row_per_figure_with_its_filters(package, tree):
    _, tables, _, _ = package
    rows = tree.by_id("figures-table").iter()
    body_rows = [r for r in rows if r.tag == "tr" and r.attrs.get("data-figure-id")]
    assert len(body_rows) == len(tables["figures"])
    units = [o.attrs["value"] for o in tree.by_id("filter-unit").iter() if o.tag == "option" and o.attrs["value"]]
    assert units == ["count", "percent"]
    locations = [o.attrs["value"] for o in tree.by_id("filter-location").iter() if o.tag == "option" and o.attrs["value"]]
    assert locations == ["BFA", "MLI", "NER", "Sahel"]
    docs = [o.attrs["value"] for o in tree.by_id("filter-document").iter() if o.tag == "option" and o.attrs["value"]]
    assert docs == ["doc-a", "doc-b"]
    first = [r for r in body_rows if r.attrs["data-figure-id"] == "doc-a:9-24"][0]
    assert first.attrs["data-location"] == "BFA;MLI" and first.attrs["data-unit"] == "count"
    assert "1,000" in first.text()


def test_missing_values_show_as_empty_cells(package, tree):
    _, tables, _, _ = package
    for row in tree.all("tr"):
        if row.attrs.get("data-figure-id"):
            text = row.text()
            assert "nan" not in text.lower().split() and "<NA>" not in text and "None" not in text


def test_numbers_sort_by_their_value(tree):
    row = tree.by_id(f"fig-{safe_id('doc-b_range')}")
    cells = [c for c in row.children if isinstance(c, Node) and c.tag == "td"]
    assert cells[1].attrs["data-sort"] == "65.0" and cells[1].text() == "65"
    assert cells[2].attrs["data-sort"] == "60.0" and cells[3].attrs["data-sort"] == "70.0"


def test_the_sentence_marks_its_figure(tree):
    row = tree.by_id(f"fig-{safe_id('doc-a 3 <odd>')}")
    marks = [n for n in row.iter() if n.tag == "mark"]
    assert [m.text() for m in marks] == ["3"]
    # The "3" marked is the figure's own, after the hostile comment, as escaped text.
    sentence = marks[0].parent.text()
    assert sentence.startswith("A comment said: <script>window.pwned=1</script>")


# --------------------------------------------------------------------------- package facts


def test_metadata_resources_and_sql_are_shown(package, tree):
    descriptor, _, _, _ = package
    text = tree.root.text()
    assert "1.2.3" in text and "Creative Commons Attribution 4.0" in text
    assert "Sahel <script>window.pwned=4</script> figures" in tree.by_id("citation").text()
    for res in descriptor["resources"]:
        assert [a for a in tree.all("a") if a.attrs.get("href") == res["path"]], res["path"]
        assert res["hash"] in text
    assert "2.5 MB (2,500,000 bytes)" in text
    assert "The figure_id <of> figures." in text  # field descriptions, escaped
    sql = tree.by_id("duckdb-sql").text()
    for table in ("documents", "figures", "dates", "mentions"):
        assert f"CREATE VIEW {table} AS SELECT * FROM 'data/{table}.parquet';" in sql
    assert "abc<def>" in tree.by_id("provenance").text()
    assert tree.by_id("methods").text() == "test 5"


def test_output_is_deterministic_and_independent_of_row_order(package):
    descriptor, tables, texts, sizes = package
    first = render_index(descriptor, tables, texts, sizes)
    assert render_index(descriptor, tables, texts, sizes) == first
    shuffled = {
        name: (frame.sample(frac=1, random_state=7).reset_index(drop=True) if name != "documents" else frame)
        for name, frame in tables.items()
    }
    assert render_index(descriptor, shuffled, texts, sizes) == first
    assert render_readme(descriptor, tables, sizes) == render_readme(descriptor, shuffled, sizes)


def test_nullable_dtypes_and_empty_tables(package):
    descriptor, tables, texts, sizes = package
    typed = {name: frame.convert_dtypes() for name, frame in tables.items()}
    assert render_index(descriptor, typed, texts, sizes) == render_index(descriptor, tables, texts, sizes)
    empty = {name: frame.iloc[0:0] for name, frame in tables.items()}
    page = render_index(descriptor, empty, {}, sizes)
    assert "0 of 0 figures" in page
    assert render_readme({}, {}, {}).startswith("# Data package\n")


# --------------------------------------------------------------------------- README


def test_readme_summarises_the_package(package):
    descriptor, tables, _, sizes = package
    md = render_readme(descriptor, tables, sizes)
    assert md.startswith("# Sahel \\<script\\>window.pwned=4\\</script\\> figures\n")
    prose = re.sub(r"(?ms)^(`{3,})[a-z]*\n.*?^\1$", "", md)  # fenced blocks out
    prose = re.sub(r"(`+).*?\1", "", prose)  # code spans out
    assert not re.search(r"(?<!\\)[<>]", prose), "unescaped markup in README prose"
    assert "version 1.2.3" in md and "Creative Commons Attribution 4.0" in md
    for res in descriptor["resources"]:
        assert f"]({res['path']})" in md
        assert res["hash"] in md
    assert "CREATE VIEW figures AS SELECT * FROM 'data/figures.parquet';" in md
    assert "5 figures" in md
    assert "| `test` | 5 |" in md
    assert "javascript:" not in md
    assert "| `figure_id` | string |" in md
    assert "[index.html]" in md or "(index.html)" in md


# --------------------------------------------------------------------------- the real article


def _gold_package():
    gold_path = sorted(GOLD.glob("*.gold.json"))[0]
    doc = gold_path.name.removesuffix(".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (GOLD / f"{doc}.txt").read_text(encoding="utf-8")
    figures = [
        figure_row(doc, text, g["text"], f"{doc}:{i}", g.get("occurrence", 1), value=g.get("value"),
                   unit=g.get("unit"), qualifier=g.get("qualifier"), location=g.get("location"), sentence="s")
        for i, g in enumerate(gold["figures"])
    ]
    dates = []
    for i, g in enumerate(gold["dates"]):
        s, e = _span(text, g["text"], g.get("occurrence", 1))
        dates.append({"date_id": f"{doc}:d{i}", "document_id": doc, "char_start": s, "char_end": e, "text": g["text"],
                      "date_start": g["date_start"], "date_end": g["date_end"], "precision": g["precision"]})
    tables = {
        "documents": pd.DataFrame([{"document_id": doc, "title": gold["title"]}]),
        "figures": pd.DataFrame(figures),
        "dates": pd.DataFrame(dates),
        "mentions": pd.DataFrame(columns=["mention_id", "document_id", "char_start", "char_end"]),
    }
    return {"title": "gold"}, tables, {doc: text}, {}


def test_every_gold_figure_of_the_first_article_is_highlighted():
    descriptor, tables, texts, sizes = _gold_package()
    tree = Tree(render_index(descriptor, tables, texts, sizes))
    highlighted = [n.text() for n in tree.all("a", cls="fig")]
    assert highlighted == list(tables["figures"]["text"])
    assert len(tree.all("span", cls="date")) - 2 == len(tables["dates"])  # minus the legend and the count
    (doc,) = texts
    assert [n for n in tree.root.iter() if "doc-text" in n.classes()][0].text() == texts[doc]


def test_the_committed_page_highlights_every_published_figure():
    """Issue 6 is done when dist/index.html shows every figure of dist/data/figures.csv highlighted."""
    page, figures_csv = REPO / "dist" / "index.html", REPO / "dist" / "data" / "figures.csv"
    if not (page.is_file() and figures_csv.is_file()):
        pytest.skip("no published dist/ yet: run `make publish`")
    figures = pd.read_csv(figures_csv, dtype={"figure_id": str, "text": str}, keep_default_na=False)
    tree = Tree(page.read_text(encoding="utf-8"))
    marks = {n.attrs["id"]: n.text() for n in tree.all("a", cls="fig") if n.attrs.get("id")}
    for _, f in figures.iterrows():
        sid = safe_id(f["figure_id"])
        assert marks.get(f"txt-{sid}") == f["text"], f["figure_id"]
        assert tree.by_id(f"fig-{sid}") is not None, f["figure_id"]


def test_random_overlapping_spans_give_well_nested_markup_and_the_exact_text():
    import random

    rng = random.Random(6)
    for trial in range(30):
        text = "".join(rng.choice("ab <>&\"'\n") for _ in range(rng.randrange(40, 200)))
        figures, dates, mentions, pos = [], [], [], 0
        while True:  # figures never overlap each other
            pos += rng.randrange(0, 15)
            end = pos + rng.randrange(1, 8)
            if end > len(text):
                break
            figures.append({"figure_id": f"f{pos}", "document_id": "d", "char_start": pos, "char_end": end,
                            "text": text[pos:end], "sentence": text, "unit": "count"})
            pos = end
        for rows, prefix in ((dates, "date"), (mentions, "mention")):
            for i in range(rng.randrange(0, 25)):
                s = rng.randrange(0, len(text) - 1)
                e = rng.randrange(s + 1, min(len(text), s + 20) + 1)
                rows.append({f"{prefix}_id": f"{prefix}{i}", "document_id": "d", "char_start": s, "char_end": e,
                             "text": text[s:e]})
        tables = {"documents": pd.DataFrame([{"document_id": "d", "title": "t"}]),
                  "figures": pd.DataFrame(figures), "dates": pd.DataFrame(dates), "mentions": pd.DataFrame(mentions)}
        tree = Tree(render_index({"title": "t"}, tables, {"d": text}, {}))  # asserts proper nesting
        body = [n for n in tree.root.iter() if "doc-text" in n.classes()][0]
        assert body.text() == text, trial
        marks = [n for n in body.iter() if n.tag == "a"]
        assert [(m.attrs["id"], m.text()) for m in marks] == [(f"txt-f{f['char_start']}", f["text"]) for f in figures]
        assert not [n for n in body.iter() if n.tag == "a" and any(p.tag == "a" for p in n.iter())]


def test_the_zip_is_offered_even_when_the_descriptor_does_not_list_it(package):
    descriptor, tables, texts, sizes = package
    plain = {**descriptor, "resources": [r for r in descriptor["resources"] if r["format"] != "zip"],
             "sources": [{"title": "Local copy", "path": "raw/doc-a.txt"}]}
    tree = Tree(render_index(plain, tables, texts, sizes))
    zips = [a for a in tree.all("a") if a.attrs.get("href") == "sahel-data-1.2.3.zip"]
    assert len(zips) == 2  # the header's button and the downloads table
    assert "2.5 MB" in zips[0].text()
    # A source's repository path is not a link from dist/ (it would be broken there).
    assert not [a for a in tree.all("a") if a.attrs.get("href") == "raw/doc-a.txt"]
    assert "Local copy" in tree.by_id("sources").text()
    md = render_readme(plain, tables, sizes)
    assert "[sahel-data-1.2.3.zip](sahel-data-1.2.3.zip)" in md and "](raw/doc-a.txt)" not in md


def test_a_source_links_to_its_text_on_the_page(tree):
    links = [a.attrs["href"] for a in tree.by_id("sources").iter() if a.tag == "a"]
    assert links == ["https://example.org/a", "#doc-doc-a"]


def test_the_duckdb_sql_runs_on_the_published_files(package, tmp_path, monkeypatch):
    import duckdb

    descriptor, tables, _, sizes = package
    (tmp_path / "data").mkdir()
    for name, frame in tables.items():
        frame.to_parquet(tmp_path / "data" / f"{name}.parquet", index=False)
    md = render_readme(descriptor, tables, sizes)
    sql = md.split("```sql\n")[1].split("\n```")[0]
    monkeypatch.chdir(tmp_path)  # the SQL runs from the folder holding datapackage.json
    con = duckdb.connect()
    statements = [s for s in sql.split(";") if s.strip()]
    for statement in statements[:-1]:
        con.execute(statement)
    rows = con.execute(statements[-1]).fetchall()
    assert sorted(r[0] for r in rows) == ["54 %", "Between 60 and 70 %"]
    for name, frame in tables.items():
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(frame)
    # The page shows the same SQL.
    page_sql = Tree(render_index(descriptor, tables, {}, sizes)).by_id("duckdb-sql").text()
    assert page_sql == sql
