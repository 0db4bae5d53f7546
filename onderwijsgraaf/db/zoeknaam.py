"""The normalised forms of a name: ``zoeknaam`` (the ``zoeknaam`` columns, the order by name)
and ``zoekvorm`` (what name search compares: every name and every query)."""

from __future__ import annotations

import unicodedata

# Apostrophes of every kind: straight, curly (right, left, reversed), grave, acute, prime and
# the modifier letters; they are left out ('s-Gravenhage → s gravenhage, Jan's → jans).
APOSTROPHES = "'\u2019\u2018\u201b`\u00b4\u2032\u02bc\u02bb\u02b9"
# Whole words written in more than one way, and the one way search compares.
SAME_WORD = {"st": "sint"}


def zoeknaam(text: str) -> str:
    """Lower case, without accents, with single spaces: "Café  De Ölmühle" → "cafe de olmuhle"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().split())


def zoekvorm(text: str) -> str:
    """The search form of a name or a query: words of letters and digits, single spaces.

    1. Apostrophes are left out (``APOSTROPHES``): ``‘s-Gravendreef`` → ``s gravendreef``.
    2. Compatibility forms are unfolded and accents left out (Unicode NFKD), then case is
       folded: ``Eben-Haëzer`` → ``eben-haezer``, ``ﬁ`` → ``fi``, ``ß`` → ``ss``.
    3. Every other character that is not a letter or a digit (hyphens, dots, commas, slashes,
       brackets, ``&``, …) separates words: ``st.jozef`` → ``st jozef``.
    4. Single letters in a row become one word: ``R.K.`` and ``R K`` → ``rk``, ``o.b.s.`` →
       ``obs`` (a single letter before a longer word stays: ``s gravenhage``).
    5. ``St`` becomes ``sint`` (``SAME_WORD``): ``St. Jozef``, ``St Jozef``, ``Sint-Jozef`` and
       ``st.jozef`` all become ``sint jozef``.
    """
    kept = "".join(char for char in text if char not in APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", kept)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    words = "".join(char if char.isalnum() else " " for char in plain).split()
    return " ".join(SAME_WORD.get(word, word) for word in _letters_joined(words))


def _letters_joined(words: list[str]) -> list[str]:
    """Runs of two or more single letters as one word: ["r", "k", "school"] → ["rk", "school"]."""
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            joined += ["".join(run)] if len(run) > 1 else run
            run = []
        if word:
            joined.append(word)
    return joined
