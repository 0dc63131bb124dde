"""Numeric figures: spans, values, bounds, qualifiers and units (pure functions).

`find_figures` returns figure spans with their numbers; context (location,
period, actor, source) is added by `context.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import QA_LABEL, trie_pattern, windowed_finditer
from .numbers import (
    DIGIT_NUMBER, FRACTIONS, SCALES, TENS, UNITS, VULGAR_CLASS, VULGAR_FRACTIONS, WORD_NUMBER, fraction_percent,
    parse_number,
)

__all__ = ["Figure", "find_figures", "measure_for", "clock_spans", "core_matches"]


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str
    qualifier: str
    method: str


_NUMWORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_DENOM = "|".join(sorted(FRACTIONS, key=len, reverse=True))

_CORE = re.compile(
    rf"""
    (?P<vague>
        \b(?:(?:a\s+few|several|many)\s+)?(?:tens|hundreds|thousands|millions|dozens|scores)\s+of\s+(?:thousands|millions|billions)\b
      | \b(?:a\s+few|several|many|few)\s+(?:hundred|thousand|million|billion|dozen)s?\b
      | \b(?:tens|hundreds|thousands|millions|billions|dozens|scores)\b(?=\s+of\b|\s+(?:more|were|had|have|fled|died|of|are|more)\b)
      | \b(?:hundreds|thousands|millions|dozens)\b
    )
  | (?P<halfnum>\bhalf\s+an?\s+(?:million|billion|thousand|hundred|dozen|century)\b)
  | (?P<ratio>\b(?:{_NUMWORD}|an?|\d+)\s+(?:[a-z]+\s+)?in\s+every\s+(?:{_NUMWORD}|\d{{1,3}}(?!\d))\b
      | \b(?:{_NUMWORD}|\d+)\s+(?:in|out\s+of)\s+(?:{_NUMWORD}|\d{{1,3}}(?!\d))\b(?!\s*(?:%|percent|per\s+cent))
      | \b(?:one|two|three|four|five|\d)\s+(?:child|children|person|people|adult|adults|woman|women|man|men|household|households|
          respondent|respondents|family|families|resident|residents|school|schools|village|villages)
          \s+(?:in|out\s+of)\s+(?:{_NUMWORD}|\d{{1,3}}(?!\d))\b(?=\s*[,.;:)]|\s+(?:that|who|is|are|was|were|has|have|had|of|we|in|across|
          remains|remain|remained|lives|live|depends|depend|faces|face|needs|need|suffers|suffer|lacks|lack|receives|receive|
          owns|own|uses|use|attends|attend|gets|get|goes|go|eats|eat|
          relies|rely|still|now|can|could|will|would|may|might|do|does|did)\b))
  | (?P<frac>\b(?P<fnum>{_NUMWORD}|an?)[\s\-‐]+(?P<fden>{_DENOM})\b(?:\s+of\s+an?\s+(?P<fscale>million|billion|thousand|century)\b)?|\bhalf\b)
  | (?P<couple>\b(?:a\s+)?couple\s+of\b(?:\s+(?P<cscale>hundred|thousand|million|billion|dozen)\b)?)
  | (?P<twice>\b(?:twice|thrice)\b|(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bmay\s)\b(?:double|triple|quadruple)(?=\s+(?:the|that|what|its|their)\b))
  | (?P<fold>\b(?:{_NUMWORD}|\d+(?:\.\d+)?)[\s\-‐]?fold\b)
  | (?P<xcount>(?<![\w.,/-])(?:x\d{{1,3}}(?=\s+(?!(?:more|less|fewer|higher|lower|as|the)\b)[A-Za-z])|\d{{1,3}}x(?=\s+(?-i:[A-Z]))))
  | (?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})
  | (?P<vulgar>(?<![\w.]){VULGAR_CLASS}(?![\w]))
    """,
    re.I | re.X,
)

# the words a core can begin with that are not anchors themselves ("a few hundred", "several
# thousand", "tenfold")
_CORE_STARTS = re.compile(r"(?:an?|few|several|many|half|\w+fold)(?![^\W_])", re.I)  # "tenfold": anchored at "fold"
# where a core can begin: a word start, or the amount after naira's "N" ("N45m")
_CORE_WORD_START = re.compile(r"(?<![^\W_])[^\W_]|(?<=(?<![^\W_])N)\d")
# every figure core holds a digit or a number word
_CORE_ANCHOR = re.compile(
    r"\d+(?:[.,]\d+)*|(?<![^\W_])(?:" + trie_pattern(
        list(UNITS) + list(TENS) + list(FRACTIONS) + [
            "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
            "trillion", "trillions", "dozen", "dozens", "tens", "scores", "couple", "twice", "thrice", "double", "triple", "quadruple"]
    ) + r")(?![^\W_])|fold\b",
    re.I,
)
# rare anchors (fraction glyphs, feed shorthand "x3"), looked for only in texts that have them: each
# alternative tried at every position slows the scan of every text
_X_DIGIT = re.compile(r"x\d")


def _has_rare_anchor(text: str) -> bool:
    return bool(_X_DIGIT.search(text)) or (not text.isascii() and any(g in text for g in VULGAR_FRACTIONS))


_CORE_ANCHOR_WITH_RARE = re.compile(VULGAR_CLASS + r"|(?<![^\W_])x(?=\d)|" + _CORE_ANCHOR.pattern, re.I)

_BOUNDS = {
    "more than": ("more_than", "low"), "over": ("more_than", "low"), "above": ("more_than", "low"),
    "in excess of": ("more_than", "low"), "upwards of": ("more_than", "low"),
    "well over": ("more_than", "low"), "just over": ("more_than", "low"),
    "greater than": ("more_than", "low"), "exceeding": ("more_than", "low"),
    "well above": ("more_than", "low"), "more than a": ("more_than", "low"),
    "at least": ("at_least", "low"), "a minimum of": ("at_least", "low"),
    "no fewer than": ("at_least", "low"), "no less than": ("at_least", "low"),
    "not less than": ("at_least", "low"),
    "nearly": ("approx", "high"), "almost": ("approx", "high"), "close to": ("approx", "high"),
    "just under": ("approx", "high"), "just shy of": ("approx", "high"),
    "just below": ("approx", "high"), "nearly a": ("approx", "high"), "almost a": ("approx", "high"),
    "fewer than": ("less_than", "high"), "less than": ("less_than", "high"),
    "under": ("less_than", "high"), "below": ("less_than", "high"),
    "up to": ("at_most", "high"), "at most": ("at_most", "high"), "no more than": ("at_most", "high"),
    "not more than": ("at_most", "high"), "a maximum of": ("at_most", "high"),
    "as many as": ("at_most", "high"), "as much as": ("at_most", "high"),
    "about": ("approx", None), "around": ("approx", None), "roughly": ("approx", None),
    "some": ("approx", None), "an estimated": ("approx", None), "estimated": ("approx", None),
    "approximately": ("approx", None), "approx.": ("approx", None), "circa": ("approx", None),
    "c.": ("approx", None), "ca.": ("approx", None),
    "maybe": ("approx", None), "more like": ("approx", None), "perhaps": ("approx", None), "possibly": ("approx", None),
    "an average of": ("approx", None), "on average": ("approx", None), "~": ("approx", None),
    "about a": ("approx", None), "around a": ("approx", None), "roughly a": ("approx", None),
    "some a": ("approx", None), "approximately a": ("approx", None),
}
_BOUND_RX = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in sorted(_BOUNDS, key=len, reverse=True))
# ISO 4217 codes written before an amount ("JPY 2.4 billion", "CHF 21.3 million"): upper case only,
# so that no English word ("all", "top") reads as a currency in the case-insensitive patterns.
_ISO_CURRENCIES = ("AED AUD BRL CAD CHF CNY DKK DZD EGP GHS INR JPY KRW KWD MAD NOK QAR RUB SAR SEK TRY XAF ZAR"
                   " UA").split()  # (UA: the Units of Account of ECOWAS and the African Development Bank)
_CUR_PREFIX = (r"(?:US\s?\$|\$|€|£|F?CFAF?\s?|₦|(?<![^\W_])(?-i:USD|EUR|GBP|XOF|NGN)\s?|(?<![^\W_])(?-i:N)\Z"
               r"|(?-i:(?:" + "|".join(_ISO_CURRENCIES) + r")\s?))")
_LEFT = re.compile(
    rf"(?:(?<![\w.])(?P<bound>{_BOUND_RX})\s+|(?P<tilde>~)\s*)?(?P<cur>{_CUR_PREFIX}\s*)?$", re.I
)
# the words a bound or a currency before a number can end with: _LEFT is searched only when
# the token before the number is one of them (most numbers have neither, and the search is costly)
_LEFT_LAST_WORDS = frozenset(b.split()[-1].lower() for b in _BOUNDS) | {"cfa", "fcfa", "cfaf"}
_LEFT_LAST_CODES = frozenset(["USD", "EUR", "GBP", "XOF", "NGN", "N", *_ISO_CURRENCIES])
_LEFT_LAST_SYMBOLS = frozenset("$€£₦~")


def _left_match(text: str, pos: int) -> re.Match | None:
    """_LEFT.search before `pos`, skipped when the token before cannot end a bound or a currency."""
    before = text[max(0, pos - 40):pos].rstrip()
    if not before:
        return None
    last = before.rsplit(None, 1)[-1]
    word = last.lstrip("([{\"'“‘—–-/")
    if last[-1] not in _LEFT_LAST_SYMBOLS and word not in _LEFT_LAST_CODES \
            and word.lower() not in _LEFT_LAST_WORDS and not word.lower().endswith("cfa"):
        return None
    return _LEFT.search(text, max(0, pos - 40), pos)


_RANGE_LEFT = re.compile(
    rf"(?<![\w])(?P<rw>between|from)\s+(?:(?:about|around|some|roughly|nearly|almost|approximately|over|"
    rf"more\s+than|less\s+than|fewer\s+than|at\s+least)\s+)?(?:{_CUR_PREFIX}\s*)?$",
    re.I,
)

_RIGHT = re.compile(
    r"""
    (?P<pp>\s*(?:percentage|per\s*cent(?:age)?)\s+points?\b|\s*pp\b|\s*ppts?\b)
  | (?P<pct>\s*(?:%|per\s?cent\b|percent\b|pc\b|pct\b))
  | (?P<cur>\s+(?:(?:US|U\.S\.|American)\s+)?dollars?\b|\s+euros?\b|\s+(?:CFA\s+)?francs?(?:\s+CFA)?\b|\s+F?CFA\b|\s+USD\b|\s+EUR\b|\s+XOF\b|\s+naira\b|\s+(?:British\s+)?pounds?(?:\s+sterling)?\b|\s+roubles?\b|\s+rubles?\b|\s+yuan\b|\s+(?:US\s+)?cents?\b|\s+Units?\s+of\s+Account\b)
  | (?P<times>(?:\s+|-)times\b)
  | (?P<dur>(?:\s+|-)(?:(?:hearing|working|calendar|business|school|trading|sitting|flight|flying|engine|man)\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|decades?)\b|h(?![^\W_]|:)|\s+h(?=\s+\d{1,2}\s*min))
  | (?P<deg>\s*°\s*C\b)
  | (?P<meas>\s+t\b(?![\'’])|(?:\s*|[\-‐])(?:km²|km2|sq\.?\s?km\b|sq\.?\s?mi(?:les?)?\b|square\s+miles?\b|square\s+kilomet(?:er|re)s?\b|kilomet(?:er|re)s?\b|km\b|kilograms?\b|kilos?\b|kg\b|square\s+met(?:er|re)s?\b|met(?:er|re)s?\b|(?:metric\s+)?tonnes?\b|(?:metric\s+)?tons?\b|litres?\b|liters?\b|(?-i:L)\b(?![’'\-.])|hectares?\b|ha\b|miles?\b|(?-i:TIV)\b|ft\b|feet\b|foot\b))
    """,
    re.I | re.X,
)
_CUR_CODE = [
    (re.compile(r"US\s?\$|\$|USD|dollar|\bcents?$", re.I), "USD"),
    (re.compile(r"€|EUR|euro", re.I), "EUR"),
    (re.compile(r"£|GBP|pound", re.I), "GBP"),
    (re.compile(r"CFA|XOF|franc", re.I), "XOF"),
    (re.compile(r"Units?\s+of\s+Account", re.I), "UA"),
    (re.compile(r"₦|NGN|naira", re.I), "NGN"),
    (re.compile(r"^N$"), "NGN"),  # "N45m"
    (re.compile(r"rouble|ruble", re.I), "RUB"),
    (re.compile(r"yuan", re.I), "CNY"),
    *((re.compile(rf"^{code}\s?$"), code) for code in _ISO_CURRENCIES),
]
_DUR_UNIT = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "h": "hour", "minute": "minute",
             "min": "minute", "decade": "decade"}
_MEAS_UNIT = [
    (re.compile(r"square\s+met", re.I), "m2"),
    (re.compile(r"sq\.?\s?mi|square\s+mile", re.I), "mi2"),
    (re.compile(r"km²|km2|sq|square", re.I), "km2"), (re.compile(r"km|kilomet", re.I), "km"),
    (re.compile(r"kg|kilo", re.I), "kg"), (re.compile(r"met(?:er|re)", re.I), "m"), (re.compile(r"ton|^\s+t$", re.I), "t"),
    (re.compile(r"(?i:lit)|^\s*L$"), "l"), (re.compile(r"ha|hectare", re.I), "ha"), (re.compile(r"mile", re.I), "mi"),
    (re.compile(r"TIV"), "TIV"),  # SIPRI's trend-indicator value
    (re.compile(r"ft|feet|foot", re.I), "ft"),
]
_PLUS = re.compile(r"\+|-plus\b|\s+or\s+more\b|\s+or\s+above\b|\s+and\s+(?:more|above)\b", re.I)
# a hedge written after the number: "20,000 or so", "fifty-odd"
_ROUGHLY_AFTER = re.compile(r"\s+or\s+so\b|-odd\b", re.I)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|‐|to|and|or)\s*", re.I)
_CLOCK = re.compile(
    r"\b\d{1,2}[:h]\d{2}\b(?:\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC))?|\b\d{1,2}(?:\.\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{3,4}\s*(?:GMT|UTC|hrs)\b|(?<=GMT)[+\-−]\d{1,2}\b|(?<=UTC)[+\-−]\d{1,2}\b|\b\d{1,2}\.\d{2}\s*(?:GMT|UTC|BST|CET|CEST|WAT|EST|EDT)\b|\+\d{1,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-]?\d{2,4}){2,}|\[\d+\]"
    # phone numbers: "(456) 7890", "0700 555 1234", "Tel: 90 11 22 33"
    r"|\((?!(?:19|20)\d\d\))\d{2,5}\)\s?\d{3,4}(?:[\s.\-]\d{2,4})*"
    r"|(?<![\d,.])0\d{2,4}[\s.\-]\d{2,4}[\s.\-]\d{2,4}(?:[\s.\-]\d{2,4})?(?![\d,])"
    r"|\b(?:Tel|Fax|Phone|Hotline|Telephone)\b\.?:?\s*\+?\d{2,4}(?:[\s.\-]\d{2,4}){2,}",
    re.I,
)
# (each alternative opens with a cheap test of one character: the engine tries them at every position)
_CLOCK_ANCHOR = re.compile(
    r"\d(?:[:h]\d|\s*(?:[ap]\.?m\b|GMT|UTC|hrs))|[+\[]\d|\(\d{2,5}\)\s?\d|0(?<![\d,.]0)\d{2,4}[\s.\-]\d"
    r"|[tfph](?<![^\W_][tfph])(?:el(?:ephone)?|ax|hone|otline)\b", re.I)
_REF_BEFORE = re.compile(
    r"(?:\b(?:Resolution|Article|Chapter|Section|Paragraph|No\.|Nos\.|Number|Law|Decree|Order|Protocol|"
    r"Table|Figure|Fig\.|Annex|Page|p\.|pp\.|para\.|paras\.|paragraph|§|Route|Nationale|National|Road|Avenue|Street|"
    r"Base|Camp|Post|Block|Lot|Plot|Gate|Terminal|Hall|Wing|Ward|Cell|Box|Code|Chapter|Title|Bill|Act|Resolution|"
    r"H\.R\.|S\.|Sec\.|Art\.|Op\.|Vol\.|No|Nº|n°|RN|Highway|Flight|Room|Vol\.|Volume|Issue|Item|Rule|"
    r"Phase|Level|Category|Tier|Stage|Zone|Sector|Battalion|Brigade|Regiment|Division|Squadron|"
    r"Force|Operation|District|Report|Amendment|Clause|Schedule|Appendix|Exhibit|Map|Chart|Step|Round|Unit|"
    r"Platoon|Model|Version|Mk|Mark|Su|Mi|MiG|Tu|Il|An|Ka|Covid|COVID|Windows|iPhone|Agenda|Vision|"
    r"Episode|Ep\.|Season|Series|Part|Lesson|Module|Edition|Paper|Bulletin|Sitrep|Update|"
    r"N°|N\.°|Secteur|Quartier|BP|B\.P\.|HC|Questions?|Qq?\.|Articles|Sections|Paragraphs|Pages|Resolutions|Chapters|Tables|Annexes|Rue|Boulevard|Licen[cs]e|resolution|article|section|paragraph|page|chapter|annex|"
    r"hotline|helpline|(?:free|toll-free|emergency)\s+(?:line|number)|[Dd]ial|E\.O\.\)?|Executive\s+Order|CFR\s+part|"
    r"CFR|U\.S\.C\.|round|note|notes|footnote|endnote|Question|question|questions|vol|volume|version|release|col|column|"
    r"level|levels|LEVEL|Page\s+\d{1,3}\s+of|page\s+\d{1,3}\s+of|PK|SDG|SDGs|no\.|nos\.)"
    r"\s*-?\s*|#)$"
)
_AGE = re.compile(
    r"(?:(?<![\w'’\-])(?!(?:In|At|On|By|For|From|To|Of|And|But|Or|The|With|Since|After|Before|During|Across|Near|Between)\s)"
    r"[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?|\b(?:leader|man|woman|boy|girl|farmer|herder|"
    r"trader|chief|commander|father|mother|son|daughter|teacher|student|driver|soldier|officer|resident|victim|"
    r"survivor|witness|spokesman|spokeswoman|president|minister|imam|pastor|priest|journalist|mayor|widow|"
    r"widower|husband|wife|fisherman|shepherd|miner|nurse|doctor|activist|founder|emir))\s*[,(]\s*(?:aged\s+)?$"
)
_CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|rising|rises|fell|fallen|falls|falling|increased|increases|decreased|decreases|grew|grown|"
    r"grows|dropped|drops|declined|declines|shrunk|shrank|shrinks|cut|cuts|climbed|climbs|jumped|jumps|surged|"
    r"soared|plunged|plummeted|went|going|up|down|reduced|reduces|doubled|tripled|halved|changed|moved|"
    r"expanded|contracted|swelled|ballooned|slashed|raised|lowered|raise|raises|raising|increase|reduce|lower|"
    r"decrease|boost|boosted|double)\b[^.;:]{0,80}$",
    re.I,
)
_HALF_BAD_BEFORE = re.compile(r"\b(?:first|second|latter|former|other|next|last|the)\s+$", re.I)
_HALF_OK_AFTER = re.compile(r"\s+(?:of|the|its|their|his|her|a|an|that|those|these|all)\b", re.I)
_HALF_OK_BEFORE = re.compile(
    r"\b(?:by|than|nearly|almost|about|around|over|roughly|some|only|just|and|to|under|cut|halved|fell|dropped|rose|grew|lost|between|or|from)\s+$", re.I
)
_SCALED = re.compile(r"(hundred|thousand|million|billion|trillion|bn|mn|m|k|dozen)s?$", re.I)
_ORDINAL_TAIL = re.compile(r"[\-‐](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.I)
_CENTS = re.compile(r"cents?$", re.I)
_DASH_BEFORE = re.compile(r"\s*[-–]\s*$")
_LETTER_HYPHEN = re.compile(r"[A-Za-z]-|[A-Za-z]‐")
_UNIT_LETTERS = re.compile(r"(?:km²|km2|km|kg|pc|bn|mn)(?![^\W_])|t\b|m\b|k\b|h(?![^\W_]|:)", re.I)  # not "10PC84417"
_LEADING_ZERO = re.compile(r"0\d")
_STATISTIC_BEFORE = re.compile(r"\b[pP]\s*[<>=≤≥]\s*$|\b(?:r|R²|R2|t|z|F|df|SE|SD|CI)\s*=\s*$")
_YEARS_OLD = re.compile(r"[\-‐\s]years?[\-‐\s]old\b", re.I)
# "five times as many as two years ago": a comparison, not a bound on what follows
_MULTIPLIER_WORDS = {"twice": 2.0, "double": 2.0, "thrice": 3.0, "triple": 3.0, "quadruple": 4.0}
_MULTIPLE_BEFORE = re.compile(r"\b(?:times|twice|thrice|half|fold)\s+$", re.I)
_CURRENCY_CHARS = re.compile(r"[$€£₦A-Z]")  # a cheap test before looking for a currency written again
# phone numbers written in pairs of digits: "80 00 11 45", "20 72 35 00"
_PHONE_RUN = re.compile(r"(?<![\d,.])\d{2,4}(?:[ .]\d{2}){3,}(?![\d,])")
_PHONE_PAIRS = re.compile(r"\d\d[ .]\d\d[ .]\d\d")
_UNIT_NAME = re.compile(r"\((?!(?:SD|SE|IQR|CI|OR|RR|HR|AOR|MAD)\s)[A-Z]{2,5}\s$")  # "(BIR 14)", not "(SD 3)"
# a unit's name in running text ("escorted by BIR 15, the first ..."): after a preposition or "the", an
# acronym, then the number, then a stop (not a list of counts: "JNIM 312, IS Sahel 120")
_BARE_UNIT_NAME = re.compile(r"\b(?:by|of|from|with|the|to)\s+(?!(?:SD|SE|IQR|CI|OR|RR|HR|AOR|FCFA|CFA|" + "|".join(_LEFT_LAST_CODES)
                             + r")\s)[A-Z]{2,5}\s$")
_REF_AFTER = re.compile(r"\s+(?:CFR|U\.S\.C\.)(?![^\W_])")
_AGED_BEFORE = re.compile(r"\baged\s+$|\b(?:older|younger)\s+than\s+$", re.I)
_AGE_RANGE_TAIL = re.compile(rf"(?:\s*(?:months?|years?))?\s*(?:and|to|-|–)\s*(?P<end>\d{{1,3}}(?!\d)|(?i:{_NUMWORD})\b)")
_WHO_IS_BEFORE = re.compile(r"\bwho\s+(?:is|was|turned|turns|is\s+now)\s+$")
_AGED_RANGE_BEFORE = re.compile(r"\baged\s+(?:between|from)\s+$", re.I)  # "boys aged between 12 and 16"
_AGE_BRACKET_ENDS = ("der", "ver", "low", "ove", "han", " of")  # the word just before, a cheap test first
# an age bracket: "children under five", "men over 60", "girls under the age of 15"
_AGE_BRACKET_BEFORE = re.compile(
    r"\b(?:children|child|infants|kids|babies|boys|girls|minors|youths?|adults|women|men|people|persons)\s+"
    r"(?:under|below|over|above|older\s+than|younger\s+than)\s+(?:the\s+age\s+of\s+)?$", re.I)
_UPDATED_BEFORE = re.compile(r"\b(?:Updated|updated|Posted|posted|Published|published|Edited|edited)\s+$")
_AGO_AFTER = re.compile(r"\s+(?:sec|secs|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago\b")
_NOT_A_QUANTITY_AFTER = re.compile(r"\s+o['’]clock\b|\s?(?:FM|MHz|kHz|kB|KB|MB|GB|Mo|Ko)\b|[\s\-]?min(?:ute)?s?\.?\s+read\b"
                                   r"|°\s?\d{1,2}\s?[′']")  # a file's size; a coordinate: "12°04′N"
# a calibre: "7.62 mm and 12.7 mm door guns", "a 30 mm cannon", "122 mm multiple rocket launchers"
_CALIBRE_AFTER = re.compile(
    r"\s?mm\b(?=(?:[^.;:]|\.\d){0,40}?(?:\b(?:guns?|cannons?|calibre|caliber|machine|rifles?|howitzers?|mortars?|rockets?|"
    r"launchers?|rounds?|ammunition|artillery|shells?|cartridges?)\b|\b[A-Z]{2,5}\b))")
_PHRASAL_OVER_BEFORE = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|"
                                  r"taking|sign|signs|signed|signing|pass|passes|passed|passing)\s+$", re.I)
_SECTION_NUMBER = re.compile(r"[ \t#]*\d{1,2}(?:\.\d{1,2}){1,3}\.?[ \t]+[A-Z][^\n.!?:;]{0,70}(?=\n|$)")
# a rating: "HIGH (4/5)", "1 (LOW) to 5 (EXTREME)"
_RATING = re.compile(r"\(\s*\d{1,2}\s*/\s*(?:5|10)\s*\)|\d{1,2}\s*\((?:LOW|MINIMAL|MODERATE|MEDIUM|ELEVATED|HIGH|SEVERE|"
                     r"VERY\s+HIGH|EXTREME|CRITICAL)\)")
_RATE_BASE_AFTER = re.compile(r"\s+(?:inhabitants|people|residents|population|persons|capita|live\s+births|births)\b")
# a chart's axis left in a text pasted from a PDF: three lines or more, each one bare number
_AXIS_LINES = re.compile(r"(?:^[ \t]*\d[\d,.]*[ \t]*(?:\n|\Z)){3,}", re.M)
_STAMP_LINE = re.compile(r"[ \t]*\d{1,3}[ \t]?(?:s|m|h|d|mins?|minutes?|hrs?|hours?|days?)[ \t]+ago[ \t]*(?=\n|$)", re.I)
# a title in quotes: "Forty Days in Ménaka"
_TITLE_AFTER = re.compile(r"\s+[A-ZÀ-Þ][a-zà-ÿ]")
_CLOCK_WORD_BEFORE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|tonight|today)s?\s+at\s+$")
_SENTENCE_STOP_AFTER = re.compile(r"\s*(?:[.;!?]|,\s|$|\s+(?:sharp|GMT|UTC|local\s+time|in\s+the\s+(?:morning|evening))\b)")
_OF_MONEY = re.compile(r"\s+of\s+(?P<cur>dollars|euros|pounds|naira|CFA\s+francs|francs|roubles|rubles)\b")
_DURATIONS = frozenset(["day", "week", "month", "year", "decade", "hour"])
# "over" before a duration means "more than" only after these ("for over two years", "lasted over a week")
_LONGER_BEFORE = re.compile(r"\b(?:for|lasted|lasting|lasts|last|took|takes|take|after|than|spent|spend|spends|of|in)\s+$", re.I)
_SHORT_SPAN_AFTER = re.compile(r"[\s\-]+(?:days?|weeks?|months?|hours?|nights?)\b", re.I)  # ages are in years
_AGE_APPOSITION_AFTER = re.compile(
    r",\s+(?:a|an|the|who|from|of|said|says|told|tells|recalls|recalled|explains|explained|adds|added)\b")
_SPEAKER_COMMA_BEFORE = re.compile(r"\b(?:said|says|told|recalls|recalled|explains|explained|adds|added)\s+"
                                   r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2},\s*$")
_SENTENCE_END_AFTER = re.compile(r"[.!?]")
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][\w'’\-]+,\s*$")
_COMMA_OR_PAREN_AFTER = re.compile(r"\s*[,)]")
_SINGLE_DENOM = {"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _cur_code(s: str) -> str | None:
    for rx, code in _CUR_CODE:
        if rx.search(s):
            return code
    return None


@dataclass(slots=True)
class _Core:
    start: int
    end: int  # end of the core number
    kind: str
    value: float | None
    low: float | None = None  # for vague
    word: bool = False
    scaled: bool = False


def _core_from_match(text: str, m: re.Match) -> _Core | None:
    s, e = m.start(), m.end()
    kind = m.lastgroup  # the top-level alternatives exclude each other; fnum/fden close inside frac
    if kind in ("fnum", "fden", "fscale"):
        kind = "frac"
    elif kind == "cscale":
        kind = "couple"
    g = m.group(kind).lower()
    if kind == "vague":
        words = g.split()
        low = 100.0
        if "dozen" in g or "dozens" in g:
            low = 12.0
        if "scores" in g:
            low = 20.0
        if "tens" in words[0] if words else False:
            low = 10.0
        for w, v in (("hundred", 100.0), ("thousand", 1000.0), ("million", 1e6), ("billion", 1e9)):
            if w in g:
                low = v
        if re.match(r"(?:tens|hundreds|dozens|scores)\s+of\s+(thousands|millions|billions)", g):
            base = {"tens": 10, "hundreds": 100, "dozens": 12, "scores": 20}[words[0]]
            low = base * {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[words[2]]
        return _Core(s, e, "vague", None, low)
    if kind == "halfnum":
        if g.endswith("century"):
            return _Core(s, e, "years", 50.0, word=True)  # "more than half a century"
        v = parse_number("one " + g.split()[-1])
        return _Core(s, e, "num", v / 2 if v else None, word=True, scaled=True) if v else None
    if kind == "ratio":
        parts = re.split(r"\s+(?:in(?:\s+every)?|out\s+of)\s+", g, maxsplit=1)
        first = parts[0].split()[0]
        a = 1.0 if first in ("a", "an") else parse_number(first)
        b = parse_number(parts[1])
        if not a or not b or a > b:
            return None
        return _Core(s, e, "frac", fraction_percent(a, b))
    if kind == "frac":
        if g == "half":
            before = text[max(0, s - 30):s]
            if _HALF_BAD_BEFORE.search(before):
                return None
            if not (_HALF_OK_AFTER.match(text, e) or _HALF_OK_BEFORE.search(before)):
                return None
            return _Core(s, e, "frac", 50.0)
        num = m.group("fnum").lower()
        den = m.group("fden").lower()
        if m.group("fscale"):  # "a quarter of a million": one number, not a share
            n = 1.0 if num in ("a", "an") else parse_number(num)
            if not n or n >= FRACTIONS[den]:
                return None
            if m.group("fscale").lower() == "century":
                return _Core(s, e, "years", float(round(n / FRACTIONS[den] * 100)), word=True)
            scale = parse_number("one " + m.group("fscale"))
            return _Core(s, e, "num", float(round(n / FRACTIONS[den] * scale)), word=True, scaled=True)
        if num in TENS:
            return None  # "thirty-fourth", "twenty-first": an ordinal, not 30/4
        n = 1.0 if num in ("a", "an") else parse_number(num)
        if n is None:
            return None
        if num in ("a", "an", "one") and den in _SINGLE_DENOM and not re.search(r"[\-‐]", g):
            # "a third of", "by a third": not "a third country", "one fourth time"
            before = text[max(0, s - 30):s]
            after_ok = re.match(r"\s+of\b|\s*[.,;)]|\s+(?:have|has|had|were|are|was|is|remain|remained)\b", text[e:e + 10])
            if not (after_ok or _HALF_OK_BEFORE.search(before)):
                return None
        if den.endswith("s") and n == 1 and den != "halves":
            return None
        return _Core(s, e, "frac", fraction_percent(n, FRACTIONS[den]))
    if kind == "xcount":
        return _Core(s, e, "num", float(g.strip("x")))  # feed shorthand: "x3 vehicles", "2x Su-24"
    if kind == "vulgar":
        return _Core(s, e, "frac", round(100 * VULGAR_FRACTIONS[g], 2))  # "¾ of the displaced"
    if kind == "couple":  # "a couple of", "a couple of hundred"
        scale = m.group("cscale")
        return _Core(s, e, "couple", 2.0 * (parse_number("one " + scale) if scale else 1.0), word=True, scaled=bool(scale))
    if kind == "twice":
        return _Core(s, e, "times", _MULTIPLIER_WORDS[g.lower()], word=True)
    if kind == "fold":
        v = parse_number(re.sub(r"[\s\-‐]?fold$", "", g))
        if v is None:
            return None
        return _Core(s, e, "times", v, word=not g[0].isdigit())
    # plain number
    raw = m.group("num")
    word = not raw[0].isdigit()
    # trailing "and" captured by the word pattern is never part of the number
    while word and re.search(r"\s+and$", raw, re.I):
        raw = re.sub(r"\s+and$", "", raw, flags=re.I)
        e = s + len(raw)
    if word:
        # "and" joins only after a scale word ("one hundred and fifty"); else cut
        parts = re.split(r"(\s+and\s+(?!a\s+half))", raw, flags=re.I)
        if len(parts) > 1:
            keep = parts[0]
            for i in range(1, len(parts), 2):
                if re.search(r"(hundred|thousand|million|billion)$", keep, re.I) and parse_number(parts[i + 1]) is not None and parse_number(parts[i + 1]) < 100:
                    keep += parts[i] + parts[i + 1]
                else:
                    break
            raw = keep
            e = s + len(raw)
    v = parse_number(raw)
    if v is None:
        return None
    scaled = not raw[-1].isdigit() and bool(_SCALED.search(raw))
    return _Core(s, e, "num", v, word=word, scaled=scaled)


def _overlaps(spans, s, e) -> bool:
    for a, b in spans:
        if a < e and s < b:
            return True
    return False


_LETTER_RUN = re.compile(r"[a-z]+", re.I)


def _right(text: str, e: int):
    """Unit after a number: (kind, unit, end) or (None, None, e)."""
    m = _RIGHT.match(text, e)
    if not m:
        return None, None, e
    k = m.lastgroup
    g = m.group(k)
    if k == "pp":
        return "pct", "percentage_point", m.end()
    if k == "pct":
        return "pct", "percent", m.end()
    if k == "cur":
        return "cur", _cur_code(g), m.end()
    if k == "times":
        return "times", "times", m.end()
    if k == "deg":
        return "meas", "°C", m.end()
    if k == "dur":
        w = _LETTER_RUN.findall(g)[-1].lower().rstrip("s")  # "187 hearing days": the last word
        return "dur", _DUR_UNIT[w], m.end()
    if k == "meas":
        for rx, u in _MEAS_UNIT:
            if rx.search(g):
                return "meas", u, m.end()
    return None, None, e


def clock_spans(text: str) -> list[tuple[int, int]]:
    """Clock times, phone numbers and footnote marks: never figures."""
    spans = [(m.start(), m.end()) for m in windowed_finditer(_CLOCK, _CLOCK_ANCHOR, text, before=8, after=40)]
    pairs = [(m.start(), m.end()) for m in windowed_finditer(_PHONE_RUN, _PHONE_PAIRS, text, before=4, after=20)]
    return sorted(spans + pairs) if pairs else spans


# a footnote rule ("__________") opens a block of footnotes, each line led by its number, up to a blank line
_FOOTNOTE_RULE = re.compile(r"^[ \t]*(?:_{5,}|-{5,}|—{3,})[ \t]*\n", re.M)
_FOOTNOTE_LINE = re.compile(r"[ \t]*(?P<mark>\d{1,3})(?=[ \t]+\S)[^\n]*(?:\n|$)")
_CONTINUED_NOTE_LINE = re.compile(r"[ \t]*(?!\d{1,3}[ \t])\S[^\n]*(?:\n|$)")
_CODE_NAMED = re.compile(r"\bcode-?named\s+(?P<name>[A-Z][\w\-]*)\s+\d{1,3}\b")
# a column's money unit in a heading: "Aid (USD million)", "(CFAF billion)", "(EUR)"
_MONEY_HEADING = re.compile(
    r"\((?P<cur>US\$|USD|\$|EUR|€|CFAF|FCFA|XOF|CFA\s+francs?)\s*(?P<scale>million|billion|thousand|bn|m)?s?\)", re.I)
_BRACKETED_REFERENCES = re.compile(
    r"\((?:see\s+)?(?:counts?|paras?\.?|paragraphs?|articles?|sections?|rules?|annex(?:es)?|pages?|pp?\.)\s+"
    r"\d+(?:\s*(?:,|and|to|–|-|&)\s*\d+)*\)", re.I)
_ARTICLE_SUBCLAUSE = re.compile(r"\b[Aa]rticles?\s+\d+(?P<sub>(?:\(\d+\))+)")
# a UN document's job number in its footer: "25-11873 (E)"
_JOB_NUMBER = re.compile(r"(?<![\w\-])\d{2}-\d{5}(?=\s*\([A-Z]\))")


def reference_spans(text: str) -> list[tuple[int, int]]:
    """Numbers that name or point into things, never figures: the numbers leading the lines of a
    footnote block, documents' job numbers ("25-11873 (E)"), bracketed lists of paragraphs or
    charges ("(paras 241-268)", "(counts 9, 10 and 13)"), an article's sub-clauses ("article
    25(3)(a)"), a column's money unit ("(USD million)"), a press-conference label ("Q (Journalist,
    Burkina 24):"), an operation's code name ("code-named Kouka 2", then every "Kouka 2") and a chart's
    axis values left one per line.

    Read on the original text: masking markup blanks the rule line."""
    out = []
    if "code-named" in text or "codenamed" in text:
        for name in {m.group("name") for m in _CODE_NAMED.finditer(text)}:
            out += [(m.start("n"), m.end("n")) for m in re.finditer(rf"\b{re.escape(name)}\s+(?P<n>\d{{1,3}})\b", text)]
    if "(" in text:
        out += [(m.start("inner"), m.end("inner")) for m in QA_LABEL.finditer(text)]
        out += [(m.start(), m.end()) for m in _BRACKETED_REFERENCES.finditer(text)]
        out += [(m.start(), m.end()) for m in _MONEY_HEADING.finditer(text) if m.group("scale")]
        out += [(m.start("sub"), m.end("sub")) for m in _ARTICLE_SUBCLAUSE.finditer(text)]
        out += [(m.start(), m.end()) for m in _JOB_NUMBER.finditer(text)]
    if "\n" in text:
        out += [(m.start(), m.end()) for m in _AXIS_LINES.finditer(text)]
    if "___" in text or "-----" in text or "———" in text:
        for rule in _FOOTNOTE_RULE.finditer(text):
            pos = rule.end()
            while (line := _FOOTNOTE_LINE.match(text, pos)) is not None:
                out.append((line.start("mark"), line.end("mark")))
                pos = line.end()
                # a note wrapped over several lines (text pasted from a PDF)
                while (more := _CONTINUED_NOTE_LINE.match(text, pos)) is not None:
                    pos = more.end()
    return out


def core_matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Candidate number expressions of a whole text (run once, then split by sentence)."""
    anchor = _CORE_ANCHOR_WITH_RARE if _has_rare_anchor(text) else _CORE_ANCHOR
    return list(windowed_finditer(_CORE, anchor, text, start, end, before=12, after=80, word_starts=True,
                                  starts=_CORE_STARTS, word_start=_CORE_WORD_START))


