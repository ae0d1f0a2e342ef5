"""Hostile input through every output channel (tests/vijandig.py), and two runs writing at once.

Why: regioplan runs in CI over files anyone with write access can change, and its outputs go to councils,
to web pages and into CI logs. Every channel gets the whole hostile corpus; each is checked by the checker
of its family, and must show the values it carries, so leaving them out cannot pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

try:
    from . import vijandig
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import vijandig

from .conftest import VOORBEELD


@pytest.fixture(scope="module")
def vijandige_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return vijandig.bouw_map(tmp_path_factory.mktemp("vijandig") / "werkboeken")


def test_de_map_draagt_de_vijandige_waarden(vijandige_map: Path) -> None:
    """The workbooks really hold the hostile values; the reader keeps each as typed except the control,
    bidi and invisible characters it takes out, and names what it took out at the cell."""
    from regioplan.api import lees

    invoer = lees(vijandige_map)
    namen = {loc.locatie for u in invoer.gelezen for loc in u.asiel}
    assert set(vijandig.GELEZEN.values()) <= namen
    veranderd = [s for s in vijandig.WAARDEN if vijandig.GELEZEN[s] != vijandig.WAARDEN[s]]
    assert {"csi", "osc8", "bidi", "nul"} <= set(veranderd)
    gemeld = [b for b in invoer.bevindingen.alle() if b.code == "waarde-onzichtbaar-teken"]
    assert len(gemeld) >= len(veranderd)
    assert vijandig.BESTANDSNAAM in invoer.bestanden


@pytest.mark.parametrize("kanaal", vijandig.KANALEN, ids=lambda k: k.naam)
def test_elk_kanaal(kanaal: vijandig.Kanaal, vijandige_map: Path, tmp_path: Path) -> None:
    vijandig.controleer_kanaal(kanaal, vijandige_map, tmp_path / "uit")


def test_twee_processen_schrijven_tegelijk(tmp_path: Path) -> None:
    """Two runs writing the same reports into one folder: every file is complete and identical to a single
    run's (writes are atomic; the last rename wins, and both write the same bytes)."""
    enkel, samen = tmp_path / "enkel", tmp_path / "samen"
    argumenten = ["rapport", str(VOORBEELD), "--regio", "alle", "--datum", "2024-10-01"]
    assert vijandig.regioplan(*argumenten, "--uit", str(enkel)).returncode == 0
    verwacht = {p.name: p.read_bytes() for p in enkel.iterdir()}
    assert len(verwacht) >= 6
    processen = [
        subprocess.Popen(
            [sys.executable, "-m", "regioplan", *argumenten, "--uit", str(samen)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    gezien: list[dict[str, bytes]] = []
    while any(p.poll() is None for p in processen):  # read while they write: never an empty or half file
        if samen.is_dir():
            gezien.append({p.name: p.read_bytes() for p in samen.iterdir() if not p.name.startswith(".")})
    assert [p.wait() for p in processen] == [0, 0], [p.stderr.read() for p in processen if p.stderr]
    assert {p.name: p.read_bytes() for p in samen.iterdir()} == verwacht  # no temporary file left either
    for momentopname in gezien:
        for naam, inhoud in momentopname.items():
            assert inhoud == verwacht[naam], naam
