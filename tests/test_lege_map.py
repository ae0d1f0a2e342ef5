"""The report of a folder with nothing (or almost nothing) in it reads as Dutch: "Stand van de gegevens" is a
date or says that nothing came in (never the cycle name), no "De 0 gemeenten", and one gemeente is "1
gemeente" / "leverde" / "garandeert". HTML and Markdown, regional plan and provincial verslag, via the CLI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

from .conftest import VOORBEELD

SOLO = (
    '[provincie]\nnaam = "Proefland"\n\n[[regio]]\nnaam = "Solo"\nsleutel = "solo"\ngemeenten = ["GM0141"]\n'
)


def rapport(map_: Path, regio: str, uit: Path) -> tuple[str, BeautifulSoup]:
    p = subprocess.run(
        [sys.executable, "-m", "regioplan", "rapport", str(map_), "--regio", regio, "--uit", str(uit)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert p.returncode == 0, p.stderr
    md = next(uit.glob("*.md")).read_text(encoding="utf-8")
    html = BeautifulSoup(next(uit.glob("*.html")).read_text(encoding="utf-8"), "html.parser")
    return md, html


def stand(md: str, html: BeautifulSoup) -> tuple[str, str]:
    """The value of "Stand van de gegevens" in the Markdown and in the HTML."""
    uit_md = re.search(r"^- \*\*Stand van de gegevens:\*\* (.*)$", md, re.M)
    assert uit_md is not None
    dt = next(x for x in html.find_all("dt") if x.get_text() == "Stand van de gegevens")
    return uit_md[1], dt.find_next_sibling("dd").get_text()


def oogopslag(html: BeautifulSoup) -> str:
    sectie = html.find("h2").find_parent("section") or html
    return " ".join(sectie.get_text(" ").split())


def test_lege_map(tmp_path):
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    for regio, aantal in (("twente", 14), ("overijssel", 25)):
        md, html = rapport(leeg, regio, tmp_path / regio)
        assert stand(md, html) == ("nog geen gegevens ontvangen", "nog geen gegevens ontvangen")
        for tekst in (md, html.get_text(" ")):
            assert "Er zijn nog geen gegevens ontvangen" in tekst
            assert f"geen van de {aantal} gemeenten" in tekst
            assert "De 0 gemeenten" not in tekst and "0 van de" not in tekst
            assert not re.search(r"(garanderen samen|garandeert)\W+0\b", tekst)
            assert "die gegevens aanleverde" not in tekst
            assert "1e cyclus Spreidingswet" not in tekst.split("Stand van de gegevens")[1][:60]


def test_alleen_opgaven_en_lege_sjablonen(tmp_path):
    """`sjabloon --regio twente --opgaven`, nothing filled in yet: the same "nog geen gegevens"."""
    map_ = tmp_path / "werkboeken"
    p = subprocess.run(
        [sys.executable, "-m", "regioplan", "sjabloon", "--regio", "twente", "--opgaven", "--uit", str(map_)],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr
    md, html = rapport(map_, "twente", tmp_path / "uit")
    assert stand(md, html) == ("nog geen gegevens ontvangen", "nog geen gegevens ontvangen")
    assert "geen van de 14 gemeenten van Twente leverde een bruikbaar werkboek aan" in md


def test_een_gemeente_leverde(tmp_path):
    map_ = tmp_path / "een"
    map_.mkdir()
    shutil.copy(VOORBEELD / "opgaven.xlsx", map_ / "opgaven.xlsx")
    shutil.copy(VOORBEELD / "almelo.xlsx", map_ / "almelo.xlsx")
    md, html = rapport(map_, "twente", tmp_path / "uit")
    md_stand, html_stand = stand(md, html)
    assert re.fullmatch(r"\d\d-\d\d-\d{4}", md_stand) and html_stand == md_stand
    assert len(html.select("ul.kern li")) == 5
    for tekst in (md, " ".join(html.get_text(" ").split())):
        assert "1 van de 14 gemeenten leverde gegevens aan" in tekst
        assert "De enige gemeente van Twente die gegevens aanleverde, garandeert" in tekst
        assert "De 1 gemeenten" not in tekst and "leverden gegevens" not in tekst
    md, html = rapport(map_, "overijssel", tmp_path / "prov")
    for tekst in (md, " ".join(html.get_text(" ").split())):
        assert "1 van de 25 gemeenten leverde gegevens aan" in tekst
        assert "De enige gemeente in Overijssel die gegevens aanleverde, garandeert" in tekst


def test_regio_van_een_gemeente(tmp_path):
    """A regio of one gemeente that delivered, without a 'datum invulling': "1 gemeente", "garandeert", and
    the date is said to be unknown rather than replaced by the cycle name."""
    map_ = tmp_path / "solo"
    map_.mkdir()
    (map_ / "regioplan.toml").write_text(SOLO, encoding="utf-8")
    schrijf_opgaven(
        map_ / "opgaven.xlsx",
        [
            {
                "cbs_code": "GM0141",
                "gemeente": "Almelo",
                "regio": "Solo",
                "asiel_regulier": 10,
                "asiel_totaal": 10,
            }
        ],
    )
    schrijf_uitvraag(
        map_ / "almelo.xlsx",
        {
            "gemeente": {"naam": "Almelo", "cbs_code": "GM0141", "ingevuld_door": "proef"},
            "asiel": [{"locatie": "Azc", "capaciteit": 10, "doelgroep": "asiel", "soort": "regulier"}],
        },
    )
    md, html = rapport(map_, "solo", tmp_path / "uit")
    assert stand(md, html) == ("onbekend (geen invuldatum in de werkboeken)",) * 2
    for tekst in (md, " ".join(html.get_text(" ").split())):
        assert "Solo (1 gemeente, provincie Proefland)" in tekst
        assert "De gemeente van Solo garandeert" in tekst
        assert "1 gemeenten" not in tekst


def test_kerncijfers_alleen_met_gegevens_en_publicatie_van_een_lege_map(tmp_path):
    """No data: no key-figure tiles with "0 plekken gegarandeerd" in the HTML, and the index of the
    publication folder says that nothing came in (not "geen invuldatum")."""
    map_ = tmp_path / "leeg"
    map_.mkdir()
    (map_ / "regioplan.toml").write_text(SOLO, encoding="utf-8")
    md, html = rapport(map_, "solo", tmp_path / "uit")
    assert html.select("ul.kern") == []
    assert "de gemeente van Solo leverde nog geen bruikbaar werkboek aan" in md
    p = subprocess.run(
        [sys.executable, "-m", "regioplan", "rapport", str(map_), "--publiceer", str(tmp_path / "site")],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr
    index = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    dt = next(x for x in index.find_all("dt") if x.get_text() == "Stand van de gegevens")
    assert dt.find_next_sibling("dd").get_text() == "nog geen gegevens ontvangen"
