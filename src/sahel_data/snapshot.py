"""Snapshot a source article into raw/: fetch or copy it, keep the original,
extract the main text of web pages and record where it came from.

`add_source` is what `sahel-data add URL-or-FILE` runs:

- an http(s) URL or a local ``.html``/``.htm`` file is kept as
  ``raw/<id>.html`` and its main text (found by trafilatura) is stored as
  ``raw/<id>.txt`` (UTF-8, LF line ends);
- a local ``.txt`` file is copied byte for byte to ``raw/<id>.txt``;
- ``raw/<id>.meta.json`` gets the title, publication date, author, URL,
  publisher and language found in the page (values given on the command
  line win), the date of retrieval, the sha256 of ``raw/<id>.txt``
  (``sha256``, checked by the raw reader) and, for a web page, the sha256 of
  the saved ``raw/<id>.html`` (``html_sha256``).

Every file is first written to a temporary file in raw/ and then renamed, so a
failure never leaves a half-written document behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import re
import ssl
import tempfile
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from sahel_data.documents import DOCUMENT_ID
from sahel_data.errors import InputError

__all__ = ["add_source", "html_to_text", "slugify", "fetch_url", "MAX_BYTES"]

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_ID_LENGTH = 60

#: Largest page or file accepted (bytes).
MAX_BYTES = 50 * 1024 * 1024
#: Seconds to wait for the server to connect or send data.
TIMEOUT = 30.0
#: How many times a transient failure is retried after the first attempt.
RETRIES = 3
#: Wait before the first retry, doubled for each later one (seconds).
RETRY_BACKOFF = 0.5
#: Longest wait honoured from a Retry-After header (seconds).
MAX_RETRY_AFTER = 10.0
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

USER_AGENT = "sahel-data snapshot (+https://github.com/sahel-data)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt"})

# Magic numbers of common non-HTML files served or saved under the wrong name.
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF file (WebP image or audio)"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_LANG_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


def add_source(
    source: str,
    raw_dir: Path,
    *,
    document_id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    author: str | None = None,
    today: str | None = None,
) -> str:
    """Store `source` (URL, .html/.htm or .txt file) in `raw_dir`; return its id.

    Raises `InputError` naming the source, the id or the file for every
    problem a user can fix (bad id, unreachable URL, 404, not HTML, no text,
    no title, no publication date, id taken by another document, ...).
    """
    raw_dir = Path(raw_dir)
    source = str(source).strip()
    if not source:
        raise InputError("add", "no source given: pass a URL or a .html, .htm or .txt file")
    if document_id is not None:
        check_document_id(document_id)
    title = _blank_to_none(title)
    author = _blank_to_none(author)
    published = _blank_to_none(published)
    if published is not None:
        published = _check_iso_date(published, "--published")
    if today is None:
        today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    else:
        today = _check_iso_date(today, "today")

    original, kind, url, charset = _load(source)

    page: dict[str, str] = {}
    text_bytes: bytes | None = None
    if kind == "html":
        html = decode_html(original, charset)
        text = html_to_text(html, where=source)
        text_bytes = text.encode("utf-8")
        page = page_metadata(html, url=url, today=today)
    else:
        _check_plain_text(original, source)

    title = title or page.get("title")
    if not title:
        raise InputError(
            source,
            "no title found in the page; give one with --title"
            if kind == "html"
            else "a text file carries no title; give one with --title",
        )
    published = published or page.get("published")
    if not published:
        raise InputError(
            source,
            "no publication date found in the page; give it with --published YYYY-MM-DD"
            if kind == "html"
            else "a text file carries no publication date; give it with --published YYYY-MM-DD",
        )
    if document_id is None:
        document_id = slugify(title)
        if not document_id:
            raise InputError(
                source,
                f"cannot make a document id from the title {title!r}; give one with --id",
            )

    # `sha256` guards the text the dataset's offsets index (raw/<id>.txt): the
    # raw reader refuses a text whose digest no longer matches. A web page's
    # original bytes get their own digest.
    stored_text = original if kind == "txt" else text_bytes
    assert stored_text is not None
    meta: dict[str, str] = {
        "title": title,
        "published": published,
        "retrieved": today,
        "sha256": hashlib.sha256(stored_text).hexdigest(),
    }
    if kind == "html":
        meta["html_sha256"] = hashlib.sha256(original).hexdigest()
    for key in ("author", "publisher", "language", "license"):
        value = author if key == "author" and author else page.get(key)
        if value:
            meta[key] = value
    page_url = page.get("url") or url
    if page_url:
        meta["url"] = page_url
    meta_bytes = (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode(
        "utf-8"
    )

    files: dict[str, bytes] = {}
    if kind == "html":
        files[f"{document_id}.html"] = original
        assert text_bytes is not None
        files[f"{document_id}.txt"] = text_bytes
    else:
        files[f"{document_id}.txt"] = original
    files[f"{document_id}.meta.json"] = meta_bytes

    if _already_stored(raw_dir, document_id, kind, original):
        meta_path = raw_dir / f"{document_id}.meta.json"
        if not meta_path.exists():  # complete a document left without metadata
            _write_all(raw_dir, {meta_path.name: meta_bytes})
        return document_id

    _write_all(raw_dir, files)
    return document_id


def html_to_text(html: str, where: str) -> str:
    """Main text of a saved web page, as trafilatura finds it.

    Paragraphs are separated by a line end; the text uses LF line ends and
    ends with one. Raises `InputError(where, ...)` if no text can be found.
    """
    import trafilatura  # slow to import: only when needed

    if not html or not html.strip():
        raise InputError(where, "the page is empty")
    try:
        tree = _collapse_whitespace(html)
        text = trafilatura.extract(
            tree,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception as exc:  # trafilatura or lxml choking on the markup
        raise InputError(where, f"cannot read the page as HTML: {exc}") from exc
    text = normalize_text(text or "")
    if not text.strip():
        raise InputError(
            where,
            "no main text found in the page (is it an article? pages that build "
            "their text with JavaScript cannot be read: save the text as a .txt file)",
        )
    return text


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_KEEP_SPACE = frozenset({"pre", "textarea", "script", "style", "listing", "plaintext", "xmp"})


def _collapse_whitespace(html: str):
    """Parse the page and collapse runs of HTML white space to one space, as a
    browser shows them (not in <pre>), so that a line break in the markup in
    the middle of a sentence does not break the extracted sentence."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise ValueError("not an HTML document")
    keep: set = set()
    for element in tree.iter(*_KEEP_SPACE):
        keep.update(element.iter())
    for element in tree.iter():
        if element.text and element not in keep and isinstance(element.tag, str):
            element.text = _HTML_SPACE.sub(" ", element.text)
        parent = element.getparent()
        if element.tail and (parent is None or parent not in keep):
            element.tail = _HTML_SPACE.sub(" ", element.tail)
    return tree


