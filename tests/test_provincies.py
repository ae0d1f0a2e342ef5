"""Every province as a new coordinator would use it: built-in regio's, `sjabloon --provincie`, the
national generator filling the workbooks, then valideer, bereken and `rapport --regio alle`.

Why: regioplan claimed any province, but outside Overijssel every step needed guessing. Here all twelve
provinces go the whole way (in-process CLI, real workbooks, real rendering). The workbooks of each
province are written once (module fixture); the national generator (benchmarks/nederland.py) gives each
gemeente plausible data, written over the template with what the template said it was made for.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regioplan import api
from regioplan.cli import main
from regioplan.config import CONFIGBESTAND, bouw_config, laad_config, landelijke_gemeenten
from regioplan.indeling import provincies, sleutel_van, veiligheidsregios
from regioplan.uitvraag.kenmerken import lees_kenmerken
from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

REPO = Path(__file__).resolve().parent.parent
OVERIJSSELS = re.compile(r"overijssel|twente|ijsselland|twentse", re.I)


def _generator():
    spec = importlib.util.spec_from_file_location(
        "benchmark_nederland_p", REPO / "benchmarks" / "nederland.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


nederland = _generator()


def test_veiligheidsregios_dekken_de_342_gemeenten():
    pad = REPO / "regioplan" / "data" / "veiligheidsregios-2024.csv"
    rijen = list(csv.DictReader(pad.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    landelijk = landelijke_gemeenten()
    assert len(rijen) == 342 and {r["gemeentecode"] for r in rijen} == set(landelijk)
    for r in rijen:  # same name and province as the national list
        assert (r["gemeentenaam"], r["provincienaam"]) == landelijk[r["gemeentecode"]]
    per_vr = {}
    for r in rijen:
        per_vr.setdefault(r["veiligheidsregiocode"], set()).add(r["provincienaam"])
    assert len(per_vr) == 25 and all(len(p) == 1 for p in per_vr.values())  # each VR in one province
    assert len(provincies()) == 12


@pytest.mark.parametrize("provincie", provincies())
def test_ingebouwde_provincie_is_compleet(provincie):
    config = bouw_config({"provincie": provincie.lower()})
    assert config.provincie == provincie and config.ingebouwd and config.herkomst == f"ingebouwd: {provincie}"
    assert sorted(config.gemeenten) == sorted(
        c for c, (_, p) in landelijke_gemeenten().items() if p == provincie
    )
    assert len(config.regios) == len(veiligheidsregios()[provincie])
    sleutels = [r.sleutel for r in config.regios] + [config.provincie_sleutel]
    assert len(set(sleutels)) == len(sleutels)  # --regio <provincie> stays the provincial verslag
    if provincie != "Overijssel":
        assert not any(OVERIJSSELS.search(r.naam + r.regietafel) for r in config.regios)


def test_overijssel_is_twee_veiligheidsregios():
    config = laad_config()
    vr = {naam: {c for c, _ in g} for _, naam, g in veiligheidsregios()["Overijssel"]}
    assert [(r.naam, set(r.gemeenten)) for r in config.regios] == [
        ("Twente", vr["Twente"]),
        ("IJsselland", vr["IJsselland"]),
    ]
    assert config.regios[0].regietafel == "Twentse Regietafel Asiel"


def _rondje(provincie: str, map_: Path) -> None:
    """sjabloon --provincie, then fill every workbook (and the opgaven) with the national generator."""
    assert main(["sjabloon", "--provincie", sleutel_van(provincie), "--opgaven", "--uit", str(map_)]) == 0
    config = laad_config(map_)
    alle = [(c, config.naam(c)) for c in config.gemeenten]
    opgaven = []
    for regio in config.regios:
        for code in regio.gemeenten:
            naam = config.naam(code)
            gegevens, opgave = nederland.gemeente(code, naam, regio.naam, alle)
            pad = next(p for p in map_.glob("*.xlsx") if lees_kenmerken(p).get("cbs_code") == code)
            kenmerken = lees_kenmerken(pad)
            assert kenmerken["provincie"] == provincie and kenmerken["regio"] == regio.naam
            gegevens["gemeente"] = {**kenmerken, **gegevens["gemeente"]}
            schrijf_uitvraag(pad, gegevens)
            opgaven.append(opgave)
    schrijf_opgaven(map_ / "opgaven.xlsx", opgaven)


@pytest.fixture(scope="module")
def land(tmp_path_factory) -> dict[str, Path]:
    basis = tmp_path_factory.mktemp("provincies")
    mappen = {}
    for provincie in provincies():
        map_ = basis / sleutel_van(provincie)
        _rondje(provincie, map_)
        mappen[provincie] = map_
    return mappen


def test_elke_provincie_van_sjabloon_tot_rapport(land, tmp_path, capsys):
    for provincie, map_ in land.items():
        assert (map_ / CONFIGBESTAND).read_text(encoding="utf-8").count("\nprovincie = ") == 1
        config = laad_config(map_)
        assert config.provincie == provincie
        assert len(list(map_.glob("*.xlsx"))) == len(config.gemeenten) + 1

        assert main(["valideer", str(map_), "--formaat", "json"]) == 0, provincie
        uit = capsys.readouterr()
        assert json.loads(uit.out)["samenvatting"]["fouten"] == 0
        assert f"configuratie: {map_ / CONFIGBESTAND}" in " ".join(uit.err.split())

        resultaat = api.bereken(map_, config).als_dict()
        p = resultaat["provincie"]
        for opgave, velden in {
            "asiel": ("opgave", "geldig", "voornemens"),
            "oekraine": ("opgave", "realisatie"),
            "statushouders": ("taakstelling", "realisatie"),
        }.items():
            for veld in velden:
                assert p[opgave][veld] == sum(r[opgave][veld] for r in resultaat["regios"].values()), (
                    provincie,
                    opgave,
                    veld,
                )
        assert p["asiel"]["opgave"] > 0

        rapporten = tmp_path / sleutel_van(provincie)
        assert main(["rapport", str(map_), "--regio", "alle", "--uit", str(rapporten)]) == 0, provincie
        capsys.readouterr()
        paden = sorted(rapporten.iterdir())
        assert len(paden) == 2 * (len(config.regios) + 1)
        for pad in paden:
            tekst = pad.read_text(encoding="utf-8")
            assert provincie in tekst
            if provincie != "Overijssel":
                assert not OVERIJSSELS.search(tekst), (pad.name, OVERIJSSELS.search(tekst))


def test_gemeente_controleert_haar_eigen_werkboek_zonder_configuratie(land, tmp_path, capsys):
    """The Toelichting tells a gemeente to run `regioplan valideer <bestand>`: outside Overijssel too."""
    bron = land["Gelderland"] / "arnhem.xlsx"
    los = tmp_path / "arnhem.xlsx"
    los.write_bytes(bron.read_bytes())
    assert main(["valideer", str(los)]) == 0
    uit = capsys.readouterr()
    assert "hoort niet bij" not in uit.out
    assert "configuratie: gegevens in werkboek arnhem.xlsx (provincie Gelderland)" in " ".join(
        uit.err.split()
    )
    toelichting = load_workbook(los)["Toelichting"]["A3"].value
    assert "provincie Gelderland, regio Gelderland-Midden" in toelichting
    assert "01-07-2025" in toelichting and "01-01-2025" in toelichting and "15-09-2024" in toelichting


# ---------------------------------------------------------------- configuration checks


@pytest.mark.parametrize(
    ("toml", "melding"),
    [
        (
            'provincie = "gelderland"\n[[regio]]\nnaam = "Zuid"\n'
            'gemeenten = ["GM0202", "GM1945", "GM0944"]\n',
            "regio 'Zuid' noemt Mook en Middelaar (GM0944), een gemeente van provincie Limburg, niet van "
            "Gelderland.",
        ),
        (
            '[[regio]]\nnaam = "A"\ngemeenten = ["GM0202"]\n[[regio]]\nnaam = "B"\ngemeenten = ["GM0202"]\n',
            "Arnhem (GM0202) staat in regio 'A' én in regio 'B'.",
        ),
        (
            '[[regio]]\nnaam = "A"\ngemeenten = ["GM0202", "GM0944"]\n',
            "de regio's bevatten gemeenten van meer dan één provincie (Gelderland: Arnhem (GM0202); "
            "Limburg: Mook en Middelaar (GM0944)).",
        ),
        (
            'provincie = "gelderland"\n[[regio]]\nnaam = "A"\ngemeenten = ["GM9999"]\n',
            "noemt GM9999; dat is geen",
        ),
        ('provincie = "Gelre"\n', "provincie 'Gelre' ken ik niet, en er staan geen regio's"),
        ("provincie = 3\n", "'provincie' moet een provincienaam"),
    ],
)
def test_configuratie_tegen_de_cbs_lijst(tmp_path, capsys, toml, melding):
    (tmp_path / CONFIGBESTAND).write_text(toml, encoding="utf-8")
    assert main(["bereken", str(tmp_path)]) == 2
    fout = " ".join(capsys.readouterr().err.split())
    assert "config-ongeldig" in fout and melding in fout and "Traceback" not in fout


def test_regio_zonder_provincie_krijgt_de_provincie_van_haar_gemeenten(tmp_path):
    (tmp_path / CONFIGBESTAND).write_text('[[regio]]\nnaam = "Rivierenland"\ngemeenten = ["GM0281"]\n')
    config = laad_config(tmp_path)
    assert config.provincie == "Gelderland" and [r.naam for r in config.regios] == ["Rivierenland"]
    # Arnhem lies in Gelderland but in no configured regio: say so, not "hoort niet bij provincie Gelderland"
    assert config.buiten_indeling("GM0202") == (
        "de regio's van deze configuratie (Rivierenland): Arnhem ligt in Gelderland, maar staat in geen "
        "[[regio]]"
    )
    assert config.buiten_indeling("GM0193") == "provincie Gelderland (Zwolle ligt in Overijssel)"


def test_init_schrijft_een_volledige_configuratie(tmp_path, capsys):
    assert main(["init", "--provincie", "Noord-Holland", "--uit", str(tmp_path)]) == 0
    tekst = (tmp_path / CONFIGBESTAND).read_text(encoding="utf-8")
    actief = [r for r in tekst.splitlines() if r.strip() and not r.startswith("#")]
    assert actief == ['provincie = "noord-holland"']
    assert tekst.count("# [[regio]]") == 5 and "# Zandvoort" in tekst and "Overijssel" not in tekst
    # uncommenting everything gives the same configuration as the one line
    alles = laad_config(tmp_path)
    (tmp_path / "uit").mkdir()
    ontcommentarieerd = re.sub(r'(?m)^# (?=\[|\w+ = |  "|\])', "", tekst)  # the TOML lines, not the prose
    (tmp_path / "uit" / CONFIGBESTAND).write_text(ontcommentarieerd, encoding="utf-8")
    volledig = laad_config(tmp_path / "uit")
    assert (volledig.regios, volledig.cyclus, volledig.peildata) == (
        alles.regios,
        alles.cyclus,
        alles.peildata,
    )
    capsys.readouterr()
    assert main(["init", "--provincie", "noord-holland", "--uit", str(tmp_path)]) == 2
    assert "config-bestaat" in capsys.readouterr().err
    assert main(["init", "--provincie", "gelre", "--uit", str(tmp_path / "x")]) == 2
    assert "Kies uit: drenthe, flevoland" in " ".join(capsys.readouterr().err.split())


def test_sjabloon_leest_de_configuratie_van_de_uitmap(tmp_path, capsys):
    uit = tmp_path / "werkboeken"
    uit.mkdir()
    (uit / CONFIGBESTAND).write_text(
        'provincie = "zeeland"\n[cyclus]\nactief_uiterlijk = 2027-07-01\n'
        "in_gebruik_tot_minstens = 2028-02-01\n"
    )
    assert main(["sjabloon", "--gemeente", "Vlissingen", "--uit", str(uit)]) == 0
    assert f"configuratie: {uit / CONFIGBESTAND} (provincie Zeeland)" in " ".join(
        capsys.readouterr().err.split()
    )
    kenmerken = lees_kenmerken(uit / "vlissingen.xlsx")
    assert kenmerken["provincie"] == "Zeeland" and kenmerken["actief_uiterlijk"].year == 2027
    # the pre-check of that workbook on its own uses the cycle it was made for
    los = tmp_path / "los"
    los.mkdir()
    (los / "vlissingen.xlsx").write_bytes((uit / "vlissingen.xlsx").read_bytes())
    config = api.configuratie(los / "vlissingen.xlsx")
    assert config.provincie == "Zeeland" and config.cyclus.actief_uiterlijk.year == 2027
    assert main(["sjabloon", "--provincie", "limburg", "--uit", str(uit)]) == 2
    assert "past niet bij" in capsys.readouterr().err
