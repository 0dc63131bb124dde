"""Context of a figure: location, period, actor and the source it is credited to.

Works per sentence on clause segments, gazetteer matches, anaphors
("there", "the region", "the country", "the same countries", "the group")
and dates. All rules are general: nothing here knows any particular article.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from .gazetteer import Match
from .text import DOTTED_INITIALS, LOWER_WORD, QA_LABEL, items_within, trie_pattern, whole_words, windowed_finditer

__all__ = [
    "Place", "SentenceContext", "build_contexts", "location_for", "actor_for", "period_for",
    "source_in",
]

# ---------------------------------------------------------------- word lists
def _trie_of(alternation: str) -> str:
    """Simple words of a regex alternation as a trie; the complex ones kept as they are."""
    parts = alternation.split("|")
    simple = [p for p in parts if re.fullmatch(r"[a-z]+", p)]
    other = [p for p in parts if p not in simple]
    return "|".join([trie_pattern(simple)] + other)


_FORCE_WORDS = (
    r"troops|forces|force|army|armies|soldiers|military|militaries|mercenaries|instructors|personnel|"
    r"officials|authorities|government|junta|involvement|activity|activities|presence|contractors|"
    r"advisers|advisors|units|operations|operation|jets|drones|aircraft|air\s+force|gendarmerie|"
    r"police|fighters|deployment|engagement|intervention|representative|diplomats|minister|"
    r"ministry|president|officers|paramilitaries|battalions?|contingents?|special\s+forces|"
    r"peacekeepers|servicemen|weapons|arms|companies|firms|partners|allies|ally|backers|patrons|"
    r"counterparts|cooperation|assistance|aid|funding|transfers|air\s+forces"
)
# words after a demonym (or a country name) that make it an actor: "Russian troops"
_FORCE_NOUN = re.compile(
    r"\s+(?:(?:military|armed|security|special|regular|government|state|national|private|defence|defense|"
    r"ruling|mining|elite|new|former|current)\s+)*(?:" + _trie_of(_FORCE_WORDS) + r"|"
    # "the Burkinabè state controls 40 per cent", not "Nigerien state television"
    r"state(?!\s+(?:media|television|tv|radio|broadcaster|news|agency|company|companies|firm|newspaper|daily|"
    r"channel|outlet|-owned|owned|enterprise|prosecutor|of\b)))\b",
    re.I,
)
# "Malian and Nigerien forces", "the Malian, Burkinabè and Nigerien air forces"
_DEMONYM_AND_FORCE = re.compile(r"(?:\s*,\s*[A-Z][a-zà-ÿ]+)*,?\s+and\s+[A-Z][a-zà-ÿ]+(?:\s+\w+)?\s+(?:" + _FORCE_WORDS + r")\b")
# what a foreign state gives or does, not where: "Four years of Russian support", "Russian deliveries to Mali"
_SUPPORT_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z][\w\-]*\s+)?(?:support|backing|deliveries|delivery|shipments?|aid|assistance|loans?|funding|financing|"
    r"investments?|involvement|intervention|detachment|contingent|airstrikes?|drone\s+strikes?)\b")
_REPORTING = (
    r"said|says|say|reported|reports|report|recorded|records|record|counted|counts|count|estimated|"
    r"estimates|estimate|stated|states|told|announced|claimed|claims|noted|notes|documented|found|"
    r"warned|warns|put|puts|believe|believes|acknowledge|acknowledges|acknowledged|admit|admits|admitted|"
    r"confirm|confirms|confirmed|concede|concedes|conceded"
)
_REPORTING_AFTER = re.compile(r"\s+(?:(?:also|have|has|had|now|then|privately|publicly|openly|reportedly|still)\s+)*(?:"
                              + _trie_of(_REPORTING) + r")\b", re.I)
_ACT_VERBS = (
    r"become|became|offered|offers|offer|sent|sends|send|deployed|deploys|deploy|supplied|supplies|supply|"
    # base forms, after "will", "would", "to" ("China will donate ...")
    r"donate|deliver|invest|commit|allocate|fund|finance|train|export|import|mobilise|mobilize|recruit|"
    r"earmark|devote|budget|"
    r"provided|provides|provide|signed|signs|sign|sold|sells|sell|exported|exports|spent|spends|spend|pledged|"
    r"pledges|gave|gives|give|paid|pays|pay|trained|trains|funded|funds|financed|finances|dispatched|"
    r"launched|launches|launch|accounted|accounts|accounting|voted|votes|bought|buys|buy|imported|imports|"
    r"withdrew|withdraws|withdraw|announced|announces|expelled|expels|killed|kills|arrested|arrests|invested|"
    r"invests|committed|commits|contributed|contributes|contribute|delivered|delivers|donated|donates|"
    r"allocated|allocates|mobilised|mobilized|recruited|recruits|lost|loses|lose|carried\s+out|conducted|"
    r"conducts|struck|strikes|used|uses|completed|completes|left|leaves|quit|quits|joined|joins|formed|"
    r"created|creates|established|"
    r"deploy|hired|hires|attacked|attacks|launched|seized|seizes|"
    r"captured|retook|recaptured|fought|fights|fielded|fields|maintains|maintained|stationed|keeps|kept|"
    r"operates|operated|runs|ran|controls|controlled|owns|owned|budgeted|devoted|devotes|earmarked|"
    r"asked|asks|ordered|orders|won|wins|agreed|agrees|supports|supported|"
    r"armed|arms|equipped|equips|trains|obligated|obligates|appropriated|disbursed|disburses|requested|"
    r"requests|proposed|proposes|pledges|granted|grants|approved|approves|kept|keeps|maintained|stationed|"
    r"shipped|ships|ship|lent|lends|lend|loaned|"
    r"lost|loses|recruited|froze|frozen|freezes|suspended|suspends|withheld|withholds|cap|caps|capped|"
    r"nationalised|nationalized|nationalises|nationalizes|nationalise|nationalize|expropriated|confiscated|"
    r"borrowed|borrows|borrow|handed|hands|hand|transferred|transfers|transfer|gifted|gifts"
)
# verbs of change act only with an object: "has tripled its budget", "raised CFAF 1,180 billion",
# not "has doubled to 70,000"
_CHANGE_VERBS = (
    r"(?:tripled|doubled|quadrupled|halved|increased|increases|raised|raises|cut|cuts|reduced|reduces|boosted|"
    r"boosts|expanded|slashed)(?=\s+(?:its|their|the|a|an|his|her|our|spending|funding|aid|support)\b"
    r"|\s+(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?(?:CFAF|FCFA|US\$|\$|€|£|₦|[A-Z]{3}\s+\d))"
)
_ACT_AFTER = re.compile(
    r"(?:\s*,\s*(?:which|who|each|both|all)\b|,\s+(?:long\s+|once\s+|now\s+)?(?:the|a|an|its)\s+[^,;.]{1,40},)?\s+(?:(?:has|have|had|is|was|were|are|will|would|should|could|must|can|may|"
    r"might|also|then|now|"
    r"already|recently|reportedly|itself|alone|each|both|all|together|jointly|subsequently|later|"
    r"is\s+estimated\s+to|is\s+said\s+to|is\s+believed\s+to|is\s+thought\s+to|is\s+reported\s+to|"
    r"estimated\s+to|said\s+to|believed\s+to|to|not|never|just|still|first)\s+)*"
    r"(?:" + _trie_of(_ACT_VERBS) + r"|" + _CHANGE_VERBS + r")\b",
    re.I,
)
_AFFILIATE_AFTER = re.compile(
    r"(?:[-‐](?:linked|affiliated|aligned|allied|backed|inspired)\b|['’]s\s+(?:(?:local|regional|sahelian|most|powerful|"
    r"largest|biggest|main|strongest|deadliest|official|west\s+african)\s+){0,3}"
    r"(?:affiliate|branch|offshoot|franchise|wing|arm)\b|\s+(?:affiliate|branch|offshoot|franchise|wing))",
    re.I,
)
# a state that has forces somewhere acts: "Russia has roughly 2,500 Africa Corps personnel in Mali"
_HAS_FORCES_AFTER = re.compile(
    r"\s+(?:now\s+|still\s+|also\s+)?(?:has|have|had|keeps|kept|maintains|maintained)\s+(?:[\w,.\-]+\s+){1,5}"
    r"(?:troops|soldiers|personnel|fighters|instructors|mercenaries|contractors|advisers|advisors|attachés|attaches|"
    r"officers|diplomats|drones|aircraft|bases?)\b")
# "Russia was the largest supplier of major arms to Mali, accounting for 47%": a state in that role acts
_SUPPLIER_ROLE_AFTER = re.compile(
    r"\s+(?:was|is|were|are|remained|remains|became|has\s+been)\s+(?:the\s+|a\s+|its\s+|their\s+)?"
    r"(?:(?:largest|biggest|main|leading|top|second|third|major|principal|largest\s+single)[\s\-]+){0,2}"
    r"(?:supplier|exporter|donor|creditor|lender|investor|arms\s+supplier)s?\b")
# a state that sanctions acts on others: an actor, never the figure's place
# ("the UK had sanctioned 14 individuals linked to the Wagner Group")
_SANCTIONS_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|also|now|since|already|so\s+far|further)\s+)*"
    r"(?:sanctioned|sanctions|sanctioning|designated|designates|designating|blacklisted|blacklists|listed)\s+(?!as\b|by\b)")
_GOVERNMENT_OF = re.compile(r"\b(?:[Gg]overnments?|[Pp]arliaments?|[Pp]residen(?:t|cy)|[Aa]uthorities|[Jj]unta|[Rr]epublic)\s+of\s+(?:the\s+)?$")
_SAYS_IT = re.compile(
    r"(?:['’]s\s+(?:[a-z][\w\-]*\s+){0,2}(?:ministry|government|army|junta|authorities|presidency))?"  # "Mali's mines ministry says it"
    r"\s+(?:says|said|claims|claimed|reports|reported|announced|admits|admitted)\s+(?:that\s+)?(?:it|they)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:(?:since|also|already|now|so\s+far)\s+)?"
    r"(?:lost|killed|deployed|sent|spent|paid|arrested|recruited|trained|seized|neutralised|neutralized|closed|"
    r"dismantled|destroyed|recovered|rescued|freed|released|nationalised|nationalized|built|registered|expelled|"
    r"deported|repatriated|issued|revoked|suspended)\b",
    re.I,
)
_POSSESSIVE_ACT = re.compile(
    r"['’]s?\s+(?:[\w\-]+\s+){0,3}?(?:military|army|armed\s+forces|troops|forces|soldiers|government|junta|"
    r"mercenaries|defen[cs]e\s+budget|military\s+budget|budget|military\s+spending|spending|defen[cs]e|"
    # what a state buys or owes: "Mali's drone orders", "Mali's contract with Rosoboronexport", "Mali's L-39 jet trainers"
    r"orders|purchases|acquisitions|contracts?|jets|aircraft|helicopters|drones|"
    # a state acting through its law: "Mali's new code lets the state take up to 30%"
    r"(?:mining\s+)?code|law|decree|constitution|charter|"
    r"trainers|fleet|arsenal|air\s+force)\b",
    re.I,
)
# a foreign state's share ("France's share fell from 27% to 4%, while China's held steady"): the state's own
_FRONTED_PLACE_BEFORE = re.compile(r"\b(?i:in|at|from|across|throughout|outside|inside)\s+(?:the\s+)?$")
_SHARE_OF_STATE = re.compile(r"['’]s?\s+(?:(?:market|arms|import|supplier)\s+)?(?:share|held|stood|rose|fell)\b")
_DISPLACED_AFTER = re.compile(r"\s+(?:refugees|asylum[\s\-]seekers|migrants|exiles|returnees|evacuees)\b", re.I)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:refugees|asylum[\s\-]seekers|migrants|exiles|returnees|evacuees|displaced(?:\s+people|\s+persons)?|"
    r"people|persons|civilians|families|households|children|nationals|citizens)"
    r"\s+(?:who\s+(?:have\s+|had\s+)?)?(?:from|fleeing|who\s+fled|having\s+fled)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,2}$")
_COUNTRY_LIST_TAIL = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+|,\s*and\s+)$")
_NOT_PLACE_BEFORE = re.compile(
    r"\b(?:with|against|toward|towards|than|critical\s+of|support\s+for|relations\s+with|ties\s+with|"
    r"allied\s+to|close\s+to|dependent\s+on|dependence\s+on|reliance\s+on|turned\s+to|turn\s+to)\s+(?:the\s+)?$",
    re.I,
)
_PEOPLE_SPEAK_AFTER = re.compile(r"\s+(?:[a-z][\w\-]*\s+){1,2}(?:say|says|said|told|tell|report|reported)\b")
_NOT_PLACE_AFTER = re.compile(
    r"\s+(?:border|borders|frontier|side|embassy|ambassador"
    # a firm's nationality is neither where nor who: "The French group holds 63.4%", "the Chinese company built"
    r"|(?:[\w\-]+\s+){0,2}(?:group|company|companies|firm|firms|manufacturer|manufacturers|operator|consortium|"
    r"multinational|conglomerate|giant|contractor|contractors|investors?|lender|lenders))\b", re.I)
_SPENDING = re.compile(
    r"\b(?:military\s+spending|defen[cs]e\s+(?:spending|budgets?|expenditure)|military\s+(?:budgets?|expenditure)|"
    r"arms\s+spending|spends?\b|spent\b|spending\b|on\s+defen[cs]e)",
    re.I,
)
# generic state forces: the states named around become actors
_GENERIC_FORCES = re.compile(
    r"\b(?:national\s+(?:armies|army|armed\s+forces|forces|militaries|military)|(?:the|their|its)\s+arm(?:y|ies)|"
    r"(?:government|state|national|security|defence|defense)\s+forces|the\s+armed\s+forces|(?:their|its)\s+militar(?:y|ies)|"
    r"regular\s+armies|juntas?['’]?\s+(?:forces|troops|soldiers))\b",
    re.I,
)
_THERE = re.compile(r"\b(?:there|locally)\b", re.I)
_EXISTENTIAL_AFTER = re.compile(
    r"(?:['’]s\b|\s+(?:is|are|was|were|has|have|had|will|would|remain|remains|remained|seem|seems|"
    r"seemed|appear|appears|appeared|exist|exists|existed|may|might|could|must|should|can|cannot|being|been|be|"
    r"still|also|now|no|used|comes|came|followed|lies|lay)\b)",
    re.I,
)
_EXISTENTIAL_BEFORE = re.compile(
    r"(?:^|[,;:(\-–—]|\b(?:and|but|while|that|because|as|so|when|if|though|although|since|where|whether|now|then|"
    r"today|yet|still|also|once|until|before|after|[Bb]y\s+\d{4}|[Ii]n\s+\d{4}|\d{4}))\s*$"
)
_THE_REGION = re.compile(r"\b(?:the|this|that)\s+(?:region|sub-?region|area|zone)\b(?!\s+of\b)", re.I)
# "the country", and "its" before what only a state has ("Its defence budget grew ...")
_THE_COUNTRY = re.compile(
    r"\b(?:the|this|that|his|her|their|our)\s+country\b(?!\s+of\b)|\bits(?=\s+(?:(?:defen[cs]e|military|national|annual)\s+budget|"
    r"budget|economy|GDP|armed\s+forces|army|government|junta|population|exports|imports|public\s+debt)\b)", re.I)
_THE_TOWN = re.compile(r"\b(?:the|this|that)\s+(?:town|city|village|capital|locality|commune)\b(?!\s+of\b)", re.I)
_THESE_COUNTRIES = re.compile(
    r"\b(?:the\s+same|(?:these|those)(?:\s+(?:two|three|four|five))?|both|the\s+(?:two|three|four|five)|all\s+(?:three|four|two|five))\s+(?:countries|states|nations|juntas|governments|regimes|capitals|regions|provinces|areas|towns|villages)\b", re.I
)
_OTHER_COUNTRIES = re.compile(
    r"\bother\s+(?:\w+\s+)?(?:countries|states|nations)\b|(?<!the\s)(?<!these\s)(?<!those\s)\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+countries\b",
    re.I,
)
_SUBREGION = re.compile(
    r"\b(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
    r"[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)?\s+(?:region|province|state|department|district|prefecture|cercle|commune|governorate)\b"
)
_THE_GROUP = re.compile(
    r"\b(?:the|this|that)\s+(?:group|organi[sz]ation|movement|militia|jihadist\s+group|armed\s+group|terrorist\s+group|"
    r"insurgent\s+group)\b(?!\s+(?:formed|of|called|known|named|that|which|led|created|founded|behind|responsible)\b)",
    re.I,
)
_ANAPHOR = re.compile("|".join(
    f"(?P<{kind}>{rx.pattern})" for rx, kind in (
        (_THESE_COUNTRIES, "these"), (_OTHER_COUNTRIES, "other"), (_THERE, "there"), (_THE_REGION, "region"),
        (_THE_COUNTRY, "country"), (_THE_TOWN, "town"), (_THE_GROUP, "group"))), re.I)
_SUBREGION_I = _SUBREGION
_ANAPHOR_ANCHOR = whole_words(
    "there locally region subregion sub-region area zone country town city village capital locality commune "
    "countries states nations juntas governments regimes capitals group organisation organization movement "
    "militia other its regions provinces areas towns villages".split(), re.I)
_SUBREGION_ANCHOR = whole_words("region province state department district prefecture cercle commune governorate".split())
_RELATIVE = re.compile(r",\s+(?:which|who)\b[^,;()\n]*?(?:,|(?=\()|(?=[.!?][\"”’)]*(?:\s|$))|(?=\n)|(?=$))")
_BRACKETS = re.compile(r"\([^()]*\)|\s[-–]\s[^-–—]*?\s[-–]\s|—[^—]*—")


@dataclass(slots=True)
class Place:
    start: int
    end: int
    code: str  # ISO3 or region name
    is_region: bool
    rank: int = 0  # specificity of a region (higher = smaller)
    subnational: bool = False  # a city or region standing for its country ("Zamfara State" -> NGA)
    demonym: bool = False  # named by a demonym ("Russian deliveries"), not by the place's name


@dataclass(slots=True)
class SentenceContext:
    start: int
    end: int
    paragraph: int
    places: list[Place] = field(default_factory=list)  # places named
    weak_places: list[Place] = field(default_factory=list)  # acting states, "Malian army"
    acting_places: list[Place] = field(default_factory=list)  # states acting as subjects (also in weak_places)
    origin_places: list[Place] = field(default_factory=list)  # "Malian refugees" (also in weak_places)
    actors: list[tuple[int, int, str]] = field(default_factory=list)
    acting: list[tuple[int, int, str]] = field(default_factory=list)  # acting states
    blocked_location: list[tuple[int, int]] = field(default_factory=list)  # "the other countries"
    insertions: list[tuple[int, int]] = field(default_factory=list)  # asides and relative clauses
    asides: list[tuple[int, int]] = field(default_factory=list)  # brackets and dashes only
    source: str | None = None
    sources: list = field(default_factory=list)  # every (source, span, continues) named in the sentence
    spending: bool = False
    row_places: list[Place] | None = None  # a table row is about the places of its first cell
    share_owners: list[tuple[int, int, str]] = field(default_factory=list)  # "China (18%)" among suppliers
    compares: bool = False  # the sentence may compare with a place ("than", "except", "of what they gave")


# a state's share in brackets where the sentence (or the table's header) is about suppliers or
# donors: "China (18%) and Türkiye (14%) were the next largest suppliers", "| Mali | Russia (62%) |"
_SHARE_IN_BRACKETS_AFTER = re.compile(r"\s*\(\s*[~≈]?\s*\d[\d.,]*\s*(?:%|per\s?cent|percent)\s*\)")
_SUPPLIED_SHARE = re.compile(r"\b(?:accounted\s+for|supplied|delivered|exported|provided)\b[^.;]*?(?:%|per\s?cent)", re.I)
_SUPPLIER_WORDS = re.compile(r"\b(?:suppliers?|exporters?|donors?|creditors?|lenders?|sellers?|vendors?)\b", re.I)


def _table_header(text: str, row_start: int) -> str:
    """The first line of the pipe table holding the row that starts at row_start."""
    start = row_start
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text.startswith("|", prev) and not text[prev:start].lstrip().startswith("|"):
            break
        start = prev
    return text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]


# a donor line: "- Germany: US$ 33.0 million" under "TOP DONORS": the donor acts, the line names no place
_LABEL_MONEY_AFTER = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]*(?:US\$|\$|€|£|₦|[A-Z]{3}[ \t]|[A-Z]{2}\$)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–][ \t]+)?")
_DONOR_LEAD = re.compile(r"\b(?:donors?|contribut|pledg|funders?|contributors?)", re.I)
_APPEAL_WORDS = re.compile(r"\b(?:required|requirements?|requested|needed|funded|appeal|received|gap)\b", re.I)


def _donor_line(text: str, m: Match) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    if _LIST_ITEM.match(text, line_start).end() != m.start or not _LABEL_MONEY_AFTER.match(text, m.end):
        return False
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    if _APPEAL_WORDS.search(text, m.end, line_end):
        return False  # "Chad: US$ 300 million required, 40% funded": an appeal line, about Chad
    # the lead-in: the nearest line above that is no list item
    pos = line_start
    for _ in range(20):
        if pos == 0:
            return False
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start:pos - 1]
        pos = prev_start
        if not line.strip():
            continue
        if re.match(r"[ \t]*[-•*–][ \t]+|[ \t]*[A-Z][\w .'’()\-]{0,40}:[ \t]", line):
            continue
        return _DONOR_LEAD.search(line) is not None
    return False


# "..., with Turkey at 17% and China at 14%" after a supplier's share
_SHARE_AT_AFTER = re.compile(r"\s+at\s+(?:about\s+|around\s+|nearly\s+|some\s+)?\d[\d.,]*\s*(?:%|per\s?cent|percent)")
_WITH_OR_LIST_BEFORE = re.compile(r"(?:\bwith|,|\band)\s+$")


def _supplier_share(text: str, sent, m: Match) -> bool:
    if _SHARE_AT_AFTER.match(text, m.end):
        return _WITH_OR_LIST_BEFORE.search(text, max(0, m.start - 8), m.start) is not None \
            and _SUPPLIED_SHARE.search(text, sent.start, m.start) is not None
    if not _SHARE_IN_BRACKETS_AFTER.match(text, m.end):
        return False
    scope = text[sent.start:sent.end]
    if scope.lstrip().startswith("|"):
        scope = _table_header(text, sent.start)
    return _SUPPLIER_WORDS.search(scope) is not None


def _region_rank(m: Match, ranks: dict[str, int]) -> int:
    return ranks.get(m.entity.entity_id, 1)


def _place_of(m: Match, ranks: dict[str, int]) -> Place | None:
    e = m.entity
    if e.entity_type == "country":
        return Place(m.start, m.end, e.entity_id, False, demonym=m.demonym)
    if e.entity_type == "city" and e.country:
        return Place(m.start, m.end, e.country, False, subnational=True)
    if e.entity_type == "region":
        if e.country:
            return Place(m.start, m.end, e.country, False, subnational=True)
        return Place(m.start, m.end, e.name, True, _region_rank(m, ranks))
    return None


# ---------------------------------------------------------------- sources
_FW = r"(?:of|for|and|on|the|de|du|des|la|le|to|from|against|in|&)"
_CAP = r"(?:[A-Z][\w'’.\-]*|[A-Z]{2,}[\w$]*)"
_PROPER = rf"{_CAP}(?:\s+(?:{_CAP}|(?:{_FW}\s+)*{_FW}(?=\s+[A-Z&])|&|project|programme|program))*"
# head nouns of a lower-case source ("security sources", "aid workers"; "_" stands for a space),
# as a trie: Python's engine tries a flat alternation word by word
_SOURCE_NOUNS = """
    account accounts activist activists agencies agency aid_worker aid_workers analyst analysts army
    assessment assessments audit authorities body bureau captain captains census channel channels
    chief colonel colonels commander commanders commission committee communique communiqué
    community_leader community_leaders council database dataset department diplomat diplomats
    directorate displaced_people doctor doctors document driver drivers elder elders envoy expert
    experts farmer farmers fighter fighters fisherman fishermen general generals government governor
    group herder herders humanitarian humanitarians imam inhabitants inquiry institute insurgent
    insurgents intelligence interviewee interviewees investigation journalist journalists junta
    leader leaders lieutenant lieutenants locals major majors man mayor media medic medics men
    militant militants military ministry mission monitor monitors network newspaper newspapers nurse
    nurses observatory observer observers office officer officers official officials organisation
    organization outlet outlets panel paramedic paramedics parent parents participant participants
    partners pastor pastors people personnel police poll population press priest priests probe radio
    rebel rebels refugee refugees relative relatives report reporter reporters representative
    representatives rescuer rescuers researcher researchers resident residents respondent
    respondents separatist separatists sergeant sergeants service soldier soldiers source sources
    spokesman spokesperson spokeswoman staff statement student students study survey survivor
    survivors teacher teachers television trader traders victim victims villager villagers volunteer
    volunteers witness witnesses woman women worker workers
    documents reports statements studies surveys investigations inquiries ministries governments
    organisations organizations missions observatories committees councils networks offices imagery
    parliament senate assembly court tribunal presidency chamber judges prosecutor prosecutors prosecution
    transporter transporters trucker truckers
    merchant merchants miner miners shopkeeper shopkeepers vendor vendors pilot pilots
    attaché attachés attache attaches adviser advisers advisor advisors consultant consultants investigator
    investigators
    embassy embassies union unions company companies firm firms estimates
    academy academies records declarations filings courier couriers smuggler smugglers buyer buyers
    employee employees lawyer lawyers
    groups cluster clusters detainee detainees prisoner prisoners hostage hostages widow widows
    magazine site website broadcaster daily weekly station paper
    blogger bloggers commentator commentators columnist economist economists haulier hauliers authority
