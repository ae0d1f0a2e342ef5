"""Views of a validation result that are plain text: JSON, GitHub annotations + job summary, JUnit XML.

Every value is escaped for its channel by :mod:`regioplan.veilig` (annotations: :func:`~regioplan.veilig.github`,
summary: :func:`~regioplan.veilig.markdown_cel`, JUnit: :func:`~regioplan.veilig.xml`); JSON keeps the exact
values.

The terminal view is in the CLI (it needs rich); these need nothing but the standard library, so the
library can produce them too and tests can compare them with the library result.
"""

from __future__ import annotations

import json
from xml.etree.ElementTree import Element, SubElement, tostring

from . import veilig
from .bevindingen import FOUT
from .controles import ONTBREEKT, Validatie


def als_json(validatie: Validatie) -> str:
    return json.dumps(validatie.als_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


MAX_ANNOTATIES = 100  #: GitHub shows 10 per type per step and 50 per job; the rest would only fill the log
MAX_SAMENVATTING = 1024 * 1024 - 64 * 1024  #: bytes; GitHub refuses a job summary over 1 MiB


def als_github(validatie: Validatie, map_prefix: str = "") -> str:
    """GitHub Actions workflow commands: one annotation per finding, ``Blad!B7`` in the title; past
    :data:`MAX_ANNOTATIES` one notice says how many more there are (all are in the job summary)."""
    regels = []
    for b in validatie.bevindingen[:MAX_ANNOTATIES]:
        soort = "error" if b.ernst == FOUT else "warning"
        bestand = f"{map_prefix}{b.bestand}" if b.bestand else ""
        titel = f"{b.code} {b.plaats}".strip()
        eig = [f"title={veilig.github(titel, eigenschap=True)}"]
        if bestand:
            eig.insert(0, f"file={veilig.github(bestand, eigenschap=True)}")
        regels.append(f"::{soort} {','.join(eig)}::{veilig.github(b.bericht + ' Hint: ' + b.hint)}")
    if len(validatie.bevindingen) > MAX_ANNOTATIES:
        rest = len(validatie.bevindingen) - MAX_ANNOTATIES
        regels.append(f"::notice::En nog {rest} bevindingen; alle staan in de samenvatting van deze job.")
    return "\n".join(regels) + ("\n" if regels else "")


def als_markdown(validatie: Validatie) -> str:
    """A Markdown job summary (GitHub shows only 10 annotations per type; this lists them all)."""
    r = [
        f"## regioplan valideer: {validatie.samenvatting()}",
        "",
        "| Bestand | Gemeente | Status | Fouten | Waarschuwingen |",
        "|---|---|---|---:|---:|",
    ]
    for o in validatie.overzicht:
        r.append(
            f"| {_md(o['bestand'] or '–')} | {_md(o['gemeente'])} | {o['status']} | {o['fouten']} | {o['waarschuwingen']} |"
        )
    if validatie.bevindingen:
        r += ["", "| Ernst | Code | Bestand | Plaats | Bericht | Hint |", "|---|---|---|---|---|---|"]
        grootte = sum(len(x.encode()) + 1 for x in r)
        for i, b in enumerate(validatie.bevindingen):
            regel = f"| {b.ernst} | `{b.code}` | {_md(b.bestand)} | {_md(b.plaats)} | {_md(b.bericht)} | {_md(b.hint)} |"
            grootte += len(regel.encode()) + 1
            if grootte > MAX_SAMENVATTING:
                rest = len(validatie.bevindingen) - i
                r += [
                    "",
                    f"En nog {rest} bevindingen die hier niet passen (GitHub toont hoogstens 1 MiB); "
                    "alle staan in `regioplan valideer --formaat json`.",
                ]
                break
            r.append(regel)
    return "\n".join(r) + "\n"


def _md(tekst: object) -> str:
    return veilig.markdown_cel(tekst)


def als_junit(validatie: Validatie) -> str:
    """JUnit XML: one test case per file (a failure per file with fouten, warnings as system-out), one
    skipped case per gemeente without a workbook, and a ``(map)`` case for findings about the folder."""
    suite = Element("testsuite", name="regioplan valideer")
    per: dict[str, list] = {}
    for b in validatie.bevindingen:
        per.setdefault(b.bestand, []).append(b)
    for o in validatie.overzicht:
        if o["status"] == ONTBREEKT:
            case = SubElement(
                suite, "testcase", classname="regioplan.valideer", name=_x(f"{o['gemeente']} (geen werkboek)")
            )
            SubElement(case, "skipped", message="geen uitvraag-werkboek aangeleverd")
            continue
        _junit_geval(suite, o["bestand"], per.get(o["bestand"], []))
    if per.get(""):
        _junit_geval(suite, "(map)", per[""])
    gevallen = list(suite.iter("testcase"))
    suite.set("tests", str(len(gevallen)))
    suite.set("failures", str(sum(1 for c in gevallen if c.find("failure") is not None)))
    suite.set("errors", "0")
    suite.set("skipped", str(sum(1 for c in gevallen if c.find("skipped") is not None)))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(suite, encoding="unicode") + "\n"


def _x(tekst: object) -> str:
    return veilig.xml(tekst)


def _junit_geval(suite: Element, naam: str, eigen: list) -> None:
    case = SubElement(suite, "testcase", classname="regioplan.valideer", name=_x(naam))
    fouten = [b for b in eigen if b.ernst == FOUT]
    if fouten:
        f = SubElement(case, "failure", message=f"{len(fouten)} fout(en)", type="regioplan")
        f.text = "\n".join(_x(_junit_regel(b) + f" Hint: {b.hint}") for b in fouten)
    overig = [b for b in eigen if b.ernst != FOUT]
    if overig:
        SubElement(case, "system-out").text = "\n".join(_x("waarschuwing " + _junit_regel(b)) for b in overig)


def _junit_regel(b) -> str:
    return f"{b.code} {b.plaats}: {b.bericht}" if b.plaats else f"{b.code}: {b.bericht}"
