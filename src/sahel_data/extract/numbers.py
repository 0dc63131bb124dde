"""Number words and digits: patterns and parsers (pure functions)."""

from __future__ import annotations

import re

from .text import LOWER_WORD

__all__ = [
    "UNITS", "TENS", "SCALES", "FRACTIONS", "WORD_NUMBER", "DIGIT_NUMBER",
    "parse_number", "parse_word_number", "parse_digits", "fraction_percent", "VULGAR_FRACTIONS", "VULGAR_CLASS",
]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000, "mln": 1_000_000, "bln": 1_000_000_000,
    "dozen": 12,
}
# denominators of fractions, singular and plural
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

# fraction glyphs, alone ("¾ of") or after a whole number ("1½ million", "2½m")
VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}
VULGAR_CLASS = "[" + "".join(VULGAR_FRACTIONS) + "]"
_VULGAR_NUMBER = re.compile(r"\s*(\d*)(" + VULGAR_CLASS + r")")

_NUMWORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALEWORD = r"(?:hundred|thousand|million|billion|trillion|dozen)"
# one number word or a scale word
_W = rf"(?:{_NUMWORD}|{_SCALEWORD})"
# "twenty-five", "one hundred and fifty", "twelve thousand", "two and a half million"
WORD_NUMBER = (
    rf"(?:\ban?\s+(?={_SCALEWORD}\b))?\b{_W}(?:(?:\s+and\s+|\s+|-){_W})*\b"
    rf"(?:\s+and\s+a\s+half\b)?(?:\s+{_SCALEWORD}s?\b)?"
)
# naira written "N" just before an amount ("N45m", "N250,000", "N2 billion"): only an amount
# that reads as money, so that road names ("N1") and codes stay out
_AFTER_NAIRA_N = (
    r"(?<=(?<![\w.,/])(?-i:N))"
    r"(?=\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s?(?:bn|mn|m|k)\b|\s+(?:million|billion|trillion)\b))"
)
# a decimal comma, as in texts translated from French ("23,5 %", "1,2 million"): only before a
# percent sign or a scale word, where it cannot be a thousands separator
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s?%|\s?(?:per\s?cent|percent)\b|\s(?:million|billion)\b)"
_DECIMAL_COMMA_RX = re.compile(r"(\d{1,3}),(\d{1,2})(?!\d)")
# "4,317", "6.5", "1000", "1.2 million", "$5m", "20k", "1.5bn"
DIGIT_NUMBER = (
    r"(?:(?<![\w.,/])|" + _AFTER_NAIRA_N + r")(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d,.])|"
    + _DECIMAL_COMMA + r"|\d+" + VULGAR_CLASS + r"|" + VULGAR_CLASS + r"(?=\s?(?:million|billion|bn|m)\b)|\d+)(?:\.\d+)?"
    r"(?:(?:\s+|-)(?:hundred|thousand|million|billion|trillion)\b|\s?(?:bn|mn|mln|bln)\b|(?:m|k)\b)?"
)

_TOKEN = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?", re.I)


_DIGITS = re.compile(r"\s*(\d(?:[\d,]|[\u00a0\u202f\u2009 ](?=\d{3}))*(?:\.\d+)?)\s*-?\s*([a-z]+)?", re.I)
_GROUPING = re.compile(r"[,\u00a0\u202f\u2009 ]")


def parse_digits(s: str) -> float | None:
    """'4,317' -> 4317.0; '1.2 million' -> 1200000.0; '$5m' style '5m' -> 5e6."""
    if s.isascii() and s.isdigit():
        return float(s)
    vulgar = _VULGAR_NUMBER.match(s)
    if vulgar:
        whole = float(vulgar[1] or 0) + VULGAR_FRACTIONS[vulgar[2]]
        scale = parse_digits("1" + s[vulgar.end():]) if s[vulgar.end():].strip() else 1.0
        return whole * scale if scale is not None else whole
    decimal = _DECIMAL_COMMA_RX.match(s) if "," in s else None
    if decimal:
        s = f"{decimal[1]}.{decimal[2]}{s[decimal.end():]}"
    plain = s.replace(",", "")
    if plain.isascii() and plain.replace(".", "", 1).isdigit() and "." not in plain[-1:]:
        return float(plain)  # "4,317", "6.5"
    m = _DIGITS.match(s)
    if not m:
        return None
    try:
        v = float(_GROUPING.sub("", m.group(1)))
    except ValueError:
        return None
    scale = (m.group(2) or "").lower()
    if scale:
        if scale not in SCALES or scale == "dozen":
            return v
        v *= SCALES[scale]
    return v



def parse_word_number(s: str) -> float | None:
    """'twelve thousand' -> 12000; 'twenty-five' -> 25; 'a dozen' -> 12;
    'one hundred and fifty' -> 150; 'two and a half million' -> 2.5e6."""
    words = LOWER_WORD.findall(s.lower())
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("a", "an") and i == 0:
            current = 1
            i += 1
            continue
        if w == "and":
            # "and a half"
            if words[i + 1:i + 3] == ["a", "half"]:
                current += 0.5
                i += 3
                continue
            i += 1
            continue
        if w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w.rstrip("s") in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif w.rstrip("s") == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w.rstrip("s") in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w.rstrip("s")]
            current = 0
            seen = True
        else:
            return None
        i += 1
    return (total + current) if seen else None


def parse_number(s: str) -> float | None:
    """Digits or words."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit() or s[0] in VULGAR_FRACTIONS:
        return parse_digits(s)
    return parse_word_number(s)


def fraction_percent(numerator: float, denominator: float) -> float:
    """Fraction of a whole in percent, rounded to 2 decimals: 2/3 -> 66.67."""
    return round(100.0 * numerator / denominator, 2)
