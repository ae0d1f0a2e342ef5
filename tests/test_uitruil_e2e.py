"""Uitruil end to end: small hand-built folders of real workbooks, `bereken` and `valideer` on them.

Each case asserts the exact asiel figures per gemeente, per regio and for the province, and every
uitruil finding at its file, sheet and cell. The province Proefland has regio Noord (Almelo, Borne)
and regio Zuid (Raalte, Olst-Wijhe); Dronten lies outside it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regioplan import api
from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

D = dt.date

CONFIG = """\
[provincie]
naam = "Proefland"
sleutel = "proefland"

[[regio]]
naam = "Noord"
sleutel = "noord"
gemeenten = ["GM0141", "GM0147"]

[[regio]]
naam = "Zuid"
sleutel = "zuid"
gemeenten = ["GM0177", "GM1773"]
"""

GEMEENTEN = {"almelo": "GM0141", "borne": "GM0147", "raalte": "GM0177", "olst-wijhe": "GM1773"}
NAMEN = {"almelo": "Almelo", "borne": "Borne", "raalte": "Raalte", "olst-wijhe": "Olst-Wijhe"}


def asiel(locatie: str, capaciteit: int, **rest: object) -> dict:
    rij = {
        "locatie": locatie,
        "capaciteit": capaciteit,
        "doelgroep": "asiel",
        "soort": "regulier",
        "startdatum": D(2024, 1, 1),
        "einddatum": "onbepaald",
        "beheer": "COA",
        "besluit": "ja",
        "telt_mee": "automatisch",
    }
    rij.update(rest)
    return rij


def ruil(partner: str, plekken: int, richting: str, **rest: object) -> dict:
    rij = {
        "partner": partner,
        "opgave": "asiel",
        "plekken": plekken,
        "richting": richting,
        "startdatum": D(2024, 1, 1),
        "einddatum": "onbepaald",
        "status": "afgesproken",
        "toelichting": "proef",
    }
    rij.update(rest)
    return rij


def bouw(map_: Path, **werkboeken: dict) -> Path:
    """A folder with regioplan.toml, opgaven.xlsx and one filled-in workbook per gemeente given."""
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "regioplan.toml").write_text(CONFIG, encoding="utf-8")
    schrijf_opgaven(
        map_ / "opgaven.xlsx",
        [
            {
                "cbs_code": code,
                "gemeente": NAMEN[sleutel],
                "regio": "Noord" if sleutel in ("almelo", "borne") else "Zuid",
                "asiel_regulier": 300,
                "asiel_amv": 20,
                "asiel_totaal": 320,
                "vaste_voorraad": 0,
                "oekraine": 100,
                "statushouders_taakstelling": 10,
                "statushouders_incl": 12,
            }
            for sleutel, code in GEMEENTEN.items()
        ],
    )
    for sleutel, gegevens in werkboeken.items():
        naam = sleutel.replace("_", "-")
        schrijf_uitvraag(
            map_ / f"{naam}.xlsx",
            {
                "gemeente": {"naam": NAMEN[naam], "cbs_code": GEMEENTEN[naam], "ingevuld_door": "proef"},
                **gegevens,
            },
        )
    return map_


def geldig(map_: Path) -> dict[str, int]:
    d = api.bereken(map_).als_dict()
    uit = {g["naam"]: g["asiel"]["geldig"] for g in d["gemeenten"]}
    uit.update({r["naam"]: r["asiel"]["geldig"] for r in d["regios"].values()})
    uit["Proefland"] = d["provincie"]["asiel"]["geldig"]
    return uit


def uitruilbevindingen(map_: Path) -> list[tuple[str, str, str, str]]:
    v = api.valideer(map_)
    return sorted(
        (b.code, b.bestand, b.blad, b.cel)
        for b in v.bevindingen
        if b.code.startswith("uitruil") or b.code == "locatie-dubbel-gemeenten"
    )


AZC = asiel("Azc Almelo", 500)


def test_tweezijdig_binnen_de_provincie(tmp_path):
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC], "uitruil": [ruil("Borne", 20, "levert")]},
        borne={"uitruil": [ruil("Almelo", 20, "ontvangt")]},
    )
    assert geldig(m) == {
        "Almelo": 480,
        "Borne": 20,
        "Raalte": 0,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 0,
        "Proefland": 500,
    }
    assert uitruilbevindingen(m) == []


def test_tweezijdig_over_de_regiogrens(tmp_path):
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC], "uitruil": [ruil("Raalte", 100, "levert")]},
        raalte={"uitruil": [ruil("Almelo", 100, "ontvangt")]},
    )
    assert geldig(m) == {
        "Almelo": 400,
        "Borne": 0,
        "Raalte": 100,
        "Olst-Wijhe": 0,
        "Noord": 400,
        "Zuid": 100,
        "Proefland": 500,
    }


@pytest.mark.parametrize("met_uitruilrij", [True, False])
def test_locatie_bij_de_ontvangende_kant(tmp_path, met_uitruilrij):
    """The observed case: B lists the 20 places with Ligt in gemeente = A (and ontvangt 20)."""
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC], "uitruil": [ruil("Borne", 20, "levert")]},
        borne={
            "asiel": [asiel("Azc Almelo (voor Borne)", 20, ligt_in="Almelo")],
            "uitruil": [ruil("Almelo", 20, "ontvangt")] if met_uitruilrij else [],
        },
    )
    assert geldig(m) == {
        "Almelo": 480,
        "Borne": 20,
        "Raalte": 0,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 0,
        "Proefland": 500,
    }
    assert uitruilbevindingen(m) == []


def test_eenzijdig(tmp_path):
    m = bouw(tmp_path, almelo={"asiel": [AZC]}, borne={"uitruil": [ruil("Almelo", 25, "ontvangt")]})
    assert geldig(m) == {
        "Almelo": 500,
        "Borne": 0,
        "Raalte": 0,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 0,
        "Proefland": 500,
    }
    assert uitruilbevindingen(m) == [
        ("uitruil-eenzijdig", "borne.xlsx", "Uitruil", "A2"),
        ("uitruil-ontbreekt-bij-partner", "almelo.xlsx", "Uitruil", ""),
    ]


def test_tegenstrijdig(tmp_path):
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC], "uitruil": [ruil("Borne", 20, "levert")]},
        borne={"uitruil": [ruil("Almelo", 25, "ontvangt", einddatum=D(2027, 1, 1))]},
    )
    assert geldig(m) == {
        "Almelo": 500,
        "Borne": 0,
        "Raalte": 0,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 0,
        "Proefland": 500,
    }
    assert uitruilbevindingen(m) == [
        ("uitruil-tegenstrijdig", "almelo.xlsx", "Uitruil", "C2"),
        ("uitruil-tegenstrijdig", "borne.xlsx", "Uitruil", "C2"),
    ]
    bericht = next(b.bericht for b in api.valideer(m).bevindingen if b.code == "uitruil-tegenstrijdig")
    assert (
        "plekken 20 bij Almelo, 25 bij Borne; einddatum onbepaald bij Almelo, 01-01-2027 bij Borne" in bericht
    )


def test_buiten_de_provincie(tmp_path):
    """Kampen–Dronten: places in Dronten count for Raalte; the province counts them once."""
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC]},
        raalte={
            "asiel": [
                asiel(
                    "Azc Dronten", 200, ligt_in="Dronten", startdatum=D(2024, 2, 1), einddatum=D(2026, 2, 1)
                )
            ],
            "uitruil": [ruil("Dronten", 200, "ontvangt", startdatum=D(2024, 2, 1), einddatum=D(2026, 2, 1))],
        },
    )
    assert geldig(m) == {
        "Almelo": 500,
        "Borne": 0,
        "Raalte": 200,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 200,
        "Proefland": 700,
    }
    assert uitruilbevindingen(m) == []


ONGEWIJZIGD = {
    "Almelo": 500,
    "Borne": 0,
    "Raalte": 0,
    "Olst-Wijhe": 0,
    "Noord": 500,
    "Zuid": 0,
    "Proefland": 500,
}


def _bericht(map_: Path, code: str) -> str:
    return next(b.bericht for b in api.valideer(map_).bevindingen if b.code == code)


@pytest.mark.parametrize(
    ("partner", "voorstel"),
    [
        ("Bornee", "Borne"),  # a typo of a gemeente of the configuration
        ("Almero", "Almelo"),  # closer to Almere, but a gemeente of the configuration comes first
        ("Drontn", "Dronten"),  # no gemeente of the configuration is close: any of the 342
        ("Bergen", "Bergen (L.)"),  # two gemeenten of 2024 are called Bergen: the name alone is none
        ("Xyzzy", ""),  # nothing close: no suggestion
        ("GM9999", ""),  # a CBS code of no gemeente
    ],
)
def test_partner_onbekend(tmp_path, partner, voorstel):
    """Finding 2 of nieuwkomer 5: a typo in the partner is no gemeente "buiten de provincie"."""
    m = bouw(tmp_path, almelo={"asiel": [AZC], "uitruil": [ruil(partner, 100, "levert")]})
    assert geldig(m) == ONGEWIJZIGD
    assert uitruilbevindingen(m) == [("uitruil-partner-onbekend", "almelo.xlsx", "Uitruil", "A2")]
    bericht = _bericht(m, "uitruil-partner-onbekend")
    assert f"'{partner}' is geen bekende gemeente" in bericht
    if voorstel:
        assert bericht.endswith(f"Bedoelde je '{voorstel}'?")
    else:
        assert "Bedoelde je" not in bericht
    (a,) = api.bereken(m).afspraken
    assert (a.verwerkt, a.reden, a.buiten_provincie) == (False, "partner-onbekend", False)
    assert "buiten de provincie" not in a.uitleg


def test_partner_onbekend_met_vastlegging_bij_de_partner(tmp_path):
    """The partner records the exchange correctly: the typo side is unknown, the other one-sided; no
    "uitruil-ontbreekt-bij-partner" at the typo side (its sheet names the exchange, misspelt)."""
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC], "uitruil": [ruil("Bornee", 20, "levert")]},
        borne={"uitruil": [ruil("Almelo", 20, "ontvangt")]},
    )
    assert geldig(m) == ONGEWIJZIGD
    assert uitruilbevindingen(m) == [
        ("uitruil-eenzijdig", "borne.xlsx", "Uitruil", "A2"),
        ("uitruil-partner-onbekend", "almelo.xlsx", "Uitruil", "A2"),
    ]
    assert _bericht(m, "uitruil-partner-onbekend").endswith("Bedoelde je 'Borne'?")


@pytest.mark.parametrize("partner", ["GM0147", "0147", "147", "borne", "  BORNE ", "Bórne"])
def test_partner_als_code_of_anders_geschreven(tmp_path, partner):
    """A CBS code (with or without GM and leading zeros), other case, spacing or accents: the same
    gemeente, paired with Borne's record."""
    m = bouw(
        tmp_path,
        almelo={"asiel": [AZC], "uitruil": [ruil(partner, 20, "levert")]},
        borne={"uitruil": [ruil("Almelo", 20, "ontvangt")]},
    )
    assert geldig(m)["Almelo"] == 480 and geldig(m)["Borne"] == 20
    assert uitruilbevindingen(m) == []


