"""Reading a folder of workbooks into the domain model.

Each workbook is opened once with python-calamine (fast; no formatting needed). Every cell problem
becomes a finding with file, sheet and A1 cell; the row is still read, with the best value that can
be made of it, so no row disappears silently. What cannot be read at all (a sheet without headers, a
second workbook for the same gemeente, a file that is no workbook) is named in a finding instead.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import stat
from collections.abc import Set as AbstractSet
from dataclasses import MISSING, dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from ..bevindingen import MAX_PER_CODE, Bevindingen, celnaam
from ..config import Config, normaliseer_code
from ..fouten import oorzaak
from ..model import (
    Aantallen,
    AsielLocatie,
    DslKso,
    GooLocatie,
    Herkomst,
    Huisvestingsplan,
    Opgave,
    Uitruil,
    Uitvraag,
    Voornemen,
)
from ..opmaak import getal
from ..voorstel import eerste, gemeentevoorstel
from ..waarden import (
    GEEN_CAPACITEIT,
    MAX_TEKST,
    Capaciteit,
    Probleem,
    lees_capaciteit,
    lees_datum,
    lees_geheel,
    lees_janee,
    lees_keuze,
    lees_tekst,
    normaliseer,
    schoon,
)
from .bestand import MAX_KOLOMMEN, MAX_RIJEN, Bestandscontrole, controleer_bestand, soort_van_inhoud
from .schema import FORMAATVERSIE, GEMEENTE, OPGAVEN, TOELICHTING_BLAD, UITVRAAG_BLADEN, Blad, Kolom

XLSX = {".xlsx", ".xlsm"}
ANDERE_REKENBLADEN = {".xls", ".ods", ".csv", ".numbers", ".xlsb", ".fods", ".tsv"}
SOORT_VAN_EXTENSIE = {
    ".xls": "een .xls-bestand (Excel 97-2003)",
    ".ods": "een OpenDocument-rekenblad (.ods)",
    ".fods": "een OpenDocument-rekenblad (.fods)",
    ".csv": "een CSV-bestand",
    ".tsv": "een tekstbestand met tabs (.tsv)",
    ".xlsb": "een binair Excel-werkboek (.xlsb)",
    ".numbers": "een Numbers-bestand",
}
KOP_ZOEKEN = 10  #: rows searched for a header that slipped down
OPGAVENBESTAND = "opgaven.xlsx"

_MODEL = {
    "asiel": AsielLocatie,
    "voornemens": Voornemen,
    "oekraine": GooLocatie,
    "huisvesting": Huisvestingsplan,
    "dsl_kso": DslKso,
    "uitruil": Uitruil,
}


@dataclass
class Plaats:
    """Where the parts of one sheet of one workbook really are (headers may be moved or reordered)."""

    blad: str  #: the sheet's name as it is in the workbook
    kolommen: dict[str, int] = field(default_factory=dict)  #: column key -> 1-based column (table sheets)
    velden: dict[str, str] = field(default_factory=dict)  #: field key -> A1 cell of its value (field sheets)
    kop_rij: int = 1


@dataclass
class Invoer:
    """Everything read from one folder (or one file): the model plus the findings."""

    config: Config
    opgaven: dict[str, Opgave] = field(default_factory=dict)
    uitvragen: dict[str, Uitvraag] = field(default_factory=dict)
    bevindingen: Bevindingen = field(default_factory=Bevindingen)
    bestanden: list[str] = field(default_factory=list)  #: every file looked at, in order
    opgavenbestand: str = ""
    dubbel: dict[str, list[Uitvraag]] = field(
        default_factory=dict
    )  #: CBS code -> further workbooks for it (not used)
    plaatsen: dict[tuple[str, str], Plaats] = field(
        default_factory=dict
    )  #: (file, schema sheet name) -> where
    gelezen: list[Uitvraag] = field(default_factory=list)  #: every gemeente workbook read, in file order
    enkel: bool = False  #: one workbook checked on its own (a gemeente's pre-check), not a folder
    #: file -> CBS code for a workbook that could not be read (not xlsx, empty, corrupt, unknown sheets)
    #: whose file name names a configured gemeente that has no readable workbook: that gemeente's one
    #: overview row is this file ("onleesbaar"), not a nameless file plus "ontbreekt"
    onleesbaar: dict[str, str] = field(default_factory=dict)

    def cel(self, bestand: str, blad: Blad, sleutel: str, rij: int | None = None) -> tuple[str, str]:
        """``(sheet, cell)`` of a column in ``rij`` (table sheets) or of a field's value (field sheets)."""
        plaats = self.plaatsen.get((bestand, blad.naam))
        if plaats is None:
            return blad.naam, ""
        if rij is None:
            return plaats.blad, plaats.velden.get(sleutel, "")
        kolom = plaats.kolommen.get(sleutel)
        return plaats.blad, celnaam(kolom, rij) if kolom else f"A{rij}"


@dataclass
class _Cellen:
    """A sheet as a grid of Python values plus its merged ranges."""

    rijen: list[list[object]]
    samengevoegd: list[tuple[tuple[int, int], tuple[int, int]]]


def _volgorde(pad: Path) -> tuple[bool, str]:
    # The opgaven workbook first: a stray copy (opgaven-oud.xlsx) is then the one reported as extra.
    return (pad.name.lower() != OPGAVENBESTAND, pad.name)


#: Files an operating system leaves in a folder; never a submission.
HULPBESTANDEN = {
    ".ds_store": "macOS (Finder)",
    "thumbs.db": "Windows (miniaturen)",
    "desktop.ini": "Windows (mapinstellingen)",
}


def hulpbestand_van(naam: str) -> str:
    """Which system made this helper file (``._almelo.xlsx`` is macOS's companion of ``almelo.xlsx`` on a
    USB stick or network share), or "" for an ordinary file."""
    if naam.startswith("._"):
        return "macOS (bij kopiëren naar een USB-stick of netwerkschijf)"
    return HULPBESTANDEN.get(naam.lower(), "")


def is_slotbestand(naam: str) -> bool:
    """Lock files of an open workbook: ``~$naam.xlsx`` (Excel) and ``.~lock.naam.xlsx#`` (LibreOffice)."""
    return naam.startswith("~$") or (naam.startswith(".~lock.") and naam.endswith("#"))