def normalize_text(text: str) -> str:
    """LF line ends, no trailing spaces on lines, one final line end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    return text + "\n" if text else ""


def slugify(title: str, max_length: int = MAX_ID_LENGTH) -> str:
    """Lower-case ASCII slug of `title` (letters, digits, single '-')."""
    ascii_title = (
        unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
        slug = slug.strip("-")
    return slug


def check_document_id(document_id: str) -> str:
    """Return `document_id` if it is a valid id, else raise `InputError`."""
    if not isinstance(document_id, str) or not DOCUMENT_ID.match(document_id):
        raise InputError(
            f"--id {document_id!r}",
            "a document id may hold only lower-case letters a-z, digits and single '-' "
            "between them (e.g. 'acled-mali-2024-06')",
        )
    if len(document_id) > 200:
        raise InputError(f"--id {document_id[:40]!r}...", "a document id may be at most 200 characters")
    return document_id


# --------------------------------------------------------------------------
# fetching
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str  # media type, lower case, no parameters ("" if none)
    charset: str | None
    url: str  # after redirects


def fetch_url(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET `url`, retrying transient failures (connection errors, 408/429/5xx).

    A 4xx answer, a body larger than `max_bytes` or repeated failures raise
    `InputError(url, ...)`.
    """
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        },
    )
    attempts = RETRIES + 1
    last_problem = ""
    for attempt in range(attempts):
        wait = RETRY_BACKOFF * (2**attempt)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                headers = response.headers
                _check_length(headers.get("Content-Length"), url, max_bytes)
                body = _read_bounded(response, url, max_bytes)
                content_type, charset = _content_type(headers)
                return Fetched(body, content_type, charset, response.geturl() or url)
        except urllib.error.HTTPError as exc:
            status = exc.code
            reason = (exc.reason or http.client.responses.get(status, "")).strip()
            exc.close()
            if status in TRANSIENT_STATUS or status >= 500:
                last_problem = f"the server answered HTTP {status} {reason}".rstrip()
                wait = max(wait, _retry_after(exc.headers))
            else:
                hint = {
                    404: " (no such page: check the URL)",
                    410: " (the page was removed)",
                    401: " (the page needs a login: save it from a browser and add the file)",
                    403: " (access refused: save the page from a browser and add the file)",
                }.get(status, "")
                answer = f"HTTP {status} {reason}".rstrip()
                raise InputError(url, f"the server answered {answer}{hint}") from None
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            # connection refused or reset, timeout, DNS failure, truncated body
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if isinstance(reason, str) and "unknown url type" in reason:
                raise InputError(url, "not a URL this tool can fetch (http or https only)") from None
            if isinstance(reason, ssl.SSLCertVerificationError):  # retrying will not help
                raise InputError(
                    url, f"the server's certificate cannot be trusted: {reason.verify_message}"
                ) from None
            last_problem = f"cannot connect or read: {reason or type(exc).__name__}"
        except ValueError as exc:  # malformed URL
            raise InputError(url, f"not a valid URL: {exc}") from None
        if attempt + 1 < attempts:
            time.sleep(wait)
    raise InputError(url, f"{last_problem}; gave up after {attempts} attempts")


