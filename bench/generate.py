"""Generate a synthetic corpus of Sahel security articles for benchmarks.

    python bench/generate.py OUT_DIR [-n 1000] [--seed 42] [--size 5000]

writes `OUT_DIR/<document_id>.txt` and `OUT_DIR/<document_id>.meta.json`
for N articles of about SIZE bytes each, in the layout of `raw/` (see
shared/CONTRACT.md). The same seed and N give byte-identical files.

Articles are made by recombining sentences in the styles the real corpus
has (wire reports, UN situation updates, think-tank analysis, chronologies,
money and aid), filled with random figures in their many spellings
(`1,292`, `2.1 million`, `ten`, `40 %`, `40 per cent`, `between 60 and 70`,
`more than 10,000`, `1000+`, `three-fold`, `US$1.5 billion`), places with
accents (Tillabéri, Ménaka, Ségou) and armed groups.

`mutate(out_dir, fraction, seed)` changes the text of a fraction of the
articles (one new sentence each), for incremental re-run benchmarks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from pathlib import Path

# ----------------------------------------------------------------------------
# vocabularies

PLACES = [
    # (town, admin region, country)
    ("Djibo", "Sahel region", "Burkina Faso"),
    ("Kaya", "Centre-Nord region", "Burkina Faso"),
    ("Fada N'Gourma", "Est region", "Burkina Faso"),
    ("Dori", "Sahel region", "Burkina Faso"),
    ("Ouahigouya", "Nord region", "Burkina Faso"),
    ("Barsalogho", "Centre-Nord region", "Burkina Faso"),
    ("Mopti", "Mopti region", "Mali"),
    ("Ménaka", "Ménaka region", "Mali"),
    ("Ségou", "Ségou region", "Mali"),
    ("Kidal", "Kidal region", "Mali"),
    ("Gao", "Gao region", "Mali"),
    ("Timbuktu", "Timbuktu region", "Mali"),
    ("Bandiagara", "Mopti region", "Mali"),
    ("Tillabéri", "Tillabéri region", "Niger"),
    ("Diffa", "Diffa region", "Niger"),
    ("Tahoua", "Tahoua region", "Niger"),
    ("Ayorou", "Tillabéri region", "Niger"),
    ("Maiduguri", "Borno State", "Nigeria"),
    ("Lake Chad islands", "Lac province", "Chad"),
    ("Kandi", "Alibori department", "Benin"),
    ("Dapaong", "Savanes region", "Togo"),
]
REGIONS = ["the Sahel", "the central Sahel", "West Africa", "the Liptako-Gourma",
           "the tri-border area", "the Lake Chad basin", "coastal West Africa"]
GROUPS = [
    "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "JNIM", "the Islamic State Sahel Province",
    "ISSP", "Islamic State West Africa Province (ISWAP)", "Boko Haram", "Ansarul Islam",
    "Katiba Macina", "unidentified gunmen", "suspected jihadists",
]
FORCES = [
    "the Malian Armed Forces (FAMa)", "Burkinabe troops", "the Volunteers for the Defence of the "
    "Homeland (VDP)", "Nigerien soldiers", "Russia's Africa Corps", "the Wagner Group",
    "Dozo militias", "Chadian forces", "the Multinational Joint Task Force",
]
SOURCES = [
    "ACLED", "the Africa Center for Strategic Studies", "OCHA", "UNHCR", "the International "
    "Organization for Migration", "Human Rights Watch", "Amnesty International",
    "the International Crisis Group", "the World Food Programme", "UNICEF",
    "the Global Terrorism Index", "the Armed Conflict Location & Event Data Project",
]
AGENCIES = ["Reuters", "AFP", "The Associated Press", "Anadolu", "RFI"]
PUBLISHERS = ["Sahel Monitor", "West Africa Wire", "Reuters", "The New Humanitarian",
              "Crisis Group", "Africa Center for Strategic Studies", "OCHA Situation Report"]
AUTHORS = ["Aminata Traoré", "Moussa Diallo", "Hamidou Sawadogo", "Fatoumata Keïta",
           "Jean-Baptiste Ouédraogo", "Sarah Miller", "Ibrahim Maïga", "Staff reporter"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SMALL_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
               "eighteen", "nineteen", "twenty"]
VICTIMS = ["civilians", "soldiers", "villagers", "militants", "volunteer fighters", "people",
           "police officers", "gold miners", "displaced people", "traders"]
VAGUE = ["dozens of", "scores of", "hundreds of", "several", "thousands of", "a handful of"]

# ----------------------------------------------------------------------------
# templates: {field} is filled by FIELD_MAKERS below; styles mirror real sources

TEMPLATES: dict[str, list[str]] = {
    "wire": [
        "At least {small} {victims} were killed on {weekday} when {group} attacked {town} in "
        "{country}'s {admin}, {agency} reported, citing local sources.",
        "{cap_group} fighters ambushed a convoy near {town} on {weekday}, killing {small} "
        "{victims} and wounding {small} others, a security source told {agency}.",
        "Gunmen on motorbikes stormed a market in {town}, killing {bound} {victims}, residents "
        "said, in the deadliest attack in the area since {month_year}.",
        "The army said it had killed {med} militants in air strikes around {town} over the "
        "past {small} days, a figure that could not be independently verified.",
        "{vague_cap} {victims} fled {town} after the attack, a local official said, adding "
        "that the death toll of {small} could rise.",
        "An explosive device hit a bus carrying {small} passengers on the road to {town}, "
        "killing {small} of them, the governor of the {admin} said on {weekday}.",
        "{agency} could not reach the army for comment; a spokesman for {group} claimed "
        "{med} {victims} had been killed.",
        "Since {month_year}, {cap_group} has carried out {med} attacks in the {admin}, up from "
        "{med} a year earlier.",
    ],
    "un": [
        "According to {source}, {large} people were internally displaced in {country} as of "
        "{full_date}, up {pct} from {month_year}.",
        "{cap_source} estimates that {large} people in {region} face crisis levels of food "
        "insecurity, {range} of them children.",
        "Some {med} schools remain closed in the {admin}, depriving {large} children of "
        "education, {source} said in its latest update.",
        "The humanitarian response plan for {country} requires {money} but was only {pct} "
        "funded as of {full_date}.",
        "Since the start of the year, {med} security incidents affecting humanitarian "
        "workers have been recorded, {bound} of them in the {admin}.",
        "{cap_source} registered {med} new refugees from {country} in {month_year}, bringing "
        "the total to {large}.",
        "Health facilities in the {admin}: {med} of {med} are not functional ({pct}).",
        "Access constraints increased {multiple} between {year} and {year2}, {source} noted.",
    ],
    "thinktank": [
        "Fatalities linked to militant Islamist groups in {region} rose {pct} in {year} to "
        "{med}, according to {source}.",
        "{cap_group} was responsible for {range} percent of violent events in the region, "
        "while {force} accounted for most of the rest.",
        "Deaths of civilians at the hands of {force} have increased {multiple} since {year}, "
        "{source} found.",
        "The number of predatory attacks on civilians in {country} reached {med} in {year}, "
        "compared with {med} in {year2}.",
        "{country} now accounts for {pct} of all deaths from terrorism in the world, {source} "
        "says, with {bound} deaths recorded last year.",
        "Violence has spread southwards: events within 50 kilometres of the borders of "
        "coastal states rose from {med} to {med} between {year} and {year2}.",
        "In total, {approx_large} people have been killed in {region} since {year}, an "
        "average of {med} a month.",
        "Militant groups now operate in {pct} of the territory of {country}, up from "
        "{pct} in {year}.",
    ],
    "dates": [
        "On {full_date}, {group} attacked the military camp at {town}, killing {small} "
        "soldiers.",
        "The junta seized power in {country} in {month_year} and expelled French troops "
        "{small} months later.",
        "Between {month} and {month2} {year}, {med} attacks were recorded in the {admin}.",
        "On {us_date}, a drone strike near {town} killed {bound} people attending a wedding, "
        "witnesses said.",
        "The curfew imposed on {full_date} in {town} was lifted on {full_date2}.",
        "In {year}, the transitional government extended the state of emergency for "
        "{small} months.",
    ],
    "money": [
        "The World Bank approved a {money} grant to support {large} displaced people in "
        "{country}.",
        "Donors pledged {money} at a conference on {region} held on {full_date}, short of "
        "the {money} requested.",
        "Defence spending in {country} rose {pct} to {money} in {year}, {source} estimates.",
        "Ransoms paid to {group} are thought to have brought in {range} million CFA francs "
        "({money}) last year.",
        "Cattle rustling cost herders in the {admin} an estimated {money}, or {multiple} the "
        "previous year's losses.",
        "Each of the {med} families received {money2} in emergency cash transfers.",
    ],
}
TITLES = [
    "{country}: {small} {victims} killed in attack near {town}",
    "Attacks on civilians rise in {region}",
    "{cap_source}: {large} people displaced in {country}",
    "{cap_group} steps up attacks in the {admin}",
    "Humanitarian update: {country}, {month_year}",
    "Why violence is spreading in {region}",
    "Funding gap grows as needs soar in {country}",
    "Drone strike near {town} kills {small}",
]


# ----------------------------------------------------------------------------
# figure makers: each returns one spelling of a random figure


def _thousands(n: int, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.7:
        return f"{n:,}"
    if style < 0.85:
        return str(n)
    return f"{n:,}".replace(",", " ")  # French-style grouping, as in francophone sources


def f_small(rng):
    n = rng.randint(2, 60)
    if n <= 20 and rng.random() < 0.45:
        return SMALL_WORDS[n - 1]
    return str(n)


def f_med(rng):
    return _thousands(rng.choice([rng.randint(20, 999), rng.randint(1000, 9999),
                                  rng.randint(10000, 90000)]), rng)


def f_large(rng):
    choice = rng.random()
    if choice < 0.45:
        return f"{rng.randint(11, 49) / 10:g} million"
    if choice < 0.8:
        return _thousands(rng.randint(20, 990) * 1000, rng)
    if choice < 0.9:
        return f"{rng.choice(['nearly', 'about', 'almost', 'over'])} {rng.randint(2, 9)} million"
    return f"{rng.randint(100, 900)},000"


def f_approx_large(rng):
    return f"{rng.choice(['about', 'around', 'some', 'roughly', 'an estimated'])} {f_large(rng)}"


def f_pct(rng):
    n = rng.choice([rng.randint(2, 95), round(rng.uniform(1, 99), 1)])
    return rng.choice([f"{n} %", f"{n}%", f"{n} percent", f"{n} per cent", f"{n}\u00a0%"])


def f_range(rng):
    low = rng.randint(10, 70)
    high = low + rng.choice([5, 10, 15, 20])
    return rng.choice([f"between {low} and {high}", f"{low}-{high}", f"from {low} to {high}",
                       f"{low} to {high}"])


def f_bound(rng):
    n = _thousands(rng.choice([rng.randint(10, 99), rng.randint(100, 999) * 10]), rng)
    return rng.choice([f"more than {n}", f"at least {n}", f"fewer than {n}", f"up to {n}",
                       f"nearly {n}", f"over {n}", f"{n}+", f"almost {n}"])


def f_multiple(rng):
    return rng.choice(["three-fold", "two-fold", "fourfold", "two and a half times",
                       "five times", "by half", "tenfold"])


def f_money(rng):
    amount = rng.choice([f"{rng.randint(11, 99) / 10:g} billion", f"{rng.randint(12, 950)} million",
                         f"{rng.randint(2, 90) * 10_000:,}"])
    return rng.choice([f"US${amount}", f"${amount}", f"USD {amount}", f"€{amount}",
                       f"{amount} dollars", f"EUR {amount}"])


def f_money2(rng):
    return rng.choice([f"{_thousands(rng.randint(25, 150) * 1000, rng)} CFA francs",
                       f"${rng.randint(40, 300)}", f"XOF {rng.randint(25, 150)},000"])


def _date(rng):
    return dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 10 * 365))


def f_full_date(rng):
    d = _date(rng)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def f_us_date(rng):
    d = _date(rng)
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def f_month_year(rng):
    d = _date(rng)
    return f"{MONTHS[d.month - 1]} {d.year}"


def f_year(rng):
    return str(rng.randint(2012, 2021))


def f_year2(rng):
    return str(rng.randint(2022, 2025))


FIELD_MAKERS = {
    "small": f_small, "med": f_med, "large": f_large, "approx_large": f_approx_large,
    "pct": f_pct, "range": f_range, "bound": f_bound, "multiple": f_multiple,
    "money": f_money, "money2": f_money2, "full_date": f_full_date, "full_date2": f_full_date,
    "us_date": f_us_date, "month_year": f_month_year, "year": f_year, "year2": f_year2,
    "month": lambda rng: rng.choice(MONTHS[:6]), "month2": lambda rng: rng.choice(MONTHS[6:]),
    "weekday": lambda rng: rng.choice(WEEKDAYS), "victims": lambda rng: rng.choice(VICTIMS),
    "group": lambda rng: rng.choice(GROUPS), "force": lambda rng: rng.choice(FORCES),
    "source": lambda rng: rng.choice(SOURCES), "agency": lambda rng: rng.choice(AGENCIES),
    "region": lambda rng: rng.choice(REGIONS), "vague": lambda rng: rng.choice(VAGUE),
}


class _Filler(dict):
    """Fills a template: a fresh figure for each field, one place per sentence."""

    def __init__(self, rng: random.Random, place: tuple[str, str, str]):
        super().__init__()
        self.rng = rng
        self.town, self.admin, self.country = place

    def __missing__(self, key: str) -> str:
        if key == "town":
            return self.town
        if key == "admin":
            return self.admin
        if key == "country":
            return self.country
        if key.startswith("cap_"):
            value = self[key[4:]]
            return value[:1].upper() + value[1:]
        if key == "vague_cap":
            value = self["vague"]
            return value[:1].upper() + value[1:]
        return FIELD_MAKERS[key](self.rng)


def sentence(rng: random.Random, place: tuple[str, str, str], style: str | None = None) -> str:
    style = style or rng.choice(list(TEMPLATES))
    template = rng.choice(TEMPLATES[style])
    return template.format_map(_Filler(rng, place))


def article(rng: random.Random, index: int, size: int) -> tuple[str, str, dict]:
    """(document_id, text, meta) of one article of about `size` bytes."""
    place = rng.choice(PLACES)
    styles = list(TEMPLATES)
    # each article leans on one style, as real sources do, with others mixed in
    main_style = styles[index % len(styles)]
    title = rng.choice(TITLES).format_map(_Filler(rng, place))
    paragraphs: list[str] = []
    length = len(title.encode("utf-8")) + 2
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            near = place if rng.random() < 0.7 else rng.choice(PLACES)
            style = main_style if rng.random() < 0.6 else None
            sentences.append(sentence(rng, near, style))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph.encode("utf-8")) + 2
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 7 * 365))
    document_id = f"bench-{index:05d}"
    meta = {
        "title": title,
        "published": published.isoformat(),
        "author": rng.choice(AUTHORS),
        "publisher": rng.choice(PUBLISHERS),
        "url": f"https://example.org/bench/{document_id}",
        "language": "en",
        "retrieved": "2026-01-15",
        "license": "CC-BY-4.0",
    }
    return document_id, text, meta


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def meta_bytes(meta: dict) -> bytes:
    return (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def generate(out_dir: Path, n: int, *, seed: int = 42, size: int = 5000) -> dict:
    """Write N articles into `out_dir`; return {'documents', 'bytes', 'chars'}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    total_bytes = total_chars = 0
    for index in range(n):
        # one generator per article: article i is the same whatever N is
        rng = random.Random(f"{seed}-{index}")
        document_id, text, meta = article(rng, index, size)
        data = text.encode("utf-8")
        _write(out_dir / f"{document_id}.txt", data)
        _write(out_dir / f"{document_id}.meta.json", meta_bytes(meta))
        total_bytes += len(data)
        total_chars += len(text)
    return {"documents": n, "bytes": total_bytes, "chars": total_chars}


def mutate(out_dir: Path, fraction: float = 0.01, *, seed: int = 7) -> list[str]:
    """Append one new sentence to `fraction` of the articles; return their ids."""
    out_dir = Path(out_dir)
    paths = sorted(out_dir.glob("*.txt"))
    rng = random.Random(seed)
    count = max(1, round(len(paths) * fraction))
    chosen = sorted(rng.sample(paths, count))
    for path in chosen:
        text = path.read_text(encoding="utf-8")
        added = sentence(rng, rng.choice(PLACES))
        path.write_bytes((text.rstrip("\n") + "\n\n" + added + "\n").encode("utf-8"))
        meta_path = path.with_name(path.name[: -len(".txt")] + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if "sha256" in meta:  # keep the recorded digest in step with the text
            meta["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            _write(meta_path, meta_bytes(meta))
    return [p.name[: -len(".txt")] for p in chosen]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write <id>.txt and <id>.meta.json into")
    parser.add_argument("-n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--size", type=int, default=5000, help="approximate bytes per article")
    args = parser.parse_args(argv)
    stats = generate(args.out_dir, args.n, seed=args.seed, size=args.size)
    print(f"wrote {stats['documents']} articles, {stats['bytes'] / 1e6:.1f} MB, into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