def lees_map(pad: Path, config: Config) -> Invoer:
    """Read a folder (opgaven workbook + gemeente workbooks) or a single workbook."""
    enkel = not pad.is_dir()
    invoer = Invoer(config, enkel=enkel)
    bestanden = [pad] if enkel else sorted(pad.iterdir(), key=_volgorde)
    for bestand in bestanden:
        naam = bestand.name
        ext = bestand.suffix.lower()
        bron = hulpbestand_van(naam)
        if is_slotbestand(naam):
            invoer.bevindingen.voeg_toe("bestand-vergrendeld", bestand=naam, naam=naam)
            continue
        if bron:  # .DS_Store, Thumbs.db, ._almelo.xlsx: named, never read (not even followed as a link)
            invoer.bevindingen.voeg_toe("bestand-hulpbestand", bestand=naam, naam=naam, bron=bron)
            continue
        if not enkel and ext not in XLSX and ext not in ANDERE_REKENBLADEN:
            continue  # README, regioplan.toml, notes, folders: not input
        if probleem := _toegang(bestand, None if enkel else pad):
            invoer.bestanden.append(naam)
            invoer.bevindingen.voeg_toe(probleem[0], bestand=naam, **probleem[1])
            continue
        if ext in ANDERE_REKENBLADEN:
            invoer.bestanden.append(naam)
            invoer.bevindingen.voeg_toe(
                "bestand-geen-xlsx", bestand=naam, soort=SOORT_VAN_EXTENSIE.get(ext, f"een {ext}-bestand")
            )
            continue
        if ext not in XLSX:  # named explicitly: say what it is rather than skip it
            invoer.bestanden.append(naam)
            invoer.bevindingen.voeg_toe("bestand-geen-xlsx", bestand=naam, soort=soort_van_inhoud(bestand))
            continue
        invoer.bestanden.append(naam)
        _lees_apart(bestand, invoer)
    _kies_uitvragen(invoer)
    _koppel_onleesbaar(invoer)
    return invoer


def code_uit_bestandsnaam(config: Config, bestand: str) -> str | None:
    """The CBS code the file name names (``almelo.xlsx``, ``hof-van-twente.xlsx``, ``GM0141.xlsx``, a
    known variant), or None."""
    stam = Path(bestand).stem
    return config.zoek_code(stam) or config.zoek_code(stam.replace("-", " ").replace("_", " "))


def _koppel_onleesbaar(invoer: Invoer) -> None:
    """Fill ``invoer.onleesbaar``: each file that gave no workbook (a finding says why) and whose name
    names a configured gemeente without a readable workbook."""
    gebruikt = {u.bestand for u in invoer.gelezen} | {invoer.opgavenbestand}
    for bestand in invoer.bestanden:
        if bestand in gebruikt:
            continue
        code = code_uit_bestandsnaam(invoer.config, bestand)
        if code and code in invoer.config.gemeenten and code not in invoer.uitvragen:
            invoer.onleesbaar[bestand] = code


def _toegang(pad: Path, map_: Path | None) -> tuple[str, dict[str, Any]] | None:
    """Why an entry of the folder is not read (a finding code and its parameters), or None.

    A symbolic link is followed only when it stays inside the folder (``map_``; None for a workbook named
    on its own): a link to a workbook elsewhere on the runner is refused, not silently reported on. Broken
    and looping links, folders, FIFOs, devices and sockets are named, never skipped without notice; a
    FIFO is never opened (reading one would wait forever).
    """
    try:
        if pad.is_symlink():
            doel = os.readlink(pad)
            try:
                echt = pad.resolve(strict=True)
            except RuntimeError:  # a loop (Python < 3.13)
                return "bestand-onleesbaar", {"reden": "een symbolische link die in een kring verwijst"}
            except OSError as fout:
                if fout.errno == errno.ELOOP:
                    return "bestand-onleesbaar", {"reden": "een symbolische link die in een kring verwijst"}
                return "bestand-onleesbaar", {
                    "reden": f"een symbolische link naar '{doel}', dat niet bestaat"
                }
            if map_ is not None and not echt.is_relative_to(map_.resolve()):
                return "bestand-link-buiten-map", {"doel": doel}
        modus = pad.stat().st_mode
    except OSError as fout:
        return "bestand-onleesbaar", {"reden": oorzaak(fout)}
    if stat.S_ISREG(modus):
        return None
    soort = (
        "een map"
        if stat.S_ISDIR(modus)
        else "een named pipe (FIFO)"
        if stat.S_ISFIFO(modus)
        else "een socket"
        if stat.S_ISSOCK(modus)
        else "een apparaat"
    )
    return "bestand-onleesbaar", {"reden": f"het is geen gewoon bestand maar {soort}"}


def _lees_apart(pad: Path, invoer: Invoer) -> None:
    """Read one workbook so that nothing it does stops the others: a file that cannot be opened, or a
    reader failure of any kind, becomes a finding for that file. Its rows read so far are dropped with it
    (a half-read gemeente would be counted wrong)."""
    naam = pad.name
    gelezen = len(invoer.gelezen)
    try:
        lees_werkboek(pad, invoer)
    except (KeyboardInterrupt, SystemExit):
        raise
    except OSError as fout:
        del invoer.gelezen[gelezen:]
        invoer.bevindingen.voeg_toe("bestand-onleesbaar", bestand=naam, reden=oorzaak(fout))
    except BaseException as fout:  # a parser panic, MemoryError, a bug: reported for this file, run goes on
        del invoer.gelezen[gelezen:]
        invoer.bevindingen.voeg_toe("bestand-corrupt", bestand=naam, detail=f"{type(fout).__name__}: {fout}")


def _kies_uitvragen(invoer: Invoer) -> None:
    """One workbook per gemeente: the one named like the template wins, else the first; the rest is
    reported."""
    per_code: dict[str, list[Uitvraag]] = {}
    for u in invoer.gelezen:
        if u.cbs_code:
            per_code.setdefault(u.cbs_code, []).append(u)
        else:
            invoer.uitvragen[f"?{u.bestand}"] = u  # identity unknown: kept, so its rows are still checked
    for code, lijst in per_code.items():
        naam = normaliseer(invoer.config.naam(code))
        eerste = next((u for u in lijst if normaliseer(Path(u.bestand).stem) == naam), lijst[0])
        invoer.uitvragen[code] = eerste
        overig = [u for u in lijst if u is not eerste]
        if overig:
            invoer.dubbel[code] = overig


@dataclass
class Bladkeuze:
    """Which workbook sheet is read for each schema sheet, and what the choice left over."""

    gevonden: dict[str, tuple[str, bool]] = field(
        default_factory=dict
    )  #: schema sheet -> (sheet, exact name)
    bezet: set[str] = field(default_factory=set)  #: sheets accounted for (read, or reported as a double)
    dubbel: list[tuple[str, str, str]] = field(default_factory=list)  #: (sheet not read, sheet read, schema)
    verborgen: list[tuple[str, str, str]] = field(default_factory=list)  #: (hidden sheet, sheet read, schema)