""".split()
_LOWER_NP = (r"(?:[a-z0-9][\w\-]*(?:['’]s?)?\s+){0,2}(?:"
             + trie_pattern(w.replace("_", " ") for w in _SOURCE_NOUNS).replace("\\ ", r"\s+") + r")(?![^\W_])")
_SRC = rf"(?:{_LOWER_NP}\s+(?:of|for|in)\s+(?:the\s+)?(?:{_PROPER}|{_LOWER_NP})|(?:{_CAP}\s+){{1,3}}{_LOWER_NP}(?:\s+in\s+{_PROPER})?|{_PROPER}(?:['’]s\s+[a-z]+)?|{_LOWER_NP})"
_SPEECH = (r"said|says|say|told|tells|stated|states|announced|announces|claimed|claims|added|adds|warned|warns|insisted|insists|"
           r"confirmed|confirms|admitted|admits|acknowledged|acknowledges|counters|countered|argues|argued|explains|"
           r"explained|recalls|recalled|maintains|maintained|contends|contended")
_PATTERN2_VERBS = (
    r"said|says|say|reported|reports|estimated|estimates|estimate|stated|states|told|announced|claimed|claims|"
    r"noted|notes|documented|found|warned|warns|put|puts|believe|believes|counted|recorded|added|confirmed|"
    r"admitted|acknowledged|show|shows|showed|indicate|indicates|indicated|finds|suggest|suggests|suggested|"
    r"projects|projected|calculates|calculated|tallied|report|records|identified|identifies|insists|insisted|"
    r"argues|argued|counters|countered|explains|explained|maintains|maintained|contends|contended|informed|informs|"
    r"acknowledge|admit|confirm|argue|insist|warn|note|record|confirms|admits|acknowledges|tell|codes|coded|"
    r"writes|wrote|adds|attributes|"
    r"concedes|conceded|concede"
)
# "announced" reports a toll, not an action: "announced the recruitment of 8,000 soldiers" credits nobody
_ANNOUNCED_ACTION = (r"(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:recruitment|creation|deployment|contribution|plans?|"
                     r"launch|opening|closure|purchase|donation|allocation|release|withdrawal|suspension|dissolution|"
                     r"formation|establishment|arrival|dispatch|sending|signing|extension|lifting|introduction)\b)")
_PATTERN2_VERBS_RX = _PATTERN2_VERBS.replace("announced|", "announced" + _ANNOUNCED_ACTION + "|")
_NUMW = r"(?i:one|two|three|four|five|several|many|some|\d+)\s+"
_FRONTED_VERBS = (r"said|says|say|told|tells|reported|reports|estimated|estimates|stated|noted|documented|"
                  r"counted|recorded|records|claimed|claims|confirmed|tallied")
_TITLES = (r"spokes(?:man|woman|person)|minister|governor|mayor|president|commander|chief|official|director|"
           r"coordinator|head|representative|secretary|prefect|general|colonel|captain|lieutenant|major|sergeant|"
           r"envoy|ambassador|adviser|advisor|researcher|analyst|doctor|professor|lawmaker|senator|deputy|chairman|chairwoman")
_NAME = r"[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s+(?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+|[A-Z]\.|de|da|dos|van|von|al|el|ag|ould|ben|bin)){1,3}"
_LEAD_ADVERBIAL = (r"(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Dd]uring|[Ll]ast|[Tt]his|[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+(?:[\w\-]+\s+){1,2}?"
                   r"|[Tt]oday|[Yy]esterday|[Tt]onight|[Mm]eanwhile|[Ee]arlier|[Ll]ater|[Rr]ecently|[Nn]ow|[Tt]hen")
_LEAD_GERUND = re.compile(
    r"^(?:Introducing|Presenting|Citing|Quoting|Launching|Releasing|Publishing|Unveiling|Commenting\s+on|"
    r"Responding\s+to|Referring\s+to|Discussing|Summari[sz]ing|Describing|Welcoming|Reviewing|Addressing|"
    r"Drawing\s+on|Briefing\s+on)\s+")
_LEAD_STRIP = re.compile(r"^(?:Today|Yesterday|Tonight|Meanwhile|Earlier|Later|Recently|Now|Then|Also|"
                         r"(?i:although|though|whereas|while|but|yet|because)|"
                         r"(?i:(?:(?:some|most|many|other|on\s+some)\s+)?(?:nights|days|weeks|mornings|evenings|times)(?:\s+the)?))"
                         r"\s*,?\s+(?=\S)")
_PERSON_TITLE = re.compile(
    r"^(?:(?:Government|Army|Military|Police|Defence|Defense|Interior|Foreign|Deputy|Vice|Prime|Regional|Local|Senior|Chief)\s+)?"
    r"(?:Spokes(?:man|woman|person)|Minister|Governor|Mayor|President|Commander|Colonel|Col\.?|Captain|Capt\.?|Gen\.?|Lt\.?|Maj\.?|Sgt\.?|"
    r"(?:Lieutenant|Colonel|Major|General|Brigadier|Commandant)-(?:Colonel|Major|General)|Brigadier|Lt\.?-Col\.|"
    r"Lieutenant|Lt\.|Major|Maj\.|General|Gen\.|Sergeant|Sgt\.|Prefect|Ambassador|Senator|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|"
    r"Malam|Mallam|Alhaji|Alhaja|Hajiya|Hajia|Hadja|El\s+Hadj|Sheikh|Imam|Pastor|Father|Bishop|Emir|"
    r"DSP|ASP|CSP|SP|AIG|DIG|IGP|CP|Inspector|Superintendent|Commissioner)"
    r"\s+(?=[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s+[A-ZÀ-Þ][a-zà-ÿ'’\-]+){0,2}$)")
_ORG_WORD = re.compile(r"\b(?:Staff|Council|Ministry|Office|Army|Forces|Command|Assembly|Court|Commission|Committee|"
                       r"Government|Police|Agency|Bureau|Service|Department|Directorate|Headquarters)\b")
# a long title, then the person's name: the name is the credit
_TITLED_NAME = re.compile(
    r"^.*?\b(?:Secretary|Minister|Director|Representative|Envoy|Commissioner|Coordinator|Administrator|Ambassador|"
    r"Chair(?:man|woman|person)?|President|Governor|Spokes(?:man|woman|person)|Intelligence|Affairs|Security|"
    r"Defen[cs]e|Operations|Commander|General)\s+"
    r"(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-ZÀ-Þ][a-zà-ÿ'’\-]+){1,2})\.?$")
# the pieces of "<subject> <reporting verb>": where a subject can start, what may stand
# between it and its verb, and auxiliaries or adverbs just before the verb
_SUBJECT_START = (
    r"(?:^(?:[-•*–·][ \t]+)?|(?:[.,;:]|[ \t][–—])\s+|[\"”]\s*|\b(?:" + trie_pattern(
        w for c in "and but while whereas that which after before when since because until yet".split() for w in (c, c.capitalize())
    ) + r")\s+)"
    r"(?:(?:the|The|an|An|a|A|our|Our|their|Their|its|Its)\s+)?(?:" + _NUMW + r")?"
    r"(?:[a-z][\w\-]*\s+(?:[a-z][\w\-]*\s+)?(?<!\bof\s)(?<!\bfor\s)(?<!\bin\s)(?=[A-Z]{2,}\b|[A-Z][a-z]+\s+[A-Z]))?"
)
_SUBJECT_TAIL = (
    r"(?:,\s*\d{1,3}(?=,))?"  # an age before an apposition or a who-clause: "A woman, 32, who lost ..., said"
    r"(?:,\s+(?:who|which)\b[^,]*,"  # ", which monitors attacks,"
    # "A nurse at the regional hospital in Tillaberi, who asked not to be named, said", "A doctor at the main
    # hospital in Sévaré told the Guardian ...": a source placed by a phrase
    r"|\s+(?:at|in|of|from|with|near)\s+(?:[^\s,.;:\"“”]+\s+){0,7}?[^\s,.;:\"“”]+"
    r"(?:,\s+(?:who|which)\b[^,]*,|(?<![\d])(?=\s+(?:said|says|told|tells)\b))"
    # "Several Russian-language Telegram channels close to the Africa Corps said"
    r"|\s+(?:close|linked|loyal|allied|affiliated|tied)\s+to\s+(?:the\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3}"
    r"(?=\s+(?:said|say|says|reported|report|claimed|claim|claims)\b)"
    r"|,\s*in\s+(?:a|an|its|their|the)\s+[^,]{1,80},"  # "JNIM, in a statement released through its media arm, claimed"
    r"|,\s*(?P<appos>[^,]{1,50}|(?:[A-Z][\w'’\-]*\s+){0,2}(?i:" + _TITLES + r")\b[^,]{0,140}|(?:a|an)\s[^,]{1,60}"
    r"|(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){1,7}\s+\([A-Z][A-Za-z\-]{1,10}\)),"  # an apposition; a name with its acronym
    r"|\s+who\s+(?:[\w\-’']+\s+){0,5}?[\w\-’']+(?=\s+(?:said|says|told|tells|added|explained)\b)"  # "a soldier who took part told"
    r"|\s+who\s+(?:[\w\-’']+\s+){1,5}?[\w\-’']+(?=\s+(?:counted|estimated|estimates|recorded|confirmed|reported)\b)"
    r"|\s+(?:seen|obtained|reviewed|consulted|quoted|interviewed|contacted|surveyed|reached)\s+by\s+(?:[\w\-]+\s+){0,6}?[\w\-]+"
    r"(?=\s+(?:said|says|told|reported|report|estimated|estimate|put|puts|show|shows|described|confirmed|"
    r"(?:had\s+|have\s+)?(?:been\s+)?paid))"  # "a document seen by this magazine puts", "Traders interviewed by the Panel said"
    r"|(?<=[a-zà-ÿ]),(?=\s+(?:" + _SPEECH + r")\b))?"  # ", Lieutenant-Colonel Adama Sawadogo, stated"
)
_BEFORE_VERB = (r"(?:\s+(?:has|have|had|later|then|again|separately|previously|earlier|itself|themselves|privately|"
                r"publicly|openly|also|now|still|reportedly|further|currently|today"
                r"|den(?:y|ies|ied)\s+(?:this|it|that|the\s+claims?)\s+and)){0,2}")  # "deny this and say 203"
_PROPER_ADJECTIVES = frozenset("Western Eastern European African American Arab Asian Gulf Islamic".split())
_TRAILING_ACRONYM = re.compile(r"(?:\s+[a-z][\w\-]*){0,3},\s+(?P<acr>[A-Z]{2,8})(?=\s*(?:[.;:),]|$))")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|A|An)\s+$")
_ACCORDING_TO_BEFORE = re.compile(r"\b[Aa]ccording\s+to\s+[^,;]{1,60}$")
_NAME_WITH_ACRONYM = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){1,7})\s+\([A-Z][A-Za-z\-]{1,10}\)")
_PER_SOURCE = re.compile(rf"\b(?:[Pp]er|by\s+the\s+admission\s+of|as\s+reported\s+by|quoted\s+by|cited\s+by|citing)\s+(?:the\s+)?(?P<src>(?:{_CAP}[\w\-]*\s+){{0,3}}{_LOWER_NP}|{_PROPER})")
# a person named after a lower-case title: "Government spokesman Jean Dupont says"
_TITLED_SOURCE = re.compile(rf"(?:^|[.,;:]\s+|[\"”]\s*|\b(?:and|but|while|that)\s+)(?:(?:the|The)\s+)?(?:{_CAP}\s+){{0,2}}(?:[a-z][\w\-]*\s+){{0,2}}"
                            rf"(?:{_TITLES})\s+(?:(?:Col|Gen|Lt|Maj|Capt|Cdt)\.\s+)?(?P<src>{_NAME})(?:,[^,]{{1,80}},)?\s+(?:{_PATTERN2_VERBS_RX})\b")
# one person, unnamed: "a resident", "the nurse", "a senior Malian official"
_ONE_PERSON = (
    r"official|resident|soldier|witness|villager|trader|teacher|farmer|herder|nurse|doctor|officer|commander|"
    r"diplomat|analyst|researcher|man|woman|mother|father|survivor|source|spokes(?:man|woman|person)|worker|driver|"
    r"journalist|mayor|chief|imam|elder|student|colonel|general|captain|lieutenant|sergeant|pastor|priest|"
    r"fisherman|refugee|victim|representative|delegate|envoy|ambassador|detainee|prisoner|hostage|widow")
# each pattern with strings one of which it needs in the sentence (None: no cheap test)
_SOURCE_PATTERNS = [
    (re.compile(rf"\b[Aa]ccording\s+to\s+(?:(?:the|a|an|its|their|new|recent|latest|preliminary|official|annual|\d{{4}}|two|three|four|five|several|many|some)\s+)*(?:(?:[a-z][\w\-]*\s+)?(?:data|figures|estimates?|reports?|study|survey|analysis|statistics|count)\s+(?:by|from|of)\s+(?:the\s+)?)?(?P<src>{_SRC}(?:\s+(?:tally|count|review|assessment)\b)?)"), ("ccording",)),
    (re.compile(rf"{_SUBJECT_START}(?P<src>{_SRC})(?:\s*\([^)]{{1,24}}\))?(?:\s+(?:data|figures|statistics|estimates|report|researchers|analysts|there|here|also|now|still))?"
                rf"{_SUBJECT_TAIL}{_BEFORE_VERB}\s+(?:{_PATTERN2_VERBS_RX})\b(?![ \t]*:)"), None),  # not "Incidents recorded: 43"
    # "ACLED, a US-based monitor of political violence, which says 4,216 people were killed"
    (re.compile(rf"(?P<src>{_PROPER}),\s+(?:an?|the)\s+[^,;:\"“”]{{1,80}},\s+(?:which|who)\s+(?:also\s+)?"
                r"(?:says|said|estimates|estimated|counts|counted|reports|reported|records|recorded|puts|put)\b"), (" which ", " who ")),
    # "Local outlet @Ouaga_Direct reported 58 civilians killed": an account by its handle
    (re.compile(rf"(?P<src>@[A-Za-z0-9_]{{2,30}})\s+(?:{_PATTERN2_VERBS_RX})\b"), ("@",)),
    (_PER_SOURCE, ("per ", "Per ", "admission", "reported by", "quoted by", "cited by", "citing")),
    (re.compile(rf"\b(?:said|says|say|reported|estimated|stated|noted|added|adds|counters|countered|argues|argued|explains|"
                rf"explained|recalls|recalled|insists|insisted)\s+(?:the\s+|an?\s+)?(?!\d)(?P<src>{_SRC})"
                rf"(?=\"|\s*(?:[,.;:!?)”]|$)|\s(?:in|on|at|to|today|yesterday|last|this|earlier|late|when|after|who|whose)\b)"), None),  # a '"' after a space opens a quote
    (re.compile(rf"\b(?:reported|documented|recorded|compiled|collected|published|cited|counted|released|gathered|estimated)\s+by\s+(?:the\s+)?"
                rf"(?:(?:[a-z][\w\-]*\s+){{1,3}}(?=[A-Z]))?(?P<src>{_SRC})"), (" by ",)),
    # "A nutrition survey carried out by MSF in Djibo found", "The last poll I saw, by the polling firm Kalan
    # Research, found", "A 2024 study of Burkina Faso by Souleymane Ouattara and colleagues found": its author
    (re.compile(rf"\b(?:[Ss]urvey|[Ss]tudy|[Aa]ssessment|[Cc]ensus|[Pp]oll|[Aa]udit|[Ii]nvestigation|[Ee]valuation)\b"
                rf"(?:\s+(?:carried\s+out|conducted|commissioned|led|run|done)|[^.;:\"“”]{{0,40}}?)\s+by\s+(?:the\s+)?"
                rf"(?:[a-z][\w\-]*\s+){{0,3}}?(?P<src>{_CAP}(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?{_CAP})*)"
                rf"(?=[^.;:\"“”]{{0,50}}?\b(?:found|finds|showed|shows|suggested|suggests|estimated|estimates|put|puts|"
                rf"concluded|concludes|recorded|records|counted|indicated|indicates|reported|reports)\b)"),
     ("urvey", "tudy", "ssessment", "ensus", " poll", "Poll", "udit", "nvestigation", "valuation")),
    (re.compile(rf"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|[Nn]umbers|[Rr]eports?|[Ss]tudy|[Aa]nalysis|[Ss]urvey|[Tt]ally|[Cc]ount)\s+(?:from|by|of)\s+(?:the\s+)?"
                rf"(?P<src>(?:{_CAP}\s+){{1,3}}{_LOWER_NP}|{_PROPER})"), ("from", " by ", " of ")),  # "a report by the UN human rights office"
    (re.compile(rf"\b(?P<src>{_PROPER})['’]s\s+(?:[\w\-]+\s+){{0,2}}?(?:data|figures|figure|report|estimates|estimate|statistics|"
                r"database|count|tally|round|survey|poll|study|census|numbers|response\s+plan)\b"), ("'s ", "’s ")),
    (_TITLED_SOURCE, None),
    # "the government had given a toll of 29 dead": giving a toll reports it
    (re.compile(rf"{_SUBJECT_START}(?P<src>{_SRC}){_BEFORE_VERB}\s+(?:given|gave|gives|released|issued|published)\s+"
                r"(?:a|an|the|its|their)\s+(?:(?:first|new|provisional|initial|official|revised|higher|lower)\s+)?"
                r"(?:death\s+)?(?:toll|tally|count|figure)s?\b"), ("given", "gave", "gives", "released", "issued", "published")),
    # a source note in brackets after a figure: "more than 2 million displaced (CONASUR, March 2023)"
    (re.compile(r"\((?:[Ss]ource:\s*)?(?P<src>[A-Z][A-Za-z&\-]+(?:\s+[A-Z][A-Za-z&\-]+){0,3}),\s*"
                r"(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
                r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+)?(?:19|20)\d\d\)"), ("(",)),
    # "Killed in political violence in 2025: 4,216 (ACLED)": an acronym in brackets right after a figure
    (re.compile(r"[ \t]\((?<=[\d%][ \t]\()(?P<src>[A-Z][A-Za-z]{1,9}(?:[ \t]+[A-Z][A-Za-z]{1,9}){0,2})\)(?=[ \t]*(?:[.;,]|$))",
                re.M),
     ("(",)),
    # "... 1,934 attacks on civilians (Source: ACLED).", "(Source: Ministry of Education)"
    (re.compile(r"\([Ss]ource:\s*(?P<src>[A-Z][\w&'’\-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w&'’\-]*)){0,5})"
                r"(?:,\s*(?:[A-Z][a-z]+\.?\s+){0,2}(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d)?\)"), ("ource:",)),
    # a fronted adverbial before the subject: "But last year the ministry reported", "On Monday the army said"
    (re.compile(rf"(?:^|[.,;:]\s+|[\"”]\s*)(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?(?:{_LEAD_ADVERBIAL})\s*,?\s*"
                rf"(?:(?:the|The)\s+)?(?P<src>{_SRC})\s+(?:(?:also|have|has|had|now|then)\s+)?(?:{_FRONTED_VERBS})\b"), None),
]
_TITLE_CUE = re.compile(rf"(?<![^\W_])(?:{_TITLES})\s+[A-ZÀ-Þ]")
_PRONOUN = re.compile(
    r"^(?:It|They|He|She|We|I|This|That|These|Those|One|One of them|Its|Their|His|Her|Our)$"
)
_GENERIC_SOURCE = re.compile(
    r"^(?:statements?|reports?|stud(?:y|ies)|analys[ie]s|surveys?|group|agency|organi[sz]ation|centre|center|data|figures|"
    r"document|communiqu[ée]|same\s+[a-z]+|database|dataset|tally|monitor|watchdog|tracker|project|think\s+tank|"
    # an outlet pointing back to itself: "Jeune Afrique reports ... The magazine counts ..."
    r"magazine|site|website|news\s+site|broadcaster|newspaper|paper|daily|weekly|outlet|channel|station|network|"
    r"it|they|he|she|this|one|one of them)$",
    re.I,
)
_NOT_SOURCE_WORD = re.compile(
    r"^(?:The|This|That|These|Those|In|On|At|By|For|From|But|And|However|Since|Although|When|While|"
    r"After|Before|Today|Yesterday|Meanwhile|Moreover|Furthermore|Overall|A|An|According|Last|Some|Many|"
    r"Most|All|Both|Each|Such|Initially|Finally|Similarly|Mr|Ms|Estimates|Reports|Data|Figures|"
    r"Analysts|Experts|Media|Sources|Later|Earlier|Then|Now|Recently|Separately|Still|Yet|Instead|Also)$"
)


_REPRESENTS = re.compile(r"(?i:representatives?|ambassadors?|envoys?|delegates?|delegation|government|ministry|president)")


_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:and|of|for|on|the|de|du|des|la|le|in|to|from|against|&)$")
_INDEFINITE_START = re.compile(r"(?:a|A|an|An)\s")
_LEADING_DETERMINER = re.compile(r"^(?:the|The|a|A|an|An|our|Our|their|Their|its|Its|his|His|her|Her)\s+")
_NAME_THEN_PLACE = re.compile(r"([A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,3})\s+(?:in|for)\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)$")
_NOUN_THEN_PLACE = re.compile(r"(\w+)\s+(?:in|from|at|of|near)\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)$")
_NOUN_IN_PLACE = re.compile(r"((?:[A-Za-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+(?:in|near)\s+([A-ZÀ-Þ][\w'’\-]*(?:\s+[A-ZÀ-Þ][\w'’\-]*)?)$")
_PERSON_OF_PLACE = re.compile(r"((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+(?:of|from)\s+([A-ZÀ-Þ][a-zà-ÿ'’\-]+)$")
_LEADING_COUNT_WORD = re.compile(r"^(?:two|three|four|five|several|many|some|\d+)\s+(?:the\s+)?", re.I)
_LEADING_NUMBER_TOKEN = re.compile(r"^[\w\-]*\d[\w\-]*\s+(?:the\s+)?")
_TRAILING_ADVERB = re.compile(r"\s+(?:there|here|also)$")
_TRAILING_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")
_CAPITALISED_THEN_WORD = re.compile(r"(?:^|\s)[A-Z][^\s]*\s+\S+$")
_DATA_FROM = re.compile(r"^(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|[Nn]umbers)\s+(?:from|by|of)\s+(?:the\s+)?(?=[A-Z])")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|or|yet|so)\s+")
_RELATIVE_WORD = re.compile(r"\b(?:which|whom|whose)\b")
_AUXILIARY_START = re.compile(r"(?:were|was|are|is|be|been|had|have|has|will|would)\b")

_DOCUMENT_AFTER_NAME = re.compile(r"(?<=[A-Z]\w)\s+(?:report|study|survey|statement|analysis|data|figures|communiqu[ée]|"
                                  r"tally|count|review|assessment)$")
_NAMED_DATABASE = re.compile(r"^([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})['’]s\s+(?:[A-Z][\w\-]*\s+){0,3}"
                             r"(?:Database|Dataset|Index|Tracker|Monitor|Survey|Report|Barometer)$")
_DATA_AFTER_NAME = re.compile(r"\s+(?:data|figures|statistics|estimates|researchers|analysts)$")
_DATA_OR_REPORT_AFTER_NAME = re.compile(r"\s+(?:data|figures|statistics|estimates|report|researchers|analysts)$")
_MONTH_OR_WEEKDAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                               r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")


def _normalise_source(src: str, sent_start_word: bool, known: set[str], places: set[str] = frozenset()) -> str | None:
    s = src.strip(" .,;:'’\"”“")
    s = _TRAILING_FUNCTION_WORD.sub("", s)
    s = _LEAD_STRIP.sub("", s)  # "Yesterday the relief groups" -> "the relief groups"
    s = _LEAD_GERUND.sub("", s)  # "Introducing the Secretary-General's report" -> "the Secretary-General"
    indefinite = _INDEFINITE_START.match(s) is not None  # "a UN report": that report, not the UN
    s = _LEADING_DETERMINER.sub("", s)
    s = _DATA_FROM.sub("", s)  # "Data from ACLED show" -> "ACLED"
    mp2 = _NAME_THEN_PLACE.match(s)
    if mp2 and mp2.group(2) in places and mp2.group(1) not in places:
        s = mp2.group(1)  # "ACLED in Burkina Faso" -> "ACLED": the place is no part of the source
    if _PERSON_TITLE.match(s) and not _ORG_WORD.search(s[_PERSON_TITLE.match(s).end():]):
        s = s[_PERSON_TITLE.match(s).end():]  # "Minister Ali Musa" -> "Ali Musa": a person, without the title
    mp = _NOUN_THEN_PLACE.match(s)
    if mp and mp.group(2) in places and re.fullmatch(_LOWER_NP, mp.group(1).lower()) \
            and not _REPRESENTS.fullmatch(mp.group(1)):
        s = mp.group(1)  # "Teachers in Gao" -> "Teachers"; but "the representative of France" stays
    mq = _NOUN_IN_PLACE.match(s)
    if mq and re.fullmatch(_LOWER_NP, mq.group(1).lower()) and not _ORG_WORD.search(mq.group(2)):
        s = mq.group(1)  # "local official in Sokolo" -> "local official", a village the gazetteer does not know
    mo = _PERSON_OF_PLACE.match(s)
    if mo and _ONE_PERSON_NOUN.fullmatch(mo.group(1)) and not _ORG_WORD.search(mo.group(2)) \
            and not _REPRESENTS.search(mo.group(1)):  # "the representative of France" stays
        s = mo.group(1)  # "resident of Tizegorou" -> "resident"
    if not indefinite:
        s = _DOCUMENT_AFTER_NAME.sub("", s)
    s = _LEADING_COUNT_WORD.sub("", s)
    s = _LEADING_NUMBER_TOKEN.sub("", s)  # "40-year-old farmer" -> "farmer"; "2023 the cluster"
    s = _TRAILING_ADVERB.sub("", s)
    s = _TRAILING_POSSESSIVE.sub("", s)  # "Per UNHCR's [latest update]"
    # "SIPRI's Arms Transfers Database": the owner of a named database or index
    if "s " in s:
        s = _NAMED_DATABASE.sub(r"\1", s)
    if _CAPITALISED_THEN_WORD.search(s):  # "ACLED data" -> "ACLED", not "independent analysts"
        s = (_DATA_AFTER_NAME if indefinite else _DATA_OR_REPORT_AFTER_NAME).sub("", s)
    if not s or _AUXILIARY_START.match(s) or _RELATIVE_WORD.search(s):
        return None  # "38 were soldiers, said the doctor", "a communiqué in which the army": no source
    if DOTTED_INITIALS.fullmatch(s):
        s += "."  # "U.N."
    words = s.split()
    if len(words) == 1 and _NOT_SOURCE_WORD.match(words[0]):
        return None
    if _MONTH_OR_WEEKDAY.fullmatch(words[0]):
        return None
    # a common noun phrase written with a capital only because it opens the sentence
    base = _TRAILING_POSSESSIVE.sub("", words[0])
    if words[0][:1].isupper() and words[0][1:].islower() and all(w.islower() for w in words[1:]) \
            and base not in known and base not in _PROPER_ADJECTIVES and re.fullmatch(_LOWER_NP, s.lower()):
        s = words[0].lower() + s[len(words[0]):]
    # only places: not a source ("Mali and Burkina Faso announced ...")
    rest = s
    return s


# every verb a source pattern needs, so that the cheap test never hides a source
_CUE_WORDS = ("according According " + " ".join(v.replace("|", " ") for v in (_REPORTING, _PATTERN2_VERBS, _FRONTED_VERBS,
                                                                               _SPEECH))
              + " tally toll data figures statistics report reports study analysis survey estimates per Per admission"
              " citing quoted cited published documented compiled poll polls census assessment audit").split()
_SOURCE_CUE = re.compile(
    # (the words' first letters are tested first: the engine tries every position of the text)
    whole_words(_CUE_WORDS).pattern
    + r"|['’]s\s|\((?:[Ss]ource:|[A-Z][^()]{1,40},\s*(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\))|[ \t]\((?<=[\d%][ \t]\()(?=[A-Z])"
)
_SPENDING_ANCHOR = re.compile(r"spen|efen|budget|expenditure")
_FORCES_ANCHOR = re.compile(r"arm|forces|militar|troops|soldiers")


_ACRONYM = re.compile(r"[A-Z]{2,}[A-Za-z]{0,6}")
_SPEECH_AFTER = re.compile(rf"\s+(?:{_SPEECH})\b")
_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*")


def sources_in(text: str, start: int, end: int, places: set[str] | None = None,
               known: set[str] | None = None, checked: bool = False) -> list[tuple[str | None, tuple[int, int], bool]]:
    """Every source a sentence credits, in order: (source, span of the source
    phrase, continues); `continues` when it only points back ("the statement said")."""
    if not checked and not _SOURCE_CUE.search(text, start, end):
        return []
    places = places or set()
    known = known or set()
    sent = text[start:end]
    cands: dict[int, tuple] = {}
    for rx, needles in _SOURCE_PATTERNS:
        if needles and not any(n in sent for n in needles):
            continue  # a cheap test: the pattern cannot match without one of these
        if rx is _TITLED_SOURCE and not _TITLE_CUE.search(sent):
            continue
        for m in rx.finditer(sent):
            raw = m.group("src")
            if not raw:
                continue
            raw = _LEADING_CONJUNCTION.sub("", raw)  # "..., and the agency says": the agency
            if m.group(0).endswith(("states", "state")) and " " not in raw.strip() and not raw.isupper() \
                    and raw.strip() not in known:
                continue  # "Landlocked states that send ...": an adjective and its noun, not a statement
            pos = m.start("src")
            if rx is _PER_SOURCE and re.fullmatch(r"[a-z]+", raw.strip()) and not raw.strip().endswith("s") \
                    and not re.search(r"\sthe\s", m.group(0)):
                continue  # "N3m ransom per victim": a rate, not a credit
            # the whole phrase, with a leading number ("Two security sources")
            ps = m.start()
            if rx is _PER_SOURCE and _ACCORDING_TO_BEFORE.search(sent, 0, ps) and not sent[ps:ps + 4].lower() == "per ":
                continue  # "According to traders quoted by local media": the traders, not the medium quoting them
            titled = raw.count(" ") >= 3 and _TITLED_NAME.match(raw.strip())
            if titled:
                raw = titled.group("name")  # "Under Secretary of the Treasury ... Rachel M. Hendricks"
            first = raw.split()[0]
            if first in ("in", "on", "at", "by", "for", "from", "with", "late", "early", "later", "earlier"):
                continue  # "said in a statement": how, not who
            if first in ("In", "On", "At", "By", "For", "From", "Since", "During", "After", "Before", "With",
                         "Under", "Across", "Despite", "Although", "Between", "Over", "Among", "Within"):
                continue
            if (raw.strip() in places or first in places) and re.match(r"\s+(?:states|state|regions?|provinces?)\b", sent[m.end("src"):]) \
                    and not re.match(r"\s+states\s+(?:that|in|its)\b", sent[m.end("src"):]):
                continue  # "Kano and Kaduna states": places, not a subject stating something
            named_appos = _NAME_WITH_ACRONYM.fullmatch((m.groupdict().get("appos") or "").strip())
            if _GENERIC_SOURCE.match(raw.strip()) and named_appos:
                # "The group, Jama'at Nusrat al-Islam wal-Muslimin (JNIM), said": the group by name
                cand = (named_appos.group("name"), pos, (start + ps, start + m.end("src")), False)
            elif _PRONOUN.match(raw.strip()) or _GENERIC_SOURCE.match(raw.strip()):
                if _PRONOUN.match(raw.strip()) and _quote_open_after(sent[:pos], False):
                    continue  # '"We counted 40 bodies," said the mayor': the speaker's own voice, not a source
                cand = (None, pos, (start + ps, start + m.end("src")), True)
            else:
                if (raw.strip() in places or first in places and len(raw.split()) == 1) and not \
                        re.match(rf"\s+(?:{_SPEECH})\b", sent[m.end("src"):m.end("src") + 14]):
                    continue
                article = _INDEFINITE_BEFORE.search(sent, max(0, pos - 4), pos)  # "according to a UN report"
                src = _normalise_source(("a " + raw) if article else raw, pos == 0, known, places)
                acronym = _TRAILING_ACRONYM.match(sent, m.end("src"))
                if src and acronym and acronym.group("acr") not in places:
                    src = acronym.group("acr")  # "according to the UN's humanitarian office, OCHA."
                appos = (m.groupdict().get("appos") or "").strip()
                title = _PERSON_TITLE.match(appos)
                appos = appos[title.end():].strip() if title else appos
                if src and appos and re.fullmatch(rf"(?:[a-z]+(?:['’]s)?\s+)*(?:{_TITLES})(?:\s+(?:of|for)\s+.+)?", src) \
                        and re.fullmatch(_NAME, appos):
                    src = appos  # "The spokesman, (Colonel) Ali Musa, said": the person, by name
                elif src and src[0].islower() and _ACRONYM.fullmatch(appos) and appos not in places:
                    src = appos  # "Its national statistics institute, INSEED, puts": the institute by name
                if not src:
                    continue
                speech = _SPEECH_AFTER.match(sent[m.end("src"):m.end("src") + 14])
                if not speech and (src in places or all(w in places or w in ("and", "or", ",") for w in _LIST_SPLIT.split(src) if w)):
                    continue
                if _GENERIC_SOURCE.match(src):
                    cand = (None, pos, (start + ps, start + m.end("src")), True)
                else:
                    cand = (src, pos, (start + ps, start + m.end("src")), False)
            cands[pos] = cand
    # overlapping phrases: keep the earliest, longest one
    kept: list[tuple] = []
    for c in sorted(cands.values(), key=lambda c: (c[2][0], -(c[2][1] - c[2][0]))):
        if any(c[2][0] < k[2][1] and k[2][0] < c[2][1] for k in kept):
            continue
        kept.append(c)
    return [(c[0], c[2], c[3]) for c in kept]


def source_for(ctx: "SentenceContext", fs: int) -> str | None:
    """The credit of a figure: with several sources in its sentence, the nearest
    one named before it, else the first after it."""
    named = [c for c in ctx.sources if c[0] is not None]
    if len(named) < 2:
        return ctx.source
    before = [c for c in named if c[1][0] <= fs]
    return (before[-1] if before else named[0])[0]


def source_in(text: str, start: int, end: int, places: set[str] | None = None,
              known: set[str] | None = None, checked: bool = False) -> tuple[str | None, tuple[int, int] | None, bool]:
    """(source, span of the source phrase, continues): the first source a sentence credits."""
    found = sources_in(text, start, end, places, known, checked)
    if not found:
        return None, None, False
    return found[0]


_CONTINUES = re.compile(
    r"\s*[\"“]?(?:(?:In|As\s+of|By|Since|On|At|For|Of\s+these|Of\s+those)\s+[^,]{1,40},\s+(?=[a-z])"
    r"|(?:In|By|Since)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+(?=[a-z]))?"  # "In 2025 that toll was ..."
    r"(?:(?i:this|these|that|it|its|they|their|he|she|his|her)\b|One\s+of\s+them|"
    r"The\s+same|Such|Also|In\s+addition|Additionally|Of\s+these|Of\s+those|Among\s+them|"
    r"[Tt]he\s+(?:report|study|data|figures|survey|organi[sz]ation|centre|center|agency|group|researchers|"
    r"analysis|tally|index|dataset|database|statement|ministry|army|source|sources|document|figure|number|total|toll))\b"
)

_NAME_PARTICLES = r"de|da|van|von|al|el|ag|ould|ben|bin"
_PERSON_NAME = re.compile(rf"[A-ZÀ-Þ][\w'’\-]+(?:\s+(?:[A-ZÀ-Þ][\w'’\-]+|{_NAME_PARTICLES})){{1,3}}")  # two words or more
_SPEAKER_NAME = re.compile(rf"[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.\-]*|{_NAME_PARTICLES})){{0,3}}")  # "Hamadi" too
_SINGULAR_PERSON = re.compile(r"\s*[\"“]?(?:He|She|His|Her)\b")
_PLURAL_COMMON_NOUN = re.compile(r"(?:[a-z\-]+\s+)*[a-z\-]+[^s\W]s")


def _continues(text: str, start: int, end: int, source: str) -> bool:
    """Whether a sentence's subject points back to the source credited before it: "He"
    or "She" cannot point back to a plural source ("officers", "security sources")."""
    if not _CONTINUES.match(text, start, end):
        return False
    return not (_SINGULAR_PERSON.match(text, start, end) and _PLURAL_COMMON_NOUN.fullmatch(source))


def _quote_open_after(sentence: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence: straight quotes toggle, curly ones open and close."""
    if '"' not in sentence and "“" not in sentence and "”" not in sentence:
        return was_open
    state = was_open
    for ch in sentence:
        if ch == '"':
            state = not state
        elif ch == "“":
            state = True
        elif ch == "”":
            state = False
    return state


