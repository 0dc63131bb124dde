"""Extraction of figures, dates and mentions from one article.

    from sahel_data.extract import extract_document, EXTRACTOR_VERSION
    tables = extract_document(document_id, text, published="2026-01-13")

Returns {"figures": [...], "dates": [...], "mentions": [...]}, each a list of
row dicts with the public contract's columns, sorted by (char_start, char_end).
"""

from __future__ import annotations

import re

from .context import actor_for, build_contexts, location_for, period_for, source_for, spending_location
from .dates import event_for, find_dates, is_dateline
from .figures import (
    apply_column_units, clock_spans, core_matches, find_figures, measure_for, reference_spans, same_order,
    table_column_units,
)
from .gazetteer import learn_places, load_gazetteer
from .text import insertions, items_within, mask_markup, segments, split_sentences

__all__ = ["extract_document", "EXTRACTOR_VERSION", "FIGURE_COLUMNS", "DATE_COLUMNS", "MENTION_COLUMNS"]

EXTRACTOR_VERSION = "0.9.0"

FIGURE_COLUMNS = [
    "figure_id", "document_id", "char_start", "char_end", "text", "sentence", "value",
    "value_low", "value_high", "unit", "qualifier", "measure", "location", "period_start",
    "period_end", "actor", "attributed_to", "method",
]
DATE_COLUMNS = [
    "date_id", "document_id", "char_start", "char_end", "text", "date_start", "date_end",
    "precision", "sentence", "event",
]
MENTION_COLUMNS = [
    "mention_id", "document_id", "char_start", "char_end", "text", "entity_id", "entity_type", "name",
]


def _f(v):
    return None if v is None else float(v)


_QUOTE_LINE = re.compile(r"^[ \t]*>.*$", re.M)
_QUOTE_CREDIT = re.compile(r"^[ \t]*>\s*(?:[—–]|--?)\s*(?P<src>[^(\[\n@]+?)\s*(?:[(\[@,]|$)", re.M)


def _quoted_blocks(text: str) -> list[tuple[int, int, str]]:
    """Blockquotes ("> ...") that end with a credit line ("> — Name"): (start, end, name)."""
    out = []
    block_start = block_end = None
    lines = [(m.start(), m.end()) for m in _QUOTE_LINE.finditer(text)]
    blocks = []
    for a, b in lines:
        if block_end is not None and text[block_end:a].strip() == "":
            block_end = b
        else:
            if block_start is not None:
                blocks.append((block_start, block_end))
            block_start, block_end = a, b
    if block_start is not None:
        blocks.append((block_start, block_end))
    for a, b in blocks:
        credit = None
        for m in _QUOTE_CREDIT.finditer(text, a, b):
            credit = m.group("src").strip()
        if credit:
            out.append((a, b, credit))
    return out


# an embedded post's signature line: "— FAMa-DIRPA (@FAMa_DIRPA) March 9, 2026"
_POST_SIGNATURE = re.compile(r"^[ \t]*(?:[—–]|--)[ \t]*(?P<src>[^\n(@]{2,60}?)[ \t]*\(@\w{1,30}\)", re.M)


def _embedded_posts(text: str) -> list[tuple[int, int, str]]:
    """An embedded social-media post credits the lines above its signature, back to a blank line."""
    out = []
    for m in _POST_SIGNATURE.finditer(text):
        end = m.start()
        start = text.rfind("\n\n", 0, max(0, end - 1))
        start = 0 if start < 0 else start + 2
        if start < end:
            out.append((start, end, m.group("src").strip()))
    return out


_SOURCE_NOTE = re.compile(r"^[ \t]*[*_]*(?:Sources?|Data)[*_]*\s*:\s*[*_]*(?P<src>[A-Z][^,;.\n(]{1,60}?)\s*(?:[,;.(]|$)", re.M)


