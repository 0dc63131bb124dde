"""`sahel-data add`: snapshot a web page or a file into raw/.

Pages are served by a local HTTP server on 127.0.0.1 (random free port), so
the tests need no network.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sahel_data import snapshot
from sahel_data.errors import InputError
from sahel_data.snapshot import add_source, html_to_text, slugify

ARTICLE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Attacks on civilians rise in central Sahel | Sahel Monitor</title>
<meta property="og:title" content="Attacks on civilians rise in central Sahel">
<meta property="og:site_name" content="Sahel Monitor">
<meta name="author" content="Aminata Traoré">
<meta property="article:published_time" content="2024-06-23T08:15:00+00:00">
<link rel="canonical" href="https://news.example.org/2024/06/attacks-central-sahel">
<script>window.dataLayer = [{"page": "article", "n": 1000}];
function teaser() { return "<p>Script text 777 must not appear</p>"; }</script>
<style>.ad { display: none } p::before { content: "99 %" }</style>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li>
<li><a href="/subscribe">Subscribe for 1 € a month</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<main>
<article>
<h1>Attacks on civilians rise in central Sahel</h1>
<p class="byline">By <span class="author">Aminata Traoré</span> &middot;
<time datetime="2024-06-23">23 June 2024</time></p>
<p>Violence against civilians in Burkina Faso, Mali and Niger rose by more than 40&nbsp;%
in the first half of 2024, according to the Africa Center for Strategic Studies.</p>
<p>The centre counted 1,292 predatory attacks between January and June, up from 914 in the
same period a year earlier.<br>Most took place in rural areas of the Liptako-Gourma region.</p>
<div class="ad"><script>document.write("<p>Advertisement 250,000 impressions</p>")</script>
<iframe src="https://ads.example.com/x"></iframe></div>
<p>Between 60 and 70 % of the deaths were attributed to JNIM, the group said, while the
Islamic State Sahel Province accounted for most of the rest. <b>Some 2.1 million people</b>
are now displaced in Burkina Faso alone<sup>[1]</sup>.</p>
<blockquote><p>&ldquo;The numbers are the highest we have recorded,&rdquo; a researcher told
reporters in Dakar.</p></blockquote>
<table><tr><th>Country</th><th>Events</th></tr><tr><td>Burkina Faso</td><td>612</td></tr>
<tr><td>Mali</td><td>451</td></tr><tr><td>Niger</td><td>229</td></tr></table>
<p>Humanitarian agencies say they need US$&nbsp;1.5 billion to respond this year, but had
received less than a third of it by the end of May.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Coup in Niger: one year on</a></li>
<li><a href="/b">Wagner leaves Mali</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Great piece! 5 stars.</p>
</div></section>
</main>
<footer><p>&copy; 2024 Sahel Monitor. All rights reserved.</p></footer>
</body>
</html>
"""

# The same kind of page with no date anywhere in its metadata.
UNDATED = """<!DOCTYPE html>
<html><head><title>Displacement in the Liptako-Gourma</title></head>
<body><article><h1>Displacement in the Liptako-Gourma</h1>
<p>More than two million people have fled their homes in the border area shared by
Burkina Faso, Mali and Niger, aid agencies say, and the number keeps growing.</p>
<p>Camps around Djibo and Kaya hold about 300,000 of them, many without clean water or
enough food, and humanitarian convoys are regularly attacked on the roads.</p>
</article></body></html>
"""

# French, windows-1252, with the charset only in the HTTP header.
LATIN1 = """<!DOCTYPE html>
<html lang="fr"><head><title>Mali : l'armée revendique la reprise de Kidal</title>
<meta name="date" content="2023-11-14"></head>
<body><article><h1>Mali : l'armée revendique la reprise de Kidal</h1>
<p>L'armée malienne a annoncé mardi avoir repris le contrôle de Kidal, fief des rebelles
touareg, après plusieurs jours de combats qui auraient fait des dizaines de morts.</p>
<p>Selon un élu local, près de 1 500 personnes ont fui la ville vers l'Algérie au cours
de la semaine précédente, une estimation que l'état-major n'a pas confirmée.</p>
</article></body></html>
"""

