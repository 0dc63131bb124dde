"""Context of a figure: location, period, actor and the source it is credited to.

Works on sentences, their clause segments, gazetteer matches, anaphors
("there", "the region", "the same countries", "the group") and dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Match

__all__ = ["Place", "SentenceContext", "build_contexts", "location_for", "actor_for", "period_for"]

# words after a demonym that make it an actor: "Russian troops", "Malian army"
_FORCE_NOUN = re.compile(
    r"\s+(?:(?:military|armed|security|special|regular|government|state|national|private|defence|defense)\s+)*"
    r"(?:troops|forces|force|army|armies|soldiers|military|militaries|mercenaries|instructors|personnel|"
    r"officials|authorities|government|junta|involvement|activity|activities|presence|contractors|"
    r"advisers|advisors|units|operations|operation|jets|drones|aircraft|air\s+force|gendarmerie|"
    r"police|fighters|deployment|engagement|intervention|support|representative|diplomats|minister|"
    r"ministry|president|state|officers|paramilitaries|battalions?|contingents?)\b",
    re.I,
)
# verbs after a country that make it act (an actor), not just a place
_ACT_VERB = re.compile(
    r"(?:['’]s)?\s+(?:(?:has|have|had|is|was|were|also|then|now|already|recently|reportedly|itself|alone)\s+)*"
    r"(?:become|became|offered|offers|offer|sent|sends|send|deployed|deploys|deploy|supplied|supplies|supply|"
    r"provided|provides|provide|signed|signs|sold|sells|exported|exports|spent|spends|spend|pledged|pledges|"
    r"gave|gives|give|paid|pays|trained|trains|funded|funds|financed|finances|dispatched|launched|launches|"
    r"accounted|accounts|accounting|voted|votes|bought|buys|imported|imports|withdrew|withdraws|"
    r"announced|announces|expelled|expels|killed|kills|arrested|arrests|invested|invests|committed|commits|"
    r"contributed|contributes|delivered|delivers|donated|donates|allocated|allocates|mobilised|mobilized|"
    r"recruited|recruits|lost|loses|carried\s+out|conducted|conducts|struck|strikes|used|uses|"
    r"was\s+(?:the|a)\s+main|is\s+(?:the|a)\s+main|remains|remained|ranks|ranked)\b",
    re.I,
)
# generic state forces: the states named around become actors
_GENERIC_FORCES = re.compile(
    r"\b(?:national\s+(?:armies|army|armed\s+forces|forces|militaries|military)|(?:the|their|its)\s+arm(?:y|ies)|"
    r"(?:government|state|national|security|defence|defense)\s+forces|the\s+armed\s+forces|(?:the|their|its)\s+militar(?:y|ies)|"
    r"regular\s+armies|juntas?['’]?\s+(?:forces|troops|soldiers))\b",
    re.I,
)
_THERE = re.compile(r"\b(?:there|locally|in\s+the\s+area|in\s+the\s+zone)\b", re.I)
_THE_REGION = re.compile(r"\b(?:the|this|that)\s+(?:region|sub-?region|area)\b(?!\s+of\b)|\bthe\s+Sahelian\s+region\b", re.I)
_THE_COUNTRY = re.compile(r"\b(?:the|this|that)\s+country\b(?!\s+of\b)|\bthe\s+capital\b(?!\s+of\b)", re.I)
_THESE_COUNTRIES = re.compile(
    r"\b(?:the\s+same|these|those|both|the\s+(?:two|three|four)|all\s+(?:three|four|two))\s+(?:countries|states|nations|juntas)\b", re.I
)
_OTHER_COUNTRIES = re.compile(r"\b(?:\w+\s+)?other\s+(?:\w+\s+)?(?:countries|states|nations)\b", re.I)
_THE_GROUP = re.compile(
    r"\b(?:the|this|that)\s+(?:group|organi[sz]ation|movement|militia|company|force|jihadist\s+group|armed\s+group|terrorist\s+group)\b"
    r"(?!\s+(?:formed|of|called|known|named|that|which|led|created|founded|behind|responsible)\b)",
    re.I,
)
# a country as the object of a stance is neither a place nor an actor here
_NOT_PLACE_BEFORE = re.compile(
    r"\b(?:with|against|toward|towards|than|critical\s+of|support\s+for|relations\s+with|ties\s+with|allied\s+to|close\s+to|dependent\s+on|dependence\s+on|reliance\s+on)\s+(?:the\s+)?$",
    re.I,
)


@dataclass
class Place:
    start: int
    end: int
    code: str  # ISO3 or region name
    is_region: bool


@dataclass
class SentenceContext:
    start: int
    end: int
    paragraph: int
    places: list[Place] = field(default_factory=list)  # places (not acting states)
    weak_places: list[Place] = field(default_factory=list)  # demonym + force ("Malian army")
    actors: list[tuple[int, int, str]] = field(default_factory=list)
    blocked_location: list[tuple[int, int]] = field(default_factory=list)  # "the other countries"
    source: str | None = None


def _place_of(m: Match) -> Place | None:
    e = m.entity
    if e.entity_type == "country":
        return Place(m.start, m.end, e.entity_id, False)
    if e.entity_type in ("city",) and e.country:
        return Place(m.start, m.end, e.country, False)
    if e.entity_type == "region":
        if e.country:
            return Place(m.start, m.end, e.country, False)
        return Place(m.start, m.end, e.name, True)
    return None


# --- sources -------------------------------------------------------------
_NAME = r"(?:[A-Z][\w&'’.\-]*|of|for|and|on|the|de|du|des|la|le|for|in)"
_PROPER = rf"(?:[A-Z][\w&'’.\-]*(?:\s+{_NAME})*?(?:\s+[A-Z][\w&'’.\-]*)?)"
_SOURCE_PATTERNS = [
    re.compile(rf"\b[Aa]ccording\s+to\s+(?:(?:the|a|an|its|their|new|recent|latest|data|figures|estimates|a\s+report|the\s+report|a\s+study|reports?|statistics)\s+)*(?:(?:by|from|of|compiled\s+by)\s+(?:the\s+)?)?(?P<src>{_PROPER})"),
    re.compile(rf"\b(?:said|says|reported|reports|estimated|estimates|stated|noted|told)\s+(?:the\s+)?(?P<src>{_PROPER})"),
    re.compile(rf"\b(?:reported|documented|recorded|compiled|collected|published|cited|counted|released|gathered)\s+by\s+(?:the\s+)?(?P<src>{_PROPER})"),
    re.compile(rf"\b(?:data|figures|statistics|estimates|numbers|a\s+report|report|reports|a\s+study|study|analysis|a\s+survey|survey|tally|count)\s+(?:from|by|of)\s+(?:the\s+)?(?P<src>{_PROPER})"),
    re.compile(rf"(?:^|[.,;]\s+|\b(?:and|but|while)\s+)(?:the\s+|The\s+)?(?P<src>{_PROPER})\s+(?:data|figures|statistics|estimates|report|reports|researchers|analysts)?\s*(?:show|shows|showed|indicate|indicates|indicated|found|finds|estimates|estimated|reported|reports|says|said|recorded|records|counted|counts|documented|documents|suggests|suggested)\b"),
    re.compile(rf"\b(?P<src>{_PROPER})['’]s\s+(?:data|figures|report|latest\s+report|annual\s+report|estimates|statistics|database|count|tally)\b"),
]
_NOT_SOURCE = re.compile(
    r"^(?:The|This|That|These|Those|It|They|He|She|We|I|In|On|At|By|For|From|But|And|However|Since|"
    r"Although|When|While|After|Before|Today|Yesterday|Meanwhile|Moreover|Furthermore|Overall|A|An|"
    r"According|Last|This|Some|Many|Most|All|Both|Each|Such|Initially|Finally|Similarly|Mr|Ms)$"
)


def _clean_source(s: str) -> str | None:
    s = s.strip(" .,;:'’")
    s = re.sub(r"\s+(?:and|of|for|on|the|de|du|des|la|le|in)$", "", s)
    s = re.sub(r"^(?:the|The)\s+", "", s)
    s = re.sub(r"['’]s$", "", s)
    if not s or _NOT_SOURCE.match(s):
        return None
    return s


def source_in(text: str, start: int, end: int) -> str | None:
    """The source a sentence credits, as named."""
    sent = text[start:end]
    for rx in _SOURCE_PATTERNS:
        for m in rx.finditer(sent):
            src = _clean_source(m.group("src"))
            if src:
                # the first words only when a long capitalised run follows
                return src
    return None


_CONTINUES = re.compile(
    r"\s*[\"“]?(?:This|These|That|It|Its|They|Their|The\s+same|The\s+(?:report|study|data|figures|survey|"
    r"organi[sz]ation|centre|center|agency|group|researchers|analysis|tally|index|dataset|database)|"
    r"Such|Also|In\s+addition|Additionally|Moreover|Furthermore|Of\s+these|Of\s+those|Among\s+them|"
    r"The\s+figure|The\s+number|The\s+total|The\s+toll|Another|A\s+further|Over\s+the\s+same)\b"
)


def build_contexts(text: str, sentences, matches: list[Match]) -> list[SentenceContext]:
    """Per sentence: places (with anaphors resolved), actors and the credited source."""
    out: list[SentenceContext] = []
    mi = 0
    last_place: Place | None = None
    last_region: Place | None = None
    last_country: Place | None = None
    prev_countries: list[Place] = []
    prev_group_first: str | None = None
    last_actor: str | None = None
    prev_source: str | None = None
    prev_para = None
    for sent in sentences:
        ctx = SentenceContext(sent.start, sent.end, sent.paragraph)
        sm: list[Match] = []
        while mi < len(matches) and matches[mi].start < sent.start:
            mi += 1
        j = mi
        while j < len(matches) and matches[j].start < sent.end:
            sm.append(matches[j])
            j += 1
        # anaphors as virtual places, resolved in reading order
        events: list[tuple[int, str, object]] = [(m.start, "m", m) for m in sm]
        for rx, kind in ((_THERE, "there"), (_THE_REGION, "region"), (_THE_COUNTRY, "country"),
                         (_THESE_COUNTRIES, "these"), (_OTHER_COUNTRIES, "other"), (_THE_GROUP, "group")):
            for a in rx.finditer(text, sent.start, sent.end):
                if any(m.start <= a.start() < m.end for m in sm):
                    continue
                events.append((a.start(), kind, a))
        events.sort(key=lambda x: x[0])
        sent_countries: list[Place] = []
        first_actor: str | None = None
        first_group: str | None = None
        for pos, kind, obj in events:
            if kind == "m":
                m: Match = obj  # type: ignore[assignment]
                e = m.entity
                after = text[m.end:m.end + 80]
                if e.entity_type in ("armed_group", "state_force"):
                    ctx.actors.append((m.start, m.end, e.entity_id))
                    first_actor = first_actor or e.entity_id
                    first_group = first_group or e.entity_id
                    last_actor = e.entity_id
                    continue
                if e.entity_type == "organisation":
                    continue
                p = _place_of(m)
                if p is None:
                    continue
                if e.entity_type == "country" and m.demonym and _FORCE_NOUN.match(after):
                    ctx.actors.append((m.start, m.end, e.entity_id))
                    ctx.weak_places.append(p)
                    first_actor = first_actor or e.entity_id
                    continue
                if e.entity_type == "country" and not m.demonym and _ACT_VERB.match(after):
                    ctx.actors.append((m.start, m.end, e.entity_id))
                    first_actor = first_actor or e.entity_id
                    continue
                if e.entity_type == "country" and not m.demonym and re.match(r"['’]s\s+(?:\w+\s+)?(?:military|army|troops|forces|government|junta|mercenaries)\b", after):
                    ctx.actors.append((m.start, m.end, e.entity_id))
                    first_actor = first_actor or e.entity_id
                    continue
                if e.entity_type == "country" and not m.demonym and _NOT_PLACE_BEFORE.search(text, max(0, m.start - 30), m.start):
                    continue
                ctx.places.append(p)
                if p.code != "World":
                    last_place = p
                    if p.is_region:
                        last_region = p
                    else:
                        last_country = p
                        sent_countries.append(p)
            elif kind == "there":
                if last_place is not None:
                    a = obj
                    ctx.places.append(Place(a.start(), a.end(), last_place.code, last_place.is_region))
            elif kind == "region":
                a = obj
                tgt = last_region or last_place
                if tgt is not None:
                    p = Place(a.start(), a.end(), tgt.code, tgt.is_region)
                    ctx.places.append(p)
                    last_place = p
            elif kind == "country":
                a = obj
                if last_country is not None:
                    p = Place(a.start(), a.end(), last_country.code, False)
                    ctx.places.append(p)
                    last_place = p
            elif kind == "these":
                a = obj
                for p0 in prev_countries:
                    ctx.places.append(Place(a.start(), a.end(), p0.code, False))
            elif kind == "other":
                a = obj
                ctx.blocked_location.append((a.start(), a.end()))
            elif kind == "group":
                a = obj
                tgt = prev_group_first or last_actor
                if first_group is None and tgt:
                    ctx.actors.append((a.start(), a.end(), tgt))
                    first_actor = first_actor or tgt
                    first_group = tgt
        # generic national forces: the states named in the sentence act
        if _GENERIC_FORCES.search(text, sent.start, sent.end):
            g = _GENERIC_FORCES.search(text, sent.start, sent.end)
            for p in ctx.places:
                if not p.is_region:
                    ctx.actors.append((g.start(), g.end(), p.code))
        if sent_countries:
            prev_countries = sent_countries
        if first_group:
            prev_group_first = first_group
        # source
        src = source_in(text, sent.start, sent.end)
        if src is None and prev_source and prev_para == sent.paragraph and _CONTINUES.match(text, sent.start, sent.end):
            src = prev_source
        ctx.source = src
        prev_source = src
        prev_para = sent.paragraph
        out.append(ctx)
    return out


def _fmt(codes) -> str | None:
    codes = sorted(set(codes))
    return ";".join(codes) if codes else None


def _choose_places(places: list[Place]) -> list[str]:
    countries = [p.code for p in places if not p.is_region]
    regions = [p.code for p in places if p.is_region]
    if countries:
        return countries
    non_world = [r for r in regions if r != "World"]
    return non_world or regions


def location_for(ctx: SentenceContext, segs: list[tuple[int, int]], fs: int, fe: int) -> str | None:
    """Places of the figure's segment, else of the nearest segment before, else after."""
    idx = _seg_index(segs, fs)
    order = [idx] + list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(segs)))
    for k in order:
        a, b = segs[k]
        if k == idx and any(a <= s < b for s, _ in ctx.blocked_location):
            return None
        ps = [p for p in ctx.places if a <= p.start < b]
        if ps:
            return _fmt(_choose_places(ps))
    if ctx.weak_places:
        return _fmt(_choose_places(ctx.weak_places))
    return None


