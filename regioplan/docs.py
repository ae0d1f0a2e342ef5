"""Generated documentation: ``docs/cli.md``, ``docs/controles.md``, ``docs/uitvraag.md``, the example rows
in ``docs/handleiding.md`` and the key tables in ``docs/configuratie.md`` (from :mod:`regioplan.configvorm`).

Why generated: the help texts of the commands, the catalogue of findings and the uitvraag schema are each
the single source of what they describe. Copying them into documentation by hand is how a manual starts
to lie. ``python -m regioplan.docs`` (``make docs``) writes the files; ``--controleer`` writes nothing and
exits 1 when a checked-in file differs, so CI and ``tests/test_docs.py`` catch drift.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from .bevindingen import CATALOGUS, FOUT, Bevindingen, Controle
from .namen import kop_anker
from .opmaak import getal
from .uitvoer import schrijf
from .uitvraag.schema import FORMAATVERSIE, OPGAVEN, TOELICHTING_BLAD, UITVRAAG_BLADEN, Blad, Kolom

#: Help is rendered at this terminal width, so the generated text does not depend on who runs it.
BREEDTE = "100"

KOP = (
    "> Gegenereerd door `python -m regioplan.docs` (`make docs`) uit {bron}. Niet met de hand bewerken: {hoe}"
)

#: Markers around the generated block in the (otherwise hand-written) handleiding.
BEGIN = "<!-- regioplan.docs: voorbeeldrijen begin -->"
EIND = "<!-- regioplan.docs: voorbeeldrijen eind -->"

TYPEN = {
    "tekst": "tekst",
    "geheel": "geheel getal, 0 of meer",
    "geheel_neg": "geheel getal, mag negatief",
    "capaciteit": "capaciteit: getal, bereik `550-580` of `onbekend`",
    "datum": "datum `dd-mm-jjjj`",
    "keuze": "keuzelijst",
    "janee": "`ja` of `nee`",
    "lijst": "lijst, gescheiden door `;`",
    "cbs": "CBS-code: `GM` en vier cijfers",
}

GROEPEN = {
    "bestand": "Kan het bestand veilig en volledig gelezen worden?",
    "structuur": "Staan de bladen, kolommen en koppen zoals in het sjabloon?",
    "waarden": "Is elke cel een geldige waarde: getal, datum, keuze uit de lijst?",
    "identiteit": "Van welke gemeente is het werkboek, en hoort die bij de opgaven en de regio-indeling?",
    "samenhang": "Klopt het werkboek als geheel, en de map met alle werkboeken samen?",
}


# --- help texts -------------------------------------------------------------------------------------------


def hulptekst(commando: list[str]) -> str:
    """The ``--help`` of ``regioplan <commando>`` exactly as a user sees it (program name ``regioplan``)."""
    from .cli import _registreer, app

    _registreer()
    oud = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = BREEDTE
    uit = io.StringIO()
    try:
        with contextlib.redirect_stdout(uit):
            code = app(args=[*commando, "--help"], prog_name="regioplan", standalone_mode=False)
    finally:
        if oud is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = oud
    if code not in (0, None):
        raise RuntimeError(f"regioplan {' '.join(commando)} --help gaf exitcode {code}")
    return "\n".join(regel.rstrip() for regel in uit.getvalue().rstrip().splitlines())


def commandos() -> list[tuple[str, str]]:
    """(name, first sentence of the help) of every registered command, sorted by name."""
    from .cli import _registreer, app

    _registreer()
    uit = []
    for info in app.registered_commands:
        naam = info.name or getattr(info.callback, "__name__", "").replace("_", "-")
        tekst = (info.help or info.callback.__doc__ or "").strip()
        uit.append((naam, _eerste_zin(tekst)))
    return sorted(uit)


def _eerste_zin(tekst: str) -> str:
    alinea = tekst.split("\n\n", 1)[0].replace("\n", " ")
    return re.split(r"(?<=[a-z)]\.)\s+(?=[A-Z])", alinea, maxsplit=1)[0]


def cli_md() -> str:
    r = [
        "# Opdrachtregel: `regioplan`",
        "",
        KOP.format(
            bron="de `--help` van elk commando",
            hoe="pas de hulptekst in `regioplan/cli/` aan en genereer opnieuw.",
        ),
        "",
        "Elk commando kent `-h`/`--help`. Exitcodes: 0 = gelukt, 1 = `valideer` keurt de werkboeken af, "
        "2 = gebruiks-, configuratie- of interne fout (met een melding op stderr).",
        "",
        "| Commando | Wat het doet |",
        "|---|---|",
    ]
    lijst = commandos()
    for naam, zin in lijst:
        r.append(f"| [`regioplan {naam}`](#regioplan-{naam}) | {_cel(zin)} |")
    for titel, argv in [("regioplan", [])] + [(f"regioplan {naam}", [naam]) for naam, _ in lijst]:
        r += ["", f"## {titel}", "", "```text", hulptekst(argv), "```"]
    return "\n".join(r) + "\n"


# --- findings ---------------------------------------------------------------------------------------------


def controles_md() -> str:
    r = [
        "# Controles van `regioplan valideer`",
        "",
        KOP.format(
            bron="`regioplan/bevindingen.py` (`CATALOGUS`)", hoe="pas de catalogus aan en genereer opnieuw."
        ),
        "",
        "Elke bevinding heeft een vaste code, een ernst, de plaats (bestand, blad en cel) en een hint. "
        "De ernst bepaalt de exitcode van `regioplan valideer`:",
        "",
        "- **fout**: de inzending is niet bruikbaar zoals ze is; exitcode 1.",
        "- **waarschuwing**: gelezen, maar kijk ernaar; exitcode 1 alleen met `--strikt` (of `--faal-op "
        "waarschuwing`).",
        "",
        "Komt één code meer dan 50 keer voor in één bestand, dan staan de eerste 50 er en telt één bevinding "
        "'En nog N keer …' de rest (met het eerste en laatste vak, en `aantal` in JSON); de tellingen "
        "tellen alles. "
        "Een code die je bewust accepteert, sla je over met `--negeer CODE` (herhaalbaar). "
        "De voorbeeldmeldingen hieronder zijn met voorbeeldwaarden ingevuld; in het echt staan daar de "
        "waarden uit het werkboek.",
        "",
        "| Code | Ernst | Groep |",
        "|---|---|---|",
    ]
    groepen: dict[str, list[Controle]] = {}
    for c in CATALOGUS.values():
        groepen.setdefault(c.groep, []).append(c)
        r.append(f"| [`{c.code}`](#{c.code}) | {c.ernst} | {c.groep} |")
    fouten = sum(1 for c in CATALOGUS.values() if c.ernst == FOUT)
    r += ["", f"{len(CATALOGUS)} controles: {fouten} fouten en {len(CATALOGUS) - fouten} waarschuwingen."]
    for groep, lijst in groepen.items():
        r += ["", f"## Groep {groep}", ""]
        if groep in GROEPEN:
            r += [GROEPEN[groep], ""]
        for c in lijst:
            voorbeeld = Bevindingen().voeg_toe(c.code, **c.voorbeeld)  # type: ignore[arg-type]  # examples may set blad
            assert voorbeeld is not None  # a fresh collection never summarises
            r += [
                f"### {c.code}",
                "",
                f"- **Ernst:** {c.ernst}",
                f"- **Voorbeeld:** {voorbeeld.bericht}",
                f"- **Oplossen:** {voorbeeld.hint}",
                "",
            ]
        r.pop()
    return "\n".join(r) + "\n"


# --- the uitvraag format ----------------------------------------------------------------------------------


def _cel(waarde: object) -> str:
    return str("" if waarde is None else waarde).replace("|", "\\|").replace("\n", " ")


def _keuzes(k: Kolom) -> str:
    return ", ".join(f"`{x}`" for x in k.keuzes)


def voorbeeld(blad: Blad) -> list[str]:
    """A filled-in example of one sheet from the schema's ``voorbeeld`` values, as a Markdown table."""
    if blad.soort == "velden":
        r = ["| Veld (kolom A) | Waarde (kolom B) |", "|---|---|"]
        r += [f"| {_cel(k.kop)} | {_cel(k.voorbeeld)} |" for k in blad.kolommen]
        return r
    return [
        "| " + " | ".join(_cel(k.kop) for k in blad.kolommen) + " |",
        "|" + "---|" * len(blad.kolommen),
        "| " + " | ".join(_cel(k.voorbeeld) for k in blad.kolommen) + " |",
    ]


