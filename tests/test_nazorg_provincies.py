"""Rounds outside Overijssel as a coordinator runs them (session 5 follow-up): one test per kind of fault
found by probing Noord-Brabant, Utrecht, Fryslân, Flevoland, Zeeland, Limburg, Groningen and Zuid-Holland.

Each test builds real workbooks with ``regioplan sjabloon`` and fills them with openpyxl, as a coordinator
would (one gemeente that does not deliver, one exchange between gemeenten), then runs the commands.
The findings and what changed: /work/notes/followup5-h5d.md and CHANGELOG "Nazorg (sessie 5)".
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regioplan.cli import main
from regioplan.namen import naamvolgorde, regio_titel
from regioplan.opmaak import aantal

DATUM = dt.datetime


def _vul(map_: Path, zonder: tuple[str, ...] = (), uitruil: tuple[str, str, int] | None = None) -> None:
    """Fill every workbook of ``map_`` with plausible numbers; ``zonder``: files removed (not delivered);
    ``uitruil``: (receiver file, supplier file, places) recorded on both sheets Uitruil, the supplier with a
    location large enough."""
    namen = {}
    for p in sorted(map_.glob("*.xlsx")):
        if p.name != "opgaven.xlsx":
            namen[p.name] = load_workbook(p, read_only=True)["Gemeente"]["B2"].value
    for p in sorted(map_.glob("*.xlsx")):
        if p.name == "opgaven.xlsx" or p.name in zonder:
            continue
        s = zlib.crc32(p.name.encode())
        wb = load_workbook(p)
        naam = wb["Gemeente"]["B2"].value
        wb["Gemeente"]["B4"] = "A. de Vries"
        wb["Gemeente"]["B5"] = DATUM(2024, 10, 1)
        a = wb["Asiel"]
        a.append(
            [f"{naam}, Stationsweg 1", 40 + s % 150, "asiel", "regulier", DATUM(2023, 1, 1), "onbepaald"]
        )
        a.append(
            [f"{naam}, Kerkstraat 2", 10 + s % 20, "amv", "amv-opvang", DATUM(2024, 3, 1), DATUM(2027, 3, 1)]
        )
        for rij in a.iter_rows(min_row=2):
            rij[6].value, rij[7].value, rij[8].value = "COA", "ja", "automatisch"
        wb["Oekraïne"].append(
            [f"{naam}, Parallelweg 3", 50 + s % 100, "regulier", DATUM(2022, 6, 1), "onbepaald"]
        )
        n = wb["Aantallen"]
        n["B2"], n["B3"], n["B4"] = 10 + s % 40, 20 + s % 60, -(s % 25)
        if uitruil and p.name in uitruil[:2]:
            ontvangt = p.name == uitruil[0]
            partner = namen[uitruil[1] if ontvangt else uitruil[0]]
            wb["Uitruil"].append(
                [partner, "asiel", uitruil[2], "ontvangt" if ontvangt else "levert", DATUM(2024, 2, 1)]
                + [DATUM(2026, 6, 1), "afgesproken", "afspraak van de colleges"]
            )
            if not ontvangt:
                a.append([f"{naam}, Havenkade 9", 300, "asiel", "regulier", DATUM(2023, 5, 1), "onbepaald"])
                a.cell(a.max_row, 7, "COA"), a.cell(a.max_row, 8, "ja"), a.cell(a.max_row, 9, "automatisch")
        wb.save(p)
    for naam in zonder:
        (map_ / naam).unlink()
    wb = load_workbook(map_ / "opgaven.xlsx")
    ws = wb["Opgaven"]
    for r in range(2, ws.max_row + 1):
        s = zlib.crc32(str(ws.cell(r, 1).value).encode())
        regulier, amv = 100 + s % 400, 10 + s % 40
        for kolom, waarde in enumerate([regulier, amv, regulier + amv, s % 100, 150 + s % 300, 20, 40], 4):
            ws.cell(r, kolom, waarde)
    wb.save(map_ / "opgaven.xlsx")


def _json(map_: Path, tmp_path: Path) -> dict:
    uit = tmp_path / "r.json"
    assert main(["bereken", str(map_), "--uit", str(uit)]) == 0
    return json.loads(uit.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brabant_noord(tmp_path_factory) -> Path:
    """Regio Brabant-Noord (11 gemeenten, with 's-Hertogenbosch); Vught does not deliver; Oss supplies 120
    asylum places to 's-Hertogenbosch."""
    map_ = tmp_path_factory.mktemp("brabant") / "werkboeken"
    opdracht = ["sjabloon", "--provincie", "noord-brabant", "--regio", "brabant-noord", "--opgaven"]
    assert main([*opdracht, "--uit", str(map_)]) == 0
    _vul(map_, zonder=("vught.xlsx",), uitruil=("s-hertogenbosch.xlsx", "oss.xlsx", 120))
    return map_


@pytest.fixture(scope="module")
def noord_brabant(tmp_path_factory) -> Path:
    """All 56 gemeenten of Noord-Brabant, filled as in :func:`brabant_noord` (Vught does not deliver, Oss
    supplies 120 places to 's-Hertogenbosch): the provincial verslag and the verdeling need the province."""
    map_ = tmp_path_factory.mktemp("noord-brabant") / "werkboeken"
    assert main(["sjabloon", "--provincie", "noord-brabant", "--opgaven", "--uit", str(map_)]) == 0
    _vul(map_, zonder=("vught.xlsx",), uitruil=("s-hertogenbosch.xlsx", "oss.xlsx", 120))
    return map_


# --- the order of names --------------------------------------------------------------------------------


def test_naamvolgorde_negeert_het_lidwoord_van_oude_plaatsnamen():
    namen = [
        "Oss",
        "'s-Hertogenbosch",
        "Heusden",
        "Boxtel",
        "'s-Gravenhage",
        "Goes",
        "Súdwest-Fryslân",
        "Sluis",
    ]
    assert sorted(namen, key=naamvolgorde) == [
        "Boxtel", "Goes", "'s-Gravenhage", "'s-Hertogenbosch", "Heusden", "Oss", "Sluis", "Súdwest-Fryslân",
    ]  # fmt: skip
    assert naamvolgorde("Dantumadiel") < naamvolgorde("De Fryske Marren") < naamvolgorde("Drimmelen")


def test_s_hertogenbosch_staat_bij_de_h_in_elke_uitvoer(brabant_noord, tmp_path, capsys):
    """Before: 's-Hertogenbosch came first (raw sort puts the apostrophe before A) in the tables, the JSON,
    the opgaven workbook and the regioplan.toml of sjabloon, and under S in the built-in regio order."""
    verwacht = ["Bernheze", "Boekel", "Boxtel", "'s-Hertogenbosch", "Heusden", "Land van Cuijk"]
    gemeenten = [g["naam"] for g in _json(brabant_noord, tmp_path)["gemeenten"]]
    assert gemeenten[:6] == verwacht
    opgaven = load_workbook(brabant_noord / "opgaven.xlsx", read_only=True)["Opgaven"]
    assert [r[1] for r in opgaven.iter_rows(min_row=2, max_row=7, values_only=True)] == verwacht
    toml = (brabant_noord / "regioplan.toml").read_text(encoding="utf-8")
    assert [m for m in re.findall(r"# (\S.*)$", toml, re.M) if m in verwacht] == verwacht
    capsys.readouterr()
    assert main(["bereken", str(brabant_noord)]) == 0
    terminal = capsys.readouterr().out
    assert terminal.index(" Boxtel ") < terminal.index(" 's-Hertogenbosch ") < terminal.index(" Heusden ")
    uit = tmp_path / "rapport"
    assert main(["rapport", str(brabant_noord), "--regio", "brabant-noord", "--uit", str(uit)]) == 0
    md = (uit / "regionaal-plan-brabant-noord.md").read_text(encoding="utf-8")
    kerncijfers = re.findall(r"^### (.+)$", md.split("## 10.")[1].split("## 11.")[0], re.M)
    assert kerncijfers[:6] == verwacht


# --- an exchange between two gemeenten of the province ----------------------------------------------------


def test_uitruil_binnen_de_provincie_is_geen_locatie_en_telt_een_keer(brabant_noord, noord_brabant, tmp_path):
    """Before: the +120/-120 rows of the exchange were listed in chapter 4 as two 'locations' named
    'Uitruil' of soort Overig ("Overig – 2 locaties, 0 plekken")."""
    d = _json(brabant_noord, tmp_path)
    per = {g["naam"]: g for g in d["gemeenten"]}
    regels = {
        g: [loc for loc in per[g]["asiel"]["locaties"] if loc["uitruil_partner"]]
        for g in ("'s-Hertogenbosch", "Oss")
    }
    assert [(r["locatie"], r["telwaarde"]) for r in regels["'s-Hertogenbosch"]] == [("Uitruil met Oss", 120)]
    assert [(r["locatie"], r["telwaarde"]) for r in regels["Oss"]] == [("Uitruil met 's-Hertogenbosch", -120)]
    # every place once: the regio is the sum of its gemeenten, the 300 places of Oss counted once
    regio = d["regios"]["brabant-noord"]["asiel"]
    assert regio["geldig"] == sum(g["asiel"]["geldig"] for g in d["gemeenten"])
    assert (
        per["'s-Hertogenbosch"]["asiel"]["via_uitruil"] == 120 and per["Oss"]["asiel"]["via_uitruil"] == -120
    )
    assert per["Vught"]["status"] == "geen-gegevens"
    uit = tmp_path / "rapport"
    assert main(["rapport", str(brabant_noord), "--regio", "brabant-noord", "--uit", str(uit)]) == 0
    md = (uit / "regionaal-plan-brabant-noord.md").read_text(encoding="utf-8")
    hoofdstuk4 = md.split("## 4.")[1].split("## 5.")[0]
    assert "Uitruil" not in hoofdstuk4 and "Overig" not in hoofdstuk4
    hoofdstuk5 = md.split("## 5.")[1].split("## 6.")[0]
    # an exchange is no location in "Locaties die meetellen" either: its places show as "waarvan via uitruil"
    assert "Uitruil met" not in hoofdstuk5
    assert [r for r in hoofdstuk5.splitlines() if "120 |" in r] == [
        "| ↳ waarvan via uitruil | | +120 | | | | | |",
        "| ↳ waarvan via uitruil | | -120 | | | | | |",
    ]
    # the explanation and the gemeenten's own words are two sentences, not glued together
    hoofdstuk7 = md.split("## 7.")[1].split("## 8.")[0]
    assert "gelijk vastgelegd. Toelichting Oss en 's-Hertogenbosch: “afspraak van de colleges”" in hoofdstuk7
    # the provincial verslag (of a folder of the whole province): the exchange row is no extra location of
    # the gemeente that receives
    assert main(["rapport", str(noord_brabant), "--regio", "noord-brabant", "--uit", str(uit)]) == 0
    verslag = (uit / "provinciaal-verslag-noord-brabant.md").read_text(encoding="utf-8")
    garanderen = verslag.split("## 2.")[1].split("## 3.")[0]
    bosch = next(r for r in garanderen.splitlines() if r.startswith("| **'s-Hertogenbosch** |"))
    assert bosch.endswith("| 2 locaties |") and "Uitruil met" not in garanderen, bosch
    assert "| ↳ waarvan via uitruil | | +120 |" in garanderen


def test_verdeel_samenvatting_met_duizendtallen(noord_brabant, capsys):
    capsys.readouterr()
    assert main(["verdeel", str(noord_brabant)]) == 0
    regel = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.search(r"restopgave van \d{1,3}(\.\d{3})+ reguliere plekken", regel), regel
    assert not re.search(r"\d{4}", regel.replace("2024", "")), regel


def test_verdeel_noemt_de_gemeente_zonder_gegevens(noord_brabant, tmp_path, capsys):
    """Before: Vught (no workbook) stood in the distribution with 0 taken over and nothing said why."""
    capsys.readouterr()
    assert main(["verdeel", str(noord_brabant), "--gemeente", "Vught", "--uitleg"]) == 0
    uit = capsys.readouterr()
    assert "let op: geen gegevens van Vught;" in uit.err
    assert "Stap 1: geen gegevens (geen bruikbaar werkboek), dus 0 plekken overgenomen" in uit.out
    assert main(["verdeel", str(noord_brabant), "--uit", str(tmp_path / "v.json")]) == 0
    data = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert data["geen_gegevens"] == ["Vught"]
    assert [g["naam"] for g in data["gemeenten"] if g["geen_gegevens"]] == ["Vught"]
    assert main(["verdeel", str(noord_brabant), "--uit", str(tmp_path / "v.md")]) == 0
    md = (tmp_path / "v.md").read_text(encoding="utf-8")
    assert "> **Geen gegevens** van Vught: die gemeente leverde geen bruikbaar werkboek." in md


# --- regio names: "Regio X", a regio named like a gemeente, one gemeente, no gemeente -----------------


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id" and v]


UTRECHT = """provincie = "utrecht"

[[regio]]
naam = "Regio Utrecht"
sleutel = "regio-utrecht"
gemeenten = ["GM0307", "GM0310", "GM0355"]   # Amersfoort, De Bilt, Zeist

[[regio]]
naam = "Utrecht"
sleutel = "stad"
gemeenten = ["GM0344"]   # Utrecht
"""


@pytest.fixture(scope="module")
def utrecht(tmp_path_factory) -> Path:
    """Two regio's: 'Regio Utrecht' (3 gemeenten, De Bilt does not deliver; Zeist supplies 60 to Amersfoort)
    and 'Utrecht' with only the gemeente Utrecht (a regio named like its gemeente and its province)."""
    map_ = tmp_path_factory.mktemp("utrecht") / "werkboeken"
    map_.mkdir()
    (map_ / "regioplan.toml").write_text(UTRECHT, encoding="utf-8")
    assert main(["sjabloon", "--opgaven", "--uit", str(map_)]) == 0
    assert sorted(p.name for p in map_.glob("*.xlsx")) == [
        "amersfoort.xlsx", "de-bilt.xlsx", "opgaven.xlsx", "utrecht.xlsx", "zeist.xlsx",
    ]  # fmt: skip
    _vul(map_, zonder=("de-bilt.xlsx",), uitruil=("amersfoort.xlsx", "zeist.xlsx", 60))
    return map_


@pytest.fixture(scope="module")
def utrecht_rapporten(utrecht, tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("utrecht-uit")
    assert main(["rapport", str(utrecht), "--regio", "alle", "--uit", str(uit)]) == 0
    return uit


def test_regio_titel():
    assert regio_titel("Twente") == "Regio Twente"
    assert regio_titel("Regio Utrecht") == "Regio Utrecht"
    assert regio_titel("regio Groningen") == "regio Groningen"
    assert regio_titel("Regionaal Twente") == "Regio Regionaal Twente"
    assert regio_titel("Fryslân", hoofdletter=False) == "regio Fryslân"


def test_nooit_regio_regio(utrecht, utrecht_rapporten, tmp_path):
    """Before: "### Regio Regio Utrecht" in the provincial report, "regio Regio Flevoland" in the caption of
    the regional plan, "Regio Regio ..." in the PDF header and in the regioplan.toml of sjabloon --regio."""
    namen = sorted(p.name for p in utrecht_rapporten.iterdir())
    assert namen == [  # 4 of the 26 gemeenten of Utrecht: the regional plans, no provincial verslag
        "regionaal-plan-regio-utrecht.html", "regionaal-plan-regio-utrecht.md",
        "regionaal-plan-stad.html", "regionaal-plan-stad.md",
    ]  # fmt: skip
    for pad in utrecht_rapporten.iterdir():
        tekst = pad.read_text(encoding="utf-8")
        assert not re.search(r"regio\s+regio", tekst, re.I), pad.name
    # the whole province (built in: one regio, "Regio Utrecht"): its verslag names the regio once
    heel = tmp_path / "heel"
    assert main(["sjabloon", "--provincie", "utrecht", "--opgaven", "--uit", str(heel)]) == 0
    _vul(heel, zonder=(), uitruil=None)
    assert main(["rapport", str(heel), "--regio", "utrecht", "--uit", str(tmp_path / "heel-uit")]) == 0
    verslag = (tmp_path / "heel-uit" / "provinciaal-verslag-utrecht.md").read_text(encoding="utf-8")
    assert not re.search(r"regio\s+regio", verslag, re.I)
    assert re.findall(r"^### (Regio .+)$", verslag.split("## 9.")[1], re.M) == ["Regio Utrecht"]
    plan = (utrecht_rapporten / "regionaal-plan-regio-utrecht.html").read_text(encoding="utf-8")
    assert "<caption>Opgaven per gemeente, Regio Utrecht</caption>" in plan
    los = tmp_path / "los"
    config = str(utrecht / "regioplan.toml")
    assert main(["sjabloon", "--config", config, "--regio", "regio-utrecht", "--uit", str(los)]) == 0
    assert (
        (los / "regioplan.toml")
        .read_text(encoding="utf-8")
        .startswith("# regioplan.toml voor Regio Utrecht (provincie Utrecht)")
    )


def test_regio_met_de_naam_van_een_gemeente_heeft_eigen_ankers(utrecht_rapporten):
    """Before: regio and gemeente Utrecht both got id="uitsplitsing-utrecht" in the HTML report."""
    for pad in utrecht_rapporten.glob("*.html"):
        p = _Ids()
        p.feed(pad.read_text(encoding="utf-8"))
        dubbel = sorted({i for i in p.ids if p.ids.count(i) > 1})
        assert dubbel == [], (pad.name, dubbel)
        html = pad.read_text(encoding="utf-8")
        for doel in re.findall(r'href="#([^"]+)"', html):
            assert doel in p.ids, (pad.name, doel)


def test_regio_met_een_gemeente_in_het_enkelvoud(utrecht_rapporten):
    """Before: "Utrecht (1 gemeenten, provincie Utrecht)", "De 1 gemeenten van Utrecht garanderen samen"."""
    md = (utrecht_rapporten / "regionaal-plan-stad.md").read_text(encoding="utf-8")
    assert "- **Regio:** Utrecht (1 gemeente, provincie Utrecht)" in md
    assert re.search(r"^De gemeente van Utrecht garandeert \*\*\d", md, re.M)
    assert "1 gemeenten" not in md
    html = (utrecht_rapporten / "regionaal-plan-stad.html").read_text(encoding="utf-8")
    assert "(1 gemeente, provincie Utrecht)" in html and "1 gemeenten" not in html
    regio = (utrecht_rapporten / "regionaal-plan-regio-utrecht.md").read_text(encoding="utf-8")
    assert "De 2 gemeenten van Regio Utrecht die gegevens aanleverden, garanderen samen" in regio
    assert "(onvolledig: 2 van 3 gemeenten)" in regio
    assert [aantal(n) for n in (0, 1, 2, 1234)] == [
        "0 gemeenten",
        "1 gemeente",
        "2 gemeenten",
        "1.234 gemeenten",
    ]


def test_regio_zonder_gegevens(utrecht, tmp_path):
    """A regio whose only gemeente did not deliver: no "De 0 gemeenten ... garanderen samen"."""
    map_ = tmp_path / "werkboeken"
    map_.mkdir()
    for p in utrecht.iterdir():
        if p.name != "utrecht.xlsx":
            (map_ / p.name).write_bytes(p.read_bytes())
    uit = tmp_path / "uit"
    assert main(["rapport", str(map_), "--regio", "stad", "--uit", str(uit)]) == 0
    md = (uit / "regionaal-plan-stad.md").read_text(encoding="utf-8")
    assert "**Er zijn nog geen gegevens ontvangen**: de gemeente van Utrecht leverde nog geen" in md
    assert "De 0 gemeenten" not in md and "(onvolledig: 0 van 1 gemeente)" in md
    assert "garanderen samen" not in md and "1 gemeenten" not in md


def test_regio_met_de_naam_van_de_provincie_krijgt_een_eigen_sleutel(tmp_path, capsys):
    """Before: a [[regio]] "Flevoland" without sleutel got the province's key 'flevoland': `--regio alle`
    wrote only the provincial verslag ("1 rapport geschreven"); the regional plan could not be asked for."""
    map_ = tmp_path / "werkboeken"
    map_.mkdir()
    alle = '["GM0034", "GM0303", "GM0995", "GM0171", "GM0184", "GM0050"]'  # the six gemeenten of Flevoland
    toml = f'provincie = "flevoland"\n\n[[regio]]\nnaam = "Flevoland"\ngemeenten = {alle}\n'
    (map_ / "regioplan.toml").write_text(toml, encoding="utf-8")
    assert main(["sjabloon", "--opgaven", "--uit", str(map_)]) == 0
    _vul(map_)
    uit = tmp_path / "uit"
    assert main(["rapport", str(map_), "--regio", "alle", "--uit", str(uit)]) == 0
    assert sorted(p.name for p in uit.iterdir()) == [
        "provinciaal-verslag-flevoland.html", "provinciaal-verslag-flevoland.md",
        "regionaal-plan-regio-flevoland.html", "regionaal-plan-regio-flevoland.md",
    ]  # fmt: skip
    plan = (uit / "regionaal-plan-regio-flevoland.md").read_text(encoding="utf-8")
    assert plan.startswith("# Regionaal plan Flevoland\n")


@pytest.mark.parametrize(
    ("regios", "melding"),
    [
        (
            '[[regio]]\nnaam = "Flevo"\nsleutel = "Utrecht"\ngemeenten = ["GM0344"]\n',
            "regio 'Flevo' heeft de sleutel van de provincie ('Utrecht')",
        ),
        ('[[regio]]\nnaam = "Leeg"\ngemeenten = []\n', "regio 'Leeg' heeft geen gemeenten"),
        (
            '[[regio]]\nnaam = "A"\nsleutel = "west"\ngemeenten = ["GM0344"]\n\n'
            '[[regio]]\nnaam = "B"\nsleutel = "West"\ngemeenten = ["GM0307"]\n',
            "regio 'A' en regio 'B' hebben dezelfde sleutel 'West'",
        ),
    ],
)
def test_regio_zonder_gemeenten_of_met_dezelfde_sleutel_is_een_configfout(tmp_path, capsys, regios, melding):
    """Before: an empty regio gave a report "De 0 gemeenten van Leeg garanderen samen 0 ... – van de opgave
    van 0"; two regio's with one key wrote both plans to one file, the second over the first."""
    (tmp_path / "regioplan.toml").write_text('provincie = "utrecht"\n\n' + regios, encoding="utf-8")
    capsys.readouterr()
    assert main(["bereken", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert "config-ongeldig" in fout and melding in fout and "Traceback" not in fout
