"""Views of a validation result that are plain text: JSON, GitHub annotations + job summary, JUnit XML.

Every value is escaped for its channel by :mod:`regioplan.veilig` (annotations:
:func:`~regioplan.veilig.github`, summary: :func:`~regioplan.veilig.markdown_cel`, JUnit:
:func:`~regioplan.veilig.xml`); JSON keeps the exact values.

The terminal view is in the CLI (it needs rich); these need nothing but the standard library, so the
library can produce them too and tests can compare them with the library result.
"""

from __future__ import annotations

import json
from xml.etree.ElementTree import Element, SubElement, tostring

from . import veilig
from .bevindingen import FOUT, Bevinding, per_bestand
from .controles import ONLEESBAAR, ONTBREEKT, Validatie


def als_json(validatie: Validatie) -> str:
    return json.dumps(validatie.als_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


MAX_ANNOTATIES = 100  #: GitHub shows 10 per type per step and 50 per job; the rest would only fill the log
MAX_SAMENVATTING = 1024 * 1024 - 64 * 1024  #: bytes; GitHub refuses a job summary over 1 MiB
#: GitHub shows at most 10 annotations of each type per step: a code found more often than this is folded
#: into one annotation (the step summary still lists every finding).
VOUWGRENS = 3


def als_github(validatie: Validatie, map_prefix: str = "") -> str:
    """GitHub Actions workflow commands, ordered so that the ones that matter come first.

    GitHub shows 10 annotations per type per step.

    Errors first, then warnings; within each, the rarest codes first (a code found once is more specific than
    one found for 44 gemeenten). A code with more than :data:`VOUWGRENS` findings becomes one annotation that
    counts them and names the first places; ``als_markdown`` (the step summary) keeps all of them. Past
    :data:`MAX_ANNOTATIES` one notice says how many more there are.
    """
    per_code: dict[tuple[str, str], list[Bevinding]] = {}
    for b in validatie.bevindingen:
        per_code.setdefault((b.ernst, b.code), []).append(b)
    volgorde = sorted(per_code, key=lambda k: (k[0] != FOUT, len(per_code[k]), list(per_code).index(k)))
    regels = []
    for ernst, code in volgorde:
        lijst = per_code[(ernst, code)]
        soort = "error" if ernst == FOUT else "warning"
        if len(lijst) <= VOUWGRENS:
            for b in lijst:
                bestand = f"{map_prefix}{b.bestand}" if b.bestand else ""
                regels.append(
                    _annotatie(soort, bestand, f"{b.code} {b.plaats}".strip(), f"{b.bericht} Hint: {b.hint}")
                )
            continue
        bestanden = sorted({b.bestand for b in lijst if b.bestand})
        eerste = lijst[0]
        voorbeelden = "; ".join(f"{b.bestand or '(map)'} {b.plaats}".strip() for b in lijst[:3])
        tekst = (
            f"{sum(b.aantal for b in lijst)} keer in {len(bestanden) or 1} bestand(en), "
            f"onder meer: {voorbeelden}. Eerste: {eerste.bericht} Hint: {eerste.hint} "
            "Alle meldingen staan in de samenvatting van de run."
        )
        bestand = f"{map_prefix}{bestanden[0]}" if len(bestanden) == 1 else ""
        regels.append(_annotatie(soort, bestand, f"{code} ({len(lijst)}x)", tekst))
    if len(regels) > MAX_ANNOTATIES:
        rest = len(regels) - MAX_ANNOTATIES
        regels = regels[:MAX_ANNOTATIES]
        regels.append(f"::notice::En nog {rest} meldingen; alle staan in de samenvatting van deze job.")
    return "\n".join(regels) + ("\n" if regels else "")


def _annotatie(soort: str, bestand: str, titel: str, tekst: str) -> str:
    eig = [f"title={veilig.github(titel, eigenschap=True)}"]
    if bestand:
        eig.insert(0, f"file={veilig.github(bestand, eigenschap=True)}")
    return f"::{soort} {','.join(eig)}::{veilig.github(tekst)}"


def als_markdown(validatie: Validatie) -> str:
    """A Markdown job summary (GitHub shows only 10 annotations per type; this lists them all)."""
    r = [
        f"## regioplan valideer: {validatie.samenvatting()}",
        "",
        "| Bestand | Gemeente | Status | Fouten | Waarschuwingen |",
        "|---|---|---|---:|---:|",
    ]
    for o in validatie.overzicht:
        status = f"{o['status']}: {o['reden']}" if o.get("reden") else o["status"]
        r.append(
            f"| {_md(o['bestand'] or '–')} | {_md(o['gemeente'])} | {_md(status)} | {o['fouten']} | "
            f"{o['waarschuwingen']} |"
        )
    if validatie.bevindingen:
        r += ["", "| Ernst | Code | Bestand | Plaats | Bericht | Hint |", "|---|---|---|---|---|---|"]
        grootte = sum(len(x.encode()) + 1 for x in r)
        for i, b in enumerate(validatie.bevindingen):
            regel = (
                f"| {b.ernst} | `{b.code}` | {_md(b.bestand)} | {_md(b.plaats)} | {_md(b.bericht)} | "
                f"{_md(b.hint)} |"
            )
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
    skipped case per gemeente without a workbook, and a ``(map)`` case for findings about the folder. An
    unreadable workbook of a gemeente is one case named after both (``almelo.xlsx (Almelo)``)."""
    suite = Element("testsuite", name="regioplan valideer")
    per = per_bestand(validatie.bevindingen)
    for o in validatie.overzicht:
        if o["status"] == ONTBREEKT:
            case = SubElement(
                suite, "testcase", classname="regioplan.valideer", name=_x(f"{o['gemeente']} (geen werkboek)")
            )
            SubElement(case, "skipped", message="geen uitvraag-werkboek aangeleverd")
            continue
        naam = f"{o['bestand']} ({o['gemeente']})" if o["status"] == ONLEESBAAR else o["bestand"]
        _junit_geval(suite, naam, per.get(o["bestand"], []))
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


def _junit_geval(suite: Element, naam: str, eigen: list[Bevinding]) -> None:
    case = SubElement(suite, "testcase", classname="regioplan.valideer", name=_x(naam))
    fouten = [b for b in eigen if b.ernst == FOUT]
    if fouten:
        f = SubElement(case, "failure", message=f"{len(fouten)} fout(en)", type="regioplan")
        f.text = "\n".join(_x(_junit_regel(b) + f" Hint: {b.hint}") for b in fouten)
    overig = [b for b in eigen if b.ernst != FOUT]
    if overig:
        SubElement(case, "system-out").text = "\n".join(_x("waarschuwing " + _junit_regel(b)) for b in overig)


def _junit_regel(b: Bevinding) -> str:
    return f"{b.code} {b.plaats}: {b.bericht}" if b.plaats else f"{b.code}: {b.bericht}"