def _bladtabel(blad: Blad) -> list[str]:
    eerste = "Veld (kolom A)" if blad.soort == "velden" else "Kolom"
    r = [
        f"| {eerste} | Type | Verplicht | Toegestane waarden | Leeg betekent | Uitleg |",
        "|---|---|---|---|---|---|",
    ]
    for k in blad.kolommen:
        leeg = "" if k.standaard is None else f"`{k.standaard}`"
        r.append(
            f"| {_cel(k.kop)} | {TYPEN.get(k.type, k.type)} | {'ja' if k.verplicht else 'nee'} | "
            f"{_keuzes(k)} | "
            f"{leeg} | {_cel(k.uitleg)} |"
        )
    return r


def _blad_md(blad: Blad) -> list[str]:
    if blad.soort == "velden":
        vorm = (
            "Een veldenblad: rij 1 heeft de koppen Veld, Waarde en Uitleg; daaronder staat per regel een "
            "veld "
            "in kolom A en de waarde in kolom B."
        )
    else:
        vorm = (
            "Een tabelblad: de kolomkoppen staan op rij 1, daaronder één rij per item. De volgorde van de "
            "kolommen "
            "mag anders zijn; de koppen niet."
        )
    return [
        "",
        f"## Blad {blad.naam}",
        "",
        f"{blad.uitleg} {vorm}",
        "",
        *_bladtabel(blad),
        "",
        "Ingevuld voorbeeld:",
        "",
        *voorbeeld(blad),
    ]


