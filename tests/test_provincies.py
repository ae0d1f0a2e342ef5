"""Every province as a new coordinator would use it: built-in regio's, `sjabloon --provincie`, the
national generator filling the workbooks, then valideer, bereken and `rapport --regio alle`.

Why: regioplan claimed any province, but outside Overijssel every step needed guessing. Here all twelve
provinces go the whole way (in-process CLI, real workbooks, real rendering). The workbooks of each
province are written once (module fixture); the national generator (benchmarks/nederland.py) gives each
gemeente plausible data, written over the template with what the template said it was made for.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regioplan import api
from regioplan.cli import main
from regioplan.config import CONFIGBESTAND, bouw_config, laad_config, landelijke_gemeenten
from regioplan.indeling import provincies, veiligheidsregios
from regioplan.namen import slug
from regioplan.uitvraag.kenmerken import lees_kenmerken
from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

REPO = Path(__file__).resolve().parent.parent
OVERIJSSELS = re.compile(r"overijssel|twente|ijsselland|twentse", re.I)


def _generator():
    spec = importlib.util.spec_from_file_location(
        "benchmark_nederland_p", REPO / "benchmarks" / "nederland.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


nederland = _generator()


def test_veiligheidsregios_dekken_de_342_gemeenten():
    pad = REPO / "regioplan" / "data" / "veiligheidsregios-2024.csv"
    rijen = list(csv.DictReader(pad.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    landelijk = landelijke_gemeenten()
    assert len(rijen) == 342 and {r["gemeentecode"] for r in rijen} == set(landelijk)
    for r in rijen:  # same name and province as the national list
        assert (r["gemeentenaam"], r["provincienaam"]) == landelijk[r["gemeentecode"]]
    per_vr = {}
    for r in rijen:
        per_vr.setdefault(r["veiligheidsregiocode"], set()).add(r["provincienaam"])
    assert len(per_vr) == 25 and all(len(p) == 1 for p in per_vr.values())  # each VR in one province
    assert len(provincies()) == 12


@pytest.mark.parametrize("provincie", provincies())
def test_ingebouwde_provincie_is_compleet(provincie):
    config = bouw_config({"provincie": provincie.lower()})
    assert config.provincie == provincie and config.ingebouwd and config.herkomst == f"ingebouwd: {provincie}"
    assert sorted(config.gemeenten) == sorted(
        c for c, (_, p) in landelijke_gemeenten().items() if p == provincie
    )
    assert len(config.regios) == len(veiligheidsregios()[provincie])
    sleutels = [r.sleutel for r in config.regios] + [config.provincie_sleutel]
    assert len(set(sleutels)) == len(sleutels)  # --regio <provincie> stays the provincial verslag
    if provincie != "Overijssel":
        assert not any(OVERIJSSELS.search(r.naam + r.regietafel) for r in config.regios)


def test_overijssel_is_twee_veiligheidsregios():
    config = laad_config()
    vr = {naam: {c for c, _ in g} for _, naam, g in veiligheidsregios()["Overijssel"]}
    assert [(r.naam, set(r.gemeenten)) for r in config.regios] == [
        ("Twente", vr["Twente"]),
        ("IJsselland", vr["IJsselland"]),
    ]
    assert config.regios[0].regietafel == "Twentse Regietafel Asiel"


def _rondje(provincie: str, map_: Path) -> None:
    """sjabloon --provincie, then fill every workbook (and the opgaven) with the national generator."""
    assert main(["sjabloon", "--provincie", slug(provincie), "--opgaven", "--uit", str(map_)]) == 0
    _vul(map_, provincie)


def _vul(map_: Path, provincie: str = "") -> None:
    """What the gemeenten and the coordinator do: fill the templates (national generator) and the opgaven."""
    config = laad_config(map_)
    provincie = provincie or config.provincie
    alle = [(c, config.naam(c)) for c in config.gemeenten]
    opgaven = []
    for regio in config.regios:
        for code in regio.gemeenten:
            naam = config.naam(code)
            gegevens, opgave = nederland.gemeente(code, naam, regio.naam, alle)
            pad = next(p for p in map_.glob("*.xlsx") if lees_kenmerken(p).get("cbs_code") == code)
            kenmerken = lees_kenmerken(pad)
            assert kenmerken["provincie"] == provincie and kenmerken["regio"] == regio.naam
            gegevens["gemeente"] = {**kenmerken, **gegevens["gemeente"]}
            schrijf_uitvraag(pad, gegevens)
            opgaven.append(opgave)
    schrijf_opgaven(map_ / "opgaven.xlsx", opgaven)


@pytest.fixture(scope="module")
def land(tmp_path_factory) -> dict[str, Path]:
    basis = tmp_path_factory.mktemp("provincies")
    mappen = {}
    for provincie in provincies():
        map_ = basis / slug(provincie)
        _rondje(provincie, map_)
        mappen[provincie] = map_
    return mappen


@pytest.fixture(scope="module")
def rapporten(land, tmp_path_factory) -> dict[str, Path]:
    """`rapport --regio alle` for every province (Markdown and HTML)."""
    basis = tmp_path_factory.mktemp("rapporten")
    uit = {}
    for provincie, map_ in land.items():
        uit[provincie] = basis / slug(provincie)
        assert main(["rapport", str(map_), "--regio", "alle", "--uit", str(uit[provincie])]) == 0, provincie
    return uit


def test_elke_provincie_van_sjabloon_tot_rapport(land, rapporten, capsys):
    for provincie, map_ in land.items():
        assert (map_ / CONFIGBESTAND).read_text(encoding="utf-8").count("\nprovincie = ") == 1
        config = laad_config(map_)
        assert config.provincie == provincie
        assert len(list(map_.glob("*.xlsx"))) == len(config.gemeenten) + 1

        assert main(["valideer", str(map_), "--formaat", "json"]) == 0, provincie
        uit = capsys.readouterr()
        assert json.loads(uit.out)["samenvatting"]["fouten"] == 0
        assert f"configuratie: {map_ / CONFIGBESTAND}" in " ".join(uit.err.split())

        resultaat = api.bereken(map_, config).als_dict()
        p = resultaat["provincie"]
        for opgave, velden in {
            "asiel": ("opgave", "geldig", "voornemens"),
            "oekraine": ("opgave", "realisatie"),
            "statushouders": ("taakstelling", "realisatie"),
        }.items():
            for veld in velden:
                assert p[opgave][veld] == sum(r[opgave][veld] for r in resultaat["regios"].values()), (
                    provincie,
                    opgave,
                    veld,
                )
        assert p["asiel"]["opgave"] > 0

        paden = sorted(rapporten[provincie].iterdir())
        assert len(paden) == 2 * (len(config.regios) + 1)
        for pad in paden:
            tekst = pad.read_text(encoding="utf-8")
            assert provincie in tekst
            if provincie != "Overijssel":
                assert not OVERIJSSELS.search(tekst), (pad.name, OVERIJSSELS.search(tekst))
            # template joins: a sentence never runs into the next ("werkboeken.De controle")
            zin = re.search(r"[a-z]\.(De|Het|Een|Waarschuwingen|Alle|Geen|Hun)\b", tekst)
            assert zin is None, (pad.name, zin)
        verslag = (rapporten[provincie] / f"provinciaal-verslag-{config.provincie_sleutel}.md").read_text()
        namen = [r.naam for r in config.regios]
        opsomming = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
        assert f"**Provincie:** {provincie}: {opsomming} (" in verslag.replace("\\", "")


def test_gemeente_controleert_haar_eigen_werkboek_zonder_configuratie(land, tmp_path, capsys):
    """The Toelichting tells a gemeente to run `regioplan valideer <bestand>`: outside Overijssel too."""
    bron = land["Gelderland"] / "arnhem.xlsx"
    los = tmp_path / "arnhem.xlsx"
    los.write_bytes(bron.read_bytes())
    assert main(["valideer", str(los)]) == 0
    uit = capsys.readouterr()
    assert "hoort niet bij" not in uit.out
    assert "configuratie: gegevens in werkboek arnhem.xlsx (provincie Gelderland)" in " ".join(
        uit.err.split()
    )
    toelichting = load_workbook(los)["Toelichting"]["A3"].value
    assert "provincie Gelderland, regio Gelderland-Midden" in toelichting
    assert "01-07-2025" in toelichting and "01-01-2025" in toelichting and "15-09-2024" in toelichting


# ---------------------------------------------------------------- configuration checks


@pytest.mark.parametrize(
    ("toml", "melding"),
    [
        (
            'provincie = "gelderland"\n[[regio]]\nnaam = "Zuid"\n'
            'gemeenten = ["GM0202", "GM1945", "GM0944"]\n',
            "regio 'Zuid' noemt Mook en Middelaar (GM0944), een gemeente van provincie Limburg, niet van "
            "Gelderland.",
        ),
        (
            '[[regio]]\nnaam = "A"\ngemeenten = ["GM0202"]\n[[regio]]\nnaam = "B"\ngemeenten = ["GM0202"]\n',
            "Arnhem (GM0202) staat in regio 'A' én in regio 'B'.",
        ),
        (
            '[[regio]]\nnaam = "A"\ngemeenten = ["GM0202", "GM0944"]\n',
            "de regio's bevatten gemeenten van meer dan één provincie (Gelderland: Arnhem (GM0202); "
            "Limburg: Mook en Middelaar (GM0944)).",
        ),
        (
            'provincie = "gelderland"\n[[regio]]\nnaam = "A"\ngemeenten = ["GM9999"]\n',
            "noemt GM9999; dat is geen",
        ),
        ('provincie = "Gelre"\n', "provincie 'Gelre' ken ik niet, en er staan geen regio's"),
        ("provincie = 3\n", "'provincie' moet een provincienaam"),
    ],
)
def test_configuratie_tegen_de_cbs_lijst(tmp_path, capsys, toml, melding):
    (tmp_path / CONFIGBESTAND).write_text(toml, encoding="utf-8")
    assert main(["bereken", str(tmp_path)]) == 2
    fout = " ".join(capsys.readouterr().err.split())
    assert "config-ongeldig" in fout and melding in fout and "Traceback" not in fout


def test_regio_zonder_provincie_krijgt_de_provincie_van_haar_gemeenten(tmp_path):
    (tmp_path / CONFIGBESTAND).write_text('[[regio]]\nnaam = "Rivierenland"\ngemeenten = ["GM0281"]\n')
    config = laad_config(tmp_path)
    assert config.provincie == "Gelderland" and [r.naam for r in config.regios] == ["Rivierenland"]
    # Arnhem lies in Gelderland but in no configured regio: say so, not "hoort niet bij provincie Gelderland"
    assert config.buiten_indeling("GM0202") == (
        "de regio's van deze configuratie (Rivierenland): Arnhem ligt in Gelderland, maar staat in geen "
        "[[regio]]"
    )
    assert config.buiten_indeling("GM0193") == "provincie Gelderland (Zwolle ligt in Overijssel)"


def test_init_schrijft_een_volledige_configuratie(tmp_path, capsys):
    assert main(["init", "--provincie", "Noord-Holland", "--uit", str(tmp_path)]) == 0
    tekst = (tmp_path / CONFIGBESTAND).read_text(encoding="utf-8")
    actief = [r for r in tekst.splitlines() if r.strip() and not r.startswith("#")]
    assert actief == ['provincie = "noord-holland"']
    assert tekst.count("# [[regio]]") == 5 and "# Zandvoort" in tekst and "Overijssel" not in tekst
    # uncommenting everything gives the same configuration as the one line
    alles = laad_config(tmp_path)
    (tmp_path / "uit").mkdir()
    ontcommentarieerd = re.sub(r'(?m)^# (?=\[|\w+ = |  "|\])', "", tekst)  # the TOML lines, not the prose
    (tmp_path / "uit" / CONFIGBESTAND).write_text(ontcommentarieerd, encoding="utf-8")
    volledig = laad_config(tmp_path / "uit")
    assert (volledig.regios, volledig.cyclus, volledig.peildata) == (
        alles.regios,
        alles.cyclus,
        alles.peildata,
    )
    capsys.readouterr()
    assert main(["init", "--provincie", "noord-holland", "--uit", str(tmp_path)]) == 2
    assert "config-bestaat" in capsys.readouterr().err
    assert main(["init", "--provincie", "gelre", "--uit", str(tmp_path / "x")]) == 2
    assert "Kies uit: drenthe, flevoland" in " ".join(capsys.readouterr().err.split())


def test_sjabloon_leest_de_configuratie_van_de_uitmap(tmp_path, capsys):
    uit = tmp_path / "werkboeken"
    uit.mkdir()
    (uit / CONFIGBESTAND).write_text(
        'provincie = "zeeland"\n[cyclus]\nactief_uiterlijk = 2027-07-01\n'
        "in_gebruik_tot_minstens = 2028-02-01\n"
    )
    assert main(["sjabloon", "--gemeente", "Vlissingen", "--uit", str(uit)]) == 0
    assert f"configuratie: {uit / CONFIGBESTAND} (provincie Zeeland)" in " ".join(
        capsys.readouterr().err.split()
    )
    kenmerken = lees_kenmerken(uit / "vlissingen.xlsx")
    assert kenmerken["provincie"] == "Zeeland" and kenmerken["actief_uiterlijk"].year == 2027
    # the pre-check of that workbook on its own uses the cycle it was made for
    los = tmp_path / "los"
    los.mkdir()
    (los / "vlissingen.xlsx").write_bytes((uit / "vlissingen.xlsx").read_bytes())
    config = api.configuratie(los / "vlissingen.xlsx")
    assert config.provincie == "Zeeland" and config.cyclus.actief_uiterlijk.year == 2027
    assert main(["sjabloon", "--provincie", "limburg", "--uit", str(uit)]) == 2
    assert "past niet bij" in capsys.readouterr().err
    # a workbook of a coordinator's own province (not built in) falls back to the default, never fails
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / CONFIGBESTAND).write_text(
        '[provincie]\nnaam = "Proefland"\n[[regio]]\nnaam = "Noord"\ngemeenten = ["GM0141"]\n'
    )
    assert main(["sjabloon", "--gemeente", "Almelo", "--uit", str(eigen)]) == 0
    (los / "almelo.xlsx").write_bytes((eigen / "almelo.xlsx").read_bytes())
    assert lees_kenmerken(los / "almelo.xlsx")["provincie"] == "Proefland"
    assert api.configuratie(los / "almelo.xlsx").herkomst == "ingebouwd: Overijssel"


# ---------------------------------------------------------------- layout in a real browser

#: Runs in the harness page: every report is an iframe; report what is wider than its box.
_OVERLOOP_JS = r"""
<script>
function overloop(doc) {
  const uit = [];
  const d = doc.documentElement;
  if (d.scrollWidth > d.clientWidth + 1) uit.push("pagina " + d.scrollWidth + ">" + d.clientWidth);
  for (const el of doc.querySelectorAll(".tabel, table, td, th, .kern li, figure, .titelblok, dd")) {
    if (el.scrollWidth > el.clientWidth + 1)
      uit.push(el.tagName + "." + el.className + " " + el.scrollWidth + ">" + el.clientWidth + " "
               + el.textContent.trim().slice(0, 60));
  }
  return uit;
}
addEventListener("load", () => {
  const uit = {};
  for (const f of document.querySelectorAll("iframe")) uit[f.dataset.naam] = overloop(f.contentDocument);
  const pre = document.createElement("pre");
  pre.id = "overloop";
  pre.textContent = JSON.stringify(uit);
  document.body.appendChild(pre);
});
</script>
"""
_TE_BREED = (
    "<!doctype html><html><body><div class='tabel' style='width:200px'><table><tr>"
    "<td style='white-space:nowrap'>Noord- en Oost-Gelderland 12.345 12.345 12.345</td></tr></table></div>"
    "</body></html>"
)
A4_BREEDTE_PX = 688  #: 210 mm minus the 2 x 14 mm page margins of stijl.css, at 96 px per inch


def _breedste(config, map_: Path) -> list[Path]:
    """The widest reports of a province: the provincial verslag (one column per regio) and the plan of the
    regio with the longest name."""
    regio = max(config.regios, key=lambda r: len(r.naam))
    return [
        map_ / f"provinciaal-verslag-{config.provincie_sleutel}.html",
        map_ / f"regionaal-plan-{regio.sleutel}.html",
    ]


def _overloop(paden: list[Path], werk: Path, breedte: int, druk: bool) -> dict[str, list[str]]:
    """Open every report side by side in headless Chromium at ``breedte`` CSS pixels (with ``druk`` the
    print rules applied, as on an A4 page) and return per report what overflows its box."""
    from .test_rapport_browser import chromium, draai

    frames = []
    for i, pad in enumerate(paden):
        html = pad.read_text(encoding="utf-8")
        # the report's CSP forbids scripts; the copy drops it so the harness may measure
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        if druk:
            html = html.replace("@media print", "@media all")
        kopie = werk / f"{i}-{'druk' if druk else 'scherm'}.html"
        kopie.write_text(html, encoding="utf-8")
        frames.append(
            f'<iframe data-naam="{pad.parent.name}/{pad.name}" src="{kopie.name}" '
            f'style="width:{breedte}px;height:400px;border:0"></iframe>'
        )
    harnas = werk / f"harnas-{breedte}.html"
    harnas.write_text("<!doctype html><html><body>" + "".join(frames) + _OVERLOOP_JS + "</body></html>")
    r = draai(
        chromium(),
        werk / f"profiel-{breedte}",
        "--allow-file-access-from-files",
        f"--window-size={breedte + 40},800",
        "--virtual-time-budget=20000",
        "--dump-dom",
        harnas.resolve().as_uri(),
    )
    m = re.search(r'<pre id="overloop">(.*?)</pre>', r.stdout, re.S)
    assert m, r.stderr[-2000:]
    tekst = m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", '"').replace("&amp;", "&")
    return json.loads(tekst)


def test_breedste_rapporten_passen_op_scherm_en_op_a4(land, rapporten, tmp_path):
    """No table, card or cell wider than its box: on a 1024 px screen and with the print rules at A4 width,
    for the provincial verslag and the longest-named regio of every province (1 to 5 regio's)."""
    paden = [p for prov, map_ in land.items() for p in _breedste(laad_config(map_), rapporten[prov])]
    controle = tmp_path / "te-breed.html"
    controle.write_text(_TE_BREED, encoding="utf-8")
    paden.append(controle)  # the measurement can fail: this page must be reported
    for breedte, druk in ((1024, False), (A4_BREEDTE_PX, True)):
        gemeten = _overloop(paden, tmp_path, breedte, druk)
        assert len(gemeten) == len(paden)
        assert gemeten.pop(f"{tmp_path.name}/te-breed.html"), "the harness must see an overflowing table"
        assert {naam: te_breed for naam, te_breed in gemeten.items() if te_breed} == {}, breedte


def test_breedste_verslag_afgedrukt_op_a4(land, rapporten, tmp_path):
    """Noord-Holland (five regio's) printed by Chromium: A4 pages, no text beyond the right margin."""
    import shutil
    import subprocess

    from .test_rapport_browser import chromium, draai

    verslag = rapporten["Noord-Holland"] / "provinciaal-verslag-noord-holland.html"
    pdf = tmp_path / "verslag.pdf"
    druk = draai(
        chromium(), tmp_path / "p", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", verslag.as_uri()
    )
    assert druk.returncode == 0, druk.stderr[-2000:]
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) ontbreekt: apt-get install -y poppler-utils"
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    paginas = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
    assert paginas and all(abs(float(b) - 595) < 1 and abs(float(h) - 842) < 1 for b, h in paginas)
    rechts = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox))
    assert rechts <= 595 - 14 / 25.4 * 72 + 1, rechts  # inside the 14 mm right margin


