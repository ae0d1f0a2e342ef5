"""A hostile corpus and ONE assertion helper that runs it through every output channel.

Why: every cell value, sheet name and file name is hostile, and each channel has its own way to turn
text into something live (a terminal escape, a GitHub workflow command, a link or image in Markdown,
a broken XML document, a formula in a spreadsheet). :func:`bouw_map` writes a real folder whose
workbooks carry every case of :data:`WAARDEN` in places that reach every output: location names
(tables, --uitleg, the report), a closed-list cell (quoted by a finding, so it reaches every view of
``valideer``), the duiding (a report paragraph), a sheet name and a file name.

:data:`KANALEN` lists the channels. Each :class:`Kanaal` makes its output with the real CLI (a subprocess)
and checks it with the checker of its family. **A new output channel is covered by adding one entry to
KANALEN** (the PDF/Word outputs of #19, ``verschil``/``verdeel`` later): tests/test_vijandig.py runs
every entry. A channel must also carry the markers (``V01`` ...) of the values it shows, so a check can
never pass because the hostile text did not arrive.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus

from openpyxl import load_workbook

from regioplan.uitvraag.schrijven import schrijf_uitvraag
from regioplan.waarden import schoon

#: The hostile values, each with a marker (``V01``) that must reach every channel that shows the value.
WAARDEN: dict[str, str] = {
    "csi": "V01\x1b[31mrood\x1b[0m\x1b[2J",
    "osc8": "V02\x1b]8;;https://evil.example/\x07klik\x1b]8;;\x07",
    "c1-csi": "V03\x9b31mc1",
    "nul": "V04a\x00b\x7f",
    "bidi": "V05\u202egnp.exe\u2066x\u2069\u200b",
    "workflow": "V06x\n::error::nep",
    "stop-commands": "V07y\n::stop-commands::tok",
    "cr": "V08a\rb::warning::c",
    "crlf": "V09a\r\n::notice::b",
    "oude-opdracht": "V10 ##[error]oud",
    "unicode-regeleinden": "V11a\u2028b\u2029c\x85d\x0be\x0cf",
    "beeld": "V12 ![](http://tracker.example/x.png)",
    "js-link": "V13 [klik](javascript:alert(1))",
    "html": "V14 <img src=x onerror=alert(1)><script>alert(1)</script>",
    "url": "V15 https://evil.example/pad",
    "www": "V16 www.evil.nl",
    "email": "V17 jan@evil.nl",
    "kaal-domein": "V18 evil.com/x",
    "autolink": "V19 <https://evil.example>",
    "formule": '=HYPERLINK("http://evil.example","V20")',
    "plus": "+V21+1",
    "at": "@V22",
    "rich": "V23 [bold red]rood[/] [/] [link=https://x]y[/link]",
    "jinja": "V24 {{ 7*7 }} {% if 1 %}x{% endif %}",
    "pijp": "V25 a|b|c",
    "procent": "V26 %0A::error::x%0D",
    "entiteit": "V27 &lt;b&gt; &#x3C;script&#x3E;",
    "tab": "V28\ta\tb",
    "leidende-dubbelepunt": ":: V29",
    "markdown-regelstart": "V30\n# kop\n- lijst\n> quote\n1. nummer",
}

#: Each value as the reader keeps it: control, bidi and invisible characters are taken out on reading
#: (``waarde-onzichtbaar-teken`` names them), the rest (line breaks, markup, formulas, links) stays as
#: typed. The outputs must be safe for both: the raw form still reaches them through file and sheet names.
GELEZEN: dict[str, str] = {sleutel: schoon(w)[0] for sleutel, w in WAARDEN.items()}

#: The marker of each value (``V01``).
MARKERS = {sleutel: re.search(r"V\d\d", w)[0] for sleutel, w in WAARDEN.items()}

#: A sheet name (Excel forbids ``[]:*?/\\`` there, so the rest) and a file name (anything but ``/``).
BLADNAAM = "V40 <img src=x>\u202ewww.evil.nl"
BESTANDSNAAM = "V41 \x1b[31m\n::error::nep <b>www.evil.nl<b> ##[x].xlsx"

_OPENPYXL_ONGELDIG = re.compile("[\x00-\x08\x0b-\x1f]")  # and CR, which XML turns into LF


def _verpak(tekst: str) -> str:
    """openpyxl refuses control characters; Excel stores them as ``_xHHHH_``. Mark them for
    :func:`_zet_terug`."""
    return _OPENPYXL_ONGELDIG.sub(lambda m: f"~~X{ord(m[0]):04X}~~", tekst)


def _zet_terug(pad: Path) -> None:
    """Replace the marks of :func:`_verpak` by Excel's own escape, which every reader decodes."""
    uit = io.BytesIO()
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            data = bron.read(info.filename)
            if info.filename.endswith(".xml"):
                data = re.sub(rb"~~X([0-9A-F]{4})~~", rb"_x\1_", data)  # ASCII: written as is in any XML
            doel.writestr(info.filename, data)
    pad.write_bytes(uit.getvalue())