# ---------------------------------------------------------------- building

# transcript speaker labels at the start of a line: "AMINATA TRAORE: ...", or a full name in title
# case, "Helen Marsh: ...", either after a hearing's question number ("Q90 Daniel Okonjo: ...")
_SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?:Q\d{1,4}[ \t]+)?(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+){0,3}"
    r"|[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:[ \t]+(?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:[A-ZÀ-Þ][a-zà-ÿ]+)?|de|da|van|von|al|el|ag|ould|ben|bin)){1,3})"
    # a parliament's labels: "Emily Carrow (Hexham Vale) (Lab):", "Sir Edward Lyle (in the Chair):"
    r"(?:[ \t]*\([^()\n]{1,60}\)){0,2}[ \t]*:[ \t]+\S", re.M)
# a role with the speaker's name in brackets: "The Parliamentary Under-Secretary of State for ... (Kate Bramall):"
_ROLE_NAME_LABEL = re.compile(
    r"^[ \t]*(?:[\w,'’\-]+[ \t]+){3,20}?\((?P<name>[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){1,3})\)[ \t]*:[ \t]+\S",
    re.M)
_HONORIFIC = re.compile(r"^(?:The[ \t]+)?(?:Rt[ \t]+Hon\.?[ \t]+)?(?:Sir|Dame|Lord|Lady|Baroness|Baron)[ \t]+")
_SPEAKER_ROLE = re.compile(
    r"^(?:HOST|CO-HOST|PRESENTER|INTERVIEWER|ANCHOR|MODERATOR|REPORTER|CORRESPONDENT|NARRATOR|VOICE|VOICEOVER|"
    r"CALLER|SPEAKER|TRANSLATOR|INTERPRETER|AUDIENCE|ALL|MAN|WOMAN|Q|A|QUESTION|ANSWER|NOTE|UPDATE|EDITOR'?S NOTE|"
    r"BREAKING|WARNING|SOURCE|SOURCES|CONTACT|TEL|PHONE|EMAIL|FAX|WEB|WEBSITE|DATE|TIME|LOCATION|SUBJECT|RE|FROM|TO|CC|"
    r"PS|NB|UNIDENTIFIED(?: \w+)*|(?:MALE|FEMALE) (?:SPEAKER|VOICE))$")


