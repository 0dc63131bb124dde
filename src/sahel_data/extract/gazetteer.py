"""The gazetteer: places and actors from data files, and a fast longest-match finder.

Countries come from pycountry (names, common and official names) plus the
curated `sahel_data/data/gazetteer.csv` (aliases, demonyms, regions, cities,
armed groups, state forces, organisations).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import DOTTED_INITIALS, whole_words

__all__ = ["Entity", "Match", "Gazetteer", "load_gazetteer", "learn_places", "GAZETTEER_PATH"]

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv"


@dataclass(frozen=True, slots=True)
class Entity:
    entity_id: str
    entity_type: str  # country, region, city, armed_group, state_force, organisation, person
    name: str
    country: str | None  # ISO3 of the country it belongs to (cities, national forces)
    capital: bool = False  # a capital city, which can stand for its state ("Paris withdrew ...")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entity: Entity
    demonym: bool  # matched through a demonym ("Malian", "Sahelian")


_TOKEN = re.compile(r"[^\W_]+")
_SEP_OK = re.compile(r"^[\s\-‐‑–'’ʼ`.&]*$")
_SEP_RX = re.compile(r"[ \t\-‐‑–'’ʼ`.&]*")


@lru_cache(maxsize=200_000)
def _fold(s: str) -> str:
    """Lower-case, accents removed."""
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _key(tokens: list[str]) -> str:
    return "".join(_fold(t) for t in tokens)


def _cased_key(tokens: list[str]) -> str:
    return "".join(tokens)


class Gazetteer:
    """Finds the longest gazetteer names in a text, never one inside another."""

    MAX_TOKENS = 12

    def __init__(self, entities: list[Entity], surfaces: list[tuple[str, str, bool]],
                 within: dict[str, str] | None = None):
        self.entities = {e.entity_id: e for e in entities}
        self.within = dict(within or {})
        self.ranks = {eid: self._depth(eid) for eid in self.entities if self.entities[eid].entity_type == "region"}
        # region name -> names of the regions it lies within ("Liptako-Gourma" -> Central Sahel, Sahel, ...)
        self.region_ancestors = {self.entities[eid].name: frozenset(
            self.entities[a].name for a in self._ancestors(eid) if a in self.entities) for eid in self.ranks}
        # single words that are names or demonyms (not common nouns)
        self.known_words = {w for surf, _, _ in surfaces for w in surf.split() if w[:1].isupper()}
        self.demonyms = {surf for surf, _, dem in surfaces if dem}
        self.african = {eid for eid, parent in self.within.items()
                         if self.entities.get(eid) and self.entities[eid].entity_type == "country"
                         and parent in ("africa", "west-africa", "north-africa", "east-africa", "central-africa",
                                        "sub-saharan-africa", "sahel")}
        self.armed_groups = {e.entity_id for e in entities if e.entity_type == "armed_group"}
        self.single_names = {surf for surf, _, _ in surfaces if " " not in surf}
        # key -> (entity_id, demonym, cased variants or None for case-free)
        self._index: dict[str, tuple[str, bool, set[str] | None]] = {}
        self._first: dict[str, int] = {}  # first token -> most tokens of a name starting with it
        self._lower_first: set[str] = set()
        self._prefixes: set[str] = set()  # folded keys of the first 1..n tokens of every name
        self._cand: re.Pattern | None = None
        self._max = 1
        for surface, eid, demonym in surfaces:
            toks = _TOKEN.findall(surface)
            if not toks:
                continue
            k = _key(toks)
            single = len(toks) == 1
            cased = None
            if single or surface.isupper() or (len(surface) <= 5 and any(c.isupper() for c in surface[1:])):
                cased = {_cased_key(toks)}
                if surface[:1].islower():
                    cased.add(_cased_key([toks[0][:1].upper() + toks[0][1:]] + toks[1:]))
                if len(surface) >= 4 and not surface.isupper():
                    cased.add(_cased_key([t.upper() for t in toks]))  # "NIGER" in an all-caps headline
            prev = self._index.get(k)
            f0 = _fold(toks[0])
            acc = ""
            for t in toks:
                acc += _fold(t)
                self._prefixes.add(acc)
            self._lower_first.add(toks[0])
            self._lower_first.add(toks[0][:1].upper() + toks[0][1:])
            self._lower_first.add(toks[0].upper())
            self._first[f0] = max(self._first.get(f0, 0), len(toks))
            self._max = max(self._max, len(toks))
            if prev is not None:
                # first entry wins, but cased variants accumulate
                if prev[0] == eid and prev[2] is not None and cased is not None:
                    prev[2].update(cased)
                elif prev[0] == eid and cased is None:
                    self._index[k] = (eid, prev[1] and demonym, None)
                continue
            self._index[k] = (eid, demonym, cased)

    def _ancestors(self, eid: str) -> list[str]:
        out: list[str] = []
        while eid in self.within and self.within[eid] not in out and len(out) < 20:
            eid = self.within[eid]
            out.append(eid)
        return out

    def _depth(self, eid: str) -> int:
        d = 0
        seen = set()
        while eid in self.within and eid not in seen and d < 20:
            seen.add(eid)
            eid = self.within[eid]
            d += 1
        return d

    def _candidates(self) -> re.Pattern:
        """First tokens worth a look: capitalised words, and the few lower-case
        words that open a name ("worldwide", "al-Qaeda", "sub-Saharan")."""
        if self._cand is None:
            self._cand = whole_words(self._lower_first) if self._lower_first else re.compile("(?!)")
        return self._cand

    def find(self, text: str) -> list[Match]:
        out: list[Match] = []
        pos = 0
        n = len(text)
        index = self._index
        prefixes = self._prefixes
        for c in self._candidates().finditer(text):
            if c.start() < pos:
                continue
            w0 = c.group()
            key = _fold(w0)
            if key not in prefixes:
                continue
            toks = [(c.start(), c.end(), w0)]
            best = None
            p = c.end()
            while True:
                hit = index.get(key)
                if hit is not None:
                    eid, demonym, cased = hit
                    if cased is None or _cased_key([t[2] for t in toks]) in cased:
                        best = (len(toks), eid, demonym)
                if p >= n:
                    break
                # the next contiguous token (only name-internal separators between)
                sep = _SEP_RX.match(text, p)
                q = sep.end()
                t = _TOKEN.match(text, q)
                if t is None or q - p > 3:
                    break
                nkey = key + _fold(t.group())
                if nkey not in prefixes:
                    break
                key = nkey
                toks.append((t.start(), t.end(), t.group()))
                p = t.end()
            if best is None:
                continue
            k, eid, demonym = best
            end = toks[k - 1][1]
            if text[end:end + 1] == "." and DOTTED_INITIALS.fullmatch(text[toks[0][0]:end]):
                end += 1  # "U.S."
            if self.entities[eid].entity_type == "country" and (text[end:end + 1] in ("$", "€")
                                                                or _CURRENCY_AFTER.match(text, end)):
                continue  # "US$", "1 US dollar": a currency, not a place
            etype = self.entities[eid].entity_type
            if etype in ("country", "region") and not demonym \
                    and (etype == "region" or _IN_ORG_NAME_AFTER.match(text, end)) \
                    and _IN_ORG_NAME_BEFORE.search(text, max(0, toks[0][0] - 25), toks[0][0]):
                # "Radio France Internationale", "Agence France-Presse", "Électricité de France (EDF)", "Tele Sahel"
                continue
            if demonym and etype in ("country", "region") and _DEMONYM_IN_ORG_NAME_AFTER.match(text, end):
                continue  # "European Commission", "African Development Bank", "African Defence Monitor"
            out.append(Match(toks[0][0], end, self.entities[eid], demonym))
            pos = end
        return out


# a country's name inside an organisation's name: a capitalised word before it (or "X de"), and a
# capitalised word, a hyphenated one or the acronym after it
_IN_ORG_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?i:in|on|at|from|to|for|by|and|of|the|république|republic|"
                                 r"gouvernement|government|western|eastern|northern|southern|central|francophone|"
                                 r"anglophone|saharan|sub-saharan|sahelian|greater|across|throughout|whole|coastal|"
                                 r"what|which|how|why|where|when|whether|rural|wider|entire|all|both|with|into|"
                                 r"than|beyond|outside|inside|around|against|about|over|under|between)\b)[A-ZÀ-Þ][\w'’\-]+(?<!['’]s)[ \t]+(?:(?:de|du|d['’])[ \t]*)?$")
_CURRENCY_AFTER = re.compile(r"[ \t]+(?:dollars?|cents?|pounds?|francs?|euros?)\b")
_DEMONYM_IN_ORG_NAME_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][\w\-]+[ \t]+){0,2}(?:Commission|Union|Parliament|Council|Court|Bank|Fund|Foundation|Institute|"
    r"Centre|Center|Monitor|Observatory|Network|News|Times|Post|Review|Studies|Research|Programme|Program|Agency|"
    r"Broadcasting|Corporation|Company|Association|Federation|Society|Academy|University|Press)\b")
_IN_ORG_NAME_AFTER = re.compile(r"-[A-Z]|[ \t]+[A-Z][a-z]|[ \t]+\([A-Z]{2,6}\)")
# a place the gazetteer does not know, set in a country by the text itself: "an army camp in
# Sokolo in central Mali", "the village of Tamou, Niger", "near Kadawa, in northern Nigeria"
_PLACE_IN_COUNTRY = re.compile(
    r"\b(?:[Ii]n|[Nn]ear|at|[Ff]rom|to|[Oo]utside|[Aa]round|of|village|town|commune|city|camp|locality|district)\s+"
    r"(?P<name>[A-ZÀ-Þ][\w'’\-]+(?:[ \-][A-ZÀ-Þ][\w'’\-]+){0,2})"
    r"(?:\s+(?:province|region|department|prefecture|commune|district|county|state))?"  # "Sourou province, in ..."
    r"(?:,\s*(?:also\s+)?(?:in\s+)?|\s+(?:also\s+)?in\s+)(?:the\s+)?(?:(?:far[\s\-])?(?:north|south|east|west|central|north[\s\-]?east|"
    r"north[\s\-]?west|south[\s\-]?east|south[\s\-]?west)(?:ern)?\s+)?$")
# a place set by its neighbour, which may be a town or a place learned before: "Kounkoula, a Fulani
# hamlet of about 600 people, lies some 14 kilometers east of Tougan", "Sagalé and Mourdéni are
# neighbouring villages about 9 kilometers north of Kounkoula", "Bogandé, the capital of Gnagna province"
_NAME = r"[A-ZÀ-Þ][\w'’\-]+(?:[ \-][A-ZÀ-Þ][\w'’\-]+){0,2}"
_PLACE_NEAR = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=\n)|^)(?P<name>{_NAME})(?:\s+and\s+(?P<name2>{_NAME}))?"
    r"(?:,\s+|\s+(?:is|are|lies|lie|sits|sit)\s+)(?:an?\s+|the\s+)?(?:[\w'’\-]+\s+){0,3}?"
    r"(?:villages?|hamlets?|towns?|settlements?|localit(?:y|ies)|communes?|camps?)\b[^.;:\n]{0,70}?"
    r"\b(?:of|in|near|outside)\s+(?:the\s+)?$")
_NEAR_WORDS = ("illage", "amlet", "town", "Town", "ettlement", "ocalit", "ommune", "camp", "Camp")
_CAPITAL_OF = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?:regional\s+|provincial\s+|district\s+)?capital\s+of\s+(?:the\s+)?$")
_DEMONYM_PLACE_AFTER = re.compile(
    rf"[ \t]+(?:[a-z][\w\-]*[ \t]+){{0,2}}(?:village|town|commune|city|hamlet|settlement|locality|camp)[ \t]+of[ \t]+"
    rf"(?P<name>{_NAME})")
_PROPER_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:[ \-][A-ZÀ-Þ][a-zà-ÿ'’\-]+){0,2}")  # not "IDPs", "NGOs"
_NOT_A_PLACE_NAME = frozenset("The This That These Those A An In On At By For From To Of And But Or It Its "
                              "He She They We I Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
                              "January February March April May June July August September October November December "
                              "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Last Next Early Late".split())


def _positions(text: str, words) -> list[int]:
    """Where any of the words occurs, sorted (str.find runs at C speed; a regex alternation does not)."""
    out = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            out.append(i)
            i = text.find(w, i + 1)
    return sorted(out)


def _usable_name(text: str, name: str | None, start: int, end: int, known: list[tuple[int, int]],
                 learned: dict[str, str]) -> bool:
    """Whether a name found by a learning pattern can be learned as a place: a proper name, new, no
    gazetteer name, and no word the text also writes in lower case ("Killings of Civilians in Sourou")."""
    return name is not None and name not in learned and name.split()[0] not in _NOT_A_PLACE_NAME \
        and _PROPER_NAME.fullmatch(name) is not None and not any(a < end and start < b for a, b in known) \
        and re.search(rf"(?<![\w'’\-]){re.escape(name.lower())}(?![\w\-])", text) is None


def learn_places(text: str, matches: list[Match]) -> list[Match]:
    """Places the gazetteer does not know but the text sets in a country ("in Sokolo in
    central Mali"): every mention of them, as cities of that country (their ids start with
    "~", and they are no mentions of the gazetteer)."""
    known = [(m.start, m.end) for m in matches]
    learned: dict[str, str] = {}
    anchors = [m for m in matches if not m.demonym and m.entity.country
               and m.entity.entity_type in ("country", "region")]  # a country, or a region of one ("central Mali")
    towns = [m for m in matches if not m.demonym and m.entity.country and m.entity.entity_type == "city"]
    # "the central Malian village of Ninkoro": a demonym sets the place it introduces
    for m in matches:
        if m.demonym and m.entity.country and m.entity.entity_type == "country":
            after = _DEMONYM_PLACE_AFTER.match(text, m.end)
            if after and _usable_name(text, after.group("name"), after.start("name"), after.end("name"), known, learned):
                learned[after.group("name")] = m.entity.country
    near_words = _positions(text, _NEAR_WORDS)  # (most texts set no village beside a town)
    has_capital = "capital of" in text
    # a place learned in one pass sets others in its country in the next ("Liptougou, also in Gnagna")
    for _ in range(4):
        found = _learn_from(text, anchors, known, learned, towns, near_words, has_capital)
        if not found:
            break
        anchors = towns = found
    if not learned:
        return []
    out = []
    for name, country in learned.items():
        out += _mentions_of(text, name, country, known)
    return sorted(out, key=lambda x: x.start)


def _learn_from(text: str, anchors: list[Match], known: list[tuple[int, int]], learned: dict[str, str],
                towns: list[Match] = (), near_words: list[int] = (), has_capital: bool = False) -> list[Match]:
    """Names set in the anchors' countries ("in Sokolo in central Mali") or beside places of a
    country ("a hamlet ... east of Tougan"); returns their mentions."""
    new: dict[str, str] = {}

    def take(rx_match, group: str, country: str) -> None:
        name = rx_match.group(group)
        if _usable_name(text, name, rx_match.start(group), rx_match.end(group), known, learned):
            new.setdefault(name, country)

    for m in anchors:
        before = _PLACE_IN_COUNTRY.search(text, max(0, m.start - 70), m.start)
        if before is not None:
            take(before, "name", m.entity.country)
    if not has_capital and not near_words:
        towns = anchors = []
    in_anchors = {id(a) for a in anchors}
    for m in list(anchors) + [t for t in towns if id(t) not in in_anchors]:
        lo = max(0, m.start - 160)
        i = bisect_left(near_words, lo)
        if i < len(near_words) and near_words[i] < m.start:
            near = _PLACE_NEAR.search(text, lo, m.start)
            if near is not None:
                take(near, "name", m.entity.country)
                take(near, "name2", m.entity.country)
        if has_capital:
            capital = _CAPITAL_OF.search(text, max(0, m.start - 60), m.start)
            if capital is not None:
                take(capital, "name", m.entity.country)
    learned.update(new)
    return [hit for name, country in new.items() for hit in _mentions_of(text, name, country, known)]


def _mentions_of(text: str, name: str, country: str, known: list[tuple[int, int]]) -> list[Match]:
    entity = Entity("~" + name, "city", name, country)
    return [Match(hit.start(), hit.end(), entity, False)
            for hit in re.finditer(rf"(?<![\w'’\-]){re.escape(name)}(?![\w\-])", text)
            if not any(a < hit.end() and hit.start() < b for a, b in known)]


def _read_csv(path: Path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(v: str | None) -> list[str]:
    return [a.strip() for a in (v or "").split("|") if a.strip()]


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    rows = _read_csv(Path(path) if path else GAZETTEER_PATH)
    entities: dict[str, Entity] = {}
    surfaces: list[tuple[str, str, bool]] = []
    within: dict[str, str] = {}
    curated_countries = set()
    for r in rows:
        eid = r["entity_id"].strip()
        etype = r["entity_type"].strip()
        country = (r.get("country") or "").strip() or None
        if etype == "country":
            curated_countries.add(eid)
            country = eid
        entities[eid] = Entity(eid, etype, r["name"].strip(), country, (r.get("capital") or "").strip() == "yes")
        if (r.get("within") or "").strip():
            within[eid] = r["within"].strip()
        surfaces.append((r["name"].strip(), eid, False))
        for a in _split(r.get("aliases")):
            surfaces.append((a, eid, False))
        for d in _split(r.get("demonyms")):
            surfaces.append((d, eid, True))
    try:
        import pycountry

        for c in pycountry.countries:
            iso3 = c.alpha_3
            names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
            names = [n for n in names if n and "," not in n and "(" not in n]
            if iso3 not in entities:
                entities[iso3] = Entity(iso3, "country", names[0] if names else c.name, iso3)
            for n in names:
                surfaces.append((n, iso3, False))
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    # longer surfaces first is not needed (longest match is by tokens), but
    # curated entries must win over pycountry ones on equal keys: keep order.
    return Gazetteer(list(entities.values()), surfaces, within)
