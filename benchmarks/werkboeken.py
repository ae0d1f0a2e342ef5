"""The worst workbooks from practice (issue #13): time and peak memory of one `valideer` run each.

Each case is the example data (26 workbooks) with Almelo's workbook replaced by a broken one, so a row
also shows that one bad file does not stop the others. Measured with ``/usr/bin/time -v`` in a child
process under an address-space limit (default 6 GB: an old reader asked 512 GB for one stray cell and
would take the machine down with it). Nothing is asserted; the numbers go in the notes.

    python benchmarks/werkboeken.py                      # this checkout
    python benchmarks/werkboeken.py --bron /pad/naar/oud # another checkout (its regioplan/ on PYTHONPATH)

Targets (issue #13): each case under 2 s and 300 MB, exit 0, 1 or 2, output within the CI limits
(GitHub job summary at most 1 MiB). CPU (user + sys) is printed beside the wall time: on a shared machine the
wall time mostly measures the other work.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "voorbeelddata" / "overijssel-2024"
DOEL_S, DOEL_MB = 2.0, 300.0
MIB = 1024 * 1024


def _vervang(pad: Path, delen: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            doel.writestr(info.filename, delen.get(info.filename, bron.read(info.filename)))
    pad.write_bytes(buffer.getvalue())


def _met_rijen(pad: Path, deel: str, rijen: bytes) -> None:
    with zipfile.ZipFile(pad) as z:
        xml = z.read(deel)
    _vervang(pad, {deel: xml.replace(b"</sheetData>", rijen + b"</sheetData>")})


def _cel(cel: str) -> bytes:
    rij = re.sub(r"\D", "", cel)
    return f'<row r="{rij}"><c r="{cel}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()


def xfd(pad: Path) -> None:
    """One stray value at XFD1048576 on Asiel (a Ctrl+End slip)."""
    _met_rijen(pad, "xl/worksheets/sheet3.xml", _cel("XFD1048576"))


def az(pad: Path) -> None:
    """One value at AZ1000000 on Asiel."""
    _met_rijen(pad, "xl/worksheets/sheet3.xml", _cel("AZ1000000"))


def az_zes(pad: Path) -> None:
    """The same in six sheets."""
    with zipfile.ZipFile(pad) as z:
        delen = {f"xl/worksheets/sheet{i}.xml": z.read(f"xl/worksheets/sheet{i}.xml") for i in range(3, 9)}
    _vervang(
        pad, {d: x.replace(b"</sheetData>", _cel("AZ1000000") + b"</sheetData>") for d, x in delen.items()}
    )


def rijen_200k(pad: Path) -> None:
    """Asiel with 200.000 rows, each with a text capacity and empty required cells (5+ findings a row)."""
    with zipfile.ZipFile(pad) as z:
        xml = z.read("xl/worksheets/sheet3.xml")
    begin = int(re.findall(rb'<row r="(\d+)"', xml)[-1]) + 1
    rijen = b"".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Locatie {r}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>veel</t></is></c></row>'.encode()
        for r in range(begin, begin + 200_000)
    )
    _met_rijen(pad, "xl/worksheets/sheet3.xml", rijen)


def vervangt(pad: Path, aantal: int = 8000) -> None:
    """Asiel with ``aantal`` valid rows, each replacing a location that does not exist."""
    from openpyxl import load_workbook

    wb = load_workbook(pad)
    ws = wb["Asiel"]
    kop = [c.value for c in ws[1]]
    voorbeeld = [c.value for c in ws[2]]
    ws.delete_rows(2, ws.max_row)
    for i in range(aantal):
        rij = list(voorbeeld)
        rij[kop.index("Locatie")] = f"Locatie {i}"
        rij[kop.index("Vervangt")] = f"Lokatie {i + 1} oud"
        ws.append(rij)
    wb.save(pad)


def schoon(pad: Path) -> None:
    """Nothing changed: the floor (start-up and 26 good workbooks) for the rows below."""


GEVALLEN = {
    "schoon": schoon,
    "xfd1048576": xfd,
    "az1000000": az,
    "az1000000-zes-bladen": az_zes,
    "asiel-200000-rijen": rijen_200k,
    "vervangt-8000-rijen": vervangt,
}


def meet(map_: Path, vorm: str, bron: Path, limiet_gb: float, werk: Path) -> dict:
    """One ``regioplan valideer`` in a child process under /usr/bin/time -v."""
    omgeving = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONPATH": str(bron)}
    samenvatting = werk / "samenvatting.md"
    samenvatting.write_text("")
    omgeving["GITHUB_STEP_SUMMARY"] = str(samenvatting)
    uitvoer = werk / "uitvoer"
    limiet = int(limiet_gb * 1024**3)

    def begrens() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limiet, limiet))

    begin = time.perf_counter()
    with uitvoer.open("wb") as uit:
        r = subprocess.run(
            [
                "/usr/bin/time",
                "-v",
                sys.executable,
                "-m",
                "regioplan",
                "valideer",
                str(map_),
                "--formaat",
                vorm,
            ],
            stdout=uit,
            stderr=subprocess.PIPE,
            env=omgeving,
            cwd=werk,
            preexec_fn=begrens,
            check=False,
        )
    wand = time.perf_counter() - begin
    fout = r.stderr.decode(errors="replace")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", fout)
    code = re.search(r"Exit status: (\d+)", fout)
    signaal = re.search(r"Command terminated by signal (\d+)", fout)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", fout))
    return {
        "vorm": vorm,
        "s": round(wand, 2),
        "cpu": round(cpu, 2),
        "mb": round(int(rss[1]) / 1024) if rss else None,
        "exit": 128 + int(signaal[1]) if signaal else (int(code[1]) if code else None),  # 134: abort
        "uitvoer_mib": round(uitvoer.stat().st_size / MIB, 2),
        "samenvatting_mib": round(samenvatting.stat().st_size / MIB, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bron", type=Path, default=ROOT, help="checkout waarvan regioplan/ gemeten wordt")
    parser.add_argument("--geval", action="append", choices=sorted(GEVALLEN), help="alleen dit geval")
    parser.add_argument("--vorm", action="append", choices=["tekst", "json", "github", "junit"])
    parser.add_argument("--limiet-gb", type=float, default=6.0, help="adresruimte per run (bescherming)")
    args = parser.parse_args(argv)
    vormen = args.vorm or ["tekst", "json", "github"]
    print(
        "| Geval | Formaat | Tijd (s) | CPU (s) | Piekgeheugen (MB) | Exit | Uitvoer (MiB) | Job summary (MiB) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for naam in args.geval or list(GEVALLEN):
            map_ = Path(tmp) / naam
            shutil.copytree(VOORBEELD, map_, ignore=shutil.ignore_patterns("bron", "notities"))
            GEVALLEN[naam](map_ / "almelo.xlsx")
            for vorm in vormen:
                m = meet(map_, vorm, args.bron.resolve(), args.limiet_gb, Path(tmp))
                print(
                    f"| {naam} | {vorm} | {m['s']} | {m['cpu']} | {m['mb']} | {m['exit']} | {m['uitvoer_mib']} "
                    f"| {m['samenvatting_mib']} |",
                    flush=True,
                )
    print(f"\nDoel: elk geval < {DOEL_S} s en < {DOEL_MB:.0f} MB, exit 0/1/2, job summary < 1 MiB.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