def bouw_map(map_: Path) -> Path:
    """The corpus base folder (tests/corpus.py) with every hostile value in Almelo's workbook, an extra
    sheet with a hostile name and a copy of Borne's workbook under a hostile file name."""
    corpus.bouw_basis(map_)
    gegevens = copy.deepcopy(corpus.ALMELO)
    gegevens["gemeente"]["duiding"] = _verpak(" / ".join(WAARDEN.values()))
    for waarde in WAARDEN.values():
        gegevens["asiel"].append(corpus._asiel(_verpak(waarde), 10, besluit=_verpak(waarde)))
    pad = map_ / corpus.A
    schrijf_uitvraag(pad, gegevens)
    with corpus.werkboek(pad) as wb:
        wb.create_sheet(BLADNAAM)["A1"] = "extra"
    _zet_terug(pad)
    (map_ / BESTANDSNAAM).write_bytes((map_ / corpus.B).read_bytes())
    return map_


# ---------------------------------------------------------------- running the CLI


def regioplan(*argumenten: str, omgeving: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line, as CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *argumenten],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(omgeving or {})},
        check=False,
    )


# ---------------------------------------------------------------- the checkers, one per family

#: What no line-oriented output may contain: every character :func:`regioplan.veilig.regel` shows.
_ONZICHTBAAR = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]"
)


def controleer_regels(tekst: str, *, annotaties: bool = False) -> None:
    """Terminal, CI log, annotations: no control or bidi character, no line that GitHub's runner reads as
    a workflow command except (``annotaties``) our own, whose properties hold no raw ``:`` or ``,``."""
    assert not _ONZICHTBAAR.search(tekst), repr(_ONZICHTBAAR.search(tekst)[0])
    assert "##[" not in tekst
    for regel in tekst.split("\n"):
        if not regel.lstrip().startswith("::"):
            continue
        assert annotaties, f"workflow command in a log: {regel!r}"
        assert re.fullmatch(r"::(error|warning) (file=[^:,]*,)?title=[^:,]*::.*", regel), regel
        assert "::" not in regel.split("::", 2)[2], regel


def controleer_json(tekst: str) -> None:
    """JSON: valid, and it keeps the exact values (the one channel that must not change them)."""
    json.loads(tekst)


