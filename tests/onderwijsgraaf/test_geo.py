"""Points, boxes and distances: the box around a circle holds the whole circle."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.geo import MAX_STRAAL_KM, Bbox, Punt, afstand_km, straal
from tests.vincenty import vincenty_km


@pytest.mark.parametrize(
    "centre", [Punt(52.0886, 5.1174), Punt(53.35, 6.60), Punt(-33.9, 18.4), Punt(78.2, 15.6)]
)
@pytest.mark.parametrize("straal_km", [0.5, 5.0, 42.0, MAX_STRAAL_KM])
def test_box_around_holds_every_point_of_the_circle(centre: Punt, straal_km: float) -> None:
    box = Bbox.around(centre, straal_km)
    for bearing in range(0, 360, 3):
        edge = geodesic(kilometers=straal_km).destination((centre.lat, centre.lon), bearing)
        assert box.min_lat <= edge.latitude <= box.max_lat, bearing
        assert box.min_lon <= edge.longitude <= box.max_lon, bearing


def test_box_around_is_not_much_larger_than_the_circle() -> None:
    centre = Punt(52.0886, 5.1174)
    box = Bbox.around(centre, 10)
    height = afstand_km(Punt(box.min_lat, centre.lon), Punt(box.max_lat, centre.lon))
    width = afstand_km(Punt(centre.lat, box.min_lon), Punt(centre.lat, box.max_lon))
    assert 20 <= height <= 20.2
    assert 20 <= width <= 20.2


def test_box_near_a_pole_spans_all_longitudes() -> None:
    box = Bbox.around(Punt(89.9, 0), 50)
    assert (box.min_lon, box.max_lon, box.max_lat) == (-180, 180, 90)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Punt(52.0908, 5.1217), Punt(52.3731, 4.8926)),  # Utrecht Dom, Amsterdam Dam
        (Punt(50.8503, 5.6882), Punt(53.2167, 6.5697)),  # Maastricht, Groningen
        (Punt(52.0886, 5.1174), Punt(52.0887, 5.1175)),  # some 13 metres
    ],
)
def test_distance_is_the_geodesic_on_wgs84_in_km(a: Punt, b: Punt) -> None:
    assert afstand_km(a, b) == pytest.approx(vincenty_km(a.lat, a.lon, b.lat, b.lon), abs=1e-6)


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [(91, 5, "punt.lat: 91"), (-90.5, 5, "punt.lat"), (52, 181, "punt.lon: 181")],
)
def test_a_point_off_the_globe_is_refused(lat: float, lon: float, message: str) -> None:
    with pytest.raises(BadUserInput, match=message):
        Punt.checked(lat, lon)


@pytest.mark.parametrize("value", [0, -1, 100.001, float("inf"), float("nan")])
def test_a_radius_out_of_range_is_refused(value: float) -> None:
    with pytest.raises(BadUserInput, match=r"nabij.straalKm: .* at most 100 km"):
        straal(value)


@pytest.mark.parametrize(
    ("box", "message"),
    [
        ((6, 52, 5, 53), "minLon 6 is east of maxLon 5"),
        ((5, 53, 6, 52), "minLat 53 is north of maxLat 52"),
        ((5, 52, 6, 95), "bbox.max.lat: 95"),
    ],
)
def test_a_bbox_must_be_west_south_east_north(
    box: tuple[float, float, float, float], message: str
) -> None:
    with pytest.raises(BadUserInput, match=message):
        Bbox.checked(*box)
