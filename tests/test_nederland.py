"""The synthetic national data set (benchmarks/nederland.py) end to end, on a subset of provinces.

Why: regioplan must work for any province and any grouping into regio's, not only Overijssel. The
generator writes real workbooks with the template code; here two provinces of different shape
(Flevoland: 6 gemeenten in 2 regio's, Limburg: 31 in 3) go through the real script, ``valideer`` and
``bereken``, and every total is checked twice: against the sum of its parts (gemeenten -> regio ->
province) and against the generator's own input, recomputed with the cycle rule as DOMEIN.md states it.
Not timed; the timings live in benchmarks/run.py.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from regioplan import api
from regioplan.bevindingen import CATALOGUS
from regioplan.config import laad_config, landelijke_gemeenten

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "nederland.py"
PROVINCIES = ("Flevoland", "Limburg")
OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}

SOMMEN = {
    "asiel": ("opgave", "opgave_amv", "geldig", "geldig_amv", "voornemens", "vaste_voorraad"),
    "oekraine": ("opgave", "realisatie", "poo", "in_ontwikkeling"),
    "statushouders": (
        "taakstelling",
        "taakstelling_incl",
        "realisatie",
        "verwachte_achterstand",
        "dsl",
        "kso",
    ),
}


def _laad_generator():
    spec = importlib.util.spec_from_file_location("benchmark_nederland", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


nederland = _laad_generator()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("nederland")
    args = [sys.executable, str(SCRIPT), "--uit", str(uit), "--jobs", "2"]
    for p in PROVINCIES:
        args += ["--provincie", p]
    proces = subprocess.run(args, env=OMGEVING, capture_output=True, text=True, check=False, cwd=ROOT)
    assert proces.returncode == 0, proces.stderr
    assert "2 provincies, 37 gemeenten" in proces.stdout
    return uit


def test_indeling_dekt_alle_gemeenten_van_nederland():
    provincies = nederland.provincies()
    assert len(provincies) == 12
    assert sum(len(g) for g in provincies.values()) == 342 == len(landelijke_gemeenten())
    for provincie, gemeenten in provincies.items():
        regios = nederland.indeling(provincie, gemeenten)
        assert 2 <= len(regios) <= 4, provincie
        codes = [code for r in regios for code, _ in r.gemeenten]
        assert sorted(codes) == sorted(code for code, _ in gemeenten), provincie
        groottes = [len(r.gemeenten) for r in regios]
        assert max(groottes) - min(groottes) <= 1
        assert len({r.sleutel for r in regios} | {nederland.sleutel(provincie)}) == len(regios) + 1
    assert [len(nederland.indeling(p, provincies[p])) for p in ("Flevoland", "Limburg", "Noord-Brabant")] == [
        2,
        3,
        4,
    ]


def test_gemeente_hangt_alleen_af_van_code():
    gemeenten = nederland.provincies()["Flevoland"]
    code, naam = gemeenten[0]
    eerste = nederland.gemeente(code, naam, "Flevoland Noord", gemeenten)
    assert eerste == nederland.gemeente(code, naam, "Flevoland Noord", gemeenten)
    assert eerste != nederland.gemeente(*gemeenten[1], "Flevoland Noord", gemeenten)
    gegevens, opgave = eerste
    assert (
        len(gegevens["asiel"]) <= 16 and len(gegevens["oekraine"]) <= 15
    )  # 15 + at most one exchange location
    assert opgave["asiel_totaal"] == opgave["asiel_regulier"] + opgave["asiel_amv"]


def test_config_per_provincie(dataset):
    landelijk = landelijke_gemeenten()
    for provincie in PROVINCIES:
        config = laad_config(dataset / nederland.sleutel(provincie))
        assert config.provincie == provincie
        assert config.bron == str(dataset / nederland.sleutel(provincie) / "regioplan.toml")
        assert 2 <= len(config.regios) <= 4
        assert sorted(config.gemeenten) == sorted(c for c, (_, p) in landelijk.items() if p == provincie)
        werkboeken = sorted((dataset / nederland.sleutel(provincie)).glob("*.xlsx"))
        assert len(werkboeken) == len(config.gemeenten) + 1  # plus opgaven.xlsx


def test_valideer_zonder_fouten(dataset):
    for provincie in PROVINCIES:
        map_ = dataset / nederland.sleutel(provincie)
        validatie = api.valideer(map_)
        assert validatie.fouten == 0, [b.bericht for b in validatie.bevindingen if b.ernst == "fout"]
        # Nothing missing, unreadable or misplaced; warnings only about values (the deliberate overrides).
        assert {CATALOGUS[b.code].groep for b in validatie.bevindingen} <= {"waarden", "samenhang"}
        alle = nederland.provincies()[provincie]
        regio_van = {code: r.naam for r in nederland.indeling(provincie, alle) for code, _ in r.gemeenten}
        overrides = sum(
            1
            for code, naam in alle
            for rij in nederland.gemeente(code, naam, regio_van[code], alle)[0]["asiel"]
            if rij["telt_mee"] != "automatisch"
        )
        assert sum(1 for b in validatie.bevindingen if b.code == "telt-mee-tegen-regel") == overrides
        assert all(o["status"] in ("ok", "waarschuwingen") for o in validatie.overzicht)
        assert len(validatie.overzicht) == len(laad_config(map_).gemeenten) + 1


def test_valideer_via_cli(dataset):
    from regioplan.cli import main

    assert main(["valideer", str(dataset / "flevoland"), "--formaat", "json"]) == 0


def _telwaarde(capaciteit: int | str) -> int:
    if isinstance(capaciteit, int):
        return capaciteit
    return int(capaciteit.split("-")[0]) if "-" in capaciteit else 0


def _telt_volgens_domein(rij: dict) -> bool:
    """DOMEIN.md: active on or before 1-7-2025, in use until at least 1-2-2026 (or open-ended), decision
    taken; an explicit override decides otherwise."""
    if rij.get("telt_mee", "automatisch") != "automatisch":
        return rij["telt_mee"] == "ja"
    start, eind = rij["startdatum"], rij["einddatum"]
    return (
        isinstance(start, dt.date)
        and start <= dt.date(2025, 7, 1)
        and rij["besluit"] == "ja"
        and (eind == "onbepaald" or (isinstance(eind, dt.date) and eind >= dt.date(2026, 2, 1)))
    )


def _open_op_peildatum(rij: dict, peil: dt.date = dt.date(2025, 1, 1)) -> bool:
    sluiting = rij["sluiting"]
    return rij["opening"] <= peil and not (isinstance(sluiting, dt.date) and sluiting < peil)


def test_bereken_telt_op_van_gemeente_tot_provincie(dataset):
    for provincie in PROVINCIES:
        map_ = dataset / nederland.sleutel(provincie)
        alle = nederland.provincies()[provincie]
        resultaat = api.bereken(map_).als_dict()
        assert resultaat["bevindingen"]["fouten"] == 0
        gemeenten = resultaat["gemeenten"]
        assert len(gemeenten) == len(alle)
        for sleutel, regio in resultaat["regios"].items():
            leden = [g for g in gemeenten if g["regio_sleutel"] == sleutel]
            assert leden and [g["cbs_code"] for g in leden] == regio["gemeenten"]
            for opgave, velden in SOMMEN.items():
                for veld in velden:
                    assert regio[opgave][veld] == sum(g[opgave][veld] for g in leden), (sleutel, opgave, veld)
        for opgave, velden in SOMMEN.items():
            for veld in velden:
                assert resultaat["provincie"][opgave][veld] == sum(
                    r[opgave][veld] for r in resultaat["regios"].values()
                )
                assert resultaat["provincie"][opgave][veld] == sum(g[opgave][veld] for g in gemeenten)
        assert resultaat["provincie"]["asiel"]["opgave"] > 0 and resultaat["provincie"]["asiel"]["geldig"] > 0


def test_bereken_volgt_de_invoer_van_de_generator(dataset):
    """Every gemeente's figures equal what the generator put in, recomputed here with the rules of
    DOMEIN.md."""
    for provincie in PROVINCIES:
        map_ = dataset / nederland.sleutel(provincie)
        alle = nederland.provincies()[provincie]
        regio_van = {code: r.naam for r in nederland.indeling(provincie, alle) for code, _ in r.gemeenten}
        resultaat = api.bereken(map_)
        for code, naam in alle:
            gegevens, opgave = nederland.gemeente(code, naam, regio_van[code], alle)
            g = next(x for x in resultaat.gemeenten if x.cbs_code == code)
            assert g.regio == regio_van[code]
            a, o, s = g.asiel, g.oekraine, g.statushouders
            assert (a.opgave, a.opgave_amv, a.vaste_voorraad) == (
                opgave["asiel_totaal"],
                opgave["asiel_amv"],
                opgave["vaste_voorraad"],
            )
            assert a.geldig == sum(
                _telwaarde(r["capaciteit"]) for r in gegevens["asiel"] if _telt_volgens_domein(r)
            ), naam
            assert a.geldig_amv == sum(
                _telwaarde(r["capaciteit"])
                for r in gegevens["asiel"]
                if _telt_volgens_domein(r) and r["doelgroep"] == "amv"
            ), naam
            assert len(a.locaties) == len(gegevens["asiel"])
            assert (o.opgave, o.poo) == (opgave["oekraine"], gegevens["aantallen"]["poo"])
            assert o.realisatie == sum(
                _telwaarde(r["capaciteit"]) for r in gegevens["oekraine"] if _open_op_peildatum(r)
            ), naam
            assert (s.taakstelling, s.taakstelling_incl, s.realisatie) == (
                opgave["statushouders_taakstelling"],
                opgave["statushouders_incl"],
                gegevens["aantallen"]["statushouders_realisatie"],
            )


def test_alle_rapporten_van_een_provincie_via_de_cli(dataset, tmp_path):
    """`regioplan rapport --regio alle` on a generated province: one report per regio plus the provincial
    verslag, and the totals in the HTML are the computed ones."""
    from bs4 import BeautifulSoup

    from regioplan.opmaak import getal

    map_ = dataset / nederland.sleutel("Limburg")
    config = laad_config(map_)
    uit = tmp_path / "uit"
    proces = subprocess.run(
        [
            sys.executable,
            "-m",
            "regioplan",
            "rapport",
            str(map_),
            "--regio",
            "alle",
            "--uit",
            str(uit),
            "--datum",
            "2024-10-01",
        ],
        env=OMGEVING,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proces.returncode == 0, proces.stderr
    verwacht = {f"regionaal-plan-{r.sleutel}.{f}" for r in config.regios for f in ("md", "html")}
    verwacht |= {f"provinciaal-verslag-{config.provincie_sleutel}.{f}" for f in ("md", "html")}
    assert {p.name for p in uit.iterdir()} == verwacht
    assert proces.stderr.strip().splitlines()[-1] == f"{len(config.regios) + 1} rapporten geschreven in {uit}"
    resultaat = api.bereken(map_).als_dict()
    soup = BeautifulSoup(
        (uit / f"provinciaal-verslag-{config.provincie_sleutel}.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    rij = soup.find("table", id="oogopslag-asiel").find("tr", attrs={"data-sleutel": "geldig"})
    cellen = [td.get_text() for td in rij.find_all("td")]
    assert cellen == [getal(resultaat["provincie"]["asiel"]["geldig"])] + [
        getal(resultaat["regios"][r.sleutel]["asiel"]["geldig"]) for r in config.regios
    ]
