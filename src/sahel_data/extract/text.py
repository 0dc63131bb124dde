"""Paragraphs, sentences, clause segments and page furniture, as character spans.

All functions are pure and return offsets into the text exactly as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences", "segments", "insertions", "is_furniture_line", "mask_markup"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (block) the sentence is in
    furniture: bool  # page furniture: byline, share buttons, "8 min read" ...
    index: int = 0
    dates_ok: bool = True  # furniture that may still hold a date row (byline date, dateline)


# Lines that are page furniture, never prose.
_FURNITURE = re.compile(
    r"""^\s*(?:
        [-–•*]\s*\d+(?:\s*|-)min(?:ute)?s?\.?\s+read
      | \d+(?:\s*|-)min(?:ute)?s?\.?\s+read
      | (?:shares?|tweets?|likes?|comments?|replies|reposts?|retweets?|views?)\s*[:(]?\s*\d[\d,.]*[km]?\s*\)?
      | (?:[♥❤♡]\ufe0f?|🧵)\s*\d[\d,.]*[km]?(?:\s*/\s*\d+)?
      | \d+\s*/\s*\d+\s*🧵
      | (?:\d+\s+)?comments?
      | share(?:\s+(?:this|on\s+\w+))?
      | (?:tweet|print|email|e-mail|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|copy\s+link|follow(?:\s+us)?|subscribe|sign\s+up|log\s*in|read\s+more|advertisement|related(?:\s+articles?)?|listen|save|like|reply|menu|home|top)
      | (?:photo|image|credit|caption|image\s+source|image\s+caption|picture|photo\s+credit)\s*[:,].*
      | (?:published|updated|posted|last\s+updated|last\s+modified|modified)\b.{0,80}
      | reading\s+time\s*:.*
      | (?:reading\s+time|time\s+to\s+read)\s*:?\s*\d+\s*min(?:ute)?s?\.?(?:\s+(?:lire|read)\b.{0,40})?
      | \d+\s+(?:sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?)\s+ago
      | listen\s+to\s+(?:this\s+)?(?:article|story).{0,30}
      | (?:share|print|email|save)\s+this\s+(?:article|story|page|via\s+\w+).{0,40}
      | read\s+(?:more|next|also)\b.{0,80}
      | read\s+(?:more|next|also)\s*:.*
      | (?:contact|for\s+further\s+information|methodology)\s*:.*
      | by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})*
      | \d+\s*(?:likes?|views?|shares?)
      | (?:©|\(c\)|copyright).*
      | .*\ball\s+rights\s+reserved.*
      | tags?\s*:.*
      | (?:related|see\s+also|read\s+also|more\s+on\s+this)\s*:.*
      | related\s+(?:topics|stories|content|articles?|links?|reading)
      | more\s+on\s+this\s+story
      | (?:top\s+stories|most\s+read|you\s+may\s+also\s+like|recommended)
    )\s*$""",
    re.I | re.X,
)
_BULLET_SHORT = re.compile(r"^\s*[-–•*]\s+\S.{0,38}$")
_LIST_NUMBER = re.compile(r"^\s*(?:#+\s*)?\d{1,2}[.)]\s")


_BUTTONS = re.compile(
    r"\b(?:min(?:ute)?s?\s+read|share|comments?|copy\s+link|print|tweet|facebook|whatsapp|linkedin|subscribe|"
    r"subscribe\s+now|sign\s+up|newsletter|methodology|contact|like|likes|follow)\b|♥|❤",
    re.I,
)
_MARKUP_EDGE = re.compile(r"^[\s#>*_]+|[\s*_]+$")
_LABEL_LINE = re.compile(r"[ \t]*(?:[-–•*][ \t]+)?[A-ZÀ-Þ][\w ,'’()&/\-]{0,40}:[ \t]+\S")
_BULLET = re.compile(r"^\s*(?:[-–•*+]|\d{1,2}[.)])\s+")
_DATE_ONLY = re.compile(
    r"^\s*[-–•*]\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?)\s*$"
)
_NAME_ONLY = re.compile(r"^\s*[-–•*]\s*(?:By\s+)?[A-ZÀ-Ý][\w'’.\-]+(?:\s+[A-ZÀ-Ý][\w'’.\-]+){0,3}\s*$")
_BYLINE_PART = re.compile(
    r"^(?:(?:by\s+)?[A-ZÀ-Ý][\w'’.\-]+(?:\s+[A-ZÀ-Ý][\w'’.\-]+){0,3}"
    r"|(?:\w+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC))?)?"
    r"|(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|WAT))?)$"
)
_PROMO = re.compile(r"\b(?:subscribe|newsletter|sign\s+up|follow\s+us)\b", re.I)


_COPYRIGHT_START = re.compile(r"(?:©|\(c\)|copyright)", re.I)


def is_furniture_line(line: str) -> bool:
    """True for byline, reading time, share buttons, a trailing "Comments" ..."""
    s = _MARKUP_EDGE.sub("", line.strip())
    if not s:
        return False
    if len(s) < 250 and _PROMO.search(s) and re.search(r"\b(?:share|subscribe|readers?|newsletter)\b", s, re.I) \
            and not re.search(r"\b(?:killed|attacks?|displaced|troops|soldiers|people)\b", s, re.I):
        return True
    if len(s) > 160:
        return bool(_COPYRIGHT_START.match(s))
    if _FURNITURE.match(s):
        return True
    # a short bullet holding a byline line: "- Published 12 March 2025", "- 6 min read"
    if _BULLET_SHORT.match(line.strip()) and _FURNITURE.match(_BULLET.sub("", s)):
        return True
    # a short line of buttons: "2 min read · Share · Comments", "Share on X · Copy link"
    parts = [x for x in re.split(r"\s*[·|•]\s*", s) if x]
    if len(s.split()) <= 12 and len(parts) >= 2 and sum(bool(_BUTTONS.search(x)) for x in parts) >= len(parts) - 1 \
            and not re.search(r"[.!?]$", s):
        return True
    if len(s.split()) <= 8 and len(parts) >= 2 and all(_BUTTONS.search(x) for x in parts):
        return True
    # a byline of parts: "By Jane Doe | 12 March 2025 | 6 min read"
    if len(s.split()) <= 16 and len(parts) >= 2 and not re.search(r"[.!?]$", s) \
            and all(_BUTTONS.search(x) or _FURNITURE.match(x) or _BYLINE_PART.match(x) for x in parts) \
            and any(_BUTTONS.search(x) or _FURNITURE.match(x) for x in parts):
        return True
    # "- Jan 13", "- Author Name", "- 8 min read": a byline bullet (not "- 61 clashes, 205 deaths")
    if _BULLET_SHORT.match(line.strip()) and (_DATE_ONLY.match(line) or _NAME_ONLY.match(line)):
        return True
    return False


def byline_dates_ok(line: str) -> bool:
    """Furniture that still holds a date row: a byline date, "Published ..."."""
    s = _MARKUP_EDGE.sub("", line.strip())
    return bool(_DATE_ONLY.match(line) or re.match(r"(?:published|updated|posted|last\s+updated|by\s)", s, re.I)
                or re.search(r"\b(?:posted|published|updated|modified)\b", s, re.I)
                or (len(re.findall(r"[^\s|·•]+", s)) <= 14 and re.search(r"\d{4}", s) and re.search(r"[·|]", s)
                    and not re.search(r"©|copyright|rights\s+reserved", s, re.I)))


_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cpt",
    "st", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s", "u.n", "u.k", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    "inc", "ltd", "co", "corp", "jr", "sr", "sen", "rep", "gov", "pres", "fig", "p",
    "pp", "vol", "art", "cf", "al", "est", "min", "max", "dept", "govt", "a.m", "p.m", "ca",
}
# footnote marks after the full stop: "[12]", or superscript digits "¹²"
_FOOTMARK = r"(?:\[\d+\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)*"
_BOUNDARY = re.compile(
    rf"[.!?]+[\"”’')\]*_]*{_FOOTMARK}\s+(?=[\"“‘'(\[*_]?[A-Z0-9À-Ý])|[.!?]+[\"”’')\]*_]*{_FOOTMARK}\s*$"
)
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "h.r", "u.s.c": dotted initials
_LAST_TOKEN = re.compile(r"([\w.]+)\.$")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")


def _lines(text: str):
    """(start, end) of each line, end excluding the newline."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_LINKS_HEADING = re.compile(
    r"(?:related(?:\s+(?:topics|stories|articles|content|coverage|reading|links))?|more\s+on\s+this\s+(?:story|topic)|"
    r"read\s+(?:more|also|next)|see\s+also|you\s+may\s+also\s+like|you\s+might\s+also\s+like|most\s+read|"
    r"most\s+popular|top\s+stories|latest\s+(?:news|stories)|recommended(?:\s+for\s+you)?|more\s+from\s+[\w\s]{1,30})\s*:?",
    re.I)


