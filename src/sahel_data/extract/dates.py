"""Temporal expressions: years, year ranges, months, days (pure functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .text import trie_pattern, windowed_finditer

__all__ = ["DateSpan", "find_dates", "MONTHS", "event_for", "is_dateline"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int
    end: int
    date_start: str | None
    date_end: str | None
    precision: str  # year, month, day


_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         # capitals, as in fact-sheet headings ("AS OF 31 OCTOBER 2025")
         r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)")
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_M = rf"(?P<{{n}}>{_FULL}|{_ABBR}(?![a-z]))"
_Y = r"(?:1[89]\d\d|20\d\d)"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_PART = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate|end of|the end of|beginning of|the beginning of|start of|the start of)[\s\-‐–]+)"
_YB = r"(?<![\w$€£.,/\-])"  # before a year
_YA = r"(?![\w%+]|,\d|\.\d|\s*(?:%|per\s*cent|percent))"  # after a year


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _m(n: str) -> str:
    return _M.format(n=n)


_DATE_RX = re.compile(
    "|".join([
        # 15/06/2024, 15.06.2024 (day first unless the first number cannot be a day... or a month)
        rf"(?P<num>(?<![\d/.])(?P<na>[0-3]?\d)[/.](?P<nb>[01]?\d)[/.](?P<nc>{_Y})(?![\d/]))",
        # a chat's stamp: "[08/03/26, 18:05]" (day, month, two-digit year)
        rf"(?P<chat>(?<=\[)(?P<cd>[0-3]?\d)/(?P<cmo>[01]?\d)/(?P<cy>\d\d)(?=,?[ \t]+\d{{1,2}}:\d\d))",
        # 23/02 in incident logs: a day and a month, both of two digits, no year
        rf"(?P<ndm>(?<![\d/.])(?P<nd>0[1-9]|[12]\d|3[01])/(?P<nm>0[1-9]|1[0-2])(?![\d/]))",
        # ISO 2023-06-23
        rf"(?P<iso>{_YB}(?P<iy>{_Y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?!\d))",
        # between 1 August 2024 and 30 June 2025 / from August 1, 2024 to June 30, 2025
        rf"(?P<dry>(?:(?P<between>between|Between)\s+|(?:from|From)\s+)?(?<!\d)(?:(?P<dya>{_D})\s+{_m('mya')}|{_m('mya2')}\s+(?P<dya2>{_D}),?)\s+(?P<yya>{_Y})"
        rf",?\s*(?:(?(between)and|(?!))|to|until|through|-|–|—)\s*(?:(?P<dyb>{_D})\s+{_m('myb')}|{_m('myb2')}\s+(?P<dyb2>{_D}),?)\s+(?P<yyb>{_Y})(?!\d))",
        # 1 April - 31 May 2025 / 12-14 June 2024
        rf"(?P<dr>(?<!\d)(?P<da>{_D})(?:[ \t]+{_m('ma')})?[ \t]*(?:-|–|—|to|until|and)[ \t]*(?P<db>{_D})\s+{_m('mb')},?\s+(?P<yd>{_Y})(?!\d))",
        # March 5 and 6, 2024 / March 5-6 (year optional)
        rf"(?P<md2>{_m('mw')}[ \t]+(?P<dw1>{_D})[ \t]*(?:-|–|and|to)[ \t]*(?P<dw2>{_D})(?![\d:])(?:,?[ \t]+(?P<yw>{_Y})(?!\d))?)",
        # 23 June 2023 / 23rd of June, 2023
        rf"(?P<dmy>(?<!\d)(?P<d1>{_D})\s+(?:day\s+of\s+|of\s+)?{_m('m1')},?\s+(?P<y1>{_Y})(?!\d))",  # "this 15th day of December 2025"
        # June 23, 2023
        rf"(?P<mdy>{_m('m2')}\s+(?P<d2>{_D}),?\s+(?P<y2>{_Y})(?!\d))",
        # between March 2022 and June 2023 / from May 2021 to January 2022
        rf"(?P<mry>(?:(?:between|Between|from|From)\s+)?{_m('mj')},?\s+(?P<yj>{_Y})\s*(?:and|to|until|through|-|–|—)\s*"
        rf"{_m('mk')},?\s+(?P<yk>{_Y})(?!\d))",
        # the second quarter of 2026 / Q2 2026 / the first half of 2025
        rf"(?P<qtr>(?:(?:(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|(?P<hn>first|second)\s+half)"
        rf"\s+(?:of\s+)?|\bQ(?P<qd>[1-4])(?:\s*[-–]\s*Q(?P<qd2>[1-4]))?\s+)(?P<yq>{_Y})(?!\d))",
        # a quarter without its year, after a preposition: "in Q1", "since Q4"
        rf"(?:\b(?:in|In|for|during|since|than|by|from|through|over|of)\s+(?:the\s+)?)(?P<qb>Q(?P<qbd>[1-4])(?![\w/])(?!\s*(?:[-–]\s*Q[1-4]\s+)?(?:1[89]|20)\d\d))",
        # a timeline's year before its month: "2023 July - Soldiers seize power"
        rf"(?P<ym2>(?<![\w,.])(?P<y6>{_Y})[ \t]+{_m('m8')}(?=[ \t]*(?:[-–—:]|$)))",
        # May and June 2015 / June-August 2025 / between April and May 2024
        rf"(?P<mr>(?:(?:between|Between|from|From)\s+)?{_m('mc')}\s*(?:and|to|until|through|-|–|—)\s*{_m('mx')},?\s+(?P<ym>{_Y})(?!\d))",
        # mid-November 2025 / February 2022 / Feb. 2022
        rf"(?P<my>(?:{_PART})?{_m('m3')},?\s+(?P<y3>{_Y})(?!\d))",
        # between April and May / from June to August (no year)
        rf"(?P<mr2>(?:between|Between)\s+{_m('me')}\s+and\s+{_m('mf')}(?!\s*,?\s*\d)|(?:from|From)\s+{_m('mg')}\s+(?:to|until|through)\s+{_m('mh')}(?!\s*,?\s*\d))",
        # from 4 March to 11 March / between 28 February and 6 March (no year)
        rf"(?P<dr3>(?:(?:between|Between)\s+(?P<de>{_D})\s+{_m('mq')}\s+(?:and|to|-|–)\s+"
        rf"|(?:(?:from|From)\s+)?(?<![\d,])(?P<de2>{_D})\s+{_m('mq2')}[ \t]*(?:-|–|to|until|through)[ \t]*)"
        rf"(?P<df>{_D})\s+{_m('mv')}(?!\s*,?\s*(?:1[89]|20)\d\d(?!\d)))",
        # 23 June / Jan 13 (no year)
        rf"(?P<dm>(?<![\d,])(?P<d4>{_D})\s+(?:of\s+)?{_m('m4')}(?!\s*,?\s*(?:1[89]|20)\d\d(?!\d)))",
        rf"(?P<md>{_m('m5')}\s+(?P<d5>{_D})(?!\d|:\d|\s*,?\s*{_Y}))",
        # mid-November / early March (no year)
        rf"(?P<pm>{_PART}{_m('m6')}(?!\.?\s*\d))",
        # in November / since March (no year)
        rf"(?:\b(?:in|In|since|Since|by|By|until|Until|from|From|during|During|of|on|before|after|through|till)\s+)(?P<bm>{_m('m7')}(?!\.?[ \t]*\d)(?!\s*(?:and|to|until|through|-|–|—)\s*(?:{_FULL}|{_ABBR})))",
        # FY2023, fiscal year 2024
        # FY2023, FY 2023, FY23, fiscal year 2024, FY2022-FY2024, FY 2022-23
        rf"(?P<fy>\b(?:FY\s?|[Ff]iscal\s+[Yy]ears?\s+)(?P<yf>{_Y}|\d\d)(?![\d%])"
        rf"(?:\s*(?:-|–|to|through)\s*(?:FY\s?)?(?P<yf2>{_Y}|\d\d)(?![\d%]))?)",
        # 3-9 March / between 3 and 9 March (no year)
        rf"(?P<dr2>(?:(?:between|Between)\s+)?(?<![\d,])(?P<dc>{_D})[ \t]*(?:-|–|to|and)[ \t]*(?P<dd>{_D})\s+{_m('mz')}(?!\s*,?\s*(?:1[89]|20)\d\d(?!\d)))",
        # pre-2023, post-2020
        rf"(?:\b(?:pre|post)-)(?P<pp>{_Y}){_YA}",
        # mid-2022, early 2023, late 2024
        rf"(?P<py>{_PART}(?P<yp>{_Y}){_YA})",
        # year ranges: between 2020 and 2023, from 2018 to 2022, 2018-2022, 2023-24
        rf"(?P<yr>(?:between|Between)\s+(?P<ya1>{_Y})\s*(?:and|to|-|–)\s*(?P<yb1>{_Y})(?![\w%])"
        rf"|(?:(?:from|From)\s+)?{_YB}(?P<ya>{_Y})(?:\s*(?:to|until|till|through|-|–|—|/)\s*(?P<yb>{_Y})|[-–/](?P<yc>\d\d))(?![\w%]|[.,]\d))",
        # a single year
        rf"(?P<y>{_YB}(?P<yy>{_Y}){_YA})",
    ])
)

# every date holds a year or a month name
# (a superset is harmless: the date pattern decides; each alternative opens with a cheap test, as the
# engine tries them at every position: years 1000-2999, "23/02", month names as a trie)
_DATE_ANCHOR = re.compile(
    r"[12]\d(?:\d\d(?!\d)|/\d\d)|[03]\d/\d\d|\b(?:" + trie_pattern(
        [w for w in (_FULL + "|" + _ABBR).replace("(?:", "").replace(")", "").replace("\\.?", "").split("|") if w]
    ) + r")|\bFY\s?\d\d|\bQ[1-4]\b")  # FY2023 holds a year too; "in Q1" a quarter

# words before a number that make it a count, not a year
_NOT_YEAR_BEFORE = re.compile(
    r"(?:more than|at least|nearly|almost|fewer than|less than|up to|an estimated|as many as|"
    r"killed|killing|kill|number of|total of|totalling|totaling|No\.|no\.|Resolution|resolution|"
    r"Article|article|Law|law|Decree|decree|Route|route|Flight|flight|Code|code|Chapter|chapter|"
    r"[$€£#])\s*$"
)
# "November 2025 and January 2026" (each date whole) names two dates; "between X and Y", "X to Y",
# "X-Y" and "May and June 2015" (one year shared) are one expression
_TWO_DATES = re.compile(r",?\s*and\s*$")
_BETWEEN = re.compile(r"[Bb]etween\b")
_TIME_PREPOSITION = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]ill)\s+$")
# "roughly twice the number of 2022.": the year of a comparison's base
_BASE_OF = re.compile(r"\b(?:the|that|those)\s+(?:numbers?|levels?|tolls?|figures?|totals?)\s+(?:of|in|for)\s+$", re.I)
_STOP_AFTER = re.compile(r"\s*(?:[.,;:)]|$)")
# "since at least 2021", "until at least 2030": still a year
_SINCE_BOUND = re.compile(r"\b(?:since|until|till|from|by|before|after|in)\s+(?:at\s+least|as\s+early\s+as)\s*$", re.I)
_AFTER_COUNT = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:people|persons|troops|soldiers|civilians|deaths|dead|fighters|attacks|"
    r"incidents|victims|refugees|militants|jihadists|men|women|children|schools|villages|"
    r"households|cases|km|kilomet|killed|displaced|casualties|fatalities|members|personnel|"
    r"peacekeepers|mercenaries|combatants|events|hostages|tonnes|tons|barrels|dollars|euros|"
    r"francs|US\b(?!\s?\$)|USD|kg|students|families|individuals|recruits|vehicles|weapons|rifles|"
    r"migrants|residents|inhabitants|square)"
)


def _year_ok(text: str, s: int, e: int) -> bool:
    """A bare year-like number is a year unless its context makes it a count."""
    before = text[max(0, s - 25):s]
    if _TIME_PREPOSITION.search(before):
        return True  # "In 2025 our members had to ...": a year, whatever follows
    if _NOT_YEAR_BEFORE.search(before) and not _SINCE_BOUND.search(before) \
            and not (_BASE_OF.search(before) and _STOP_AFTER.match(text, e)):
        return False
    if _AFTER_COUNT.match(text, e):
        return False
    return True


def _resolve_day(month: int, day: int, published: date | None) -> str | None:
    if published is None:
        return None
    y = published.year
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if d > published:
        try:
            d = date(y - 1, month, day)
        except ValueError:
            return None
    return d.isoformat()


def _resolve_month(month: int, published: date | None) -> str | None:
    if published is None:
        return None
    y = published.year if month <= published.month else published.year - 1
    return f"{y:04d}-{month:02d}"


def _mnum(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


_LEADING_DIGITS = re.compile(r"\d+")


def _day(s: str) -> int:
    return int(_LEADING_DIGITS.match(s).group())


def _ymd(y, m, d) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def find_dates(text: str, published: str | None = None, start: int = 0, end: int | None = None) -> list[DateSpan]:
    """Date expressions in text[start:end], in order, not overlapping."""
    pub = _parse_published(published)
    end = len(text) if end is None else end
    out: list[DateSpan] = []
    for m in windowed_finditer(_DATE_RX, _DATE_ANCHOR, text, start, end, before=40, after=60, word_starts=True):
        kind = m.lastgroup
        # lastgroup is the last *closed* group: find the outer alternative
        for k in ("num", "chat", "ndm", "iso", "dry", "dr", "md2", "dmy", "mdy", "mry", "qtr", "qb", "ym2", "mr", "my", "mr2", "dr3", "dm", "md", "pm", "bm", "fy", "dr2", "pp", "py", "yr", "y"):
            if m.group(k) is not None:
                kind = k
                break
        s, e = m.start(kind), m.end(kind)
        if kind == "num":
            a_, b_ = int(m["na"]), int(m["nb"])
            d_, mo_ = (b_, a_) if b_ > 12 >= a_ else (a_, b_)
            v = _ymd(m["nc"], mo_, d_)
            if v:
                out.append(DateSpan(s, e, v, v, "day"))
            continue
        if kind == "chat":
            v = _ymd(2000 + int(m["cy"]), int(m["cmo"]), int(m["cd"]))
            if v:
                out.append(DateSpan(s, e, v, v, "day"))
            continue
        if kind == "ndm":
            v = _resolve_day(int(m["nm"]), int(m["nd"]), pub)
            if v:
                out.append(DateSpan(s, e, v, v, "day"))
            continue
        if kind == "iso":
            v = _ymd(m["iy"], m["im"], m["id"])
            if v:
                out.append(DateSpan(s, e, v, v, "day"))
        elif kind == "dry":
            v1 = _ymd(m["yya"], _mnum(m["mya"] or m["mya2"]), _day(m["dya"] or m["dya2"]))
            v2 = _ymd(m["yyb"], _mnum(m["myb"] or m["myb2"]), _day(m["dyb"] or m["dyb2"]))
            if v1 and v2 and v1 < v2:
                out.append(DateSpan(s, e, v1, v2, "day"))
            elif v1:  # not a range: the first date alone
                out.append(DateSpan(m.start("dya") if m["dya"] else m.start("mya2"), m.end("yya"), v1, v1, "day"))
        elif kind == "dr":
            mb = _mnum(m["mb"])
            ma = _mnum(m["ma"]) if m["ma"] else mb
            v1 = _ymd(m["yd"], ma, _day(m["da"]))
            v2 = _ymd(m["yd"], mb, _day(m["db"]))
            if v1 and v2 and v1 > v2 and ma > mb:  # "between 1 August and 30 June 2025": August of the year before
                v1 = _ymd(str(int(m["yd"]) - 1), ma, _day(m["da"]))
            if v1 and v2 and v1 <= v2:
                out.append(DateSpan(s, e, v1, v2, "day"))
        elif kind == "md2":
            mo = _mnum(m["mw"])
            d1, d2 = _day(m["dw1"]), _day(m["dw2"])
            if d1 >= d2:
                continue
            if m["yw"]:
                v1, v2 = _ymd(m["yw"], mo, d1), _ymd(m["yw"], mo, d2)
            else:
                v2 = _resolve_day(mo, d2, pub)
                v1 = f"{v2[:8]}{d1:02d}" if v2 else None
            if v1 and v2:
                out.append(DateSpan(s, e, v1, v2, "day"))
        elif kind == "mry":
            v1 = f"{int(m['yj']):04d}-{_mnum(m['mj']):02d}"
            v2 = f"{int(m['yk']):04d}-{_mnum(m['mk']):02d}"
            if _TWO_DATES.search(text, m.end("yj"), m.start("mk")) and not _BETWEEN.match(text, s):
                # "in November 2025 and January 2026": two dates, not a range
                out.append(DateSpan(m.start("mj"), m.end("yj"), v1, v1, "month"))
                out.append(DateSpan(m.start("mk"), e, v2, v2, "month"))
            elif v1 < v2:
                out.append(DateSpan(s, e, v1, v2, "month"))
            else:  # not a range: the first month alone
                out.append(DateSpan(m.start("mj"), m.end("yj"), v1, v1, "month"))
        elif kind == "qtr":
            y = int(m["yq"])
            if m["hn"]:
                first = 1 if m["hn"] == "first" else 7
                last = first + 5
            else:
                q = int(m["qd"]) if m["qd"] else _QUARTERS[m["qn"].lower()]
                q2 = int(m["qd2"]) if m["qd2"] else q  # "Q3–Q4 2025"
                if q2 < q:
                    continue
                first, last = 3 * q - 2, 3 * q2
            out.append(DateSpan(s, e, f"{y:04d}-{first:02d}", f"{y:04d}-{last:02d}", "month"))
        elif kind == "qb":
            if pub is None:
                continue
            q = int(m["qbd"])
            y = pub.year if 3 * q - 2 <= pub.month else pub.year - 1  # the latest such quarter begun by then
            out.append(DateSpan(s, e, f"{y:04d}-{3 * q - 2:02d}", f"{y:04d}-{3 * q:02d}", "month"))
        elif kind == "ym2":
            v = f"{int(m['y6']):04d}-{_mnum(m['m8']):02d}"
            out.append(DateSpan(s, e, v, v, "month"))
        elif kind == "mr":
            a, b = _mnum(m["mc"]), _mnum(m["mx"])
            y = int(m["ym"])
            if a <= b:
                out.append(DateSpan(s, e, f"{y:04d}-{a:02d}", f"{y:04d}-{b:02d}", "month"))
        elif kind == "mr2":
            a = _mnum(m["me"] or m["mg"])
            b = _mnum(m["mf"] or m["mh"])
            vb = _resolve_month(b, pub)
            if vb and a <= b:
                y = vb[:4]
                out.append(DateSpan(s, e, f"{y}-{a:02d}", vb, "month"))
            elif vb:
                out.append(DateSpan(s, e, f"{int(vb[:4]) - 1:04d}-{a:02d}", vb, "month"))
        elif kind == "fy":
            y1 = int(m["yf"]) if len(m["yf"]) == 4 else 2000 + int(m["yf"])
            y2 = None
            if m["yf2"]:
                y2 = int(m["yf2"]) if len(m["yf2"]) == 4 else (y1 // 100) * 100 + int(m["yf2"])
            if y2 is None or not (y1 <= y2 <= y1 + 10):
                y2 = y1
                e = m.end("yf")
            out.append(DateSpan(s, e, f"{y1:04d}", f"{y2:04d}", "year"))
        elif kind == "dr3":
            ma, mb = _mnum(m["mq"] or m["mq2"]), _mnum(m["mv"])
            da, db = _day(m["de"] or m["de2"]), _day(m["df"])
            v2 = _resolve_day(mb, db, pub)
            if v2 is None:
                continue
            v1 = _ymd(int(v2[:4]) - (1 if ma > mb else 0), ma, da)
            if v1 and v1 < v2:
                out.append(DateSpan(s, e, v1, v2, "day"))
        elif kind == "pp":
            out.append(DateSpan(s, e, m["pp"], m["pp"], "year"))
        elif kind == "dr2":
            mo = _mnum(m["mz"])
            v2 = _resolve_day(mo, _day(m["dd"]), pub)
            if v2 and _day(m["dc"]) <= _day(m["dd"]):
                v1 = f"{v2[:8]}{_day(m['dc']):02d}"
                out.append(DateSpan(s, e, v1, v2, "day"))
        elif kind == "py":
            y = m["yp"]
            out.append(DateSpan(s, e, y, y, "year"))
        elif kind == "dmy":
            v = _ymd(m["y1"], _mnum(m["m1"]), _day(m["d1"]))
            if v:
                out.append(DateSpan(s, e, v, v, "day"))
        elif kind == "mdy":
            v = _ymd(m["y2"], _mnum(m["m2"]), _day(m["d2"]))
            if v:
                out.append(DateSpan(s, e, v, v, "day"))
        elif kind == "my":
            if m["m3"] == "May" and not re.match(r"May,?\s", text[m.start("m3"):m.end("m3") + 2]):
                continue
            v = f"{int(m['y3']):04d}-{_mnum(m['m3']):02d}"
            out.append(DateSpan(s, e, v, v, "month"))
        elif kind == "dm":
            v = _resolve_day(_mnum(m["m4"]), _day(m["d4"]), pub)
            if m["m4"].lower().startswith("may") and False:
                continue
            out.append(DateSpan(s, e, v, v, "day"))
        elif kind == "md":
            if m["m5"] in ("May", "March") and not re.search(r"\b(?:on|by|since|until|from|of)\s+$", text[max(0, s - 8):s]):
                # "May 5" is fine, but avoid "March 3 kilometres" style noise
                if re.match(r"\s+\d+\s+[a-z]", text[e - len(m["d5"]) - 1:e + 3]):
                    continue
            v = _resolve_day(_mnum(m["m5"]), _day(m["d5"]), pub)
            out.append(DateSpan(s, e, v, v, "day"))
        elif kind == "pm":
            v = _resolve_month(_mnum(m["m6"]), pub)
            out.append(DateSpan(s, e, v, v, "month"))
        elif kind == "bm":
            v = _resolve_month(_mnum(m["m7"]), pub)
            out.append(DateSpan(s, e, v, v, "month"))
        elif kind == "yr":
            ya = int(m["ya"] or m["ya1"])
            yb_s = m["yb"] or m["yb1"] or m["yc"]
            yb = int(yb_s) if len(yb_s) == 4 else (ya // 100) * 100 + int(yb_s)
            if yb < ya or yb - ya > (10 if len(yb_s) == 2 else 100):
                # not a range: fall back to the first year alone
                g = "ya" if m["ya"] else "ya1"
                ys, ye = m.start(g), m.end(g)
                if _year_ok(text, ys, ye):
                    out.append(DateSpan(ys, ye, f"{ya:04d}", f"{ya:04d}", "year"))
                continue
            out.append(DateSpan(s, e, f"{ya:04d}", f"{yb:04d}", "year"))
        elif kind == "y":
            ys, ye = m.start("yy"), m.end("yy")
            if not _year_ok(text, ys, ye):
                continue
            y = m["yy"]
            out.append(DateSpan(ys, ye, y, y, "year"))
    return out


_EVENTS = [
    (r"coups?(?:\s+d['’]état)?|putsch(?:es)?|seized power|took power|toppled|overthr(?:ew|own)", "coup"),
    (r"founded|formed|created|established|set up|launched|founding|formation|creation", "founded"),
    (r"battles?|fighting|clashes|offensive", "battle"),
    (r"vot(?:e|es|ed|ing)", "vote"),
    (r"rebellion|rebelled|mutiny|uprising|insurgency began", "rebellion"),
    (r"elections?|elected|polls", "election"),
    (r"attacks?|attacked|ambush(?:ed)?|raids?|assault|bombing|massacres?|killed|killings?|struck|strike", "attack"),
    (r"agreements?|accords?|deal|signed|treaty|ceasefire|truce|peace talks", "agreement"),
    (r"invasion|invaded|invade", "invasion"),
    (r"withdr(?:ew|awal|awn)|pulled out|left the country|departure|expelled|expulsion", "withdrawal"),
    (r"independence", "independence"),
    (r"referendum", "referendum"),
    (r"blockade", "blockade"),
    (r"broke away|split|pledged allegiance|pledge allegiance", "split"),
    (r"reconquest|recaptured|retook|captured|seized|fall of|fell to", "capture"),
    (r"deployed|deployment|arrived|arrival", "deployment"),
    (r"kidnapp(?:ed|ing)|abducted", "kidnapping"),
    (r"war\b", "war"),
]
_EVENT_RX = re.compile(r"\b(?:" + "|".join(f"(?P<e{i}>{p})" for i, (p, _) in enumerate(_EVENTS)) + r")\b", re.I)
# the first letters of every event word above: found first with one fast scan, then matched there
_EVENT_ANCHOR = re.compile(r"(?<![^\W_])(?:" + trie_pattern(
    "coup putsch seized took toppled overthr found formed formation created creation established set launched "
    "battle fighting clashes offensive vot rebel mutiny uprising insurgency election elected polls attack ambush "
    "raid assault bombing massacre killed killing struck strike agreement accord deal signed treaty ceasefire truce "
    "peace invasion invaded invade withdr pulled left departure expelled expulsion independence referendum blockade "
    "broke split pledged pledge reconquest recaptured retook captured fall fell deployed deployment arrived arrival "
    "kidnapp abducted war".split()) + ")", re.I)


_EVENT_CACHE: dict = {}


def event_for(text: str, sent_start: int, sent_end: int, ds: int, de: int, max_gap: int = 90,
              insertions=()) -> str | None:
    """The event word the sentence ties to the date at [ds, de), nearest to it
    (not across a parenthetical insertion that holds only one of them)."""
    best = None
    key = (sent_start, sent_end, text[sent_start:sent_end])
    hits = _EVENT_CACHE.get(key)
    if hits is None:
        if len(_EVENT_CACHE) > 256:
            _EVENT_CACHE.clear()
        hits = _EVENT_CACHE[key] = list(windowed_finditer(_EVENT_RX, _EVENT_ANCHOR, text, sent_start, sent_end,
                                                          before=0, after=40))
    for m in hits:
        if any((a <= m.start() < b) != (a <= ds < b) for a, b in insertions):
            continue
        gap = ds - m.end() if m.end() <= ds else (m.start() - de if m.start() >= de else 0)
        if gap > max_gap:
            continue
        # a sentence boundary-ish break (semicolon) between them weakens the tie
        between = text[min(m.end(), de):max(m.start(), ds)]
        if ";" in between:
            continue
        if best is None or gap < best[0]:
            name = next(_EVENTS[int(k[1:])][1] for k, v in m.groupdict().items() if v is not None)
            best = (gap, name)
    return best[1] if best else None


# a wire dateline: "LOMÉ, 6 March (Reuters) -", "MOSCOW/BAMAKO, 7 March (Reuters) -", "NIAMEY, March 4 (AFP) --"
_DATELINE_HEAD = re.compile(r"[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ'’.\- /]*,[ \t]*")
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|-|–|—)")


_CHAT_STAMP_TAIL = re.compile(r",?[ \t]+\d{1,2}:\d\d(?:[ \t]*[AP]M)?\]")


def is_dateline(text: str, d: DateSpan) -> bool:
    """The date of a wire dateline or of a chat message's stamp: when the report was filed, not
    when its figures happened."""
    if text[d.start - 1:d.start] == "[" and _CHAT_STAMP_TAIL.match(text, d.end):
        return True  # "[08/03/26, 18:05] Hamza (INSO): ..."
    line_start = text.rfind("\n", 0, d.start) + 1
    return bool(_DATELINE_HEAD.fullmatch(text, line_start, d.start)) and bool(_DATELINE_TAIL.match(text, d.end))
