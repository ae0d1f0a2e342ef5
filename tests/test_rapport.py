"""`regioplan rapport`: escaping, options, own templates, self-contained HTML, the documented context."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cached_property
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from regioplan import opmaak
from regioplan.api import bereken, rapport
from regioplan.cli import main
from regioplan.fouten import RegioplanFout
from regioplan.rapport import bouw_context
from regioplan.rapport.filters import capaciteit, datum, md, mdblok, mdcel, pct
from regioplan.rapport.grafiek import _stap, staafgrafiek
from regioplan.rapport.omgeving import ingebouwde_sjablonen
from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

from .conftest import REPO, VOORBEELD

KWAAD = "<script>alert(1)</script> & < > | **vet** [link](javascript:alert(2)) ![plaatje](x.png)"

CONFIG = """
[provincie]
naam = "Testland"
sleutel = "testland"

[[regio]]
naam = "Noord"
sleutel = "noord"
regietafel = "Regietafel <Noord> & co"
gemeenten = ["GM0141", "GM0147"]
"""


def maak_data(map_: Path, *, duiding: str = KWAAD, met_datum: bool = True) -> Path:
    """A small province (one regio, two gemeenten) with real workbooks, text chosen to break markup."""
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "regioplan.toml").write_text(CONFIG, encoding="utf-8")
    schrijf_opgaven(
        map_ / "opgaven.xlsx",
        [
            {
                "cbs_code": "GM0141",
                "gemeente": "Almelo",
                "regio": "Noord",
                "asiel_regulier": 90,
                "asiel_amv": 10,
                "oekraine": 50,
                "statushouders_taakstelling": 10,
                "statushouders_incl": 12,
            },
            {
                "cbs_code": "GM0147",
                "gemeente": "Borne",
                "regio": "Noord",
                "asiel_regulier": 45,
                "asiel_amv": 5,
                "oekraine": 20,
                "statushouders_taakstelling": 5,
                "statushouders_incl": 5,
            },
        ],
    )
    kop = {"naam": "Almelo", "cbs_code": "GM0141", "duiding": duiding}
    if met_datum:
        kop["datum"] = dt.date(2024, 10, 3)
    schrijf_uitvraag(
        map_ / "almelo.xlsx",
        {
            "gemeente": kop,
            "asiel": [
                {
                    "locatie": "Loc <b>|1</b> & zo",
                    "capaciteit": 120,
                    "doelgroep": "asiel",
                    "soort": "regulier",
                    "startdatum": dt.date(2020, 1, 1),
                    "einddatum": "onbepaald",
                    "beheer": "COA",
                    "besluit": "ja",
                },
                {
                    "locatie": "Nieuw",
                    "capaciteit": "40-60",
                    "doelgroep": "amv",
                    "soort": "amv-opvang",
                    "startdatum": dt.date(2025, 9, 1),
                    "einddatum": dt.date(2027, 9, 1),
                    "beheer": "COA",
                    "besluit": "ja",
                },
            ],
            "oekraine": [
                {
                    "locatie": 'Hotel "Zon"',
                    "capaciteit": 30,
                    "soort": "hotel",
                    "opening": dt.date(2022, 4, 1),
                    "sluiting": "onbepaald",
                    "besluit": "ja",
                }
            ],
            "aantallen": {"poo": 3, "statushouders_realisatie": 4, "verwachte_achterstand": -2},
            "uitruil": [
                {
                    "partner": "Borne",
                    "opgave": "asiel",
                    "plekken": 10,
                    "richting": "levert",
                    "status": "voornemen",
                    "toelichting": "Tekst met <i>tags</i> en | streep",
                }
            ],
        },
    )
    borne = {"naam": "Borne", "cbs_code": "GM0147"}
    if met_datum:
        borne["datum"] = dt.date(2024, 9, 1)
    schrijf_uitvraag(map_ / "borne.xlsx", {"gemeente": borne})
    return map_


@pytest.fixture
def klein(tmp_path) -> Path:
    return maak_data(tmp_path / "data")


def test_duiding_en_andere_gebruikerstekst_worden_geescaped_in_html(klein, tmp_path):
    paden = rapport(
        klein, "noord", tmp_path / "uit", formaten=("html",), datum=None, sjablonen=None, config=None
    )
    assert [p.name for p in paden] == ["regionaal-plan-noord.html"]
    html = paden[0].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt; &gt;" in html
    assert "Loc &lt;b&gt;|1&lt;/b&gt; &amp; zo" in html
    assert "Regietafel &lt;Noord&gt; &amp; co" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("b") is None and soup.find("i") is None
    assert not soup.find_all("img")
    assert KWAAD in soup.get_text()  # the reader sees exactly what the gemeente wrote


def test_gebruikerstekst_in_markdown_maakt_geen_opmaak(klein, tmp_path):
    (pad,) = rapport(
        klein, "noord", tmp_path / "uit", formaten=("md",), datum=None, sjablonen=None, config=None
    )
    tekst = pad.read_text(encoding="utf-8")
    na_inhoud = tekst.split("## 1.", 1)[1]
    assert "<script>" not in tekst and "<b>" not in tekst and not re.search(r"(?<!\\)\]\(", na_inhoud)
    assert (
        r"\<script\>alert(1)\</script\> & \< \> \| \*\*vet\*\* \[link\](javascript:alert(2)) "
        r"!\[plaatje\](x.png)" in tekst
    )
    assert r"| Loc \<b\>\|1\</b\> & zo |" in tekst


def test_markdownfilters():
    assert md("a|b*c_d`e<f>[g]") == r"a\|b\*c\_d\`e\<f\>\[g\]"
    assert md("&amp; en &") == "&amp;amp; en &"
    assert mdcel("regel 1\n  regel 2") == "regel 1 regel 2"
    assert mdblok("# kop\n- punt\n1. een\n+ plus") == "\\# kop\n\\- punt\n1\\. een\n\\+ plus"


def test_getalfilters_gebruiken_opmaak():
    assert capaciteit(6325) == "6.325" == opmaak.getal(6325)
    assert capaciteit("550-580") == "550–580"
    assert capaciteit("onbekend") == "onbekend"
    assert datum("2025-07-01") == "01-07-2025" and datum(dt.date(2026, 2, 1)) == "01-02-2026"
    assert datum("onbepaald") == "onbepaald" and datum(None) == ""
    assert pct(5, 8) == "63%"  # 62,5 -> 63: half up, not Babel's half even
    assert pct(1, 0) == "–"


def test_datum_uit_optie_uit_werkboeken_of_alleen_cyclus(tmp_path):
    data = maak_data(tmp_path / "met")
    (pad,) = rapport(data, "noord", tmp_path / "a", formaten=("md",), datum=None, sjablonen=None, config=None)
    assert "- **Stand van de gegevens:** 03-10-2024" in pad.read_text(encoding="utf-8")
    (pad,) = rapport(
        data,
        "noord",
        tmp_path / "b",
        formaten=("md",),
        datum=dt.date(2024, 11, 1),
        sjablonen=None,
        config=None,
    )
    tekst = pad.read_text(encoding="utf-8")
    assert "- **Stand van de gegevens:** 01-11-2024" in tekst and "bij het maken opgegeven" in tekst
    zonder = maak_data(tmp_path / "zonder", met_datum=False)
    (pad,) = rapport(
        zonder, "noord", tmp_path / "c", formaten=("md",), datum=None, sjablonen=None, config=None
    )
    tekst = pad.read_text(encoding="utf-8")
    # no date: said so, never the cycle name in its place (the cycle has its own line)
    assert "- **Stand van de gegevens:** onbekend (geen invuldatum in de werkboeken)" in tekst
    assert "noemen geen invuldatum" in tekst
    assert not re.search(r"\d\d-\d\d-20\d\d\*\.$", tekst.strip())


def test_provinciaal_verslag_van_eigen_provincie(klein, tmp_path):
    paden = rapport(
        klein, "Testland", tmp_path / "uit", formaten=("md", "html"), datum=None, sjablonen=None, config=None
    )
    assert [p.name for p in paden] == ["provinciaal-verslag-testland.md", "provinciaal-verslag-testland.html"]
    soup = BeautifulSoup(paden[1].read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text() == "Provinciaal verslag Testland"
    kop = [th.get_text(strip=True) for th in soup.find("table", id="oogopslag-asiel").thead.find_all("th")]
    assert kop == ["Plekken", "Testland", "Noord"]
    rij = soup.find("table", id="oogopslag-asiel").find("tr", attrs={"data-sleutel": "geldig"})
    assert [td.get_text() for td in rij.find_all("td")] == ["120", "120"]


def test_cli_onbekende_regio_geeft_exitcode_2(klein, tmp_path, capsys):
    code = main(["rapport", str(klein), "--regio", "nergens", "--uit", str(tmp_path / "uit")])
    uitvoer = capsys.readouterr()
    assert code == 2
    assert "nergens" in uitvoer.err + uitvoer.out and "noord, testland" in uitvoer.err + uitvoer.out
    assert not (tmp_path / "uit").exists()


def test_cli_formaat_en_datum(klein, tmp_path, capsys):
    code = main(
        [
            "rapport",
            str(klein),
            "--regio",
            "noord",
            "--formaat",
            "html",
            "--datum",
            "2024-12-24",
            "--uit",
            str(tmp_path / "u"),
        ]
    )
    assert code == 0, capsys.readouterr()
    assert sorted(p.name for p in (tmp_path / "u").iterdir()) == ["regionaal-plan-noord.html"]
    assert "24-12-2024" in (tmp_path / "u" / "regionaal-plan-noord.html").read_text(encoding="utf-8")
    # --datum accepts the notations of the workbooks and --peildata too: the same report
    assert (
        main(
            [
                "rapport",
                str(klein),
                "--regio",
                "noord",
                "-f",
                "html",
                "--datum",
                "24-12-2024",
                "--uit",
                str(tmp_path / "v"),
            ]
        )
        == 0
    )
    assert (tmp_path / "v" / "regionaal-plan-noord.html").read_bytes() == (
        tmp_path / "u" / "regionaal-plan-noord.html"
    ).read_bytes()


def test_eigen_sjablonen_vervangen_ingebouwde_op_naam(klein, tmp_path):
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "regionaal-plan.md.j2").write_text(
        "Eigen {{ regio.naam }}: {{ regio.asiel.geldig|getal }} van "
        "{{ regio.asiel.opgave|getal }} ({{ regio.asiel.percentage|procent }})\n",
        encoding="utf-8",
    )
    (eigen / "stijl.css").write_text("body { color: #123456; } /* eigen stijl */\n", encoding="utf-8")
    md_pad, html_pad = rapport(
        klein, "noord", tmp_path / "uit", formaten=("md", "html"), datum=None, sjablonen=eigen, config=None
    )
    assert md_pad.read_text(encoding="utf-8") == "Eigen Noord: 120 van 150 (80%)\n"
    html = html_pad.read_text(encoding="utf-8")
    assert (
        "/* eigen stijl */" in html and "--accent" not in html
    )  # the rest of the HTML templates are the built-in ones
    assert 'id="oogopslag-asiel"' in html


def test_eigen_sjabloon_vervangt_een_hoofdstuk_van_het_ingebouwde(klein, tmp_path):
    """docs/sjablonen.md: extend ``ingebouwd:<naam>`` and replace one chapter block; the rest stays."""
    ingebouwd_md, ingebouwd_html = rapport(klein, "noord", tmp_path / "ingebouwd", formaten=("md", "html"))
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "regionaal-plan.md.j2").write_text(
        '{% extends "ingebouwd:regionaal-plan.md.j2" %}\n{% import "macros.md.j2" as m %}\n'
        "{% block hoofdstuk_voornemens %}\n{% call m.hoofdstuk(h.voornemens) %}\n"
        "Alleen het totaal: {{ regio.asiel.voornemens|getal }} plekken.\n{% endcall %}\n{% endblock %}\n",
        encoding="utf-8",
    )
    (eigen / "regionaal-plan.html.j2").write_text(
        '{% extends "ingebouwd:regionaal-plan.html.j2" %}\n'
        "{% block hoofdstuk_uitruil %}<p>Eigen inleiding [uitruil]</p>{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    md_pad, html_pad = rapport(klein, "noord", tmp_path / "uit", formaten=("md", "html"), sjablonen=eigen)
    md, oud = md_pad.read_text(encoding="utf-8"), ingebouwd_md.read_text(encoding="utf-8")
    kop = "## 6. Voornemens\n"
    assert kop in md and "Alleen het totaal:" in md and "Alleen het totaal:" not in oud
    # everything before and after the replaced chapter is the built-in text
    assert md.split(kop)[0] == oud.split(kop)[0]
    assert md.split("## 7. ")[1] == oud.split("## 7. ")[1]
    html = BeautifulSoup(html_pad.read_text(encoding="utf-8"), "html.parser")
    ingebouwd = BeautifulSoup(ingebouwd_html.read_text(encoding="utf-8"), "html.parser")
    eigen_p = html.find("p", string="Eigen inleiding [uitruil]")  # autoescaped, not markup
    assert eigen_p is not None and eigen_p.parent.name == "main"
    assert eigen_p.find_next_sibling("section")["id"] == "uitruil"  # super(): the built-in chapter follows
    assert [s["id"] for s in html.select("main section.hoofdstuk")] == [
        s["id"] for s in ingebouwd.select("main section.hoofdstuk")
    ]


def test_onbekende_variabele_in_sjabloon_is_een_duidelijke_fout(klein, tmp_path, capsys):
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "regionaal-plan.md.j2").write_text(
        "regel 1\n{{ regio.naam }}\n{{ bestaat_niet.x }}\n", encoding="utf-8"
    )
    with pytest.raises(RegioplanFout) as fout:
        rapport(klein, "noord", tmp_path / "uit", formaten=("md",), datum=None, sjablonen=eigen, config=None)
    assert fout.value.code == "sjabloon-fout"
    assert "regionaal-plan.md.j2, regel 3" in fout.value.bericht and "bestaat_niet" in fout.value.bericht
    assert "docs/sjablonen.md" in fout.value.hint
    (eigen / "regionaal-plan.md.j2").write_text("{% if %}\n", encoding="utf-8")
    assert (
        main(
            [
                "rapport",
                str(klein),
                "--regio",
                "noord",
                "--sjablonen",
                str(eigen),
                "--uit",
                str(tmp_path / "u"),
            ]
        )
        == 2
    )
    assert "regionaal-plan.md.j2, regel 1" in capsys.readouterr().err


def test_sjablonenmap_moet_bestaan(klein, tmp_path):
    with pytest.raises(RegioplanFout, match="geen map"):
        rapport(
            klein,
            "noord",
            tmp_path / "uit",
            formaten=("md",),
            datum=None,
            sjablonen=tmp_path / "weg",
            config=None,
        )


def test_html_is_zelfstandig_toegankelijk_en_zonder_script(tmp_path):
    for regio in ("twente", "overijssel"):
        (pad,) = rapport(
            VOORBEELD, regio, tmp_path, formaten=("html",), datum=None, sjablonen=None, config=None
        )
        html = pad.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == "nl"
        assert soup.find("script") is None
        assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        assert not soup.find_all(["img", "link", "iframe", "object", "embed"])
        assert not [t for t in soup.find_all(True, src=True)]
        assert all(a["href"].startswith("#") for a in soup.find_all("a", href=True))
        assert "@import" not in html and "url(" not in html
        assert (
            "default-src 'none'"
            in soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        )
        tabellen = soup.find_all("table")
        assert len(tabellen) > 10
        for tabel in tabellen:
            assert tabel.caption is not None and tabel.caption.get_text(strip=True), tabel.get("id")
            assert all(th.get("scope") in ("col", "colgroup") for th in tabel.thead.find_all("th"))
            assert all(th.get("scope") == "row" for th in tabel.tbody.find_all("th"))
        ids = [t["id"] for t in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), "dubbele id's"
        for a in soup.select("nav.inhoud a"):
            assert soup.find(id=a["href"][1:]) is not None
        for grafiek in ("asiel", "amv", "oekraine", "statushouders"):
            svg = soup.find("figure", id=f"grafiek-{grafiek}").find("svg")
            assert svg["role"] == "img" and svg.find("title").get_text()
        assert "@page" in html and "A4" in html and "@media print" in html


def test_grafiek_laat_tekort_zien():
    g = staafgrafiek([("A", 100, 40), ("B", 50, 80), ("C", 0, 0)])
    a, b, c = g["rijen"]
    assert not a["voldoet"] and a["tekort"] == 60 and a["tekort_b"] > 0
    assert a["tekort_x"] == g["plot_x"] + a["realisatie_b"]
    assert b["voldoet"] and b["tekort_b"] == 0 and b["realisatie_b"] > 0
    assert c["voldoet"] and c["percentage"] is None
    assert g["aantal_tekort"] == 1 and g["schaal_max"] >= 100
    assert g["ticks"][0]["waarde"] == 0 and g["ticks"][-1]["waarde"] == g["schaal_max"]
    assert [_stap(n) for n in (0, 7, 60, 150, 700, 1211)] == [1, 1, 10, 25, 100, 200]


def test_ingebouwde_sjablonen_uit_de_checkout():
    assert ingebouwde_sjablonen() == REPO / "templates"
    namen = {p.name for p in ingebouwde_sjablonen().iterdir()}
    assert {
        "basis.html.j2",
        "basis.md.j2",
        "macros.html.j2",
        "macros.md.j2",
        "stijl.css",
        "regionaal-plan.html.j2",
        "regionaal-plan.md.j2",
        "provinciaal-verslag.html.j2",
        "provinciaal-verslag.md.j2",
    } <= namen


def _sleutels(waarde: object, uit: set[str]) -> set[str]:
    """Every name a template can read below ``waarde``: dict keys, dataclass fields and properties."""
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        namen = [f.name for f in dataclasses.fields(waarde)]
        namen += [
            n for n in dir(type(waarde)) if isinstance(getattr(type(waarde), n), (property, cached_property))
        ]
        for naam in namen:
            if naam == "config":
                continue
            uit.add(naam)
            _sleutels(getattr(waarde, naam), uit)
    elif isinstance(waarde, dict):
        for k, v in waarde.items():
            uit.add(str(k))
            _sleutels(v, uit)
    elif isinstance(waarde, (list, tuple)):
        for v in waarde:
            _sleutels(v, uit)
    return uit


def test_elke_contextvariabele_staat_in_docs_sjablonen():
    doc = (REPO / "docs" / "sjablonen.md").read_text(encoding="utf-8")
    doc = re.sub(r"```.*?```", "", doc, flags=re.DOTALL)  # code blocks are examples, not descriptions
    gedocumenteerd = {
        naam for code in re.findall(r"`([^`]+)`", doc) for naam in re.findall(r"[a-z_][a-z0-9_]*", code)
    }
    resultaat = bereken(VOORBEELD)
    sleutels: set[str] = set()
    for regio in ("twente", "overijssel"):
        _sleutels(bouw_context(resultaat, regio), sleutels)
    assert {"gemeenten", "telt_kort", "percentage", "netto", "anker", "actief_amv"} <= sleutels
    ontbreekt = sorted(sleutels - gedocumenteerd)
    assert not ontbreekt, f"niet beschreven in docs/sjablonen.md: {ontbreekt}"


def test_alle_rapporten_uit_een_lezing_zijn_gelijk_aan_elk_apart(klein, tmp_path):
    from regioplan.api import rapporten

    samen = rapporten(klein, ["alle"], tmp_path / "samen", formaten=("md", "html"))
    assert [p.name for p in samen] == [
        "regionaal-plan-noord.md",
        "regionaal-plan-noord.html",
        "provinciaal-verslag-testland.md",
        "provinciaal-verslag-testland.html",
    ]
    for sleutel in ("noord", "testland"):
        for pad in rapport(klein, sleutel, tmp_path / sleutel, formaten=("md", "html")):
            assert pad.read_bytes() == (tmp_path / "samen" / pad.name).read_bytes(), pad.name


def test_dubbel_gevraagde_rapporten_een_keer_en_in_volgorde(klein, tmp_path):
    from regioplan.api import rapporten

    paden = rapporten(klein, ["Testland", "alle", "NOORD"], tmp_path / "uit", formaten=("md",))
    assert [p.name for p in paden] == ["provinciaal-verslag-testland.md", "regionaal-plan-noord.md"]


def test_onbekende_regio_tussen_andere_faalt_voor_het_lezen(klein, tmp_path):
    from regioplan.api import rapporten

    with pytest.raises(RegioplanFout) as fout:
        rapporten(klein, ["noord", "zuid"], tmp_path / "uit")
    assert (
        fout.value.code == "optie-ongeldig" and "'zuid'" in fout.value.bericht and "'alle'" in fout.value.hint
    )
    assert not (tmp_path / "uit").exists()


def test_cli_meerdere_regios_en_samenvatting(klein, tmp_path, capsys):
    code = main(
        [
            "rapport",
            str(klein),
            "--regio",
            "noord",
            "-r",
            "testland",
            "--formaat",
            "md",
            "--uit",
            str(tmp_path / "u"),
        ]
    )
    uitvoer = capsys.readouterr()
    assert code == 0, uitvoer.err
    assert sorted(p.name for p in (tmp_path / "u").iterdir()) == [
        "provinciaal-verslag-testland.md",
        "regionaal-plan-noord.md",
    ]
    assert uitvoer.err.strip().splitlines()[-1] == f"2 rapporten geschreven in {tmp_path / 'u'}"


def test_rapport_verandert_het_resultaat_niet(klein):
    """The context copies what it enriches: one result serves several reports unchanged."""
    import pickle

    resultaat = bereken(klein)
    voor = pickle.dumps(resultaat.als_dict())
    bouw_context(resultaat, "noord")
    bouw_context(resultaat, "testland")
    assert pickle.dumps(resultaat.als_dict()) == voor


def test_punt_in_sjabloon_leest_eerst_de_sleutel_en_dan_pas_de_methode(tmp_path):
    from regioplan.rapport.omgeving import maak_omgeving

    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "proef.md.j2").write_text(
        "{{ d.items }}|{% for k, v in e.items() %}{{ k }}={{ v }}{% endfor %}|{{ d.naam }}", encoding="utf-8"
    )
    sjabloon = maak_omgeving(eigen).get_template("proef.md.j2")
    assert sjabloon.render(d={"items": 3, "naam": "[Noord]"}, e={"a": 1}) == "3|a=1|[Noord]"
    with pytest.raises(Exception, match="bestaat_niet"):
        maak_omgeving(eigen).from_string("{{ d.bestaat_niet }}").render(d={})


def test_celfilters_en_de_macros_die_ze_omhullen(tmp_path):
    from regioplan.rapport.omgeving import maak_omgeving

    env = maak_omgeving()
    verwacht = (
        '<td class="num neg">-1.409</td><td class="num pos">+75</td><td class="num">0</td>'
        '<td class="num">&lt;leeg&gt;</td><td class="datum">01-07-2025</td><td class="num">61%</td>'
        '<sup class="vn"><a href="#voetnoot-2" aria-label="voetnoot 2">2</a></sup>'
    )
    filters = env.from_string(
        '{{ -1409|numcel }}{{ 75|numcel(teken=true) }}{{ 0|numcel(true) }}{{ none|numcel(leeg="<leeg>") }}'
        '{{ "2025-07-01"|datumcel }}{{ 61|pctcel }}{{ 2|voetnoot }}{{ none|voetnoot }}'
    )
    assert filters.render() == verwacht
    (tmp_path / "eigen.html.j2").write_text(
        '{% import "macros.html.j2" as m %}{{ m.num(-1409) }}{{ m.num(75, teken=true) }}'
        '{{ m.num(0, teken=true) }}{{ m.num(none, leeg="<leeg>") }}{{ m.dat("2025-07-01") }}'
        "{{ m.pctcel(61) }}{{ m.vn(2) }}{{ m.vn(none) }}",
        encoding="utf-8",
    )
    assert maak_omgeving(tmp_path).get_template("eigen.html.j2").render() == verwacht


def test_gewijzigd_eigen_sjabloon_wordt_opnieuw_gecompileerd_ook_in_een_nieuw_proces(klein, tmp_path):
    """Compiled templates are cached between runs; the cache must never serve an old version."""
    import subprocess
    import sys

    eigen = tmp_path / "eigen"
    eigen.mkdir()
    uit = tmp_path / "uit"
    opdracht = [
        sys.executable,
        "-m",
        "regioplan",
        "rapport",
        str(klein),
        "--regio",
        "noord",
        "--formaat",
        "md",
        "--sjablonen",
        str(eigen),
        "--uit",
        str(uit),
    ]
    for versie in ("eerste", "tweede"):
        (eigen / "regionaal-plan.md.j2").write_text(f"{versie} {{{{ regio.naam }}}}\n", encoding="utf-8")
        proces = subprocess.run(opdracht, capture_output=True, text=True, check=False)
        assert proces.returncode == 0, proces.stderr
        assert (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8") == f"{versie} Noord\n"


def test_onbruikbare_cachemap_kost_alleen_tijd(tmp_path):
    import jinja2

    from regioplan.rapport.omgeving import _Bytecodecache

    bestand = tmp_path / "geen-map"
    bestand.write_text("x", encoding="utf-8")  # a file where the cache folder should be
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"t": "{{ 1 + 1 }}"}), bytecode_cache=_Bytecodecache(str(bestand / "cache"))
    )
    assert env.get_template("t").render() == "2"


@pytest.mark.parametrize(
    "tekst", ["", "\n\n", "a", "  a  \r\n\r\n\r\n\n b\t\n\n", "\n\nkop\n\n\n\n\ntekst \xa0\n\n"]
)
def test_netjes_houdt_tekst_en_maakt_witruimte_gelijk(tekst):
    from regioplan.rapport.schrijven import _netjes

    uit = _netjes(tekst)
    assert uit.endswith("\n") and not uit.endswith("\n\n") and "\n\n\n" not in uit
    assert uit == "\n" or not uit.startswith("\n")
    assert all(regel == regel.rstrip() for regel in uit.split("\n"))
    inhoud = [r.rstrip() for r in tekst.replace("\r\n", "\n").split("\n") if r.strip()]
    assert [r for r in uit.split("\n") if r] == inhoud


def test_rapport_zegt_op_de_terminal_dat_het_een_concept_is(tmp_path):
    """Errors in the input still give a report (marked "concept" in it), and the terminal and CI log say so:
    a coordinator who only sees the job log must not think the report is final."""
    import os
    import subprocess
    import sys

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "regioplan", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
        )

    werkboeken = tmp_path / "werkboeken"
    assert cli("sjabloon", "--regio", "twente", "--opgaven", "--uit", str(werkboeken)).returncode == 0
    p = cli("rapport", str(werkboeken), "--regio", "twente", "--uit", str(tmp_path / "uit"))
    assert p.returncode == 0, p.stderr
    regel = next(r for r in p.stderr.splitlines() if r.startswith("let op:"))
    fouten = int(re.search(r"de invoer heeft (\d+) fouten", regel)[1])
    assert fouten > 0 and "concept" in regel
    html = (tmp_path / "uit" / "regionaal-plan-twente.html").read_text(encoding="utf-8")
    assert "Concept." in html
    schoon = cli("rapport", str(VOORBEELD), "--regio", "twente", "--uit", str(tmp_path / "schoon"))
    assert schoon.returncode == 0 and "let op" not in schoon.stderr