_BY_NAME_START = re.compile(r"By\s+[A-ZÀ-Þ]")


def _blocks(text: str):
    """Group lines into blocks of units (start, end, is_furniture, paragraph).

    A unit is one line, or several lines joined when a block is hard-wrapped
    prose (most lines long and not ending a sentence).
    """
    lines = _lines(text)
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in lines:
        if text[s:e].strip():
            blocks[-1].append((s, e))
        elif blocks[-1]:
            blocks.append([])
    units = []
    para = 0
    links_next = False
    for block in blocks:
        if not block:
            continue
        # a block of links to other stories ("Related Topics", "More on this story"): furniture,
        # and so is the list of headlines right below a heading that stands alone
        heading = _MARKUP_EDGE.sub("", text[block[0][0]:block[0][1]].strip())
        links = bool(_LINKS_HEADING.fullmatch(heading))
        # a byline block: "By Amadou Diallo" / "BBC Africa, Bamako" (the desk is no place of the story)
        byline = len(block) <= 3 and bool(_BY_NAME_START.match(heading)) \
            and all(e_ - s_ <= 60 and not _TERMINAL.search(text[s_:e_]) and not re.search(r"\d", text[s_:e_])
                    for s_, e_ in block)
        if links or byline or (links_next and all(e_ - s_ <= 100 and not _TERMINAL.search(text[s_:e_]) for s_, e_ in block)):
            for s_, e_ in block:
                units.append((s_, e_, True, para))
                para += 1
            links_next = links and len(block) == 1
            continue
        links_next = False
        if sum(1 for l in block if _BULLET.match(text[l[0]:l[1]])) >= 2:
            prev_item = False
            for s_, e_ in block:
                line = text[s_:e_]
                item = bool(_BULLET.match(line))
                first = line.strip()[:1]
                if prev_item and not item and units and not first.isdigit() and (
                        line[:1] in " \t" or (first.islower()
                                              and not _TERMINAL.search(text[units[-1][0]:units[-1][1]]))):
                    # a wrapped list item: the line continues the item above
                    a_, _, f_, p_ = units[-1]
                    units[-1] = (a_, e_, f_ and is_furniture_line(text[a_:e_]), p_)
                    continue
                prev_item = item
                units.append((s_, e_, is_furniture_line(line), para))
                para += 1
            continue
        if sum(1 for l in block if text[l[0]:l[1]].lstrip().startswith("|")) >= 2:
            # a pipe table: each row is a sentence and a paragraph of its own
            for s_, e_ in block:
                units.append((s_, e_, is_furniture_line(text[s_:e_]), para))
                para += 1
            continue
        if len(block) >= 3 and sum(1 for l in block if _LABEL_LINE.match(text, l[0], l[1])) >= 0.6 * len(block):
            # a box of label lines ("Date: 11–14 May 2025", "Strength: ~600 / 1,200"): each line is a sentence
            # and a paragraph of its own, as in a table
            for s_, e_ in block:
                units.append((s_, e_, is_furniture_line(text[s_:e_]), para))
                para += 1
            continue
        longish = [l for l in block if (l[1] - l[0]) >= 50]
        open_ended = [l for l in block[:-1] if not _TERMINAL.search(text[l[0]:l[1]])]
        wrapped = len(block) >= 3 and len(longish) >= 0.6 * len(block) and len(open_ended) >= 0.5 * (len(block) - 1)
        if wrapped:
            # keep furniture lines apart, join the rest
            cur = None
            for s, e in block:
                if is_furniture_line(text[s:e]):
                    if cur:
                        units.append((cur[0], cur[1], False, para))
                        cur = None
                    units.append((s, e, True, para))
                elif cur is None:
                    cur = [s, e]
                else:
                    cur[1] = e
            if cur:
                units.append((cur[0], cur[1], False, para))
            para += 1
        else:
            for s, e in block:
                units.append((s, e, is_furniture_line(text[s:e]), para))
                para += 1
    return units