def _herstel_md() -> list[str]:
    """What the reader repairs silently, repairs with a finding, and refuses (issue #13)."""
    from .uitvraag.bestand import MAX_CELLEN, MAX_KOLOMMEN, MAX_RIJEN
    from .waarden import MAX_GETAL, MAX_TEKST

    return [
        "## Wat de lezer herstelt, meldt of weigert",
        "",
        "Werkboeken worden met de hand ingevuld, in Excel, LibreOffice, WPS of Numbers, en komen via e-mail, "
        "SharePoint en USB-sticks binnen. De lezer leest wat bedoeld is waar dat zeker is, en zegt het "
        "als hij iets herstelt.",
        "",
        "**Stil hersteld** (geen melding):",
        "",
        "- een getal dat door een rekenrest nét geen geheel getal is (`=90*0,7` wordt "
        "62,99999999999999): dat is 63;",
        "- spaties voor en na een waarde; lege, alleen opgemaakte cellen, waar ook op het blad;",
        '- een formule met een lege uitkomst (`=ALS(…;"tekst";"")`): een lege cel;',
        "- een datum als tekst met een tijd erachter (`01-07-2025 00:00`, `2025-07-01T14:30`): die datum;",
        "- kolomkoppen en veldnamen in andere hoofdletters, met spaties, streepjes of een regeleinde "
        "(`Start-datum`, `Soort↵opvang`);",
        "- een streepje alleen (`-`, `–`, `—`) in een getalkolom: 0;",
        "- `j`, `yes`, `waar` en `n`, `no`, `onwaar` in een ja/nee-kolom: ja en nee;",
        "",
        "**Hersteld met een melding:**",
        "",
        "- onzichtbare en vreemde tekens (harde spatie, spatie zonder breedte, BOM-teken, zacht "
        "afbreekstreepje, "
        "richtingstekens, stuurtekens zoals het regeleinde uit Word): vreemde spaties worden een "
        "gewone spatie, de rest "
        "verdwijnt; de waarschuwing `waarde-onzichtbaar-teken` noemt het teken;",
        "- `1.211` en `1 211` (ook met een harde spatie) als 1211; `1.234,0`, `1,234.0`, `12,0` en `+12` als "
        "het hele getal, ook in een bereik (`1.200-1.500`); een min-teken uit Word of PDF (`−110`) als min "
        "(`getal-als-tekst`);",
        "- een datum in een andere schrijfwijze (`1 juli 2025`, `juli 2025`, `2025-7-1`, "
        "`dinsdag 1 juli 2025`, `per 1-7-2025`, `jul-25`) als die dag, en `n.t.b.`, `nnb`, `-` als "
        "`onbekend` (`datum-verouderd`, met de schrijfwijze die het sjabloon vraagt);",
        "- een kolomkop met uitleg erbij (`Capaciteit (aantal plekken)`, `Startdatum*`): gelezen als die "
        "kolom (`kop-toevoeging`);",
        "- een totaalregel (`Totaal`, `Subtotaal`, `Som`) en een notitie onder de tabel (`NB: …`, "
        "`Let op: …`, `* …`): niet gelezen, want een totaal zou elke plek dubbel tellen (`rij-totaal`, "
        "`rij-notitie`);",
        "- een gemeentenaam met `Gemeente` ervoor, of een gangbare naam (`Den Bosch`): die gemeente;",
        "- bestanden van het besturingssysteem (`._naam.xlsx`, `.DS_Store`, `Thumbs.db`, `desktop.ini`) en "
        "vergrendelbestanden (`~$naam.xlsx`) worden overgeslagen en genoemd (`bestand-hulpbestand`, "
        "`bestand-vergrendeld`);",
        "- een bereik dat Excel tot datum maakte (`5-11` werd 5 november): een capaciteit wordt het "
        "bereik 5-11, maar "
        "dit is een fout (`getal-als-datum`) omdat het een gok blijft;",
        "- een getal in een cel met percentage-opmaak (40 getypt wordt 0,4 en toont 40%): gelezen als wat de "
        "cel toont, ook een fout (`getal-procent`);",
        "- een samengevoegd bereik onder de kop (een toelichting over twee rijen): de waarde geldt "
        "voor elke cel "
        "ervan (`cel-samengevoegd`);",
        "- een verborgen blad dat op een uitvraagblad lijkt, wordt niet gelezen als er een zichtbaar "
        "blad voor is, "
        "en anders gelezen; beide met `blad-verborgen`. Twee zichtbare bladen voor één uitvraagblad "
        "(`Oekraïne` en "
        "`Oekraine`) zijn een fout (`blad-dubbel`): het eerste wordt gelezen;",
        "- meer dan 50 keer dezelfde code in één bestand: de eerste 50 staan er, de rest is één bevinding "
        "'En nog N keer …' met het eerste en laatste vak, in elk formaat.",
        "",
        "**Geweigerd** (fout, niet gelezen):",
        "",
        f"- gevulde cellen voorbij rij {getal(MAX_RIJEN)} of kolom {MAX_KOLOMMEN} (CV) van een blad (`blad-buiten-grenzen`); "  # noqa: E501
        "de rest van het blad wordt gewoon gelezen;",
        f"- een werkboek met meer dan {getal(MAX_CELLEN)} cellen, of groter dan 20 MB, of uitgepakt meer dan 50 MB "  # noqa: E501
        "(`bestand-te-groot`);",
        f"- tekst voorbij {getal(MAX_TEKST)} tekens in één cel (het maximum van Excel; `tekst-te-lang`);",
        "- `1,234`: Engels voor 1234, Nederlands voor een getal met decimalen (`getal-dubbelzinnig`);",
        f"- een getal boven {getal(MAX_GETAL)} (`getal-te-groot`);",
        "- een periode in plaats van een datum (`Q3 2025`, `medio 2025`, `2e helft 2025`): gelezen als "
        "`onbekend`, met het begin van de periode als voorstel (`datum-periode`);",
        "- een bestand dat niet te openen is, of een map, pijp of dode koppeling met een werkboeknaam "
        "(`bestand-onleesbaar`).",
        "",
        "Wat er ook met één werkboek misgaat, de andere worden gewoon gelezen en gemeld.",
        "",
    ]


