"""Every check of ``valideer`` against a corpus of real bad files (see ``tests/corpus.py``).

Why: a check that is catalogued but never fires, fires at the wrong cell or fires too often is worse
than no check. Each case must produce exactly its listed findings at (file, sheet, cell); every
catalogue code must be provoked by some case; no row of any workbook may disappear without a finding;
and the installed command must survive the whole corpus with exit code 0 or 1.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regioplan.api import lees, valideer
from regioplan.bevindingen import _VELD, CATALOGUS, FOUT, VOORSTEL_TEKST, WAARSCHUWING, Bevindingen
from regioplan.cli import main
from regioplan.controles import Validatie
from regioplan.uitvraag.lezen import Invoer, hulpbestand_van, is_slotbestand
from regioplan.uitvraag.schema import OPGAVEN, TOELICHTING_BLAD, UITVRAAG_BLADEN

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelddata" / "overijssel-2024"
GEVALLEN = {g.id: g for g in corpus.GEVALLEN}


@pytest.fixture(scope="session")
def corpuswortel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


@pytest.fixture(scope="session")
def corpusmap(corpuswortel: Path) -> dict[str, Path]:
    """The whole corpus on disk once: case id -> the path to check (a folder, or one file)."""
    return corpus.bouw_corpus(corpuswortel)


_INVOER: dict[Path, Invoer] = {}


def _lees(pad: Path) -> Invoer:
    """Read each corpus case once per session; the tests below look at the same result from several sides."""
    if pad not in _INVOER:
        _INVOER[pad] = lees(pad)
    return _INVOER[pad]


def _valideer(pad: Path) -> Validatie:
    return Validatie.van(_lees(pad))  # what regioplan.api.valideer does, on the cached reading


def _plaatsen(validatie) -> list[tuple[str, str, str, str]]:
    return sorted((b.code, b.bestand, b.blad, b.cel) for b in validatie.bevindingen)


def test_basis_is_schoon(corpusmap: dict[str, Path], corpuswortel: Path) -> None:
    resultaat = valideer(corpuswortel / "_basis")
    assert _plaatsen(resultaat) == []
    assert resultaat.samenvatting() == "4 bestanden: 0 fouten, 0 waarschuwingen"


@pytest.mark.parametrize("geval", corpus.GEVALLEN, ids=lambda g: g.id)
def test_geval_geeft_precies_zijn_bevindingen(geval: corpus.Geval, corpusmap: dict[str, Path]) -> None:
    resultaat = _valideer(corpusmap[geval.id])
    assert _plaatsen(resultaat) == sorted(geval.verwacht)
    for b in resultaat.bevindingen:
        assert b.ernst == CATALOGUS[b.code].ernst
        assert "{" not in b.bericht and "}" not in b.bericht, b.bericht
        assert "{" not in b.hint, b.hint
        assert b.bericht.strip() and b.hint.strip()


def test_elke_code_uit_de_catalogus_zit_in_de_corpus() -> None:
    gedekt = {code for g in corpus.GEVALLEN for code, *_ in g.verwacht}
    assert set(CATALOGUS) - gedekt == set()
    assert gedekt - set(CATALOGUS) == set()  # no case expects a code that does not exist


def test_elke_fout_en_waarschuwing_komt_voor() -> None:
    ernst = Counter(CATALOGUS[code].ernst for g in corpus.GEVALLEN for code, *_ in g.verwacht)
    assert ernst[FOUT] > 0 and ernst[WAARSCHUWING] > 0


def test_catalogus_is_volledig_en_voorbeelden_renderen() -> None:
    """docs/controles.md is generated from the catalogue: every example must fill every placeholder."""
    for code, c in CATALOGUS.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert c.code == code
        assert c.ernst in (FOUT, WAARSCHUWING)
        assert c.groep in ("bestand", "structuur", "waarden", "identiteit", "samenhang")
        nodig = set(_VELD.findall(c.bericht + c.hint))
        assert nodig <= set(c.voorbeeld), (code, nodig - set(c.voorbeeld))
        assert ("voorstel_tekst" in nodig) == (code in VOORSTEL_TEKST), code
        b = Bevindingen().voeg_toe(code, **c.voorbeeld)
        assert "{" not in b.bericht + b.hint and "''" not in b.bericht, (code, b.bericht)
        if "voorstel_tekst" in c.voorbeeld:  # the example text is what the code would write itself
            zonder = {k: v for k, v in c.voorbeeld.items() if k != "voorstel_tekst"}
            assert Bevindingen().voeg_toe(code, **zonder).bericht == b.bericht, code


def test_alle_problemen_tegelijk(tmp_path: Path) -> None:
    """Problems in several files and sheets are all reported in one run, not the first one only."""
    ids = [
        "getal-tekst",
        "datum-nntb",
        "kolom-onbekend",
        "kso-som",
        "opgave-totaal",
        "zonder-uitvraag",
        "excel-slot",
        "leeg",
        "formule-zonder-waarde",
        "telt-mee-zonder-toelichting-goo",
    ]
    basis = corpus.bouw_basis(tmp_path / "basis")
    shutil.copytree(basis, tmp_path / "alles")
    for i in ids:
        GEVALLEN[i].maak(tmp_path / "alles")
    verwacht = sorted(v for i in ids for v in GEVALLEN[i].verwacht)
    resultaat = valideer(tmp_path / "alles")
    assert _plaatsen(resultaat) == verwacht
    assert resultaat.samenvatting() == "4 bestanden: 6 fouten, 4 waarschuwingen"


# ---------------------------------------------------------------- nothing is silently dropped

#: Findings that say a whole file or a whole sheet was not read (its rows are named by them).
NIET_GELEZEN_BESTAND = {
    "bestand-geen-xlsx",
    "bestand-corrupt",
    "bestand-beveiligd",
    "bestand-leeg",
    "bestand-te-groot",
    "bestand-sjabloon-onbekend",
    "bestand-vergrendeld",
    "gemeente-dubbel",
    "bestand-onleesbaar",
    "bestand-hulpbestand",
}
NIET_GELEZEN_BLAD = {"blad-onbekend", "kop-niet-gevonden", "blad-verborgen", "blad-dubbel"}


def _rij(cel: str) -> int:
    return int(re.sub(r"^[A-Z]+", "", cel))


def _verantwoord(pad: Path) -> tuple[set[tuple[str, str, int]], set[tuple[str, str]], set[str], object]:
    """Rows read into the model or named by a finding; sheets and files named as not read."""
    invoer = _lees(pad)
    rijen: set[tuple[str, str, int]] = set()
    for u in invoer.gelezen:
        for lijst in (u.asiel, u.voornemens, u.oekraine, u.huisvesting, u.dsl_kso, u.uitruil):
            rijen |= {(x.herkomst.bestand, x.herkomst.blad, x.herkomst.rij) for x in lijst}
    rijen |= {(o.herkomst.bestand, o.herkomst.blad, o.herkomst.rij) for o in invoer.opgaven.values()}
    for (bestand, _schema), plaats in invoer.plaatsen.items():
        rijen |= {
            (bestand, plaats.blad, r) for r in range(1, plaats.kop_rij + 1)
        }  # header (and title rows above it)
        rijen |= {(bestand, plaats.blad, _rij(cel)) for cel in plaats.velden.values()}
    bladen: set[tuple[str, str]] = set()
    bestanden: set[str] = set()
    for b in invoer.bevindingen.alle():
        if b.cel:
            rijen.add((b.bestand, b.blad, _rij(b.cel)))
        elif b.blad and b.code in NIET_GELEZEN_BLAD:
            bladen.add((b.bestand, b.blad))
        elif not b.blad and b.code in NIET_GELEZEN_BESTAND:
            bestanden.add(b.bestand)
    return rijen, bladen, bestanden, invoer


_GEVULD: dict[str, dict[str, list[int]]] = {}


def _gevulde_rijen(bestand: Path) -> dict[str, list[int]]:
    """Per sheet (not the explanation sheet) the numbers of the rows that hold anything, read with openpyxl
    (not calamine, which valideer itself uses). Cached by content: most cases share most files."""
    sleutel = hashlib.sha256(bestand.read_bytes()).hexdigest()
    if sleutel not in _GEVULD:
        _GEVULD[sleutel] = _lees_gevuld(bestand)
    return _GEVULD[sleutel]


def _lees_gevuld(bestand: Path) -> dict[str, list[int]]:
    wb = load_workbook(bestand, read_only=True)
    try:
        uit = {}
        for ws in wb.worksheets:
            if ws.title == TOELICHTING_BLAD:
                continue
            uit[ws.title] = [
                r
                for r, rij in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1)
                if any(v is not None and str(v).strip() for v in rij)
            ]
        return uit
    finally:
        wb.close()


def _onverantwoorde_rijen(pad: Path) -> list[str]:
    rijen, bladen, bestanden, _ = _verantwoord(pad)
    missen = []
    for bestand in [pad] if pad.is_file() else sorted(pad.iterdir()):
        if bestand.suffix.lower() not in (".xlsx", ".xlsm") or bestand.name in bestanden:
            continue
        if not bestand.is_file():  # a pipe or a folder named like a workbook: nothing to open
            continue
        try:
            gevuld = _gevulde_rijen(bestand)
        except (
            Exception
        ):  # openpyxl cannot open it either: then valideer must have said so for the whole file
            missen.append(f"{bestand.name}: onleesbaar maar niet als geheel gemeld")
            continue
        for blad, nummers in gevuld.items():
            if (bestand.name, blad) in bladen:
                continue
            missen += [f"{bestand.name} {blad}!{r}" for r in nummers if (bestand.name, blad, r) not in rijen]
    return missen


@pytest.mark.parametrize("geval", corpus.GEVALLEN, ids=lambda g: g.id)
def test_geen_rij_verdwijnt_stil(geval: corpus.Geval, corpusmap: dict[str, Path]) -> None:
    assert _onverantwoorde_rijen(corpusmap[geval.id]) == []


def test_geen_rij_verdwijnt_stil_in_de_voorbeelddata() -> None:
    assert _onverantwoorde_rijen(VOORBEELD) == []


def test_voorbeelddata_elke_rij_precies_een_keer_in_het_model() -> None:
    """Counted, not just covered: the model holds exactly as many rows as the sheets have filled rows."""
    invoer = _lees(VOORBEELD)
    tabellen = {bl.naam: bl.sleutel for bl in UITVRAAG_BLADEN if bl.soort == "tabel"}
    for u in invoer.gelezen:
        gevuld = _gevulde_rijen(VOORBEELD / u.bestand)
        for blad, sleutel in tabellen.items():
            assert len(getattr(u, sleutel)) == len(gevuld[blad]) - 1, (
                u.bestand,
                blad,
            )  # minus the header row
    gevuld = _gevulde_rijen(VOORBEELD / invoer.opgavenbestand)[OPGAVEN.naam]
    assert len(invoer.opgaven) == len(gevuld) - 1 == 25
    assert len(invoer.gelezen) == len(invoer.uitvragen) == 25


def test_rijen_van_een_blad_zonder_koppen_worden_genoemd(corpusmap: dict[str, Path]) -> None:
    """The one place where rows are not read at all: the finding says how many."""
    b = next(
        b for b in _valideer(corpusmap["kop-niet-gevonden"]).bevindingen if b.code == "kop-niet-gevonden"
    )
    assert "de 4 gevulde rijen zijn niet gelezen" in b.bericht  # title row + header + the two GOO rows


# ---------------------------------------------------------------- the CLI over the corpus


@pytest.mark.parametrize("geval", corpus.GEVALLEN, ids=lambda g: g.id)
def test_cli_json_gelijk_aan_bibliotheek_en_exitcode(
    geval: corpus.Geval, corpusmap: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pad = corpusmap[geval.id]
    rc = main(["valideer", str(pad), "--formaat", "json"])
    uit = capsys.readouterr()
    assert "interne fout" not in uit.err and "Traceback" not in uit.err
    assert json.loads(uit.out) == _valideer(pad).als_dict()
    heeft_fout = any(CATALOGUS[code].ernst == FOUT for code, *_ in geval.verwacht)
    assert rc == (1 if heeft_fout else 0)


def _regioplan() -> list[str]:
    script = Path(sys.executable).parent / "regioplan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "regioplan"]


def test_cli_als_proces_over_de_hele_corpus(
    corpusmap: dict[str, Path], corpuswortel: Path, tmp_path: Path
) -> None:
    """Every corpus file in one folder, through the installed command: no traceback, exit 0 or 1, and
    every file accounted for in the overview or the findings."""
    alles = tmp_path / "alles"
    shutil.copytree(corpuswortel / "_basis", alles)
    for naam, pad in corpusmap.items():
        for bestand in [pad] if pad.is_file() else pad.iterdir():
            if bestand.is_file() and bestand.name != "regioplan.toml":
                eigen = is_slotbestand(bestand.name) or hulpbestand_van(bestand.name)  # the name is the point
                doel = bestand.name if eigen else f"{naam}--{bestand.name}"
                shutil.copy(bestand, alles / doel)
    omgeving = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}
    proces = subprocess.run(
        [*_regioplan(), "valideer", str(alles), "--formaat", "json"],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=300,
    )
    assert proces.returncode == 1, proces.stderr
    assert "Traceback" not in proces.stderr and "interne fout" not in proces.stderr
    data = json.loads(proces.stdout)
    genoemd = {o["bestand"] for o in data["overzicht"]} | {b["bestand"] for b in data["bevindingen"]}
    werkboeken = {
        p.name for p in alles.iterdir() if p.name != "regioplan.toml" and not p.name.endswith(".txt")
    }
    assert werkboeken <= genoemd
    assert data["samenvatting"]["fouten"] > 50
    codes = {b["code"] for b in data["bevindingen"]}
    assert len(codes) > 0.6 * len(CATALOGUS)


@pytest.mark.parametrize(
    "geval",
    [g for g in corpus.GEVALLEN if g.enkel or g.id in ("leeg", "beveiligd", "afgekapt")],
    ids=lambda g: g.id,
)
def test_cli_als_proces_enkel_bestand(geval: corpus.Geval, corpusmap: dict[str, Path]) -> None:
    """A gemeente checks its own (broken) file before sending it."""
    pad = corpusmap[geval.id]
    if pad.is_dir():
        pad = pad / geval.verwacht[0][1]
    omgeving = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}
    proces = subprocess.run(
        [*_regioplan(), "valideer", str(pad)], capture_output=True, text=True, env=omgeving, timeout=120
    )
    assert proces.returncode == 1, proces.stderr
    assert "Traceback" not in proces.stderr
    assert geval.verwacht[0][0] in proces.stdout
    assert proces.stdout.rstrip().endswith("1 bestand: 1 fout, 0 waarschuwingen")