def _split_unit(text: str, s: int, e: int):
    """Sentence spans inside one unit of text (a line or a joined paragraph)."""
    chunk = text[s:e]
    out = []
    start = 0
    # skip leading whitespace
    while start < len(chunk) and chunk[start].isspace():
        start += 1
    for m in _BOUNDARY.finditer(chunk):
        end = m.end()
        # the token before the punctuation
        before = chunk[max(start, m.start() - 24):m.start() + 1]
        tok = _LAST_TOKEN.search(before)
        if tok and m.end() < len(chunk.rstrip()):
            word = tok.group(1).lower().rstrip(".")
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            if _INITIALS.fullmatch(word) and chunk[m.end():m.end() + 1].isdigit():
                continue  # a code after dotted initials: "H.R. 1234", "U.S.C. 333"
        # sentence ends after the punctuation / closing quotes
        sent_end = m.start() + len(m.group(0).rstrip())
        if sent_end > start:
            out.append((s + start, s + sent_end))
        start = end
    rest = chunk[start:].rstrip()
    if rest.strip():
        out.append((s + start, s + start + len(rest)))
    return out


_DATELINE = re.compile(
    r"[A-Z][A-Z .'’\-]{2,}(?:,\s*[A-Z][A-Za-z .'’\-]+)?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s*"
)
# without a date: "NIAMEY (AFP) —", "MAIDUGURI, Nigeria —", "MOSCOW/BAMAKO (Reuters) -" (a place in
# capitals, then an agency in brackets or a place name after a comma, then a dash)
_UNDATED_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]{2,}(?:[ /][A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+)*"
    r"(?:[ \t]*\([A-Z][\w.&'’ ]{1,30}\)|,[ \t]*[A-Z][A-Za-z.'’ ]{1,30}(?:[ \t]*\([A-Z][\w.&'’ ]{1,30}\))?)"
    r"[ \t]*(?:--|-|–|—)(?=\s)[ \t]*")  # a space after the dash: not "MONTH, JULY–OCTOBER 2025"


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of the text, in order, with their paragraph index.

    A wire dateline ("CITY, March 17 (Agency) -", "CITY (Agency) —") is a sentence of its own,
    marked as furniture: it yields a date row but no figure and no period."""
    out: list[Sentence] = []
    for s, e, furn, para in _blocks(text):
        for a, b in _split_unit(text, s, e):
            m = _DATELINE.match(text, a, b) or _UNDATED_DATELINE.match(text, a, b)
            if m and m.end() < b:
                out.append(Sentence(a, m.end(), para, True, len(out), True))
                a = m.end()
            if not furn and (b - a) < 60 and is_furniture_line(text[a:b]):
                furn_s, dates_ok = True, byline_dates_ok(text[a:b])
            else:
                furn_s = furn
                dates_ok = not furn or byline_dates_ok(text[s:e])
            out.append(Sentence(a, b, para, furn_s, len(out), dates_ok))
    return out


_SEG_SPLIT = re.compile(r",(?=\s)|;|\s[-–—]\s|—|\(|\)|\s–\s")


def items_within(items: list, first: int, start: int, end: int) -> tuple[list, int]:
    """The items (sorted by `.start`) that start in [start, end), scanning from index `first`.

    Returns them and the index to scan from for the next, later span.
    """
    while first < len(items) and items[first].start < start:
        first += 1
    last = first
    while last < len(items) and items[last].start < end:
        last += 1
    return items[first:last], first


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause-like segments of a sentence: split at commas, semicolons, dashes
    and parentheses (not at the comma inside "4,317")."""
    out = []
    pos = start
    for m in _SEG_SPLIT.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out or [(start, end)]


