"""The controlebestand ``/controle/<code>.csv|.jsonl``: the findings of ``controle``, every
page, as a file with the documented columns, with the same visibility as /graphql."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import Api
from tests.schema.test_controle import CONTROLE, LARGEST, SMALL, P
from tests.schema.test_private import as_roles, private_api  # noqa: F401 (fixtures)

KOLOMMEN = [
    "regel",
    "ernst",
    "objecttype",
    "objectcode",
    "onderwijsbestuurcode",
    "melding",
    "message",
    "rio_basis",
    "peildatum",
]


async def test_the_file_holds_what_controle_answers(
    private_api: Api,  # noqa: F811 (the fixture imported above)
    dev_keys: Path,
) -> None:
    for roles in [(), (f"bestuur:{LARGEST}",), (f"bestuur:{SMALL}",)]:
        api = as_roles(private_api, dev_keys, *roles)
        data = await api.data(CONTROLE, {"b": LARGEST, "first": 100})
        expected = [
            [
                n["regel"],
                n["ernst"],
                n["objecttype"],
                n["objectcode"],
                n["onderwijsbestuurCode"],
                n["melding"],
                n["message"],
                "; ".join(n["rioBasis"]),
                n["peildatum"],
            ]
            for n in (e["node"] for e in data["controle"]["edges"])
        ]
        assert not data["controle"]["pageInfo"]["hasNextPage"]
        response = await api.client.get(
            f"/controle/{LARGEST}.csv", params={"peildatum": P}, headers=api.headers
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"] == (
            f'attachment; filename="controle-{LARGEST}-{P}.csv"'
        )
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0] == KOLOMMEN
        assert rows[1:] == expected
        assert any(r[0] == "C21" for r in rows) == (roles == (f"bestuur:{LARGEST}",)), roles
        lines = await api.client.get(
            f"/controle/{LARGEST}.jsonl",
            params={"peildatum": P, "regels": "C14,C20,C21", "ernst": "WAARSCHUWING"},
            headers=api.headers,
        )
        assert lines.headers["content-disposition"].endswith(f'{P}.jsonl"')
        found = [json.loads(line) for line in lines.text.splitlines()]
        assert [list(f) for f in found[:1]] == [KOLOMMEN]
        assert [list(f.values()) for f in found] == [e for e in expected if e[0] in ("C20", "C21")]


async def test_bad_input_and_bad_tokens(sqlite_api: Api) -> None:
    for path, wrong in [
        ("/controle/990X440.csv", "onderwijsbestuurcode"),
        ("/controle/990B440.csv?peildatum=1-10-2026", "peildatum"),
        ("/controle/990B440.jsonl?regels=C99", "regels"),
        ("/controle/990B440.jsonl?ernst=ERG", "ernst"),
        ("/controle/990B440.xml", "the file"),
    ]:
        response = await sqlite_api.client.get(path)
        assert response.status_code == 400, path
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["message"].startswith(wrong), error
    response = await sqlite_api.client.get(
        "/controle/990B440.csv", headers={"Authorization": "Bearer garbage"}
    )
    assert response.status_code == 401
    assert "C14" not in response.text
