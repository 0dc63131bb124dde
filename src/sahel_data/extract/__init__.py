"""Extraction of figures, dates and mentions from one article.

    from sahel_data.extract import extract_document, EXTRACTOR_VERSION
    tables = extract_document(document_id, text, published="2026-01-13")

Returns {"figures": [...], "dates": [...], "mentions": [...]}, each a list of
row dicts with the public contract's columns, sorted by (char_start, char_end).
"""

from __future__ import annotations

from .context import actor_for, build_contexts, location_for, period_for
from .dates import event_for, find_dates
from .figures import find_figures, measure_for
from .gazetteer import load_gazetteer
from .text import insertions, segments, split_sentences

__all__ = ["extract_document", "EXTRACTOR_VERSION", "FIGURE_COLUMNS", "DATE_COLUMNS", "MENTION_COLUMNS"]

EXTRACTOR_VERSION = "0.1.0"

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


def extract_document(document_id: str, text: str, published: str | None = None) -> dict[str, list[dict]]:
    """Figures, dates and mentions of one document (offsets index `text`)."""
    sentences = split_sentences(text)
    gaz = load_gazetteer()
    matches = gaz.find(text)
    dates = find_dates(text, published)
    contexts = build_contexts(text, sentences, matches)

    figures: list[dict] = []
    date_rows: list[dict] = []
    di = 0
    for sent, ctx in zip(sentences, contexts):
        sent_text = text[sent.start:sent.end]
        sdates = []
        while di < len(dates) and dates[di].start < sent.start:
            di += 1
        j = di
        while j < len(dates) and dates[j].start < sent.end:
            sdates.append(dates[j])
            j += 1
        ins = insertions(text, sent.start, sent.end)
        for d in sdates:
            date_rows.append({
                "date_id": f"{document_id}:date:{d.start}-{d.end}",
                "document_id": document_id,
                "char_start": d.start,
                "char_end": d.end,
                "text": text[d.start:d.end],
                "date_start": d.date_start,
                "date_end": d.date_end,
                "precision": d.precision,
                "sentence": sent_text,
                "event": event_for(text, sent.start, sent.end, d.start, d.end, insertions=ins),
            })
        if sent.furniture:
            continue
        segs = segments(text, sent.start, sent.end)
        for f in find_figures(text, sent.start, sent.end, [(d.start, d.end) for d in sdates]):
            ps, pe = period_for(sdates, segs, f.start, f.end, sent.start, sent.end, ins)
            figures.append({
                "figure_id": f"{document_id}:fig:{f.start}-{f.end}",
                "document_id": document_id,
                "char_start": f.start,
                "char_end": f.end,
                "text": text[f.start:f.end],
                "sentence": sent_text,
                "value": _f(f.value),
                "value_low": _f(f.value_low),
                "value_high": _f(f.value_high),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "measure": measure_for(text, f.start, f.end, sent.end, f.unit),
                "location": location_for(ctx, segs, f.start, f.end),
                "period_start": ps,
                "period_end": pe,
                "actor": actor_for(ctx, segs, f.start, f.end),
                "attributed_to": ctx.source,
                "method": f.method,
            })
    # dates outside any sentence (should not happen, but never lose one)
    seen = {r["char_start"] for r in date_rows}
    for d in dates:
        if d.start not in seen:
            date_rows.append({
                "date_id": f"{document_id}:date:{d.start}-{d.end}", "document_id": document_id,
                "char_start": d.start, "char_end": d.end, "text": text[d.start:d.end],
                "date_start": d.date_start, "date_end": d.date_end, "precision": d.precision,
                "sentence": None, "event": None,
            })
    mentions = [{
        "mention_id": f"{document_id}:men:{m.start}-{m.end}",
        "document_id": document_id,
        "char_start": m.start,
        "char_end": m.end,
        "text": text[m.start:m.end],
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