def uitvraag_md() -> str:
    from .betekenis import BETEKENIS

    namen = ", ".join(f"[{b.naam}](#blad-{kop_anker(b.naam)})" for b in UITVRAAG_BLADEN)
    r = [
        f"# Het uitvraagformaat (versie {FORMAATVERSIE})",
        "",
        KOP.format(bron="`regioplan/uitvraag/schema.py`", hoe="pas het schema aan en genereer opnieuw."),
        "",
        "Er zijn twee soorten werkboeken. `regioplan sjabloon` maakt ze allebei, met keuzelijsten en "
        "datumopmaak:",
        "",
        f"- **de uitvraag**: één werkboek per gemeente (`<gemeente>.xlsx`), met de bladen {namen}, "
        f"voorafgegaan door het blad {TOELICHTING_BLAD} (alleen uitleg, wordt niet gelezen);",
        "- **de opgaven**: één werkboek `opgaven.xlsx` voor de coördinator, met het blad "
        f"[{OPGAVEN.naam}](#blad-opgaven).",
        "",
        "## Algemene regels",
        "",
        "- Datums als echte Excel-datum of als tekst `dd-mm-jjjj`. Waar de uitleg het toestaat ook "
        "`onbepaald` "
        "(loopt langer dan elke termijn die de cyclus vraagt, telt mee) of `onbekend` (nog niet bekend, telt "
        "niet mee).",
        "- Getallen zonder eenheden of tekst; een toelichting hoort in de kolom Opmerking of Toelichting.",
        "- Een capaciteit mag een bereik zijn (`550-580`): de ondergrens telt in de totalen, het bereik "
        "staat in het rapport. "
        "`onbekend` telt als 0 en wordt als onbekend getoond.",
        "- Keuzelijsten: alleen de genoemde waarden (hoofdletters maken niet uit).",
        "- Een lege cel in een kolom met een waarde onder 'Leeg betekent' krijgt die waarde.",
        "- Bladen met een andere naam dan hieronder worden niet gelezen (waarschuwing `blad-onbekend`).",
        "- Het veld Formaatversie op het blad Gemeente moet "
        f"`{FORMAATVERSIE}` blijven; een ander sjabloon geeft de fout `bestand-formaatversie`.",
        "- De velden Provincie tot en met Peildatum statushouders op het blad Gemeente zeggen waarvoor het "
        "werkboek gemaakt is. Wijken ze af van de configuratie waarmee `valideer` rekent (een werkboek van "
        "de vorige cyclus of ronde), dan volgt per werkboek een waarschuwing: `werkboek-andere-cyclus`, "
        "`werkboek-andere-peildatum` of `werkboek-andere-indeling`. Lege velden (oudere werkboeken) zeggen "
        "niets.",
        "",
        "Wat `regioplan valideer` bij elke afwijking meldt, staat in [controles.md](controles.md).",
        "",
        *_herstel_md(),
        "# De uitvraag (één werkboek per gemeente)",
    ]
    for blad in UITVRAAG_BLADEN:
        r += _blad_md(blad)
    r += ["", "# De opgaven (opgaven.xlsx)"]
    r += _blad_md(OPGAVEN)
    r += ["", BETEKENIS.rstrip("\n")]
    return "\n".join(r) + "\n"


