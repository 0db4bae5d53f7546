"""GeoJSON: ``geometrie`` on every locatie and a list page as a FeatureCollection (RFC 7946)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api

LOCATIES = """
{
  onderwijslocaties(filter: {gemeentecode: ["0344"], sector: [PO]}, first: 40, peildatum: "2025-10-01") {
    edges { node { code coordinaten { lat lon } geometrie { type coordinates } } }
    geojson {
      type
      features {
        type id
        geometry { type coordinates }
        properties { code adres { postcode gemeente { code } } onderwijsaanbieders(first: 2) { edges { node { naam } } } }
      }
    }
  }
}
"""


def check_feature_collection(collection: Any) -> None:
    """The structure RFC 7946 asks for, with positions [lon, lat] in the Netherlands."""
    assert collection["type"] == "FeatureCollection"
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry is None or geometry["type"] == "Point"
        if geometry is not None:
            lon, lat = geometry["coordinates"]
            assert 3.2 < lon < 7.3, "longitude first"
            assert 50.7 < lat < 53.6, "latitude second"


async def test_locaties_as_a_feature_collection_with_the_selected_properties(api: Api) -> None:
    page = (await api.data(LOCATIES))["onderwijslocaties"]
    collection = page["geojson"]
    check_feature_collection(collection)
    assert len(collection["features"]) == len(page["edges"]) == 40
    for edge, feature in zip(page["edges"], collection["features"], strict=True):
        node = edge["node"]
        assert feature["id"] == node["code"] == feature["properties"]["code"]
        assert feature["geometry"] == node["geometrie"]
        assert node["geometrie"]["coordinates"] == [
            node["coordinaten"]["lon"],
            node["coordinaten"]["lat"],
        ]
        # exactly the selected fields, nested edges included
        assert set(feature["properties"]) == {"code", "adres", "onderwijsaanbieders"}
        assert set(feature["properties"]["adres"]) == {"postcode", "gemeente"}
        assert feature["properties"]["adres"]["gemeente"] == {"code": "0344"}
        assert feature["properties"]["onderwijsaanbieders"]["edges"]


AANBOD = """
{
  aangebodenOpleidingen(filter: {nabij: {postcode: "9711", straalKm: 2}, sector: [HO]}, first: 30, peildatum: "2025-10-01") {
    edges { node { code onderwijslocatie { geometrie { type coordinates } } } }
    geojson { type features { type id geometry { type coordinates } properties { code afstandKm eigenNaam } } }
  }
}
"""


async def test_aanbod_features_carry_the_point_of_their_locatie(api: Api) -> None:
    page = (await api.data(AANBOD))["aangebodenOpleidingen"]
    collection = page["geojson"]
    check_feature_collection(collection)
    assert len(collection["features"]) == len(page["edges"]) > 5
    for edge, feature in zip(page["edges"], collection["features"], strict=True):
        assert feature["id"] == edge["node"]["code"]
        assert feature["geometry"] == edge["node"]["onderwijslocatie"]["geometrie"]
        assert set(feature["properties"]) == {"code", "afstandKm", "eigenNaam"}
        assert feature["properties"]["afstandKm"] <= 2


async def test_nested_lists_of_locaties_have_geojson_too(api: Api) -> None:
    data = await api.data(
        '{ onderwijsaanbieders(filter: {zoek: "avans hogeschool"}, first: 1) '
        "{ edges { node { onderwijslocaties(first: 10) { totalCount geojson { type features "
        "{ type id geometry { type coordinates } properties { code } } } } } } } }"
    )
    locaties = data["onderwijsaanbieders"]["edges"][0]["node"]["onderwijslocaties"]
    check_feature_collection(locaties["geojson"])
    assert len(locaties["geojson"]["features"]) == min(10, locaties["totalCount"]) > 1