_WHITESPACE = re.compile(r"\s+")
_SCALE_END = re.compile(r"(?:million|billion|trillion|bn|mn|m)$", re.I)
_VERSUS_BEFORE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|against)\s+$", re.I)


def find_figures(text: str, start: int, end: int, blocked: list[tuple[int, int]],
                 clock: list[tuple[int, int]] | None = None, matches: list[re.Match] | None = None) -> list[Figure]:
    """Figures in text[start:end] (one sentence), skipping blocked spans (dates)."""
    if clock is None:
        clock = [(m.start(), m.end()) for m in _CLOCK.finditer(text, start, end)]
    if matches is None:
        matches = core_matches(text, start, end)
    if not matches:
        return []
    blocked = list(blocked) + [c for c in clock if c[0] < end and c[1] > start]
    cores: list[_Core] = []
    reference_ends: list[int] = []
    for m in matches:
        c = _core_from_match(text, m)
        if c is None:
            continue
        if _overlaps(blocked, c.start, c.end):
            continue
        if c.kind == "num" and c.word and _ORDINAL_TAIL.match(text, c.end):
            continue  # "twenty-first"
        if c.kind == "num" and c.value is not None and c.value < 120 \
                and text[max(0, c.start - 4):c.start - 1].endswith(_AGE_BRACKET_ENDS) \
                and _AGE_BRACKET_BEFORE.search(text, max(0, c.start - 40), c.start) \
                and not _SHORT_SPAN_AFTER.match(text, c.end):
            continue  # "children under five": an age bracket, not a count (but "500 people over five days")
        if c.kind == "num" and c.value is not None and c.value < 120 and (
                _AGED_BEFORE.search(text, max(0, c.start - 14), c.start)
                or _AGED_RANGE_BEFORE.search(text, max(0, c.start - 14), c.start)
                or _WHO_IS_BEFORE.search(text, max(0, c.start - 14), c.start) and _SENTENCE_STOP_AFTER.match(text, c.end)):
            tail = _AGE_RANGE_TAIL.match(text, c.end)
            if tail:
                blocked.append((tail.start("end"), tail.end("end")))
            continue  # ages: "aged 52", "aged 6 to 59 months", "aged between 12 and 16", "who is 37,"
        if c.kind == "num" and c.value is not None and (
                _NOT_A_QUANTITY_AFTER.match(text, c.end) or text[c.start - 1:c.start] == "°"
                or "mm" in text[c.end:c.end + 3] and _CALIBRE_AFTER.match(text, c.end)
                or _AGO_AFTER.match(text, c.end) and _UPDATED_BEFORE.search(text, max(0, c.start - 12), c.start)
                or c.value <= 12 and _CLOCK_WORD_BEFORE.search(text, max(0, c.start - 20), c.start)
                and _SENTENCE_STOP_AFTER.match(text, c.end)):
            continue  # "seven o'clock", "98.7 FM", "next Thursday at seven."
        if not c.word and text.find(".", c.start, c.end) > 0 and text[c.end:c.end + 1] in " \t" \
                and (c.start == 0 or text[c.start - 1] in "\n \t#"):
            line_start = c.start
            while line_start > 0 and text[line_start - 1] in " \t#":
                line_start -= 1
            if (line_start == 0 or text[line_start - 1] == "\n") and _SECTION_NUMBER.match(text, line_start):
                continue  # a section heading's number: "2.1 Sample", "3.2.1 Robustness checks"
        if c.kind == "vague" and text[c.start - 1:c.start] == "(" and text[c.end:c.end + 1] == ")":
            continue  # a unit label: "Population (thousands)"
        if not c.word and (text[c.start - 1:c.start] in ("(", "/") or text.startswith(("/", " (", "("), c.end)) \
                and any(r.start() <= c.start < r.end() for r in _RATING.finditer(text, max(0, c.start - 4), c.end + 16)):
            continue  # a rating, not a quantity
        if not c.word and text[c.start - 4:c.start] == "per " and _RATE_BASE_AFTER.match(text, c.end):
            continue  # a rate's base: "events per 100,000 inhabitants"
        if not c.word and text.find("ago", c.end, c.end + 12) >= 0:
            stamp = _STAMP_LINE.match(text, text.rfind("\n", 0, c.start) + 1)
            if stamp and c.end <= stamp.end():
                continue  # a live blog's stamp on a line of its own: "4m ago", "1h ago"
        if c.word and text[c.start:c.start + 1].isupper() and text[max(0, c.start - 1):c.start] in ('"', "“", "*", "_", "(") \
                and _TITLE_AFTER.match(text, c.end):
            continue  # a title: 'her memoir, "Forty Days in Ménaka"'
        if c.kind == "num" and not c.word:
            nxt = text[c.end:c.end + 1]
            prev2 = text[max(0, c.start - 2):c.start]
            if _LETTER_HYPHEN.match(prev2) or prev2.endswith(":"):
                continue  # COVID-19, Mi-24, clock
            if nxt.isalpha() and not _UNIT_LETTERS.match(text[c.end:c.end + 3]):
                continue  # 5th, 1990s, 10am
            if nxt in (":", "/") and text[c.end + 1:c.end + 2].isdigit():
                continue  # clock times, "24/7", "9/11"
            if _LEADING_ZERO.match(text, c.start):
                continue  # codes with leading zeros: "2023-001"
            if prev2[-1:] in ("-", "–", "/") and prev2[:1].isdigit() and _overlaps(blocked, c.start - 6, c.start - 1):
                continue  # the tail of a code after a year: "2023-001"
            if nxt == ")" and text[c.start:c.end].isdigit() and _UNIT_NAME.search(text, max(0, c.start - 8), c.start) \
                    or nxt in (",", ";") and text[c.start:c.end].isdigit() \
                    and _BARE_UNIT_NAME.search(text, max(0, c.start - 14), c.start) \
                    or text[c.end + 1:c.end + 2] in ("C", "U") and _REF_AFTER.match(text, c.end):
                continue  # a unit's name "(BIR 14)"; a title of a code "31 CFR part 594"
            if _REF_BEFORE.search(text[max(0, c.start - 14):c.start]):
                reference_ends.append(c.end)
                continue
            if reference_ends and _DASH_BEFORE.search(text, max(0, c.start - 4), c.start) \
                    and reference_ends[-1] >= c.start - 4:
                continue  # the end of a span of references: "Questions 88 - 95"
            before8 = text[max(0, c.start - 8):c.start]
            if any(ch in before8 for ch in "<>=≤≥") and _STATISTIC_BEFORE.search(before8):
                continue  # statistics: "p < 0.05", "SD = 1.2"
            if _YEARS_OLD.match(text, c.end, c.end + 12):
                continue  # an age: "a 40-year-old farmer"
            if nxt == "," and c.value is not None and c.value < 110 and "," not in text[c.start:c.end] \
                    and _AGE_APPOSITION_AFTER.match(text[c.end:c.end + 14]) \
                    and _NAME_COMMA_BEFORE.search(text[max(0, c.start - 30):c.start]):
                continue  # "Hamadoun, 34, a trader"
            if c.value is not None and c.value < 110 and "," not in text[c.start:c.end] \
                    and _SENTENCE_END_AFTER.match(text, c.end) \
                    and _SPEAKER_COMMA_BEFORE.search(text, max(0, c.start - 50), c.start):
                continue  # '... he said," said Bukar, 38.': the speaker's age
            if c.value is not None and c.value < 120 and "," not in text[c.start:c.end] \
                    and _COMMA_OR_PAREN_AFTER.match(text[c.end:c.end + 2]) and _AGE.search(text, max(0, c.start - 40), c.start):
                continue  # "Moussa Hamani, 52, a herder"
        cores.append(c)

    figs: list[Figure] = []
    i = 0
    while i < len(cores):
        c = cores[i]
        ukind, unit, uend = (None, None, c.end)
        if c.kind in ("num", "couple", "times"):
            ukind, unit, uend = _right(text, c.end)
        elif c.kind == "vague":
            ukind, unit, uend = _right(text, c.end)
            if ukind not in ("cur",):
                ukind, unit, uend = None, None, c.end
                of_money = _OF_MONEY.match(text, c.end)
                if of_money:  # "billions of euros"
                    ukind, unit, uend = "cur", _cur_code(of_money.group("cur")), of_money.end()
        if ukind == "times" and c.kind == "num" and c.value is not None and c.value >= 100:
            ukind, unit, uend = None, None, c.end  # "viewed 2.3 million times": how often, not a multiple
        # "one" alone is not a figure (pronoun, "one of"), except with a unit
        if c.kind == "num" and c.word and c.value == 1 and not c.scaled and ukind not in ("pct", "cur"):
            i += 1
            continue
        if c.kind == "couple" and ukind not in ("dur",):
            ukind, unit, uend = None, None, c.end
        # --- range: "between 65 and 75 %", "75-85%", "from 5,000 to 7,000"
        if c.kind == "num" and i + 1 < len(cores) and cores[i + 1].kind == "num":
            d = cores[i + 1]
            sep = _RANGE_SEP.fullmatch(text, uend, d.start)
            if not sep and d.start - uend < 12 and _CURRENCY_CHARS.search(text, uend, d.start):
                # the currency written again: "between N50,000 and N100,000", "$2bn to $3bn"
                cur2 = _LEFT.search(text, uend, d.start)
                cur1 = _LEFT.search(text, max(0, c.start - 10), c.start)
                if cur2 and cur2.group("cur") and not cur2.group("bound") and cur1 and cur1.group("cur") \
                        and _cur_code(cur2.group("cur")) == _cur_code(cur1.group("cur")):
                    sep = _RANGE_SEP.fullmatch(text, uend, cur2.start("cur"))
            if sep:
                w = sep.group().strip().lower()
                rl = _RANGE_LEFT.search(text, max(0, c.start - 20), c.start)
                ok = False
                if w == "and":
                    ok = bool(rl and rl.group("rw").lower() == "between")
                elif w == "to":
                    # "rose from X to Y" states two figures, not a range
                    ok = not (rl and rl.group("rw").lower() == "from"
                              and _CHANGE_FROM.search(text, max(0, rl.start() - 100), rl.start()))
                elif w == "or":
                    # "three or four", "30 or 40": two guesses of one amount; not "10 or 100"
                    ok = (c.word and d.word) or (
                        not c.word and not d.word and c.value is not None and d.value is not None
                        and 0 < c.value < d.value <= 3 * c.value)
                else:  # dash
                    ok = not c.word and not d.word and "\n" not in text[uend:d.start]
                if ok and c.value is not None and d.value is not None:
                    ukind2, unit2, uend2 = _right(text, d.end)
                    if unit is not None and unit != unit2:
                        ok = False  # "rose 9 percent to 11,200": two figures
                if ok and c.value is not None and d.value is not None:
                    lo, hi = c.value, d.value
                    if d.scaled and not c.scaled and lo < hi / 10 and lo < 1000:
                        # "between 1 and 2 million": the scale applies to both
                        m2 = re.search(r"(hundred|thousand|million|billion|trillion|bn|mn|m|k)s?$", text[d.start:d.end], re.I)
                        if m2:
                            sc = parse_number("1 " + m2.group(1)) if m2.group(1).lower() not in ("bn", "mn", "m", "k") else parse_number("1" + m2.group(1))
                            if sc:
                                lo = lo * sc
                    if lo < hi or (lo == hi):
                        fs = rl.start("rw") if rl else c.start
                        left = _LEFT.search(text, max(0, fs - 40), fs)
                        cur_left = None
                        lcur = _LEFT.search(text, max(0, c.start - 10), c.start)
                        if lcur and lcur.group("cur"):
                            cur_left = _cur_code(lcur.group("cur"))
                            if not rl:
                                fs = lcur.start("cur")
                        u = unit2 or unit or cur_left or "count"
                        k2 = ukind2 or ukind
                        fend = uend2
                        pm = _PLUS.match(text, fend)
                        method = "range"
                        if cur_left or k2 == "cur":
                            u = cur_left or unit2 or unit
                        figs.append(Figure(fs, fend, round((lo + hi) / 2, 6), lo, hi, u, "range", method))
                        i += 2
                        continue
        # --- single figure
        if c.kind == "num" and not c.word and ukind is None and (
                (text[c.start - 2:c.start - 1].isdigit() and text[c.start - 1:c.start] in "-–/:" and c.start >= 2)
                or (text[c.end:c.end + 1] in ("-", "–", "/", ":") and text[c.end + 1:c.end + 2].isdigit())):
            i += 1
            continue  # "2-1", "3:1": scores and ratios, not figures
        fs, fe = c.start, uend
        sign = 1.0
        if c.kind == "num" and not c.word and c.start >= 1 and text[c.start - 1] in "-−+" \
                and (c.start < 2 or text[c.start - 2] in " \t|(\n"):
            sign = -1.0 if text[c.start - 1] in "-−" else 1.0  # "-12%", "+68%" in tables
            fs = c.start - 1
        left = _left_match(text, c.start)
        bound = None
        cur = None
        if left and left.group(0):
            if left.group("cur"):
                cur = _cur_code(left.group("cur"))
                fs = left.start("cur")
            if left.group("bound") and not (left.group("bound").lower().startswith("as ")
                                            and _MULTIPLE_BEFORE.search(text, max(0, left.start("bound") - 12),
                                                                        left.start("bound"))):
                bound = _WHITESPACE.sub(" ", left.group("bound").lower())
                fs = left.start("bound")
            elif left.group("tilde"):
                bound = "~"
                fs = left.start("tilde")
            if bound == "over" and unit in _DURATIONS and not _LONGER_BEFORE.search(text, max(0, fs - 12), fs):
                bound, fs = None, c.start  # "killed 500 people over five days": during, not more than
            elif bound == "over" and _PHRASAL_OVER_BEFORE.search(text, max(0, fs - 12), fs):
                bound, fs = None, c.start  # "Russia handed over six launchers": a verb's particle
        # "some" / "over" before a non-number use are handled by the regex needing a number after
        value, low, high = (c.value * sign if c.value is not None else None), None, None
        qualifier = "exact"
        method = "word-number" if c.word else "digits"
        if c.kind == "vague":
            value, low, qualifier, method = None, c.low, "vague", "vague"
            if bound in ("more than", "over", "at least", "several", "some", "about", "around", "nearly", "almost"):
                pass
            unit_out = unit if ukind == "cur" else "count"
        elif c.kind == "frac":
            unit_out, method = "percent", "fraction"
        elif c.kind == "years":  # "half a century"
            unit_out, method = "year", "word-number"
        elif c.kind == "times":
            unit_out, method = "times", "multiple"
            if ukind and ukind != "times":
                fe = c.end
        elif c.kind == "couple":
            qualifier, method = "approx", "couple"
            unit_out = unit if ukind == "dur" else "count"
        else:
            unit_out = "count"
            if ukind == "pct":
                unit_out, method = unit, "percent"
            elif ukind == "cur":
                unit_out, method = unit, "money"
                if _CENTS.search(text, c.end, uend) and value is not None:
                    value = round(value / 100, 6)  # "40 cents": US$0.40
            elif ukind == "times":
                unit_out, method = "times", "multiple"
            elif ukind == "dur":
                unit_out, method = unit, "duration"
            elif ukind == "meas":
                unit_out, method = unit, "measure"
            if cur:
                unit_out, method = cur, "money"
                if ukind == "cur":
                    pass
        if bound:
            qual, side = _BOUNDS.get(bound, ("approx", None)) if bound != "~" else ("approx", None)
            if c.kind != "vague":
                qualifier = qual
                if side == "low":
                    low = value
                elif side == "high":
                    high = value
                if method in ("digits", "word-number"):
                    method = "bound"
            if bound == "some" and c.kind == "frac":
                qualifier = "approx"
        pm = _PLUS.match(text, fe)
        if pm and c.kind != "vague":
            fe = pm.end()
            qualifier, low, high = "at_least", value, None
            if method in ("digits", "word-number"):
                method = "plus"
        roughly = _ROUGHLY_AFTER.match(text, fe) if not pm and c.kind != "vague" else None
        if roughly:
            fe = roughly.end()
            if qualifier == "exact":
                qualifier = "approx"
        if unit_out == "decade":  # "two decades": 20 years, as "half a century" is 50
            unit_out = "year"
            value, low, high = (None if v is None else v * 10 for v in (value, low, high))
        figs.append(Figure(fs, fe, value, low, high, unit_out, qualifier, method))
        i += 1
    figs = _statistics_and_metadata(text, figs)
    # "1 h 40 min": one duration, in minutes
    for k in range(len(figs) - 1, 0, -1):
        h, mn = figs[k - 1], figs[k]
        if h.unit == "hour" and mn.unit == "minute" and h.value is not None and mn.value is not None \
                and h.qualifier == "exact" and re.fullmatch(r"\s*(?:and\s+)?", text[h.end:mn.start]):
            figs[k - 1:k + 1] = [Figure(h.start, mn.end, h.value * 60 + mn.value, None, None, "minute", mn.qualifier,
                                        "duration")]
    # "140 billion CFA francs in 2024, up from 72 billion": the currency carries over
    for k in range(1, len(figs)):
        f, prev = figs[k], figs[k - 1]
        scaled = _SCALE_END.search(text[f.start:f.end])
        # "1,500 FCFA/litre vs 750 before": an amount of the same order, set against the first
        versus = _VERSUS_BEFORE.search(text[prev.end:f.start]) \
            and same_order(f.value, prev.value) \
            and not _COUNTED_NOUN_AFTER.match(text, f.end)
        if f.unit == "count" and prev.unit.isupper() and len(prev.unit) == 3 \
                and (scaled or versus) \
                and f.start - prev.end < 60 \
                and re.search(r"\b(?:from|to|compared|than|versus|vs|against|up|down)\b", text[prev.end:f.start], re.I):
            f.unit = prev.unit
            if f.method in ("digits", "word-number"):
                f.method = "money"
        # "from about 20 hours to fewer than four": the unit of the first carries to the second
        elif f.unit == "count" and prev.unit in _CARRIED_UNITS and _FROM_TO_BETWEEN.fullmatch(text, prev.end, f.start) \
                and re.search(r"\bfrom\s+(?:\w+\s+){0,2}$", text[max(0, prev.start - 20):prev.start]) \
                and not _COUNTED_NOUN_AFTER.match(text, f.end):
            f.unit = prev.unit
    return figs


