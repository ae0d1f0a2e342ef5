"""A workbook says what it was made for; `valideer` warns when the configuration in use says otherwise.

Finding 4 of nieuwkomer 5: workbooks of the 1st cycle were checked and computed under a 2nd-cycle
configuration without a word. Each workbook here is a real .xlsx written the way `regioplan sjabloon` writes
it (its Gemeente sheet pre-filled from a configuration), then read under another configuration.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from regioplan import api
from regioplan.config import laad_config
from regioplan.model import Uitvraag
from regioplan.sjablonen import kenmerken
from regioplan.uitvraag.kenmerken import afwijkingen
from regioplan.uitvraag.schrijven import schrijf_uitvraag

OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TZ": "Europe/Amsterdam"}
CODES = ("werkboek-andere-cyclus", "werkboek-andere-peildatum", "werkboek-andere-indeling")

TWEEDE_CYCLUS = """
[cyclus]
naam = "2e cyclus Spreidingswet"
actief_uiterlijk = 2027-07-01
in_gebruik_tot_minstens = 2028-02-01

[peildata]
oekraine = 2026-01-01
statushouders = 2026-03-15
statushouders_periode = "2026-I"
statushouders_verwachting = 2026-06-30
"""

TWEE_REGIOS = """
provincie = "gelderland"

[[regio]]
naam = "Noord"
sleutel = "noord"
gemeenten = ["GM0296", "GM0252"]

[[regio]]
naam = "Zuid"
sleutel = "zuid"
gemeenten = ["GM0268"]
"""


def _werkboek(map_: Path, toml: str, **anders: object) -> Path:
    """wijchen.xlsx pre-filled from the configuration ``toml`` (as `sjabloon` does), fields in ``anders``
    replaced as a hand or an older template would have them."""
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "regioplan.toml").write_text(toml, encoding="utf-8")
    kop = {**kenmerken(laad_config(map_), "GM0296"), "ingevuld_door": "proef", **anders}
    return schrijf_uitvraag(map_ / "wijchen.xlsx", {"gemeente": kop})


def _gevonden(map_: Path) -> dict[str, tuple[str, str, str, str]]:
    """code -> (file, sheet, cell, message) of the findings of this check."""
    return {
        b.code: (b.bestand, b.blad, b.cel, b.bericht)
        for b in api.valideer(map_).bevindingen
        if b.code in CODES
    }


def test_werkboek_van_de_eerste_cyclus_onder_de_tweede(tmp_path):
    """The newcomer's case: a workbook of the 1st cycle (the default) in a folder set to the 2nd."""
    m = tmp_path / "ronde2"
    _werkboek(m, 'provincie = "gelderland"\n')
    assert _gevonden(m) == {}  # made for this configuration: not a word
    (m / "regioplan.toml").write_text('provincie = "gelderland"\n' + TWEEDE_CYCLUS, encoding="utf-8")
    gevonden = _gevonden(m)
    assert set(gevonden) == {"werkboek-andere-cyclus", "werkboek-andere-peildatum"}
    assert gevonden["werkboek-andere-cyclus"] == (
        "wijchen.xlsx",
        "Gemeente",
        "B12",  # the Cyclus field
        "Dit werkboek is gemaakt voor de 1e cyclus Spreidingswet (actief uiterlijk 01-07-2025, in gebruik "
        "tot minstens 01-02-2026); de configuratie rekent met de 2e cyclus Spreidingswet (actief uiterlijk "
        "01-07-2027, in gebruik tot minstens 01-02-2028).",
    )
    assert gevonden["werkboek-andere-peildatum"] == (
        "wijchen.xlsx",
        "Gemeente",
        "B15",  # Peildatum Oekraïne, the first that differs
        "Dit werkboek is gemaakt voor peildatum Oekraïne 01-01-2025 en peildatum statushouders 15-09-2024; "
        "de configuratie rekent met peildatum Oekraïne 01-01-2026 en peildatum statushouders 15-03-2026.",
    )
    ernst = {b.code: b.ernst for b in api.valideer(m).bevindingen if b.code in CODES}
    assert set(ernst.values()) == {"waarschuwing"}  # the workbook is still read and computed


@pytest.mark.parametrize(
    ("veld", "waarde", "code", "cel", "deel"),
    [
        ("cyclus", "Tweede cyclus", "werkboek-andere-cyclus", "B12", "gemaakt voor de Tweede cyclus ("),
        (
            "actief_uiterlijk",
            dt.date(2025, 6, 1),
            "werkboek-andere-cyclus",
            "B13",
            "(actief uiterlijk 01-06-2025, in gebruik tot minstens 01-02-2026); de configuratie rekent met "
            "de 1e cyclus Spreidingswet (actief uiterlijk 01-07-2025,",
        ),
        (
            "in_gebruik_tot_minstens",
            dt.datetime(2026, 3, 1),  # a date typed by hand is a datetime to openpyxl
            "werkboek-andere-cyclus",
            "B14",
            "in gebruik tot minstens 01-03-2026)",
        ),
        (
            "peildatum_oekraine",
            dt.date(2024, 7, 1),
            "werkboek-andere-peildatum",
            "B15",
            "gemaakt voor peildatum Oekraïne 01-07-2024; de configuratie rekent met peildatum Oekraïne "
            "01-01-2025.",
        ),
        (
            "peildatum_statushouders",
            dt.date(2024, 3, 15),
            "werkboek-andere-peildatum",
            "B16",
            "gemaakt voor peildatum statushouders 15-03-2024; de configuratie rekent met peildatum "
            "statushouders 15-09-2024.",
        ),
        (
            "provincie",
            "Overijssel",
            "werkboek-andere-indeling",
            "B10",
            "gemaakt voor provincie Overijssel; de configuratie zegt provincie Gelderland.",
        ),
        (
            "regio",
            "Zuid",
            "werkboek-andere-indeling",
            "B11",
            "gemaakt voor regio Zuid; de configuratie zegt regio Noord.",
        ),
    ],
)
def test_elk_veld_apart(tmp_path, veld, waarde, code, cel, deel):
    """Each stated field that differs gives its finding at its own cell; nothing else does."""
    _werkboek(tmp_path, TWEE_REGIOS, **{veld: waarde})
    gevonden = _gevonden(tmp_path)
    assert list(gevonden) == [code]
    bestand, blad, gevonden_cel, bericht = gevonden[code]
    assert (bestand, blad, gevonden_cel) == ("wijchen.xlsx", "Gemeente", cel)
    assert deel in bericht