def _json_teksten(tekst: str) -> set[str]:
    gevonden: set[str] = set()

    def loop(x: object) -> None:
        if isinstance(x, str):
            gevonden.add(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                loop(k)
                loop(v)
        elif isinstance(x, list):
            for v in x:
                loop(v)

    loop(json.loads(tekst))
    return gevonden


def controleer_xml(tekst: str) -> None:
    """JUnit XML: well-formed for a strict parser (expat), no character XML 1.0 forbids."""
    ElementTree.fromstring(tekst.encode("utf-8"))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", tekst)


def controleer_markdown(tekst: str) -> None:
    """Markdown (report, step summary), rendered as GitHub does (GFM tables, linkify, raw HTML allowed):
    no link, image or HTML comes from cell text, and every table row has as many cells as its header."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("gfm-like", {"linkify": True, "html": True})
    tokens = md.parse(tekst)
    for t in tokens:
        assert t.type != "html_block", t.content
        for kind in t.children or []:
            assert kind.type not in ("html_inline", "image"), kind
            if kind.type == "link_open":
                assert str(kind.attrs["href"]).startswith("#"), kind.attrs  # only our own anchors
    _tabellen_kloppen(tekst)


def _tabellen_kloppen(tekst: str) -> None:
    kop = None
    for regel in tekst.split("\n"):
        if not regel.startswith("|"):
            kop = None
            continue
        n = len(re.findall(r"(?<!\\)\|", regel))
        if kop is None:
            kop = n
        assert n == kop, regel


def controleer_html(tekst: str) -> None:
    """HTML: nothing from a cell becomes an element, an attribute or a link (parsed, not grepped)."""
    from bs4 import BeautifulSoup

    soep = BeautifulSoup(tekst, "html.parser")
    assert not soep.find_all(["img", "iframe", "object", "embed"])
    assert all(not s.get("src") for s in soep.find_all("script"))
    for el in soep.find_all(True):
        assert not [a for a in el.attrs if a.lower().startswith("on")], el.name
        href = el.get("href")
        assert href is None or href.startswith("#"), href
    assert "evil" not in " ".join(str(el.attrs) for el in soep.find_all(True))


def controleer_xlsx(inhoud: bytes) -> str:
    """xlsx: no cell is a formula; returns the text of every cell (for the markers)."""
    wb = load_workbook(io.BytesIO(inhoud))
    teksten = []
    for ws in wb.worksheets:
        for rij in ws.iter_rows():
            for cel in rij:
                assert cel.data_type != "f", (ws.title, cel.coordinate, cel.value)
                teksten.append(str(cel.value))
    return "\n".join(teksten)


def controleer_pdf(inhoud: bytes) -> str:
    """PDF: no link, action or script anywhere (a cell text must never become a clickable URI, a launch
    or JavaScript); returns the text of every page (for the markers)."""
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(inhoud))
    for pagina in lezer.pages:
        for annotatie in pagina.get("/Annots") or []:
            actie = annotatie.get_object().get("/A")
            assert actie is None or actie.get_object().get("/S") == "/GoTo", actie  # only internal links
    ruw = inhoud.decode("latin-1")
    for verboden in ("/JavaScript", "/JS ", "/Launch", "/URI", "/SubmitForm", "/EmbeddedFile"):
        assert verboden not in ruw, verboden
    tekst = subprocess.run(["pdftotext", "-", "-"], input=inhoud, capture_output=True, check=True).stdout
    return tekst.decode("utf-8")


def controleer_docx(inhoud: bytes) -> str:
    """Word: every part is well-formed XML, no relationship points outside the document (no hyperlink,
    no remote image or template), the only fields are our own (PAGE, NUMPAGES, SEQ, TOC); returns the text
    of every paragraph and table cell (for the markers)."""
    from docx import Document

    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        for naam in z.namelist():
            if naam.endswith((".xml", ".rels")):
                boom = ElementTree.fromstring(z.read(naam))
                if naam.endswith(".rels"):
                    for rel in boom:
                        assert rel.get("TargetMode") != "External", (naam, rel.attrib)
        document = z.read("word/document.xml").decode("utf-8")
    velden = re.findall(r"<w:instrText[^>]*>\s*([A-Z]+)", document)
    velden += re.findall(r'<w:fldSimple w:instr="\s*([A-Z]+)', document)
    assert set(velden) <= {"PAGE", "NUMPAGES", "SEQ", "TOC"}, velden
    assert "<w:hyperlink" not in document
    doc = Document(io.BytesIO(inhoud))
    teksten = [p.text for p in doc.paragraphs]
    teksten += [c.text for tabel in doc.tables for rij in tabel.rows for c in rij.cells]
    return "\n".join(teksten)


def controleer_csv(tekst: str) -> None:
    """csv (``;``): no cell a spreadsheet would run as a formula."""
    for rij in csv.reader(io.StringIO(tekst), delimiter=";"):
        for cel in rij:
            if re.fullmatch(r"-\d+(,\d+)?", cel):
                continue  # a negative number
            assert not cel.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), cel


# ---------------------------------------------------------------- the channels


@dataclass(frozen=True)
class Kanaal:
    """One output channel: how to make it from the hostile folder and how to check it.

    ``maak(map_, uit)`` returns the output as text (or bytes for binary formats); ``controleer`` raises
    an AssertionError on anything live. ``markers`` says which markers the output must show: all values
    (``"alle"``), or only those a channel carries (``"locaties"``: the location names, ``"geen"``;
    ``"gevouwen"``: GitHub annotations fold a code found more than ``weergave.VOUWGRENS`` times into one
    annotation that quotes the first finding, so only the first value and the file name must arrive there;
    the step summary keeps them all).
    """

    naam: str
    maak: Callable[[Path, Path], str | bytes]
    controleer: Callable[[str | bytes], object]
    markers: str = "alle"
    exact: bool = False  #: the output keeps each value exactly (JSON)
    #: a binary output's text (for the markers); its checker, which also returns the text
    als_tekst: Callable[[bytes], str] = controleer_xlsx


def _uit(proces: subprocess.CompletedProcess[str], *codes: int) -> subprocess.CompletedProcess[str]:
    assert proces.returncode in codes, proces.stderr
    assert "interne fout" not in proces.stderr and "Traceback" not in proces.stderr, proces.stderr
    return proces


def _valideer(vorm: str) -> Callable[[Path, Path], str]:
    def maak(map_: Path, uit: Path) -> str:
        p = _uit(regioplan("valideer", str(map_), "--formaat", vorm), 1)
        return p.stdout + p.stderr if vorm == "tekst" else p.stdout

    return maak


def _samenvatting(map_: Path, uit: Path) -> str:
    pad = uit / "samenvatting.md"
    _uit(
        regioplan("valideer", str(map_), "--formaat", "github", omgeving={"GITHUB_STEP_SUMMARY": str(pad)}), 1
    )
    return pad.read_text(encoding="utf-8")


def _bereken_tekst(map_: Path, uit: Path) -> str:
    tabellen = _uit(regioplan("bereken", str(map_)), 0)
    uitleg = _uit(regioplan("bereken", str(map_), "--uitleg"), 0)
    return tabellen.stdout + tabellen.stderr + uitleg.stdout + uitleg.stderr


def _bereken_json(map_: Path, uit: Path) -> str:
    return _uit(regioplan("bereken", str(map_), "--formaat", "json"), 0).stdout


def _export(ext: str) -> Callable[[Path, Path], str | bytes]:
    def maak(map_: Path, uit: Path) -> str | bytes:
        _uit(regioplan("bereken", str(map_), "--uit", str(uit / f"resultaten.{ext}")), 0)
        if ext == "xlsx":
            return (uit / "resultaten.xlsx").read_bytes()
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(uit.glob("resultaten-*.csv")))

    return maak


def _rapport(ext: str) -> Callable[[Path, Path], str]:
    def maak(map_: Path, uit: Path) -> str:
        _uit(regioplan("rapport", str(map_), "--regio", "noord", "--formaat", ext, "--uit", str(uit)), 0)
        return (uit / f"regionaal-plan-noord.{ext}").read_text(encoding="utf-8")

    return maak


def _rapport_binair(ext: str) -> Callable[[Path, Path], bytes]:
    def maak(map_: Path, uit: Path) -> bytes:
        _uit(regioplan("rapport", str(map_), "--regio", "noord", "--formaat", ext, "--uit", str(uit)), 0)
        return (uit / f"regionaal-plan-noord.{ext}").read_bytes()

    return maak


def _binair(controle: Callable[[bytes], str]) -> Callable[[str | bytes], object]:
    def controleer(inhoud: str | bytes) -> object:
        assert isinstance(inhoud, bytes)
        return controle(inhoud)

    return controleer


def _xlsx(inhoud: str | bytes) -> None:
    assert isinstance(inhoud, bytes)
    controleer_xlsx(inhoud)


KANALEN: list[Kanaal] = [
    Kanaal("valideer-tekst", _valideer("tekst"), lambda t: controleer_regels(t)),
    Kanaal("valideer-json", _valideer("json"), controleer_json, exact=True),
    Kanaal(
        "github-annotaties",
        _valideer("github"),
        lambda t: controleer_regels(t, annotaties=True),
        markers="gevouwen",
    ),
    Kanaal("github-samenvatting", _samenvatting, controleer_markdown),
    Kanaal("junit", _valideer("junit"), controleer_xml),
    Kanaal("bereken-tekst", _bereken_tekst, lambda t: controleer_regels(t), markers="locaties"),
    Kanaal("bereken-json", _bereken_json, controleer_json, markers="locaties", exact=True),
    Kanaal("xlsx", _export("xlsx"), _xlsx, markers="locaties"),
    Kanaal("csv", _export("csv"), controleer_csv, markers="locaties"),
    Kanaal("md", _rapport("md"), controleer_markdown, markers="locaties"),
    Kanaal("html", _rapport("html"), controleer_html, markers="locaties"),
    Kanaal(
        "pdf", _rapport_binair("pdf"), _binair(controleer_pdf), markers="locaties", als_tekst=controleer_pdf
    ),
    Kanaal(
        "docx",
        _rapport_binair("docx"),
        _binair(controleer_docx),
        markers="locaties",
        als_tekst=controleer_docx,
    ),
]


def controleer_kanaal(kanaal: Kanaal, map_: Path, uit: Path) -> None:
    """THE shared assertion: make the channel's output from the hostile folder, check it with its
    family's checker, and check that the hostile values did arrive (their markers, or in JSON the exact
    values), so the check cannot pass on an output that left them out."""
    uit.mkdir(parents=True, exist_ok=True)
    inhoud = kanaal.maak(map_, uit)
    kanaal.controleer(inhoud)
    tekst = kanaal.als_tekst(inhoud) if isinstance(inhoud, bytes) else inhoud
    if kanaal.markers == "geen":
        return
    verwacht = list(MARKERS.values())[:1] if kanaal.markers == "gevouwen" else list(MARKERS.values())
    ontbreekt = [m for m in verwacht if m not in tekst]
    assert not ontbreekt, f"{kanaal.naam}: hostile values did not arrive: {ontbreekt}"
    if kanaal.markers in ("alle", "gevouwen"):
        assert "V41" in tekst, f"{kanaal.naam}: the hostile file name did not arrive"
    if kanaal.exact:
        teksten = _json_teksten(tekst)
        gemist = [s for s, w in GELEZEN.items() if not any(w in t for t in teksten)]
        assert not gemist, f"{kanaal.naam}: values not kept exactly: {gemist}"