def _source_notes(text: str) -> list[tuple[int, int, str]]:
    """"Source: ACLED, accessed ..." under a table or list credits the block above it."""
    out = []
    for m in _SOURCE_NOTE.finditer(text):
        end = m.start()
        # the block above: back to the previous blank line (skipping the blank line right above)
        j = end - 1
        while j > 0 and text[j - 1] in " \t\n" and text[j] in " \t\n":
            j -= 1
        start = text.rfind("\n\n", 0, j)
        start = 0 if start < 0 else start + 2
        src = m.group("src").strip()
        if text[m.end("src"):m.end("src") + 2].lstrip().startswith(";"):
            continue  # "Sources: National authorities; and IMF staff estimates": no one source to credit
        if start < end:
            out.append((start, end, src))
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respectively(text, sent, rows, sdates, ctx, contexts, sentences) -> None:
    """With "respectively", figures pair in order with the dates or places listed."""
    m = _RESPECTIVELY.search(text, sent.start, sent.end)
    if not m or len(rows) < 2:
        return
    figs = [r for r in rows if r["char_start"] < m.start()]
    if len(figs) < 2:
        return
    ds = [d for d in sdates if d.date_start and d.start > figs[0]["char_start"]]
    if len(ds) == len(figs):
        for r, d in zip(figs, ds):
            r["period_start"], r["period_end"] = d.date_start, d.date_end
    # places in order: this sentence's, else the sentence before's
    def ordered(c):
        seen = []
        for p in sorted(c.places + c.weak_places, key=lambda p: p.start):
            if p.code not in seen and p.code != "World":
                seen.append(p.code)
        return seen
    places = ordered(ctx)
    if len(places) != len(figs):
        i = sent.index
        if i > 0 and len(places) <= 1:
            places = ordered(contexts[i - 1])
    if len(places) == len(figs):
        same_actors = all(set((r["actor"] or "").split(";")) == set(places) for r in figs)
        for r, p in zip(figs, places):
            old = r["location"]
            r["location"] = p
            if same_actors:
                r["actor"] = p
            if ctx.spending or (contexts[sent.index - 1].spending if sent.index > 0 else False):
                acts = [a for a in (r["actor"] or "").split(";") if a and a != old and not (len(a) == 3 and a.isupper())]
                r["actor"] = ";".join(sorted(set(acts + [p]))) if len(p) == 3 and p.isupper() else r["actor"]


def _carry_currency(text: str, rows: list[dict], previous: list[dict]) -> None:
    """A bare amount takes the currency of the sentence before when it continues the
    same comparison ("Rice costs 30,000 CFA francs in Gao. In Mopti it is maybe 25,000."):
    it counts nothing named, follows straight on in the same paragraph, and is of the same
    order of magnitude as the last amount of money before it."""
    money = [r for r in previous if len(r["unit"]) == 3 and r["unit"].isupper()]
    if not money or previous[-1] is not money[-1] or not rows:
        return
    last = money[-1]
    if "\n\n" in text[last["char_end"]:rows[0]["char_start"]]:
        return
    for r in rows:
        if r["unit"] != "count" or r["measure"] is not None \
                or r["method"] not in ("digits", "bound") or not same_order(r["value"], last["value"]):
            continue
        r["unit"] = last["unit"]
        r["method"] = "money"