def test_bereken_xlsx_telt_op_in_excel(land, tmp_path, capsys):
    """`bereken --uit resultaten.xlsx`: a Regio column, numbers and Excel dates, so that a sum or a filter
    per regio in Excel gives the tool's totals (Gelderland: three regio's)."""
    import datetime as dt

    map_ = land["Gelderland"]
    assert main(["bereken", str(map_), "--uit", str(tmp_path / "resultaten.xlsx")]) == 0
    capsys.readouterr()
    resultaat = api.bereken(map_).als_dict()
    wb = load_workbook(tmp_path / "resultaten.xlsx")
    asiel = [list(r) for r in wb["asiel"].iter_rows(values_only=True)]
    assert asiel[0][:3] == ["Gemeente", "Regio", "Opgave"]
    geldig = asiel[0].index("Geldig")
    for sleutel, regio in resultaat["regios"].items():
        leden = [r for r in asiel[1:] if r[1] == regio["naam"] and not str(r[0]).startswith("Totaal")]
        assert len(leden) == len(regio["gemeenten"])
        assert sum(r[geldig] for r in leden) == regio["asiel"]["geldig"], sleutel
    locaties = [list(r) for r in wb["locaties"].iter_rows(values_only=True)]
    kop = locaties[0]
    assert kop[:4] == ["Gemeente", "Regio", "Locatie", "Capaciteit"] and kop[4] == "Capaciteit (tekst)"
    rijen = locaties[1:]
    assert all(r[3] is None or isinstance(r[3], int) for r in rijen)
    assert any(r[4] and "-" in r[4] for r in rijen)  # a range: its lower bound counts, the text beside it
    start = kop.index("Start")
    assert any(isinstance(r[start], dt.datetime) for r in rijen)
    assert all(isinstance(r[start], (dt.datetime, type(None))) or r[start] == "onbekend" for r in rijen)
    telt = kop.index("Telt mee")
    for g in resultaat["gemeenten"][:10]:
        assert sum(r[3] or 0 for r in rijen if r[0] == g["naam"] and r[telt] == "ja") == g["asiel"]["geldig"]