def voorbeeldrijen_md() -> str:
    """The block in the handleiding: one filled-in example per sheet of the gemeente workbook."""
    r = []
    for blad in UITVRAAG_BLADEN:
        r += [f"**Blad {blad.naam}**: {blad.uitleg}", "", *voorbeeld(blad), ""]
    return "\n".join(r)


def vervang_blok(tekst: str, blok: str, begin_: str = BEGIN, eind_: str = EIND) -> str:
    """Replace what stands between the markers; the hand-written text around it stays as it is."""
    begin, eind = tekst.find(begin_), tekst.find(eind_)
    if begin < 0 or eind < begin:
        raise ValueError(f"de markeringen {begin_} en {eind_} ontbreken")
    return tekst[: begin + len(begin_)] + "\n\n" + blok.strip("\n") + "\n\n" + tekst[eind:]


def _toml_waarde(waarde: object) -> str:
    import datetime as dt

    return waarde.isoformat() if isinstance(waarde, dt.date) else f'"{waarde}"'


def sleuteltabel_md(naam: str) -> str:
    """The key table of one table of regioplan.toml, from :data:`regioplan.configvorm.TABELLEN`; a default
    ``{standaard}`` is the built-in value (``[cyclus]`` and ``[peildata]``: ``landelijk.toml``)."""
    from .config import laad_config
    from .configvorm import SOORT_KORT, tabel

    config = laad_config()
    ingebouwd = {"cyclus": config.cyclus, "peildata": config.peildata}.get(naam)
    r = ["| sleutel | soort | betekenis | standaard |", "|---|---|---|---|"]
    for s in tabel(naam).sleutels or ():
        standaard = s.standaard
        if ingebouwd is not None and "{standaard}" in standaard:
            standaard = standaard.replace("{standaard}", _toml_waarde(getattr(ingebouwd, s.naam)))
        betekenis = s.betekenis + (" (verplicht)" if s.verplicht else "")
        r.append(f"| `{s.naam}` | {SOORT_KORT[s.soort]} | {betekenis} | {standaard} |")
    return "\n".join(r)