def extract_document(document_id: str, text: str, published: str | None = None) -> dict[str, list[dict]]:
    """Figures, dates and mentions of one document (offsets index `text`)."""
    original = text
    quotes = _quoted_blocks(original) + _source_notes(original)
    if "(@" in original:
        quotes += _embedded_posts(original)
    text = mask_markup(text)  # same length: markdown markup blanked out
    sentences = split_sentences(text)
    gaz = load_gazetteer()
    matches = gaz.find(text)
    dates = find_dates(text, published)
    clock = clock_spans(text)
    notes = reference_spans(original)
    if notes:
        clock = sorted(clock + notes)
    cells = table_column_units(text)
    ci = 0
    cores = core_matches(text)
    ki = 0
    learned = learn_places(text, matches)
    places = sorted(matches + learned, key=lambda m: m.start) if learned else matches
    contexts = build_contexts(text, sentences, places, gaz.ranks, gaz.single_names | gaz.demonyms, gaz.african)

    figures: list[dict] = []
    date_rows: list[dict] = []
    previous_index, previous_rows = -2, []  # the last sentence with figures
    di = 0
    for sent, ctx in zip(sentences, contexts):
        sent_text = original[sent.start:sent.end]
        sdates, di = items_within(dates, di, sent.start, sent.end)
        ins = ctx.asides
        for d in sdates:
            if sent.furniture and not sent.dates_ok:
                continue
            date_rows.append({
                "date_id": f"{document_id}:date:{d.start}-{d.end}",
                "document_id": document_id,
                "char_start": d.start,
                "char_end": d.end,
                "text": original[d.start:d.end],
                "date_start": d.date_start,
                "date_end": d.date_end,
                "precision": d.precision,
                "sentence": sent_text,
                "event": event_for(text, sent.start, sent.end, d.start, d.end, insertions=ins),
            })
        if sent.furniture:
            continue
        while ki < len(cores) and cores[ki].start() < sent.start:
            ki += 1
        kj = ki
        while kj < len(cores) and cores[kj].start() < sent.end:
            kj += 1
        smatch = [m for m in cores[ki:kj] if m.end() <= sent.end]
        if not smatch:
            continue
        segs = segments(text, sent.start, sent.end)
        while ci < len(clock) and clock[ci][1] <= sent.start:
            ci += 1
        sclock = []
        cj = ci
        while cj < len(clock) and clock[cj][0] < sent.end:
            sclock.append(clock[cj])
            cj += 1
        found = find_figures(text, sent.start, sent.end, [(d.start, d.end) for d in sdates], sclock, smatch)
        if not found:
            continue
        if cells and text[sent.start] == "|":
            apply_column_units(found, cells)
        positions = [f.start for f in found]
        period_dates = [d for d in sdates if not is_dateline(text, d)]
        owners = [f.start for f in found if f.unit not in ("year", "month", "week", "day", "hour", "minute")]
        rows = []
        for f in found:
            loc = location_for(text, ctx, segs, f.start, f.end, positions)
            act = actor_for(text, ctx, segs, f.start, f.end, positions, gaz.armed_groups, owners)
            if ctx.spending:
                loc = spending_location(act, loc)
            ps, pe = period_for(text, period_dates, segs, f.start, f.end, sent.start, sent.end, ctx.insertions, positions)
            src = source_for(ctx, f.start)
            if src is None:
                src = next((q for a, b, q in quotes if a <= f.start < b), None)
            rows.append({
                "figure_id": f"{document_id}:fig:{f.start}-{f.end}",
                "document_id": document_id,
                "char_start": f.start,
                "char_end": f.end,
                "text": original[f.start:f.end],
                "sentence": sent_text,
                "value": _f(f.value),
                "value_low": _f(f.value_low),
                "value_high": _f(f.value_high),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "measure": measure_for(text, f.start, f.end, sent.end, f.unit),
                "location": loc,
                "period_start": ps,
                "period_end": pe,
                "actor": act,
                "attributed_to": src,
                "method": f.method,
            })
        _respectively(text, sent, rows, sdates, ctx, contexts, sentences)
        if previous_index == sent.index - 1:
            _carry_currency(text, rows, previous_rows)
        previous_index, previous_rows = sent.index, rows
        figures.extend(rows)
    # dates outside any sentence (should not happen, but never lose one)
    seen = {r["char_start"] for r in date_rows}
    covered = [(s.start, s.end) for s in sentences]
    for d in dates:
        if d.start not in seen and not any(a <= d.start < b for a, b in covered):
            date_rows.append({
                "date_id": f"{document_id}:date:{d.start}-{d.end}", "document_id": document_id,
                "char_start": d.start, "char_end": d.end, "text": original[d.start:d.end],
                "date_start": d.date_start, "date_end": d.date_end, "precision": d.precision,
                "sentence": None, "event": None,
            })
    mentions = [{
        "mention_id": f"{document_id}:men:{m.start}-{m.end}",
        "document_id": document_id,
        "char_start": m.start,
        "char_end": m.end,
        "text": original[m.start:m.end],
        "entity_id": m.entity.entity_id,
        "entity_type": m.entity.entity_type,
        "name": m.entity.name,
    } for m in matches]
    key = lambda r: (r["char_start"], r["char_end"])
    return {
        "figures": sorted(figures, key=key),
        "dates": sorted(date_rows, key=key),
        "mentions": sorted(mentions, key=key),
    }
