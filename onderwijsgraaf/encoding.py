"""How the API writes JSON: UTF-8 without spaces, non-ASCII as is, floats as Python's ``repr``.
Both ways of answering (resolvers and compiled statements) write exactly these bytes."""

from __future__ import annotations

import json


def encode_json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def script_json(data: object) -> str:
    """``data`` as JSON to put inside an HTML ``<script>`` element: every ``<`` written as
    ``\\u003c``, so no value can close the element or open a comment."""
    return json.dumps(data).replace("<", "\\u003c")
