"""The JSON the pages (kaart, toezichtrapport, controlescherm) carry inside a ``<script>``
element cannot end it."""

from __future__ import annotations

import json

from onderwijsgraaf.encoding import script_json

HOSTILE = '</script><script>alert(1)</script><!-- "x"'


def test_script_json_reads_back_and_holds_no_angle_bracket() -> None:
    written = script_json({"tegels": HOSTILE, "lijst": [HOSTILE]})
    assert "<" not in written
    assert json.loads(written) == {"tegels": HOSTILE, "lijst": [HOSTILE]}