@pytest.mark.parametrize("partner", ["Almelo", "GM0141"])
def test_partner_is_de_gemeente_zelf(tmp_path, partner):
    m = bouw(tmp_path, almelo={"asiel": [AZC], "uitruil": [ruil(partner, 100, "ontvangt")]})
    assert geldig(m) == ONGEWIJZIGD
    assert uitruilbevindingen(m) == [("uitruil-partner-zelf", "almelo.xlsx", "Uitruil", "A2")]
    assert f"'{partner}' is Almelo zelf" in _bericht(m, "uitruil-partner-zelf")


def test_partner_leeg(tmp_path):
    m = bouw(tmp_path, almelo={"asiel": [AZC], "uitruil": [ruil("", 100, "levert")]})
    assert geldig(m) == ONGEWIJZIGD
    fouten = [(b.code, b.blad, b.cel) for b in api.valideer(m).bevindingen if b.ernst == "fout"]
    assert fouten == [("veld-verplicht", "Uitruil", "A2")]
    (a,) = api.bereken(m).afspraken
    assert (a.verwerkt, a.reden) == (False, "partner-leeg")


def test_echte_gemeente_buiten_de_provincie_blijft_geldig(tmp_path):
    """The neighbour of the typo: a real gemeente outside the configuration still takes the places."""
    m = bouw(tmp_path, almelo={"asiel": [AZC], "uitruil": [ruil("Wijchen", 100, "levert")]})
    assert geldig(m)["Almelo"] == 400
    assert uitruilbevindingen(m) == []
    (a,) = api.bereken(m).afspraken
    assert (a.verwerkt, a.ontvanger, a.buiten_provincie) == (True, "Wijchen", True)


