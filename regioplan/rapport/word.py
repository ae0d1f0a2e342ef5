"""The Word report: the HTML report as a .docx with real styles (the optional extra ``regioplan[word]``).

Why python-docx: a well-kept library that writes Word's own structures (styles, tables, sections, core
properties) and opens a user's document as the base, so ``--word-sjabloon huisstijl.docx`` gives the house
style the way Word users expect: its styles, page setup, header and footer. Pandoc (a 30 MB binary in a
wheel) would convert the same HTML, but still needs python-docx for page numbers in the footer and gives
less control over table headers and determinism.

The document is built from the rendered HTML report, which is rendered from the report context; so the
chapters, tables and figures are the same as in HTML and PDF, and an own template (``--sjablonen``) changes
all of them. The mapping, in Word's built-in styles (shown as "Kop 1" etc. in a Dutch Word):

- ``h1`` Title, the subtitle Subtitle; chapter headings ``h2`` Heading 1, ``h3`` Heading 2, ``h4`` Heading 3;
- the table of contents a real TOC field (Word fills in page numbers with F9 / "Veld bijwerken");
- every table in the table style ``Rapporttabel`` (defined by the house-style document, else made here),
  its header rows repeated on each page, no row split over two pages, numbers right-aligned, totals bold;
  the caption above it in style Caption with a ``SEQ Tabel`` number, like Word's own "Bijschrift invoegen";
- page numbers ("pagina X van Y") in the footer and the title, regio and date in the header, unless the
  house-style document has its own.

Text from workbooks is hostile here too: it only ever becomes the text of a run. Links in the HTML become
plain text, and the only fields in the document are the fixed ones above, never built from cell text.
Charts are SVG, which python-docx cannot place; a Word report names the chart and points to the tables.
Reproducible: fixed core-property dates (the report date) and fixed zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fouten import RegioplanFout
from .context import Context

TABELSTIJL = "Rapporttabel"  #: the table style every table gets; a house-style document may define it
_ONGELDIG_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WIT = re.compile(r"\s+")
_BLOKKEN = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "figure", "div", "section"}
_BLOKKEN |= {"main", "header", "footer", "nav", "article", "aside", "blockquote"}
Element = Any  #: an lxml HTML element (lxml ships no type information)
Segment = tuple[str, "_Opmaak"]  #: a piece of text of a paragraph and its formatting

_KOPSTIJL = {"h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3", "h5": "Heading 3", "h6": "Heading 3"}


def docx_module() -> Any:
    """The ``docx`` module (python-docx), or a clear Dutch error saying what to install."""
    try:
        import docx
    except ImportError as fout:
        raise RegioplanFout(
            "word-niet-beschikbaar",
            "Voor een Word-rapport is python-docx nodig, en dat is niet geïnstalleerd.",
            "Installeer de Word-extra vanuit de map van regioplan: pipx install --force '.[word]' "
            "(of pipx inject regioplan python-docx; in een venv: pip install '.[word]').",
        ) from fout
    return docx


def open_sjabloon(pad: Path | None) -> Any:
    """The base document: the house-style .docx (``--word-sjabloon``) with its body emptied, or
    python-docx's own."""
    docx = docx_module()
    if pad is None:
        return docx.Document()
    if not pad.is_file():
        raise RegioplanFout(
            "word-sjabloon-ongeldig",
            f"--word-sjabloon '{pad}' bestaat niet of is geen bestand.",
            "Geef een Word-document (.docx) op met de huisstijl: stijlen, kop- en voettekst en "
            "pagina-opmaak.",
        )
    try:
        document = docx.Document(str(pad))
    except Exception as fout:  # python-docx raises several types for a file that is not a .docx
        raise RegioplanFout(
            "word-sjabloon-ongeldig",
            f"--word-sjabloon '{pad.name}' is geen leesbaar Word-document ({type(fout).__name__}).",
            "Sla de huisstijl in Word op als 'Word-document (*.docx)', niet als .dotx, .doc of .docm.",
        ) from fout
    body = document.element.body
    for kind in list(body):
        if not kind.tag.endswith("}sectPr"):
            body.remove(kind)
    return document


