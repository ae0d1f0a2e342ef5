"""regioplan.toml: unknown keys, wrong types and TOML syntax errors are Dutch config errors (exit 2); the
period text follows the cycle dates; every date option reads the same notations. The CLI as a subprocess."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import tomllib

from regioplan.config import Cyclus, bouw_config, laad_config
from regioplan.configvorm import TABELLEN, controleer, tabel
from regioplan.fouten import RegioplanFout
from regioplan.opmaak import MAANDEN_KORT, periode
from regioplan.sjablonen import startconfig
from regioplan.tomlfout import beschrijf


def _draai(*argumenten: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *argumenten], capture_output=True, text=True, timeout=120
    )


def _valideer(tmp_path: Path, inhoud: str) -> str:
    """``regioplan valideer`` on a folder with only this regioplan.toml: exit 2, the message (one line)."""
    (tmp_path / "regioplan.toml").write_text(inhoud, encoding="utf-8")
    proces = _draai("valideer", str(tmp_path))
    assert proces.returncode == 2, proces.stdout + proces.stderr
    assert "Traceback" not in proces.stderr and "interne fout" not in proces.stderr
    fout = " ".join(proces.stderr.split())
    assert "fout [config-ongeldig]" in fout and "regioplan.toml" in fout
    return fout


# --- unknown tables and keys --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        (  # finding 3 of nieuwkomer 5: one s missing gave a half-old cycle
            '[cyclus]\nnaam = "2e cyclus"\nactief_uiterlijk = '
            "2027-07-01\nin_gebruik_tot_minsten = 2028-02-01\n",
            "onbekende sleutel 'in_gebruik_tot_minsten' in [cyclus]: bedoelde je 'in_gebruik_tot_minstens'?",
        ),
        ("[cyclus]\nperiode = 3\n", "onbekende sleutel 'periode' in [cyclus]: bedoelde je 'periode_tekst'?"),
        (
            "[peildata]\nstatushouder = 2026-03-15\n",
            "onbekende sleutel 'statushouder' in [peildata]: bedoelde je 'statushouders'?",
        ),
        ("[peildatum]\noekraine = 2026-01-01\n", "onbekende tabel [peildatum]: bedoelde je [peildata]?"),
        (  # a key above the first header, or under the wrong one: say where it belongs
            "actief_uiterlijk = 2027-07-01\n[cyclus]\nnaam = 'x'\n",
            "onbekende sleutel 'actief_uiterlijk' bovenaan het bestand (vóór de eerste "
            "[tabel]): die hoort onder "
            "[cyclus]",
        ),
        (
            "[cyclus]\noekraine = 2026-01-01\n",
            "onbekende sleutel 'oekraine' in [cyclus]: die hoort onder [peildata]",
        ),
        (
            '[[regio]]\nnaam = "Noord"\ngemeenten = ["GM0141"]\nregietafels = "T"\n',
            "onbekende sleutel 'regietafels' in [[regio]]: bedoelde je 'regietafel'?",
        ),
        ("[provincie]\nnaam = 'Gelderland'\nkleur = 'rood'\n", "onbekende sleutel 'kleur' in [provincie]"),
    ],
    ids=[
        "cyclus-tikfout",
        "periode",
        "statushouder",
        "tabel-tikfout",
        "bovenaan",
        "verkeerde-tabel",
        "regio",
        "provincie",
    ],
)
def test_onbekende_sleutel_is_een_fout_met_voorstel(tmp_path, inhoud, verwacht):
    assert verwacht in _valideer(tmp_path, inhoud)


def test_zonder_voorstel_noemt_de_hint_de_geldige_sleutels(tmp_path):
    fout = _valideer(tmp_path, "[provincie]\nkleur = 'rood'\n")
    assert "bedoelde je" not in fout
    assert "hint: Geldig in [provincie]: naam, sleutel." in fout


def test_alle_problemen_in_één_melding(tmp_path):
    fout = _valideer(
        tmp_path, "[cyclus]\nin_gebruik_tot_minsten = 2028-02-01\n[peildata]\nstatushouder = 2026-03-15\n"
    )
    assert "2 problemen: (1) onbekende sleutel 'in_gebruik_tot_minsten'" in fout
    assert "(2) onbekende sleutel 'statushouder' in [peildata]" in fout


# --- wrong types ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        (
            '[cyclus]\nactief_uiterlijk = "01-07-2027"\n',
            "'cyclus.actief_uiterlijk' moet een datum JJJJ-MM-DD zonder aanhalingstekens (bv. "
            "2027-07-01) zijn, "
            "niet de tekst '01-07-2027' (schrijf actief_uiterlijk = 2027-07-01)",
        ),
        (
            "[peildata]\noekraine = 2026-01-01T00:00:00\n",
            "'peildata.oekraine' moet een datum JJJJ-MM-DD zonder aanhalingstekens (bv. "
            "2027-07-01) zijn, niet een "
            "datum met tijd (2026-01-01T00:00:00) (schrijf alleen de datum: 2026-01-01)",
        ),
        (
            "[cyclus]\nnaam = 2\n",
            "'cyclus.naam' moet tekst tussen aanhalingstekens (bv. \"Twente\") zijn, niet het getal 2",
        ),
        ("[cyclus]\nperiode_tekst = true\n", "'cyclus.periode_tekst' moet tekst"),
        (
            "[aliassen]\nWijchn = 'Wijchen'\n",
            "'aliassen.Wijchn' moet een CBS-code zijn (bv. \"GM0164\"), niet 'Wijchen'",
        ),
        ("[gemeenten]\nWijchen = 'Wijchen'\n", "[gemeenten] noemt 'Wijchen'; daar staan CBS-codes"),
        ('[[regio]]\nnaam = "Noord"\n', "[[regio]] 'Noord' mist de sleutel 'gemeenten'"),
        ("cyclus = 2027\n", "'cyclus' moet een tabel ([cyclus]) zijn, niet het getal 2027"),
    ],
    ids=[
        "datum-als-tekst",
        "datum-met-tijd",
        "naam-als-getal",
        "ja-nee",
        "alias-naar-naam",
        "gemeenten-sleutel",
        "regio-zonder-gemeenten",
        "tabel-als-getal",
    ],
)
def test_verkeerde_soort_is_een_nederlandse_fout(tmp_path, inhoud, verwacht):
    assert verwacht in _valideer(tmp_path, inhoud)


def test_ingebouwde_lagen_gebruiken_alleen_bekende_sleutels():
    """landelijk.toml and provincies/*.toml are checked by the same rules as a coordinator's file."""
    bestanden = [resources.files("regioplan").joinpath("landelijk.toml")]
    bestanden += [
        p for p in resources.files("regioplan").joinpath("provincies").iterdir() if p.name.endswith(".toml")
    ]
    assert len(bestanden) >= 2
    for bestand in bestanden:
        controleer(tomllib.loads(bestand.read_text(encoding="utf-8")), bestand.name)
    with pytest.raises(RegioplanFout):  # and the check is not a no-op
        controleer({"cyclus": {"in_gebruik_tot_minsten": dt.date(2028, 2, 1)}}, "x")


def test_init_schrijft_alleen_bekende_sleutels():
    """Every key that ``regioplan init`` writes out as a comment is one the format knows."""
    huidige, gezien = None, 0
    for regel in startconfig(laad_config(provincie="Gelderland")).splitlines():
        if m := re.match(r"^# \[+(\w+)\]+$", regel):
            huidige = tabel(m[1])
        elif (m := re.match(r"^# (\w+) = ", regel)) and huidige is not None:
            assert huidige.sleutel(m[1]) is not None, (huidige.kop, m[1])
            gezien += 1
    assert gezien >= 8 + 4 * 3  # cyclus, peildata and three regio's of Gelderland


def test_documentatie_noemt_elke_sleutel():
    docs = (Path(__file__).parent.parent / "docs" / "configuratie.md").read_text(encoding="utf-8")
    for t in TABELLEN:
        assert f"## `{t.kop}`" in docs
        for s in t.sleutels or ():
            assert f"| `{s.naam}` |" in docs, (t.kop, s.naam)


# --- TOML syntax errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inhoud", "bericht", "hint"),
    [
        (  # finding 5: a date as a Dutchman writes it
            'provincie = "gelderland"\n[cyclus]\nactief_uiterlijk = 01-07-2027\n',
            "geen geldige TOML op regel 3, kolom 21: na de waarde staat nog iets op de regel (regel 3: "
            "actief_uiterlijk = 01-07-2027)",
            "Schrijf datums in regioplan.toml als JJJJ-MM-DD zonder aanhalingstekens, bv. "
            "2027-07-01 in plaats "
            "van 01-07-2027.",
        ),
        (
            '[cyclus]\nnaam = "2e cyclus\n',
            "geen geldige TOML op regel 2, kolom 18: een tekst is niet afgesloten: het "
            "aanhalingsteken aan het eind "
            "ontbreekt",
            'Zet tekst tussen aanhalingstekens, aan beide kanten: naam = "2e cyclus".',
        ),
        (
            "[cyclus]\nnaam = 2e cyclus\n",
            "geen geldige TOML op regel 2, kolom 9",
            'Zet tekst tussen aanhalingstekens, aan beide kanten: naam = "2e cyclus".',
        ),
        (
            '[cyclus]\nnaam = "a"\nnaam = "b"\n',
            "geen geldige TOML op regel 3, kolom 11: deze sleutel heeft al een waarde: hij "
            "staat twee keer in "
            "dezelfde tabel",
            "Laat 'naam' één keer staan, met de goede waarde.",
        ),
        (
            '[cyclus]\nnaam = "a"\n[cyclus]\nactief_uiterlijk = 2027-07-01\n',
            "geen geldige TOML op regel 3, kolom 8: de tabel [cyclus] staat twee keer in het bestand",
            "Zet alle sleutels van een tabel onder één kop",
        ),
        (
            '[cyclus\nnaam = "a"\n',
            "geen geldige TOML op regel 1, kolom 8: de tabelkop is niet goed",
            "Een tabelkop staat alleen op de regel",
        ),
        (
            "[cyclus]\nactief_uiterlijk = 1 juli 2027\n",
            "geen geldige TOML op regel 2, kolom 22",
            "Schrijf datums in regioplan.toml als JJJJ-MM-DD zonder aanhalingstekens, bv. 2027-07-01.",
        ),
        (
            "[cyclus]\nactief_uiterlijk = 2027-07-01 de nieuwe datum\n",
            "geen geldige TOML op regel 2, kolom 31",
            "Na de waarde (2027-07-01) mag op de regel alleen commentaar staan, achter een #.",
        ),
        (
            "[cyclus]\nactief_uiterlijk = 2027-02-30\n",
            "geen geldige TOML op regel 2, kolom 20: deze datum bestaat niet",
            "Controleer dag en maand",
        ),
    ],
    ids=[
        "datum-dd-mm-jjjj",
        "aanhalingsteken-mist",
        "tekst-zonder-aanhalingstekens",
        "sleutel-dubbel",
        "tabel-dubbel",
        "tabelkop",
        "datum-in-woorden",
        "tekst-na-de-waarde",
        "datum-bestaat-niet",
    ],
)
def test_syntaxfout_in_het_nederlands(tmp_path, inhoud, bericht, hint):
    fout = _valideer(tmp_path, inhoud)
    assert bericht in fout and f"hint: {hint}" in fout
    for engels in ("Expected", "at line", "column", "Cannot", "Illegal", "Invalid"):
        assert engels not in fout


# --- the period text --------------------------------------------------------------------------------------


def test_periodetekst_van_de_standaard_is_afgeleid():
    cyclus = laad_config().cyclus
    assert cyclus.periode_tekst == "juli '25 – febr. '26"  # the text the sources use
    assert periode(dt.date(2027, 3, 1), dt.date(2028, 9, 30)) == "maart '27 – sept. '28"
    assert len(set(MAANDEN_KORT)) == 12
    assert Cyclus("x", dt.date(2027, 7, 1), dt.date(2028, 2, 1), "  ").periode_tekst == "juli '27 – febr. '28"


def test_nieuwe_datums_zonder_periodetekst(tmp_path):
    """Finding 6: new dates without periode_tekst gave the old cycle's text next to the new dates."""
    (tmp_path / "regioplan.toml").write_text(
        'provincie = "gelderland"\n[cyclus]\nnaam = "2e cyclus Spreidingswet"\nactief_uiterlijk '
        "= 2027-07-01\n"
        "in_gebruik_tot_minstens = 2028-02-01\n",
        encoding="utf-8",
    )
    bereken = _draai("bereken", str(tmp_path))
    assert bereken.returncode == 0, bereken.stderr
    assert "Asielopvang incl. amv – 2e cyclus Spreidingswet (juli '27 – febr. '28)" in bereken.stdout
    assert "'25" not in bereken.stdout
    rapport = _draai(
        "rapport",
        str(tmp_path),
        "--regio",
        "gelderland-zuid",
        "-f",
        "md",
        "--datum",
        "01-12-2026",
        "--uit",
        str(tmp_path / "uit"),
    )
    assert rapport.returncode == 0, rapport.stderr
    md = (tmp_path / "uit" / "regionaal-plan-gelderland-zuid.md").read_text(encoding="utf-8")
    assert "2e cyclus Spreidingswet (juli '27 – febr. '28)" in md and "febr. '26" not in md
    assert "01-12-2026" in md  # --datum in Dutch order (finding 13)
    # a text given in the file stays
    eigen = bouw_config(
        {
            "provincie": "gelderland",
            "cyclus": {"actief_uiterlijk": dt.date(2027, 7, 1), "periode_tekst": "zomer 2027"},
        }
    )
    assert eigen.cyclus.periode_tekst == "zomer 2027"


# --- date options -----------------------------------------------------------------------------------------


def test_datumoptie_noemt_de_vormen(tmp_path):
    (tmp_path / "regioplan.toml").write_text('provincie = "gelderland"\n', encoding="utf-8")
    proces = _draai(
        "rapport",
        str(tmp_path),
        "--regio",
        "gelderland-zuid",
        "--datum",
        "2026-13-01",
        "--uit",
        str(tmp_path / "uit"),
    )
    assert proces.returncode == 2
    fout = " ".join(proces.stderr.split())
    assert "fout [optie-ongeldig]: --datum '2026-13-01' bestaat niet als datum." in fout
    assert "hint: Schrijf de datum als DD-MM-JJJJ of JJJJ-MM-DD (ook DD/MM/JJJJ of DD.MM.JJJJ)" in fout
    assert not (tmp_path / "uit").exists()


def test_onbekende_parsermelding_blijft_als_bijlage():
    """A parser message without a Dutch text keeps the parser's words, marked, with line and column."""
    bericht, hint = beschrijf("Something new (at line 2, column 3)", "a = 1\n[b]\n")
    assert (
        bericht == "geen geldige TOML op regel 2, kolom 3: de TOML-lezer meldt: Something new (regel 2: [b])."
    )
    assert "datums als JJJJ-MM-DD" in hint
