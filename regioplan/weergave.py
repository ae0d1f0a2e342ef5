"""Views of a validation result that are plain text: JSON, GitHub annotations + job summary, JUnit XML.

The terminal view is in the CLI (it needs rich); these need nothing but the standard library, so the
library can produce them too and tests can compare them with the library result.
"""

from __future__ import annotations

import json
from xml.etree.ElementTree import Element, SubElement, tostring

from .bevindingen import FOUT
from .controles import Validatie


def als_json(validatie: Validatie) -> str:
    return json.dumps(validatie.als_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _gh(tekst: str, eigenschap: bool = False) -> str:
    tekst = tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if eigenschap:
        tekst = tekst.replace(":", "%3A").replace(",", "%2C")
    return tekst


def als_github(validatie: Validatie, map_prefix: str = "") -> str:
    """GitHub Actions workflow commands: one annotation per finding, ``Blad!B7`` in the title."""
    regels = []
    for b in validatie.bevindingen:
        soort = "error" if b.ernst == FOUT else "warning"
        bestand = f"{map_prefix}{b.bestand}" if b.bestand else ""
        titel = f"{b.code} {b.plaats}".strip()
        eig = [f"title={_gh(titel, True)}"]
        if bestand:
            eig.insert(0, f"file={_gh(bestand, True)}")
        regels.append(f"::{soort} {','.join(eig)}::{_gh(b.bericht + ' Hint: ' + b.hint)}")
    return "\n".join(regels) + ("\n" if regels else "")


def als_markdown(validatie: Validatie) -> str:
    """A Markdown job summary (GitHub shows only 10 annotations per type; this lists them all)."""
    r = [f"## regioplan valideer: {validatie.samenvatting()}", "", "| Bestand | Gemeente | Status | Fouten | Waarschuwingen |",
         "|---|---|---|---:|---:|"]
    for o in validatie.overzicht:
        r.append(f"| {_md(o['bestand'])} | {_md(o['gemeente'])} | {o['status']} | {o['fouten']} | {o['waarschuwingen']} |")
    if validatie.bevindingen:
        r += ["", "| Ernst | Code | Bestand | Plaats | Bericht | Hint |", "|---|---|---|---|---|---|"]
        for b in validatie.bevindingen:
            r.append(f"| {b.ernst} | `{b.code}` | {_md(b.bestand)} | {_md(b.plaats)} | {_md(b.bericht)} | {_md(b.hint)} |")
    return "\n".join(r) + "\n"


def _md(tekst: str) -> str:
    return str(tekst).replace("|", "\\|").replace("\n", " ")


def als_junit(validatie: Validatie) -> str:
    """JUnit XML: one test case per file, a failure per fout, warnings as system-out."""
    suite = Element("testsuite", name="regioplan valideer", tests=str(len(validatie.overzicht)),
                    failures=str(sum(1 for o in validatie.overzicht if o["fouten"])), errors="0", skipped="0")
    per: dict[str, list] = {}
    for b in validatie.bevindingen:
        per.setdefault(b.bestand, []).append(b)
    for o in validatie.overzicht:
        case = SubElement(suite, "testcase", classname="regioplan.valideer", name=o["bestand"])
        eigen = per.get(o["bestand"], [])
        fouten = [b for b in eigen if b.ernst == FOUT]
        if fouten:
            f = SubElement(case, "failure", message=f"{len(fouten)} fout(en)", type="regioplan")
            f.text = "\n".join(f"{b.code} {b.plaats}: {b.bericht} Hint: {b.hint}" for b in fouten)
        overig = [b for b in eigen if b.ernst != FOUT]
        if overig:
            SubElement(case, "system-out").text = "\n".join(f"waarschuwing {b.code} {b.plaats}: {b.bericht}" for b in overig)
    algemeen = per.get("", [])
    if algemeen:
        case = SubElement(suite, "testcase", classname="regioplan.valideer", name="(map)")
        fouten = [b for b in algemeen if b.ernst == FOUT]
        if fouten:
            SubElement(case, "failure", message=f"{len(fouten)} fout(en)", type="regioplan").text = "\n".join(
                f"{b.code}: {b.bericht}" for b in fouten)
        suite.set("tests", str(len(validatie.overzicht) + 1))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(suite, encoding="unicode") + "\n"
