"""Reading a folder of workbooks into the domain model.

Each workbook is opened once with python-calamine (fast; no formatting needed). Every cell problem
becomes a finding with file, sheet and A1 cell; the row is still read, with the best value that can
be made of it, so no row disappears silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, field
from difflib import get_close_matches
from pathlib import Path

from python_calamine import CalamineWorkbook

from ..bevindingen import Bevindingen, celnaam
from ..config import Config, normaliseer_code
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
from ..waarden import lees_capaciteit, lees_datum, lees_geheel, lees_keuze, lees_tekst, normaliseer
from .bestand import controleer_bestand
from .schema import (
    FORMAATVERSIE,
    GEMEENTE,
    OPGAVEN,
    TOELICHTING_BLAD,
    UITVRAAG_BLADEN,
    Blad,
    Kolom,
)

XLSX = {".xlsx", ".xlsm"}
ANDERE_REKENBLADEN = {".xls", ".ods", ".csv", ".numbers", ".xlsb"}
KOP_ZOEKEN = 10  #: rows searched for a header that slipped down

_MODEL = {"asiel": AsielLocatie, "voornemens": Voornemen, "oekraine": GooLocatie, "huisvesting": Huisvestingsplan,
          "dsl_kso": DslKso, "uitruil": Uitruil}


@dataclass
class Invoer:
    """Everything read from one folder (or one file): the model plus the findings."""

    config: Config
    opgaven: dict[str, Opgave] = field(default_factory=dict)
    uitvragen: dict[str, Uitvraag] = field(default_factory=dict)
    bevindingen: Bevindingen = field(default_factory=Bevindingen)
    bestanden: list[str] = field(default_factory=list)  #: every file looked at, in order
    opgavenbestand: str = ""
    dubbel: dict[str, list[str]] = field(default_factory=dict)  #: CBS code -> extra files for it


@dataclass
class _Cellen:
    """A sheet as a grid of Python values plus its merged ranges."""

    rijen: list[list[object]]
    samengevoegd: list[tuple[tuple[int, int], tuple[int, int]]]


def lees_map(pad: Path, config: Config) -> Invoer:
    """Read a folder (opgaven workbook + gemeente workbooks) or a single workbook."""
    invoer = Invoer(config)
    bestanden = [pad] if pad.is_file() else sorted(p for p in pad.iterdir() if p.is_file())
    for bestand in bestanden:
        naam = bestand.name
        ext = bestand.suffix.lower()
        if naam.startswith("~$"):
            invoer.bevindingen.voeg_toe("bestand-vergrendeld", bestand=naam, naam=naam)
            continue
        if ext in ANDERE_REKENBLADEN:
            invoer.bestanden.append(naam)
            soort = {".xls": "een .xls-bestand (Excel 97-2003)", ".ods": "een OpenDocument-rekenblad (.ods)",
                     ".csv": "een CSV-bestand"}.get(ext, f"een {ext}-bestand")
            invoer.bevindingen.voeg_toe("bestand-geen-xlsx", bestand=naam, soort=soort)
            continue
        if ext not in XLSX:
            continue  # README, regioplan.toml, notes: not input
        invoer.bestanden.append(naam)
        lees_werkboek(bestand, invoer)
    return invoer


def lees_werkboek(pad: Path, invoer: Invoer) -> None:
    """Read one workbook into ``invoer``: the opgaven workbook or a gemeente's uitvraag."""
    b = invoer.bevindingen
    naam = pad.name
    controle = controleer_bestand(pad)
    if controle.code:
        b.voeg_toe(controle.code, bestand=naam, **controle.params)
        return
    if controle.macro:
        b.voeg_toe("bestand-macro", bestand=naam)
    try:
        wb = CalamineWorkbook.from_path(str(pad))
        bladen = {normaliseer(n): n for n in wb.sheet_names}
        if normaliseer(OPGAVEN.naam) in bladen:
            cellen = _cellen(wb, bladen[normaliseer(OPGAVEN.naam)])
            _lees_opgaven(naam, cellen, controle.formules_zonder_waarde.get(OPGAVEN.naam, set()), invoer)
            return
        gelezen = {blad.naam: _cellen(wb, bladen[normaliseer(blad.naam)])
                   for blad in UITVRAAG_BLADEN if normaliseer(blad.naam) in bladen}
    except Exception as fout:  # calamine reports broken content with several exception types
        b.voeg_toe("bestand-corrupt", bestand=naam, detail=f"{type(fout).__name__}: {fout}")
        return
    bekend = {normaliseer(bl.naam) for bl in UITVRAAG_BLADEN} | {normaliseer(TOELICHTING_BLAD)}
    for sleutel, echte_naam in bladen.items():
        if sleutel not in bekend:
            b.voeg_toe("blad-onbekend", bestand=naam, blad=echte_naam)
    _lees_uitvraag(naam, gelezen, controle.formules_zonder_waarde, invoer)