_CARRIED_UNITS = frozenset(["hour", "day", "week", "month", "year", "minute", "km", "t", "kg", "percent"])
_FROM_TO_BETWEEN = re.compile(r"\s+to\s+", re.I)


def same_order(value: float | None, other: float | None) -> bool:
    """Whether two amounts are of the same order (within a factor of 20): a bare amount set
    against an amount of money is money too ("30,000 CFA francs ... maybe 25,000")."""
    return bool(value and other and 0.05 <= value / other <= 20)


# a lower-case word after an amount that is not a preposition or adverb: what it counts
_COUNTED_NOUN_AFTER = re.compile(
    r"\s+(?!(?:before|after|in|on|at|a|an|the|per|each|last|this|now|then|earlier|previously|ago|and|or|but|for|to|"
    r"from|by|with|during|since|until|a\s+year|a\s+month)\b)[a-z]")
_STAT_LEVEL_AFTER = re.compile(
    r"\s*(?:CI\b|C\.I\.|(?:confidence|credible)\s+(?:interval|level|band|bound)s?\b|"
    r"(?:statistical\s+)?significance\s+level\b|level\s+of\s+(?:statistical\s+)?significance\b)", re.I)
_STAT_LEVEL_AT = re.compile(r"\b(?:at|under|on)\s+(?:the|a)\s+$", re.I)
_STAT_LEVEL_AT_AFTER = re.compile(r"\s+(?:(?:statistical\s+)?significance\s+)?levels?\b", re.I)
_STAT_SIGNIF_BEFORE = re.compile(r"\bsignifican(?:t|tly|ce)\s+(?:only\s+)?(?:at|to)\s+(?:the\s+)?$", re.I)
_CI_BEFORE = re.compile(
    r"(?:\bCI\b|C\.I\.|(?:confidence|credible)\s+intervals?(?:\s+(?:of|was|is|from))?)\s*[:=,]?\s*(?:\[|\()?\s*$", re.I)
