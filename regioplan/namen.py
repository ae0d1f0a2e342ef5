"""Names made into identifiers, one rule each: the slug of a name and the anchor of a Markdown heading.

A *slug* (:func:`slug`) is what a name becomes in a key, a file name or an HTML id: the regio key of
a ``regioplan.toml``, ``hof-van-twente.xlsx`` from ``sjabloon``, ``regionaal-plan-twente.md`` and
``#hof-van-twente`` in a report. A *heading anchor* (:func:`kop_anker`) is the id GitHub gives a
Markdown heading, so that links in a table of contents (reports, generated docs) work where the
Markdown is shown.
"""

from __future__ import annotations

import re

from .waarden import normaliseer


def slug(naam: str) -> str:
    """``Hof van Twente`` -> ``hof-van-twente``; ``Súdwest-Fryslân`` -> ``sudwest-fryslan``.

    :func:`~regioplan.waarden.normaliseer` (lower case, accents off, every run of other characters one
    space), then hyphens for the spaces: only ``a-z``, ``0-9`` and single inner hyphens remain. ``""`` when
    the name has no letter or digit (callers that need an id choose their own fallback)."""
    return normaliseer(naam).replace(" ", "-")


_NIET_IN_ANKER = re.compile(r"[^\w\- ]")


def kop_anker(kop: str) -> str:
    """The anchor GitHub gives a Markdown heading: ``3. Asiel & opvang`` -> ``3-asiel--opvang``.

    Lower case; punctuation other than ``-`` and ``_`` dropped (letters with accents stay); each space a
    hyphen, so a dropped character between two spaces leaves two hyphens, as GitHub does. Leading and
    trailing spaces do not count."""
    return _NIET_IN_ANKER.sub("", kop.strip().lower()).replace(" ", "-")


#: The article of an old Dutch place name (``'s-Hertogenbosch``, ``'s-Gravenhage``, ``'t Zandt``): an
#: apostrophe, ``s`` or ``t``, then a hyphen or a space.
_LIDWOORD = re.compile(r"^['’‘`]\s*[st][\s-]+", re.IGNORECASE)


def naamvolgorde(naam: str) -> tuple[str, str]:
    """The sort key of a gemeente (or regio) name in Dutch alphabetical order.

    The article of an old place name does not count: ``'s-Hertogenbosch`` sorts under H and
    ``'s-Gravenhage`` under G (the rule of the Taalunie for alphabetical lists). Case, accents and
    punctuation do not count either (:func:`~regioplan.waarden.normaliseer`: ``Súdwest-Fryslân`` as
    ``sudwest fryslan``); the name itself breaks ties, so the order is total and deterministic.
    Every list of gemeenten by name (workbooks, tables, reports, JSON) uses this one key."""
    return (normaliseer(_LIDWOORD.sub("", naam.strip())), naam)


_REGIO_VOORAF = re.compile(r"^regio\b", re.IGNORECASE)


def regio_titel(naam: str, hoofdletter: bool = True) -> str:
    """``Twente`` -> ``Regio Twente``; a name that already starts with the word (``Regio Utrecht``, the
    default regio of a province with one veiligheidsregio) stays as it is, never ``Regio Regio Utrecht``.
    ``hoofdletter=False`` gives ``regio Twente`` for use inside a sentence."""
    naam = naam.strip()
    if _REGIO_VOORAF.match(naam):
        return naam
    return f"{'Regio' if hoofdletter else 'regio'} {naam}"
