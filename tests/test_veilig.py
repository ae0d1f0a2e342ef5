"""The escaping functions (one per kind of channel), the one terminal and the atomic writer.

Why: every channel has its own way to turn text into something live (an escape sequence, a workflow
command, a link, a malformed document, a formula). These tests pin each function's contract on the
characters that matter; tests/test_vijandig.py runs a whole hostile corpus through every output.
"""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from regioplan import veilig
from regioplan.cli.console import STIJLEN, Terminal
from regioplan.fouten import RegioplanFout
from regioplan.uitvoer import schrijf, weiger_invoer

from .conftest import REPO

# ---------------------------------------------------------------- terminal and logs


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("\x1b]8;;http://x\x07klik\x1b]8;;\x07", "\\x1b]8;;http://x\\x07klik\\x1b]8;;\\x07"),
        ("a\x9b31mb", "a\\x9b31mb"),
        ("a\x00b\x7f", "a\\x00b\\x7f"),
        ("\u202eabc\u2066d\u200b", "⟨U+202E⟩abc⟨U+2066⟩d⟨U+200B⟩"),
        ("x\n::error::y", "x\\n\\x3a:error\\x3a:y"),
        ("x\r\ny\u2028z\u0085", "x\\r\\ny⟨U+2028⟩z\\x85"),
        ("::stop-commands::t", "\\x3a:stop-commands\\x3a:t"),
        (":x", "\\x3a" + "x"),
        ("   ::error::y", "   \\x3a:error\\x3a:y"),
        ("##[error]x", "#\\x23[error]x"),
        ("Azc Almelo: 200 plekken", "Azc Almelo: 200 plekken"),
        ("[bold]x[/]", "[bold]x[/]"),
    ],
)
def test_regel(waarde: str, verwacht: str) -> None:
    assert veilig.regel(waarde) == verwacht


def test_regel_laat_alleen_zichtbare_tekens_over() -> None:
    alles = "".join(chr(i) for i in range(0x3000)) + "\ufeff\ufffe\uffff\ud800"
    uit = veilig.regel(alles)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]", uit)
    assert "\n" not in uit


def test_github_eigenschap_en_bericht() -> None:
    assert veilig.github("a%b\nc") == "a%25b\\nc"
    assert veilig.github("Blad: x, y", eigenschap=True) == "Blad%3A x%2C y"
    assert veilig.github("::x", eigenschap=True) == "\\x3a%3Ax"


def test_xml_blijft_welgevormd() -> None:
    from xml.etree.ElementTree import Element, fromstring, tostring

    e = Element("a", naam=veilig.xml("x\x00\x1b\ufffe\ud800y"))
    e.text = veilig.xml("\x0b\x0c<&>")
    terug = fromstring(tostring(e, encoding="unicode"))
    assert terug.get("naam") == "x\\x00\\x1b⟨U+FFFE⟩⟨U+D800⟩y"
    assert terug.text == "\\x0b\\x0c<&>"


# ---------------------------------------------------------------- Markdown


_GFM = MarkdownIt("gfm-like", {"linkify": True, "html": True})


def _tokens(md: str):
    for blok in _GFM.parse(md):
        yield blok
        yield from blok.children or []


@pytest.mark.parametrize(
    "waarde",
    [
        "zie https://tracker.example/x.png",
        "www.almelo.nl",
        "WWW.ALMELO.NL/pad",
        "mail jan@almelo.nl",
        "mailto:jan@almelo.nl",
        "almelo.nl",
        "a.b.almelo.com/x?y=1",
        "//cdn.example.com/x",
        "<https://x.example>",
        "![](http://tracker/x.png)",
        "[link](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "&lt;b&gt;",
        "ftp://x.nl",
    ],
)
def test_markdown_geen_link_beeld_of_html(waarde: str) -> None:
    for functie in (veilig.markdown, veilig.markdown_cel, veilig.markdown_blok):
        soorten = {t.type for t in _tokens(functie(waarde))}
        assert not soorten & {"link_open", "image", "html_inline", "html_block"}, (functie, waarde)
        assert _GFM.renderInline(functie(waarde)).count("&lt;") == waarde.count("<")


def test_markdown_laat_gewone_tekst_staan() -> None:
    assert veilig.markdown("o.a. 1.250 plekken in almelo.xlsx; zie blad Asiel!B2") == (
        "o.a. 1.250 plekken in almelo.xlsx; zie blad Asiel!B2"
    )


