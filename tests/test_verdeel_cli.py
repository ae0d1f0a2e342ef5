"""`regioplan verdeel` on the example data against the Verdeelbesluit Overijssel 2024 (chapter 3 and
Tabel 1, transcribed by hand into tests/data/verdeelbesluit-overijssel-2024-tabel1.csv), and the CLI."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup

from regioplan.api import verdeel
from regioplan.uitvraag.schrijven import schrijf_uitvraag
from regioplan.verdeling import Instellingen, Paar
from regioplan.voorbeeld import lees_bron

from .conftest import REPO, VOORBEELD

TABEL1 = REPO / "tests" / "data" / "verdeelbesluit-overijssel-2024-tabel1.csv"
OMGEVING = {"NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam", "PATH": ""}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args], capture_output=True, text=True, env=OMGEVING
    )


def _tabel1() -> dict[str, tuple[int, int, int]]:
    regels = [r for r in TABEL1.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    return {
        r["cbs_code"]: (int(r["regulier"]), int(r["amv"]), int(r["totaal"])) for r in csv.DictReader(regels)
    }


@pytest.fixture(scope="module")
def v():
    return verdeel(VOORBEELD)


def test_samenvatting_zegt_wat_ze_telt(v):
    """The summary line names what it counts (no "16 + 16 gemeenten"), and says it when the result
    does not add up to the opgave or places are left under the cap."""
    from dataclasses import replace

    from regioplan.cli.verdeel import samenvatting

    ontvangers = len(v.ontvangers("regulier")), len(v.ontvangers("amv"))
    assert (
        f"verdeeld over {ontvangers[0]} gemeenten, die van 408 amv-plekken over {ontvangers[1]} gemeenten"
        in (samenvatting(v))
    )
    assert " + " not in samenvatting(v) and "gelijk aan de opgave" in samenvatting(v)
    anders = replace(v, opgave=Paar(5800, 538), onverdeeld=Paar(13, 0))
    assert samenvatting(anders).endswith(
        "na de verdeling 5.787 regulier en 538 amv bij een opgave van 5.800 regulier en 538 amv; niet te "
        "plaatsen onder het plafond: 13 regulier en 0 amv; simulatie, geen besluit"
    )


def test_tabel1_transcriptie_telt_op_tot_de_opgave():
    t = _tabel1()
    assert len(t) == 25
    assert all(reg + amv == tot for reg, amv, tot in t.values())
    assert sum(r for r, _, _ in t.values()) == 5787 and sum(a for _, a, _ in t.values()) == 538


def test_tussenstappen_zoals_hoofdstuk_3(v):
    assert v.opgave == Paar(5787, 538)
    assert v.na_stap_2 == Paar(3851, 130)
    assert v.restopgave == Paar(1936, 408)
    assert v.totaal == Paar(5787, 538) and v.onverdeeld == Paar()


def test_uitgesloten_zoals_hoofdstuk_3(v):
    def met(reden: str) -> set[str]:
        return {g.naam for g in v.gemeenten if any(u.reden == reden for u in g.uitsluitingen)}

    assert met("indicatief") == {
        "Almelo",
        "Deventer",
        "Hardenberg",
        "Hengelo",
        "Kampen",
        "Rijssen-Holten",
        "Tubbergen",
    }
    assert met("historisch") == {"Almelo", "Deventer", "Hardenberg"}
    assert met("oekraine") == {"Borne"}
    assert met("minimum") == set() and met("uitruil") == set()


def test_ontvangers_zoals_hoofdstuk_3(v):
    beide = {
        "Dalfsen",
        "Dinkelland",
        "Haaksbergen",
        "Hellendoorn",
        "Hof van Twente",
        "Losser",
        "Oldenzaal",
        "Olst-Wijhe",
        "Ommen",
        "Raalte",
        "Staphorst",
        "Steenwijkerland",
        "Twenterand",
        "Zwartewaterland",
        "Zwolle",
    }
    assert {g.naam for g in v.ontvangers("regulier")} == beide | {"Wierden"}
    assert {g.naam for g in v.ontvangers("amv")} == beide | {"Enschede"}


def _gelijk(v) -> int:
    t = _tabel1()
    return sum(1 for g in v.gemeenten if (g.verdeling.regulier, g.verdeling.amv) == t[g.cbs_code][:2])


def test_per_gemeente_tegen_tabel1(v):
    """The issue asks at least 20 of 25 rows exact in regulier and amv, none more than 3 places off.
    The defaults give 22; docs/verdeel.md explains the three other rows: all three are gemeenten that
    offered places themselves, every gemeente without own places is exact."""
    t = _tabel1()
    verschil = {
        g.naam: (g.verdeling.regulier - t[g.cbs_code][0], g.verdeling.amv - t[g.cbs_code][1])
        for g in v.gemeenten
    }
    afwijkend = {n: d for n, d in verschil.items() if d != (0, 0)}
    assert _gelijk(v) == 22 == 25 - len(afwijkend)
    assert max(abs(x) for d in verschil.values() for x in d) <= 3
    met_eigen_plekken = {g.naam for g in v.gemeenten if g.na_stap_2.totaal}
    assert set(afwijkend) <= met_eigen_plekken
    # the total per gemeente is off by at most 2 (the rounding rest); Zwolle, the largest share, is above
    # the common percentage like in Tabel 1
    zwolle = next(g for g in v.gemeenten if g.naam == "Zwolle")
    assert zwolle.verdeling.totaal > v.percentage * zwolle.indicatief.totaal
    assert all(abs(sum(d)) <= 2 for d in afwijkend.values())


def test_standaardinstellingen_zijn_de_best_passende(v):
    """The evidence of docs/verdeel.md: every other setting matches Tabel 1 in fewer rows."""

    def met(**kw) -> int:
        return _gelijk(verdeel(VOORBEELD, instellingen=Instellingen(**kw)))

    assert _gelijk(v) == 22
    assert met(percentage_decimalen=None) == 20
    assert met(percentage_decimalen=2) == 21
    assert met(percentage_decimalen=0) == 9
    assert met(afronding="grootste-rest") == 17
    assert met(afronding="half-omhoog") == 16
    assert met(basis="per-soort") == 8
    assert met(splitsing="naar-restopgave") == 8


def test_cli_json_met_gemeenten_en_stappen():
    r = _run("verdeel", str(VOORBEELD), "--formaat", "json", "--vergelijk", str(TABEL1))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    g = next(x for x in d["gemeenten"] if x["naam"] == "Dalfsen")
    assert g["cbs_code"] == "GM0148" and g["verdeling"] == {"regulier": 142, "amv": 26, "totaal": 168}
    assert d["restopgave"] == {"regulier": 1936, "amv": 408, "totaal": 2344}
    assert d["na_stap_2"]["regulier"] == 3851 and d["vergelijking"]["gelijk"] == 22
    assert d["instellingen"] == {
        "basis": "totaal",
        "splitsing": "amv-naar-indicatie",
        "afronding": "omlaag-grootste",
        "minimum": 5,
        "percentage_decimalen": 1,
    }
    assert d["percentage"] == 0.895
    assert "Geen besluit" in d["simulatie"]
    assert "22 van 25 rijen gelijk" in r.stderr
    assert (
        "Overijssel: de restopgave van 1.936 reguliere plekken is verdeeld over 16 gemeenten, die van 408 "
        "amv-plekken over 16 gemeenten; na de verdeling 5.787 regulier en 538 amv, gelijk aan de opgave; "
        "simulatie, geen besluit; 22 van 25 rijen gelijk aan verdeelbesluit-overijssel-2024-tabel1.csv"
    ) in r.stderr.splitlines()
    exact = _run("verdeel", str(VOORBEELD), "--percentage-decimalen", "exact", "--vergelijk", str(TABEL1))
    assert exact.returncode == 0, exact.stderr
    assert "20 van 25 rijen gelijk" in exact.stderr


def test_cli_uitleg_per_gemeente():
    r = _run("verdeel", str(VOORBEELD), "--gemeente", "Kampen", "--uitleg")
    assert r.returncode == 0, r.stderr
    tekst = " ".join(r.stdout.split())
    assert "Hotel Zalkerbroek" in tekst and "lokale besluitvorming is afgerond" in tekst
    assert "Stap 4a: uitgesloten" in tekst and "308" in tekst
    assert "Dalfsen" not in tekst
    zwolle = " ".join(_run("verdeel", str(VOORBEELD), "-g", "Zwolle", "--uitleg").stdout.split())
    assert "grootste aandeel" in zwolle and "9 plekken die daarna overbleven" in zwolle


def test_cli_xlsx_html_md_deterministisch(tmp_path):
    for naam in ("v.xlsx", "v.html", "v.md"):
        r = _run("verdeel", str(VOORBEELD), "--uit", str(tmp_path / naam), "--vergelijk", str(TABEL1))
        assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(tmp_path / "v.xlsx")
    assert wb.sheetnames == ["Verdeling", "Stappen", "Uitleg", "Vergelijking", "Simulatie"]
    rijen = list(wb["Verdeling"].iter_rows(values_only=True))
    assert rijen[-1][0] == "Overijssel" and rijen[-1][7:10] == (5787, 538, 6325)
    soep = BeautifulSoup((tmp_path / "v.html").read_text(encoding="utf-8"), "html.parser")
    assert "Simulatie" in soep.find(class_="simulatie").get_text()
    assert soep.find("section", id="vergelijking") is not None
    eerst = {n: (tmp_path / n).read_bytes() for n in ("v.html", "v.xlsx")}
    time.sleep(2.1)  # the zip entries of an xlsx hold a time with two-second steps
    for naam in eerst:
        _run("verdeel", str(VOORBEELD), "--uit", str(tmp_path / naam), "--vergelijk", str(TABEL1))
        assert (tmp_path / naam).read_bytes() == eerst[naam], naam
    assert "Simulatie" in (tmp_path / "v.md").read_text(encoding="utf-8")


def test_vijandige_tekst_wordt_geescaped(tmp_path):
    map_ = tmp_path / "data"
    shutil.copytree(VOORBEELD, map_)
    bron = lees_bron(VOORBEELD / "bron" / "almelo.toml")
    vijand = "<script>alert(1)</script> | *x* [rood]=1+1"
    for loc in bron["asiel"]:
        if loc["locatie"] == "Bellavistastraat 5":
            loc["locatie"] = vijand
    schrijf_uitvraag(map_ / "almelo.xlsx", bron)
    html = _run("verdeel", str(map_), "-f", "html")
    assert html.returncode == 0, html.stderr
    assert "<script>" not in html.stdout and "&lt;script&gt;" in html.stdout
    md = _run("verdeel", str(map_), "-f", "md")
    assert "\\<script\\>" in md.stdout or "&lt;script&gt;" in md.stdout
    assert "\\| \\*x\\*" in md.stdout
    tekst = _run("verdeel", str(map_), "-g", "Almelo", "--uitleg")
    assert "[rood]=1+1" in tekst.stdout
    uit = tmp_path / "v.xlsx"
    assert _run("verdeel", str(map_), "--uit", str(uit)).returncode == 0
    cellen = [c.value for rij in openpyxl.load_workbook(uit)["Uitleg"].iter_rows() for c in rij]
    assert any(isinstance(c, str) and vijand in c for c in cellen)


@pytest.mark.parametrize(
    "inhoud, verwacht",
    [
        ("", "leeg"),
        ("naam;getal\nDalfsen;3\n", "kolommen"),
        ("gemeente,regulier,amv\nAtlantis,1,2\n", "Atlantis"),
        ("gemeente,regulier,amv\nDalfsen,veel,2\n", "hele getallen"),
    ],
)
def test_vergelijk_met_slechte_tabel_geeft_nette_fout(tmp_path, inhoud, verwacht):
    pad = tmp_path / "t.csv"
    pad.write_text(inhoud, encoding="utf-8")
    r = _run("verdeel", str(VOORBEELD), "--vergelijk", str(pad))
    assert r.returncode == 2
    assert verwacht in r.stderr and "Traceback" not in r.stderr


def test_kansrijk_en_uitsluiting_uit_de_werkboeken(v):
    almelo = next(g for g in v.gemeenten if g.naam == "Almelo")
    assert [(k.omschrijving, k.plekken, k.criterium) for k in almelo.kansrijke_plannen] == [
        ("Bellavistastraat 5", 70, "besluit")
    ]
    assert "almelo.xlsx" in almelo.kansrijke_plannen[0].bron
    borne = next(g for g in v.gemeenten if g.naam == "Borne")
    assert "Oekraïners" in borne.uitsluitingen[0].toelichting


def test_oud_werkboek_zonder_nieuwe_kolommen_blijft_leesbaar(tmp_path):
    """Workbooks of before the kansrijk and exclusion columns still read: nothing kansrijk, no exclusions."""
    map_ = tmp_path / "data"
    shutil.copytree(VOORBEELD, map_)
    for naam, blad, koppen in (
        (
            "opgaven.xlsx",
            "Opgaven",
            ("Uitsluiting historisch", "Uitsluiting Oekraïne", "Toelichting uitsluiting"),
        ),
        ("almelo.xlsx", "Asiel", ("Kansrijk", "Toelichting kansrijk")),
    ):
        wb = openpyxl.load_workbook(map_ / naam)
        ws = wb[blad]
        for kolom in sorted((c.column for c in ws[1] if c.value in koppen), reverse=True):
            ws.delete_cols(kolom)
        wb.save(map_ / naam)
    x = verdeel(Path(map_))
    assert x.na_stap_2 == Paar(3781, 130)  # without Almelo's 70
    assert not any(u.reden in ("historisch", "oekraine") for g in x.gemeenten for u in g.uitsluitingen)
    assert x.totaal == Paar(5787, 538)


def test_valideer_meldt_kansrijk_dat_al_telt_en_uitsluiting_zonder_toelichting(tmp_path):
    map_ = tmp_path / "data"
    shutil.copytree(VOORBEELD, map_)
    bron = lees_bron(VOORBEELD / "bron" / "wierden.toml")
    for loc in bron["asiel"]:
        if loc["locatie"] == "Vlierdijk":
            loc["kansrijk"] = "besluit"
    schrijf_uitvraag(map_ / "wierden.xlsx", bron)
    wb = openpyxl.load_workbook(map_ / "opgaven.xlsx")
    ws = wb["Opgaven"]
    kolom = next(c.column for c in ws[1] if c.value == "Toelichting uitsluiting")
    rij = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == "GM0147")
    ws.cell(row=rij, column=kolom).value = None
    wb.save(map_ / "opgaven.xlsx")
    r = _run("valideer", str(map_), "--formaat", "json")
    codes = {(b["code"], b.get("cel")) for b in json.loads(r.stdout)["bevindingen"]}
    assert any(c == "kansrijk-telt-al" for c, _ in codes)
    assert any(c == "uitsluiting-zonder-toelichting" and cel for c, cel in codes)
    # the distribution counts Vlierdijk once: Wierden stays at 50 regulier after step 2
    wierden = next(g for g in verdeel(Path(map_)).gemeenten if g.naam == "Wierden")
    assert wierden.na_stap_2 == Paar(50, 56)


def test_eigen_sjabloon_vervangt_het_ingebouwde(tmp_path):
    eigen = tmp_path / "sjablonen"
    eigen.mkdir()
    (eigen / "verdeling.md.j2").write_text(
        "Eigen: {{ provincie }} {{ restopgave.regulier }} + {{ restopgave.amv }}\n", encoding="utf-8"
    )
    r = _run("verdeel", str(VOORBEELD), "-f", "md", "--sjablonen", str(eigen))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Eigen: Overijssel 1936 + 408\n"
    (eigen / "verdeling.md.j2").write_text("{{ bestaat_niet }}\n", encoding="utf-8")
    r = _run("verdeel", str(VOORBEELD), "-f", "md", "--sjablonen", str(eigen))
    assert r.returncode == 2 and "sjabloon-fout" in r.stderr and "bestaat_niet" in r.stderr
    assert "Traceback" not in r.stderr