def kies_bladen(
    namen: list[str], zichtbaar: dict[str, bool], schema: tuple[Blad, ...] = UITVRAAG_BLADEN
) -> Bladkeuze:
    """Match the workbook's sheets to the schema sheets.

    A sheet matches by its normalised name (``Asiel.`` and ``Oekraine`` match ``Asiel`` and ``Oekraïne``),
    else by a name that starts with the other (``Asiel 2024``), else by a close spelling. A visible sheet
    always goes before a hidden one (a hidden ``Asiel`` is often last round's); a hidden one is read only
    when nothing visible matches, and never silently. Two visible sheets that match one schema sheet are
    an error naming both: the first is read."""
    keuze = Bladkeuze()
    sleutels = {n: normaliseer(n) for n in namen}
    for blad in schema:
        sleutel = normaliseer(blad.naam)
        vrij = [n for n in namen if n not in keuze.bezet and sleutels[n] != normaliseer(TOELICHTING_BLAD)]
        exact = [n for n in vrij if sleutels[n] == sleutel]
        begin = [
            n
            for n in vrij
            if n not in exact
            and sleutels[n]
            and (sleutels[n].startswith(sleutel) or sleutel.startswith(sleutels[n]))
        ]
        kandidaten = exact + begin
        zicht = [n for n in kandidaten if zichtbaar.get(n, True)]
        if not kandidaten:
            open_ = [n for n in vrij if zichtbaar.get(n, True)]
            treffer = get_close_matches(sleutel, [sleutels[n] for n in open_], n=1, cutoff=0.75)
            kandidaten = zicht = [n for n in open_ if treffer and sleutels[n] == treffer[0]][:1]
        if not kandidaten:
            continue
        gekozen = zicht[0] if zicht else kandidaten[0]
        keuze.gevonden[blad.naam] = (gekozen, gekozen in exact)
        keuze.bezet.update(kandidaten)
        for n in kandidaten:
            if n == gekozen:
                continue
            if zichtbaar.get(n, True):
                keuze.dubbel.append((n, gekozen, blad.naam))
            else:
                keuze.verborgen.append((n, gekozen, blad.naam))
        if not zichtbaar.get(gekozen, True):
            keuze.verborgen.append((gekozen, gekozen, blad.naam))
    return keuze


def lees_werkboek(pad: Path, invoer: Invoer) -> None:
    """Read one workbook into ``invoer``: the opgaven workbook or a gemeente's uitvraag."""
    b = invoer.bevindingen
    naam = pad.name
    try:
        controle = controleer_bestand(pad)
    except OSError as fout:  # unreadable (rights, a disk error): this file only, the others are still read
        b.voeg_toe("bestand-onleesbaar", bestand=naam, reden=oorzaak(fout))
        return
    if controle.code:
        b.voeg_toe(controle.code, bestand=naam, **controle.params)
        return
    if controle.macro:
        b.voeg_toe("bestand-macro", bestand=naam)
    for buiten in controle.buiten:
        b.voeg_toe(
            "blad-buiten-grenzen",
            bestand=naam,
            blad=buiten.blad,
            cel=buiten.cel,
            aantal=buiten.aantal,
            rijen=getal(MAX_RIJEN),
            kolommen=MAX_KOLOMMEN,
        )
    try:
        wb = (
            CalamineWorkbook.from_path(str(pad))
            if controle.inhoud is None
            else CalamineWorkbook.from_filelike(io.BytesIO(controle.inhoud))
        )
        bladen = {normaliseer(n): n for n in wb.sheet_names}
        if normaliseer(OPGAVEN.naam) in bladen:
            echt = bladen[normaliseer(OPGAVEN.naam)]
            cellen = _cellen(wb, echt)
            overig = {
                s: n
                for s, n in bladen.items()
                if s not in (normaliseer(OPGAVEN.naam), normaliseer(TOELICHTING_BLAD))
            }
            niet_leeg = [n for n in overig.values() if not _blad_leeg(_cellen(wb, n))]
            for n in niet_leeg:
                b.voeg_toe("blad-onbekend", bestand=naam, blad=n)
            _lees_opgaven(
                naam,
                echt,
                cellen,
                _Lezer(
                    naam,
                    echt,
                    invoer,
                    controle.formules_zonder_waarde.get(echt, set()),
                    controle.foutwaarden.get(echt),
                    controle.procent.get(echt),
                ),
                invoer,
            )
            return
        zichtbaar = {m.name: m.visible == SheetVisibleEnum.Visible for m in wb.sheets_metadata}
        keuze = kies_bladen(list(wb.sheet_names), zichtbaar)
        gevonden = keuze.gevonden
        if not any(exact for _, exact in gevonden.values()):
            b.voeg_toe(
                "bestand-sjabloon-onbekend",
                bestand=naam,
                bladen=", ".join(f"'{n}'" for n in wb.sheet_names) or "(geen)",
            )
            return
        gelezen = {blad: _cellen(wb, echt) for blad, (echt, _) in gevonden.items()}
        niet_leeg = [  # judged one at a time: an unknown sheet's grid is not kept
            n
            for n in wb.sheet_names
            if n not in keuze.bezet
            and normaliseer(n) != normaliseer(TOELICHTING_BLAD)
            and not _blad_leeg(_cellen(wb, n))
        ]
    except (KeyboardInterrupt, SystemExit):
        raise
    except (
        BaseException
    ) as fout:  # calamine reports broken content with several types, even a Rust panic (BaseException)
        b.voeg_toe("bestand-corrupt", bestand=naam, detail=f"{type(fout).__name__}: {fout}")
        return
    for blad in UITVRAAG_BLADEN:
        if blad.naam not in gevonden:
            b.voeg_toe("blad-ontbreekt", bestand=naam, blad=blad.naam)
        elif not gevonden[blad.naam][1]:
            b.voeg_toe("blad-ontbreekt", bestand=naam, blad=blad.naam, voorstel=gevonden[blad.naam][0])
    for echte_naam in niet_leeg:
        b.voeg_toe("blad-onbekend", bestand=naam, blad=echte_naam)
    for ander, echt, schema in keuze.dubbel:
        b.voeg_toe("blad-dubbel", bestand=naam, blad=ander, andere=echt, schema=schema)
    for verborgen, echt, schema in keuze.verborgen:
        wat = (
            f"en is als '{schema}' gelezen, want er is geen zichtbaar blad dat zo heet"
            if verborgen == echt
            else f"en is niet gelezen; het zichtbare blad '{echt}' is als '{schema}' gelezen"
        )
        b.voeg_toe("blad-verborgen", bestand=naam, blad=verborgen, wat=wat)
    echte_namen = {blad: echt for blad, (echt, _) in gevonden.items()}
    _lees_uitvraag(naam, gelezen, echte_namen, controle, invoer)


def _cellen(wb: CalamineWorkbook, bladnaam: str) -> _Cellen:
    ws = wb.get_sheet_by_name(bladnaam)
    rijen: list[list[object]] = ws.to_python(skip_empty_area=False)  # type: ignore[assignment]
    try:
        samen = [((a[0], a[1]), (z[0], z[1])) for a, z in (ws.merged_cell_ranges or [])]
    except Exception:  # older calamine builds do not expose merged ranges for every format
        samen = []
    return _Cellen(rijen, samen)


def _blad_leeg(cellen: _Cellen) -> bool:
    return all(_leeg(rij) for rij in cellen.rijen)


# ---------------------------------------------------------------- cell parsing