def _check_length(value: str | None, url: str, max_bytes: int) -> None:
    if value and value.strip().isdigit() and int(value) > max_bytes:
        raise InputError(
            url, f"the page is {int(value):,} bytes, more than the limit of {max_bytes:,} bytes"
        )


def _read_bounded(response, url: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, f"the page is larger than the limit of {max_bytes:,} bytes")
    return b"".join(chunks)


def _content_type(headers: Message) -> tuple[str, str | None]:
    value = headers.get("Content-Type")
    if not value:
        return "", None
    msg = Message()
    msg["Content-Type"] = value
    return msg.get_content_type().lower(), msg.get_param("charset")  # type: ignore[return-value]


def _retry_after(headers: Message | None) -> float:
    value = (headers or {}).get("Retry-After") if headers is not None else None
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER) if value else 0.0
    except ValueError:
        return 0.0


# --------------------------------------------------------------------------
# loading a source
# --------------------------------------------------------------------------

def _load(source: str) -> tuple[bytes, str, str | None, str | None]:
    """Bytes of the source, its kind ("html" or "txt"), its URL (or None) and
    the charset the server declared (or None)."""
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        fetched = fetch_url(source)
        body = fetched.body
        if not body.strip():
            raise InputError(source, "the server sent an empty page")
        what = _binary_kind(body)
        if fetched.content_type in HTML_TYPES:
            if what:
                raise InputError(source, f"the server says HTML but sent {what}")
            return body, "html", source, fetched.charset
        if fetched.content_type in TEXT_TYPES:
            if what:
                raise InputError(source, f"the server says plain text but sent {what}")
            if _looks_like_html(body):
                return body, "html", source, fetched.charset
            return body, "txt", source, fetched.charset
        if not fetched.content_type and not what and _looks_like_html(body):
            return body, "html", source, None
        described = fetched.content_type or "no content type"
        raise InputError(
            source,
            f"not an HTML page: the server sent {described}"
            + (f" ({what})" if what else "")
            + "; only web pages and plain text can be added (save other documents as .txt)",
        )
    if len(scheme) > 1 and "://" in source:  # ftp://, file://, ... (not C:\ paths)
        raise InputError(source, f"cannot fetch {scheme}:// addresses: give an http(s) URL or a local file")

    path = Path(source).expanduser()
    if not path.exists():
        raise InputError(source, "no such file (give an http(s) URL or a .html, .htm or .txt file)")
    if not path.is_file():
        raise InputError(source, "not a file")
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        raise InputError(
            source, f"cannot add a {suffix or 'suffix-less'} file: only .html, .htm and .txt files can be added"
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(source, f"the file is {size:,} bytes, more than the limit of {MAX_BYTES:,} bytes")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read the file: {exc.strerror or exc}") from None
    if not body.strip():
        raise InputError(source, "the file is empty")
    what = _binary_kind(body)
    if what:
        raise InputError(source, f"the file is {what}, not {'HTML' if suffix in HTML_SUFFIXES else 'text'}")
    return body, ("html" if suffix in HTML_SUFFIXES else "txt"), None, None


def _binary_kind(body: bytes) -> str | None:
    head = body[:16].lstrip()
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return what
    if b"\x00" in body[:4096] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:1024]


