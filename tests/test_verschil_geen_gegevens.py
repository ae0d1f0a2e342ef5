"""`verschil`, `verloop` and `rapport --vorige` with real workbooks: no data is no 0, an exchange is
no location.

Proefland (tests/test_uitruil_e2e.py). Finding 11 of nieuwkomer 5: a gemeente that sent only the blank
template in round 1 and data in round 2 showed ``0  60  +60``; it shows ``geen gegevens → 60, nieuw
aangeleverd``, and the totals that leave her out say they are incomplete. Follow-up of h5f: an exchange
is compared as an exchange ("uitruil met Borne: plekken 100 → 150"), not as an asiel location "Uitruil
met Borne".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from regioplan import api
from regioplan.uitvraag.schrijven import schrijf_uitvraag
from regioplan.verschil import spiegel, vergelijk
from regioplan.verschil.weergave import als_dict, als_markdown

from .test_uitruil_e2e import AZC, asiel, bouw, geldig, ruil
from .test_verschil import _run


def _sectie(md: str, kop: str) -> str:
    begin = md.index(kop)
    volgende = md.find("\n#", begin + len(kop))
    return md[begin : volgende if volgende >= 0 else None]


@pytest.fixture(scope="module")
def rondes(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("rondes")
    r1 = bouw(tmp / "ronde1", almelo={"asiel": [AZC]})
    schrijf_uitvraag(r1 / "borne.xlsx", {"gemeente": {"naam": "Borne", "cbs_code": "GM0147"}})  # blank
    r2 = bouw(tmp / "ronde2", almelo={"asiel": [AZC]}, borne={"asiel": [asiel("Azc Borne", 60)]})
    return r1, r2


def test_geen_gegevens_wordt_nieuw_aangeleverd(rondes):
    v = api.verschil(str(rondes[0]), str(rondes[1]))
    borne = next(g for g in v.gemeenten if g.naam == "Borne")
    assert borne.aanlevering == "nieuw" and (borne.status_oud, borne.status_nieuw) == (
        "geen-gegevens",
        "geleverd",
    )
    c = borne.cijfer("asiel.geldig")
    assert (c.oud, c.nieuw, c.verschil, c.aanlevering) == ("geen-gegevens", 60, None, "nieuw")
    assert borne.cijfer("asiel.percentage").oud == "geen-gegevens"
    assert borne.cijfer("statushouders.percentage").oud == "geen-gegevens"
    assert borne.cijfer("procesfase").oud == "geen-gegevens"
    assert borne.cijfer("asiel.opgave") is None  # the opgave was known in round 1 too: unchanged
    # the totals say they were incomplete
    noord = next(r for r in v.regios if r.sleutel == "noord")
    assert (noord.levering_oud, noord.levering_nieuw) == ((1, 2), (2, 2)) and noord.onvolledig
    assert (v.provincie.levering_oud, v.provincie.levering_nieuw) == ((1, 4), (2, 4))

    md = als_markdown(v)
    b = _sectie(md, "#### Borne")
    assert "Nieuw aangeleverd (borne.xlsx; was een leeg sjabloon)." in b
    assert "| Realisatie asiel (geldig) | geen gegevens | 60 | nieuw aangeleverd |" in b
    assert "| % realisatie asiel | geen gegevens | 19% | nieuw aangeleverd |" in b
    assert "| 60 | +60 |" not in b and "| 0 | 60 |" not in b and "| 0% | 19% |" not in b
    assert "| Noord (onvolledig) | Realisatie asiel (geldig) | 500 | 560 | +60 |" in md
    assert "Noord: 1 van 2 → 2 van 2 gemeenten met gegevens" in md
    assert "- Borne: nieuw aangeleverd (borne.xlsx; was een leeg sjabloon)" in md

    d = als_dict(v)
    jb = next(g for g in d["gemeenten"] if g["naam"] == "Borne")
    assert jb["status"] == {"oud": "geen-gegevens", "nieuw": "geleverd"} and jb["aanlevering"] == "nieuw"
    jc = next(c for c in jb["cijfers"] if c["sleutel"] == "asiel.geldig")
    assert jc == {
        "sleutel": "asiel.geldig",
        "label": "Realisatie asiel (geldig)",
        "oud": "geen-gegevens",
        "nieuw": 60,
        "verschil": None,
        "aanlevering": "nieuw",
    }
    jn = next(r for r in d["regios"] if r["sleutel"] == "noord")
    assert jn["levering"] == {
        "oud": {"met_gegevens": 1, "totaal": 2},
        "nieuw": {"met_gegevens": 2, "totaal": 2},
    }
    assert jn["onvolledig"] is True


def test_andersom_niet_meer_aangeleverd_en_spiegel(rondes):
    a, b = (api.stand(str(r)) for r in rondes)
    assert vergelijk(b, a) == spiegel(vergelijk(a, b))
    md = als_markdown(vergelijk(b, a))
    borne = _sectie(md, "#### Borne")
    assert "Geen gegevens meer: borne.xlsx is een leeg sjabloon." in borne
    assert "| Realisatie asiel (geldig) | 60 | geen gegevens | niet meer aangeleverd |" in borne
    assert "| geen gegevens | -60 |" not in borne


def test_cli_tekst_en_json(rondes):
    r = _run("verschil", str(rondes[0]), str(rondes[1]))
    assert r.returncode == 0, r.stderr
    regels = [" ".join(x.split()) for x in r.stdout.splitlines()]
    assert "Realisatie asiel (geldig) geen gegevens 60 nieuw aangeleverd" in regels
    assert not any(x.startswith("Realisatie asiel (geldig) 0 60") for x in regels)
    assert any(x.startswith("Onvolledig: gemeenten zonder gegevens") for x in regels)
    j = json.loads(_run("verschil", str(rondes[0]), str(rondes[1]), "-f", "json").stdout)
    assert next(g for g in j["gemeenten"] if g["naam"] == "Borne")["aanlevering"] == "nieuw"


def test_verloop_per_ronde(rondes):
    v = api.verloop([str(rondes[0]), str(rondes[1])], "Borne")
    assert v.reeks("asiel.geldig").waarden == ("geen-gegevens", 60)
    assert v.reeks("asiel.opgave").waarden == (320, 320)
    assert v.reeks("procesfase").waarden == ("geen-gegevens", "a")
    assert [r.levering for r in v.rondes] == [(0, 1), (1, 1)]
    from regioplan.rapport.verloop import render_verloop

    md = render_verloop(v, "md")
    assert "| Realisatie asiel (geldig) | geen gegevens | 60 |" in md
    assert "| % realisatie asiel | geen gegevens | 19% |" in md
    noord = api.verloop([str(rondes[0]), str(rondes[1])], "noord")
    assert [r.levering for r in noord.rondes] == [(1, 2), (2, 2)]
    md = render_verloop(noord, "md")
    assert "| Cijfer | ronde1 (onvolledig) | ronde2 |" in md
    assert "onvolledig: 1 van 2 gemeenten met gegevens" in md
    html = render_verloop(noord, "html")
    assert "onvolledig: 1 van 2 gemeenten met gegevens" in html
    j = json.loads(
        _run("verloop", str(rondes[0]), str(rondes[1]), "--gemeente", "Borne", "-f", "json").stdout
    )
    assert j["rondes"][0]["levering"] == {"met_gegevens": 0, "totaal": 1}
    geldig_ = next(r for r in j["reeksen"] if r["sleutel"] == "asiel.geldig")
    assert geldig_["waarden"] == ["geen-gegevens", 60]


def test_rapport_vorige(rondes, tmp_path):
    (md,) = api.rapport(rondes[1], "noord", tmp_path, formaten=("md",), vorige=str(rondes[0]))
    tekst = md.read_text(encoding="utf-8")
    h = tekst[tekst.index("## 2. Ontwikkeling sinds de vorige ronde") :]
    h = h[: h.index("\n## ", 5)]
    assert (
        "Onvolledig: gemeenten zonder gegevens tellen niet mee in de totalen (Noord: 1 van 2 → 2 van 2" in h
    )
    borne = h[h.index("### Borne") :]
    assert "| Realisatie asiel (geldig) | geen gegevens | 60 | nieuw aangeleverd |" in borne
    assert "| 60 | +60 |" not in borne


# ---- an exchange is an exchange --------------------------------------------------------------------------


def _ruil(map_: Path, plekken: int, status: str = "afgesproken") -> Path:
    return bouw(
        map_,
        almelo={"asiel": [AZC], "uitruil": [ruil("Borne", plekken, "levert", status=status)]},
        borne={
            "asiel": [asiel("Azc Borne", 60)],
            "uitruil": [ruil("Almelo", plekken, "ontvangt", status=status)],
        },
    )


def test_uitruil_is_een_uitruil_geen_locatie(tmp_path):
    r1, r2 = _ruil(tmp_path / "r1", 100), _ruil(tmp_path / "r2", 150)
    assert geldig(r1)["Almelo"] == 400 and geldig(r2)["Almelo"] == 350
    v = api.verschil(str(r1), str(r2))
    for naam, partner, richting, bijdrage in (
        ("Almelo", "Borne", "levert", -50),
        ("Borne", "Almelo", "ontvangt", 50),
    ):
        g = next(x for x in v.gemeenten if x.naam == naam)
        assert [(r.tabel, r.naam) for r in g.rijen] == [("uitruil", f"{partner} (asiel, {richting})")]
        rij = g.rijen[0]
        assert [(f.veld, f.oud, f.nieuw) for f in rij.velden] == [("plekken", 100, 150)]
        assert rij.bijdrage == bijdrage == g.cijfer("asiel.geldig").verschil
    # the totals stay the same: the exchange moves places within Noord
    assert not next(r for r in v.regios if r.sleutel == "noord").cijfers and not v.provincie.cijfers
    md = als_markdown(v)
    assert (
        "| gewijzigd: uitruil met Borne (asiel, levert) | plekken: 100 → 150 | afgesproken, realisatie -50 |"
        in md
    )
    assert "Uitruil met" not in md and "asiellocatie" not in md


def test_uitruil_van_voornemen_naar_afgesproken(tmp_path):
    r1, r2 = _ruil(tmp_path / "r1", 100, "voornemen"), _ruil(tmp_path / "r2", 100)
    v = api.verschil(str(r1), str(r2))
    almelo = next(x for x in v.gemeenten if x.naam == "Almelo")
    (rij,) = almelo.rijen
    velden = {f.veld: (f.oud, f.nieuw) for f in rij.velden}
    assert velden["status"] == ("voornemen", "afgesproken") and velden["verwerkt"] == (False, True)
    assert rij.bijdrage == -100 == almelo.cijfer("asiel.geldig").verschil
    assert rij.nieuw.reden == "verwerkt" and rij.oud.reden == "voornemen"


def test_oekraine_uitruil_telt_bij_de_afspraak(tmp_path):
    """A GOO exchange that is open on the peildatum: its count moves from no GOO location to the agreement."""
    hotel = {
        "locatie": "Hotel",
        "capaciteit": 40,
        "soort": "hotel",
        "opening": dt.date(2022, 1, 1),
        "sluiting": "onbepaald",
        "lager_niveau": "nee",
        "bijzondere_doelgroep": "nee",
        "besluit": "ja",
        "telt_mee": "automatisch",
    }

    def ronde(map_: Path, plekken: int) -> Path:
        return bouw(
            map_,
            almelo={
                "asiel": [AZC],
                "oekraine": [hotel],
                "uitruil": [ruil("Borne", plekken, "levert", opgave="oekraine")],
            },
            borne={"uitruil": [ruil("Almelo", plekken, "ontvangt", opgave="oekraine")]},
        )

    v = api.verschil(str(ronde(tmp_path / "r1", 15)), str(ronde(tmp_path / "r2", 25)))
    for naam, bijdrage, nu in (("Almelo", -10, -25), ("Borne", 10, 25)):
        g = next(x for x in v.gemeenten if x.naam == naam)
        assert [(r.tabel, r.nieuw.veld("opgave"), r.bijdrage) for r in g.rijen] == [
            ("uitruil", "oekraine", bijdrage)
        ]
        assert g.rijen[0].nieuw.bijdrage == nu  # the 25 places of the open hotel that move
        assert g.cijfer("oekraine.realisatie").verschil == bijdrage
    assert "GOO-locatie" not in als_markdown(v)
