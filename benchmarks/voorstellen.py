"""Simulate the recommended speed-ups of modules this benchmark does not own, to measure them first.

Why: the hotspots are in code other people own (waarden, bestand, rapport, opmaak). Instead of
guessing, ``python benchmarks/run.py --voorstellen`` applies each proposed change in memory (never on
disk) and measures again, so the report can say what a change is worth before anyone makes it. Each
proposal is small and keeps behaviour identical; ``pas_toe`` checks that where it is cheap to check.
Delete a proposal here once its module has adopted it (``pas_toe`` then reports it as not needed).
"""

from __future__ import annotations

import functools
import sys
import zipfile


def _vervang_overal(oud: object, nieuw: object, naam: str) -> int:
    """Replace a function in every regioplan module that imported it by name."""
    n = 0
    for modnaam, module in list(sys.modules.items()):
        if modnaam.startswith("regioplan") and getattr(module, naam, None) is oud:
            setattr(module, naam, nieuw)
            n += 1
    return n


def normaliseer_cache() -> str:
    """waarden.normaliseer is pure and called ~150.000 times for 342 workbooks with few distinct inputs."""
    from regioplan import waarden

    oud = waarden.normaliseer
    if hasattr(oud, "cache_info"):
        return "al gecachet"
    nieuw = functools.lru_cache(maxsize=16384)(oud)
    return f"{_vervang_overal(oud, nieuw, 'normaliseer')} modules"


class _Bevat:
    """A stand-in for a compiled regex whose ``search`` only answers 'maybe': plain ``bytes in`` tests
    (memchr speed) that match everything the regex matches; a hit still gets the full XML parse."""

    def __init__(self, *naalden: bytes) -> None:
        self.naalden = naalden

    def search(self, data: bytes) -> bool | None:
        return any(n in data for n in self.naalden) or None


def formule_voorfilter() -> str:
    """bestand._bijzondere_cellen runs two regexes over every sheet's XML (40 MB for the national set)."""
    from regioplan.uitvraag import bestand

    if not hasattr(bestand, "_F"):
        return "niet van toepassing"
    bestand._F = _Bevat(b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/")
    if hasattr(bestand, "_FOUT"):
        bestand._FOUT = _Bevat(b't="e"', b"t='e'")
    return "ok"


#: The parts of a workbook that a parser reads besides the worksheets (which _bijzondere_cellen reads anyway).
GEPARSTE_DELEN = ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                  "xl/sharedStrings.xml", "xl/styles.xml")


def dtd_alleen_geparste_delen() -> str:
    """bestand._xml_met_dtd opens every XML part of every workbook (17 per workbook, ~20 % of valideer). The
    proposal: look only at the parts a parser reads, and check the worksheets on the bytes _bijzondere_cellen
    already has. This simulation leaves out that last (nearly free) check, so it slightly flatters."""
    from regioplan.uitvraag import bestand

    if not hasattr(bestand, "_xml_met_dtd"):
        return "niet van toepassing"

    def _xml_met_dtd(zf: zipfile.ZipFile, namen: list[str]) -> str:
        for naam in GEPARSTE_DELEN:
            if naam in namen:
                with zf.open(naam) as f:
                    begin = f.read(4096)
                if b"<!DOCTYPE" in begin or b"<!ENTITY" in begin:
                    return f"'{naam}' bevat een DTD"
        return ""

    bestand._xml_met_dtd = _xml_met_dtd
    return "ok"


def omgeving_cache() -> str:
    """rapport.schrijven.render builds a new Jinja environment per report, so every template is parsed and
    compiled again for every report (about 70 % of the rendering time)."""
    from regioplan.rapport import omgeving, schrijven

    if hasattr(schrijven.maak_omgeving, "cache_info"):
        return "al gecachet"
    schrijven.maak_omgeving = functools.lru_cache(maxsize=8)(omgeving.maak_omgeving)
    return "ok"


def getal_zonder_babel() -> str:
    """opmaak.getal formats whole numbers through Babel (locale parsing on every call); for an int the Dutch
    form is simply Python's grouping with dots. Checked against Babel before it is swapped in."""
    from regioplan import opmaak

    oud = opmaak.getal

    def getal(n: int | None, *, teken: bool = False, leeg: str = "") -> str:
        if isinstance(n, int) and not isinstance(n, bool):
            tekst = format(abs(n), ",").replace(",", ".")
            if n < 0:
                return "-" + tekst
            return ("+" + tekst) if teken and n > 0 else tekst
        return oud(n, teken=teken, leeg=leeg)

    for x in (*range(-1100, 1100), 6325, -1409, 12345678, 10**9):
        for t in (False, True):
            if getal(x, teken=t) != oud(x, teken=t):
                return f"afwijking bij {x}: niet toegepast"
    _vervang_overal(oud, getal, "getal")
    return "ok"


VOORSTELLEN = {
    "waarden.normaliseer met lru_cache": normaliseer_cache,
    "bestand: bytes-voorfilter i.p.v. regex": formule_voorfilter,
    "bestand: DTD-controle alleen op geparste delen": dtd_alleen_geparste_delen,
    "rapport: Jinja-omgeving hergebruiken": omgeving_cache,
    "opmaak.getal: gehele getallen zonder Babel": getal_zonder_babel,
}


def pas_toe() -> dict[str, str]:
    """Apply every proposal; returns what happened per proposal."""
    import regioplan.api  # noqa: F401  (load the modules before patching their names)

    uit = {}
    for naam, fn in VOORSTELLEN.items():
        try:
            uit[naam] = fn()
        except Exception as fout:  # noqa: BLE001 - a module that changed shape: report, do not stop
            uit[naam] = f"niet toegepast: {type(fout).__name__}: {fout}"
    return uit
