"""`regioplan verschil` on the two example rounds: every constructed change with its reason, the git form,
mirror and self-comparison, determinism and escaping."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from regioplan.api import stand, verschil
from regioplan.verschil import spiegel, vergelijk
from regioplan.verschil.weergave import als_dict, als_json, als_markdown

from .conftest import REPO, VOORBEELD

RONDE2 = REPO / "voorbeelddata" / "overijssel-2025-ronde2"
OMGEVING = {"NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam", "PATH": os.environ.get("PATH", "")}


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args], capture_output=True, text=True, env=OMGEVING, cwd=cwd
    )


@pytest.fixture(scope="module")
def standen():
    return stand(str(VOORBEELD)), stand(str(RONDE2))


@pytest.fixture(scope="module")
def v(standen):
    return vergelijk(*standen)


def _gemeente(v, naam):
    return next(g for g in v.gemeenten if g.naam == naam)


def _rij(g, naam):
    return next(r for r in g.rijen if r.naam == naam)


def _cijfer(g, sleutel):
    c = g.cijfer(sleutel)
    return (c.oud, c.nieuw) if c else None


# ---- the constructed changes of round 2, each with its reason -------------------------------------------


def test_locatie_erbij_gaat_meetellen_en_voornemen_kleiner(v):
    raalte = _gemeente(v, "Raalte")
    loc = _rij(raalte, "Tijdelijke opvang Raalte-Noord")
    assert loc.soort == "toegevoegd" and loc.omslag == "erin" and loc.bijdrage == 120
    assert loc.nieuw.reden == "telt"
    voornemen = _rij(raalte, "Eigen asielopgave, locatieverkenning")
    assert voornemen.soort == "gewijzigd" and voornemen.voornemen == -120
    assert [(f.veld, f.oud, f.nieuw) for f in voornemen.velden] == [("capaciteit", 233, 113)]
    assert _cijfer(raalte, "asiel.geldig") == (0, 120)
    assert _cijfer(raalte, "asiel.voornemens") == (233, 113)
    assert _cijfer(raalte, "procesfase") == ("b", "a")


def test_beeindigde_locatie_is_verwijderd_en_telde_niet(v):
    hengelo = _gemeente(v, "Hengelo")
    loc = _rij(hengelo, "Hazenweg 31")
    assert loc.soort == "verwijderd" and loc.status_oud == "telt-niet" and loc.omslag is None
    assert hengelo.cijfer("asiel.geldig") is None  # it did not count, so no figure moved


def test_datumwijziging_haalt_locatie_uit_de_telling_met_reden(v):
    wierden = _gemeente(v, "Wierden")
    loc = _rij(wierden, "Ypeloweg")
    assert [(f.veld, f.oud, f.nieuw) for f in loc.velden] == [("einddatum", "2026-03-01", "2025-12-01")]
    assert loc.omslag == "eruit" and loc.bijdrage == -56
    assert loc.nieuw.reden == "eindigt-te-vroeg" and "01-12-2025" in loc.nieuw.uitleg
    assert _cijfer(wierden, "asiel.geldig") == (93, 37)
    assert _cijfer(wierden, "asiel.geldig_amv") == (56, 0)


def test_besluit_genomen(v):
    loc = _rij(_gemeente(v, "Hellendoorn"), "Noordelijke Hoofddijk")
    velden = {f.veld: (f.oud, f.nieuw) for f in loc.velden}
    assert velden["besluit"] == (False, True)
    assert velden["startdatum"] == ("onbekend", "2026-07-01")
    # decided, but it opens after the cycle date: still a voornemen, now for another reason
    assert loc.status_oud == loc.status_nieuw == "voornemen" and loc.omslag is None
    assert loc.oud.reden == "start-onbekend" and loc.nieuw.reden == "start-na-peildatum"


def test_uitruil_afgesproken_bij_beide_gemeenten(v):
    for gemeente, partner in (("Hengelo", "Twenterand"), ("Twenterand", "Hengelo")):
        rijen = [r for r in _gemeente(v, gemeente).rijen if r.tabel == "uitruil"]
        assert len(rijen) == 2 and all(r.naam.startswith(partner) for r in rijen)
        assert all((r.status_oud, r.status_nieuw) == ("voornemen", "afgesproken") for r in rijen)
        # an exchange is no location: no asiel or GOO row named after it (follow-up h5f)
        assert not [r for r in _gemeente(v, gemeente).rijen if "Uitruil" in r.naam]
    # Hengelo supplies 83 asiel places from 01-01-2026: after the cycle date, so a voornemen that moves
    hengelo = _rij(_gemeente(v, "Hengelo"), "Twenterand (asiel, levert)")
    assert ("verwerkt", False, True) in [(f.veld, f.oud, f.nieuw) for f in hengelo.velden]
    assert hengelo.voornemen == -83 and hengelo.bijdrage == 0
    assert _rij(_gemeente(v, "Twenterand"), "Hengelo (asiel, ontvangt)").voornemen == 83


def test_gemeente_levert_niet_meer_aan(v):
    staphorst = _gemeente(v, "Staphorst")
    assert staphorst.aanlevering == "gestopt" and staphorst.bestand_oud == "staphorst.xlsx"
    assert staphorst.bestand_nieuw is None
    # no data is no 0 (as in the report): the figure says "geen gegevens", the change "niet meer aangeleverd"
    assert _cijfer(staphorst, "oekraine.realisatie") == (217, "geen-gegevens")
    assert staphorst.cijfer("oekraine.realisatie").verschil is None
    assert staphorst.cijfer("oekraine.realisatie").aanlevering == "gestopt"
    assert staphorst.cijfer("oekraine.opgave") is None  # the opgave is known without a workbook too
    assert (staphorst.status_oud, staphorst.status_nieuw) == ("geleverd", "geen-gegevens")
    ijsselland = next(r for r in v.regios if r.sleutel == "ijsselland")
    assert (ijsselland.levering_oud, ijsselland.levering_nieuw) == ((11, 11), (10, 11))
    assert ijsselland.onvolledig and v.provincie.onvolledig
    assert all(r.soort == "verwijderd" for r in staphorst.rijen)
    assert [b.code for b in v.bevindingen_nieuw] == ["gemeente-zonder-uitvraag"]
    assert "Staphorst" in v.bevindingen_nieuw[0].bericht


def test_hernoemde_locatie_wordt_herkend(v):
    loc = _rij(_gemeente(v, "Zwolle"), "Kantoorvilla Zwolle (TGO)")
    assert loc.soort == "hernoemd" and loc.oud.naam == "Kantoorvilla (TGO)" and not loc.velden
    assert loc.omslag is None


def test_afwijking_weg_goo_gaat_meetellen_en_bevinding_opgelost(v):
    hardenberg = _gemeente(v, "Hardenberg")
    loc = _rij(hardenberg, "Nieuwe GOO-locatie per 01-01-2025")
    assert ("telt_mee", "nee", "automatisch") in [(f.veld, f.oud, f.nieuw) for f in loc.velden]
    assert loc.omslag == "erin" and loc.bijdrage == 44
    assert _cijfer(hardenberg, "oekraine.realisatie") == (241, 285)
    assert [(b.code, b.bestand) for b in v.bevindingen_opgelost] == [
        ("telt-mee-tegen-regel", "hardenberg.xlsx")
    ]


def test_soort_beheer_en_capaciteit(v):
    kampen = _rij(_gemeente(v, "Kampen"), "Hilbert van Dijkstraat")
    assert {f.veld: (f.oud, f.nieuw) for f in kampen.velden} == {
        "soort": ("TGO", "regulier"),
        "beheer": ("gemeente", "COA"),
    }
    deventer = _gemeente(v, "Deventer")
    assert _rij(deventer, "Schalkhaar").bijdrage == 20
    assert _cijfer(deventer, "asiel.geldig") == (550, 570)


def test_elke_verschuiving_in_geldig_wordt_verklaard_door_locaties(v, standen):
    """The reason a figure moved is in the rows: per gemeente the asiel rows add up to the change in
    geldig."""

    def opgave(r):
        return "oekraine" if r.tabel == "oekraine" else "asiel" if r.tabel == "asiel" else r.veld("opgave")

    for g in v.gemeenten:
        if g.aanlevering:
            continue  # no data on one side: no difference to explain (Staphorst)
        c = g.cijfer("asiel.geldig")
        verklaard = sum(r.bijdrage for r in g.rijen if opgave(r.nieuw or r.oud) == "asiel")
        assert (c.verschil if c else 0) == verklaard, g.naam
        o = g.cijfer("oekraine.realisatie")
        goo = sum(r.bijdrage for r in g.rijen if opgave(r.nieuw or r.oud) == "oekraine")
        assert (o.verschil if o else 0) == goo, g.naam
        v_ = g.cijfer("asiel.voornemens")
        assert (v_.verschil if v_ else 0) == sum(r.voornemen for r in g.rijen), g.naam
    provincie = {c.sleutel: c for c in v.provincie.cijfers}
    assert (provincie["asiel.geldig"].oud, provincie["asiel.geldig"].nieuw) == (3864, 3948)
    assert sum(r.bijdrage for g in v.gemeenten for r in g.rijen if r.tabel == "asiel") == 84


def test_ongewijzigde_gemeenten_staan_er_niet_in(v):
    assert {g.naam for g in v.gemeenten} == {
        "Deventer",
        "Hardenberg",
        "Hellendoorn",
        "Hengelo",
        "Kampen",
        "Raalte",
        "Staphorst",
        "Twenterand",
        "Wierden",
        "Zwolle",
    }


# ---- properties ---------------------------------------------------------------------------------------


def test_verschil_met_zichzelf_is_leeg(standen):
    for s in standen:
        assert vergelijk(s, s).leeg


def test_verschil_b_a_is_spiegel_van_a_b(standen):
    a, b = standen
    assert vergelijk(b, a) == spiegel(vergelijk(a, b))
    assert spiegel(spiegel(vergelijk(a, b))) == vergelijk(a, b)


def test_cli_deterministisch_en_json_is_bibliotheek(v):
    eerste = _run("verschil", str(VOORBEELD), str(RONDE2), "-f", "json")
    tweede = _run("verschil", str(VOORBEELD), str(RONDE2), "-f", "json")
    assert eerste.returncode == 0, eerste.stderr
    assert eerste.stdout == tweede.stdout
    d = json.loads(eerste.stdout)
    assert {k: d[k] for k in d if k not in ("oud", "nieuw")} == {
        k: w for k, w in json.loads(als_json(v)).items() if k not in ("oud", "nieuw")
    }
    assert "10 gemeenten gewijzigd" in eerste.stderr
    md1 = _run("verschil", str(VOORBEELD), str(RONDE2), "-f", "md")
    md2 = _run("verschil", str(VOORBEELD), str(RONDE2), "-f", "md")
    assert md1.returncode == 0 and md1.stdout == md2.stdout


def test_cli_zelfde_ronde_zegt_geen_verschillen():
    r = _run("verschil", str(VOORBEELD), str(VOORBEELD), "-f", "md")
    assert r.returncode == 0, r.stderr
    assert "geen verschillen" in r.stdout and "|" not in r.stdout


def test_cli_tekst_noemt_reden(tmp_path):
    r = _run("verschil", str(VOORBEELD), str(RONDE2))
    assert r.returncode == 0, r.stderr
    tekst = " ".join(r.stdout.split())
    assert "Ypeloweg" in tekst and "telt niet meer mee (-56)" in tekst and "eindigt 01-12-2025" in tekst
    assert "Staphorst (IJsselland): geen werkboek meer" in tekst


def test_cli_uit_schrijft_bestand(tmp_path):
    doel = tmp_path / "sub" / "verschil.md"
    r = _run("verschil", str(VOORBEELD), str(RONDE2), "-f", "md", "-o", str(doel))
    assert r.returncode == 0, r.stderr
    assert doel.read_text(encoding="utf-8").startswith("## regioplan verschil")
    assert r.stdout == "" and [p.name for p in doel.parent.iterdir()] == ["verschil.md"]


@pytest.mark.parametrize(
    ("args", "in_melding"),
    [
        (("bestaat-niet", str(VOORBEELD)), "bestaat niet"),
        (("HEAD~999999:voorbeelddata/overijssel-2024", str(VOORBEELD)), "bestaat niet in deze repository"),
        (("HEAD:map/die/er/niet/is", str(VOORBEELD)), "bestaat niet in revisie"),
        (("--", "-x:werkboeken", str(VOORBEELD)), "begint met '-'"),
    ],
)
def test_onleesbare_kant_geeft_exit_2_met_nederlandse_melding(args, in_melding, tmp_path):
    repo = _repo_met_twee_rondes(tmp_path)
    r = _run("verschil", *args, cwd=repo)
    assert r.returncode == 2, (r.stdout, r.stderr)
    melding = " ".join(r.stderr.split())
    assert in_melding in melding and "Traceback" not in melding
    assert "bron-onleesbaar" in melding


def test_revisie_buiten_een_repository(tmp_path):
    r = _run("verschil", "main:werkboeken", str(VOORBEELD), cwd=tmp_path)
    assert r.returncode == 2 and "geen git-repository" in " ".join(r.stderr.split())


# ---- git ------------------------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> str:
    env = {
        **OMGEVING,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo.parent),
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


def _vul(doel: Path, bron: Path) -> None:
    for p in doel.glob("*.xlsx"):
        p.unlink()
    for p in bron.glob("*.xlsx"):
        shutil.copyfile(p, doel / p.name)


def _repo_met_twee_rondes(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    werkboeken = repo / "werkboeken"
    werkboeken.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    _vul(werkboeken, VOORBEELD)
    (werkboeken / "README.md").write_text("# werkboeken\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "ronde 1")
    _git(repo, "tag", "ronde1")
    _vul(werkboeken, RONDE2)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "ronde 2")
    return repo


def _zonder_labels(d: dict) -> dict:
    return {k: w for k, w in d.items() if k not in ("oud", "nieuw")}


def test_git_vorm_geeft_hetzelfde_als_de_mapvorm(tmp_path, v):
    repo = _repo_met_twee_rondes(tmp_path)
    via_git = verschil("ronde1:werkboeken", "HEAD:werkboeken", werkmap=repo)
    assert _zonder_labels(als_dict(via_git)) == _zonder_labels(als_dict(v))
    assert via_git.oud == "ronde1:werkboeken"
    assert via_git.revisie_oud == _git(repo, "rev-parse", "ronde1").strip()
    # mixed: a revision against the working tree, and ./ relative to the current folder
    gemengd = verschil("main~1:./werkboeken", "werkboeken", werkmap=repo)
    assert _zonder_labels(als_dict(gemengd)) == _zonder_labels(als_dict(v))
    # the working tree and the index are untouched (no checkout)
    assert _git(repo, "status", "--porcelain") == ""


def test_git_vorm_via_cli(tmp_path):
    repo = _repo_met_twee_rondes(tmp_path)
    r = _run("verschil", "ronde1:werkboeken", "main:werkboeken", "-f", "json", cwd=repo)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["oud"]["bron"] == "ronde1:werkboeken" and len(d["oud"]["revisie"]) == 40
    assert len(d["gemeenten"]) == 10


def test_vijandige_namen_uit_git_worden_overgeslagen(tmp_path):
    """A tree may hold names no checkout writes; they are named, never written outside the temp folder."""
    repo = _repo_met_twee_rondes(tmp_path)
    blob = _git(repo, "hash-object", "-w", str(VOORBEELD / "almelo.xlsx")).strip()
    boom = _git(repo, "rev-parse", "HEAD:werkboeken").strip()
    regels = _git(repo, "ls-tree", boom).splitlines()
    regels += [
        f"120000 blob {blob}\tlink.xlsx",
        f"100644 blob {blob}\tnieuw\x1bregel.xlsx",
    ]
    nieuwe_boom = subprocess.run(
        ["git", "mktree"],
        cwd=repo,
        input="\n".join(regels) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    commit = _git(repo, "commit-tree", nieuwe_boom, "-m", "vijandig").strip()
    s = stand(f"{commit}:", werkmap=repo)
    assert sorted(s.overgeslagen) == [
        "'link.xlsx': symbolische koppeling, niet gevolgd",
        "'nieuw\\x1bregel.xlsx': stuurteken in de bestandsnaam",
    ]
    assert {g.bestand for g in s.gemeenten if g.bestand} == {p.name for p in RONDE2.glob("*.xlsx")} - {
        "opgaven.xlsx"
    }
    r = _run("verschil", f"{commit}:", "HEAD:werkboeken", "-f", "md", cwd=repo)
    assert r.returncode == 0, r.stderr
    assert "symbolische koppeling" in r.stderr and "\x1b" not in r.stderr + r.stdout


# ---- Markdown ----------------------------------------------------------------------------------------------


def _tabelcellen(regel: str) -> int:
    return len(re.findall(r"(?<!\\)\|", regel))


def test_markdown_tabellen_kloppen_en_waarden_zijn_ontsnapt(tmp_path):
    from regioplan.uitvraag.schrijven import schrijf_uitvraag
    from regioplan.voorbeeld import lees_bron

    kwaad = "<img src=x onerror=alert(1)> | [klik](https://example.org) `code` **vet**\n# kop"
    map_ = tmp_path / "ronde"
    shutil.copytree(RONDE2, map_, ignore=shutil.ignore_patterns("bron"))
    gegevens = lees_bron(RONDE2 / "bron" / "raalte.toml")
    gegevens["asiel"][0]["locatie"] = kwaad
    gegevens["asiel"][0]["toelichting"] = kwaad
    schrijf_uitvraag(map_ / "raalte.xlsx", gegevens)
    md = als_markdown(verschil(str(VOORBEELD), str(map_)))
    assert not re.search(r"(?<!\\)<img", md) and not re.search(r"(?<!\\)\]\(https", md)
    assert "\n# kop" not in md
    assert "\\<img src=x onerror=alert(1)\\> \\| \\[klik\\]" in md
    # every table row has as many cells as its header: no value adds a column
    tabel: int | None = None
    for regel in md.splitlines():
        if regel.startswith("|"):
            tabel = tabel if tabel is not None else _tabelcellen(regel)
            assert _tabelcellen(regel) == tabel, regel
        else:
            tabel = None


# ---- docs and data -----------------------------------------------------------------------------------------


def _sleutels(d: object, pad: str = "") -> set[str]:
    uit: set[str] = set()
    if isinstance(d, dict):
        for k, w in d.items():
            uit.add(k)
            uit |= _sleutels(w, k)
    elif isinstance(d, list):
        for w in d:
            uit |= _sleutels(w, pad)
    return uit


def test_elke_json_sleutel_staat_in_de_documentatie(v):
    doc = (REPO / "docs" / "verschil.md").read_text(encoding="utf-8")
    d = als_dict(v)
    ontbreekt = sorted(k for k in _sleutels(d) if f"`{k}`" not in doc)
    assert not ontbreekt
    # every field name and status that occurs is documented too
    waarden = {f["veld"] for g in d["gemeenten"] for r in g["rijen"] for f in r["velden"]}
    waarden |= {r["status"][k] for g in d["gemeenten"] for r in g["rijen"] for k in ("oud", "nieuw")} - {None}
    assert sorted(w for w in waarden if f"`{w}`" not in doc) == []


def test_ronde2_werkboeken_komen_overeen_met_hun_tomlbron(tmp_path, standen):
    """The committed round-2 workbooks are what `make voorbeelddata` builds: copies plus the changed
    gemeenten."""
    from regioplan.voorbeeld import bouw

    basis = tmp_path / "overijssel-2024"
    shutil.copytree(VOORBEELD, basis, ignore=shutil.ignore_patterns("notities"))
    ronde = tmp_path / "overijssel-2025-ronde2"
    (ronde / "bron").mkdir(parents=True)
    for p in (RONDE2 / "bron").iterdir():
        shutil.copyfile(p, ronde / "bron" / p.name)
    (ronde / "staphorst.xlsx").write_bytes(b"oud")  # a workbook of a gemeente that did not deliver is removed
    bouw(ronde)
    assert sorted(p.name for p in ronde.glob("*.xlsx")) == sorted(p.name for p in RONDE2.glob("*.xlsx"))
    ongewijzigd = {p.name for p in ronde.glob("*.xlsx")} - {
        f"{p.stem}.xlsx" for p in (RONDE2 / "bron").glob("*.toml")
    }
    assert all((ronde / n).read_bytes() == (basis / n).read_bytes() for n in ongewijzigd)
    opnieuw = stand(str(ronde))
    assert vergelijk(standen[1], opnieuw).leeg


def test_hulp_is_nederlands_en_noemt_de_vormen():
    r = _run("verschil", "--help")
    assert r.returncode == 0
    hulp = " ".join(r.stdout.split())
    assert "Toon deze hulp en stop." in hulp and "Show this message" not in hulp
    assert "REF:pad" in hulp and "tekst" in hulp and "json" in hulp and "Exitcode 0" in hulp


def test_andere_cyclus_staat_bovenaan(tmp_path):
    map_ = tmp_path / "ronde"
    shutil.copytree(VOORBEELD, map_, ignore=shutil.ignore_patterns("bron", "notities"))
    (map_ / "regioplan.toml").write_text("[cyclus]\nactief_uiterlijk = 2025-06-01\n", encoding="utf-8")
    v = verschil(str(VOORBEELD), str(map_))
    # the period text is derived from the dates (no periode_tekst in the file), so it moves along
    assert [(c.sleutel, c.oud, c.nieuw) for c in v.instellingen] == [
        ("cyclus.actief_uiterlijk", "2025-07-01", "2025-06-01"),
        ("cyclus.periode_tekst", "juli '25 – febr. '26", "juni '25 – febr. '26"),
    ]
    # Hotel Fletcher (Steenwijkerland, from 01-07-2025) no longer counts under the earlier date
    fletcher = _rij(_gemeente(v, "Steenwijkerland"), "Hotel Fletcher")
    assert fletcher.omslag == "eruit" and not fletcher.velden and fletcher.nieuw.reden == "start-na-peildatum"
    assert "Let op: de instellingen verschillen" in als_markdown(v)
