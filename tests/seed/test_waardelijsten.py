"""DUO's denominatie labels in RIO codes, and the onderwijsconcept a school's name announces."""

from __future__ import annotations

import pytest

from onderwijsgraaf.db.waardelijsten import DENOMINATIE
from seed.waardelijsten import denominatie_codes, onderwijsconcept_uit_naam

DUO_LABELS = {"Openbaar": "OPB", "Rooms-Katholiek": "RK", "Protestants-Christelijk": "PC"}


@pytest.mark.parametrize(
    ("label", "codes"),
    [
        ("Openbaar", ["OPB"]),
        ("Samenwerking PC, RK", ["PC", "RK"]),
        ("Samenwerking Opb., PC, RK, Alg", ["OPB", "PC", "RK", "ABZ"]),
        ("Samenwerking RK, Alg. Bijz.", ["RK", "ABZ"]),
        ("Gereformeerd vrijgemaakt / Eva", ["GEV", "EVA"]),
    ],
)
def test_duo_labels_become_rio_denominatie_codes(label: str, codes: list[str]) -> None:
    found = denominatie_codes(label, DUO_LABELS)
    assert found == codes
    assert set(found) <= DENOMINATIE.keys()


def test_an_unknown_label_is_not_guessed() -> None:
    assert denominatie_codes("Pastafari", DUO_LABELS) is None
    assert denominatie_codes("Samenwerking PC, Pastafari", DUO_LABELS) is None


@pytest.mark.parametrize(
    ("naam", "concept"),
    [
        ("Openbare Montessorischool De Zeven Zeeën", "MONTESSORI"),
        ("Daltonschool Het Kompas", "DALTON"),
        ("Jena Plan school De Zonnewijzer", "JENAPLAN"),
        ("Vrije School Zutphen", "VRIJESCHOOL"),
        ("Rudolf Steiner School", "VRIJESCHOOL"),
        ("Freinetschool Delft", "FREINET"),
        ("Agora Roermond", "AGORA"),
        ("Basisschool De Regenboog", None),
        ("Agorafobie-vrije basisschool", None),
    ],
)
def test_onderwijsconcept_from_the_name(naam: str, concept: str | None) -> None:
    assert onderwijsconcept_uit_naam(naam) == concept