# any label opening a line, a name's or a role's ("HOST:", "Q89 Chair:", "Hon. Members:"), not a phrase ("Let me be clear:")
_ANY_LABEL = re.compile(r"[ \t]*(?:Q\d{1,4}[ \t]+)?[A-ZÀ-Þ][\w.'’\-]*(?:[ \t]+(?:[A-ZÀ-Þ][\w.'’\-]*|of|the|and|for|de|du)){0,4}"
                        r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*:[ \t]")
_RANK_PREFIX = re.compile(
    r"^(?:(?:Lieutenant|Lt)[\-\s.]*(?:Colonel|Col)\.?|Colonel|Col\.|General|Gen\.|Captain|Capt\.|Major|Maj\.|"
    r"Commandant|Cdt\.|Commander|Cdr\.|Brigadier(?:-General)?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+(?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+\s+(?=[A-ZÀ-Þ]))?")
_INTERVIEWER_LABEL = re.compile(r"^[ \t]*(?:Q|QUESTION|INTERVIEWER|HOST|PRESENTER|MODERATOR)[ \t]*:[ \t]+\S", re.M | re.I)
_LABEL_NOT_NAME = re.compile(
    r"\b(?:THE|OF|TO|FOR|AND|ON|IN|ABOUT|KEY|NOTE|NOTES|EDITORS?|CONTACT|MEDIA|PRESS|FACTS?|FIGURES?|SUMMARY|"
    r"BACKGROUND|UPDATE|BREAKING|LIVE|WATCH|READ|MORE|RELATED|SOURCE|SOURCES|METHODOLOGY|TIMELINE|CONTEXT|"
    r"ANALYSIS|WHAT|WHY|HOW|WHO|WHEN|WHERE|TAKEAWAYS?|HIGHLIGHTS?|CORRECTION|CLARIFICATION|DISCLAIMER|"
    r"TRANSCRIPT|EPISODE|PART|CHAPTER|SECTION|TABLE|FIGURE|MAP|CHART|PHOTO|VIDEO|AUDIO|GMT|UTC)\b")


def _speaker_name(label: str) -> str:
    return re.sub(r"[A-ZÀ-Þ][A-ZÀ-Þ]*", lambda m: m.group()[0] + m.group()[1:].lower(), label)


def speaker_turns(text: str, places: set[str] = frozenset()) -> list[tuple[int, str]]:
    """(line start, speaker) of each turn of a transcript: lines opening with an
    upper-case name (or a full name in title case) and a colon, when at least two
    speakers take two turns or more, or when one speaker answers two questions or more
    (`Q:` turns) in an interview.
    Roles (`HOST:`, `Q:`) and places are not speakers."""
    labels = []
    questions = len(_INTERVIEWER_LABEL.findall(text))
    if "(" in text:
        # press-conference labels: "A (Col. Ouédraogo): ...", "Q (Journalist, Radio Omega): ..."
        for m in QA_LABEL.finditer(text):
            if m.group("qa") == "Q":
                questions += 1
                continue
            name = _RANK_PREFIX.sub("", m.group("inner").split(",")[0]).strip()
            if name and name not in places:
                labels.append((m.start(), name))
    for m in _SPEAKER_LABEL.finditer(text):
        name = _HONORIFIC.sub("", re.sub(r"\s+", " ", m.group("name")).strip())
        if _SPEAKER_ROLE.match(name.upper()) or _speaker_name(name) in places or name in places \
                or _LABEL_NOT_NAME.search(name.upper()) or " " not in name and name[1:].islower() and "(" in m.group():
            continue
        labels.append((m.start(), _speaker_name(name)))
    if "):" in text:
        taken = {pos for pos, _ in labels}
        for m in _ROLE_NAME_LABEL.finditer(text):
            if m.start() not in taken and m.group("name") not in places:
                labels.append((m.start(), m.group("name")))
    labels.sort()
    names = [n for _, n in labels]
    if len(set(names)) == 1 and len(names) >= 2 and questions >= 2:
        return labels  # an interview: "Q:" turns and one named speaker answering
    if len(labels) < 3 or len(set(names)) < 2 or max(names.count(n) for n in names) < 2:
        return []  # a conversation: two speakers at least, one of them speaking twice
    return labels


# "..., it said." / "..., they added.": the sentence goes on with the source named before
_TRAILING_IT_SAID = re.compile(rf",[\"”]?\s+(?:it|they|he|she)\s+(?:also\s+)?(?:{_SPEECH}|reported|estimated|found|counted|recorded|noted)\b")
_PRONOUN_SAYS = re.compile(rf"\b(?P<p>they|he|she)\s+(?:also\s+)?(?:{_SPEECH}|reported|estimated|counted|recorded)\b")
_HE_SHE_SAYS = re.compile(r"\b(?:he|she|He|She)\s+(?:also\s+)?(?:said|says|added|adds|told|tells)\b")
# one person, unnamed: "a resident", "the nurse", "a senior Malian official": _ONE_PERSON (above)
_UNNAMED_PERSON = re.compile(
    rf"\s*[\"“]?(?:An?|One|The)\s+(?P<np>(?:[\w\-]+\s+){{0,3}}?(?:{_ONE_PERSON})"
    r"(?:\s+of\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)?)\b")
# a sentence that opens with a person's name, perhaps after a role in apposition: "Lucia Moretti, who ...",
# "Mali's defence minister, General Moussa Diarra, disputes ..."
_NAMED_PERSON_OPENER = re.compile(
    # (a fronted place or time first: "In London, Priya Halloran, the Labour MP ..., called ...", "Across the
    # water in Chad, Colonel Mahamat Abakar commands ...", "WHEN CAPTAIN Ibrahim Traoré seized power ...")
    r"\s*(?:(?:In|At|On|From|Since|After|Across|Back|Further|Farther|Over|Up|Down|Along)\s+(?:[\w'’\-]+\s+){0,4}?[\w'’\-]+,\s+"
    r"|(?:When|WHEN|As|AS|After|AFTER|Before|BEFORE|Since|SINCE)\s+(?:(?:[A-Z]{2,}|[A-Z][a-z]+\.?)\s+)?(?=[A-Z][a-z]))?"
    r"(?:(?:[A-Z][\w'’]*\s+)?(?:[a-z][\w'’\-]*\s+){0,3}[a-z][\w\-]*,\s+)?"
    r"(?:(?:General|Colonel|Captain|Commander|Minister|President|Dr|Mr|Ms|Mrs|Prof|Professor)\.?\s+)?"
    rf"(?:(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s+(?:[A-ZÀ-Þ][\w'’\-]+|{_NAME_PARTICLES})){{1,3}})"
    r"(?=\s*,|\s+[a-z]+s\b|\s+[a-z]+ed\b)"
    # a first name alone, with a person in apposition: "Aminata, a mother of four who fled ..., reached"
    rf"|(?P<name1>[A-ZÀ-Þ][a-zà-ÿ'’\-]+)(?=,\s+(?:a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:{_ONE_PERSON})\b))")
_ONE_PERSON_NOUN = re.compile(rf"(?:[a-z][\w\-]*\s+){{0,2}}(?:{_ONE_PERSON})")
_PLURAL_SUBJECT = re.compile(rf"\b(?:the|The)\s+(?P<np>{_LOWER_NP})\b(?!\s+(?:of|for|in)\b)")


_INSTITUTION_WORDS = frozenset("ministry agency commission council committee institute observatory union embassy "
                               "office directorate department bureau organisation organization cluster".split())


def _named_institution(text: str, start: int, end: int, word: str) -> str | None:
    """The last institution named with `word` as its head between start and end: "the Ministry of
    Health", "the Defence Ministry", "the National Transport Union"."""
    head = word.capitalize()
    rx = re.compile(rf"(?:(?:[A-Z][\w'’\-]+\s+){{1,3}}{head}\b|{head}\s+(?:of|for)\s+(?:the\s+)?"
                    r"[A-Z][\w'’\-]+(?:\s+(?:and\s+)?[A-Z][\w'’\-]+){0,3})")
    found = None
    for m in rx.finditer(text, start, end):
        found = m.group()
    if found:
        found = re.sub(r"^(?:The|A|An|In|At|On|By|For|From|With|And|But)\s+", "", found)
    return found if found and found != head else None


def _pronoun_antecedent(text: str, start: int, pos: int, pronoun: str,
                        entity_spans: list[tuple[int, int]] = ()) -> tuple[str, int] | None:
    """The subject a `they said` / `she said` points back to, named earlier in the sentence.

    `he` and `she` point to a person: not to a name the gazetteer knows (a place, a group)."""
    before = text[start:pos]
    if pronoun == "they":
        best = None
        for m in _PLURAL_SUBJECT.finditer(before):
            np = m.group("np")
            head = np.split()[-1].lower()
            if head.endswith("s") or head in ("police", "people", "government", "army", "military", "junta", "ministry"):
                best = (np, start + m.start("np"))
        return best
    best = None
    for m in re.finditer(rf"(?<![\w'’]){_NAME}", before):
        a, b = start + m.start(), start + m.end()
        if any(x < b and a < y for x, y in entity_spans):
            continue
        best = (m.group(), a)
    return best


def _insertions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = [(m.start(), m.end()) for m in _BRACKETS.finditer(text, start, end)]
    for m in _RELATIVE.finditer(text, start, end):
        out.append((m.start(), m.end()))
    return out


def _in(spans, pos) -> tuple[int, int] | None:
    for a, b in spans:
        if a <= pos < b:
            return (a, b)
    return None


def _antecedent(before_here: list, history: list) -> object | None:
    """The country a back-reference points to: the last one named before it in the sentence,
    else the first of the most recent earlier sentence that named one."""
    if before_here:
        return before_here[-1]
    return next((prev[0] for prev in reversed(history) if prev), None)


def _state_acts(ctx: "SentenceContext", m: Match, code: str, place: Place, sent_countries: list[Place],
                african: set[str] | frozenset) -> None:
    """A state named as acting: an actor, and a place only when no other is named and it acts at
    home (an African state); a foreign state acts abroad ("France deployed up to 5,100 troops")."""
    ctx.actors.append((m.start, m.end, code))
    ctx.acting.append((m.start, m.end, code))
    if code in african:
        ctx.weak_places.append(place)
        ctx.acting_places.append(place)
    sent_countries.append(place)


_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_WHICH_WHO_AFTER = re.compile(r"\s*,\s*(?:which|who)\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:into|in|to|from|of|across|through|at|near|with|by|for|on|towards?|inside|outside|than)\s+(?:the\s+)?"
    r"(?:(?:far[\s\-])?(?:north|south|east|west|central|north[\s\-]?east|north[\s\-]?west|south[\s\-]?east|"
    r"south[\s\-]?west|mid|upper|lower|rural|remote)(?:ern)?\s+)?$", re.I)


def build_contexts(text: str, sentences, matches: list[Match], ranks: dict[str, int] | None = None,
                   known_names: set[str] | None = None, african: set[str] | frozenset = frozenset()) -> list[SentenceContext]:
    """Per sentence: places (with anaphors resolved), actors and the credited source.

    `african`: ISO3 codes of the states whose own forces place a figure at home."""
    ranks = ranks or {}
    known_names = known_names or set()
    out: list[SentenceContext] = []
    mi = 0
    last_place: Place | None = None
    last_region: Place | None = None
    last_city: Place | None = None
    hist_countries: list[list[Place]] = []  # countries of previous sentences (for "the country")
    para_countries: dict[int, list[Place]] = {}
    prev_group_first: str | None = None
    last_group: str | None = None
    group_surface: dict[str, str] = {}  # each armed group's name as the text last wrote it
    group_para = -10  # the paragraph where an armed group was last named
    prev_source: str | None = None
    prev_quote = False
    quote_open = False
    prev_sent = para_first = None
    prev_para = None
    anaphors: list[tuple[int, str, re.Match]] = []
    for a in windowed_finditer(_ANAPHOR, _ANAPHOR_ANCHOR, text, before=30, after=20, word_starts=True):
        anaphors.append((a.start(), a.lastgroup, a))
    for a in windowed_finditer(_SUBREGION, _SUBREGION_ANCHOR, text, before=70, after=20, word_starts=True):
        anaphors.append((a.start(), "subregion", a))
    anaphors.sort(key=lambda x: x[0])
    ai = 0
    spend_pos = [m.start() for m in windowed_finditer(_SPENDING, _SPENDING_ANCHOR, text, before=20, after=40)]
    force_hits = [m for m in windowed_finditer(_GENERIC_FORCES, _FORCES_ANCHOR, text, before=30, after=30)]
    cue_pos = [m.start() for m in _SOURCE_CUE.finditer(text)]
    bracket_hits = [(m.start(), m.end()) for m in _BRACKETS.finditer(text)]
    relative_hits = [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]
    import bisect

    def _any_in(sorted_pos, a, b):
        i = bisect.bisect_left(sorted_pos, a)
        return i < len(sorted_pos) and sorted_pos[i] < b

    def _spans_in(spans, a, b):
        i = bisect.bisect_left(spans, (a, -1))
        out_ = []
        while i < len(spans) and spans[i][0] < b:
            if spans[i][1] <= b:
                out_.append(spans[i])
            i += 1
        return out_
    force_starts = [m.start() for m in force_hits]
    place_names = set()
    for m in matches:
        if m.entity.entity_type in ("country", "city", "region"):
            place_names.add(text[m.start:m.end])
    turns = speaker_turns(text, place_names)
    turn_pos = [t[0] for t in turns]
    turn_para: dict[int, str] = {}
    role_paras: set[int] = set()
    para_sources: list[str] = []
    for sent in sentences:
        ctx = SentenceContext(sent.start, sent.end, sent.paragraph)
        ctx.asides = _spans_in(bracket_hits, sent.start, sent.end)
        ctx.insertions = ctx.asides + _spans_in(relative_hits, sent.start, sent.end)
        ctx.spending = _any_in(spend_pos, sent.start, sent.end)
        ctx.compares = any(text.find(w, sent.start, sent.end) >= 0 for w in _COMPARE_WORDS)
        sm, mi = items_within(matches, mi, sent.start, sent.end)
        if turns:
            k_t = bisect.bisect_right(turn_pos, sent.start) - 1
            if k_t >= 0 and turns[k_t][0] >= (out[-1].end if out else 0) - 1 and turn_pos[k_t] <= sent.start:
                turn_para.setdefault(sent.paragraph, turns[k_t][1])
            elif _ANY_LABEL.match(text, sent.start):
                role_paras.add(sent.paragraph)  # "HOST: ...", "Q89 Chair: ...": a role's turn
            elif k_t >= 0 and k_t + 1 < len(turns) and turn_para.get(sent.paragraph - 1) == turns[k_t][1] \
                    and sent.paragraph not in role_paras and not sent.furniture:
                turn_para.setdefault(sent.paragraph, turns[k_t][1])  # the turn goes on up to the next label
        if sent.furniture:
            out.append(ctx)
            continue
        while ai < len(anaphors) and anaphors[ai][0] < sent.start:
            ai += 1
        quiet = not sm and (ai >= len(anaphors) or anaphors[ai][0] >= sent.end)
        # countries named as a list ("Niger, Mali and Burkina Faso, which left ...")
        acting_idx: set[int] = set()
        owner_idx: set[int] = set()
        for k, m in enumerate(sm):
            e = m.entity
            if not (e.entity_type == "country" or e.capital) or m.demonym:
                continue
            after = text[m.end:min(sent.end, m.end + 90)]
            if _POSSESSIVE_AFTER.match(after) and k + 1 < len(sm) and sm[k + 1].entity.entity_type in ("armed_group", "state_force") \
                    and sm[k + 1].start - m.end <= 4:
                acting_idx.add(k)  # "Russia's Wagner Group"
                owner_idx.add(k)  # whose force it is, not where it is
                continue
            head = k  # a list's preposition comes before its first member ("in Mali, Burkina Faso and Niger has")
            while head > 0 and sm[head - 1].entity.entity_type == "country" and not sm[head - 1].demonym \
                    and _COUNTRY_LIST_TAIL.match(text[sm[head - 1].end:sm[head].start]):
                head -= 1
            before_c = text[max(sent.start, sm[head].start - 40):sm[head].start]
            after_prep = _PREPOSITION_BEFORE.search(before_c)
            if after_prep and _GOVERNMENT_OF.search(before_c):
                after_prep = None  # "the Government of Mali announced": the state acts
            if (not after_prep and _SANCTIONS_AFTER.match(after)) or (":" in after[:45] and _donor_line(text, m)):
                acting_idx.add(k)
                owner_idx.add(k)
                continue
            if _SAYS_IT.match(after) or ((not after_prep or _WHICH_WHO_AFTER.match(after))
                                         and (_ACT_AFTER.match(after) or _HAS_FORCES_AFTER.match(after)
                                              or _SUPPLIER_ROLE_AFTER.match(after))) \
                    or _POSSESSIVE_ACT.match(after) \
                    or e.entity_id not in african and _SHARE_OF_STATE.match(after) \
                    or _FORCE_NOUN.match(after) and not _REPORTING_AFTER.match(after[_FORCE_NOUN.match(after).end():]):
                acting_idx.add(k)
                # the rest of a list before it acts too
                q = k
                while q > 0 and sm[q - 1].entity.entity_type == "country" and not sm[q - 1].demonym \
                        and _COUNTRY_LIST_TAIL.match(text[sm[q - 1].end:sm[q].start]) \
                        and not (text[sm[q - 1].end:sm[q].start].strip() == "," and text[sm[q].end:sm[q].end + 1] in "'’"
                                 and _FRONTED_PLACE_BEFORE.search(text, max(0, sm[q - 1].start - 14), sm[q - 1].start)):
                    acting_idx.add(q - 1)  # (not "In Mali, France's share ...": a fronted place)
                    q -= 1
        events: list[tuple[int, str, object]] = [(m.start, "m", (k, m)) for k, m in enumerate(sm)]
        aj = ai
        while not quiet and aj < len(anaphors) and anaphors[aj][0] < sent.end:
            pos_a, kind, a = anaphors[aj]
            aj += 1
            if a.end() > sent.end or any(m.start <= pos_a < m.end for m in sm):
                continue
            events.append((pos_a, kind, a))
        events.sort(key=lambda x: x[0])
        sent_countries: list[Place] = []
        speakers_states: list[Place] = []  # "Ghana's representative": whose "his country" is Ghana
        first_group: str | None = None
        group_speaker: str | None = None  # "the group said": the armed group named lately, by its name
        force_list: tuple[int, int] | None = None
        for pos, kind, obj in events:
            if kind == "m":
                k, m = obj  # type: ignore[misc]
                e = m.entity
                after = text[m.end:min(sent.end, m.end + 90)]
                before = text[max(sent.start, m.start - 30):m.start]
                if e.entity_type in ("armed_group", "state_force"):
                    if _AFFILIATE_AFTER.match(after) and any(
                            (m2.start > m.end and m2.start - m.end <= 30 or m2.end <= m.start and m.start - m2.end <= 12)
                            and m2.entity.entity_type in ("armed_group", "state_force") for m2 in sm):
                        continue  # "the al-Qaeda affiliate JNIM", "JNIM, al Qaeda's most powerful affiliate": JNIM acts
                    ctx.actors.append((m.start, m.end, e.entity_id))
                    first_group = first_group or e.entity_id
                    last_group = e.entity_id
                    group_para = sent.paragraph
                    group_surface[e.entity_id] = text[m.start:m.end]
                    continue
                if e.entity_type == "organisation":
                    continue
                p = _place_of(m, ranks)
                if p is None:
                    continue
                if p.demonym and _PEOPLE_SPEAK_AFTER.match(after):
                    p.demonym = False  # "Nigerien traders say ... crossing into Benin": their country counts too
                if e.entity_type == "country" and m.demonym:
                    if _NOT_PLACE_AFTER.match(after):
                        continue
                    if _DISPLACED_AFTER.match(after):
                        ctx.weak_places.append(p)  # "17,800 Nigerian refugees in the Maradi region": their origin
                        ctx.origin_places.append(p)
                        continue
                    nxt_m = sm[k + 1] if k + 1 < len(sm) else None
                    if nxt_m is not None and nxt_m.entity.entity_type in ("armed_group", "state_force") \
                            and 0 < nxt_m.start - m.end <= 2:
                        ctx.actors.append((m.start, m.end, e.entity_id))  # "the Russian Africa Corps": its state
                        continue
                    fm = _FORCE_NOUN.match(after)
                    if fm is None and _DEMONYM_AND_FORCE.match(after):
                        fm = _DEMONYM_AND_FORCE.match(after)
                        if force_list is None or m.start >= force_list[1]:
                            force_list = (m.start, m.end + fm.end())  # "the Malian, Burkinabè and Nigerien air forces"
                    if fm is None and _SUPPORT_NOUN_AFTER.match(after):
                        ctx.actors.append((m.start, m.end, e.entity_id))
                        continue
                    if fm is not None:
                        rest = after[fm.end():]
                        if not _REPORTING_AFTER.match(rest) or _SAYS_IT.match(rest):
                            # "The Malian army said it had lost 18"; a list of forces acts from its first member
                            at = force_list[0] if force_list and force_list[0] <= m.start < force_list[1] else m.start
                            ctx.actors.append((at, m.end, e.entity_id))
                        if _REPORTING_AFTER.match(rest):
                            speakers_states.append(p)  # "Malian officials said their country ..."
                        if e.entity_id in african:
                            ctx.weak_places.append(p)  # "Nigerien forces": at home; "Russian forces": abroad
                            sent_countries.append(p)  # ("the country" never points to a foreign force's state)
                        continue
                    surface = text[m.start:m.end]
                    if re.search(r"\bthe\s+$", before, re.I) and not surface.endswith("s") and (
                            not re.match(r"\s+[a-z]", after)
                            or re.match(r"\s+(?:to|and|or|in|on|at|have|had|has|were|was|are|is|who|which|that|left|"
                                        r"withdrew|arrived|came|say|said|also|then|now|from|with|for)\b", after)):
                        # "the French": people, not a place
                        if _ACT_AFTER.match(after):
                            ctx.actors.append((m.start, m.end, e.entity_id))
                        continue
                    if surface.endswith("s") and surface[:-1] in known_names:
                        # "the Russians": people, an actor when they act; their country a weak place
                        if _ACT_AFTER.match(after):
                            ctx.actors.append((m.start, m.end, e.entity_id))
                        ctx.weak_places.append(p)
                        continue
                if e.capital and k in acting_idx:
                    # "Paris withdrew ...", "Moscow sent ...": the state acting, not a place
                    _state_acts(ctx, m, e.country, p, sent_countries, african)
                    continue
                if e.entity_type == "country" and not m.demonym:
                    if ("(" in after[:3] or after[:4] == " at ") and _supplier_share(text, sent, m):
                        ctx.share_owners.append((m.start, m.end, e.entity_id))  # its share: no place
                        continue
                    if _NOT_PLACE_BEFORE.search(before) and k not in acting_idx:
                        continue
                    if k not in acting_idx and _FORCE_NOUN.match(after):
                        speakers_states.append(p)  # for "his country"
                        continue  # "U.S. officials estimate ...": a source, not a place
                    if k in owner_idx:
                        ctx.actors.append((m.start, m.end, e.entity_id))
                        ctx.acting.append((m.start, m.end, e.entity_id))
                        continue
                    if k in acting_idx:
                        _state_acts(ctx, m, e.entity_id, p, sent_countries, african)
                        continue
                if ("from" in before or "fle" in before) and _ORIGIN_BEFORE.search(before):
                    # "Ghana hosts 15,000 refugees from Burkina Faso": where they came from is
                    # the location only when no other place is named
                    ctx.weak_places.append(p)
                    ctx.origin_places.append(p)
                    continue
                ctx.places.append(p)
                if p.code != "World":
                    last_place = p
                    if p.is_region:
                        last_region = p
                    else:
                        sent_countries.append(p)
                        if e.entity_type == "city":
                            last_city = p
            elif kind == "there":
                a = obj
                if _EXISTENTIAL_AFTER.match(text, a.end()) and \
                        _EXISTENTIAL_BEFORE.search(text[max(sent.start, a.start() - 20):a.start()]):
                    continue  # "there were 40 attacks": not a place
                if last_place is not None:
                    ctx.places.append(Place(a.start(), a.end(), last_place.code, last_place.is_region, last_place.rank))
            elif kind == "region":
                a = obj
                tgt = last_region or last_place
                if tgt is not None:
                    p = Place(a.start(), a.end(), tgt.code, tgt.is_region, tgt.rank)
                    ctx.places.append(p)
                    last_place = p
            elif kind == "country":
                a = obj
                its = a.group().lower() == "its"
                if its:
                    last = next((m for m in reversed(sm) if m.end <= a.start()), None)
                    if last is not None and last.entity.entity_type != "country":
                        continue  # "ECOWAS's population ... its GDP": not a state named before
                before_here = [p for p in sent_countries if p.start < a.start()
                               and (p in ctx.places or its)]  # "Burkina Faso tripled its budget"
                if re.match(r"(?i:his|her|their|our)\b", a.group()) and speakers_states:
                    before_here = [p for p in speakers_states if p.start < a.start()] or before_here
                tgt = _antecedent(before_here, hist_countries[-3:])
                if tgt is not None:
                    p = Place(a.start(), a.end(), tgt.code, False)
                    ctx.places.append(p)
                    last_place = p
            elif kind == "subregion":
                a = obj
                if any(m.start < a.end() and a.start() < m.end for m in sm):
                    continue  # a named region in the gazetteer
                before_here = [p for p in sent_countries if p.start < a.start()]
                tgt = _antecedent(before_here, hist_countries)
                if tgt is not None:
                    p = Place(a.start(), a.end(), tgt.code, False)
                    ctx.places.append(p)
                    last_place = p
            elif kind == "town":
                a = obj
                if last_city is not None:
                    p = Place(a.start(), a.end(), last_city.code, False)
                    ctx.places.append(p)
                    last_place = p
            elif kind == "these":
                a = obj
                pc = para_countries.get(sent.paragraph, [])
                prev = hist_countries[-1] if hist_countries else []
                want = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
                n_want = next((v for w, v in want.items() if re.search(rf"\b{w}\b", a.group(), re.I)), None)
                prev_codes = list(dict.fromkeys(p.code for p in prev if p in pc))
                para_codes = list(dict.fromkeys(p.code for p in pc))
                here_codes = list(dict.fromkeys(p.code for p in sent_countries if p.start < a.start() and p in ctx.places))
                if here_codes and len(here_codes) >= 2 and (n_want is None or len(here_codes) == n_want):
                    codes = here_codes
                elif prev_codes and (n_want is None or len(prev_codes) == n_want):
                    codes = prev_codes
                elif n_want is not None and len(para_codes) >= n_want:
                    codes = para_codes[-n_want:] if len(para_codes) > n_want else para_codes
                else:
                    codes = prev_codes
                for c in codes:
                    ctx.places.append(Place(a.start(), a.end(), c, False))
                    if re.search(r"(?:juntas|governments|regimes|authorities)$", a.group(), re.I):
                        ctx.actors.append((a.start(), a.end(), c))
            elif kind == "other":
                a = obj
                ctx.blocked_location.append((a.start(), a.end()))
            elif kind == "group":
                a = obj
                here = [x for x in ctx.actors if x[0] < a.start() and not x[2].isupper()]
                if not here and sent.paragraph - group_para > 1:
                    continue  # "For Orano, ... The group wrote down €417 million": no armed group named lately
                tgt = here[-1][2] if here else (prev_group_first or last_group)
                if _REPORTING_AFTER.match(text, a.end()):
                    group_speaker = group_surface.get(tgt) if tgt else None
                    continue
                if tgt and (first_group is None or here):
                    ctx.actors.append((a.start(), a.end(), tgt))
                    first_group = first_group or tgt
        # generic national forces: the states named in the sentence act
        g = None
        if (ctx.places or ctx.weak_places) and _any_in(force_starts, sent.start, sent.end):
            g = force_hits[bisect.bisect_left(force_starts, sent.start)]
            if g.end() > sent.end:
                g = None
        if g and not _REPORTING_AFTER.match(text, g.end()):
            for p in ctx.places + ctx.weak_places:
                if not p.is_region:
                    ctx.actors.append((g.start(), g.end(), p.code))
        hist_countries.append(sent_countries)
        para_countries.setdefault(sent.paragraph, []).extend(sent_countries)
        if first_group:
            prev_group_first = first_group
        if text[sent.start] == "|" and ctx.places:
            # a table row is about the place in its first cell ("| Mauritania | 268,900 | Mali |")
            first_cell_end = text.find("|", sent.start + 1)
            first = [p for p in ctx.places if p.start < first_cell_end]
            if first:
                ctx.weak_places += [p for p in ctx.places if p.start >= first_cell_end]
                ctx.places = first
                ctx.row_places = first
        # source
        has_cue = _any_in(cue_pos, sent.start, sent.end)  # every verb the patterns below need is a cue
        if has_cue:
            ctx.sources = sources_in(text, sent.start, sent.end, place_names, known_names, checked=True)
        # "the traders asked for ..., and they said ...": the pronoun takes its antecedent
        pm = _PRONOUN_SAYS.search(text, sent.start, sent.end) if has_cue else None
        if pm and not any(c[0] is not None and c[1][0] < pm.start() for c in ctx.sources):
            ante = _pronoun_antecedent(text, sent.start, pm.start(), pm.group("p"), [(m.start, m.end) for m in sm])
            if ante:
                nsrc = _normalise_source(ante[0], False, known_names, place_names)
                if nsrc and not _GENERIC_SOURCE.match(nsrc):
                    ctx.sources = sorted(ctx.sources + [(nsrc, (pm.start(), pm.end("p")), False)], key=lambda c: c[1][0])
                    ctx.sources = [c for c in ctx.sources if not (c[0] is None and c[1][0] == pm.start())]
        src, span, cont = ctx.sources[0] if ctx.sources else (None, None, False)
        same_para = prev_para == sent.paragraph
        if not same_para:
            para_sources = []
        if src is not None and LOWER_WORD.fullmatch(src):
            # "The official said": the source named before in the paragraph ("a police official")
            for ps_ in reversed(para_sources):
                if ps_ != src and ps_.lower().endswith(" " + src):
                    ctx.sources = [(ps_ if c[0] == src else c[0], c[1], c[2]) for c in ctx.sources]
                    src = ps_
                    break
            else:
                if src in _INSTITUTION_WORDS and span is not None:
                    # "according to the ministry": the Ministry of Health named before in the paragraph
                    named_inst = _named_institution(text, para_first.start if same_para else sent.start, span[0], src)
                    if named_inst:
                        ctx.sources = [(named_inst if c[0] == src else c[0], c[1], c[2]) for c in ctx.sources]
                        src = named_inst
        # "She warned that ..." opening a paragraph: the person named last goes on speaking
        person_goes_on = cont and span is not None and _SINGULAR_PERSON.fullmatch(text, span[0], span[1]) \
            and prev_source and (_PERSON_NAME.fullmatch(prev_source) and not _ORG_WORD.search(prev_source)
                                 or _ONE_PERSON_NOUN.fullmatch(prev_source))  # "... said a resident. \n\n He said ..."
        opens_quote = text[sent.start:sent.start + 3].lstrip()[:1] in ('"', "“")
        if src is None and prev_source and (same_para or person_goes_on) and (
                cont or _continues(text, sent.start, sent.end, prev_source)
                or _TRAILING_IT_SAID.search(text, sent.start, sent.end)
                or (prev_quote and opens_quote)
                or quote_open
                # a quotation opening right after a person's words: theirs ("Hamadi says ... "We were 3,000.")
                or (opens_quote and _SPEAKER_NAME.fullmatch(prev_source) and not _ORG_WORD.search(prev_source))):
            src = prev_source  # a continuing sentence, or the rest of a quoted passage
        if src is None and same_para and prev_sent is not None and has_cue \
                and _HE_SHE_SAYS.search(text, sent.start, sent.end):
            # 'A senior Malian official ... defended the deal. "...," he said.': the person the sentence before opened with
            opener = _UNNAMED_PERSON.match(text, prev_sent.start, prev_sent.end) \
                or _UNNAMED_PERSON.match(text, para_first.start, para_first.end)
            if opener:
                src = _normalise_source(opener.group("np"), False, known_names, place_names) or None
            else:
                # 'Lucia Moretti, who follows ..., cautions against ... "...," she says': the person named
                named = _NAMED_PERSON_OPENER.match(text, prev_sent.start, prev_sent.end)
                name = named and (named.group("name") or named.group("name1"))
                if name and name not in place_names and name not in known_names and not _ORG_WORD.search(name):
                    src = name
        if src is None and group_speaker and any(c[0] is None and c[2] for c in ctx.sources):
            src = group_speaker  # 'JNIM ... has claimed the attack. ..., the group said its fighters had killed ...'
        if src is None and sent.paragraph in turn_para:
            src = turn_para[sent.paragraph]  # a transcript turn is a quote of its speaker
        para_sources.extend(c[0] for c in ctx.sources if c[0])
        ctx.source = src
        sentence = text[sent.start:sent.end]
        prev_quote = '"' in sentence or "”" in sentence
        # still inside a quotation that an earlier sentence of the paragraph opened
        quote_open = _quote_open_after(sentence, quote_open if same_para else False)
        named = [c[0] for c in ctx.sources if c[0]]
        prev_source = named[-1] if src and named else src  # the next sentence points back to the latest one
        if not same_para:
            para_first = sent
        prev_para = sent.paragraph
        prev_sent = sent
        out.append(ctx)
    return out


# ---------------------------------------------------------------- choosing


def _fmt(codes) -> str | None:
    codes = sorted(set(codes))
    return ";".join(codes) if codes else None


def _choose_places(places: list[Place]) -> list[str]:
    if any(p.demonym for p in places) and any(not p.demonym for p in places):
        # "Russian deliveries to Mali", "three Chinese employees of a mine near Kayes": where, not whose
        places = [p for p in places if not p.demonym]
    countries = [p.code for p in places if not p.is_region]
    if countries:
        return countries
    regions = [p for p in places if p.is_region and p.code != "World"]
    if not regions:
        return [p.code for p in places]
    # the most specific: a region that holds another one named with it gives way to it
    # ("Liptako-Gourma" over "the Sahel"); unrelated regions all stay ("the Central Sahel and the Lake Chad Basin")
    from .gazetteer import load_gazetteer

    ancestors = load_gazetteer().region_ancestors
    names = {p.code for p in regions}
    return [p.code for p in regions if not any(p.code in ancestors.get(other, ()) for other in names)]


def _visible(ctx: SentenceContext, pos: int, fs: int, asides_only: bool = False) -> bool:
    """A thing at pos counts for a figure at fs unless it sits in an aside
    that does not hold the figure."""
    ins = _in(ctx.asides if asides_only else ctx.insertions, pos)
    return ins is None or ins[0] <= fs < ins[1]


_AND_OR = re.compile(r"(?:and|or)\b")
_merge_memo = threading.local()  # per thread: (text, segs, fig_positions, merged) of the last call


def _merge_segments(text: str, segs, fig_positions):
    """Join a segment that starts with "and"/"or" and holds no figure to the one before.

    Every figure of a sentence asks with the same lists: the last answer is kept
    (compared by identity; holding the lists keeps their ids from being reused)."""
    last = getattr(_merge_memo, "last", None)
    if last is not None and last[0] is text and last[1] is segs and last[2] is fig_positions:
        return last[3]
    out = []
    for a, b in segs:
        chunk = text[a:b].lstrip()
        if out and chunk[:1] in ("a", "o") and _AND_OR.match(chunk) and len(chunk.split()) <= 5 \
                and ";" not in text[out[-1][1]:a] and not any(a <= p < b for p in fig_positions):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    _merge_memo.last = (text, segs, fig_positions, out)
    return out


def _list_like(text: str, a: int, b: int, places: list[Place]) -> bool:
    rest = text[a:b]
    inside = sorted([p for p in places if a <= p.start < b], key=lambda p: p.start)
    if not inside:
        return False
    for p in reversed(inside):
        rest = rest[:p.start - a] + rest[p.end - a:]
    return re.fullmatch(r"[\s,]*(?:(?:and|or|as well as|the)\b[\s,]*)*[.]?\s*", rest) is not None


def _order(segs, idx):
    return [idx] + list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(segs)))


