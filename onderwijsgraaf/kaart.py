"""The map page ``/kaart``: locaties matching URL parameters as markers, for use in an iframe.

Parameters: ``gemeente`` (CBS codes), ``postcode`` with ``straal`` (km, default 3), ``sector``
and ``onderwijsconcept`` (comma-separated). The page asks ``/graphql`` over GET (cacheable) for
the locaties as GeoJSON and draws them with Leaflet, served by the app itself; map tiles come
from ``KAART_TEGELS`` (none when empty), and the markers show without them.
"""

from __future__ import annotations

from onderwijsgraaf.encoding import script_json
from onderwijsgraaf.settings import Settings

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Onderwijsgraaf — kaart</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/static/leaflet/leaflet.css">
    <link rel="stylesheet" href="/static/kaart/kaart.css">
  </head>
  <body>
    <div id="kaart" data-status="laden"></div>
    <div id="melding" role="status">Locaties laden… / loading…</div>
    <script id="kaart-instellingen" type="application/json">{settings}</script>
    <script src="/static/leaflet/leaflet.js"></script>
    <script src="/static/kaart/kaart.js"></script>
  </body>
</html>
"""


def kaart_page(settings: Settings) -> str:
    config = {"tegels": settings.kaart_tegels, "attributie": settings.kaart_tegels_attributie}
    return PAGE.format(settings=script_json(config))