_META_DURATION = re.compile(
    r"\b(?:duration|length|running\s+time|run\s+time|runtime|playing\s+time|full\s+(?:episode|interview|programme|program|show|video|recording)"
    r"|episode\s+length|total\s+time|listening\s+time)\s*[:\-–]?\s*$", re.I)


_ESTIMATE_UNITS = frozenset(("percent", "percentage_point", "times"))
_SE_BEFORE = re.compile(r"\b(?:SE|S\.E\.|s\.e\.|standard\s+error)\s*[:=]?\s*$")
_COEFFICIENT_BEFORE = re.compile(r"\b(?:coefficient|estimate|effect)\s+(?:[\w\-]+\s+){0,2}?(?:to|of|at|is|was)\s+$", re.I)


def _statistics_and_metadata(text: str, figs: list[Figure]) -> list[Figure]:
    """Drop significance-test apparatus and media-length labels; give a
    confidence interval the unit of the estimate before it."""
    out: list[Figure] = []
    for f in figs:
        before = text[max(0, f.start - 40):f.start]
        if f.unit in ("percent",) and f.qualifier == "exact":
            if _STAT_LEVEL_AFTER.match(text, f.end):
                continue  # "95% CI", "95% confidence interval": a confidence level
            if _STAT_LEVEL_AT.search(before) and _STAT_LEVEL_AT_AFTER.match(text, f.end):
                continue  # "at the 10% level"
            if _STAT_SIGNIF_BEFORE.search(before):
                continue  # "significant at 1%"
        if f.unit in ("minute", "hour") and _META_DURATION.search(before):
            continue  # "Duration: 41 minutes": the length of the recording
        if f.unit == "count" and (f.qualifier == "range" and _CI_BEFORE.search(before)
                                  or ("SE" in before or "s.e." in before or "error" in before) and _SE_BEFORE.search(before)):
            # "6.4% (95% CI 3.9-8.9)", "1.74 percentage points (SE 0.31; 95% CI 1.13–2.35)": the interval and the
            # standard error are in the estimate's unit
            estimate = next((e for e in reversed(out) if e.unit in _ESTIMATE_UNITS), None)
            if estimate is not None and f.start - estimate.end < 80:
                f.unit = estimate.unit
        elif f.unit == "count" and ("oefficient" in before or "stimate" in before or "ffect" in before) \
                and _COEFFICIENT_BEFORE.search(before):
            estimate = next((e for e in reversed(out) if e.unit in _ESTIMATE_UNITS), None)
            if estimate is not None and f.start - estimate.end < 300:
                f.unit = estimate.unit  # "the IS Sahel coefficient rises to 0.83" after "by 0.47 percentage points"
        out.append(f)
    return out


