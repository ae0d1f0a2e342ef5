"""``--peildata``: every accepted form, every boundary, and a Dutch usage error for everything else."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from regioplan.peildata import MAXIMUM, PeildataFout, lees_optiedatum, lees_peildata, reeks

from .conftest import VOORBEELD

D = dt.date


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("2022-11-15", (D(2022, 11, 15),)),
        ("15-11-2022", (D(2022, 11, 15),)),
        ("5-1-2023", (D(2023, 1, 5),)),
        # Dutch order also with / and . as in the workbooks (the same notations as rapport --datum)
        ("15/11/2022", (D(2022, 11, 15),)),
        ("15.11.2022..15.12.2022", (D(2022, 11, 15), D(2022, 12, 15))),
        ("2022-11", (D(2022, 11, 1),)),
        ("11-2022", (D(2022, 11, 1),)),
        (" 2025-07-01 , 01-01-2025 ", (D(2025, 1, 1), D(2025, 7, 1))),  # sorted
        ("2025-01-01,01-01-2025", (D(2025, 1, 1),)),  # the same date once
        ("2025-01..2025-03", (D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1))),
        ("01-2025..03-2025", (D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1))),
        ("2025-01-01..2025-01-01", (D(2025, 1, 1),)),
        # a range with days keeps its days; its end is always a peildatum
        (
            "2022-11-15..2023-02-01",
            (D(2022, 11, 15), D(2022, 12, 15), D(2023, 1, 15), D(2023, 2, 1)),
        ),
        ("15-11-2022..15-01-2023", (D(2022, 11, 15), D(2022, 12, 15), D(2023, 1, 15))),
        # the 31st in a short month: the last day of that month
        ("2024-01-31..2024-03-31", (D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31))),
        ("2024-12..2025-01,2024-06-30", (D(2024, 6, 30), D(2024, 12, 1), D(2025, 1, 1))),
    ],
)
def test_geaccepteerd(tekst, verwacht):
    assert lees_peildata(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "bericht"),
    [
        ("", "--peildata is leeg."),
        ("  ", "--peildata is leeg."),
        ("2023-07..2022-11", "De reeks '2023-07..2022-11' loopt achteruit: 01-11-2022 ligt vóór 01-07-2023."),
        ("2022-11-99", "'2022-11-99' bestaat niet als datum."),
        ("31-02-2024", "'31-02-2024' bestaat niet als datum."),
        ("2022-13", "'2022-13' bestaat niet als datum."),
        ("2022/11/15", "'2022/11/15' is geen datum of maand."),
        ("nov 2022", "'nov 2022' is geen datum of maand."),
        ("2022-11-15,", "'2022-11-15,' bevat een lege plek tussen komma's."),
        ("2022-11..", "Er ontbreekt een datum."),
        ("..2022-11", "Er ontbreekt een datum."),
        ("2022..2023..2024", "'2022..2023..2024' heeft meer dan één '..'."),
        ("1900-01..2100-01", f"'1900-01..2100-01' geeft meer dan {MAXIMUM} peildata."),
    ],
)
def test_geweigerd_met_nederlandse_melding(tekst, bericht):
    with pytest.raises(PeildataFout) as fout:
        lees_peildata(tekst)
    assert str(fout.value) == bericht


def test_reeks_eindigt_altijd_op_tot():
    for van, tot in [
        (D(2022, 11, 15), D(2023, 7, 1)),
        (D(2024, 1, 31), D(2024, 4, 30)),
        (D(2025, 1, 1), D(2025, 12, 1)),
    ]:
        r = reeks(van, tot)
        assert r[0] == van and r[-1] == tot
        assert r == sorted(set(r))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "400"},
        check=False,
    )


@pytest.mark.parametrize("tekst", ["2023-07..2022-11", "", "2022-11-99", "2022/11/15"])
def test_cli_gebruiksfout(tekst):
    p = _cli("bereken", str(VOORBEELD), "--peildata", tekst)
    assert p.returncode == 2
    assert p.stderr.startswith("fout [gebruik]: Ongeldige waarde voor '--peildata': ")
    assert "DD-MM-JJJJ" in p.stderr and "Traceback" not in p.stderr
    assert p.stdout == ""


def test_cli_nederlandse_datum_en_reeks_met_dagen():
    import json

    p = _cli("bereken", str(VOORBEELD), "--peildata", "15-11-2022..01-02-2023", "-f", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["tijdlijn"]["peildata"] == [
        "2022-11-15",
        "2022-12-15",
        "2023-01-15",
        "2023-02-01",
    ]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("01-12-2026", D(2026, 12, 1)),
        ("2026-12-01", D(2026, 12, 1)),
        ("1/12/2026", D(2026, 12, 1)),
        ("01.12.2026", D(2026, 12, 1)),
    ],
)
def test_optiedatum_kent_dezelfde_vormen(tekst, verwacht):
    assert lees_optiedatum(tekst, "--datum") == verwacht


@pytest.mark.parametrize(
    ("tekst", "bericht"),
    [
        ("12-2026", "--datum '12-2026' is een maand, geen datum."),
        ("31-02-2026", "--datum '31-02-2026' bestaat niet als datum."),
        ("morgen", "--datum 'morgen' is geen datum."),
        (" ", "--datum is leeg."),
    ],
)
def test_optiedatum_weigert_met_de_optie_in_de_melding(tekst, bericht):
    with pytest.raises(PeildataFout) as fout:
        lees_optiedatum(tekst, "--datum")
    assert str(fout.value) == bericht
