"""Score an extractor against the hand-annotated gold set in tests/gold/.

Run as ``python -m sahel_data.evaluate`` (our extractor) or with
``--peer quantulum3`` (the same measures for quantulum3). ``--json`` prints
the scores as JSON, ``--markdown`` the per-text table as Markdown and
``--details`` lists every missed figure, false figure and context error.

Measures, per text and overall (overall sums the counts of all texts):

- figures: recall and precision. A predicted figure matches a gold figure
  when their spans overlap, the unit is the same and either the values
  agree within 0.5 % or the bounds (value_low, value_high) are the same.
  Matching is one-to-one, greedy by overlap length.
- dates taken as figures: predicted figures whose span overlaps a gold
  date span.
- date recall: gold dates matched (one-to-one) by a predicted date whose
  span overlaps and whose date_start and date_end are equal.
- context: among matched figures, the share whose location, period
  (start and end), actor and attributed_to are right, and the share with
  all four right. None == None counts as right.

The gold format is described in tests/gold/GUIDELINES.md.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import InputError

Extractor = Callable[[str, str, "str | None"], dict]

DEFAULT_GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold"
VALUE_TOLERANCE = 0.005  # relative: 0.5 %
CONTEXT_FIELDS = ("location", "period", "actor", "attributed_to")
FIGURE_KEYS = ("value", "value_low", "value_high", "unit", "qualifier", "location",
               "period_start", "period_end", "actor", "attributed_to")
DATE_KEYS = ("date_start", "date_end", "precision")

BARS = {"recall": 0.95, "precision": 0.95, "dates_as_figures": 0, "date_recall": 0.95,
        "context": 0.90}


# --------------------------------------------------------------------------- gold

@dataclass(frozen=True)
class GoldText:
    name: str
    text: str
    title: str
    style: str
    published: str | None
    figures: list[dict] = field(default_factory=list)  # each with char_start, char_end
    dates: list[dict] = field(default_factory=list)


def locate(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the `occurrence`-th (1-based) occurrence of `needle`, or None."""
    if not needle or occurrence < 1:
        return None
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def _resolve_entries(path: Path, text: str, kind: str, entries: list, keys: tuple) -> list[dict]:
    out = []
    for i, entry in enumerate(entries, start=1):
        where = f"{path.name}: {kind}[{i}]"
        if not isinstance(entry, dict) or "text" not in entry:
            raise InputError(path, f"{kind}[{i}] has no 'text'")
        occ = entry.get("occurrence", 1)
        span = locate(text, entry["text"], occ)
        if span is None:
            raise InputError(
                path, f"{kind}[{i}]: {entry['text']!r} (occurrence {occ}) not found in "
                f"{path.with_suffix('').with_suffix('.txt').name}")
        missing = [k for k in keys if k not in entry]
        if missing:
            raise InputError(path, f"{kind}[{i}] ({entry['text']!r}) lacks {', '.join(missing)}")
        row = dict(entry)
        row["char_start"], row["char_end"] = span
        row["where"] = where
        out.append(row)
    return out


def load_gold(json_path: str | Path) -> GoldText:
    """Load one `<name>.gold.json` and its `<name>.txt`, resolving spans to offsets."""
    path = Path(json_path)
    name = path.name.removesuffix(".gold.json")
    txt = path.with_name(name + ".txt")
    if not txt.exists():
        raise InputError(path, f"the gold text {txt.name} is missing")
    text = txt.read_bytes().decode("utf-8")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc}") from None
    for key in ("figures", "dates"):
        if not isinstance(doc.get(key), list):
            raise InputError(path, f"'{key}' must be a list")
    return GoldText(
        name=name, text=text, title=doc.get("title", ""), style=doc.get("style", ""),
        published=doc.get("published"),
        figures=_resolve_entries(path, text, "figures", doc["figures"], FIGURE_KEYS),
        dates=_resolve_entries(path, text, "dates", doc["dates"], DATE_KEYS),
    )


def load_gold_dir(gold_dir: str | Path = DEFAULT_GOLD_DIR) -> list[GoldText]:
    paths = sorted(Path(gold_dir).glob("*.gold.json"))
    if not paths:
        raise InputError(gold_dir, "no *.gold.json files")
    return [load_gold(p) for p in paths]


# --------------------------------------------------------------------- comparing

def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["char_end"], b["char_end"]) - max(a["char_start"], b["char_start"]))