def decode_html(body: bytes, charset: str | None = None) -> str:
    """Decode a page: HTTP charset, else <meta charset>, else UTF-8, else a guess."""
    candidates: list[str] = []
    if charset:
        candidates.append(charset)
    match = _META_CHARSET.search(body[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for encoding in candidates:
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    from trafilatura.utils import decode_file

    return decode_file(body)


def _check_plain_text(body: bytes, where: str) -> None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"not valid UTF-8 (byte {exc.start}): re-save the file as UTF-8",
        ) from None
    if not text.strip():
        raise InputError(where, "the file is empty")
    if _looks_like_html(body):
        raise InputError(
            where, "this is an HTML page, not plain text: save it as .html and add that file"
        )


# --------------------------------------------------------------------------
# page metadata
# --------------------------------------------------------------------------


def page_metadata(html: str, *, url: str | None, today: str) -> dict[str, str]:
    """Title, author, published, url, publisher, language, license found in the page."""
    import lxml.html
    from trafilatura.metadata import extract_metadata

    found: dict[str, str] = {}
    try:
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:
        return found
    try:
        doc = extract_metadata(
            tree,
            default_url=url,
            date_config={"original_date": True, "extensive_search": False, "max_date": today},
            extensive=False,
        )
    except Exception:  # a metadata bug must not stop the snapshot
        doc = None
    if doc is not None:
        for key, value in (
            ("title", doc.title),
            ("author", doc.author),
            ("publisher", doc.sitename),
            ("license", doc.license),
        ):
            value = _clean(value)
            if value:
                found[key] = value
        date = _clean(doc.date)
        if date and ISO_DATE.match(date):
            try:
                dt.date.fromisoformat(date)
                found["published"] = date
            except ValueError:
                pass
        host_name = _host_label(url)
        if found.get("publisher") and host_name and found["publisher"].lower() == host_name.lower():
            del found["publisher"]  # trafilatura's guess from the URL, not the page
    canonical = _canonical_url(tree, url) or (_clean(doc.url) if doc is not None else None)
    if canonical and urllib.parse.urlsplit(canonical).scheme in ("http", "https"):
        found["url"] = canonical
    language = _page_language(tree)
    if language:
        found["language"] = language
    return found


def _canonical_url(tree, base: str | None) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            return urllib.parse.urljoin(base, href) if base else href
    return None


def _page_language(tree) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        match = _LANG_TAG.match((value or "").strip())
        if match:
            return match.group(1).lower()
    return None


def _host_label(url: str | None) -> str | None:
    """The site name trafilatura makes up from a URL (host and port, no www.)."""
    match = re.match(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)", url or "")
    return match.group(1) if match else None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", str(value)).strip()
    return value or None


def _check_iso_date(value: str, where: str) -> str:
    value = str(value).strip()
    if ISO_DATE.match(value):
        try:
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise InputError(f"{where} {value!r}", "not a date: write it as YYYY-MM-DD (e.g. 2024-06-23)")


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------


def _already_stored(raw_dir: Path, document_id: str, kind: str, original: bytes) -> bool:
    """True if raw/ holds this very document; InputError if the id is taken."""
    html_path = raw_dir / f"{document_id}.html"
    txt_path = raw_dir / f"{document_id}.txt"
    meta_path = raw_dir / f"{document_id}.meta.json"
    existing = [p for p in (html_path, txt_path, meta_path, raw_dir / f"{document_id}.htm") if p.exists()]
    if not existing and raw_dir.is_dir():
        # documents may sit in sub-folders of raw/: their ids must not clash either
        names = {f"{document_id}{suffix}" for suffix in (".txt", ".html", ".htm", ".meta.json")}
        existing = sorted(p for p in raw_dir.rglob(f"{document_id}.*") if p.name.lower() in names)
    if not existing:
        return False
    stored = html_path if html_path.exists() else txt_path
    same_kind = (kind == "html") == (stored == html_path)
    if stored.exists() and same_kind and stored.read_bytes() == original:
        return True
    raise InputError(
        existing[0],
        f"the document id {document_id!r} is already used by a different document; "
        "give another one with --id",
    )


def _write_all(raw_dir: Path, files: dict[str, bytes]) -> None:
    """Write every file to a temporary name, then rename them all into place."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=raw_dir)
            temps.append((Path(tmp), raw_dir / name))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise InputError(raw_dir, f"cannot write the document: {exc.strerror or exc}") from None
    done: list[Path] = []
    try:
        for tmp, final in temps:
            os.replace(tmp, final)
            done.append(final)
    except OSError as exc:
        for final in done:
            final.unlink(missing_ok=True)
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise InputError(raw_dir, f"cannot write the document: {exc.strerror or exc}") from None