def test_handleiding_stap_13_een_andere_provincie(tmp_path, capsys):
    """docs/handleiding.md step 13, followed as written (the gemeenten's filling done by the generator)."""
    import shlex

    tekst = (REPO / "docs" / "handleiding.md").read_text(encoding="utf-8")
    begin = tekst.index("## 13. ")
    stap = tekst[begin : tekst.index("\n## ", begin + 1)]
    regels = [
        r.strip()
        for blok in re.findall(r"```text\n(.*?)```", stap, flags=re.S)
        for r in blok.splitlines()
        if r.strip().startswith("regioplan ")
    ]
    assert regels[0] == "regioplan sjabloon --provincie gelderland --opgaven --uit werkboeken"
    assert len(regels) == 5
    import os

    oud = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(shlex.split(regels[0])[1:]) == 0
        assert "configuratie: ingebouwd: Gelderland" in capsys.readouterr().err
        _vul(Path("werkboeken"))
        (tmp_path / "arnhem.xlsx").write_bytes((tmp_path / "werkboeken" / "arnhem.xlsx").read_bytes())
        for regel in regels[1:]:
            assert main(shlex.split(regel)[1:]) == 0, regel
        err = " ".join(capsys.readouterr().err.split())
        assert "gegevens in werkboek arnhem.xlsx (provincie Gelderland)" in err
    finally:
        os.chdir(oud)
    uit = {p.name for p in (tmp_path / "uitvoer").iterdir()}
    assert "resultaten.xlsx" in uit and "provinciaal-verslag-gelderland.html" in uit
    sleutels = re.findall(r"\| `([a-z-]+)` \|", stap)
    assert sleutels == [r.sleutel for r in laad_config(tmp_path / "werkboeken").regios] + ["gelderland"]
    assert {f"regionaal-plan-{s}.md" for s in sleutels[:-1]} <= uit