def test_gedeelde_locatie(tmp_path):
    """One CNO location listed by Raalte and Olst-Wijhe: counted once, for Raalte (first in the
    configuration)."""
    cno = asiel("CNO Raalte", 40, soort="noodopvang")
    m = bouw(tmp_path, raalte={"asiel": [cno]}, olst_wijhe={"asiel": [asiel("Eigen", 10), cno]})
    assert geldig(m) == {
        "Almelo": 0,
        "Borne": 0,
        "Raalte": 40,
        "Olst-Wijhe": 10,
        "Noord": 0,
        "Zuid": 50,
        "Proefland": 50,
    }
    assert uitruilbevindingen(m) == [
        ("locatie-dubbel-gemeenten", "olst-wijhe.xlsx", "Asiel", "A3"),
        ("locatie-dubbel-gemeenten", "raalte.xlsx", "Asiel", "A2"),
    ]


def test_voornemen_verschuift_niets(tmp_path):
    m = bouw(
        tmp_path,
        almelo={
            "asiel": [AZC],
            "uitruil": [ruil("Borne", 83, "levert", status="voornemen", startdatum="onbekend")],
        },
        borne={"uitruil": [ruil("Almelo", 83, "ontvangt", status="voornemen", startdatum="onbekend")]},
    )
    assert geldig(m) == {
        "Almelo": 500,
        "Borne": 0,
        "Raalte": 0,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 0,
        "Proefland": 500,
    }
    d = api.bereken(m).als_dict()
    assert d["provincie"]["asiel"]["voornemens"] == 0
    assert uitruilbevindingen(m) == []


