"""How long a PDF (and a Word document) of each Overijssel report takes; not a test, a measurement.

    python benchmarks/pdf.py               # 3 runs per report, median wall and CPU time
    python benchmarks/pdf.py --herhaal 5

The workbooks are read and computed once; what is timed is only turning one report's rendered HTML into
PDF (WeasyPrint: layout + writing) and into .docx (python-docx). Pages per report are printed beside the
times. On a shared machine the wall time swings with other work; the CPU time (user + sys of this process)
much less. Target (reported, not asserted): PDF under 2 s per report.

Then the whole set as `regioplan rapport --regio alle --formaat pdf` makes it (reading, computing and writing
included), one report after another and in parallel processes (one per core; see regioplan.rapport.parallel).

    python benchmarks/pdf.py --chromium    # also: the same HTML + pdf.css printed by headless Chromium

The Chromium line is a comparison, not a product path: one `chromium --headless --print-to-pdf` per report
(browser start included), single pass, so without the page numbers in the table of contents (Chromium has no
`target-counter`; they would need a second pass).
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _meet(functie, herhaal: int) -> tuple[float, float, object]:
    wand, cpu, uitkomst = [], [], None
    for _ in range(herhaal):
        w0, c0 = time.perf_counter(), time.process_time()
        uitkomst = functie()
        wand.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wand), statistics.median(cpu), uitkomst


def main(argv: list[str] | None = None) -> int:
    from pypdf import PdfReader

    from regioplan.api import bereken
    from regioplan.config import laad_config
    from regioplan.rapport import bouw_context
    from regioplan.rapport.context import rapport_sleutels
    from regioplan.rapport.schrijven import render, render_docx, render_pdf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--map", type=Path, default=ROOT / "voorbeelddata" / "overijssel-2024")
    parser.add_argument("--chromium", action="store_true", help="ook headless Chromium ter vergelijking")
    args = parser.parse_args(argv)

    resultaat = bereken(args.map)
    render_pdf(bouw_context(resultaat, "twente"), "<p>opwarmen</p>")  # imports and font set-up once
    print(f"{'rapport':<34} {'pagina’s':>8} {'PDF wand':>9} {'PDF cpu':>8} {'Word wand':>10} {'Word cpu':>9}")
    for sleutel in rapport_sleutels(laad_config(args.map), ["alle"]):
        context = bouw_context(resultaat, sleutel)
        html = render(context, "html")
        pdf_wand, pdf_cpu, pdf = _meet(lambda c=context, h=html: render_pdf(c, h), args.herhaal)
        docx_wand, docx_cpu, _ = _meet(lambda c=context, h=html: render_docx(c, h), args.herhaal)
        paginas = len(PdfReader(io.BytesIO(pdf)).pages)
        print(
            f"{context.bestandsnaam:<34} {paginas:>8} {pdf_wand:>8.2f}s {pdf_cpu:>7.2f}s "
            f"{docx_wand:>9.2f}s {docx_cpu:>8.2f}s"
        )
        if args.chromium:
            _chromium(context, html, args.herhaal)
    _set(args.map, len(rapport_sleutels(laad_config(args.map), ["alle"])))
    return 0


def _set(map_: Path, aantal: int) -> None:
    """The whole set as the CLI makes it, one by one and in parallel (wall time: CPU is spread out)."""
    from regioplan.api import schrijf_rapporten
    from regioplan.rapport.parallel import aantal_processen

    for processen in sorted({1, aantal_processen(aantal, ("pdf",))}):
        with tempfile.TemporaryDirectory() as uit:
            w0 = time.perf_counter()
            schrijf_rapporten(map_, ["alle"], Path(uit), formaten=("pdf",), processen=processen)
            wand = time.perf_counter() - w0
        print(
            f"set van {aantal} rapporten als PDF, {processen} {'proces' if processen == 1 else 'processen'}: "
            f"{wand:.1f}s wand, {wand / aantal:.1f}s per rapport"
        )


def _chromium(context, html: str, herhaal: int) -> None:
    """The same HTML, with pdf.css, printed by headless Chromium (browser start included)."""
    from regioplan.rapport.pdf import pdf_context
    from regioplan.rapport.schrijven import render_sjabloon

    browser = next((shutil.which(n) for n in ("chromium", "google-chrome") if shutil.which(n)), None)
    if browser is None:
        print("  chromium: niet gevonden")
        return
    css = render_sjabloon("pdf.css.j2", {**context.variabelen(), "pdf": pdf_context(context)})
    with tempfile.TemporaryDirectory() as tmp:
        bron = Path(tmp) / "rapport.html"
        bron.write_text(html.replace("</head>", f"<style>{css}</style></head>", 1), encoding="utf-8")
        opdracht = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/profiel",
            "--no-pdf-header-footer", f"--print-to-pdf={tmp}/rapport.pdf", bron.as_uri(),
        ]  # fmt: skip
        wand = []
        for _ in range(herhaal):
            w0 = time.perf_counter()
            subprocess.run(opdracht, capture_output=True, check=True, timeout=300)
            wand.append(time.perf_counter() - w0)
    print(
        f"  chromium (één keer afdrukken, zonder paginanummers in de inhoud): {statistics.median(wand):.2f}s"
    )


if __name__ == "__main__":
    sys.exit(main())