@pytest.mark.parametrize(
    "anders",
    [
        {"cyclus": "1E CYCLUS  spreidingswet"},  # the same name, written otherwise
        {"provincie": "gelderland"},
        {"regio": "Onbekende regio"},  # no regio of this configuration: says nothing (see the docstring)
    ],
)
def test_zelfde_anders_geschreven(tmp_path, anders):
    _werkboek(tmp_path, TWEE_REGIOS, **anders)
    assert _gevonden(tmp_path) == {}


def test_lege_velden_zeggen_niets(tmp_path):
    """Older or hand-made workbooks state nothing: no warning, whatever the configuration."""
    m = tmp_path / "m"
    m.mkdir()
    (m / "regioplan.toml").write_text('provincie = "gelderland"\n' + TWEEDE_CYCLUS, encoding="utf-8")
    schrijf_uitvraag(m / "wijchen.xlsx", {"gemeente": {"naam": "Wijchen", "cbs_code": "GM0296"}})
    assert _gevonden(m) == {}
    # and the fields present but emptied by hand
    pad = _werkboek(m, 'provincie = "gelderland"\n' + TWEEDE_CYCLUS)
    wb = openpyxl.load_workbook(pad)
    for rij in range(10, 17):
        wb["Gemeente"].cell(rij, 2).value = None
    wb.save(pad)
    assert _gevonden(m) == {}


def test_afwijkingen_is_een_pure_regel():
    """The rule itself, over the typed model: what differs, in words, and which field carries it."""
    config = laad_config(provincie="gelderland")
    u = Uitvraag(
        "Wijchen",
        "GM0296",
        **{k: v for k, v in kenmerken(config, "GM0296").items() if k != "naam" and k != "cbs_code"},
    )
    assert afwijkingen(u, config) == ()
    nieuw = dataclasses.replace(
        config,
        cyclus=dataclasses.replace(config.cyclus, naam="2e cyclus", actief_uiterlijk=dt.date(2027, 7, 1)),
    )
    (a,) = afwijkingen(u, nieuw)
    # name and date differ: the finding sits at the first field on the sheet, the name
    assert (a.code, a.sleutel) == ("werkboek-andere-cyclus", "cyclus")
    assert a.werkboek.startswith("de 1e cyclus Spreidingswet (actief uiterlijk 01-07-2025")
    assert a.configuratie.startswith("de 2e cyclus (actief uiterlijk 01-07-2027")


def test_voorcontrole_van_een_werkboek(tmp_path):
    """`valideer wijchen.xlsx`: without regioplan.toml the workbook's own statement is the configuration
    (no warning); with the coordinator's regioplan.toml next to it, the difference is named."""
    m = tmp_path / "m"
    pad = _werkboek(m, 'provincie = "gelderland"\n')
    (m / "regioplan.toml").unlink()
    assert not [b for b in api.valideer(pad).bevindingen if b.code in CODES]
    (m / "regioplan.toml").write_text('provincie = "gelderland"\n' + TWEEDE_CYCLUS, encoding="utf-8")
    assert {b.code for b in api.valideer(pad).bevindingen if b.code in CODES} == {
        "werkboek-andere-cyclus",
        "werkboek-andere-peildatum",
    }


def test_cli_sjabloon_dan_andere_cyclus(tmp_path):
    """End to end as the newcomer did it: `sjabloon`, then the 2nd cycle in regioplan.toml, `valideer`."""
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", "sjabloon", "--provincie", "gelderland", "--gemeente", "Wijchen"]
        + ["--uit", "w"],
        capture_output=True,
        text=True,
        env=OMGEVING,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    with (tmp_path / "w" / "regioplan.toml").open("a", encoding="utf-8") as f:
        f.write(TWEEDE_CYCLUS)
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", "valideer", "w"],
        capture_output=True,
        text=True,
        env=OMGEVING,
        cwd=tmp_path,
    )
    uit = r.stdout + r.stderr
    assert (
        "Gemeente!B12 [werkboek-andere-cyclus] Dit werkboek is gemaakt voor de 1e cyclus Spreidingswet" in uit
    )
    assert "de configuratie rekent met de 2e cyclus Spreidingswet (actief uiterlijk 01-07-2027" in uit
    assert "`regioplan sjabloon --gemeente Wijchen`" in uit and "[cyclus] in regioplan.toml" in uit
    assert "Gemeente!B15 [werkboek-andere-peildatum]" in uit
    assert "Traceback" not in uit