def _cellen(wb: CalamineWorkbook, bladnaam: str) -> _Cellen:
    ws = wb.get_sheet_by_name(bladnaam)
    rijen = ws.to_python(skip_empty_area=False)
    try:
        samen = [(tuple(a), tuple(z)) for a, z in (ws.merged_cell_ranges or [])]
    except Exception:  # older calamine builds do not expose merged ranges for every format
        samen = []
    return _Cellen(rijen, samen)


# ---------------------------------------------------------------- cell parsing


class _Lezer:
    """Parses cells of one sheet and files findings at the right cell."""

    def __init__(self, bestand: str, blad: str, invoer: Invoer, formules: set[str]) -> None:
        self.bestand, self.blad, self.b, self.formules = bestand, blad, invoer.bevindingen, formules

    def meld(self, code: str, cel: str = "", **params: object) -> None:
        self.b.voeg_toe(code, bestand=self.bestand, blad=self.blad, cel=cel, **params)

    def waarde(self, kolom: Kolom, ruw: object, cel: str) -> object:
        """Parse one cell by its column type; empty gives the column default."""
        leeg = ruw is None or (isinstance(ruw, str) and not ruw.strip())
        if leeg:
            if cel in self.formules:
                self.meld("formule-zonder-waarde", cel)
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
                self.meld("cbs-code-nullen", cel, waarde=tekst, code=code)
            return code
        if t in ("geheel", "geheel_neg"):
            waarde, probleem = lees_geheel(ruw, negatief=t == "geheel_neg")
        elif t == "capaciteit":
            waarde, probleem = lees_capaciteit(ruw)
        elif t == "datum":
            waarde, probleem = lees_datum(ruw)
        elif t == "keuze":
            waarde, probleem = lees_keuze(ruw, kolom.keuzes)
        elif t == "janee":
            waarde, probleem = lees_keuze(ruw, kolom.keuzes)
            waarde = None if waarde is None else waarde == "ja"
        else:  # pragma: no cover - schema and parser are defined together
            raise ValueError(t)
        if probleem:
            self.meld(probleem[0], cel, **probleem[1])
        if waarde is None and kolom.standaard is not None:
            return kolom.standaard
        return waarde