_STOP = set("""
a an the of by in on at to for from with without into onto over under about after before since during
between among across against through throughout per and or but nor so yet as than that which who whom whose
where when while whereas because although though if unless until is are was were be been being has have had
do does did will would can could may might must shall should this these those it its their there here
they them he she his her we our you your i me my not no also only just still even more most less least
each every all both either neither some any such other another same last past next first second third
year years month months week weeks day days worldwide globally annually alone overall combined previous
what how why whom whose whether pay pays paid get gets make cost costs take takes took went go goes
including included according compared up down out off around almost nearly roughly approximately
near outside inside along within beyond behind toward towards amid despite following via versus
against upon unlike like whose then now today yesterday already again ago earlier later alone apiece
each apart away back only per cent percent while remain remains remained fled died killed rose fell
say says said according reported seized took left went came made make makes gave get got
respectively spent spend spends recorded have has had were was are is combined alone
face faces need needs lack lacks live lives suffer suffers receive receives require requires risk
remain depend depends rely relies continue continues still
""".split())
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*(?<![\-'’_])")  # "attachés", "Mi-24P", not "armed-"


_OF_THE_AFTER = re.compile(r"\s+(?:of\s+)?(?:(?:the|all|its|their|his|her|these|those|total)\s+)*", re.I)
_CHANGE_NOUN_BEFORE = re.compile(r"\b(rise|increase|decrease|drop|fall|decline|growth|share|reduction|jump|surge|cut)\s+(?:of|by)\s+$", re.I)


def measure_for(text: str, fig_start: int, fig_end: int, sent_end: int, unit: str) -> str | None:
    """The short noun phrase counted or measured by the figure."""
    pos = fig_end
    rest = text[pos:min(sent_end, pos + 120)]
    words = []
    offset = 0
    # skip "of the", "of all", "of its" after percentages and fractions
    m = _OF_THE_AFTER.match(rest)
    if m and (unit in ("percent", "percentage_point") or "of" in m.group().lower().split()):
        offset = m.end()
    elif m:
        offset = m.end()
    tokens = list(_WORD.finditer(rest, offset))
    prev_end = offset
    for t in tokens:
        gap = rest[prev_end:t.start()]
        if gap.strip():  # punctuation in between ends the phrase
            break
        w = t.group()
        lw = w.lower()
        if lw in _STOP or lw in UNITS or lw in TENS:
            break
        if lw.endswith("ing") and words and lw not in ("building", "buildings"):
            break
        if lw.endswith("ed") and words:
            # "civilians killed by": stop; "terrorism related deaths": keep
            nxt = tokens[tokens.index(t) + 1] if tokens.index(t) + 1 < len(tokens) else None
            if nxt is None or nxt.group().lower() in _STOP or rest[t.end():nxt.start()].strip():
                break
        words.append(w)
        prev_end = t.end()
        if len(words) >= 4:
            break
    if words and unit in ("count", "percent", "percentage_point") or (words and unit not in ("year", "month", "week", "day", "hour", "minute", "times")):
        return " ".join(words)
    # before: "a rise of 230 percent", "an increase of a third"
    before = text[max(0, fig_start - 40):fig_start]
    mb = _CHANGE_NOUN_BEFORE.search(before)
    if mb:
        return mb.group(1).lower()
    return None


# ------------------------------------------------------------------ table columns

_TABLE_BLOCK = re.compile(r"(?:^[ \t]*\|[^\n]*\|[ \t]*(?:\n|$)){3,}", re.M)
_HEADER_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent\b", re.I)


def table_column_units(text: str) -> list[tuple[int, int, str, float]]:
    """(start, end, unit, scale) of the data cells of pipe tables whose column header states a
    unit ("Inflation (%)", "Aid (USD million)"): a bare number in such a cell is in that unit."""
    if "|" not in text:
        return []
    out = []
    for block in _TABLE_BLOCK.finditer(text):
        lines = block.group().split("\n")
        header = lines[0]
        units = []
        for cell in header.strip().strip("|").split("|"):
            money = _MONEY_HEADING.search(cell)
            if money:
                scale = float(SCALES[money.group("scale").lower()]) if money.group("scale") else 1.0
                units.append((_cur_code(money.group("cur")), scale))
            elif _HEADER_PERCENT.search(cell):
                units.append(("percent", 1.0))
            else:
                units.append(None)
        pos = block.start() + len(header) + 1
        for line in lines[1:]:
            if line.strip() and not re.fullmatch(r"[\s|:\-]+", line):
                bars = [pos + i for i, ch in enumerate(line) if ch == "|"]
                # a row label stating its unit: "| Any violence against civilians (%) | 4.6 | 20.9 |"
                row_unit = _label_unit(text[bars[0] + 1:bars[1]]) if len(bars) > 2 else None
                for k, (a, b) in enumerate(zip(bars, bars[1:])):
                    if k < len(units) and units[k]:
                        out.append((a + 1, b, units[k][0], units[k][1]))
                    elif k > 0 and row_unit:
                        out.append((a + 1, b, row_unit[0], row_unit[1]))
            pos += len(line) + 1
    return out


_LABEL_UNIT = re.compile(r"\((?P<u>%|per\s?cent|percent|km|kilomet(?:re|er)s|kg|tonnes|hectares|ha|thousands?|millions?|"
                         r"'000s?|000s?)\)\s*$", re.I)


def _label_unit(cell: str) -> tuple[str, float] | None:
    """The unit a table row's label states in brackets: "(%)", "(km)", "(thousands)"."""
    money = _MONEY_HEADING.search(cell)
    if money and cell.rstrip().endswith(")"):
        scale = float(SCALES[money.group("scale").lower()]) if money.group("scale") else 1.0
        return _cur_code(money.group("cur")), scale
    m = _LABEL_UNIT.search(cell)
    if m is None:
        return None
    u = m.group("u").lower()
    if u in ("%", "percent") or u.startswith("per"):
        return "percent", 1.0
    if u.startswith("thousand") or "000" in u:
        return "count", 1000.0
    if u.startswith("million"):
        return "count", 1_000_000.0
    return {"km": "km", "kg": "kg", "tonnes": "t", "hectares": "ha", "ha": "ha"}.get(u, "km" if u.startswith("kilo") else u), 1.0


def apply_column_units(figs: list[Figure], cells: list[tuple[int, int, str, float]]) -> None:
    """Give a bare count in a cell its column's unit (and scale)."""
    for f in figs:
        if f.unit != "count":
            continue
        for a, b, unit, scale in cells:
            if a <= f.start and f.end <= b:
                f.unit = unit
                if scale != 1.0:
                    f.value, f.value_low, f.value_high = (None if v is None else v * scale
                                                         for v in (f.value, f.value_low, f.value_high))
                break