def _seg_index(segs, pos) -> int:
    for i, (a, b) in enumerate(segs):
        if a <= pos < b:
            return i
    for i, (a, b) in enumerate(segs):
        if pos < a:
            return max(0, i - 1)
    return len(segs) - 1


_DISTANCE = re.compile(r"km\b|kilomet|\bmiles?\b|metres|meters", re.I)
_FROM_END = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_DIRECT_PLACE = re.compile(r"[^\d.,;:()]{0,40}?\b(?:for|in|of|across|from|at|by|among)\s+(?:the\s+)?"
                           r"(?:(?:entire|whole|wider|greater|broader)\s+)?$", re.I)




def location_for(text: str, ctx: SentenceContext, segs, fs: int, fe: int, fig_positions=()) -> str | None:
    """Places of the figure's clause, else of the nearest clause before, else after;
    a place right after the figure ("$766 million for Mali") comes first."""
    if ctx.row_places and fs >= text.find("|", ctx.start + 1):
        return _fmt(_choose_places(ctx.row_places))  # "| Niger | 282,200 | Nigeria, Mali, Burkina Faso |"
    aside = _in(ctx.asides, fs)
    if aside is not None and text[aside[0]] == "(":
        named = next((p for p in ctx.places if aside[0] - 1 <= p.end <= aside[0]), None)
        if named is not None and text[aside[0] + 1:fs].strip() == "":
            return _fmt(_choose_places([named]))  # "Benin (210) and Togo (95)": the place the bracket follows
    segs = _merge_segments(text, segs, fig_positions)
    idx = _seg_index(segs, fs)
    a0, b0 = segs[idx]
    if any(a0 <= s < b0 and s >= fs - 60 for s, _ in ctx.blocked_location):
        return None
    places = [p for p in ctx.places if _visible(ctx, p.start, fs) or text[_in(ctx.insertions, p.start)[0]] == "("]
    # a region named only as the whole of a share or the base of a comparison
    # ("57 percent of deaths worldwide", "twice the world average") is not the place
    base = [p for p in places if p.is_region and _is_base(text, p, fs, fe)]
    if base:
        places = [p for p in places if p not in base]
    # a state named only as what the figure is compared with ("less than a tenth of what they gave Ukraine",
    # "more than in any other part of Africa except Sudan") is no place of it
    compared = [p for p in places if _compared(text, ctx.start, p, fs, fig_positions)] if ctx.compares else []
    if compared:
        places = [p for p in places if p not in compared]
    # a place right after the figure's phrase, with no other figure between
    nxt = [p for p in places if p.start >= fe and p.start < b0]
    if nxt:
        p = min(nxt, key=lambda p: p.start)
        gap = text[fe:p.start]
        later = [q for q in places if q.start > p.end and q.start < b0 and q.code != p.code] if _FROM_END.search(gap) else []
        if later and _DISTANCE.search(text, fs, p.start):
            return _fmt(_choose_places([p] + later))  # "a 1,950km pipeline from Niger's oilfields to the coast of Benin"
        if _DIRECT_PLACE.fullmatch(gap) and not any(fe <= q < p.start for q in fig_positions) and not later:
            # (a place the figure comes "from" gives way to the one it goes to: "crossed from Burkina Faso into Niger")
            found = [q for q in nxt if q.start == p.start]  # ("the three countries": all three)
            # the rest of a list: "across Burkina Faso, Mali and Niger"
            for q in sorted(places, key=lambda q: q.start):
                if q.start > found[-1].start and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", text[found[-1].end:q.start]):
                    found.append(q)
            return _fmt(_choose_places(found))
    weak_all = [p for p in ctx.weak_places if _visible(ctx, p.start, fs)]
    acting_all = [p for p in ctx.acting_places if _visible(ctx, p.start, fs)]
    allp = sorted(places + weak_all, key=lambda p: p.start)
    # the figure's own clause (its places, else the states acting in it), then the
    # other clauses' places, then any weak place
    # (where the clause's refugees come from, before the places of the clauses after it:
    # "296,000 Malian refugees in neighbouring countries, half of them in Mauritania")
    origins = [p for p in ctx.origin_places if _visible(ctx, p.start, fs)]
    order = _order(segs, idx)
    passes = [(places + acting_all, [idx]), (places, [k for k in order if k < idx]), (origins, [idx]),
              (places, [k for k in order if k > idx]), (weak_all, order)]
    for pool, order in passes:
        for k in order:
            a, b = segs[k]
            ps = [p for p in pool if a <= p.start < b]
            strong = [p for p in ps if p in places]
            ps = strong or ps
            if not ps:
                continue
            # extend over neighbouring segments that only list places (not across ";")
            for step in (-1, 1):
                k2 = k + step
                while 0 <= k2 < len(segs) and _list_like(text, segs[k2][0], segs[k2][1], allp):
                    lo, hi = (segs[k2][1], segs[k2 + 1][0]) if step < 0 else (segs[k2 - 1][1], segs[k2][0])
                    if ";" in text[lo:hi]:
                        break
                    ps += [p for p in allp if segs[k2][0] <= p.start < segs[k2][1]]
                    k2 += step
            ps = _chain(text, ps, allp)
            # "refugees from Mali in Niger": the origin is not the place
            origin = [p for p in ps if _FROM_END.search(text[max(0, p.start - 12):p.start])]
            if origin and len(ps) > len(origin):
                for p in sorted(ps, key=lambda p: p.start):  # the rest of the list: "refugees from Mali and Burkina Faso"
                    if p not in origin and any(_LIST_SEP.fullmatch(text, q.end, p.start) for q in origin):
                        origin.append(p)
            if origin and len({p.code for p in ps} - {p.code for p in origin}) > 0:
                ps = [p for p in ps if p not in origin]
            return _fmt(_choose_places(ps))
    if base:
        return _fmt(_choose_places(base))
    return None