_INSERTION = re.compile(r"\([^()]*\)|\s[-–]\s[^-–—]*?\s[-–]\s|—[^—]*—")


def insertions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parenthetical insertions of a sentence: "( ... )", " - ... - ", "— ... —"."""
    return [(m.start(), m.end()) for m in _INSERTION.finditer(text, start, end)]


DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "U.S", "U.N"
LOWER_WORD = re.compile(r"[a-z]+")
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")


def windowed_finditer(rx: re.Pattern, anchor_rx: re.Pattern, text: str, start: int = 0,
                      end: int | None = None, before: int = 30, after: int = 120, word_starts: bool = False,
                      starts: re.Pattern | None = None, word_start: re.Pattern = _WORD_START):
    """Like rx.finditer(text, start, end) for patterns whose every match holds a
    match of anchor_rx (starting at most `before` characters after the match's
    start), but only tries the regex near the anchors: much faster on long texts.

    word_starts: the pattern's matches always begin at a word start, so try
    rx.match only there instead of searching the whole window.
    starts: with word_starts, the words a match can begin with other than an
    anchor: earlier word starts that are neither are not tried.
    word_start: where a word starts, for patterns whose matches may also begin elsewhere."""
    end = len(text) if end is None else end
    pos = start
    for a in anchor_rx.finditer(text, start, end):
        if a.start() < pos:
            continue
        lo = max(pos, a.start() - before)
        hi = min(end, a.end() + after)
        if word_starts:
            m = None
            for w in word_start.finditer(text, lo, a.start() + 1):
                ws = w.start()
                if starts is not None and ws < a.start() and not starts.match(text, ws) \
                        and not anchor_rx.match(text, ws):
                    continue
                m = rx.match(text, ws, hi)
                if m is not None and m.end() > m.start():
                    break
                m = None
        else:
            m = rx.search(text, lo, hi)
        if m is None or m.start() > a.start():
            continue
        if m.end() <= pos:
            continue
        yield m
        pos = max(m.end(), pos + 1) if m.end() > m.start() else m.end() + 1


# a press-conference turn's label: "A (Col. Ouédraogo): ...", "Q (Journalist, Radio Omega): ..."
QA_LABEL = re.compile(r"^[ \t]*(?P<qa>Q|A)[ \t]*\((?P<inner>[^()\n]{2,60})\)[ \t]*:[ \t]+\S", re.M)


def whole_words(words, flags: int = 0) -> re.Pattern:
    """Any of `words`, as whole words. The engine tries a pattern at every position of a text:
    a look-ahead for the words' first letters comes first, a cheaper test than the look-behind."""
    words = [w for w in words if w]
    first = {w[0] for w in words}
    if flags & re.I:
        first |= {c.swapcase() for c in first}
    letters = "".join(sorted(first)).replace("\\", "\\\\").replace("]", "\\]").replace("^", "\\^").replace("-", "\\-")
    return re.compile(rf"(?=[{letters}])(?<![^\W_])(?:" + trie_pattern(words) + r")(?![^\W_])", flags)