SCRIPT_ONLY = """<!DOCTYPE html><html><head><title>App</title>
<meta property="article:published_time" content="2024-01-02"></head>
<body><div id="root"></div><script>render({"text": "Loading 1,000 items"});</script></body></html>
"""

PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32


class _Handler(BaseHTTPRequestHandler):
    server: _Server  # type: ignore[assignment]

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str | None, headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = self.path.split("?")[0]
        hits = self.server.hit(path)
        html = "text/html; charset=utf-8"
        if path == "/article":
            self._send(200, ARTICLE.encode("utf-8"), html)
        elif path == "/moved":
            self._send(301, b"", html, [("Location", "/article")])
        elif path == "/flaky":  # fails twice, then works
            if hits <= 2:
                self._send(503, b"<h1>Service Unavailable</h1>", html)
            else:
                self._send(200, ARTICLE.encode("utf-8"), html)
        elif path == "/busy":  # 429 once, with Retry-After
            if hits == 1:
                self._send(429, b"slow down", "text/plain", [("Retry-After", "0")])
            else:
                self._send(200, ARTICLE.encode("utf-8"), html)
        elif path == "/down":
            self._send(503, b"<h1>Service Unavailable</h1>", html)
        elif path == "/gone":
            self._send(404, b"<h1>Not Found</h1>", html)
        elif path == "/private":
            self._send(403, b"<h1>Forbidden</h1>", html)
        elif path == "/report.pdf":
            self._send(200, PDF_BYTES, "application/pdf")
        elif path == "/chart.png":
            self._send(200, PNG_BYTES, "image/png")
        elif path == "/disguised":  # says HTML, sends a PNG
            self._send(200, PNG_BYTES, html)
        elif path == "/undated":
            self._send(200, UNDATED.encode("utf-8"), html)
        elif path == "/latin1":
            self._send(200, LATIN1.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/app":
            self._send(200, SCRIPT_ONLY.encode("utf-8"), html)
        elif path == "/notes.txt":
            self._send(200, "Some 300 people fled.\n".encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/empty":
            self._send(200, b"", html)
        else:
            self._send(404, b"no route", "text/plain")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()

    def hit(self, path: str) -> int:
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]


@pytest.fixture(scope="module")
def server():
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch):
    monkeypatch.setattr(snapshot, "RETRY_BACKOFF", 0.01)
    monkeypatch.setattr(snapshot, "TIMEOUT", 5.0)