def test_groter_dan_de_locatie(tmp_path):
    m = bouw(
        tmp_path,
        almelo={"asiel": [asiel("Klein", 10)], "uitruil": [ruil("Borne", 20, "levert")]},
        borne={"uitruil": [ruil("Almelo", 20, "ontvangt")]},
    )
    assert geldig(m)["Almelo"] == 10 and geldig(m)["Borne"] == 0
    assert uitruilbevindingen(m) == [
        ("uitruil-groter-dan-locatie", "almelo.xlsx", "Uitruil", "C2"),
        ("uitruil-groter-dan-locatie", "borne.xlsx", "Uitruil", "C2"),
    ]


def _rijen(soep, tabel_id: str) -> dict[str, list[str]]:
    """Row label -> cell texts of one report table (sub rows keep their "↳ waarvan ..." label, prefixed
    with the row above so they stay apart)."""
    uit: dict[str, list[str]] = {}
    vorige = ""
    for tr in soep.select(f"#{tabel_id} tbody tr"):
        naam = tr.select_one("th").get_text(" ", strip=True)
        if naam.startswith("↳ waarvan"):
            naam = f"{vorige} {naam}"
        else:
            vorige = naam
        uit[naam] = [td.get_text(strip=True) for td in tr.select("td")]
    return uit