@pytest.mark.parametrize("einde", ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_markdown_cel_elke_regeleinde(einde: str) -> None:
    tabel = f"| a | b | c |\n|---|---|---|\n| {veilig.markdown_cel('x' + einde + '| y')} | 2 | 3 |\n"
    html = _GFM.render(tabel)
    assert html.count("<td>") == 3 and "<td>2</td><td>3</td>" in html.replace("\n", "")


# ---------------------------------------------------------------- spreadsheets


def test_formule() -> None:
    assert veilig.formule("=1+1") == "'=1+1"
    assert veilig.formule("@SUM(A1)") == "'@SUM(A1)"
    assert veilig.formule("\n=1") == "'\n=1"
    assert veilig.formule("Azc") == "Azc" and veilig.formule(3) == 3 and veilig.formule(None) == ""


# ---------------------------------------------------------------- the terminal


def _terminal() -> tuple[Terminal, io.StringIO, io.StringIO]:
    uit, fout = io.StringIO(), io.StringIO()
    return Terminal(uit=uit, fout=fout, breedte=100), uit, fout


def test_terminal_markup_wordt_nooit_gelezen() -> None:
    t, uit, fout = _terminal()
    t.toon("[bold red]x[/] ", ("[/]", "fout"), " [link=https://x]y[/link]")
    t.meld("pad met [/] en [bold]")
    t.fout("optie-ongeldig", "--uit 'a[/]b'", "hint [/]")
    assert uit.getvalue() == "[bold red]x[/] [/] [link=https://x]y[/link]\n"
    assert fout.getvalue().splitlines() == [
        "pad met [/] en [bold]",
        "fout [optie-ongeldig]: --uit 'a[/]b'",
        "  hint: hint [/]",
    ]


def test_terminal_ontsnapt_elk_deel() -> None:
    t, uit, fout = _terminal()
    t.toon("::error::a", "\x1b[31m", ("\nb", "kop"))
    t.tabel("T\x1b", ["Kop"], [["x\ny"], ["::z"]])
    t.data("::error::blijft data")
    tekst = uit.getvalue()
    assert "\x1b" not in tekst and tekst.count("::error::") == 1  # only the data line
    assert "\\x3a:error\\x3a:a\\x1b[31m\\nb" in tekst and "x\\ny" in tekst and "\\x3a:z" in tekst
    assert tekst.endswith("::error::blijft data\n")


def test_terminal_stijlen_een_keer_benoemd() -> None:
    bronnen = "".join(p.read_text(encoding="utf-8") for p in (REPO / "regioplan" / "cli").glob("*.py"))
    for stijl in set(STIJLEN.values()):
        assert bronnen.count(f'"{stijl}"') == 1, stijl  # only in STIJLEN itself
    assert '"[bold' not in bronnen and "markup=True" not in bronnen


def test_uit_pad_met_markup_cli(tmp_path: Path) -> None:
    """A ``[/]`` in ``--uit`` was parsed as rich markup (MarkupError after the file was written)."""
    uit = tmp_path / "a[/]b[bold]"
    proces = subprocess.run(
        [sys.executable, "-m", "regioplan", "rapport", str(REPO / "voorbeelddata" / "overijssel-2024")]
        + ["--regio", "twente", "--formaat", "md", "--uit", str(uit)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proces.returncode == 0, proces.stderr
    assert f"geschreven: {uit}/regionaal-plan-twente.md" in proces.stderr
    assert (uit / "regionaal-plan-twente.md").is_file()


# ---------------------------------------------------------------- atomic writes


def test_schrijf_vervangt_in_een_keer(tmp_path: Path) -> None:
    pad = tmp_path / "map" / "x.txt"
    schrijf(pad, "oud")
    schrijf(pad, lambda f: f.write(b"nieuw"))
    assert pad.read_text() == "nieuw"
    assert sorted(p.name for p in pad.parent.iterdir()) == ["x.txt"]  # no temporary file left
    assert stat.S_IMODE(pad.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    oud = os.umask(0)
    os.umask(oud)
    return oud


def test_schrijf_laat_het_oude_bestand_bij_een_fout(tmp_path: Path) -> None:
    pad = tmp_path / "x.txt"
    schrijf(pad, "oud")

    def halverwege(f) -> None:
        f.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(RegioplanFout) as fout:
        schrijf(pad, halverwege)
    assert fout.value.code == "uitvoer-onschrijfbaar" and "de schijf is vol" in fout.value.bericht
    assert pad.read_text() == "oud" and [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_schrijf_bestand_waar_een_map_hoort(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(RegioplanFout, match="is een bestand, geen map"):
        schrijf(tmp_path / "bestand" / "x.txt", "x")
    (tmp_path / "map").mkdir()
    with pytest.raises(RegioplanFout, match="dat is een map"):
        schrijf(tmp_path / "map", "x")


def test_weiger_invoer(tmp_path: Path) -> None:
    map_ = tmp_path / "werkboeken"
    map_.mkdir()
    (map_ / "almelo.xlsx").write_bytes(b"PK")
    for doel in ("almelo.xlsx", "nieuw.xlsx", "x.csv", "regioplan.toml", "../werkboeken/almelo.xlsx"):
        with pytest.raises(RegioplanFout) as fout:
            weiger_invoer(map_ / doel, map_)
        assert fout.value.code == "uitvoer-is-invoer"
    with pytest.raises(RegioplanFout):
        weiger_invoer(map_ / "almelo.xlsx", map_ / "almelo.xlsx")
    weiger_invoer(map_ / "rapport.md", map_)  # a report next to the workbooks is no input
    weiger_invoer(tmp_path / "uitvoer" / "resultaten.xlsx", map_)
    weiger_invoer(map_ / "almelo.xlsx", None)


# ---------------------------------------------------------------- the template cache


def _rapport_met_cache(tmp_path: Path, **omgeving: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "REGIOPLAN_CACHE"}
    proces = subprocess.run(
        [sys.executable, "-m", "regioplan", "rapport", str(REPO / "voorbeelddata" / "overijssel-2024")]
        + ["--regio", "twente", "--formaat", "md", "--uit", str(tmp_path / "uit")],
        capture_output=True,
        text=True,
        env={**env, **omgeving},
    )
    assert proces.returncode == 0, proces.stderr


def test_sjablooncache_prive_per_gebruiker(tmp_path: Path) -> None:
    """Compiled templates are code: they live in the user's own cache folder, readable by the user only."""
    import regioplan

    _rapport_met_cache(tmp_path, XDG_CACHE_HOME=str(tmp_path / "cache"))
    map_ = tmp_path / "cache" / "regioplan" / f"jinja-{regioplan.__version__}"
    assert stat.S_IMODE(map_.stat().st_mode) == 0o700
    assert any(map_.iterdir())  # templates were stored


def test_sjablooncache_niet_in_een_gedeelde_map(tmp_path: Path) -> None:
    """A cache folder that others can write to (planted on a shared runner) is not used at all."""
    gedeeld = tmp_path / "gedeeld"
    gedeeld.mkdir()
    gedeeld.chmod(0o777)
    _rapport_met_cache(tmp_path, REGIOPLAN_CACHE=str(gedeeld))
    assert list(gedeeld.iterdir()) == []
    _rapport_met_cache(tmp_path, REGIOPLAN_CACHE="0", XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert not (tmp_path / "cache").exists()


# ---------------------------------------------------------------- the environment, through the CLI


def _cli(*argumenten: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *argumenten], capture_output=True, text=True, env=os.environ
    )


def test_nooit_over_de_invoer(tmp_path: Path) -> None:
    import shutil

    map_ = tmp_path / "werkboeken"
    shutil.copytree(REPO / "voorbeelddata" / "overijssel-2024", map_)
    voor = (map_ / "almelo.xlsx").read_bytes()
    for argumenten in (
        ["bereken", str(map_), "--uit", str(map_ / "almelo.xlsx")],
        ["bereken", str(map_), "--uit", str(map_ / "resultaten.csv")],
        ["valideer", str(map_), "--formaat", "json", "--uit", str(map_ / "almelo.xlsx")],
        ["valideer", str(map_ / "almelo.xlsx"), "--formaat", "junit", "--uit", str(map_ / "almelo.xlsx")],
    ):
        proces = _cli(*argumenten)
        assert proces.returncode == 2, proces.stderr
        assert "fout [uitvoer-is-invoer]:" in proces.stderr and "interne fout" not in proces.stderr
    assert (map_ / "almelo.xlsx").read_bytes() == voor
    assert not list(map_.glob("resultaten*"))


def test_omgevingsfouten_zijn_gewone_meldingen(tmp_path: Path) -> None:
    bestand = tmp_path / "bestand"
    bestand.write_text("x")
    data = str(REPO / "voorbeelddata" / "overijssel-2024")
    for argumenten, tekst in (
        (
            ["rapport", data, "--regio", "twente", "--uit", str(bestand)],
            f"'{bestand}' is een bestand, geen map",
        ),
        (["bereken", data, "--uit", str(bestand / "x.json")], f"'{bestand}' is een bestand, geen map"),
        (["valideer", data, "-f", "json", "--uit", str(tmp_path)], "dat is een map, geen bestand"),
    ):
        proces = _cli(*argumenten)
        assert proces.returncode == 2, proces.stderr
        assert tekst in proces.stderr and "interne fout" not in proces.stderr, proces.stderr
        assert "Traceback" not in proces.stderr
