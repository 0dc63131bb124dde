"""The landing page in a real browser: Debian's Chromium driven by Playwright.

Filters hide the other rows, headers sort, a highlighted figure takes you to
its row and back, and a hostile article runs nothing and shows as text. The
page is opened from a file:// URL and must make no other request.

CI installs Chromium first (`.ci/run` calls scripts/install-chromium.sh);
elsewhere, without /usr/bin/chromium, this module is skipped with a message
saying how to install it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sahel_data.browser import CHROMIUM, CHROMIUM_ARGS

if not Path(CHROMIUM).exists():
    pytest.skip(
        "Chromium not found: install it with 'apt-get install -y chromium' (or run scripts/install-chromium.sh)",
        allow_module_level=True,
    )
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    pytest.skip("Playwright not installed: pip install -e '.[test]'", allow_module_level=True)

from sahel_data.site import render_index, safe_id  # noqa: E402

HOSTILE = (
    "<script>window.pwned=1</script> "
    '<img src=x onerror="window.pwned=2"> '
    "<iframe src=\"javascript:window.pwned=3\"></iframe> "
    "<style>body{display:none}</style>"
)

PLACES = [("Mali", "MLI"), ("Niger", "NER"), ("Burkina Faso", "BFA"), ("Chad", "TCD")]
UNITS = ["count", "percent", "USD", "count", "times"]


def _figure(doc, start, end, text, fid, **values):
    row = dict(
        figure_id=fid, document_id=doc, char_start=start, char_end=end, text=text, sentence=values.pop("sentence"),
        value=None, value_low=None, value_high=None, unit="count", qualifier="exact", measure=None, location=None,
        period_start=None, period_end=None, actor=None, attributed_to=None, method="test",
    )
    row.update(values)
    return row


def build_package():
    """Two long articles (the figures lie far below the table) and one hostile one."""
    texts, figures, dates, mentions, documents = {}, [], [], [], []
    n = 0
    for d, doc in enumerate(("long-one", "long-two")):
        parts, pos = [], 0
        for i in range(24):
            place, iso = PLACES[(i + d) % len(PLACES)]
            unit = UNITS[(i + d) % len(UNITS)]
            number = 10 * (i + 1) + d  # distinct values, so the sort order is checkable
            expr = {"count": f"{number}", "percent": f"{number} %", "USD": f"${number} million", "times": f"{number}-fold"}[unit]
            year = 2015 + i % 10
            if i == 5:
                sentence = f"Some attacks hit {place} in {year}, nobody counted them."
                start = None
            else:
                sentence = f"In {year}, {expr} incidents were recorded in {place} and its border areas."
            pos0 = pos
            parts.append(sentence + (" " if i % 3 else "\n\n"))
            pos += len(parts[-1])
            sstart = pos0 + sentence.index(str(year))
            dates.append(dict(date_id=f"{doc}:d{i}", document_id=doc, char_start=sstart, char_end=sstart + 4,
                              text=str(year), date_start=str(year), date_end=str(year), precision="year",
                              sentence=sentence, event=None))
            mstart = pos0 + sentence.index(place)
            mentions.append(dict(mention_id=f"{doc}:m{i}", document_id=doc, char_start=mstart,
                                 char_end=mstart + len(place), text=place, entity_id=iso, entity_type="country",
                                 name=place))
            if i == 5:
                continue
            start = pos0 + sentence.index(expr)
            value = number * 1e6 if unit == "USD" else number
            location = iso if i % 4 else f"{iso};Sahel"
            figures.append(_figure(doc, start, start + len(expr), expr, f"{doc}:{start}-{start + len(expr)}",
                                   sentence=sentence, value=value, unit=unit, location=location,
                                   period_start=str(year), period_end=str(year), measure="incidents"))
            n += 1
        texts[doc] = "".join(parts)
        documents.append(dict(document_id=doc, title=f"Article {doc}", published="2025-01-0%d" % (d + 1),
                              language="en", path=f"raw/{doc}.txt"))
    # The hostile article: markup in its title, text, sentence and measure.
    doc = "hostile"
    text = f"Headline {HOSTILE}\nThen 7 <b>people</b> were hurt."
    start = text.index("7 ")
    texts[doc] = text
    figures.append(_figure(doc, start, start + 1, "7", "hostile:7", sentence=f"Then 7 <b>people</b> were hurt. {HOSTILE}",
                           value=7, measure='<img src=x onerror="window.pwned=4">', location="NER",
                           attributed_to="<script>window.pwned=5</script>"))
    documents.append(dict(document_id=doc, title="<script>window.pwned=6</script>Hostile", published="2025-02-01",
                          language="en", path="raw/hostile.txt", url="javascript:window.pwned=7"))
    tables = {
        "documents": pd.DataFrame(documents),
        "figures": pd.DataFrame(figures),
        "dates": pd.DataFrame(dates),
        "mentions": pd.DataFrame(mentions),
    }
    descriptor = {
        "name": "sahel-data",
        "title": "Sahel figures <img src=x onerror=window.pwned=8>",
        "version": "0.1.0",
        "created": "2025-02-01T00:00:00Z",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}],
        "sources": [{"title": "<script>window.pwned=9</script>", "path": "https://example.org/"}],
        "resources": [
            {"name": t, "path": f"data/{t}.parquet", "format": "parquet", "hash": "sha256:" + "0" * 64,
             "schema": {"fields": [{"name": c, "type": "string", "description": "<b>x</b>"} for c in f.columns]}}
            for t, f in tables.items()
        ],
    }
    sizes = {f"data/{t}.parquet": 1000 for t in tables}
    return descriptor, tables, texts, sizes


@pytest.fixture(scope="module")
def package():
    return build_package()


@pytest.fixture(scope="module")
def page_url(package, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dist")
    (folder / "index.html").write_text(render_index(*package), encoding="utf-8")
    return (folder / "index.html").as_uri()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, page_url):
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(page_url)
    page.wait_for_load_state("load")
    yield page
    # The page fetched nothing but itself, and its script raised nothing.
    assert [u for u in requests if u.split("#")[0] != page_url] == []
    assert errors == []
    context.close()


def visible_rows(page):
    return page.locator("#figures-table tbody tr:not([hidden])")


def in_viewport(page, selector):
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def test_filter_by_unit_hides_the_other_rows(page, package):
    figures = package[1]["figures"]
    total = len(figures)
    assert visible_rows(page).count() == total
    page.select_option("#filter-unit", "percent")
    expected = set(figures.loc[figures["unit"] == "percent", "figure_id"])
    shown = visible_rows(page)
    assert shown.count() == len(expected) > 0
    assert {shown.nth(i).get_attribute("data-figure-id") for i in range(shown.count())} == expected
    for fid in set(figures["figure_id"]) - expected:
        assert page.locator(f"#fig-{safe_id(fid)}").is_hidden()
    assert page.locator("#figures-count").inner_text() == f"{len(expected)} of {total} figures"


def test_filters_combine_and_locations_match_one_of_several(page, package):
    figures = package[1]["figures"]
    page.select_option("#filter-location", "Sahel")
    sahel = figures[figures["location"].str.split(";").apply(lambda parts: "Sahel" in parts)]
    assert visible_rows(page).count() == len(sahel) > 0
    page.select_option("#filter-document", "long-two")
    both = sahel[sahel["document_id"] == "long-two"]
    assert visible_rows(page).count() == len(both) > 0
    page.select_option("#filter-unit", "times")
    all3 = both[both["unit"] == "times"]
    assert visible_rows(page).count() == len(all3)
    page.click("#filter-reset")
    page.wait_for_function("document.querySelectorAll('#figures-table tbody tr[hidden]').length === 0")
    assert visible_rows(page).count() == len(figures)


def test_text_search_filters_rows(page):
    page.fill("#filter-text", "usd")
    rows = visible_rows(page)
    assert rows.count() > 0
    assert all(rows.nth(i).get_attribute("data-unit") == "USD" for i in range(rows.count()))


def _column(page, index):
    return page.evaluate(
        """(i) => [...document.querySelectorAll('#figures-table tbody tr:not([hidden])')]
                  .map(r => r.cells[i].getAttribute('data-sort'))""",
        index,
    )


def test_sorting_by_value_ascending_then_descending(page, package):
    figures = package[1]["figures"]
    button = page.locator("#figures-table thead button[data-col='1']")
    button.click()
    values = [float(v) for v in _column(page, 1) if v]
    assert values == sorted(figures["value"].astype(float))
    assert page.locator("#figures-table thead th").nth(1).get_attribute("aria-sort") == "ascending"
    button.click()
    values = [float(v) for v in _column(page, 1) if v]
    assert values == sorted(figures["value"].astype(float), reverse=True)
    assert page.locator("#figures-table thead th").nth(1).get_attribute("aria-sort") == "descending"


def test_sorting_by_text_and_filtering_together(page):
    page.select_option("#filter-unit", "count")
    page.locator("#figures-table thead button[data-col='4']").click()  # unit: all "count"
    page.locator("#figures-table thead button[data-col='0']").click()  # figure text
    texts = page.evaluate(
        "[...document.querySelectorAll('#figures-table tbody tr:not([hidden]) td.col-text .figtext')].map(e => e.textContent)"
    )
    assert texts == sorted(texts, key=lambda t: float(t))  # numeric-aware collation
    assert len(texts) == visible_rows(page).count() > 1


def test_a_highlighted_figure_scrolls_to_its_row_and_back(page, package):
    figures = package[1]["figures"]
    fid = figures.iloc[-2]["figure_id"]  # deep in the second article
    sid = safe_id(fid)
    assert not in_viewport(page, f"#fig-{sid}")
    page.locator(f"#txt-{sid}").scroll_into_view_if_needed()
    page.click(f"#txt-{sid}")
    page.wait_for_function(f"location.hash === '#fig-{sid}'")
    assert page.evaluate(f"document.querySelector('#fig-{sid}').matches(':target')")
    page.wait_for_function(
        f"""(() => {{ const r = document.querySelector('#fig-{sid}').getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight; }})()"""
    )
    # And back from the row to the text.
    page.click(f"#fig-{sid} a.back")
    page.wait_for_function(f"location.hash === '#txt-{sid}'")
    assert page.evaluate(f"document.querySelector('#txt-{sid}').matches(':target')")
    assert in_viewport(page, f"#txt-{sid}")


def test_a_figure_hidden_by_the_filters_is_shown_when_followed(page, package):
    figures = package[1]["figures"]
    row = figures[figures["unit"] == "count"].iloc[-1]
    sid = safe_id(row["figure_id"])
    page.select_option("#filter-unit", "percent")
    assert page.locator(f"#fig-{sid}").is_hidden()
    page.click(f"#txt-{sid}")
    page.wait_for_function(f"location.hash === '#fig-{sid}'")
    assert page.locator(f"#fig-{sid}").is_visible()
    assert page.input_value("#filter-unit") == ""
    page.wait_for_function(
        f"""(() => {{ const r = document.querySelector('#fig-{sid}').getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }})()"""
    )


def test_every_figure_is_highlighted_in_the_rendered_text(page, package):
    figures = package[1]["figures"]
    got = page.evaluate("[...document.querySelectorAll('.doc-text a.hl.fig')].map(a => [a.id, a.textContent])")
    assert sorted(got) == sorted([f"txt-{safe_id(f)}", t] for f, t in zip(figures["figure_id"], figures["text"]))


def test_a_hostile_article_runs_nothing_and_shows_as_text(page):
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("body").is_visible()  # the injected <style> did not apply
    text = page.locator("#doc-hostile .doc-text").inner_text()
    assert HOSTILE in text
    assert page.locator("#doc-hostile h3").inner_text() == "<script>window.pwned=6</script>Hostile"
    row = page.locator("#fig-hostile_3a_7")
    assert '<img src=x onerror="window.pwned=4">' in row.inner_text()
    assert "<script>window.pwned=5</script>" in row.inner_text()
    assert page.title().startswith("Sahel figures <img src=x onerror=window.pwned=8>")
    # Clicking around (the hostile highlight, its row's links) still runs nothing.
    page.click("#txt-hostile_3a_7")
    page.click("#fig-hostile_3a_7 a.back")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#doc-hostile a[href^='javascript']").count() == 0


def test_screenshot_script_writes_a_png(tmp_path, package):
    """scripts/screenshot.py, as `make screenshot` runs it, on a rendered page."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text(render_index(*package), encoding="utf-8")
    out = tmp_path / "shot.png"
    subprocess.run([sys.executable, str(repo / "scripts" / "screenshot.py"), str(dist), "--out", str(out)],
                   check=True, timeout=120, capture_output=True)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 10_000  # a real picture, not a placeholder