_LIST_SEP = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or|as\s+well\s+as|&)\s*")


def _chain(text: str, ps: list[Place], allp: list[Place]) -> list[Place]:
    """Add the places listed with those found: "in Bamako, Ouagadougou and Niamey"."""
    out = list(ps)
    changed = True
    while changed:
        changed = False
        for q in allp:
            if q in out:
                continue
            for p in out:
                if (q.start >= p.end and _LIST_SEP.fullmatch(text, p.end, q.start)) or \
                        (p.start >= q.end and _LIST_SEP.fullmatch(text, q.end, p.start)):
                    out.append(q)
                    changed = True
                    break
    return out


_COMPARE_WORDS = ("than", "except", "compared", "what")
_NUMBER_NEXT = re.compile(r"\s+(?:(?:about|around|some|nearly|roughly)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|"
                          r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                          r"a\s+hundred|a\s+thousand|half|a\s+third|a\s+quarter|a\s+dozen|dozens|hundreds|thousands)\b)", re.I)
_COMPARED_BEFORE = re.compile(
    r"(\bthan|\bexcept|\bcompared\s+(?:with|to)|\bof\s+what\s+(?:\w+\s+){1,3}?(?:gave|give|gives|spent|spends|spend|"
    r"received|receives|got|gets|paid|pays))\s+(?:in\s+|for\s+|to\s+|the\s+)?(?:[\w'’\-]+\s+){0,4}?$")


