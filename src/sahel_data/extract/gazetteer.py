"""The gazetteer: places and actors from data files, and a fast longest-match finder.

Countries come from pycountry (names, common and official names) plus the
curated `sahel_data/data/gazetteer.csv` (aliases, demonyms, regions, cities,
armed groups, state forces, organisations).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Entity", "Match", "Gazetteer", "load_gazetteer", "GAZETTEER_PATH"]

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv"


@dataclass(frozen=True)
class Entity:
    entity_id: str
    entity_type: str  # country, region, city, armed_group, state_force, organisation, person
    name: str
    country: str | None  # ISO3 of the country it belongs to (cities, national forces)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity: Entity
    demonym: bool  # matched through a demonym ("Malian", "Sahelian")


_TOKEN = re.compile(r"[^\W_]+")
_SEP_OK = re.compile(r"^[\s\-‐‑–'’ʼ`.&]*$")


def _fold(s: str) -> str:
    """Lower-case, accents removed."""
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
        # single words that are names or demonyms (not common nouns)
        self.known_words = {w for surf, _, _ in surfaces for w in surf.split() if w[:1].isupper()}
        self.demonyms = {surf for surf, _, dem in surfaces if dem}
        self.armed_groups = {e.entity_id for e in entities if e.entity_type == "armed_group"}
        self.single_names = {surf for surf, _, _ in surfaces if " " not in surf}
        # key -> (entity_id, demonym, cased variants or None for case-free)
        self._index: dict[str, tuple[str, bool, set[str] | None]] = {}
        self._first: set[str] = set()
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
            prev = self._index.get(k)
            self._first.add(_fold(toks[0]))
            self._max = max(self._max, len(toks))
            if prev is not None:
                # first entry wins, but cased variants accumulate
                if prev[0] == eid and prev[2] is not None and cased is not None:
                    prev[2].update(cased)
                elif prev[0] == eid and cased is None:
                    self._index[k] = (eid, prev[1] and demonym, None)
                continue
            self._index[k] = (eid, demonym, cased)
            self._first.add(_fold(toks[0]))
            self._max = max(self._max, len(toks))

    def _depth(self, eid: str) -> int:
        d = 0
        seen = set()
        while eid in self.within and eid not in seen and d < 20:
            seen.add(eid)
            eid = self.within[eid]
            d += 1
        return d

    def find(self, text: str) -> list[Match]:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        out: list[Match] = []
        n = len(toks)
        i = 0
        while i < n:
            first = _fold(toks[i][2])
            if first not in self._first:
                i += 1
                continue
            # extend over contiguous tokens (only name-internal separators between)
            j = i + 1
            limit = min(n, i + self._max)
            while j < limit and _SEP_OK.match(text[toks[j - 1][1]:toks[j][0]]) and toks[j][0] - toks[j - 1][1] <= 3:
                j += 1
            found = None
            for k in range(j, i, -1):
                words = [t[2] for t in toks[i:k]]
                hit = self._index.get(_key(words))
                if hit is None:
                    continue
                eid, demonym, cased = hit
                if cased is not None and _cased_key(words) not in cased:
                    continue
                found = (k, eid, demonym)
                break
            if found is None:
                i += 1
                continue
            k, eid, demonym = found
            end = toks[k - 1][1]
            if text[end:end + 1] == "." and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text[toks[i][0]:end]):
                end += 1  # "U.S."
            if self.entities[eid].entity_type == "country" and text[end:end + 1] in ("$", "€"):
                i += 1  # "US$": a currency, not a place
                continue
            out.append(Match(toks[i][0], end, self.entities[eid], demonym))
            i = k
        return out


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
        entities[eid] = Entity(eid, etype, r["name"].strip(), country)
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