def url(server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def files(folder: Path) -> list[str]:
    """Every entry of `folder`, hidden temporary files included."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def meta_of(raw: Path, doc_id: str) -> dict:
    return json.loads((raw / f"{doc_id}.meta.json").read_text(encoding="utf-8"))


# -------------------------------------------------------------- fetching


def test_fetch_article_stores_page_text_and_metadata(server, tmp_path):
    raw = tmp_path / "raw"
    doc_id = add_source(url(server, "/article"), raw, today="2024-07-01")

    assert doc_id == "attacks-on-civilians-rise-in-central-sahel"
    assert files(raw) == [f"{doc_id}.html", f"{doc_id}.meta.json", f"{doc_id}.txt"]
    assert (raw / f"{doc_id}.html").read_bytes() == ARTICLE.encode("utf-8")

    text = (raw / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert "1,292 predatory attacks" in text
    assert "Between 60 and 70 % of the deaths" in text
    assert "Some 2.1 million people are now displaced" in text
    assert "1.5 billion" in text
    assert "Burkina Faso | 612" in text  # tables are kept
    for junk in ("Script text 777", "dataLayer", "Advertisement", "cookies", "Subscribe",
                 "All rights reserved", "Great piece", "99 %"):
        assert junk not in text
    raw_txt = (raw / f"{doc_id}.txt").read_bytes()
    assert b"\r" not in raw_txt and raw_txt.endswith(b"\n") and not raw_txt.endswith(b"\n\n")

    meta_bytes = (raw / f"{doc_id}.meta.json").read_bytes()
    meta = json.loads(meta_bytes)
    assert meta == {
        "title": "Attacks on civilians rise in central Sahel",
        "author": "Aminata Traoré",
        "published": "2024-06-23",
        "publisher": "Sahel Monitor",
        "language": "en",
        "url": "https://news.example.org/2024/06/attacks-central-sahel",
        "retrieved": "2024-07-01",
        "sha256": hashlib.sha256(raw_txt).hexdigest(),
        "html_sha256": hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest(),
    }
    # sorted keys, 2-space indent, UTF-8 as is, trailing newline
    assert meta_bytes.decode("utf-8") == json.dumps(meta, indent=2, sort_keys=True,
                                                    ensure_ascii=False) + "\n"


def test_command_line_values_win_over_page(server, tmp_path):
    raw = tmp_path / "raw"
    doc_id = add_source(
        url(server, "/article"), raw, document_id="sm-2024-06-civilians",
        title="Civilians under attack", published="2024-06-24", author="Desk", today="2024-07-01",
    )
    assert doc_id == "sm-2024-06-civilians"
    meta = meta_of(raw, doc_id)
    assert (meta["title"], meta["published"], meta["author"]) == (
        "Civilians under attack", "2024-06-24", "Desk")


def test_transient_failures_are_retried(server, tmp_path):
    raw = tmp_path / "raw"
    doc_id = add_source(url(server, "/flaky"), raw, document_id="flaky", today="2024-07-01")
    assert server.hits["/flaky"] == 3  # 503, 503, 200
    assert (raw / "flaky.html").read_bytes() == ARTICLE.encode("utf-8")
    assert doc_id == "flaky"

    add_source(url(server, "/busy"), raw, document_id="busy", today="2024-07-01")
    assert server.hits["/busy"] == 2  # 429 then 200


def test_persistent_5xx_gives_up_with_clear_message(server, tmp_path):
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(url(server, "/down"), raw, document_id="down")
    assert err.value.where == url(server, "/down")
    assert "HTTP 503" in err.value.problem
    assert f"gave up after {snapshot.RETRIES + 1} attempts" in err.value.problem
    assert server.hits["/down"] == snapshot.RETRIES + 1
    assert files(raw) == []


def test_404_is_a_clear_error_and_not_retried(server, tmp_path):
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(url(server, "/gone"), raw)
    assert err.value.where == url(server, "/gone")
    assert "HTTP 404 Not Found" in err.value.problem
    assert server.hits["/gone"] == 1
    assert files(raw) == []

    with pytest.raises(InputError, match="HTTP 403"):
        add_source(url(server, "/private"), raw)


def test_redirect_is_followed(server, tmp_path):
    raw = tmp_path / "raw"
    doc_id = add_source(url(server, "/moved"), raw, today="2024-07-01")
    assert (raw / f"{doc_id}.html").read_bytes() == ARTICLE.encode("utf-8")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/report.pdf", "not an HTML page: the server sent application/pdf (a PDF document)"),
        ("/chart.png", "not an HTML page: the server sent image/png (a PNG image)"),
        ("/disguised", "the server says HTML but sent a PNG image"),
        ("/empty", "the server sent an empty page"),
    ],
)
def test_non_html_body_is_refused(server, tmp_path, path, expected):
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(url(server, path), raw, document_id="x", title="T", published="2024-01-01")
    assert err.value.where == url(server, path)
    assert expected in err.value.problem
    assert files(raw) == []


def test_page_without_date_asks_for_published(server, tmp_path):
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(url(server, "/undated"), raw, today="2024-07-01")
    assert err.value.where == url(server, "/undated")
    assert "no publication date found in the page" in err.value.problem
    assert "--published YYYY-MM-DD" in err.value.problem
    assert files(raw) == []

    doc_id = add_source(url(server, "/undated"), raw, published="2024-03-05", today="2024-07-01")
    assert doc_id == "displacement-in-the-liptako-gourma"
    meta = meta_of(raw, doc_id)
    assert meta["published"] == "2024-03-05"
    assert meta["url"] == url(server, "/undated")  # no canonical link: the source URL
    assert "author" not in meta and "publisher" not in meta


def test_charset_from_http_header(server, tmp_path):
    raw = tmp_path / "raw"
    doc_id = add_source(url(server, "/latin1"), raw, today="2024-07-01")
    assert doc_id == "mali-l-armee-revendique-la-reprise-de-kidal"
    text = (raw / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert "près de 1 500 personnes ont fui la ville vers l'Algérie" in text
    meta = meta_of(raw, doc_id)
    assert meta["language"] == "fr"
    assert meta["published"] == "2023-11-14"
    assert meta["title"] == "Mali : l'armée revendique la reprise de Kidal"
    # the original bytes are kept as served
    assert (raw / f"{doc_id}.html").read_bytes() == LATIN1.encode("cp1252")


def test_page_without_text_is_refused(server, tmp_path):
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(url(server, "/app"), raw, document_id="app")
    assert "no main text found in the page" in err.value.problem
    assert files(raw) == []


def test_plain_text_url_is_stored_as_text(server, tmp_path):
    raw = tmp_path / "raw"
    doc_id = add_source(url(server, "/notes.txt"), raw, title="Notes", published="2024-02-01",
                        today="2024-07-01")
    assert files(raw) == ["notes.meta.json", "notes.txt"]
    assert (raw / "notes.txt").read_bytes() == b"Some 300 people fled.\n"
    assert meta_of(raw, doc_id)["url"] == url(server, "/notes.txt")


def test_oversized_download_is_refused(server, tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "MAX_BYTES", 1000)
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(url(server, "/article"), raw)
    assert "more than the limit of 1,000 bytes" in err.value.problem
    assert files(raw) == []


def test_unreachable_host(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "RETRIES", 1)
    # a port nobody listens on: bind, read the number, close
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError) as err:
        add_source(f"http://127.0.0.1:{port}/x", tmp_path / "raw")
    assert "cannot connect or read" in err.value.problem
    assert "gave up after 2 attempts" in err.value.problem


def test_unsupported_scheme(tmp_path):
    with pytest.raises(InputError, match="cannot fetch ftp:// addresses"):
        add_source("ftp://example.org/a.html", tmp_path / "raw")


# -------------------------------------------------------------- local files


def test_local_html_file(tmp_path):
    page = tmp_path / "saved page.htm"
    page.write_text(ARTICLE, encoding="utf-8")
    raw = tmp_path / "raw"
    doc_id = add_source(str(page), raw, today="2024-07-01")
    assert doc_id == "attacks-on-civilians-rise-in-central-sahel"
    assert (raw / f"{doc_id}.html").read_bytes() == page.read_bytes()
    assert "1,292 predatory attacks" in (raw / f"{doc_id}.txt").read_text(encoding="utf-8")
    meta = meta_of(raw, doc_id)
    assert meta["url"] == "https://news.example.org/2024/06/attacks-central-sahel"  # canonical
    assert meta["retrieved"] == "2024-07-01"


def test_local_html_without_canonical_has_no_url(tmp_path):
    page = tmp_path / "undated.html"
    page.write_text(UNDATED, encoding="utf-8")
    doc_id = add_source(str(page), tmp_path / "raw", published="2024-03-05")
    meta = meta_of(tmp_path / "raw", doc_id)
    assert "url" not in meta  # never a local path
    assert len(meta["retrieved"]) == 10  # today's date by default


def test_txt_file_is_copied_byte_for_byte(tmp_path):
    source = tmp_path / "note.txt"
    data = "Some 1,200 people fled Djibo.\r\nAbout 40 % were children.\r\n".encode("utf-8")
    source.write_bytes(data)
    raw = tmp_path / "raw"
    doc_id = add_source(str(source), raw, title="Flight from Djibo", published="2024-05-01",
                        today="2024-07-01")
    assert doc_id == "flight-from-djibo"
    assert files(raw) == ["flight-from-djibo.meta.json", "flight-from-djibo.txt"]
    assert (raw / "flight-from-djibo.txt").read_bytes() == data
    assert meta_of(raw, doc_id) == {
        "title": "Flight from Djibo",
        "published": "2024-05-01",
        "retrieved": "2024-07-01",
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def test_txt_file_needs_title_and_published(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("Some 300 people fled.\n", encoding="utf-8")
    raw = tmp_path / "raw"
    with pytest.raises(InputError) as err:
        add_source(str(source), raw, published="2024-05-01")
    assert err.value.problem == "a text file carries no title; give one with --title"
    with pytest.raises(InputError) as err:
        add_source(str(source), raw, title="Note")
    assert err.value.where == str(source)
    assert "--published YYYY-MM-DD" in err.value.problem
    assert files(raw) == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        ("Kidal, d\xe9cembre".encode("latin-1"), "not valid UTF-8 (byte 8)"),
        (PDF_BYTES, "the file is a PDF document, not text"),
        (ARTICLE.encode("utf-8"), "this is an HTML page, not plain text: save it as .html"),
    ],
)
def test_bad_txt_file(tmp_path, content, expected):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    with pytest.raises(InputError) as err:
        add_source(str(source), tmp_path / "raw", title="T", published="2024-01-01")
    assert expected in err.value.problem
    assert files(tmp_path / "raw") == []


def test_missing_or_unsupported_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        add_source(str(tmp_path / "nope.html"), tmp_path / "raw")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF_BYTES)
    with pytest.raises(InputError, match=r"cannot add a \.pdf file"):
        add_source(str(pdf), tmp_path / "raw")
    fake = tmp_path / "fake.html"
    fake.write_bytes(PNG_BYTES)
    with pytest.raises(InputError, match="the file is a PNG image, not HTML"):
        add_source(str(fake), tmp_path / "raw")


# -------------------------------------------------------------- ids and dates


@pytest.mark.parametrize("bad", ["../x", "a b", "Mali-2024", "a--b", "-a", "a-", "", "a_b", "é"])
def test_bad_ids_are_refused(tmp_path, bad):
    source = tmp_path / "note.txt"
    source.write_text("Some 300 people fled.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        add_source(str(source), tmp_path / "raw", document_id=bad, title="T", published="2024-01-01")
    assert err.value.where == f"--id {bad!r}"
    assert "lower-case letters a-z, digits and single '-'" in err.value.problem
    assert files(tmp_path / "raw") == []
    assert not (tmp_path / "x.txt").exists()


@pytest.mark.parametrize("bad", ["23/06/2024", "2024-6-23", "20240623", "2024-02-30", "June 2024"])
def test_bad_published_is_refused(tmp_path, bad):
    source = tmp_path / "note.txt"
    source.write_text("Some 300 people fled.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        add_source(str(source), tmp_path / "raw", title="T", published=bad)
    assert err.value.where == f"--published {bad!r}"
    assert "write it as YYYY-MM-DD" in err.value.problem


def test_title_without_letters_needs_id(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("Some 300 people fled.\n", encoding="utf-8")
    expected = "cannot make a document id from the title '???'; give one with --id"
    with pytest.raises(InputError, match=re.escape(expected)):
        add_source(str(source), tmp_path / "raw", title="???", published="2024-01-01")


def test_slugify():
    assert slugify("Mali : l'armée revendique la reprise de Kidal") == (
        "mali-l-armee-revendique-la-reprise-de-kidal")
    assert slugify("  JNIM & ISSP — 2024 figures!  ") == "jnim-issp-2024-figures"
    long = slugify("Violence against civilians in Burkina Faso, Mali and Niger rose sharply in 2024")
    assert len(long) <= 60 and not long.endswith("-")
    assert long == "violence-against-civilians-in-burkina-faso-mali-and-niger"
    assert slugify("x" * 80) == "x" * 60
    assert slugify("???") == ""


# -------------------------------------------------------------- duplicates


def test_same_document_twice_is_a_no_op(server, tmp_path):
    raw = tmp_path / "raw"
    first = add_source(url(server, "/article"), raw, today="2024-07-01")
    before = {name: (raw / name).read_bytes() for name in files(raw)}
    stamps = {name: os.stat(raw / name).st_mtime_ns for name in files(raw)}
    again = add_source(url(server, "/article"), raw, today="2024-08-01")
    assert again == first
    assert {name: (raw / name).read_bytes() for name in files(raw)} == before
    assert {name: os.stat(raw / name).st_mtime_ns for name in files(raw)} == stamps


def test_id_taken_by_another_document(tmp_path):
    raw = tmp_path / "raw"
    one = tmp_path / "one.txt"
    one.write_text("Some 300 people fled.\n", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("Some 400 people fled.\n", encoding="utf-8")
    add_source(str(one), raw, document_id="flight", title="T", published="2024-01-01")
    before = {name: (raw / name).read_bytes() for name in files(raw)}

    with pytest.raises(InputError) as err:
        add_source(str(two), raw, document_id="flight", title="T", published="2024-01-01")
    assert "the document id 'flight' is already used by a different document" in err.value.problem
    assert "--id" in err.value.problem
    assert err.value.where.endswith("flight.txt")
    assert {name: (raw / name).read_bytes() for name in files(raw)} == before

    # an id used in a sub-folder of raw/ is taken too
    (raw / "2023").mkdir()
    (raw / "2023" / "older.txt").write_text("Old text.\n", encoding="utf-8")
    with pytest.raises(InputError, match="already used") as err:
        add_source(str(two), raw, document_id="older", title="T", published="2024-01-01")
    assert err.value.where.endswith("2023/older.txt")
    (raw / "2023" / "older.txt").unlink()
    (raw / "2023").rmdir()

    # the same id from a title: also refused
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match="already used"):
        add_source(str(page), raw, document_id="flight")
    assert {name: (raw / name).read_bytes() for name in files(raw)} == before


# -------------------------------------------------------------- atomic writes


def test_nothing_half_written_when_a_rename_fails(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(snapshot.os, "replace", failing_replace)
    with pytest.raises(InputError) as err:
        add_source(str(page), raw, today="2024-07-01")
    assert "cannot write the document: No space left on device" in err.value.problem
    assert len(calls) == 2
    assert files(raw) == []  # neither the renamed file nor any temporary file


def test_nothing_half_written_when_a_write_fails(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    real_fsync = os.fsync
    count = []

    def failing_fsync(fd):
        count.append(fd)
        if len(count) == 3:  # the metadata, written last
            raise OSError(5, "Input/output error")
        return real_fsync(fd)

    monkeypatch.setattr(snapshot.os, "fsync", failing_fsync)
    with pytest.raises(InputError, match="cannot write the document: Input/output error"):
        add_source(str(page), raw, today="2024-07-01")
    assert files(raw) == []


# -------------------------------------------------------------- html_to_text


def test_html_to_text():
    text = html_to_text(ARTICLE, where="page.html")
    assert text.startswith("Attacks on civilians rise in central Sahel\n")
    assert "914 in the same period" in text
    assert text.endswith("\n") and "\r" not in text


@pytest.mark.parametrize("page", ["", "   ", SCRIPT_ONLY, "<html><body><div> </div></body></html>"])
def test_html_to_text_without_text(page):
    with pytest.raises(InputError) as err:
        html_to_text(page, where="raw/x.html")
    assert err.value.where == "raw/x.html"
    assert err.value.problem.startswith(("no main text found", "the page is empty"))


# -------------------------------------------------------------- the raw reader


def test_added_documents_are_read_by_the_raw_reader(server, tmp_path):
    from sahel_data.documents import discover, read_document

    raw = tmp_path / "raw"
    page_id = add_source(url(server, "/article"), raw, today="2024-07-01")
    note = tmp_path / "note.txt"
    note.write_text("Some 300 people fled.\n", encoding="utf-8")
    note_id = add_source(str(note), raw, title="Note", published="2024-01-01", today="2024-07-01")

    docs = {p.stem: read_document(p, raw) for p in discover(raw)}
    assert sorted(docs) == sorted([page_id, note_id])
    page = docs[page_id]
    assert page.sha256 == meta_of(raw, page_id)["sha256"]  # the reader's check passes
    assert "1,292 predatory attacks" in page.text
    assert page.meta["title"] == "Attacks on civilians rise in central Sahel"