def _leeg(rij: list[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in rij)


def _lees_tabel(blad: Blad, cellen: _Cellen, lezer: _Lezer) -> list[tuple[int, dict[str, object]]]:
    """Rows of a table sheet as ``(row number, {key: value})``; structure problems become findings."""
    rijen = cellen.rijen
    bekend = {}
    for k in blad.kolommen:
        bekend[normaliseer(k.kop)] = k
        bekend[normaliseer(k.sleutel)] = k

    def treffers(rij: list[object]) -> int:
        return sum(1 for v in rij if isinstance(v, str) and normaliseer(v) in bekend)

    kop_index = 0
    if not rijen or treffers(rijen[0]) == 0:
        kandidaten = [i for i in range(min(KOP_ZOEKEN, len(rijen))) if treffers(rijen[i]) >= 2]
        if not kandidaten:
            for k in blad.kolommen:
                if k.verplicht:
                    lezer.meld("kolom-ontbreekt", celnaam(blad.kolommen.index(k) + 1, 1), kolom=k.kop)
            return []
        kop_index = kandidaten[0]
        lezer.meld("kop-verschoven", f"A{kop_index + 1}", gevonden=kop_index + 1, verwacht=1)
    for (r0, c0), (r1, c1) in cellen.samengevoegd:
        if r0 <= kop_index <= r1 and c1 > c0:
            lezer.meld("kop-samengevoegd", celnaam(c0 + 1, r0 + 1), bereik=f"{celnaam(c0 + 1, r0 + 1)}:{celnaam(c1 + 1, r1 + 1)}")
    kop = rijen[kop_index]
    posities: dict[str, int] = {}
    onbekend: list[tuple[int, str]] = []
    for i, v in enumerate(kop):
        tekst = lees_tekst(v)
        if not tekst:
            continue
        k = bekend.get(normaliseer(tekst))
        if k is not None and k.sleutel not in posities:
            posities[k.sleutel] = i
        else:
            onbekend.append((i, tekst))
    for k in blad.kolommen:
        if k.sleutel in posities:
            continue
        vrij = [t for _, t in onbekend]
        voorstel = get_close_matches(normaliseer(k.kop), [normaliseer(t) for t in vrij], n=1, cutoff=0.6)
        echt = next((t for t in vrij if voorstel and normaliseer(t) == voorstel[0]), "")
        if k.verplicht or echt:
            lezer.meld("kolom-ontbreekt", celnaam(len(kop) + 1, kop_index + 1), kolom=k.kop, voorstel=echt)
    genoemd_als_voorstel: set[str] = set()
    for i, tekst in onbekend:
        if tekst not in genoemd_als_voorstel:
            lezer.meld("kolom-onbekend", celnaam(i + 1, kop_index + 1), kolom=tekst)
    uit = []
    lege_reeks, gemeld = 0, False
    for r in range(kop_index + 1, len(rijen)):
        rij = rijen[r]
        if _leeg(rij):
            lege_reeks += 1
            continue
        if lege_reeks and uit and not gemeld:
            lezer.meld("gegevens-na-lege-rijen", f"A{r + 1}", aantal=lege_reeks, rij=r + 1)
            gemeld = True
        lege_reeks = 0
        waarden: dict[str, object] = {}
        for k in blad.kolommen:
            if k.sleutel not in posities:
                waarden[k.sleutel] = k.standaard
                continue
            i = posities[k.sleutel]
            ruw = rij[i] if i < len(rij) else None
            waarden[k.sleutel] = lezer.waarde(k, ruw, celnaam(i + 1, r + 1))
        onbekende_inhoud = [rij[i] for i, _ in onbekend if i < len(rij) and rij[i] not in (None, "")]
        if onbekende_inhoud and not waarden.get("opmerking"):
            waarden["_extra"] = "; ".join(lees_tekst(v) for v in onbekende_inhoud)
        uit.append((r + 1, waarden))
    return uit


def _lees_velden(blad: Blad, cellen: _Cellen, lezer: _Lezer) -> dict[str, object]:
    """A field sheet: labels in column A, values in column B."""
    labels = {normaliseer(k.kop): k for k in blad.kolommen}
    labels.update({normaliseer(k.sleutel): k for k in blad.kolommen})
    uit: dict[str, object] = {}
    for r, rij in enumerate(cellen.rijen):
        if not rij or r == 0 and normaliseer(lees_tekst(rij[0])) in ("veld", ""):
            continue
        label = lees_tekst(rij[0])
        if not label:
            if len(rij) > 1 and not _leeg(rij[1:]):
                lezer.meld("veld-verplicht", f"A{r + 1}", kolom="Veldnaam (kolom A)")
            continue
        k = labels.get(normaliseer(label))
        if k is None:
            lezer.meld("kolom-onbekend", f"A{r + 1}", kolom=label)
            continue
        uit[k.sleutel] = lezer.waarde(k, rij[1] if len(rij) > 1 else None, f"B{r + 1}")
    for k in blad.kolommen:
        if k.sleutel not in uit:
            if k.verplicht:
                lezer.meld("kolom-ontbreekt", f"A{len(cellen.rijen) + 1}", kolom=k.kop)
            uit[k.sleutel] = k.standaard
    return uit


# ---------------------------------------------------------------- workbooks


def _lees_uitvraag(bestand: str, bladen: dict[str, _Cellen], formules: dict[str, set[str]], invoer: Invoer) -> None:
    b = invoer.bevindingen
    config = invoer.config
    for blad in UITVRAAG_BLADEN:
        if blad.naam not in bladen:
            b.voeg_toe("blad-ontbreekt", bestand=bestand, blad=blad.naam)
    lezers = {bl.naam: _Lezer(bestand, bl.naam, invoer, formules.get(bl.naam, set())) for bl in UITVRAAG_BLADEN}
    kop = _lees_velden(GEMEENTE, bladen[GEMEENTE.naam], lezers[GEMEENTE.naam]) if GEMEENTE.naam in bladen else {}
    versie = str(kop.get("formaatversie") or "").strip()
    if GEMEENTE.naam in bladen and versie != FORMAATVERSIE:
        b.voeg_toe("bestand-formaatversie", bestand=bestand, blad=GEMEENTE.naam,
                   cel=f"B{GEMEENTE.kolommen.index(GEMEENTE.kolom('formaatversie')) + 2}",
                   gevonden=versie or "(geen)", verwacht=FORMAATVERSIE)
    code = _identiteit(bestand, kop, invoer)
    naam = config.naam(code) if code else str(kop.get("naam") or Path(bestand).stem)
    datum = kop.get("datum")
    uitvraag = Uitvraag(
        naam=naam, cbs_code=code or "", bestand=bestand, ingevuld_door=str(kop.get("ingevuld_door") or ""),
        datum=datum if isinstance(datum, dt.date) else None, procesfase=str(kop.get("procesfase") or ""),
        procesfase_toelichting=str(kop.get("procesfase_toelichting") or ""), duiding=str(kop.get("duiding") or ""),
        formaatversie=versie,
    )
    for blad in UITVRAAG_BLADEN[1:]:
        if blad.naam not in bladen:
            continue
        lezer = lezers[blad.naam]
        if blad.soort == "velden":
            waarden = _lees_velden(blad, bladen[blad.naam], lezer)
            setattr(uitvraag, blad.sleutel, Aantallen(**{k: (v or 0) for k, v in waarden.items()}))
            continue
        klasse = _MODEL[blad.sleutel]
        lijst = getattr(uitvraag, blad.sleutel)
        for rij, waarden in _lees_tabel(blad, bladen[blad.naam], lezer):
            extra = waarden.pop("_extra", "")
            if extra and "opmerking" in waarden and not waarden["opmerking"]:
                waarden["opmerking"] = extra
            lijst.append(_maak(klasse, waarden, Herkomst(bestand, blad.naam, rij)))
    if code:
        if code in invoer.uitvragen:
            invoer.dubbel.setdefault(code, []).append(bestand)
        else:
            invoer.uitvragen[code] = uitvraag
    elif uitvraag.naam:
        invoer.uitvragen.setdefault(f"?{bestand}", uitvraag)


def _maak(klasse: type, waarden: dict[str, object], herkomst: Herkomst) -> object:
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
    naam_cel = f"B{GEMEENTE.kolommen.index(GEMEENTE.kolom('naam')) + 2}"
    code_cel = f"B{GEMEENTE.kolommen.index(GEMEENTE.kolom('cbs_code')) + 2}"
    naam = str(kop.get("naam") or "").strip()
    code_tekst = str(kop.get("cbs_code") or "").strip()
    code = normaliseer_code(code_tekst) if code_tekst else None
    if code_tekst and (code is None or code not in config.namen):
        b.voeg_toe("gemeente-onbekend", bestand=bestand, blad=GEMEENTE.naam, cel=code_cel, waarde=code_tekst)
        code = None
    code_uit_naam = config.zoek_code(naam) if naam else None
    if naam and code_uit_naam is None:
        b.voeg_toe("gemeente-onbekend", bestand=bestand, blad=GEMEENTE.naam, cel=naam_cel, waarde=naam)
    if code and code_uit_naam and code != code_uit_naam:
        b.voeg_toe("cbs-code-naam", bestand=bestand, blad=GEMEENTE.naam, cel=code_cel, code=code,
                   code_naam=config.naam(code), naam=naam)
        return None
    code = code or code_uit_naam
    if code and config.regio_van(code) is None:
        b.voeg_toe("gemeente-buiten-indeling", bestand=bestand, blad=GEMEENTE.naam, cel=code_cel, naam=config.naam(code),
                   code=code, indeling=f"provincie {config.provincie}")
    return code


def _lees_opgaven(bestand: str, cellen: _Cellen, formules: set[str], invoer: Invoer) -> None:
    lezer = _Lezer(bestand, OPGAVEN.naam, invoer, formules)
    b = invoer.bevindingen
    if invoer.opgavenbestand:
        b.voeg_toe("gemeente-dubbel", bestand=bestand, naam="het opgaven-werkboek",
                   bestanden=f"{invoer.opgavenbestand}, {bestand}")
        return
    invoer.opgavenbestand = bestand
    kolommen = {k.sleutel: i for i, k in enumerate(OPGAVEN.kolommen)}
    for rij, w in _lees_tabel(OPGAVEN, cellen, lezer):
        code = w.get("cbs_code")
        code = code if isinstance(code, str) and code in invoer.config.namen else None
        if code is None:
            code = invoer.config.zoek_code(str(w.get("gemeente") or ""))
        if code is None:
            lezer.meld("gemeente-onbekend", f"A{rij}", waarde=w.get("cbs_code") or w.get("gemeente") or "")
            continue
        opgave = Opgave(
            cbs_code=code, gemeente=invoer.config.naam(code), regio=str(w.get("regio") or ""),
            asiel_regulier=w.get("asiel_regulier") or 0, asiel_amv=w.get("asiel_amv") or 0,
            vaste_voorraad=w.get("vaste_voorraad") or 0, oekraine=w.get("oekraine") or 0,
            statushouders_taakstelling=w.get("statushouders_taakstelling") or 0,
            statushouders_incl=w.get("statushouders_incl") or 0, herkomst=Herkomst(bestand, OPGAVEN.naam, rij),
        )
        totaal = w.get("asiel_totaal")
        if isinstance(totaal, int) and totaal != opgave.asiel_totaal:
            lezer.meld("opgave-totaal", f"{_kol(kolommen, 'asiel_totaal')}{rij}", regulier=opgave.asiel_regulier,
                       amv=opgave.asiel_amv, som=opgave.asiel_totaal, totaal=totaal)
        if code in invoer.opgaven:
            lezer.meld("gemeente-dubbel", f"A{rij}", naam=opgave.gemeente, bestanden=f"{bestand} (meerdere rijen)")
            continue
        invoer.opgaven[code] = opgave


def _kol(kolommen: dict[str, int], sleutel: str) -> str:
    return celnaam(kolommen[sleutel] + 1, 1).rstrip("1")