class _Lezer:
    """Parses cells of one sheet and files findings at the right cell."""

    def __init__(
        self,
        bestand: str,
        blad: str,
        invoer: Invoer,
        formules: AbstractSet[str] = frozenset(),
        foutwaarden: dict[str, str] | None = None,
        procent: dict[str, float] | None = None,
    ) -> None:
        self.bestand, self.blad, self.b, self.formules = bestand, blad, invoer.bevindingen, formules
        self.foutwaarden = foutwaarden or {}
        self.procent = procent or {}

    def meld(self, code: str, cel: str = "", /, **params: Any) -> None:
        self.b.voeg_toe(code, bestand=self.bestand, blad=self.blad, cel=cel, **params)

    def schoon(self, ruw: str, kol: int, rij: int) -> str:
        """Text as meant: look-alike spaces plain, invisible and control characters out (named in a
        warning), cut at Excel's cell limit (an error). Plain text passes through untouched."""
        tekst, tekens = schoon(ruw)
        if tekens and tekst.strip():
            namen = " en ".join(", ".join(tekens).rsplit(", ", 1))
            self.meld("waarde-onzichtbaar-teken", celnaam(kol, rij), tekens=namen, waarde=tekst.strip())
        if len(tekst) >= MAX_TEKST:  # calamine itself stops at Excel's limit: a full cell was cut
            self.meld("tekst-te-lang", celnaam(kol, rij), lengte=getal(MAX_TEKST))
            tekst = tekst[:MAX_TEKST]
        return tekst

    def _procent(self, kolom: Kolom, cel: str) -> object:
        """A number in a cell formatted as a percentage: 40 typed there is stored as 0,4 and shows 40%.
        The shown number is what the person typed; it is read, but as an error (a guess, like
        ``getal-als-datum``). A percentage that shows no whole number is not read."""
        getoond = _afgerond_procent(self.procent[cel])
        if getoond is None:
            tekst = f"{self.procent[cel] * 100:g}%".replace(".", ",")
            self.meld("getal-procent", cel, getoond=tekst, gelezen="niet gelezen.")
            return GEEN_CAPACITEIT if kolom.type == "capaciteit" else kolom.standaard
        gelezen = f"gelezen als {getoond}, maar een aantal is geen percentage."
        self.meld("getal-procent", cel, getoond=f"{getoond}%", gelezen=gelezen)
        return Capaciteit.exact(getoond) if kolom.type == "capaciteit" else getoond

    def waarde(self, kolom: Kolom, ruw: object, kol: int, rij: int) -> object:
        """Parse the cell at 1-based ``kol``, ``rij`` by its column type; empty gives the column default.

        The A1 name is made only when a finding needs it: a national run parses ~40.000 cells."""
        if type(ruw) is str:
            ruw = self.schoon(ruw, kol, rij)
        leeg = ruw is None or (isinstance(ruw, str) and not ruw.strip())
        if leeg:
            if not (self.formules or self.foutwaarden or kolom.verplicht):
                return kolom.standaard
            cel = celnaam(kol, rij)
            if cel in self.formules:
                self.meld("formule-zonder-waarde", cel)
            elif cel in self.foutwaarden:
                self.meld("cel-foutwaarde", cel, waarde=self.foutwaarden[cel])
            elif kolom.verplicht:
                self.meld("veld-verplicht", cel, kolom=kolom.kop)
            return kolom.standaard
        t = kolom.type
        if t == "tekst":
            return lees_tekst(ruw)
        if t == "lijst":
            return tuple(s.strip() for s in lees_tekst(ruw).split(";") if s.strip())
        if t == "cbs":
            tekst = lees_tekst(ruw)
            code = normaliseer_code(tekst)
            if code is None:
                return tekst
            if code != tekst.strip().upper():
                self.meld("cbs-code-nullen", celnaam(kol, rij), waarde=tekst, code=code)
            return code
        waarde: object
        probleem: Probleem
        if self.procent and t in ("geheel", "geheel_neg", "capaciteit") and celnaam(kol, rij) in self.procent:
            return self._procent(kolom, celnaam(kol, rij))
        if t in ("geheel", "geheel_neg"):
            waarde, probleem = lees_geheel(ruw, negatief=t == "geheel_neg")
        elif t == "capaciteit":
            waarde, probleem = lees_capaciteit(ruw)
        elif t == "datum":
            waarde, probleem = lees_datum(ruw)
        elif t == "keuze":
            waarde, probleem = lees_keuze(ruw, kolom.keuzes)
        elif t == "janee":  # also a checkbox, TRUE/FALSE, "j", "yes"
            waarde, probleem = lees_janee(ruw)
        else:  # pragma: no cover - schema and parser are defined together
            raise ValueError(t)
        if probleem:
            self.meld(probleem[0], celnaam(kol, rij), **probleem[1])
        if waarde is None and kolom.standaard is not None:
            return kolom.standaard
        return waarde


def _afgerond_procent(waarde: float) -> int | None:
    """The whole number a percentage cell shows (0,4 -> 40), or None when it shows no whole number."""
    getoond = round(waarde * 100, 6)
    return int(getoond) if getoond.is_integer() and 0 <= getoond <= 1_000_000 else None