def _compared(text: str, sent_start: int, p: Place, fs: int, fig_positions) -> bool:
    m = _COMPARED_BEFORE.search(text, max(sent_start, p.start - 60), p.start)
    # ("fewer than 300 in Burkina Faso": a figure's own bound, not a comparison)
    return m is not None and not any(m.start() <= q < p.start for q in (fs, *fig_positions)) \
        and not _NUMBER_NEXT.match(text, m.end(1))


_BASE_AFTER = re.compile(r"['’]?s?\s+(?:average|total|rate|level|mean|figure|norm)\b", re.I)


_OF_WORD = re.compile(r"\bof\b")


def _is_base(text: str, p: Place, fs: int, fe: int) -> bool:
    if _BASE_AFTER.match(text, p.end):
        return True
    if p.start >= fe:
        gap = text[fe:p.start]
        if _OF_WORD.search(gap) and not re.search(r"[,;:()]", gap) and len(gap) < 80 \
                and not re.search(r"\b(?:to|into|for|from)\s+(?:the\s+)?$", gap):
            return True
    return False


_COORD = re.compile(r"\s+(?:and|while|whereas|but|against)\s+", re.I)


_RELATIVE_CLAUSE = re.compile(r"[\s,(—–-]*(?:which|who|whose)\b", re.I)