def _num(x: Any) -> float | None:
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def close(a: Any, b: Any, tol: float = VALUE_TOLERANCE) -> bool:
    """Both numbers and within `tol` relative, or both missing."""
    a, b = _num(a), _num(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(abs(a), abs(b)) or a == b


def same_unit(a: Any, b: Any) -> bool:
    return str(a or "").strip().lower() == str(b or "").strip().lower()


def same_value(pred: dict, gold: dict) -> bool:
    """Same value within 0.5 %, or the same stated bounds."""
    pv, gv = _num(pred.get("value")), _num(gold.get("value"))
    if pv is not None and gv is not None and close(pv, gv):
        return True
    g_bounds = (gold.get("value_low"), gold.get("value_high"))
    if all(_num(b) is None for b in g_bounds):
        return False
    return close(pred.get("value_low"), g_bounds[0]) and close(pred.get("value_high"), g_bounds[1])


def figures_match(pred: dict, gold: dict) -> bool:
    return overlap(pred, gold) > 0 and same_unit(pred.get("unit"), gold.get("unit")) \
        and same_value(pred, gold)


def greedy_match(preds: list[dict], golds: list[dict],
                 ok: Callable[[dict, dict], bool]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, largest overlap first."""
    cands = [(overlap(p, g), gi, pi)
             for gi, g in enumerate(golds) for pi, p in enumerate(preds) if ok(p, g)]
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def match_figures(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    return greedy_match(preds, golds, figures_match)


def match_dates(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    def ok(p: dict, g: dict) -> bool:
        return overlap(p, g) > 0 and _iso(p.get("date_start")) == _iso(g.get("date_start")) \
            and _iso(p.get("date_end")) == _iso(g.get("date_end"))
    return greedy_match(preds, golds, ok)


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or str(x).strip() == ""


def _iso(x: Any) -> str | None:
    return None if _blank(x) else str(x).strip()


def _set(x: Any) -> frozenset[str]:
    if _blank(x):
        return frozenset()
    return frozenset(p.strip().lower() for p in str(x).split(";") if p.strip())


def _source(x: Any) -> str:
    if _blank(x):
        return ""
    s = str(x).replace("\u2019", "'").strip().strip(".,;:").lower()
    s = re.sub(r"\s+", " ", s)
    return s[4:] if s.startswith("the ") else s


def context_right(pred: dict, gold: dict) -> dict[str, bool]:
    """Which of location, period, actor, attributed_to the prediction has right."""
    right = {
        "location": _set(pred.get("location")) == _set(gold.get("location")),
        "period": _iso(pred.get("period_start")) == _iso(gold.get("period_start"))
        and _iso(pred.get("period_end")) == _iso(gold.get("period_end")),
        "actor": _set(pred.get("actor")) == _set(gold.get("actor")),
        "attributed_to": _source(pred.get("attributed_to")) == _source(gold.get("attributed_to")),
    }
    right["all"] = all(right[f] for f in CONTEXT_FIELDS)
    return right


# ----------------------------------------------------------------------- scoring

def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def score_text(gold: GoldText, tables: dict, *, has_dates: bool = True) -> dict:
    """Counts and measures for one gold text given the extractor's tables."""
    preds = [p if p.get("text") else {**p, "text": gold.text[p["char_start"]:p["char_end"]]}
             for p in tables.get("figures", []) if p.get("char_start") is not None]
    pdates = [d for d in tables.get("dates", []) if d.get("char_start") is not None]
    pairs = match_figures(preds, gold.figures)
    as_figures = [p for p in preds if any(overlap(p, d) > 0 for d in gold.dates)]
    date_pairs = match_dates(pdates, gold.dates) if has_dates else []

    ctx_counts = {f: 0 for f in (*CONTEXT_FIELDS, "all")}
    ctx_errors = []
    for gi, pi in pairs:
        right = context_right(preds[pi], gold.figures[gi])
        for f, ok in right.items():
            ctx_counts[f] += ok
        if not right["all"]:
            ctx_errors.append({"gold": _brief(gold.figures[gi]), "pred": _brief(preds[pi]),
                               "wrong": [f for f in CONTEXT_FIELDS if not right[f]]})
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    matched_d = {gi for gi, _ in date_pairs}
    n = len(pairs)
    return {
        "name": gold.name,
        "gold_figures": len(gold.figures),
        "predicted": len(preds),
        "matched": n,
        "recall": _ratio(n, len(gold.figures)),
        "precision": _ratio(n, len(preds)),
        "dates_as_figures": len(as_figures),
        "gold_dates": len(gold.dates),
        "dates_matched": len(date_pairs) if has_dates else None,
        "date_recall": _ratio(len(date_pairs), len(gold.dates)) if has_dates else None,
        "context_counts": ctx_counts,
        "context": {f: _ratio(c, n) for f, c in ctx_counts.items()},
        "details": {
            "missed": [_brief(g) for i, g in enumerate(gold.figures) if i not in matched_g],
            "false": [_brief(p) for i, p in enumerate(preds) if i not in matched_p],
            "dates_as_figures": [_brief(p) for p in as_figures],
            "missed_dates": [_brief(d) for i, d in enumerate(gold.dates) if i not in matched_d]
            if has_dates else [],
            "context_errors": ctx_errors,
        },
    }


def _brief(row: dict) -> dict:
    keep = ("char_start", "char_end", "text", *FIGURE_KEYS, *DATE_KEYS)
    return {k: row.get(k) for k in keep if k in row}


def overall(scores: list[dict], *, has_dates: bool = True) -> dict:
    s = lambda k: sum(x[k] for x in scores)  # noqa: E731
    n = s("matched")
    ctx = {f: sum(x["context_counts"][f] for x in scores) for f in (*CONTEXT_FIELDS, "all")}
    dm = s("dates_matched") if has_dates else None
    return {
        "name": "overall",
        "gold_figures": s("gold_figures"), "predicted": s("predicted"), "matched": n,
        "recall": _ratio(n, s("gold_figures")), "precision": _ratio(n, s("predicted")),
        "dates_as_figures": s("dates_as_figures"), "gold_dates": s("gold_dates"),
        "dates_matched": dm, "date_recall": _ratio(dm, s("gold_dates")) if has_dates else None,
        "context_counts": ctx, "context": {f: _ratio(c, n) for f, c in ctx.items()},
    }


def score_all(golds: Iterable[GoldText], extractor: Extractor, *, has_dates: bool = True,
              name: str = "sahel-data") -> dict:
    """Run `extractor(document_id, text, published)` on every gold text and score it."""
    texts = [score_text(g, extractor(g.name, g.text, g.published), has_dates=has_dates)
             for g in golds]
    return {"extractor": name, "texts": texts, "overall": overall(texts, has_dates=has_dates)}


def failed_bars(result: dict) -> list[str]:
    """The bars of issue 3 that the overall scores miss (empty when all are met)."""
    o, out = result["overall"], []
    for key in ("recall", "precision", "date_recall"):
        if o[key] is None or o[key] < BARS[key]:
            out.append(f"{key} {_fmt(o[key])} < {BARS[key]}")
    if o["dates_as_figures"] > BARS["dates_as_figures"]:
        out.append(f"dates_as_figures {o['dates_as_figures']} > 0")
    for f in (*CONTEXT_FIELDS, "all"):
        v = o["context"][f]
        if f != "all" and (v is None or v < BARS["context"]):
            out.append(f"context {f} {_fmt(v)} < {BARS['context']}")
    return out


# ----------------------------------------------------------------------- peers

QUANTULUM_UNITS = {
    "percentage": "percent", "percent": "percent", "per cent": "percent",
    "percentage point": "percentage_point",
    "dimensionless": "count", "count": "count", "dozen": "count",  # value x 12, below
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "naira": "NGN",
    "cfa franc": "XOF", "west african cfa franc": "XOF", "pound sterling": "GBP",
    "year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour",
    "minute": "minute", "kilometre": "km", "square kilometre": "km2",
    "kilogram": "kg", "tonne": "t", "litre": "l", "times": "times",
}


def quantulum3_extract(document_id: str, text: str, published: str | None = None) -> dict:
    """quantulum3's quantities as figure rows; it finds no dates and no context."""
    from quantulum3 import parser  # imported lazily: a test-only dependency

    rows = []
    for q in parser.parse(text):
        start, end = q.span
        value = float(q.value)
        unc = getattr(q, "uncertainty", None)
        low = high = None
        qualifier = "exact"
        if unc:
            low, high, qualifier = value - float(unc), value + float(unc), "range"
        name = (q.unit.name or "").lower()
        if name == "dozen":  # "a dozen" is 1 dozen to quantulum3: 12 in our terms
            value, low, high = (None if x is None else 12 * x for x in (value, low, high))
        rows.append({
            "char_start": start, "char_end": end, "text": text[start:end], "value": value,
            "value_low": low, "value_high": high,
            "unit": QUANTULUM_UNITS.get(name, name), "qualifier": qualifier,
            "location": None, "period_start": None, "period_end": None,
            "actor": None, "attributed_to": None,
        })
    return {"figures": rows, "dates": []}


def our_extract(document_id: str, text: str, published: str | None = None) -> dict:
    from .extract import extract_document
    return extract_document(document_id, text, published)


PEERS: dict[str, tuple[Extractor, bool]] = {"quantulum3": (quantulum3_extract, False)}


# --------------------------------------------------------------------- output

COLUMNS = ("text", "gold", "pred", "match", "recall", "prec", "dates→fig", "dates",
           "date rec", "loc", "period", "actor", "credit", "all 4")


def _fmt(x: Any) -> str:
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return f"{x:.2f}"
    return str(x)


def _row(s: dict) -> list[str]:
    c = s["context"]
    return [s["name"], _fmt(s["gold_figures"]), _fmt(s["predicted"]), _fmt(s["matched"]),
            _fmt(s["recall"]), _fmt(s["precision"]), _fmt(s["dates_as_figures"]),
            _fmt(s["gold_dates"]), _fmt(s["date_recall"]),
            _fmt(c["location"]), _fmt(c["period"]), _fmt(c["actor"]),
            _fmt(c["attributed_to"]), _fmt(c["all"])]


def format_table(result: dict, markdown: bool = False) -> str:
    rows = [_row(s) for s in result["texts"]] + [_row(result["overall"])]
    if markdown:
        lines = ["| " + " | ".join(COLUMNS) + " |",
                 "|" + "|".join(["---"] + ["---:"] * (len(COLUMNS) - 1)) + "|"]
        for r in rows[:-1]:
            lines.append("| " + " | ".join(r) + " |")
        lines.append("| " + " | ".join(f"**{x}**" for x in rows[-1]) + " |")
        return "\n".join(lines)
    widths = [max(len(x) for x in col) for col in zip(COLUMNS, *rows)]
    fmt = lambda r: "  ".join(  # noqa: E731
        x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([f"extractor: {result['extractor']}", fmt(COLUMNS), rule,
                      *[fmt(r) for r in rows[:-1]], rule, fmt(rows[-1])])


def format_details(result: dict) -> str:
    out = []
    for s in result["texts"]:
        d = s["details"]
        out.append(f"== {s['name']}")
        for label, key in (("missed", "missed"), ("false", "false"),
                           ("date taken as figure", "dates_as_figures"),
                           ("missed date", "missed_dates")):
            for r in d[key]:
                out.append(f"  {label}: {r.get('text')!r} @{r.get('char_start')} "
                           + json.dumps({k: v for k, v in r.items()
                                         if k not in ('text', 'char_start', 'char_end')},
                                        ensure_ascii=False))
        for e in d["context_errors"]:
            g, p = e["gold"], e["pred"]
            diffs = []
            for f in e["wrong"]:
                keys = ("period_start", "period_end") if f == "period" else (f,)
                diffs.append(f"{f}: gold {[g.get(k) for k in keys]} pred {[p.get(k) for k in keys]}")
            out.append(f"  context {g.get('text')!r} @{g.get('char_start')}: " + "; ".join(diffs))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sahel_data.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--peer", choices=sorted(PEERS), help="score a peer extractor instead of ours")
    ap.add_argument("--gold-dir", default=str(DEFAULT_GOLD_DIR))
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--details", action="store_true", help="list misses, false figures, context errors")
    ap.add_argument("--check", action="store_true",
                    help="exit with status 1 when the overall scores miss a bar of issue 3")
    args = ap.parse_args(argv)
    try:
        golds = load_gold_dir(args.gold_dir)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.peer:
        fn, has_dates = PEERS[args.peer]
        result = score_all(golds, fn, has_dates=has_dates, name=args.peer)
    else:
        result = score_all(golds, our_extract, name="sahel-data")
    missed = failed_bars(result)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        if args.details:
            print(format_details(result))
            print()
        print(format_table(result, markdown=args.markdown))
        print(("\nbars missed: " + "; ".join(missed)) if missed else "\nall bars met")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
