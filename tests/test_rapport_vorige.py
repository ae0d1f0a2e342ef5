"""`rapport --vorige OUD`: the chapter "Ontwikkeling sinds de vorige ronde" with changed figures and their
reasons."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from regioplan.api import rapport

from .conftest import VOORBEELD
from .test_verschil import RONDE2, _run


@pytest.fixture(scope="module")
def twente(tmp_path_factory):
    uit = tmp_path_factory.mktemp("twente")
    paden = rapport(RONDE2, "twente", uit, vorige=str(VOORBEELD))
    return {p.suffix: p.read_text(encoding="utf-8") for p in paden}


def _hoofdstuk(md: str, kop: str) -> str:
    begin = md.index(kop)
    return md[begin : md.index("\n## ", begin + 1)]


def test_hoofdstuk_na_de_oogopslag_met_redenen(twente):
    md = twente[".md"]
    assert "## 1. In één oogopslag" in md and "## 3. Opgaven per gemeente" in md
    h = _hoofdstuk(md, "## 2. Ontwikkeling sinds de vorige ronde")
    assert "| Realisatie asiel (geldig) | 1.866 | 1.810 | -56 |" in h
    assert "### Wierden" in h and "Telt niet meer mee (-56): eindigt 01-12-2025, vóór 01-02-2026" in h
    assert "einddatum: 01-03-2026 → 01-12-2025" in h
    assert "### Hellendoorn" in h and "besluit: nee → ja" in h
    # only the gemeenten of the regio
    assert "Raalte" not in h and "Staphorst" not in h


def test_provinciaal_verslag_noemt_alle_gemeenten(tmp_path):
    (md,) = rapport(RONDE2, "overijssel", tmp_path, formaten=("md",), vorige=str(VOORBEELD))
    h = _hoofdstuk(md.read_text(encoding="utf-8"), "## 2. Ontwikkeling sinds de vorige ronde")
    assert "| Overijssel | Vorige ronde | Nu | Verschil |" in h
    assert "### Staphorst" in h and "Geen werkboek meer (was staphorst.xlsx)." in h
    assert "### Raalte" in h and "Gaat meetellen (+120)" in h


def test_html_hoofdstuk_met_tabel_en_inhoudsopgave(twente):
    soep = BeautifulSoup(twente[".html"], "html.parser")
    inhoud = [a.get_text() for a in soep.select("nav.inhoud a")]
    assert inhoud[1] == "2. Ontwikkeling sinds de vorige ronde"
    sectie = soep.find("section", id="ontwikkeling")
    rij = next(
        tr
        for tr in sectie.find("table", id="ontwikkeling-totaal").find_all("tr")
        if tr.th and "geldig" in tr.th.get_text()
    )
    assert [td.get_text() for td in rij.find_all("td")] == ["1.866", "1.810", "-56"]
    assert "neg" in rij.find_all("td")[2]["class"]
    eruit = sectie.select("li.eruit")
    assert len(eruit) == 1 and "Ypeloweg" in eruit[0].get_text()


def test_zelfde_ronde_niets_veranderd(tmp_path):
    (md,) = rapport(VOORBEELD, "twente", tmp_path, formaten=("md",), vorige=str(VOORBEELD))
    assert "Er is niets veranderd." in _hoofdstuk(md.read_text(encoding="utf-8"), "## 2. Ontwikkeling")


def test_zonder_vorige_geen_hoofdstuk(tmp_path):
    (md,) = rapport(RONDE2, "twente", tmp_path, formaten=("md",))
    assert "Ontwikkeling sinds de vorige ronde" not in md.read_text(encoding="utf-8")


def test_namen_uit_werkboeken_zijn_ontsnapt(tmp_path):
    from regioplan.uitvraag.schrijven import schrijf_uitvraag
    from regioplan.voorbeeld import lees_bron

    map_ = tmp_path / "ronde"
    shutil.copytree(RONDE2, map_, ignore=shutil.ignore_patterns("bron"))
    gegevens = lees_bron(RONDE2 / "bron" / "wierden.toml")
    gegevens["asiel"][2]["locatie"] = "<script>alert(1)</script> | [x](https://example.org)"
    schrijf_uitvraag(map_ / "wierden.xlsx", gegevens)
    paden = rapport(map_, "twente", tmp_path / "uit", vorige=str(VOORBEELD))
    teksten = {p.suffix: p.read_text(encoding="utf-8") for p in paden}
    assert "<script>" not in teksten[".html"] and "&lt;script&gt;alert(1)&lt;/script&gt;" in teksten[".html"]
    h = _hoofdstuk(teksten[".md"], "## 2. Ontwikkeling")
    assert "\\<script\\>" in h and "\\[x\\]" in h and "<script>" not in h.replace("\\<script\\>", "")


def test_cli_vorige_deterministisch(tmp_path):
    for uit in ("a", "b"):
        r = _run(
            "rapport",
            str(RONDE2),
            "--regio",
            "twente",
            "--vorige",
            str(VOORBEELD),
            "--uit",
            str(tmp_path / uit),
        )
        assert r.returncode == 0, r.stderr
    for naam in ("regionaal-plan-twente.md", "regionaal-plan-twente.html"):
        assert (tmp_path / "a" / naam).read_bytes() == (tmp_path / "b" / naam).read_bytes()
    r = _run(
        "rapport", str(RONDE2), "--regio", "twente", "--vorige", "bestaat-niet", "--uit", str(tmp_path / "c")
    )
    assert r.returncode == 2 and "bron-onleesbaar" in r.stderr