def configuratie_md(tekst: str) -> str:
    """``docs/configuratie.md`` with every generated key table replaced (markers per table)."""
    from .configvorm import TABELLEN

    for t in TABELLEN:
        if t.sleutels is not None:
            begin = f"<!-- regioplan.docs: sleutels {t.naam} begin -->"
            eind = f"<!-- regioplan.docs: sleutels {t.naam} eind -->"
            tekst = vervang_blok(tekst, sleuteltabel_md(t.naam), begin, eind)
    return tekst


# --- writing and checking ---------------------------------------------------------------------------------


def documenten(docs: Path) -> dict[Path, str]:
    """Every generated file under ``docs`` with the content it should have."""
    uit = {
        docs / "cli.md": cli_md(),
        docs / "controles.md": controles_md(),
        docs / "uitvraag.md": uitvraag_md(),
    }
    handleiding = docs / "handleiding.md"
    if handleiding.is_file():
        uit[handleiding] = vervang_blok(handleiding.read_text(encoding="utf-8"), voorbeeldrijen_md())
    configuratie = docs / "configuratie.md"
    if configuratie.is_file():
        uit[configuratie] = configuratie_md(configuratie.read_text(encoding="utf-8"))
    return uit


def verschillen(docs: Path) -> list[Path]:
    """Files under ``docs`` that differ from what the generator makes (missing counts as different)."""
    return [
        pad
        for pad, tekst in documenten(docs).items()
        if not pad.is_file() or pad.read_text(encoding="utf-8") != tekst
    ]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m regioplan.docs",
        description=(
            "Schrijf docs/cli.md, docs/controles.md en docs/uitvraag.md en de voorbeeldrijen in "
            "docs/handleiding.md "
            "opnieuw uit de hulpteksten, de controlecatalogus en het uitvraagschema."
        ),
    )
    parser.add_argument(
        "--controleer",
        action="store_true",
        help="Schrijf niets; exitcode 1 als een ingecheckt document verschilt van wat de generator maakt.",
    )
    parser.add_argument("--map", type=Path, default=Path("docs"), help="De docs-map (standaard: docs).")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.controleer:
        verouderd = verschillen(args.map)
        for pad in verouderd:
            print(f"verouderd: {pad} (draai make docs)", file=sys.stderr)
        if not verouderd:
            print(f"docs actueel: {len(documenten(args.map))} bestanden", file=sys.stderr)
        return 1 if verouderd else 0
    args.map.mkdir(parents=True, exist_ok=True)
    for pad, tekst in documenten(args.map).items():
        oud = pad.read_text(encoding="utf-8") if pad.is_file() else None
        if oud != tekst:
            schrijf(pad, tekst)
            print(f"geschreven: {pad}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
