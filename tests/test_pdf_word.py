"""The PDF and Word reports: real rendering (WeasyPrint, python-docx), read back with pypdf, python-docx and
poppler."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from pypdf import PdfReader

from regioplan.cli import main
from regioplan.rapport.filters import css
from regioplan.rapport.word import _tekst

from .conftest import VOORBEELD
from .test_rapport import KWAAD, maak_data

#: Headline figures per report (provincial report, 'in één oogopslag'), as printed.
KERNCIJFERS = {
    "regionaal-plan-twente": ["3.275", "1.866", "556", "2.422", "4.805", "995", "245"],
    "regionaal-plan-ijsselland": ["3.050", "1.998", "1.279", "3.277", "4.976", "807", "187"],
    "provinciaal-verslag-overijssel": ["6.325", "3.864", "1.835", "5.699", "9.781", "1.238", "1.802", "432"],
}
A4 = (595.28, 841.89)


def regioplan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args], capture_output=True, text=True, check=False, timeout=900
    )


@pytest.fixture(scope="module")
def overijssel(tmp_path_factory) -> Path:
    """All three Overijssel reports as PDF and Word, made by the CLI as a user would."""
    uit = tmp_path_factory.mktemp("pdfword")
    proces = regioplan(
        "rapport", str(VOORBEELD), "--regio", "alle", "-f", "pdf", "-f", "docx", "--uit", str(uit)
    )
    assert proces.returncode == 0, proces.stderr
    assert "3 rapporten geschreven" in proces.stderr
    return uit


def paginateksten(pad: Path) -> list[str]:
    return [pagina.extract_text() or "" for pagina in PdfReader(pad).pages]


@pytest.mark.parametrize("naam", sorted(KERNCIJFERS))
def test_pdf_bevat_de_kerncijfers_op_a4_met_paginanummers(overijssel, naam):
    pad = overijssel / f"{naam}.pdf"
    lezer = PdfReader(pad)
    teksten = paginateksten(pad)
    alles = "\n".join(teksten)
    for cijfer in KERNCIJFERS[naam]:
        assert re.search(rf"(?<![\d.]){re.escape(cijfer)}(?![\d.])", alles), cijfer
    n = len(lezer.pages)
    assert n >= 15
    for pagina in lezer.pages:
        breedte, hoogte = float(pagina.mediabox.width), float(pagina.mediabox.height)
        assert abs(breedte - A4[0]) < 0.5 and abs(hoogte - A4[1]) < 0.5
    assert f"pagina 1 van {n}" in teksten[0] and f"pagina {n} van {n}" in teksten[-1]


def test_pdf_inhoudsopgave_verwijst_naar_de_goede_pagina_en_kop_loopt_mee(overijssel):
    pad = overijssel / "regionaal-plan-twente.pdf"
    teksten = paginateksten(pad)
    inhoud = re.sub(r"\s+", " ", teksten[0])
    gevonden = re.findall(r"(\d{1,2}\. [A-ZÀ-Ý][^.]*?)[ .]*?(\d{1,2})(?= \d{1,2}\. | pagina)", inhoud)
    assert len(gevonden) >= 10, inhoud
    for titel, pagina in gevonden:
        op_pagina = re.sub(r"\s+", " ", teksten[int(pagina) - 1])
        assert titel.strip()[:20] in op_pagina, (titel, pagina)
    for tekst in teksten[1:]:  # the running header: title, regio and date on every page but the first
        assert "Regionaal plan Twente" in tekst and "Regio Twente – stand 01-10-2024" in tekst
    assert "Regio Twente" not in teksten[0].split("Regionaal plan Twente")[0]


def test_pdf_tabelkop_herhaalt_op_elke_pagina(overijssel):
    """The voornemens table of the verslag is pages long: its head opens every page it is on."""
    teksten = paginateksten(overijssel / "provinciaal-verslag-overijssel.pdf")
    kop = "Gemeente Omschrijving Doelgroep Capaciteit Start Einde Besluit Toelichting"
    start = [
        i for i, t in enumerate(teksten) if "toekomstige asiellocaties en voornemens per gemeente\n" in t
    ]
    assert len(start) == 1
    einde = [i for i, t in enumerate(teksten) if i > start[0] and "7. Opvang Oekraïense ontheemden" in t]
    assert einde and einde[0] - start[0] >= 2  # the table runs over at least one page break
    for tekst in teksten[start[0] : einde[0]]:
        assert kop in tekst
    assert "Zwolle" in teksten[einde[0] - 1]  # the last row is on the last page of the table


def test_pdf_metadata_lettertypen_tags_en_vectorgrafieken(overijssel):
    lezer = PdfReader(overijssel / "regionaal-plan-twente.pdf")
    info = lezer.metadata
    assert info.title.startswith("Regionaal plan Twente")
    assert info.author == "Twentse Regietafel Asiel"
    wortel = lezer.trailer["/Root"]
    assert wortel["/Lang"] == "nl"
    assert bool(wortel["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in wortel  # tagged (PDF/UA-1)
    assert "/Outlines" in wortel  # chapters as bookmarks
    lettertypen, plaatjes = set(), 0
    for pagina in lezer.pages:
        bronnen = pagina["/Resources"]
        for font in (bronnen.get("/Font") or {}).values():
            font = font.get_object()
            beschrijving = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            ).get("/FontDescriptor")
            beschrijving = beschrijving.get_object()
            assert any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3")), font[
                "/BaseFont"
            ]
            lettertypen.add(font["/BaseFont"])
        for xobject in (bronnen.get("/XObject") or {}).values():
            plaatjes += xobject.get_object().get("/Subtype") == "/Image"
    assert lettertypen and plaatjes == 0  # fonts embedded; charts are vectors, not images
    assert "Almelo" in paginateksten(overijssel / "regionaal-plan-twente.pdf")[2]  # chart labels are text


def test_pdf_pagina_als_plaatje_is_niet_leeg(overijssel, tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm ontbreekt: apt-get install poppler-utils"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "3",
            str(overijssel / "regionaal-plan-twente.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    eerste = Image.open(tmp_path / "p-01.png").convert("RGB")
    pixels = list(eerste.get_flattened_data())
    wit = sum(1 for p in pixels if min(p) > 245)
    assert wit < 0.9 * len(pixels)  # text and the title block, not a blank page
    blauw = sum(1 for r, g, b in pixels if b > 100 and r < 60 and 60 < g < 100)  # the title block (#1f4e79)
    assert blauw > 0.05 * len(pixels)
    grafiek = Image.open(tmp_path / "p-03.png").convert("RGB")
    groen = sum(
        1 for r, g, b in grafiek.get_flattened_data() if g > 100 and r < 70 and b < 100
    )  # bars that meet the opgave
    assert groen > 50


def test_pdf_geen_tabelrij_over_twee_paginas():
    """The laid-out Twente report (WeasyPrint's own page boxes): every body row of every table is on one page
    only, also in the tables that run over several pages; header rows repeat."""
    from weasyprint.formatting_structure.boxes import TableRowBox, TableRowGroupBox

    from regioplan.api import bereken
    from regioplan.rapport import bouw_context, render
    from regioplan.rapport.pdf import opmaak
    from regioplan.rapport.schrijven import pdf_bladen

    context = bouw_context(bereken(VOORBEELD), "twente")
    document = opmaak(render(context, "html"), *pdf_bladen(context))
    paginas_van: dict[int, set[int]] = {}
    koppen_per_pagina = []
    for nummer, pagina in enumerate(document.pages, start=1):
        koppen = 0
        for box in pagina._page_box.descendants():
            if isinstance(box, TableRowGroupBox):
                rijen = [r for r in box.children if isinstance(r, TableRowBox)]
                if box.is_header:
                    koppen += len(rijen)
                    continue
                for rij in rijen:
                    paginas_van.setdefault(id(rij.element), set()).add(nummer)
        koppen_per_pagina.append(koppen)
    assert len(paginas_van) > 200  # every table of the report, not a handful
    gesplitst = {e: p for e, p in paginas_van.items() if len(p) > 1}
    assert not gesplitst, f"rijen over meer pagina's: {sorted(gesplitst.values())}"
    assert (
        sum(1 for k in koppen_per_pagina if k) > 15
    )  # table heads on most pages (repeated where a table runs on)


#: Golden page images of the Twente PDF (60 dpi, grey), rewritten only by ``make golden``.
GOLDEN_PDF = Path(__file__).parent / "golden" / "pdf"
BIJWERKEN = os.environ.get("REGIOPLAN_GOLDEN_BIJWERKEN") == "1"


def afwijkend(a: Image.Image, b: Image.Image, drempel: int = 60) -> float:
    """The share of pixels of ``a`` and ``b`` without a pixel of similar grey in the other within one pixel.

    A shift of one pixel (another Pango, another rounding) costs nothing; a changed word, figure or bar does:
    on page 1 the Twente and IJsselland plans differ in 0.3 % of the pixels at 60 dpi, on page 3 in 4 %.
    """
    fout = 0
    for x, y in ((a, b), (b, a)):
        boven = ImageChops.subtract(x, y.filter(ImageFilter.MaxFilter(3)))
        onder = ImageChops.subtract(y.filter(ImageFilter.MinFilter(3)), x)
        fout += sum(1 for v in boven.get_flattened_data() if v > drempel)
        fout += sum(1 for v in onder.get_flattened_data() if v > drempel)
    return fout / (a.size[0] * a.size[1])


@pytest.mark.parametrize("pagina", [1, 3])
def test_pdf_pagina_lijkt_op_het_gouden_plaatje(overijssel, tmp_path, pagina):
    """Page 1 (title, data, contents) and page 3 (a chart, tables) against golden images, with tolerance."""
    subprocess.run(
        ["pdftoppm", "-r", "60", "-gray", "-png", "-f", str(pagina), "-l", str(pagina), "-singlefile",
         str(overijssel / "regionaal-plan-twente.pdf"), str(tmp_path / "p")],
        check=True,
    )  # fmt: skip
    nieuw = Image.open(tmp_path / "p.png").convert("L")
    golden = GOLDEN_PDF / f"regionaal-plan-twente-{pagina}.png"
    if BIJWERKEN:
        GOLDEN_PDF.mkdir(parents=True, exist_ok=True)
        nieuw.save(golden, optimize=True)
    assert golden.is_file(), f"{golden} ontbreekt; maak hem met `make golden` en bekijk het plaatje."
    oud = Image.open(golden).convert("L")
    assert nieuw.size == oud.size
    verschil = afwijkend(nieuw, oud)
    if verschil > 0.001:
        nieuw.save(tmp_path / "nieuw.png")
        ImageChops.difference(nieuw, oud).save(tmp_path / "verschil.png")
    assert verschil <= 0.001, (
        f"pagina {pagina} wijkt af in {verschil:.2%} van de pixels (zie {tmp_path}/nieuw.png en "
        "verschil.png); bedoeld? Dan `make golden` en het plaatje bekijken."
    )


def test_afwijkend_ziet_een_langere_staaf_maar_geen_verschuiving():
    """The golden image guards the layout (bars, tables, blocks); figures are checked in the PDF's text."""
    basis = Image.new("L", (200, 60), 255)
    ImageDraw.Draw(basis).rectangle((10, 20, 70, 40), fill=90)
    ander = Image.new("L", (200, 60), 255)
    ImageDraw.Draw(ander).rectangle((10, 20, 90, 40), fill=90)
    verschoven = basis.transform(basis.size, Image.Transform.AFFINE, (1, 0, 1, 0, 1, 0), fillcolor=255)
    assert afwijkend(basis, basis) == 0
    assert afwijkend(basis, verschoven) == 0
    assert afwijkend(basis, ander) > 0.001


def test_word_heeft_kopstijlen_tabellen_en_paginanummers(overijssel):
    document = docx.Document(str(overijssel / "regionaal-plan-twente.docx"))
    koppen = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert koppen[0] == "1. In één oogopslag" and koppen[-1] == "12. Verantwoording" and len(koppen) == 12
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    assert document.paragraphs[0].style.name == "Title"
    bijschriften = [p for p in document.paragraphs if p.style.name == "Caption"]
    eerste = bijschriften[0]  # Word's own caption: "Tabel" and a SEQ field that numbers it
    assert eerste.text.startswith("Tabel ") and " – Opvangplekken asiel incl. amv" in eerste.text
    veld = eerste._p.xpath("./w:fldSimple")[0]
    assert (
        veld.get(docx.oxml.ns.qn("w:instr")).split()[:2] == ["SEQ", "Tabel"]
        and veld.xpath("string(.)") == "1"
    )
    rijen = {}
    for tabel in document.tables:
        assert tabel.style.name == "Rapporttabel"
        for rij in tabel.rows:
            cellen = [c.text for c in rij.cells]
            rijen.setdefault(cellen[0], cellen)
    assert rijen["Totaal Twente"][:4] == ["Totaal Twente", "3.275", "2.997", "278"]
    kop = document.tables[1].rows[0]._tr
    assert kop.xpath("./w:trPr/w:tblHeader") and kop.xpath("./w:trPr/w:cantSplit")
    voet = document.sections[0].footer._element
    instructies = [
        v.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instr")
        for v in voet.iter()
        if v.tag.endswith("fldSimple")
    ]
    assert [i.strip() for i in instructies] == ["PAGE", "NUMPAGES"]
    assert "Regio Twente – stand 01-10-2024" in document.sections[0].header.paragraphs[0].text
    sectie = document.sections[0]
    assert round(sectie.page_width.mm) == 210 and round(sectie.page_height.mm) == 297
    kern = document.core_properties
    assert kern.author == "Twentse Regietafel Asiel" and kern.title == "Regionaal plan Twente"
    assert kern.language == "nl-NL" and kern.created.date().isoformat() == "2024-10-01"


def test_word_sjabloon_bepaalt_de_stijlen(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    huis = docx.Document()
    kop1 = huis.styles["Heading 1"]
    kop1.font.name = "Georgia"
    kop1.font.size = Pt(22)
    kop1.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    tabelstijl = huis.styles.add_style("Rapporttabel", WD_STYLE_TYPE.TABLE)
    tabelstijl.base_style = huis.styles["Medium Shading 1 Accent 2"]
    huis.sections[0].footer.paragraphs[0].text = "Provincie Testland – vertrouwelijk"
    huis.add_paragraph("Deze tekst van het sjabloon verdwijnt.")
    huisstijl = tmp_path / "huisstijl.docx"
    huis.save(huisstijl)

    data = maak_data(tmp_path / "data")
    uit = tmp_path / "uit"
    code = main(
        [
            "rapport",
            str(data),
            "--regio",
            "noord",
            "-f",
            "docx",
            "--word-sjabloon",
            str(huisstijl),
            "--uit",
            str(uit),
        ]
    )
    assert code == 0
    document = docx.Document(str(uit / "regionaal-plan-noord.docx"))
    kop = document.styles["Heading 1"]
    assert (
        kop.font.name == "Georgia" and kop.font.size == Pt(22) and kop.font.color.rgb == RGBColor(0x8B, 0, 0)
    )
    assert document.styles["Rapporttabel"].base_style.name == "Medium Shading 1 Accent 2"
    assert document.sections[0].footer.paragraphs[0].text == "Provincie Testland – vertrouwelijk"
    assert round(document.sections[0].page_width.mm) == 216  # the template's Letter page, not our A4
    assert all("sjabloon verdwijnt" not in p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "Regionaal plan Noord"

    zonder = tmp_path / "zonder"
    assert main(["rapport", str(data), "--regio", "noord", "-f", "docx", "--uit", str(zonder)]) == 0
    standaard = docx.Document(str(zonder / "regionaal-plan-noord.docx"))
    assert standaard.styles["Heading 1"].font.name != "Georgia"


def test_ongeldig_word_sjabloon_geeft_nette_fout(tmp_path, capsys):
    data = maak_data(tmp_path / "data")
    nep = tmp_path / "huisstijl.docx"
    nep.write_text("geen zip", encoding="utf-8")
    code = main(
        [
            "rapport",
            str(data),
            "--regio",
            "noord",
            "-f",
            "docx",
            "--word-sjabloon",
            str(nep),
            "--uit",
            str(tmp_path / "u"),
        ]
    )
    fout = capsys.readouterr().err
    assert (
        code == 2
        and "word-sjabloon-ongeldig" in fout
        and "huisstijl.docx" in fout
        and "Traceback" not in fout
    )
    assert not (tmp_path / "u").exists()


def test_zelfde_invoer_geeft_dezelfde_bytes_en_celtekst_blijft_tekst(tmp_path):
    kwaad = KWAAD + ' https://kwaad.example/x {PAGE} =HYPERLINK("http://x")'
    data = maak_data(tmp_path / "data", duiding=kwaad)
    runs = []
    for n in (1, 2):
        uit = tmp_path / f"uit{n}"
        proces = regioplan(
            "rapport", str(data), "--regio", "noord", "-f", "pdf", "-f", "docx", "--uit", str(uit)
        )
        assert proces.returncode == 0, proces.stderr
        runs.append({p.suffix: p.read_bytes() for p in uit.iterdir()})
    assert runs[0] == runs[1]
    pdf, word = runs[0][".pdf"], runs[0][".docx"]

    lezer = PdfReader(io.BytesIO(pdf))
    tekst = re.sub(r"\s+", "", "".join(p.extract_text() for p in lezer.pages))  # lines wrap anywhere
    assert re.sub(r"\s+", "", kwaad) in tekst
    for pagina in lezer.pages:  # no link annotation points outside the document
        for annotatie in pagina.get("/Annots") or []:
            actie = annotatie.get_object().get("/A") or {}
            assert actie.get("/S") != "/URI", actie

    with zipfile.ZipFile(io.BytesIO(word)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        xml = z.read("word/document.xml").decode("utf-8")
        relaties = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "hyperlink" not in relaties and "<w:hyperlink" not in xml
    instructies = re.findall(r'w:instr="([^"]*)"', xml) + re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)
    assert {i.split()[0] for i in instructies} <= {"SEQ", "TOC"}
    document = docx.Document(io.BytesIO(word))
    alle = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script>" in alle and "{PAGE}" in alle and '=HYPERLINK("http://x")' in alle
    assert _tekst("a\x07b\x00c") == "a\ufffdb\ufffdc"  # control characters cannot enter the XML


def test_css_filter_maakt_een_veilige_tekenreeks():
    uit = css('a"b\\c\n</style>{} – é')
    assert uit.startswith('"') and uit.endswith('"')
    binnen = uit[1:-1]
    assert not set(binnen) & set('"\n<>{}') and "\\" in binnen
    terug = re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m[1], 16)), binnen)  # how CSS reads it back
    assert terug == 'a"b\\c\n</style>{} – é'


def test_zonder_weasyprint_zegt_regioplan_wat_te_installeren(tmp_path):
    data = maak_data(tmp_path / "data")
    code = (
        "import sys; sys.modules['weasyprint'] = None\n"  # exactly what Python does when the package is absent  # noqa: E501
        "from regioplan.cli import main\n"
        f"sys.exit(main(['rapport', {str(data)!r}, '--regio', 'noord', '-f', 'pdf', '--uit', {str(tmp_path / 'u')!r}]))"  # noqa: E501
    )
    proces = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proces.returncode == 2
    assert "pdf-niet-beschikbaar" in proces.stderr and "pipx install --force '.[pdf]'" in proces.stderr
    assert "Traceback" not in proces.stderr and "interne fout" not in proces.stderr
    assert not (tmp_path / "u").exists()
