"""Mentions of places and actors, with canonical ids."""

from sahel_data.extract import extract_document
from sahel_data.extract.gazetteer import load_gazetteer


def mentions(text):
    return [(m["text"], m["entity_id"], m["entity_type"]) for m in extract_document("t", text, None)["mentions"]]


def test_countries_are_iso3_with_aliases():
    got = mentions("Troops from Chad, Côte d'Ivoire, Ivory Coast and the Russian Federation met in Mali.")
    assert ("Chad", "TCD", "country") in got
    assert ("Côte d'Ivoire", "CIV", "country") in got
    assert ("Ivory Coast", "CIV", "country") in got
    assert ("Russian Federation", "RUS", "country") in got
    assert ("Mali", "MLI", "country") in got


def test_countries_come_from_pycountry_too():
    got = mentions("Observers came from Norway and Uruguay.")
    assert ("Norway", "NOR", "country") in got and ("Uruguay", "URY", "country") in got


def test_demonyms_map_to_their_country():
    got = mentions("The Malian army and Burkinabe volunteers met Nigerien officials.")
    assert ("Malian", "MLI", "country") in got
    assert ("Burkinabe", "BFA", "country") in got
    assert ("Nigerien", "NER", "country") in got


def test_armed_groups_forces_and_organisations():
    got = mentions(
        "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) fought the Islamic State Sahel Province, "
        "while the Wagner Group, the Africa Corps, ECOWAS and the African Union watched."
    )
    ids = {g[1] for g in got}
    assert {"jnim", "iss-sahel", "wagner-group", "africa-corps", "ecowas", "african-union"} <= ids
    assert ("ECOWAS", "ecowas", "organisation") in got


def test_regions_and_cities():
    got = mentions("From Gao to the Lake Chad Basin and Liptako-Gourma, across West Africa and worldwide.")
    assert ("Gao", "gao", "city") in got
    assert ("Lake Chad Basin", "lake-chad-basin", "region") in got
    assert ("Liptako-Gourma", "liptako-gourma", "region") in got
    assert ("West Africa", "west-africa", "region") in got
    assert ("worldwide", "world", "region") in got


def test_no_mention_inside_a_longer_one():
    got = mentions("The Central African Republic and the Islamic State West Africa Province clashed.")
    texts = [g[0] for g in got]
    assert "Central African Republic" in texts and "Islamic State West Africa Province" in texts
    assert "Africa" not in texts and "Islamic State" not in texts and "African" not in texts


def test_case_matters_for_short_names():
    got = mentions("Let us chad on; the niger seeds and Niger.")
    assert [g[1] for g in got] == ["NER"]


def test_gazetteer_is_a_readable_sorted_data_file():
    import csv
    from sahel_data.extract.gazetteer import GAZETTEER_PATH
    rows = list(csv.DictReader(open(GAZETTEER_PATH, encoding="utf-8")))
    assert {"entity_id", "entity_type", "name", "aliases", "country", "demonyms"} <= set(rows[0])
    ids = [r["entity_id"] for r in rows]
    assert len(ids) == len(set(ids))
    g = load_gazetteer()
    assert g.entities["gao"].country == "MLI"


def test_persons():
    got = mentions("Captain Ibrahim Traoré received Vladimir Putin's envoy.")
    assert ("Ibrahim Traoré", "ibrahim-traore", "person") in got
    assert ("Vladimir Putin", "vladimir-putin", "person") in got