def _leeg(rij: list[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in rij)


def _lees_tabel(
    blad: Blad, cellen: _Cellen, lezer: _Lezer, plaats: Plaats
) -> list[tuple[int, dict[str, object]]]:
    """Rows of a table sheet as ``(row number, {key: value})``; structure problems become findings.

    In steps: find the header row (:func:`_zoek_kop`), name its merged cells and spread merged cells
    below it, map the headers to columns (:func:`_lees_kop`), take a near miss for a missing column
    (:func:`_kolommen_aanvullen`), read the data rows (:func:`_lees_rijen`) and name data in columns
    without a header (:func:`_meld_zonder_kop`). Findings come in that order (the first
    :data:`~regioplan.bevindingen.MAX_PER_CODE` of a code are the ones shown)."""
    bekend = _kolomnamen(blad)
    kop_index = _zoek_kop(blad, cellen.rijen, bekend, lezer)
    if kop_index is None:
        return []
    plaats.kop_rij = kop_index + 1
    _meld_samengevoegde_kop(cellen, kop_index, lezer)
    _vul_samengevoegd(cellen, kop_index, lezer)
    kop = _lees_kop(cellen.rijen[kop_index], kop_index, bekend, lezer)
    _kolommen_aanvullen(blad, kop, lezer)
    plaats.kolommen = {s: i + 1 for s, i in kop.posities.items()}
    uit, zonder_kop = _lees_rijen(blad, cellen.rijen, kop, lezer)
    _meld_zonder_kop(cellen.rijen, kop_index, zonder_kop, lezer)
    return uit


@dataclass
class _Kop:
    """The header row of a table sheet, mapped to the schema."""

    index: int  #: 0-based row of the header
    posities: dict[str, int] = field(default_factory=dict)  #: column key -> 0-based column
    onbekend: dict[int, str] = field(default_factory=dict)  #: 0-based column -> header we do not know
    dubbel: set[int] = field(default_factory=set)  #: a second column with a known header (not read)
    laatste: int = -1  #: 0-based column of the last header, -1 without any


def kopsleutel(tekst: str) -> str:
    """A header or field label as it is compared: :func:`normaliseer` without spaces, so that ``Start-datum``,
    ``Start datum`` and ``Soort\\nopvang`` are the headers ``Startdatum`` and ``Soort opvang``."""
    return normaliseer(tekst).replace(" ", "")


def _kolomnamen(blad: Blad) -> dict[str, Kolom]:
    """Normalised header text and key -> column: what a header may say."""
    bekend: dict[str, Kolom] = {}
    for k in blad.kolommen:
        bekend[kopsleutel(k.kop)] = k
        bekend[kopsleutel(k.sleutel)] = k
    return bekend


def _zoek_kop(blad: Blad, rijen: list[list[object]], bekend: dict[str, Kolom], lezer: _Lezer) -> int | None:
    """The 0-based header row: the first row, else the first of the top :data:`KOP_ZOEKEN` rows with
    two known headers (``kop-verschoven``). None when there is none: ``kop-niet-gevonden`` for a sheet
    with content, ``kolom-ontbreekt`` per required column for an empty one."""

    def treffers(rij: list[object]) -> int:
        return sum(1 for v in rij if isinstance(v, str) and kopsleutel(v) in bekend)

    if rijen and treffers(rijen[0]) > 0:
        return 0
    kandidaten = [i for i in range(min(KOP_ZOEKEN, len(rijen))) if treffers(rijen[i]) >= 2]
    if kandidaten:
        lezer.meld("kop-verschoven", f"A{kandidaten[0] + 1}", gevonden=kandidaten[0] + 1, verwacht=1)
        return kandidaten[0]
    aantal = sum(1 for rij in rijen if not _leeg(rij))
    if aantal:
        lezer.meld("kop-niet-gevonden", "", aantal=aantal, rijen=KOP_ZOEKEN)
    else:
        for k in blad.kolommen:
            if k.verplicht:
                lezer.meld("kolom-ontbreekt", "A1", kolom=k.kop)
    return None


def _meld_samengevoegde_kop(cellen: _Cellen, kop_index: int, lezer: _Lezer) -> None:
    """``kop-samengevoegd`` for every merged range that covers the header row."""
    for (r0, c0), (r1, c1) in cellen.samengevoegd:
        if r0 <= kop_index <= r1 and (c1 > c0 or r1 > r0):
            lezer.meld(
                "kop-samengevoegd",
                celnaam(c0 + 1, r0 + 1),
                bereik=f"{celnaam(c0 + 1, r0 + 1)}:{celnaam(c1 + 1, r1 + 1)}",
            )


def _lees_kop(rij: list[object], kop_index: int, bekend: dict[str, Kolom], lezer: _Lezer) -> _Kop:
    """Each header to its column; a known header twice is ``kolom-dubbel`` (the second is not read)."""
    kop = _Kop(kop_index)
    for i, v in enumerate(rij):
        tekst = lees_tekst(v)
        if not tekst:
            continue
        kop.laatste = i
        k = bekend.get(kopsleutel(tekst))
        if k is None:
            kop.onbekend[i] = tekst
        elif k.sleutel in kop.posities:
            kop.dubbel.add(i)
            lezer.meld(
                "kolom-dubbel",
                celnaam(i + 1, kop_index + 1),
                kolom=tekst,
                andere=celnaam(kop.posities[k.sleutel] + 1, kop_index + 1),
            )
        else:
            kop.posities[k.sleutel] = i
    return kop


_TOEVOEGING = re.compile(r"\s*(?:[(\[{]|\n|:|\s[-–—]\s|\*)")


def kernen_van_kop(tekst: str) -> list[tuple[str, str]]:
    """Ways to split a header into what it names and an explanation a person added, longest name first:
    ``Capaciteit (aantal plekken)``, ``Capaciteit\\n(plekken)``, ``Startdatum - verwacht``, ``Locatie*``
    -> ``[("Capaciteit", "(aantal plekken)")]``. Empty when nothing looks added."""
    tekst = tekst.strip()
    delen = [m.start() for m in _TOEVOEGING.finditer(tekst) if m.start() > 0]
    return [(tekst[:i].strip(), tekst[i:].strip()) for i in reversed(delen)]


def _kop_met_toevoeging(tekst: str, namen: dict[str, Kolom]) -> tuple[Kolom, str] | None:
    """The column a header names with an explanation added, and the explanation; None when it names none."""
    for kern, toevoeging in kernen_van_kop(tekst):
        if (k := namen.get(kopsleutel(kern))) is not None:
            return k, toevoeging
    return None


def _namen_van(k: Kolom) -> set[str]:
    return {kopsleutel(k.kop), kopsleutel(k.sleutel)}


def _kolommen_aanvullen(blad: Blad, kop: _Kop, lezer: _Lezer) -> None:
    """A missing column whose header is the column's name with an explanation added (``Capaciteit
    (aantal plekken)``) is read as that column (``kop-toevoeging``, a warning); one whose header is a near
    miss is read as that column too (``kolom-ontbreekt`` with a ``voorstel``); a missing required one is
    ``kolom-ontbreekt``; the unknown headers that remain are ``kolom-onbekend``."""
    rij = kop.index + 1
    for k in blad.kolommen:
        if k.sleutel in kop.posities:
            continue
        namen = dict.fromkeys(_namen_van(k), k)
        aangevuld = next(
            (
                (i, gevonden[1])
                for i, t in kop.onbekend.items()
                if (gevonden := _kop_met_toevoeging(t, namen))
            ),
            None,
        )
        if aangevuld is not None:  # "Capaciteit (aantal plekken)": the header with an explanation added
            i, toevoeging = aangevuld
            tekst = kop.onbekend.pop(i)
            lezer.meld("kop-toevoeging", celnaam(i + 1, rij), kop=tekst, kolom=k.kop, toevoeging=toevoeging)
            kop.posities[k.sleutel] = i
            continue
        vrij = {normaliseer(t): i for i, t in kop.onbekend.items()}
        voorstel = get_close_matches(normaliseer(k.kop), list(vrij), n=1, cutoff=0.75)
        if voorstel:
            i = vrij[voorstel[0]]
            lezer.meld("kolom-ontbreekt", celnaam(i + 1, rij), kolom=k.kop, voorstel=kop.onbekend.pop(i))
            kop.posities[k.sleutel] = i  # read as the column it evidently is
        elif k.verplicht:
            lezer.meld("kolom-ontbreekt", celnaam(kop.laatste + 2, rij), kolom=k.kop)
    for i, tekst in kop.onbekend.items():
        lezer.meld("kolom-onbekend", celnaam(i + 1, rij), kolom=tekst)


def _lees_rijen(
    blad: Blad, rijen: list[list[object]], kop: _Kop, lezer: _Lezer
) -> tuple[list[tuple[int, dict[str, object]]], dict[int, int]]:
    """The data rows below the header as ``(row number, {key: value})``, and for each column with content
    but no header its first row with content. Empty rows are skipped; data after empty rows is
    ``gegevens-na-lege-rijen`` (once). Text under unknown headers is kept as ``_extra`` (a remark)."""
    zonder_kop: dict[int, int] = {}  # column -> first row with content, for columns with data but no header
    gedekt = set(kop.posities.values()) | set(kop.onbekend) | kop.dubbel  # columns with a header of some kind
    zonder = [i for i in range(max(map(len, rijen), default=0)) if i not in gedekt]  # columns without one
    uit: list[tuple[int, dict[str, object]]] = []
    lege_reeks, gemeld = 0, False
    kolommen = [(k.sleutel, k, kop.posities.get(k.sleutel)) for k in blad.kolommen]  # once per sheet
    waarde = lezer.waarde
    onbekend = sorted(kop.onbekend)
    for r in range(kop.index + 1, len(rijen)):
        rij = rijen[r]
        if _leeg(rij):
            lege_reeks += 1
            continue
        if soort := geen_gegevensrij(rij):  # a totals row or a note: named, not read, no data after a gap
            lezer.meld(soort[0], celnaam(soort[1] + 1, r + 1), rij=r + 1, waarde=soort[2])
            continue
        if lege_reeks and uit and not gemeld:
            lezer.meld("gegevens-na-lege-rijen", f"A{r + 1}", aantal=lege_reeks, rij=r + 1)
            gemeld = True
        lege_reeks = 0
        n = len(rij)
        waarden: dict[str, object] = {}
        for sleutel, k, i in kolommen:
            waarden[sleutel] = (
                k.standaard if i is None else waarde(k, rij[i] if i < n else None, i + 1, r + 1)
            )
        for i in zonder:
            v = rij[i] if i < n else None
            if v is not None and v != "" and i not in zonder_kop and lees_tekst(v):
                zonder_kop[i] = r + 1
        if onbekend:
            onbekende_inhoud = [  # kept as a remark: cleaned like any text, for every export
                schoon(lees_tekst(rij[i]))[0].strip() for i in onbekend if i < n and lees_tekst(rij[i])
            ]
            if onbekende_inhoud and not waarden.get("opmerking"):
                waarden["_extra"] = "; ".join(onbekende_inhoud)
        uit.append((r + 1, waarden))
    return uit, zonder_kop


#: The first words of a row that adds up the rows above it.
_TOTAAL = re.compile(r"^(?:sub|eind|totaal\s+)?tota(?:a)?l(?:en|e)?(?:\s|$)|^som(?:\s|$)")
#: The first words of a remark typed below (or between) the rows of a table.
_NOTITIE = re.compile(
    r"^(?:n\s?b|nota\s+bene|noot|let\s+op|opmerking(?:en)?|toelichting|bron|voetnoot|disclaimer|"
    r"\*+|\d\))(?:\s|$)"
)


def geen_gegevensrij(rij: list[object]) -> tuple[str, int, str] | None:
    """Is this row no item but a totals row (``Totaal``, ``Subtotaal Twente``) or a note (a single text
    starting with ``NB``, ``Let op``, ``Bron``, ``*``)? Then ``(finding code, 0-based column, text)``.

    A totals row has a short label (four words at most) and no dates; it would count every plek twice. A
    note is the only filled cell of its row. Both are named and not read."""
    gevuld = [
        (i, v) for i, v in enumerate(rij) if v is not None and not (isinstance(v, str) and not v.strip())
    ]
    if not gevuld or not isinstance(eerste := gevuld[0][1], str):
        return None
    i = gevuld[0][0]
    tekst = schoon(eerste)[0].strip()
    sleutel = normaliseer(tekst)
    ruw = tekst.lower()
    if (
        _TOTAAL.match(sleutel)
        and len(sleutel.split()) <= 4
        and not any(isinstance(v, dt.date) for _, v in gevuld)
    ):
        return "rij-totaal", i, tekst  # a short label and no dates: "Totaal 200 plekken vanaf 2026" is a plan
    if len(gevuld) == 1 and (_NOTITIE.match(sleutel) or _NOTITIE.match(ruw)):
        return "rij-notitie", i, tekst
    return None


def _meld_zonder_kop(
    rijen: list[list[object]], kop_index: int, zonder_kop: dict[int, int], lezer: _Lezer
) -> None:
    """``kolom-zonder-kop`` for each column with data but no header, naming its first value."""
    for i, r in sorted(zonder_kop.items()):
        lezer.meld(
            "kolom-zonder-kop",
            celnaam(i + 1, kop_index + 1),
            kolom=celnaam(i + 1, 1)[:-1],
            waarde=lees_tekst(rijen[r - 1][i]),
            eerste=celnaam(i + 1, r),
        )


def _vul_samengevoegd(cellen: _Cellen, kop_index: int, lezer: _Lezer) -> None:
    """A merged range below the header holds its value in its first cell only; a person meant it for every
    cell (a location over two rows with one explanation). Every cell of the range gets the value, and the
    range is named in a warning: a merged number now counts in each row, which the person should see."""
    rijen = cellen.rijen
    for (r0, c0), (r1, c1) in cellen.samengevoegd:
        if r0 <= kop_index or (r0 == r1 and c0 == c1) or r0 >= len(rijen) or c0 >= len(rijen[r0]):
            continue
        waarde = rijen[r0][c0]
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            continue
        for r in range(r0, min(r1, len(rijen) - 1) + 1):  # within the grid: never past what was read
            rij = rijen[r]
            for c in range(c0, min(c1, len(rij) - 1) + 1):
                rij[c] = waarde
        lezer.meld(
            "cel-samengevoegd",
            celnaam(c0 + 1, r0 + 1),
            bereik=f"{celnaam(c0 + 1, r0 + 1)}:{celnaam(c1 + 1, r1 + 1)}",
            waarde=lees_tekst(waarde),
        )


def _lees_velden(blad: Blad, cellen: _Cellen, lezer: _Lezer, plaats: Plaats) -> dict[str, object]:
    """A field sheet: labels in column A, values in column B."""
    labels = {kopsleutel(k.kop): k for k in blad.kolommen}
    labels.update({kopsleutel(k.sleutel): k for k in blad.kolommen})
    uit: dict[str, object] = {}
    for r, rij in enumerate(cellen.rijen):
        if not rij or r == 0 and normaliseer(lees_tekst(rij[0])) in ("veld", ""):
            continue
        label = lees_tekst(rij[0])
        if not label:
            if len(rij) > 1 and not _leeg(rij[1:2]):
                lezer.meld("veld-verplicht", f"A{r + 1}", kolom="Veldnaam (kolom A)")
            continue
        k = labels.get(kopsleutel(label))
        if k is None and (gevonden := _kop_met_toevoeging(label, labels)):
            k = gevonden[0]
            if k.sleutel not in plaats.velden:
                lezer.meld("kop-toevoeging", f"A{r + 1}", kop=label, kolom=k.kop, toevoeging=gevonden[1])
        if k is None:
            lezer.meld("kolom-onbekend", f"A{r + 1}", kolom=label)
            continue
        if k.sleutel in plaats.velden:
            lezer.meld("kolom-dubbel", f"A{r + 1}", kolom=label, andere="A" + plaats.velden[k.sleutel][1:])
            continue
        plaats.velden[k.sleutel] = f"B{r + 1}"
        uit[k.sleutel] = lezer.waarde(k, rij[1] if len(rij) > 1 else None, 2, r + 1)
    laatste = max([r for r, rij in enumerate(cellen.rijen) if not _leeg(rij)], default=0) + 2
    for k in blad.kolommen:
        if k.sleutel not in uit:
            if k.verplicht:
                lezer.meld("kolom-ontbreekt", f"A{laatste}", kolom=k.kop)
            uit[k.sleutel] = k.standaard
    return uit


# ---------------------------------------------------------------- workbooks


def _lees_uitvraag(
    bestand: str,
    bladen: dict[str, _Cellen],
    echte_namen: dict[str, str],
    controle: Bestandscontrole,
    invoer: Invoer,
) -> None:
    b = invoer.bevindingen
    lezers, plaatsen = {}, {}
    for bl in UITVRAAG_BLADEN:
        echt = echte_namen.get(bl.naam, bl.naam)
        lezers[bl.naam] = _Lezer(
            bestand,
            echt,
            invoer,
            controle.formules_zonder_waarde.get(echt, set()),
            controle.foutwaarden.get(echt),
            controle.procent.get(echt),
        )
        plaatsen[bl.naam] = invoer.plaatsen[(bestand, bl.naam)] = Plaats(echt)
    kop: dict[str, object] = {}
    if GEMEENTE.naam in bladen:
        kop = _lees_velden(GEMEENTE, bladen[GEMEENTE.naam], lezers[GEMEENTE.naam], plaatsen[GEMEENTE.naam])
    versie = str(kop.get("formaatversie") or "").strip()
    if GEMEENTE.naam in bladen and versie != FORMAATVERSIE:
        kop_blad, kop_cel = invoer.cel(bestand, GEMEENTE, "formaatversie")
        b.voeg_toe(
            "bestand-formaatversie",
            bestand=bestand,
            blad=kop_blad,
            cel=kop_cel,
            gevonden=versie or "(geen)",
            verwacht=FORMAATVERSIE,
        )
    code = _identiteit(bestand, kop, invoer)
    config = invoer.config
    naam = config.naam(code) if code else str(kop.get("naam") or Path(bestand).stem)
    datum = kop.get("datum")
    uitvraag = Uitvraag(
        naam=naam,
        cbs_code=code or "",
        bestand=bestand,
        ingevuld_door=str(kop.get("ingevuld_door") or ""),
        datum=datum if isinstance(datum, dt.date) else None,
        procesfase=str(kop.get("procesfase") or ""),
        procesfase_toelichting=str(kop.get("procesfase_toelichting") or ""),
        duiding=str(kop.get("duiding") or ""),
        formaatversie=versie,
        **_kenmerken(kop),
    )
    for blad in UITVRAAG_BLADEN[1:]:
        if blad.naam not in bladen:
            continue
        lezer, plaats = lezers[blad.naam], plaatsen[blad.naam]
        if blad.soort == "velden":
            waarden = _lees_velden(blad, bladen[blad.naam], lezer, plaats)
            aantallen: dict[str, Any] = {k: (v or 0) for k, v in waarden.items()}
            setattr(uitvraag, blad.sleutel, Aantallen(**aantallen))
            continue
        klasse = _MODEL[blad.sleutel]
        lijst = getattr(uitvraag, blad.sleutel)
        for rij, waarden in _lees_tabel(blad, bladen[blad.naam], lezer, plaats):
            extra = waarden.pop("_extra", "")
            if extra and "opmerking" in waarden and not waarden["opmerking"]:
                waarden["opmerking"] = extra
            lijst.append(_maak(klasse, waarden, Herkomst(bestand, plaats.blad, rij)))
    uitvraag.leeg_sjabloon = _leeg_sjabloon(uitvraag, kop, bladen)
    invoer.gelezen.append(uitvraag)


def _kenmerken(kop: dict[str, object]) -> dict[str, Any]:
    """The metadata fields of the Gemeente sheet (what the workbook was made for), typed for the model."""
    uit: dict[str, Any] = {}
    for sleutel in ("provincie", "regio", "cyclus"):
        uit[sleutel] = str(kop.get(sleutel) or "")
    for sleutel in (
        "actief_uiterlijk",
        "in_gebruik_tot_minstens",
        "peildatum_oekraine",
        "peildatum_statushouders",
    ):
        waarde = kop.get(sleutel)
        uit[sleutel] = waarde if isinstance(waarde, dt.date) else None
    return uit


#: Fields of the Gemeente sheet that the template fills in itself (identity, format and what it was made for).
VOORINGEVULD = {
    "naam",
    "cbs_code",
    "formaatversie",
    "provincie",
    "regio",
    "cyclus",
    "actief_uiterlijk",
    "in_gebruik_tot_minstens",
    "peildatum_oekraine",
    "peildatum_statushouders",
}


def _leeg_sjabloon(uitvraag: Uitvraag, kop: dict[str, object], bladen: dict[str, _Cellen]) -> bool:
    """Is this still the blank template: nothing beyond the prefilled name and code?

    No row on any table sheet, no value on the Aantallen sheet (not even 0), and no Gemeente field
    besides name, CBS code and format version."""
    if any(v not in (None, "") for k, v in kop.items() if k not in VOORINGEVULD):
        return False
    for blad in UITVRAAG_BLADEN[1:]:
        if blad.soort != "velden":
            if getattr(uitvraag, blad.sleutel):
                return False
        elif blad.naam in bladen:
            for rij in bladen[blad.naam].rijen[1:]:
                if len(rij) > 1 and rij[1] not in (None, ""):
                    return False
    return True


def _aantal(waarden: dict[str, object], sleutel: str) -> int:
    """A whole-number column of a row (an int, or None when empty or unreadable) with 0 for empty."""
    waarde = waarden.get(sleutel)
    return waarde if isinstance(waarde, int) else 0


def _maak(klasse: type[Any], waarden: dict[str, object], herkomst: Herkomst) -> object:
    """Build a model row; an empty cell takes the field's default (or "" for required text)."""
    velden = klasse.__dataclass_fields__
    args: dict[str, object] = {}
    for sleutel, waarde in waarden.items():
        veld = velden.get(sleutel)
        if veld is None:
            continue
        if waarde is None:
            if veld.default is not MISSING:
                waarde = veld.default
            elif veld.default_factory is not MISSING:
                waarde = veld.default_factory()
            else:
                waarde = ""
        args[sleutel] = waarde
    return klasse(**args, herkomst=herkomst)


def _identiteit(bestand: str, kop: dict[str, object], invoer: Invoer) -> str | None:
    """Resolve the gemeente of a workbook from name and CBS code; file identity findings."""
    config, b = invoer.config, invoer.bevindingen
    blad, naam_cel = invoer.cel(bestand, GEMEENTE, "naam")
    _, code_cel = invoer.cel(bestand, GEMEENTE, "cbs_code")
    naam = str(kop.get("naam") or "").strip()
    code_tekst = str(kop.get("cbs_code") or "").strip()
    code = normaliseer_code(code_tekst) if code_tekst else None
    code_uit_naam = config.zoek_code(naam) if naam else None
    if code_tekst and (code is None or code not in config.namen):
        # the name on the row above says which code was meant
        bedoeld = bedoelde_gemeente(config, code_uit_naam, "code", "volgens de naam")
        b.voeg_toe(
            "gemeente-onbekend", bestand=bestand, blad=blad, cel=code_cel, waarde=code_tekst, **bedoeld
        )
        code = None
    if naam and code_uit_naam is None:
        # the CBS code on the row below names the gemeente; else the closest name
        if code:
            bedoeld = bedoelde_gemeente(config, code, "naam", "volgens de CBS-code")
        else:
            bedoeld = bedoelde_gemeente(config, gemeentevoorstel(naam, config), "naam")
        b.voeg_toe("gemeente-onbekend", bestand=bestand, blad=blad, cel=naam_cel, waarde=naam, **bedoeld)
    if code and code_uit_naam and code != code_uit_naam:
        b.voeg_toe(
            "cbs-code-naam",
            bestand=bestand,
            blad=blad,
            cel=code_cel,
            code=code,
            code_naam=config.naam(code),
            naam=naam,
        )
        return None
    code = code or code_uit_naam
    if code and config.regio_van(code) is None:
        b.voeg_toe(
            "gemeente-buiten-indeling",
            bestand=bestand,
            blad=blad,
            cel=code_cel or naam_cel,
            naam=config.naam(code),
            code=code,
            indeling=config.buiten_indeling(code),
        )
    if code:
        _bestandsnaam_past(bestand, code, blad, naam_cel, invoer)
    return code


def bedoelde_gemeente(config: Config, code: str | None, toon: str, waarom: str = "") -> dict[str, str]:
    """The params of ``gemeente-onbekend``: the gemeente meant (``code``; shown by its ``toon``, "naam" or
    "code", the other in brackets with ``waarom``) and an example for the hint, from the configuration
    when nothing was meant: ``{"voorstel": "Wijchen", "grond": " (GM0296, volgens de CBS-code)",
    "voorbeeld": " (Wijchen, GM0296)"}``."""
    if not code:
        code = eerste(config)
        return {"voorbeeld": f" (bijvoorbeeld {config.naam(code)}, {code})" if code else ""}
    naam = config.naam(code)
    getoond, ander = (naam, code) if toon == "naam" else (code, naam)
    return {
        "voorstel": getoond,
        "grond": f" ({ander}, {waarom})" if waarom else f" ({ander})",
        "voorbeeld": f" ({naam}, {code})",
    }


def _bestandsnaam_past(bestand: str, code: str, blad: str, cel: str, invoer: Invoer) -> None:
    """Warn when the file name names another gemeente than the workbook's contents (zutphen.xlsx with
    Lochem inside): the coordinator would otherwise see Zutphen as missing without a word."""
    config = invoer.config
    uit_naam = code_uit_bestandsnaam(config, bestand)
    if uit_naam and uit_naam != code:
        invoer.bevindingen.voeg_toe(
            "bestandsnaam-andere-gemeente",
            bestand=bestand,
            blad=blad,
            cel=cel,
            bestandsnaam=bestand,
            naam_bestand=config.naam(uit_naam),
            naam=config.naam(code),
            code=code,
        )


def _lees_opgaven(bestand: str, echt: str, cellen: _Cellen, lezer: _Lezer, invoer: Invoer) -> None:
    b = invoer.bevindingen
    if invoer.opgavenbestand:
        b.voeg_toe(
            "gemeente-dubbel",
            bestand=bestand,
            naam="de opgaven",
            bestanden=f"{invoer.opgavenbestand}, {bestand}",
            gebruikt=invoer.opgavenbestand,
        )
        return
    invoer.opgavenbestand = bestand
    plaats = invoer.plaatsen[(bestand, OPGAVEN.naam)] = Plaats(echt)
    onbekend = 0
    zonder_voorstel = bedoelde_gemeente(invoer.config, None, "naam")  # once: the same for every row
    for rij, w in _lees_tabel(OPGAVEN, cellen, lezer, plaats):
        code = w.get("cbs_code")
        code = code if isinstance(code, str) and code in invoer.config.namen else None
        if code is None:
            code = invoer.config.zoek_code(str(w.get("gemeente") or ""))
        if code is None:
            _, cel = invoer.cel(bestand, OPGAVEN, "cbs_code", rij)
            naam = str(w.get("gemeente") or "")
            onbekend += 1  # a suggestion for the first ones only: a sheet of 200.000 bad rows stays linear
            voorstel = gemeentevoorstel(naam, invoer.config) if naam and onbekend <= MAX_PER_CODE else ""
            bedoeld = bedoelde_gemeente(invoer.config, voorstel, "naam") if voorstel else zonder_voorstel
            lezer.meld("gemeente-onbekend", cel, waarde=w.get("cbs_code") or naam, **bedoeld)
            continue
        opgave = Opgave(
            cbs_code=code,
            gemeente=invoer.config.naam(code),
            regio=str(w.get("regio") or ""),
            asiel_regulier=_aantal(w, "asiel_regulier"),
            asiel_amv=_aantal(w, "asiel_amv"),
            vaste_voorraad=_aantal(w, "vaste_voorraad"),
            vaste_voorraad_ingevuld=isinstance(w.get("vaste_voorraad"), int),
            oekraine=_aantal(w, "oekraine"),
            statushouders_taakstelling=_aantal(w, "statushouders_taakstelling"),
            statushouders_incl=_aantal(w, "statushouders_incl"),
            uitsluiting_historisch=w.get("uitsluiting_historisch") is True,
            uitsluiting_oekraine=w.get("uitsluiting_oekraine") is True,
            uitsluiting_toelichting=str(w.get("uitsluiting_toelichting") or ""),
            herkomst=Herkomst(bestand, echt, rij),
        )
        totaal = w.get("asiel_totaal")
        if isinstance(totaal, int) and totaal != opgave.asiel_totaal:
            lezer.meld(
                "opgave-totaal",
                invoer.cel(bestand, OPGAVEN, "asiel_totaal", rij)[1],
                regulier=opgave.asiel_regulier,
                amv=opgave.asiel_amv,
                som=opgave.asiel_totaal,
                totaal=totaal,
            )
        if code in invoer.opgaven:
            _, cel = invoer.cel(bestand, OPGAVEN, "cbs_code", rij)
            lezer.meld(
                "opgave-dubbel", cel, naam=opgave.gemeente, andere_rij=invoer.opgaven[code].herkomst.rij
            )
            continue
        invoer.opgaven[code] = opgave
