"""Derived RIO codes: RIO's formats, never a real code, stable, and collision-free."""

from __future__ import annotations

import re

from seed import codes


def test_derived_codes_have_rio_formats_and_start_with_9() -> None:
    patterns = {
        codes.BESTUUR: r"^9\d{2}B\d{3}$",
        codes.AANBIEDER: r"^9\d{2}A\d{3}$",
        codes.GROEP: r"^9\d{2}G\d{3}$",
        codes.LOCATIE: r"^9\d{2}X\d{3}$",
        codes.OPLEIDINGSEENHEID: r"^9\d{3}O\d{4}$",
    }
    for kind, pattern in patterns.items():
        for code in codes.derive_codes(kind, ["16AH00", "25BE01", "x"], set()).values():
            assert re.match(pattern, code), code


def test_a_code_depends_on_its_key_not_on_the_others() -> None:
    alone = codes.derive_codes(codes.AANBIEDER, ["16AH00"], set())
    with_others = codes.derive_codes(codes.AANBIEDER, ["16AH00", "99ZZ00", "00AA01"], set())
    assert alone["16AH00"] == with_others["16AH00"]


def test_collisions_move_to_the_next_free_number_across_calls() -> None:
    taken: set[int] = set()
    first = codes.derive_codes(("A", 0, 1), [str(i) for i in range(6)], taken)
    second = codes.derive_codes(("A", 0, 1), ["x", "y", "z", "w"], taken)
    all_codes = list(first.values()) + list(second.values())
    assert len(set(all_codes)) == 10


def test_uuid_codes_are_stable() -> None:
    assert codes.uuid_code("aanbod", "16AH00") == codes.uuid_code("aanbod", "16AH00")
    assert codes.uuid_code("aanbod", "16AH00") != codes.uuid_code("aanbod", "16AH01")
    assert re.match(r"^[0-9a-f-]{36}$", codes.uuid_code("x"))