def actor_for(ctx: SentenceContext, segs: list[tuple[int, int]], fs: int, fe: int) -> str | None:
    """Actors of the figure's segment, else of the nearest segment before, else after."""
    idx = _seg_index(segs, fs)
    order = [idx] + list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(segs)))
    for k in order:
        a, b = segs[k]
        acts = [x[2] for x in ctx.actors if a <= x[0] < b]
        if acts:
            # states acting through "national armies" are in the same segment as the force
            return _fmt(acts)
    return None


def _seg_index(segs, pos) -> int:
    for i, (a, b) in enumerate(segs):
        if a <= pos < b:
            return i
    for i, (a, b) in enumerate(segs):
        if pos < a:
            return max(0, i - 1)
    return len(segs) - 1


def period_for(dates, segs, fs: int, fe: int, sent_start: int, sent_end: int, ins=()):
    """(period_start, period_end): the date in the figure's segment, else the
    sentence's only date, else the nearest before it, else after."""
    ds = [d for d in dates if sent_start <= d.start < sent_end and d.date_start]
    if ins:
        ds = [d for d in ds if not any(a <= d.start < b and not (a <= fs < b) for a, b in ins)]
    if not ds:
        return None, None
    idx = _seg_index(segs, fs)
    a, b = segs[idx]
    inseg = [d for d in ds if a <= d.start < b]
    if inseg:
        before = [d for d in inseg if d.end <= fs]
        d = before[-1] if before else inseg[0]
        return d.date_start, d.date_end
    if len(ds) == 1:
        return ds[0].date_start, ds[0].date_end
    before = [d for d in ds if d.end <= fs]
    if before:
        d = before[-1]
    else:
        d = ds[0]
    return d.date_start, d.date_end
