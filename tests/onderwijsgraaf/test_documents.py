"""Trusted documents: queries known by their SHA-256 hash, registered by the CLI or a POST."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from onderwijsgraaf.settings import ROOT
from tests.conftest import Target, serving

DOCUMENT = """query Kaart($gemeente: [String!]) {
  onderwijslocaties(filter: {gemeentecode: $gemeente, sector: [PO]}, first: 5) {
    totalCount
    geojson { type features { type id geometry { type coordinates } properties { code } } }
  }
}
"""
SHA = hashlib.sha256(DOCUMENT.encode()).hexdigest()
VARIABLES = json.dumps({"gemeente": ["0344"]})


def apq(sha: str) -> str:
    return json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha}})


@pytest.fixture
def registered(tmp_path: Path) -> Path:
    """A documents folder in which the CLI registered DOCUMENT."""
    file = tmp_path / "kaart.graphql"
    file.write_text(DOCUMENT, encoding="utf-8")
    documents = tmp_path / "documents"
    added = subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", "documents", "add", str(file)],
        cwd=ROOT,
        env={**os.environ, "TRUSTED_DOCUMENTS_DIR": str(documents)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert added.stdout == f"sha256:{SHA} {file}\n"
    assert (documents / f"{SHA}.graphql").read_text(encoding="utf-8") == DOCUMENT
    return documents


async def test_a_document_registered_by_the_cli_runs_by_its_hash(
    seeded_sqlite: Target, registered: Path
) -> None:
    documents = registered
    async with serving(seeded_sqlite, trusted_documents_dir=documents) as api:
        expected = await api.data(DOCUMENT, json.loads(VARIABLES))
        by_id = await api.client.get(
            "/graphql",
            params={"documentId": f"sha256:{SHA}", "variables": VARIABLES},
            headers={"Accept": "text/html, */*"},
        )
        assert by_id.status_code == 200
        assert by_id.json() == {"data": expected}
        assert by_id.headers["cache-control"].startswith("public")
        assert by_id.headers["etag"]
        by_apq = await api.client.get(
            "/graphql", params={"extensions": apq(SHA), "variables": VARIABLES}
        )
        assert by_apq.json() == {"data": expected}


def test_the_cli_refuses_a_document_that_is_not_valid(tmp_path: Path) -> None:
    file = tmp_path / "fout.graphql"
    file.write_text("{ onderwijslocaties { bestaatNiet } }", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", "documents", "add", str(file)],
        cwd=ROOT,
        env={**os.environ, "TRUSTED_DOCUMENTS_DIR": str(tmp_path / "documents")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 1
    assert f"{file}: Cannot query field 'bestaatNiet'" in refused.stderr
    assert not (tmp_path / "documents").exists()


async def test_an_unknown_hash_is_named_and_not_cached(
    seeded_sqlite: Target, tmp_path: Path
) -> None:
    async with serving(seeded_sqlite, trusted_documents_dir=tmp_path) as api:
        response = await api.client.get("/graphql", params={"documentId": f"sha256:{SHA}"})
        assert response.status_code == 200
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        assert SHA in error["message"]
        assert response.headers["cache-control"] == "no-store"


async def test_a_first_post_registers_the_document(seeded_sqlite: Target, tmp_path: Path) -> None:
    async with serving(seeded_sqlite, trusted_documents_dir=tmp_path) as api:
        post = await api.client.post(
            "/graphql",
            json={
                "query": DOCUMENT,
                "variables": json.loads(VARIABLES),
                "extensions": json.loads(apq(SHA)),
            },
        )
        assert post.status_code == 200
        assert (tmp_path / f"{SHA}.graphql").is_file()
        get = await api.client.get("/graphql", params={"documentId": SHA, "variables": VARIABLES})
        assert get.json() == post.json()


async def test_a_hash_that_does_not_match_its_query_is_refused(
    seeded_sqlite: Target, tmp_path: Path
) -> None:
    wrong = hashlib.sha256(b"something else").hexdigest()
    async with serving(seeded_sqlite, trusted_documents_dir=tmp_path) as api:
        response = await api.client.post(
            "/graphql", json={"query": DOCUMENT, "extensions": json.loads(apq(wrong))}
        )
        assert response.status_code == 400
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert f"{wrong} does not match" in error["message"]
        assert SHA in error["message"]
        assert os.listdir(tmp_path) == []


async def test_only_valid_documents_are_registered_and_only_when_allowed(
    seeded_sqlite: Target, tmp_path: Path
) -> None:
    invalid = "{ bestaatNiet }"
    body: dict[str, Any] = {
        "query": invalid,
        "extensions": json.loads(apq(hashlib.sha256(invalid.encode()).hexdigest())),
    }
    async with serving(seeded_sqlite, trusted_documents_dir=tmp_path) as api:
        response = await api.client.post("/graphql", json=body)
        assert response.json()["errors"]
        assert os.listdir(tmp_path) == []
    closed = tmp_path / "closed"
    async with serving(
        seeded_sqlite, trusted_documents_dir=closed, trusted_documents_from_post=False
    ) as api:
        body = {"query": DOCUMENT, "extensions": json.loads(apq(SHA))}
        assert (await api.client.post("/graphql", json=body)).status_code == 200
        assert not closed.exists()


async def test_a_malformed_hash_is_refused(seeded_sqlite: Target, tmp_path: Path) -> None:
    async with serving(seeded_sqlite, trusted_documents_dir=tmp_path) as api:
        response = await api.client.get("/graphql", params={"documentId": "sha256:xyz"})
        assert response.status_code == 400
        (error,) = response.json()["errors"]
        assert error["message"] == "documentId: 'xyz' is not a sha256 hash (64 hex digits)"
