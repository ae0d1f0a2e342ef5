"""How long a PDF (and a Word document) of each Overijssel report takes; not a test, a measurement.

    python benchmarks/pdf.py               # 3 runs per report, median wall and CPU time
    python benchmarks/pdf.py --herhaal 5

The workbooks are read and computed once; what is timed is only turning one report's rendered HTML into
PDF (WeasyPrint: layout + writing) and into .docx (python-docx). Pages per report are printed beside the
times. On a shared machine the wall time swings with other work; the CPU time (user + sys of this process)
much less. Target (reported, not asserted): PDF under 2 s per report.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