def trie_pattern(words) -> str:
    """A regex alternation of literal words, factored as a trie (much faster
    for Python's engine than a flat list of alternatives)."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_MD_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_MD_LINK_OPEN = re.compile(r"\[(?=[^\]\n]*\]\()")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_LINE_START = re.compile(r"^[ \t]*#+[ \t]|^[ \t]*>+[ \t]?", re.M)
_MD_LIST_NUMBER = re.compile(r"^[ \t]*(?:#+[ \t]*)?\d{1,2}[.)/](?=\s)", re.M)  # "1.", "2)", a thread's "3/"
_MD_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
# social counters inside a line: "♥ 347", "19 Comments", "🧵 3/8", "👁 9.8K · ↪️ 212",
# "@channel · 41.2K subscribers"
_COUNTER_MARKS = "♥❤♡🧵👁👍💬🔁↪↻🔄🔖"
_COUNTER = re.compile(
    r"(?:[♥❤♡👁👍💬🔁↪↻🔄🔖]\ufe0f?|🧵)\s*\d[\d,.]*[kKmM]?(?:\s*/\s*\d+)?|\b\d[\d,]*\s+Comments\b|\b\d+\s*/\s*\d+\s*🧵"
    r"|(?:(?<=·)|(?m:^))[ \t]*\d[\d,.]*[kKmM]?\s+(?i:subscribers|followers|following|members|views|posts|likes|reposts)\b")


# a table of contents: three lines or more of "1 History", "1.1 Formation", "2 Attacks" (no sentence
# punctuation), numbered from 1
_TOC_BLOCK = re.compile(r"(?:^[ \t]*\d{1,2}(?:\.\d{1,2})*[ \t]+[A-Z][^\n.!?:;]{0,60}(?:\n|\Z)){3,}", re.M)
_TOC_NUMBER = re.compile(r"^[ \t]*(\d{1,2})(?:\.\d{1,2})*", re.M)


def _toc_numbers(text: str) -> list[tuple[int, int]]:
    spans = []
    for block in _TOC_BLOCK.finditer(text):
        numbers = list(_TOC_NUMBER.finditer(text, block.start(), block.end()))
        top = [int(n.group(1)) for n in numbers]
        if top[0] == 1 and 2 in top and top == sorted(top):
            spans += [(n.start(), n.end()) for n in numbers]
    return spans


def mask_markup(text: str) -> str:
    """The text with markdown markup blanked out, same length: "**", "__",
    heading "#", quote ">", link targets "](...)", footnote marks "[3]", the
    numbers of numbered list items and headings ("### 1. Trade"), the section
    numbers of a table of contents, and social counters ("♥ 347", "19 Comments", "🧵 3/8", "👁 9.8K")."""
    spans = []
    if "](" in text:
        spans += [(m.start(), m.end()) for m in _MD_LINK_TARGET.finditer(text)]
        spans += [(m.start(), m.end()) for m in _MD_LINK_OPEN.finditer(text)]
    if "*" in text or "__" in text:
        spans += [(m.start(), m.end()) for m in _MD_EMPHASIS.finditer(text)]
    if "#" in text or ">" in text:
        spans += [(m.start(), m.end()) for m in _MD_LINE_START.finditer(text)]
    spans += [(m.start(), m.end()) for m in _MD_LIST_NUMBER.finditer(text)]
    if "\n1" in text:
        spans += _toc_numbers(text)
    if "[" in text:
        spans += [(m.start(), m.end()) for m in _MD_FOOTNOTE.finditer(text)]
    if "Comments" in text or "·" in text or any(c in text for c in _COUNTER_MARKS):
        spans += [(m.start(), m.end()) for m in _COUNTER.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
