"""`regioplan sjabloon` never writes over a workbook that is already there (it may be filled in)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook


def regioplan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=cwd,
    )


def test_bestaande_werkboeken_en_opgaven_blijven_staan(tmp_path):
    eerste = regioplan("sjabloon", "--regio", "twente", "--opgaven", "--uit", "w", cwd=tmp_path)
    assert eerste.returncode == 0, eerste.stderr
    assert "14 werkboeken en opgaven.xlsx geschreven in w" in eerste.stderr
    map_ = tmp_path / "w"
    wb = load_workbook(map_ / "almelo.xlsx")
    wb["Asiel"]["A2"] = "Azc Almelo (ingevuld)"
    wb.save(map_ / "almelo.xlsx")
    ingevuld = (map_ / "almelo.xlsx").read_bytes()
    opgaven = (map_ / "opgaven.xlsx").read_bytes()
    (map_ / "borne.xlsx").unlink()  # one gemeente lost her workbook: that one is made again

    tweede = regioplan("sjabloon", "--regio", "twente", "--opgaven", "--uit", "w", cwd=tmp_path)
    assert tweede.returncode == 0, tweede.stderr
    assert (map_ / "almelo.xlsx").read_bytes() == ingevuld
    assert (map_ / "opgaven.xlsx").read_bytes() == opgaven
    assert f"bestaat al, niet overschreven: {Path('w') / 'almelo.xlsx'}" in tweede.stderr
    assert f"geschreven: {Path('w') / 'borne.xlsx'}" in tweede.stderr
    assert "1 werkboek geschreven in w; 14 bestonden al en bleven staan" in tweede.stderr
    assert "--overschrijf" in tweede.stderr

    derde = regioplan("sjabloon", "--gemeente", "Almelo", "--uit", "w", "--overschrijf", cwd=tmp_path)
    assert derde.returncode == 0, derde.stderr
    assert "1 werkboek geschreven in w" in derde.stderr and "bestonden al" not in derde.stderr
    assert load_workbook(map_ / "almelo.xlsx")["Asiel"]["A2"].value != "Azc Almelo (ingevuld)"


def test_standaardmap_heet_werkboeken(tmp_path):
    proces = regioplan("sjabloon", "--gemeente", "GM0141", cwd=tmp_path)
    assert proces.returncode == 0, proces.stderr
    assert (tmp_path / "werkboeken" / "almelo.xlsx").is_file()