_COUNTS_SOURCES_AFTER = re.compile(
    r"\s+(?:[a-zA-Z\-]+\s+){0,2}(?:sources|diplomats|officials|witnesses|analysts|experts|officers|traders|"
    r"drivers|residents|survivors|villagers|miners|couriers|smugglers|doctors|nurses|workers|teachers|farmers|"
    r"herders|elders|relatives|people|men|women)"
    r"(?:\s+(?:in|from|at)\s+[A-Z][\w'’\-]+)?"  # "two Western diplomats in Niamey told"
    r"(?:,?\s+who\s+[^,.;\"“”]{1,60}?,?)?\s+"  # "two drivers who were later released told ..."
    r"(?:(?:also|have|had|later)\s+)?(?:said|say|says|told|tell|reported|confirmed)\b")


def _listed_after(text: str, segs, idx: int, actors, fig_positions) -> list[str]:
    """The rest of a list of actors that closes the figure's clause: "The four were Ansar Dine,
    Katiba Macina, Al-Mourabitoun and a branch of AQIM" (segments holding little but names)."""
    a0, b0 = segs[idx]
    last = max((x for x in actors if a0 <= x[0] < b0), key=lambda x: x[0])
    if text[last[1]:b0].strip():
        return []
    out: list[str] = []
    for a, b in segs[idx + 1:]:
        if any(a <= q < b for q in fig_positions):
            break
        acts = [x for x in actors if a <= x[0] < b]
        if not acts:
            break
        rest = text[a:b]
        for x in sorted(acts, key=lambda x: -x[0]):
            rest = rest[:x[0] - a] + rest[x[1] - a:]
        if len(re.findall(r"[A-Za-z]+", rest)) > 5:
            break
        out += [x[2] for x in acts]
    return out


_ARTICLE_START = re.compile(r"\s*(?:an?|the)\s")


def actor_for(text: str, ctx: SentenceContext, segs, fs: int, fe: int, fig_positions=(),
              armed_groups: frozenset[str] | set[str] = frozenset(), owner_positions=()) -> str | None:
    """Actors of the figure's clause (else the nearest clause before, else after),
    with the states acting in the sentence up to that clause."""
    if "s " in text[fe:fe + 40] and _COUNTS_SOURCES_AFTER.match(text, fe):  # (a cheap test first: a plural noun)
        return None  # "two security sources said": the sources, no actor
    if ctx.share_owners:
        aside = _in(ctx.asides, fs)
        if aside is not None:
            owner = next((x for x in ctx.share_owners if aside[0] - 2 <= x[1] <= aside[0]), None)
            if owner is not None:
                return owner[2]  # "Russia (62%)": the supplier's own share
        owner = max((x for x in ctx.share_owners if x[1] <= fs and _SHARE_AT_AFTER.match(text, x[1])), default=None,
                    key=lambda x: x[1])
        if owner is not None and not re.fullmatch(r"\s+at\s+(?:about\s+|around\s+|nearly\s+|some\s+)?", text[owner[1]:fs]):
            owner = None
        if owner is not None:
            return owner[2]  # "with Turkey at 17%"
    if text[ctx.start] == "|":
        # a table row is one record: its figures share the groups and forces its cells name
        # ("| 6 January | Débé | Mouhoun | 13 | 7 | JNIM | Ambush ... |")
        return _fmt([x[2] for x in ctx.actors if _visible(ctx, x[0], fs, True)])
    segs = _merge_segments(text, segs, fig_positions)
    idx = _seg_index(segs, fs)
    actors = [x for x in ctx.actors if _visible(ctx, x[0], fs, True)]
    found: list[str] = []
    a0, b0 = segs[idx]
    if sum(1 for q in fig_positions if a0 <= q < b0) >= 2:
        # several figures in one clause: an actor right after the figure is its own
        # ("6,000 for JNIM and 2,000 for ISSP")
        nxt = sorted([x for x in actors if fe <= x[0] < b0], key=lambda x: x[0])
        if nxt and _DIRECT_PLACE.fullmatch(text[fe:nxt[0][0]]) and not any(fe <= q < nxt[0][0] for q in fig_positions):
            chosen = [nxt[0]]
            for x in nxt[1:]:
                if x[0] == chosen[-1][0] or re.fullmatch(r"\s*(?:" + _FORCE_WORDS + r")?\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?",
                                                         text[chosen[-1][1]:x[0]], re.I):
                    chosen.append(x)
            return _fmt([x[2] for x in chosen] + [x[2] for x in ctx.acting if x[0] < b0 and _visible(ctx, x[0], fs, True)])
        # coordinated sub-clauses each naming their own actor:
        # "attacks by X made up 54%, and attacks by Y 31%"
        qs = sorted(q for q in fig_positions if a0 <= q < b0)
        cuts = [a0]
        for q1, q2 in zip(qs, qs[1:]):
            cm = None
            for cm in _COORD.finditer(text, q1, q2):
                pass
            if cm is None:
                cuts = []
                break
            cuts.append(cm.start())
        if cuts:
            cuts.append(b0)
            subs = list(zip(cuts, cuts[1:]))
            per = [sorted({x[2] for x in actors if a <= x[0] < b}) for a, b in subs]
            if all(per) and len({tuple(p) for p in per}) == len(per):
                k = max(i for i, (a, _) in enumerate(subs) if a <= fs)
                return _fmt(per[k] + [x[2] for x in ctx.acting if x[0] < b0 and _visible(ctx, x[0], fs, True)
                                      and x[2] not in {y for p in per for y in p}])
    owners = [q for q in owner_positions if a0 <= q < b0]
    if len(owners) >= 2 and fs in owners:
        # actors named after a later figure of the clause are that figure's
        # ("41 per cent to armed groups and 37 per cent to the army")
        def owner(x):
            before = [q for q in owners if q < x[0]]
            return before[-1] if before else None
        actors = [x for x in actors if not (a0 <= x[0] < b0) or owner(x) is None or owner(x) <= fs]
    sent_words = text[segs[0][0]:fs].split()
    if idx == 0 and len(sent_words) <= 6 and not any(x[0] < segs[idx][1] for x in actors):
        # the figure is in the sentence's subject: the actors of the rest of it
        found = [x[2] for x in actors]
    else:
        semi0 = text.rfind(";", ctx.start, fs)
        relative: list[str] = []
        if idx > 0 and _RELATIVE_CLAUSE.match(text, segs[idx][0], segs[idx][1]):
            before_clause = [m for m in ctx.places if m.end <= segs[idx][0]]
            if before_clause and before_clause[-1].end >= segs[idx][0] - 3 \
                    and not any(segs[idx][0] <= x[0] < segs[idx][1] for x in actors):
                # "... towns, among them Djibo and Arbinda, whose population was 150,000": the places', no actor
                semi0 = max(semi0, segs[idx][0])
        for k in [idx] + list(range(idx - 1, -1, -1)):
            a, b = segs[k]
            if b <= semi0:
                break  # not across a semicolon
            acts = [x[2] for x in actors if a <= x[0] < b]
            if acts and k != idx and k > 0 and _RELATIVE_CLAUSE.match(text, a, b):
                # "The Africa Corps, which replaced Wagner in 2024, numbers 2,000 men": the
                # relative clause's actors only when the clauses before name none
                relative = relative or acts
                continue
            if acts:
                found = acts
                if k == idx:
                    found = found + _listed_after(text, segs, idx, actors, fig_positions)
                break
        if not found and relative:
            found = relative
    # "..., most of them claimed by JNIM": the perpetrator named right after
    nxt_i = idx + 1
    while nxt_i < len(segs) and len(text[segs[nxt_i][0]:segs[nxt_i][1]].split()) <= 1:
        nxt_i += 1  # skip "respectively"
    if not found and nxt_i < len(segs) and _PERPETRATOR_NEXT.match(text, segs[nxt_i][0], segs[nxt_i][1]):
        found = [x[2] for x in actors if segs[nxt_i][0] <= x[0] < segs[nxt_i][1]]
    # an apposition ("Barkhane, a French operation with ...") names its head before it
    if idx > 0 and _ARTICLE_START.match(text[segs[idx][0]:segs[idx][1]]):
        prev = [x for x in actors if segs[idx - 1][0] <= x[0] < segs[idx - 1][1]]
        if prev and text[prev[-1][1]:segs[idx][0]].strip(" ,") == "":
            found = found + [prev[-1][2]]
    # states that act before or in the figure's clause
    b_idx = segs[idx][1]
    semi = text.rfind(";", ctx.start, fs)
    acting = [x[2] for x in ctx.acting if semi < x[0] < b_idx and _visible(ctx, x[0], fs, True)]
    # a subject group at the start of the sentence ("Fighters from X killed ...")
    if found and all(c.isupper() for c in found):
        clause0 = max(segs[0][0], text.rfind(";", ctx.start, fs) + 1)
        head = [x[2] for x in actors if clause0 <= x[0] < clause0 + 40 and x[0] < fs
                and (x[2] in armed_groups or text[clause0:x[0]].strip().lower() in ("the", ""))]
        found = found + head
    # military spending: the states it is spent by are actors, unless a state acting in the
    # clause spends it on the others ("the United Kingdom spent £112 million across Mali and Niger")
    if ctx.spending and not any(_is_state(a) for a in acting):
        loc = location_for(text, ctx, segs, fs, fe, fig_positions)
        if loc:
            # the states spending, not a federated state of one ("Kano State pledged N1bn")
            national = {p.code for p in ctx.places + ctx.weak_places if not p.subnational}
            found = found + [c for c in loc.split(";") if _is_state(c) and c in national]
    return _fmt(found + acting)


def _is_state(code: str) -> bool:
    return len(code) == 3 and code.isupper()


def spending_location(actor: str | None, location: str | None) -> str | None:
    """Spending: where the spending states are, unless it is spent in other states (then there)."""
    states = [a for a in (actor or "").split(";") if _is_state(a)]
    if any(_is_state(c) and c not in states for c in (location or "").split(";")):
        return location
    return _fmt(states) if states else location


_AS_MUCH_AS = r"as\s+(?:much|many|high|low|large|great|big|small)\s+as"  # "twice as much as in 2022"
_COMPARISON_IN_GAP = re.compile(r"\b(?:compared|than|from|versus|vs|against|relative|earlier|previous|same|last|up|down|what)\b"
                                r"|\b" + _AS_MUCH_AS + r"\b", re.I)
_COMPARISON = re.compile(r"\b(?:compared|than|up\s+from|down\s+from|against|versus|vs\.?|same|on\s+the\s+previous|"
                         + _AS_MUCH_AS + r")\b", re.I)


def _is_comparison_date(text: str, segs, d) -> bool:
    """A date named as the base of a comparison ("more than in all of 2022")."""
    return bool(_COMPARISON.search(text, segs[_seg_index(segs, d.start)][0], d.start))


_PERPETRATOR_NEXT = re.compile(
    r"\s*(?:(?:most|many|all|some|half|nearly\s+all|the\s+majority)\s+of\s+(?:them|which|whom)\s+)?(?:were\s+|was\s+)?"
    r"(?:claimed|attributed|blamed|carried\s+out|committed|perpetrated)\s+(?:by|to|on)\b",
    re.I,
)
_PUBLICATION_YEAR = re.compile(r"\s+(?:paper|article|book|edition|issue|briefing|brief)\b", re.I)

_DATE_PREPOSITION_GAP = re.compile(r"(?:\s+[\w'’\-]+){0,6}?\s+(?:in|during|by|for|as\s+of|since|until|at\s+the\s+end\s+of|"
                                   r"at\s+the\s+start\s+of|over|throughout)\s+(?:the\s+)?")


def period_for(text: str, dates, segs, fs: int, fe: int, sent_start: int, sent_end: int, ins=(),
               fig_positions=()):
    """(period_start, period_end) of a figure, per the guidelines: a date right
    after the figure's phrase; the date of its own clause; the sentence's only
    date; the nearest date before; else after. Asides keep their dates."""
    ds = [d for d in dates if sent_start <= d.start < sent_end and d.date_start
          and not _PUBLICATION_YEAR.match(text, d.end)]
    if ins:
        ds = [d for d in ds if not any(a <= d.start < b and not (a <= fs < b) for a, b in ins)]
    if not ds:
        return None, None
    # a date that directly follows the figure's phrase (asides between them skipped:
    # "652 billion CFA francs ($1.1 billion) in 2025"); a figure in an aside without a
    # date of its own reads on after the aside
    own_aside = next(((a, b) for a, b in ins if a <= fs < b), None) if ins else None
    if own_aside and not any(own_aside[0] <= d.start < own_aside[1] for d in ds):
        fe = own_aside[1]
    after = [d for d in ds if d.start >= fe]
    if after:
        d = after[0]
        skipped = [(a, b) for a, b in ins if fe <= a and b <= d.start] if ins else []
        gap = text[fe:d.start]
        if skipped:
            gap, pos = "", fe
            for a, b in skipped:
                gap, pos = gap + text[pos:a], b
            gap += text[pos:d.start]
            fig_positions = [q for q in fig_positions if not any(a <= q < b for a, b in skipped)]
        if _DATE_PREPOSITION_GAP.fullmatch(gap) and not _COMPARISON_IN_GAP.search(gap) \
                and not any(fe <= q < d.start for q in fig_positions):
            return d.date_start, d.date_end
    idx = _seg_index(segs, fs)
    a, b = segs[idx]
    inseg = [d for d in ds if a <= d.start < b and d.end <= fs]
    if inseg:
        d = inseg[-1]
        return d.date_start, d.date_end
    if len(ds) == 1:
        return ds[0].date_start, ds[0].date_end
    before = [d for d in ds if d.end <= fs]
    if before:
        d = before[-1]
    else:
        later = [d for d in ds if not _is_comparison_date(text, segs, d)]
        if not later:
            return None, None
        d = later[0]
    return d.date_start, d.date_end
