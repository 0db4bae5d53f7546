"""Points, distances and boxes on the WGS84 ellipsoid.

Distances are geodesic (geopy, Karney's method). A radius search first asks the database for
the rows inside a box that surely holds the whole circle (an indexed range query on latitude
and longitude), then measures each candidate exactly; only the box depends on the radius, so
the cost does not grow with the size of the country.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from geopy.distance import geodesic

from onderwijsgraaf.errors import BadUserInput

MAX_STRAAL_KM = 100.0
# Lower bounds of the length of one degree on WGS84: of latitude (at the equator) and of
# longitude per cos(latitude) (the ellipsoid's parallels are longer than the sphere's).
KM_PER_DEGREE_LATITUDE = 110.57
KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.31


@dataclass(frozen=True)
class Punt:
    lat: float
    lon: float

    @classmethod
    def checked(cls, lat: float, lon: float, where: str = "punt") -> Punt:
        if not (math.isfinite(lat) and -90 <= lat <= 90):
            raise BadUserInput(f"{where}.lat: {lat} is not a latitude between -90 and 90")
        if not (math.isfinite(lon) and -180 <= lon <= 180):
            raise BadUserInput(f"{where}.lon: {lon} is not a longitude between -180 and 180")
        return cls(lat, lon)


@dataclass(frozen=True)
class Bbox:
    """A box in OGC order: west, south, east, north (degrees WGS84)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def checked(cls, min_lon: float, min_lat: float, max_lon: float, max_lat: float) -> Bbox:
        Punt.checked(min_lat, min_lon, "bbox.min")
        Punt.checked(max_lat, max_lon, "bbox.max")
        if min_lon > max_lon:
            raise BadUserInput(
                f"bbox: minLon {min_lon} is east of maxLon {max_lon}; give west, south, east, north"
            )
        if min_lat > max_lat:
            raise BadUserInput(
                f"bbox: minLat {min_lat} is north of maxLat {max_lat}; give west, south, east, north"
            )
        return cls(min_lon, min_lat, max_lon, max_lat)

    @classmethod
    def around(cls, centre: Punt, straal_km: float) -> Bbox:
        """A box holding every point within ``straal_km`` of ``centre`` (slightly larger)."""
        dlat = straal_km / KM_PER_DEGREE_LATITUDE
        min_lat, max_lat = max(centre.lat - dlat, -90.0), min(centre.lat + dlat, 90.0)
        # A parallel is shortest on the box's edge furthest from the equator.
        cos_edge = math.cos(math.radians(max(abs(min_lat), abs(max_lat))))
        if cos_edge * KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * 180 <= straal_km:
            return cls(-180.0, min_lat, 180.0, max_lat)
        dlon = straal_km / (KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * cos_edge)
        return cls(max(centre.lon - dlon, -180.0), min_lat, min(centre.lon + dlon, 180.0), max_lat)


def straal(straal_km: float) -> float:
    if not (math.isfinite(straal_km) and 0 < straal_km <= MAX_STRAAL_KM):
        raise BadUserInput(
            f"nabij.straalKm: {straal_km} is out of range; give more than 0 and at most "
            f"{MAX_STRAAL_KM:g} km"
        )
    return straal_km


def afstand_km(a: Punt, b: Punt) -> float:
    """The geodesic distance between two points on WGS84, in kilometres."""
    return geodesic_km(a.lat, a.lon, b.lat, b.lon)


@lru_cache(maxsize=65_536)
def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """``afstand_km`` of two points given as numbers. Remembered for the most recent pairs:
    paging through a radius search, or searching around the same postcode again, measures the
    same pairs (each measurement takes about 40 µs)."""
    return float(_WGS84.measure((lat1, lon1), (lat2, lon2)))


_WGS84 = geodesic()