def test_rapport_toont_waarvan_via_uitruil_en_buiten_de_provincie(tmp_path):
    """Report tables: a 'waarvan' line under every figure that includes exchanged places, signed for
    via uitruil (+ received, - supplied), and only where it is not 0."""
    from bs4 import BeautifulSoup

    goo = {
        "locatie": "Hotel",
        "capaciteit": 40,
        "soort": "hotel",
        "opening": D(2022, 1, 1),
        "sluiting": "onbepaald",
        "lager_niveau": "nee",
        "bijzondere_doelgroep": "nee",
        "besluit": "ja",
        "telt_mee": "automatisch",
    }
    dronten = {"startdatum": D(2024, 2, 1), "einddatum": D(2026, 2, 1)}
    m = bouw(
        tmp_path / "data",
        almelo={
            "asiel": [AZC],
            "oekraine": [goo],
            "uitruil": [ruil("Borne", 20, "levert"), ruil("Borne", 15, "levert", opgave="oekraine")],
        },
        borne={
            "uitruil": [ruil("Almelo", 20, "ontvangt"), ruil("Almelo", 15, "ontvangt", opgave="oekraine")]
        },
        raalte={
            "asiel": [asiel("Azc Dronten", 30, ligt_in="Dronten", **dronten)],
            "uitruil": [ruil("Dronten", 30, "ontvangt", **dronten)],
        },
        olst_wijhe={},  # every gemeente delivered: the totals are complete
    )
    uit = tmp_path / "uit"
    api.rapport(m, "noord", uit)
    api.rapport(m, "proefland", uit)
    plan = BeautifulSoup((uit / "regionaal-plan-noord.html").read_text(encoding="utf-8"), "html.parser")
    sw = _rijen(plan, "tabel-spreidingswet")
    assert sw["Almelo"][:2] == ["320", "480"] and sw["Borne"][:2] == ["320", "20"]
    assert sw["Almelo ↳ waarvan via uitruil"] == ["", "-20", "", "", "", "", ""]
    assert sw["Borne ↳ waarvan via uitruil"] == ["", "+20", "", "", "", "", ""]
    # the regio total moves nothing (both sides are in Noord), and nothing lies outside the province
    assert not [k for k in sw if k.startswith("Totaal Noord ↳")]
    assert not [k for k in sw if "buiten de provincie" in k]
    oek = _rijen(plan, "tabel-oekraine")
    assert oek["Almelo ↳ waarvan via uitruil"][1] == "-15" and oek["Borne ↳ waarvan via uitruil"][1] == "+15"
    kern = _rijen(plan, "kerncijfers-borne")
    assert kern["Asiel incl. amv ↳ waarvan via uitruil"] == ["", "+20", "", "", ""]
    assert plan.select("#oogopslag-asiel tr.waarvan") == []  # Noord as a whole: 0
    assert "Waarvan via uitruil:" in plan.get_text()  # the legend explains the sign

    verslag = BeautifulSoup(
        (uit / "provinciaal-verslag-proefland.html").read_text(encoding="utf-8"), "html.parser"
    )
    oog = {
        tr["data-sleutel"]: [td.get_text(strip=True) for td in tr.select("td")]
        for tr in verslag.select("#oogopslag-asiel tr.waarvan")
    }
    assert oog == {"via_uitruil": ["+30", "0", "+30"], "buiten_provincie": ["30", "0", "30"]}
    asiel_prov = _rijen(verslag, "tabel-asiel-provincie")
    assert asiel_prov["Raalte ↳ waarvan via uitruil"][1] == "+30"
    assert asiel_prov["Raalte ↳ waarvan buiten de provincie"][1] == "30"
    assert asiel_prov["Totaal Zuid ↳ waarvan buiten de provincie"][1] == "30"
    assert asiel_prov["Totaal Proefland ↳ waarvan buiten de provincie"][1] == "30"
    assert asiel_prov["Totaal Proefland ↳ waarvan via uitruil"][1] == "+30"
    garanderen = _rijen(verslag, "tabel-garanderen")
    assert garanderen["Totaal Proefland ↳ waarvan buiten de provincie"][1] == "30"

    md = (uit / "provinciaal-verslag-proefland.md").read_text(encoding="utf-8")
    assert "| ↳ waarvan via uitruil | +30 | 0 | +30 |" in md
    assert "| ↳ waarvan buiten de provincie | 30 | 0 | 30 |" in md
    regels = md.splitlines()
    raalte = regels.index(next(r for r in regels if r.startswith("| Raalte | 320 | 30 |")))
    assert regels[raalte + 1 : raalte + 3] == [
        "| ↳ waarvan via uitruil | | +30 | | | | | |",
        "| ↳ waarvan buiten de provincie | | 30 | | | | | |",
    ]
    plan_md = (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    assert "| ↳ waarvan via uitruil | | -20 | | | | | |" in plan_md

    # "In gebruik op de cyclusdatum" (counting or not) carries the same lines, in its own column
    beeld = _rijen(plan, "tabel-asiel-beeld")
    assert beeld["Almelo ↳ waarvan via uitruil"] == ["", "-20", "", ""]
    assert beeld["Borne ↳ waarvan via uitruil"] == ["", "+20", "", ""]
    assert not [k for k in beeld if k.startswith("Totaal Noord ↳")]
    assert "| ↳ waarvan via uitruil | | +20 | | |" in plan_md
    api.rapport(m, "zuid", uit)
    zuid = BeautifulSoup((uit / "regionaal-plan-zuid.html").read_text(encoding="utf-8"), "html.parser")
    beeld = _rijen(zuid, "tabel-asiel-beeld")
    assert beeld["Raalte"][1] == "30"
    assert beeld["Raalte ↳ waarvan via uitruil"] == ["", "+30", "", ""]
    assert beeld["Raalte ↳ waarvan buiten de provincie"] == ["", "30", "", ""]
    assert beeld["Totaal Zuid ↳ waarvan buiten de provincie"] == ["", "30", "", ""]
    resultaat = api.bereken(m)
    per_gemeente = {g.naam: g.asiel for g in resultaat.gemeenten}
    assert (per_gemeente["Almelo"].actief_via_uitruil, per_gemeente["Borne"].actief_via_uitruil) == (-20, 20)
    assert per_gemeente["Raalte"].actief_buiten_provincie == 30
    assert resultaat.provincie.asiel.actief_via_uitruil == 30  # Almelo -20 and Borne +20 cancel out
    assert "buiten de provincie |" not in plan_md


def _locatienamen(soep, selector: str) -> list[tuple[str, ...]]:
    """(cell texts) of every body row of the tables matched by ``selector``."""
    return [
        tuple(c.get_text(" ", strip=True) for c in tr.select("th, td"))
        for tr in soep.select(f"{selector} tbody tr")
    ]


def test_uitruil_is_geen_locatie_in_rapport_en_uitvoer(tmp_path):
    """Finding 12 of nieuwkomer 5: an exchange is no location named "Uitruil" with +/- places.

    The location lists (report, --uitleg, csv/xlsx) list each place once, where it lies; the figures
    and the "waarvan via uitruil" lines stay the same. Borne's Asiel row for 30 of its received places
    (*Ligt in gemeente* Almelo) records the exchange of places Almelo lists itself: no second listing.
    Raalte's Azc Dronten (outside the province, like Kampen's) is the only listing: it stays."""
    from bs4 import BeautifulSoup

    dronten = {"startdatum": D(2024, 2, 1), "einddatum": D(2026, 2, 1)}
    m = bouw(
        tmp_path / "data",
        almelo={
            "asiel": [AZC],
            "uitruil": [ruil("Borne", 100, "levert"), ruil("Borne", 30, "levert", toelichting="deel")],
        },
        borne={
            "asiel": [asiel("Azc Almelo (deel)", 30, ligt_in="Almelo")],
            "uitruil": [ruil("Almelo", 100, "ontvangt"), ruil("Almelo", 30, "ontvangt", toelichting="deel")],
        },
        raalte={
            "asiel": [asiel("Azc Dronten", 40, ligt_in="Dronten", **dronten)],
            "uitruil": [ruil("Dronten", 40, "ontvangt", **dronten)],
        },
        olst_wijhe={},
    )
    assert geldig(m) == {
        "Almelo": 370,
        "Borne": 130,
        "Raalte": 40,
        "Olst-Wijhe": 0,
        "Noord": 500,
        "Zuid": 40,
        "Proefland": 540,
    }
    uit = tmp_path / "uit"
    api.rapport(m, "noord", uit)
    api.rapport(m, "proefland", uit)
    plan = BeautifulSoup((uit / "regionaal-plan-noord.html").read_text(encoding="utf-8"), "html.parser")
    bestaand = [
        t.select_one("caption").get_text(" ", strip=True) for t in plan.select("table[id^=bestaand-]")
    ]
    assert bestaand == ["Regulier (azc) – 1 locatie, 500 plekken"]
    assert _locatienamen(plan, "#bestaand-regulier") == [
        ("Almelo", "Azc Almelo", "500", "asiel", "01-01-2024", "onbepaald", "COA", "ja")
    ]
    assert _locatienamen(plan, "#tabel-geldige-locaties") == [
        ("Almelo", "Azc Almelo", "Regulier (azc)", "asiel", "500", "01-01-2024", "onbepaald"),
        ("Totaal Noord", "500", ""),
    ]
    sw = _rijen(plan, "tabel-spreidingswet")
    assert sw["Almelo"][1] == "370" and sw["Borne"][1] == "130"
    assert sw["Almelo ↳ waarvan via uitruil"][1] == "-130"
    assert sw["Borne ↳ waarvan via uitruil"][1] == "+130"
    md = (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    assert "| Uitruil |" not in md and "Overig –" not in md
    assert "**Regulier (azc) – 1 locatie, 500 plekken**" in md

    verslag = BeautifulSoup(
        (uit / "provinciaal-verslag-proefland.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert [r[0] for r in _locatienamen(verslag, "#asiel-almelo")] == ["Azc Almelo"]
    assert verslag.select("#asiel-borne") == []
    assert "Geen asiellocaties in Borne; de plekken via uitruil staan bij Uitruil." in verslag.get_text()
    assert [r[:2] for r in _locatienamen(verslag, "#asiel-raalte")] == [
        ("Azc Dronten (ligt in Dronten)", "40")
    ]
    garanderen = _locatienamen(verslag, "#tabel-garanderen")
    borne = garanderen.index(next(r for r in garanderen if r[0] == "Borne"))
    assert garanderen[borne] == (
        "Borne",
        "320",
        "130",
        "130",
        "01-01-2024 – onbepaald",
        "–",
        "–",
        "alleen via uitruil",
    )
    assert garanderen[borne + 1][:3] == ("↳ waarvan via uitruil", "", "+130")
    assert next(r for r in garanderen if r[0].startswith("Raalte"))[-1] == (
        "Azc Dronten (regulier); 40 plekken liggen in Dronten (uitruil)"
    )

    # bereken --uitleg: no location line for an exchange, the UITRUIL lines say what moves
    import subprocess
    import sys

    p = subprocess.run(
        [sys.executable, "-m", "regioplan", "bereken", str(m), "--gemeente", "Almelo", "--uitleg"],
        capture_output=True,
        text=True,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert p.returncode in (0, 1), p.stderr
    regels_ = p.stdout.splitlines()
    assert [r for r in regels_ if "TELT MEE" in r] == [next(r for r in regels_ if "Azc Almelo (" in r)]
    assert not [r for r in regels_ if "Uitruil (" in r or "telt hier negatief" in r]
    assert sum("UITRUIL    Almelo -> Borne" in r for r in regels_) == 2

    # csv: the locations table lists locations, the uitruil table the exchanges
    from regioplan import export

    teksten = export.csv_teksten(api.bereken(m))
    locaties = teksten["locaties"].splitlines()
    assert [r.split(";")[2] for r in locaties[1:]] == ["Azc Almelo", "Azc Dronten"]
    ruilen = teksten["uitruil"].splitlines()
    assert ruilen[0].lstrip("\ufeff").startswith("Leverancier;Ontvanger;Opgave;Plekken")
    assert sorted(r.split(";")[:4] + [r.split(";")[7]] for r in ruilen[1:]) == [
        ["Almelo", "Borne", "asiel", "100", "ja"],
        ["Almelo", "Borne", "asiel", "30", "ja"],
        ["Dronten", "Raalte", "asiel", "40", "ja"],
    ]


def test_uitruiltabel_houdt_gevolg_en_toelichting_apart(tmp_path):
    """Finding 18 of nieuwkomer 5: the gemeente's own words do not run on in the column Gevolg."""
    from bs4 import BeautifulSoup

    gelijk = "Bijsterhuizen in Almelo telt voor Borne"
    m = bouw(
        tmp_path / "data",
        almelo={
            "asiel": [AZC],
            "uitruil": [
                ruil("Borne", 20, "levert", toelichting=gelijk),
                ruil("Borne", 30, "levert", toelichting="zelfde"),
                ruil("Bornee", 5, "levert", toelichting=""),
            ],
        },
        borne={
            "uitruil": [
                ruil("Almelo", 20, "ontvangt", toelichting=gelijk + " <b>&"),
                ruil("Almelo", 30, "ontvangt", toelichting="zelfde"),
            ]
        },
    )
    uit = tmp_path / "uit"
    api.rapport(m, "noord", uit)
    plan = BeautifulSoup((uit / "regionaal-plan-noord.html").read_text(encoding="utf-8"), "html.parser")
    rijen = {tr.select_one("th").get_text(strip=True): tr for tr in plan.select("#tabel-uitruil tbody tr")}
    gevolg = {
        tr.select("td")[2].get_text(strip=True): tr.select("td")[-1]
        for tr in plan.select("#tabel-uitruil tbody tr")
    }
    assert sorted(gevolg) == ["20", "30", "5"]
    verwerkt, onbekend = gevolg["20"], gevolg["5"]
    # the same words on both sides: once, with both names
    assert [s.get_text() for s in gevolg["30"].select("span.toelichting")] == [
        "Toelichting Almelo en Borne: “zelfde”"
    ]
    assert [s.get_text() for s in verwerkt.select("span.toelichting")] == [
        f"Toelichting Almelo: “{gelijk}”",
        f"Toelichting Borne: “{gelijk} <b>&”",
    ]
    for s in verwerkt.select("span.toelichting"):
        s.decompose()
    assert (
        verwerkt.get_text(strip=True)
        == "telt voor Borne; afgesproken en door beide gemeenten gelijk vastgelegd."
    )
    assert set(rijen) == {"Almelo"}  # every row lies in Almelo
    # the typo: no "buiten de provincie", the reason in words
    assert onbekend.get_text(strip=True) == "'Bornee' is geen bekende gemeente: verschuift geen plekken."
    assert "buiten de provincie" not in plan.select_one("#tabel-uitruil").get_text()

    md = (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    rij = next(r for r in md.splitlines() if r.startswith("| Almelo | Borne | asiel | 20 |"))
    assert rij.endswith(
        "| telt voor Borne; afgesproken en door beide gemeenten gelijk vastgelegd. "
        f"Toelichting Almelo: “{gelijk}” Toelichting Borne: “{gelijk} \\<b\\>&” |"
    ), rij
    assert "vastgelegd. Toelichting Almelo en Borne: “zelfde” |" in md