@dataclass(frozen=True)
class _Opmaak:
    vet: bool = False
    cursief: bool = False
    code: bool = False
    sup: bool = False


def _tekst(waarde: str | None) -> str:
    """Text that XML can hold: control characters (possible in a workbook cell) become U+FFFD."""
    return _ONGELDIG_XML.sub("\ufffd", waarde or "")


def _klassen(el: Element) -> set[str]:
    return set((el.get("class") or "").split())


class _Bouwer:
    """Walks the HTML body and adds paragraphs and tables to a python-docx document."""

    def __init__(self, document: Any, context: Context, eigen_sjabloon: bool) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        self.doc = document
        self.context = context
        self.eigen = eigen_sjabloon
        self.OxmlElement, self.qn, self.Pt = OxmlElement, qn, Pt
        self.RECHTS = WD_ALIGN_PARAGRAPH.RIGHT
        self.TABEL_LINKS = WD_TABLE_ALIGNMENT.LEFT
        self.stijlen = {s.name for s in document.styles}
        self.tabellen = 0
        self.figuren = 0

    # -- styles ---------------------------------------------------------------------------------
    def stijl(self, naam: str, terugval: str = "Normal") -> str | None:
        if naam in self.stijlen:
            return naam
        return terugval if terugval in self.stijlen else None

    def zorg_voor_tabelstijl(self) -> None:
        """``Rapporttabel``: the house style's own, else a new style based on a built-in one."""
        if TABELSTIJL in self.stijlen:
            return
        from docx.enum.style import WD_STYLE_TYPE

        stijl = self.doc.styles.add_style(TABELSTIJL, WD_STYLE_TYPE.TABLE)
        for basis in ("Light List Accent 1", "Table Grid"):
            if basis in self.stijlen:
                stijl.base_style = self.doc.styles[basis]
                break
        stijl.font.size = self.Pt(8.5)
        self.stijlen.add(TABELSTIJL)

    # -- fields ---------------------------------------------------------------------------------
    def veld(self, paragraaf: Any, instructie: str, voorlopig: str) -> None:
        """A simple field (PAGE, NUMPAGES, SEQ) with a fixed instruction and its shown value."""
        veld = self.OxmlElement("w:fldSimple")
        veld.set(self.qn("w:instr"), instructie)
        run = self.OxmlElement("w:r")
        t = self.OxmlElement("w:t")
        t.text = voorlopig
        run.append(t)
        veld.append(run)
        paragraaf._p.append(veld)

    def _fldchar(self, paragraaf: Any, soort: str) -> None:
        run = paragraaf.add_run()._r
        teken = self.OxmlElement("w:fldChar")
        teken.set(self.qn("w:fldCharType"), soort)
        run.append(teken)

    def inhoudsopgave(self, titels: list[str]) -> None:
        """A TOC field over Heading 1-2, with the chapter titles as its shown result until Word updates it."""
        stijl = self.stijl("TOC 1")
        eerste = self.doc.add_paragraph(style=stijl)
        self._fldchar(eerste, "begin")
        instr = self.OxmlElement("w:instrText")
        instr.set(self.qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        eerste.add_run()._r.append(instr)
        self._fldchar(eerste, "separate")
        laatste = eerste
        for i, titel in enumerate(titels or ["(werk de inhoudsopgave bij met F9)"]):
            laatste = eerste if i == 0 else self.doc.add_paragraph(style=stijl)
            laatste.add_run(_tekst(titel))
        self._fldchar(laatste, "end")

    # -- inline text ----------------------------------------------------------------------------
    def segmenten(
        self, el: Element, opmaak: _Opmaak, uit: list[Segment], met_eigen_tekst: bool = True
    ) -> None:
        if met_eigen_tekst and el.text:
            uit.append((el.text, opmaak))
        for kind in el:
            tag = kind.tag if isinstance(kind.tag, str) else ""
            if tag == "br":
                uit.append(("\n", opmaak))
            elif tag in ("svg", "style", "script", "title", "desc"):
                pass
            elif tag:
                klassen = _klassen(kind)
                nieuw = _Opmaak(
                    vet=opmaak.vet or tag in ("strong", "b", "th") or "waarde" in klassen,
                    cursief=opmaak.cursief or tag in ("em", "i"),
                    code=opmaak.code or tag == "code",
                    sup=opmaak.sup or tag == "sup",
                )
                self.segmenten(kind, nieuw, uit)
                if "waarde" in klassen:
                    uit.append((" ", opmaak))
            if kind.tail:
                uit.append((kind.tail, opmaak))

    def vul(self, paragraaf: Any, segmenten: list[Segment]) -> None:
        """Runs for the segments, with HTML's whitespace rules (runs of white space are one space)."""
        tekst_tot_nu = ""
        for i, (tekst, opmaak) in enumerate(segmenten):
            if tekst == "\n":
                paragraaf.add_run().add_break()
                tekst_tot_nu = ""
                continue
            tekst = _WIT.sub(" ", tekst)
            if not tekst_tot_nu or tekst_tot_nu.endswith(" "):
                tekst = tekst.lstrip(" ")
            if all(t == "\n" or not t.strip() for t, _ in segmenten[i + 1 :]):
                tekst = tekst.rstrip(" ")
            if not tekst:
                continue
            run = paragraaf.add_run(_tekst(tekst))
            if opmaak.vet:
                run.bold = True
            if opmaak.cursief:
                run.italic = True
            if opmaak.sup:
                run.font.superscript = True
            if opmaak.code:
                run.font.name = "Consolas"
            tekst_tot_nu += tekst

    def alinea(self, el: Element, stijl: str | None = None, opmaak: _Opmaak | None = None) -> Any:
        segs: list[Segment] = []
        self.segmenten(el, opmaak or _Opmaak(), segs)
        if not any(t.strip() for t, _ in segs):
            return None
        paragraaf = self.doc.add_paragraph(style=self.stijl(stijl or "Normal"))
        self.vul(paragraaf, segs)
        return paragraaf

    # -- blocks ---------------------------------------------------------------------------------
    def blok(self, el: Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        klassen = _klassen(el)
        if tag in ("svg", "style", "script", "head", "title"):
            return
        if tag == "h1":
            self.alinea(el, "Title")
        elif tag in _KOPSTIJL:
            self.alinea(el, _KOPSTIJL[tag])
        elif tag == "p":
            if "ondertitel" in klassen:
                self.alinea(el, "Subtitle")
            elif "melding" in klassen:
                self.alinea(el, "Intense Quote")
            else:
                self.alinea(el)
        elif tag in ("ul", "ol"):
            stijl = "List Number" if tag == "ol" else "List Bullet"
            for li in el:
                if li.tag == "li":
                    self.alinea(li, stijl)
        elif tag == "dl":
            self.definities(el)
        elif tag == "table":
            self.tabel(el)
        elif tag == "nav" and "inhoud" in klassen:
            kop = el.find(".//h2")
            if kop is not None:
                self.alinea(kop, "TOC Heading")
            self.inhoudsopgave([_WIT.sub(" ", a.text_content()).strip() for a in el.iter("a")])
        elif tag == "figure":
            self.figuur(el)
        else:
            self.container(el)

    def container(self, el: Element) -> None:
        """A div/section/...: block children in turn, loose text and inline elements as paragraphs."""
        wacht: list[Segment] = []

        def leeg_wacht() -> None:
            if any(t.strip() for t, _ in wacht):
                self.vul(self.doc.add_paragraph(style=self.stijl("Normal")), list(wacht))
            wacht.clear()

        if el.text:
            wacht.append((el.text, _Opmaak()))
        for kind in el:
            tag = kind.tag if isinstance(kind.tag, str) else ""
            if tag in _BLOKKEN or tag in ("svg", "style"):
                leeg_wacht()
                self.blok(kind)
                if kind.tail:
                    wacht.append((kind.tail, _Opmaak()))
            elif tag:
                segs: list[Segment] = []
                self.segmenten(kind, _Opmaak(vet=tag in ("strong", "b")), segs)
                wacht.extend(segs)
                if kind.tail:
                    wacht.append((kind.tail, _Opmaak()))
        leeg_wacht()

    def definities(self, el: Element) -> None:
        label = None
        for kind in el:
            if kind.tag == "dt":
                label = _WIT.sub(" ", kind.text_content()).strip()
            elif kind.tag == "dd":
                segs: list[Segment] = [(f"{label}: ", _Opmaak(vet=True))] if label else []
                self.segmenten(kind, _Opmaak(), segs)
                self.vul(self.doc.add_paragraph(style=self.stijl("Normal")), segs)

    def figuur(self, el: Element) -> None:
        onderschrift = el.find("figcaption")
        svg = next((k for k in el.iter() if isinstance(k.tag, str) and k.tag.endswith("svg")), None)
        if onderschrift is not None:
            sterk = onderschrift.find("strong")
            titel = _WIT.sub(" ", (sterk if sterk is not None else onderschrift).text_content()).strip()
            self.figuren += 1
            paragraaf = self.doc.add_paragraph(style=self.stijl("Caption"))
            paragraaf.add_run("Figuur ")
            self.veld(paragraaf, " SEQ Figuur \\* ARABIC ", str(self.figuren))
            paragraaf.add_run(_tekst(f" – {titel.rstrip('.')}"))
        if svg is not None:
            self.doc.add_paragraph(
                "De grafiek staat in de HTML- en de PDF-versie van dit rapport; de cijfers staan in de "
                "tabellen.",
                style=self.stijl("Normal"),
            )
        for kind in el:
            if kind.tag not in ("figcaption",) and not (
                isinstance(kind.tag, str) and kind.tag.endswith("svg")
            ):
                self.blok(kind)

    def tabel(self, el: Element) -> None:
        caption = el.find("caption")
        if caption is not None:
            segs: list[Segment] = []
            self.segmenten(caption, _Opmaak(), segs)
            if any(t.strip() for t, _ in segs):
                self.tabellen += 1
                paragraaf = self.doc.add_paragraph(style=self.stijl("Caption"))
                paragraaf.add_run("Tabel ")
                self.veld(paragraaf, " SEQ Tabel \\* ARABIC ", str(self.tabellen))
                paragraaf.add_run(" – ")
                self.vul(paragraaf, segs)
                paragraaf.paragraph_format.keep_with_next = True
        rijen = []  # (cells, is_header, classes)
        for deel in el:
            if deel.tag in ("thead", "tbody", "tfoot"):
                for tr in deel:
                    if tr.tag == "tr":
                        rijen.append((tr, deel.tag == "thead"))
            elif deel.tag == "tr":
                rijen.append((deel, False))
        if not rijen:
            return
        breedte = max(sum(int(c.get("colspan") or 1) for c in tr if c.tag in ("td", "th")) for tr, _ in rijen)
        if breedte == 0:
            return
        self.zorg_voor_tabelstijl()
        tabel = self.doc.add_table(rows=len(rijen), cols=breedte)
        tabel.style = self.doc.styles[TABELSTIJL]
        tabel.alignment = self.TABEL_LINKS
        for (tr, kop), rij in zip(rijen, tabel.rows, strict=True):
            trpr = rij._tr.get_or_add_trPr()
            niet_splitsen = self.OxmlElement("w:cantSplit")
            trpr.append(niet_splitsen)
            if kop:
                herhaal = self.OxmlElement("w:tblHeader")
                trpr.append(herhaal)
            totaal = "totaal" in _klassen(tr)
            cellen = rij.cells
            kolom = 0
            for cel_el in tr:
                if cel_el.tag not in ("td", "th"):
                    continue
                span = max(1, int(cel_el.get("colspan") or 1))
                if kolom >= breedte:
                    break
                cel = cellen[kolom]
                if span > 1 and kolom + span - 1 < breedte:
                    cel = cel.merge(cellen[kolom + span - 1])
                segs = []
                self.segmenten(cel_el, _Opmaak(vet=kop or totaal or cel_el.tag == "th"), segs)
                paragraaf = cel.paragraphs[0]
                self.vul(paragraaf, segs)
                klassen = _klassen(cel_el)
                if "num" in klassen:
                    paragraaf.alignment = self.RECHTS
                kolom += span


def _pagina_opmaak(bouwer: _Bouwer, context: Context) -> None:
    """A4 with the running header and "pagina X van Y" (only where the house style has none of its own)."""
    from docx.shared import Mm

    from .pdf import pdf_context

    teksten = pdf_context(context)
    for sectie in bouwer.doc.sections:
        if not bouwer.eigen:
            sectie.page_width, sectie.page_height = Mm(210), Mm(297)
            sectie.left_margin = sectie.right_margin = Mm(20)
            sectie.top_margin, sectie.bottom_margin = Mm(22), Mm(20)
        kop = sectie.header
        if not any(p.text.strip() for p in kop.paragraphs) and not kop._element.findall(
            ".//" + bouwer.qn("w:fldSimple")
        ):
            p = kop.paragraphs[0] if kop.paragraphs else kop.add_paragraph()
            p.style = bouwer.stijl("Header")
            p.add_run(_tekst(f"{teksten['kop_links']} – {teksten['kop_rechts']}"))
        voet = sectie.footer
        heeft_velden = voet._element.findall(".//" + bouwer.qn("w:fldSimple")) or voet._element.findall(
            ".//" + bouwer.qn("w:instrText")
        )
        if not heeft_velden:
            p = voet.add_paragraph(style=bouwer.stijl("Footer"))
            p.add_run(_tekst(teksten["voet_links"]) + " – pagina ")
            bouwer.veld(p, " PAGE ", "1")
            p.add_run(" van ")
            bouwer.veld(p, " NUMPAGES ", "1")


def _eigenschappen(document: Any, context: Context) -> None:
    from .pdf import auteur

    moment = context.datum or context.stand
    tijd = dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.timezone.utc)
    kern = document.core_properties
    kern.title = _tekst(context.titel)
    kern.subject = _tekst(context.ondertitel or "")
    kern.author = _tekst(auteur(context))
    kern.last_modified_by = "regioplan"
    kern.language = "nl-NL"
    kern.created = kern.modified = tijd
    if kern.last_printed is not None:
        kern.last_printed = tijd
    kern.revision = 1
    kern.comments = ""
    kern.keywords = ""
    kern.category = ""


def _taal_nl(bouwer: _Bouwer) -> None:
    """Dutch proofing language on the Normal style (spelling check in Dutch for staff who edit the report)."""
    if "Normal" not in bouwer.stijlen:
        return
    rpr = bouwer.doc.styles["Normal"].element.get_or_add_rPr()
    for oud in rpr.findall(bouwer.qn("w:lang")):
        rpr.remove(oud)
    taal = bouwer.OxmlElement("w:lang")
    taal.set(bouwer.qn("w:val"), "nl-NL")
    rpr.append(taal)


def _vaste_zip(data: bytes) -> bytes:
    """The same .docx with fixed timestamps and order-preserving entries: same content, same bytes."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as bron, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            nieuw = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o644 << 16
            doel.writestr(nieuw, bron.read(info.filename))
    return uit.getvalue()


def maak_docx(html: str, context: Context, sjabloon: Path | None = None) -> bytes:
    """The .docx bytes of a rendered HTML report; ``sjabloon`` is the house-style document, if any."""
    import lxml.html

    document = open_sjabloon(sjabloon)
    bouwer = _Bouwer(document, context, eigen_sjabloon=sjabloon is not None)
    boom = lxml.html.document_fromstring(_tekst(html))
    body = boom.find("body")
    bouwer.container(body if body is not None else boom)
    _pagina_opmaak(bouwer, context)
    _eigenschappen(document, context)
    if sjabloon is None:
        _taal_nl(bouwer)
    buffer = io.BytesIO()
    document.save(buffer)
    return _vaste_zip(buffer.getvalue())
