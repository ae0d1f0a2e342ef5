"""`regioplan verloop`: key figures over rounds as a table (tekst, md, json) and line charts (html)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from regioplan.api import verloop
from regioplan.fouten import RegioplanFout
from regioplan.rapport.verloop import render_verloop
from regioplan.verschil.verloop import als_dict

from .conftest import REPO, VOORBEELD
from .test_verschil import RONDE2, _repo_met_twee_rondes, _run


@pytest.fixture(scope="module")
def v():
    return verloop([str(VOORBEELD), str(RONDE2)])


def test_provincie_over_twee_rondes(v):
    assert v.soort == "provincie" and v.naam == "Overijssel"
    assert [r.kort for r in v.rondes] == ["overijssel-2024", "overijssel-2025-ronde2"]
    assert [r.datum for r in v.rondes] == ["2024-10-01", "2025-03-15"]
    assert v.reeks("asiel.geldig").waarden == (3864, 3948)
    assert v.reeks("asiel.voornemens").waarden == (1835, 1603)
    assert v.reeks("oekraine.realisatie").waarden == (7441, 7268)
    assert v.reeks("procesfase.a").waarden == (11, 12)


def test_regio_en_gemeente():
    twente = verloop([str(VOORBEELD), str(RONDE2)], "twente")
    assert twente.soort == "regio" and twente.reeks("asiel.geldig_amv").waarden == (56, 0)
    raalte = verloop([str(VOORBEELD), str(RONDE2)], "GM0177")
    assert raalte.naam == "Raalte" and raalte.reeks("procesfase").waarden == ("b", "a")
    with pytest.raises(RegioplanFout) as fout:
        verloop([str(VOORBEELD)], "Atlantis")
    assert fout.value.code == "optie-ongeldig" and "twente" in fout.value.hint


def test_git_tags_als_rondes(tmp_path, v):
    repo = _repo_met_twee_rondes(tmp_path)
    via_git = verloop(["ronde1:werkboeken", "main:werkboeken"], werkmap=repo)
    assert [r.kort for r in via_git.rondes] == ["ronde1", "main"]
    assert via_git.reeksen == v.reeksen
    assert all(r.revisie and len(r.revisie) == 40 for r in via_git.rondes)


def test_markdown_een_kolom_per_ronde_en_ontsnapt(tmp_path):
    import shutil

    vreemd = tmp_path / "ronde |<b>2</b>"
    shutil.copytree(RONDE2, vreemd, ignore=shutil.ignore_patterns("bron"))
    md = render_verloop(verloop([str(VOORBEELD), str(vreemd)]), "md")
    tabel = [r for r in md.splitlines() if r.startswith("|")]
    assert len(tabel) == 2 + 22
    kolommen = {len(r.replace("\\|", "").split("|")) for r in tabel}
    assert kolommen == {5}  # empty before the first pipe, 3 cells, empty after the last
    assert "<b>" not in md.replace("\\<b\\>", "") and "ronde \\|\\<b\\>2\\</b\\>" in md


def test_html_heeft_tabel_en_een_lijngrafiek_per_opgave(v):
    html = render_verloop(v, "html")
    soep = BeautifulSoup(html, "html.parser")
    assert soep.find("script") is None
    tabel = soep.find("table", id="tabel-verloop")
    koppen = [th.get_text(" ", strip=True) for th in tabel.find("thead").find_all("th")]
    assert koppen == [
        "Cijfer",
        "overijssel-2024 01-10-2024",
        # Staphorst delivered no workbook in round 2: the provincial total is incomplete, and says so
        "overijssel-2025-ronde2 15-03-2025 onvolledig: 24 van 25 gemeenten met gegevens",
    ]
    rij = next(tr for tr in tabel.find_all("tr") if tr.th and tr.th.get_text() == "Realisatie asiel (geldig)")
    assert [td.get_text() for td in rij.find_all("td")] == ["3.864", "3.948"]
    svgs = soep.find_all("svg")
    assert [s.find("title").get_text() for s in svgs] == [
        "Asielopvang incl. amv",
        "Opvang Oekraïense ontheemden",
        "Huisvesting statushouders",
    ]
    asiel = svgs[0]
    assert len(asiel.find_all("polyline")) == 3 and len(asiel.find_all("circle")) == 6
    assert (
        "realisatie (geldig): overijssel-2024 3.864; overijssel-2025-ronde2 3.948"
        in asiel.find("desc").get_text()
    )
    # the point of a higher value is drawn higher (smaller y)
    punten = [float(c["cy"]) for c in asiel.find_all("circle", class_="lijn-2")]
    assert punten[1] < punten[0]


def test_cli_vormen_deterministisch(tmp_path, v):
    for vorm in ("tekst", "md", "json", "html"):
        a = _run("verloop", str(VOORBEELD), str(RONDE2), "-f", vorm)
        b = _run("verloop", str(VOORBEELD), str(RONDE2), "-f", vorm)
        assert a.returncode == 0, a.stderr
        assert a.stdout == b.stdout and a.stdout, vorm
    d = json.loads(_run("verloop", str(VOORBEELD), str(RONDE2), "-f", "json").stdout)
    assert {k: w for k, w in d.items() if k != "rondes"} == {
        k: w for k, w in als_dict(v).items() if k != "rondes"
    }
    uit = tmp_path / "verloop.html"
    r = _run("verloop", str(VOORBEELD), str(RONDE2), "-f", "html", "-o", str(uit))
    assert r.returncode == 0 and uit.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_onleesbare_ronde_exit_2():
    r = _run("verloop", str(VOORBEELD), "bestaat-niet")
    assert r.returncode == 2 and "bron-onleesbaar" in r.stderr and "Traceback" not in r.stderr


def test_json_van_verloop_is_gedocumenteerd(v):
    doc = (REPO / "docs" / "verschil.md").read_text(encoding="utf-8")
    d = als_dict(v)
    sleutels = set(d) | set(d["rondes"][0]) | set(d["reeksen"][0])
    assert sorted(k for k in sleutels if f"`{k}`" not in doc) == []
