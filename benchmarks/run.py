"""How fast is regioplan, measured against the cost of merely reading the workbooks.

Why a floor: reading the .xlsx files with python-calamine is work regioplan cannot avoid, so every
timing is also shown as a multiple of that raw read ("x vloer"). A slow step shows up as a large
multiple, independent of the machine. Timings are the median of several runs in this process (imports
already done); start-up is timed separately in subprocesses, and peak memory in a child process that
does the whole national run, so the measurements do not disturb each other.

    python benchmarks/run.py                      # example data + a national set generated into a temp dir
    python benchmarks/run.py --nederland /tmp/nl  # reuse (or create) a generated national set
    python benchmarks/run.py --herhaal 3 --json uitvoer/benchmark.json

The CPU column (user + sys of the same runs) is printed beside the wall time: on a shared machine the
wall time swings with other work, the CPU time much less.

Targets (reported, not asserted): national valideer+bereken <= 5x the raw read; all reports for the
national set < 3 s; example data whole pipeline < 1 s; ``regioplan --help`` < 0.3 s; peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
for _p in (str(ROOT), str(HIER)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

VOORBEELD = ROOT / "voorbeelddata" / "overijssel-2024"
RAPPORTDATUM = dt.date(2024, 10, 1)
OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}

DOEL_VERHOUDING = 5.0  #: national valideer+bereken, as a multiple of the raw read
DOEL_RAPPORTEN = 3.0  #: seconds, every report of the national set
DOEL_VOORBEELD = 1.0  #: seconds, the whole pipeline on the example data
DOEL_HULP = 0.3  #: seconds, ``regioplan --help``
DOEL_GEHEUGEN = 300.0  #: MB, peak RSS of the national run


@dataclass
class Meting:
    groep: str
    naam: str
    waarde: float | None = None  #: seconds (or MB for memory); None = not measured
    eenheid: str = "s"
    vloer: float | None = None  #: the floor of this group, for the ratio
    doel: float | None = None
    doel_is_verhouding: bool = False  #: the target is a multiple of the floor, not an absolute value
    opmerking: str = ""
    runs: list[float] = field(default_factory=list)
    cpu: float | None = None  #: median CPU seconds (user + sys) of the same runs: steadier on a busy machine
    vloer_cpu: float | None = None

    @property
    def verhouding(self) -> float | None:
        if self.waarde is None or not self.vloer or self.eenheid != "s":
            return None
        return self.waarde / self.vloer

    @property
    def verhouding_cpu(self) -> float | None:
        if self.cpu is None or not self.vloer_cpu:
            return None
        return self.cpu / self.vloer_cpu

    @property
    def gehaald(self) -> bool | None:
        if self.doel is None or self.waarde is None:
            return None
        return (self.verhouding or 0) <= self.doel if self.doel_is_verhouding else self.waarde < self.doel

    def als_dict(self) -> dict:
        return {
            "groep": self.groep,
            "naam": self.naam,
            "waarde": self.waarde,
            "cpu": self.cpu,
            "eenheid": self.eenheid,
            "verhouding": self.verhouding,
            "verhouding_cpu": self.verhouding_cpu,
            "doel": self.doel,
            "doel_is_verhouding": self.doel_is_verhouding,
            "gehaald": self.gehaald,
            "opmerking": self.opmerking,
            "runs": self.runs,
        }


def _cpu() -> float:
    eigen, kinderen = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kinderen.ru_utime + kinderen.ru_stime


# ---------------------------------------------------------------- the steps


def provinciemappen(map_: Path) -> list[Path]:
    """The folder itself when it holds workbooks, else its subfolders that do (one per province)."""
    if any(map_.glob("*.xlsx")):
        return [map_]
    return sorted(p for p in map_.iterdir() if p.is_dir() and any(p.glob("*.xlsx")))


def werkboeken(mappen: Sequence[Path]) -> list[Path]:
    return [f for m in mappen for f in sorted(m.glob("*.xlsx"))]


def ruw_lezen(bestanden: Sequence[Path]) -> int:
    """The floor: open every workbook with calamine and turn every sheet into Python values."""
    from python_calamine import CalamineWorkbook

    cellen = 0
    for f in bestanden:
        wb = CalamineWorkbook.from_path(str(f))
        for naam in wb.sheet_names:
            rijen = wb.get_sheet_by_name(naam).to_python(skip_empty_area=False)
            cellen += sum(len(r) for r in rijen)
    return cellen


def valideer_alle(mappen: Sequence[Path]) -> list:
    from regioplan import api

    return [api.valideer(m) for m in mappen]


def bereken_alle(mappen: Sequence[Path]) -> list:
    from regioplan import api

    return [api.bereken(m) for m in mappen]


def rapport_sleutels(map_: Path) -> list[str]:
    """Every regio of the folder's configuration, then the province: what ``--regio alle`` writes."""
    from regioplan.config import laad_config
    from regioplan.rapport.context import ALLE
    from regioplan.rapport.context import rapport_sleutels as sleutels

    return sleutels(laad_config(map_), [ALLE])


def rapport_status(uit: Path) -> str:
    """ "" when ``regioplan.api.rapporten`` works on the example data; else why not."""
    from regioplan import api

    try:
        api.rapporten(
            VOORBEELD,
            rapport_sleutels(VOORBEELD)[:1],
            uit / "proef",
            formaten=("md", "html"),
            datum=RAPPORTDATUM,
        )
    except Exception as fout:  # noqa: BLE001 - the benchmark reports, it does not judge
        return f"niet beschikbaar ({type(fout).__name__}: {fout})"
    return ""


def rapporten_alle(mappen: Sequence[Path], uit: Path) -> int:
    """Every report through the public API, as ``regioplan rapport MAP --regio alle`` does it: one reading
    per folder (province), then every regio and the provincial verslag."""
    from regioplan import api

    return sum(
        len(api.rapporten(m, ["alle"], uit / m.name, formaten=("md", "html"), datum=RAPPORTDATUM))
        for m in mappen
    )


def rapporten_elk_apart(mappen: Sequence[Path], uit: Path) -> int:
    """Every report with one ``api.rapport`` call each (each reads its folder): what the one reading saves."""
    from regioplan import api

    return sum(
        len(api.rapport(m, sleutel, uit / m.name / sleutel, formaten=("md", "html"), datum=RAPPORTDATUM))
        for m in mappen
        for sleutel in rapport_sleutels(m)
    )


def renderen(resultaten: dict[Path, object], uit: Path) -> int:
    """Every report from computations made beforehand: what rendering alone costs."""
    from regioplan.rapport import schrijf_rapport

    n = 0
    for m, resultaat in resultaten.items():
        for sleutel in rapport_sleutels(m):
            n += len(
                schrijf_rapport(
                    resultaat, sleutel, uit / m.name / sleutel, formaten=("md", "html"), datum=RAPPORTDATUM
                )
            )
    return n


def een_keer_lezen(mappen: Sequence[Path], uit: Path | None) -> None:
    """Read and check once, then validation result, computation and (with ``uit``) every report from that
    one reading: the least a pipeline can cost
    (api.lees + Validatie + berekening.bereken + schrijf_rapport)."""
    from regioplan import api
    from regioplan.berekening import bereken
    from regioplan.controles import Validatie

    for m in mappen:
        invoer = api.lees(m)
        Validatie.van(invoer)
        resultaat = bereken(invoer)
        if uit is not None:
            renderen({m: resultaat}, uit)


def keten(mappen: Sequence[Path], uit: Path, met_rapport: bool) -> None:
    """What CI runs: ``valideer``, ``bereken`` and ``rapport --regio alle``, each its own library call."""
    valideer_alle(mappen)
    bereken_alle(mappen)
    if met_rapport:
        rapporten_alle(mappen, uit)


def regioplan_commando() -> list[str]:
    script = Path(sys.executable).parent / "regioplan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "regioplan"]


def tijd(
    groep: str,
    naam: str,
    fn: Callable[[], object],
    herhaal: int,
    *,
    vloer_fn: Callable[[], object] | None = None,
    **kenmerken: object,
) -> Meting:
    """Time ``fn``; a step that fails is reported in its row, not hidden.

    With ``vloer_fn`` the floor is timed right before every run of ``fn`` and the row gets its own floor
    (the median of those runs). On a shared machine the speed drifts over seconds; a floor measured a
    minute earlier would move the ratio by 20-30 %, one measured alongside does not.
    """
    opmerking = str(kenmerken.pop("opmerking", ""))
    vloer_runs: list[float] = []
    vloer_cpu: list[float] = []
    eigen_runs: list[float] = []
    eigen_cpu: list[float] = []

    def een() -> None:
        if vloer_fn is not None:
            c, t = _cpu(), time.perf_counter()
            vloer_fn()
            vloer_runs.append(time.perf_counter() - t)
            vloer_cpu.append(_cpu() - c)
        t0, c0 = time.perf_counter(), _cpu()
        fn()
        eigen_runs.append(time.perf_counter() - t0)
        eigen_cpu.append(_cpu() - c0)

    try:
        for _ in range(max(1, herhaal)):
            een()
    except Exception as fout:  # noqa: BLE001 - the benchmark reports, it does not judge
        return Meting(groep, naam, opmerking=f"fout: {type(fout).__name__}: {fout}", **kenmerken)
    m = Meting(
        groep,
        naam,
        statistics.median(eigen_runs),
        runs=eigen_runs,
        cpu=statistics.median(eigen_cpu),
        opmerking=opmerking,
        **kenmerken,
    )
    if vloer_runs:
        m.vloer, m.vloer_cpu = statistics.median(vloer_runs), statistics.median(vloer_cpu)
        m.opmerking = (m.opmerking + "; " if m.opmerking else "") + f"vloer ernaast gemeten: {_duur(m.vloer)}"
    return m


def subprocess_meting(
    groep: str,
    naam: str,
    cmds: list[list[str]],
    herhaal: int,
    *,
    doel: float | None = None,
    goed: tuple[int, ...] = (0,),
) -> Meting:
    """Wall time of whole processes run one after the other (start-up included); an unexpected exit code
    is noted, not hidden."""
    codes: list[int] = []

    def een() -> None:
        for cmd in cmds:
            codes.append(
                subprocess.run(
                    cmd,
                    env=OMGEVING,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                    cwd=ROOT,
                ).returncode
            )

    een()  # warm the file cache and .pyc files; the first start-up after an edit is not the typical one
    m = tijd(groep, naam, een, herhaal, doel=doel)
    fout = sorted({c for c in codes if c not in goed})
    if fout:
        m.opmerking = f"let op: exitcode {fout} (gemeten tot de fout)"
    return m


def geheugen_kind(map_: Path, uit: Path) -> dict:
    """Run in a child process: the whole national pipeline; report the peak RSS of that process."""
    mappen = provinciemappen(map_)
    met_rapport = not rapport_status(uit)
    keten(mappen, uit, met_rapport)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    mb = rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux
    return {"maxrss_mb": mb, "rapport": met_rapport}


# ---------------------------------------------------------------- the run


def meet(
    nederland: Path, uit: Path, herhaal: int, herhaal_nl: int, log: Callable[[str], None]
) -> list[Meting]:
    from regioplan import api  # imports are not what the in-process timings measure

    metingen: list[Meting] = []
    geen_rapport = rapport_status(uit)
    met_rapport = not geen_rapport

    # example data
    vb = provinciemappen(VOORBEELD)
    vb_boeken = werkboeken(vb)
    g = f"Voorbeeld ({VOORBEELD.name}, {len(vb_boeken)} werkboeken)"
    log(g)
    vloer = tijd(g, "calamine ruw lezen (vloer)", lambda: ruw_lezen(vb_boeken), herhaal)
    metingen += [
        vloer,
        tijd(g, "valideer", lambda: valideer_alle(vb), herhaal, vloer=vloer.waarde),
        tijd(g, "bereken", lambda: bereken_alle(vb), herhaal, vloer=vloer.waarde),
    ]
    sleutels = sum(len(rapport_sleutels(m)) for m in vb)
    if met_rapport:
        metingen.append(
            tijd(
                g,
                f"rapport --regio alle ({sleutels}x md+html)",
                lambda: rapporten_alle(vb, uit / "voorbeeld"),
                herhaal,
                vloer=vloer.waarde,
            )
        )
    else:
        metingen.append(Meting(g, f"rapport ({sleutels}x)", opmerking=geen_rapport))
    metingen.append(
        tijd(
            g,
            "hele keten: valideer + bereken + rapport --regio alle",
            lambda: keten(vb, uit / "voorbeeld", met_rapport),
            herhaal,
            vloer=vloer.waarde,
            doel=DOEL_VOORBEELD,
            opmerking="" if met_rapport else "zonder rapport: " + geen_rapport,
        )
    )
    metingen.append(
        tijd(
            g,
            "  idem, één keer lezen (api.lees + Validatie + bereken + render)",
            lambda: een_keer_lezen(vb, uit / "voorbeeld-1x" if met_rapport else None),
            herhaal,
            vloer=vloer.waarde,
        )
    )

    # national set
    mappen = provinciemappen(nederland)
    boeken = werkboeken(mappen)
    omvang = sum(f.stat().st_size for f in boeken) / 1024 / 1024
    g = f"Nederland ({len(mappen)} provincies, {len(boeken)} werkboeken, {omvang:.1f} MB)"
    log(g)
    vloer = tijd(g, "calamine ruw lezen (vloer)", lambda: ruw_lezen(boeken), herhaal_nl)
    metingen.append(vloer)
    vloer_nl = lambda: ruw_lezen(boeken)  # noqa: E731 - timed alongside each run, see tijd()
    for naam, fn in (("valideer", lambda: valideer_alle(mappen)), ("bereken", lambda: bereken_alle(mappen))):
        metingen.append(tijd(g, naam, fn, herhaal_nl, vloer_fn=vloer_nl))
        log(f"  {naam}: {metingen[-1].waarde}")

    def valideer_en_bereken() -> None:
        valideer_alle(mappen)
        bereken_alle(mappen)

    metingen.append(
        tijd(
            g,
            "valideer + bereken (twee aanroepen, zoals de CLI)",
            valideer_en_bereken,
            herhaal_nl,
            vloer_fn=vloer_nl,
            doel=DOEL_VERHOUDING,
            doel_is_verhouding=True,
        )
    )
    metingen.append(
        tijd(
            g,
            "  idem, één keer lezen (api.lees + Validatie + bereken)",
            lambda: een_keer_lezen(mappen, None),
            herhaal_nl,
            vloer_fn=vloer_nl,
        )
    )
    aantal = sum(len(rapport_sleutels(m)) for m in mappen)
    if met_rapport:
        metingen.append(
            tijd(
                g,
                f"alle rapporten: rapport --regio alle per provincie ({aantal}x md+html)",
                lambda: rapporten_alle(mappen, uit / "nederland"),
                herhaal_nl,
                vloer=vloer.waarde,
                doel=DOEL_RAPPORTEN,
            )
        )
        log(f"  rapporten: {metingen[-1].waarde}")
        resultaten = {m: api.bereken(m) for m in mappen}
        metingen.append(
            tijd(
                g,
                f"  waarvan renderen ({aantal}x md+html, resultaat al berekend)",
                lambda: renderen(resultaten, uit / "nederland-render"),
                herhaal_nl,
                vloer=vloer.waarde,
            )
        )
        metingen.append(
            tijd(
                g,
                f"  ter vergelijking: elk rapport apart ({aantal}x lezen)",
                lambda: rapporten_elk_apart(mappen, uit / "nederland-apart"),
                1,
                vloer=vloer.waarde,
            )
        )
    else:
        metingen.append(Meting(g, f"alle rapporten ({aantal}x)", doel=DOEL_RAPPORTEN, opmerking=geen_rapport))

    # start-up and memory, in subprocesses
    g = "Opstart en geheugen (subprocessen, hele proces)"
    log(g)
    cmd = regioplan_commando()
    vb_cmds = [
        [*cmd, "valideer", str(VOORBEELD)],
        [*cmd, "bereken", str(VOORBEELD)],
        [
            *cmd,
            "rapport",
            str(VOORBEELD),
            "--regio",
            "alle",
            "--uit",
            str(uit / "cli"),
            "--datum",
            RAPPORTDATUM.isoformat(),
        ],
    ]
    metingen.append(subprocess_meting(g, "regioplan --help", [[*cmd, "--help"]], herhaal, doel=DOEL_HULP))
    metingen.append(
        subprocess_meting(g, "python -c pass (kale interpreter)", [[sys.executable, "-c", "pass"]], herhaal)
    )
    metingen.append(
        subprocess_meting(
            g, "python -c 'import regioplan.api'", [[sys.executable, "-c", "import regioplan.api"]], herhaal
        )
    )
    metingen.append(
        subprocess_meting(g, "regioplan valideer voorbeelddata", vb_cmds[:1], herhaal, goed=(0, 1))
    )
    metingen.append(subprocess_meting(g, "regioplan bereken voorbeelddata", vb_cmds[1:2], herhaal))
    if met_rapport:
        metingen.append(
            subprocess_meting(g, "regioplan rapport voorbeelddata --regio alle", vb_cmds[2:], herhaal)
        )
        metingen.append(
            subprocess_meting(
                g, "  de drie commando's na elkaar (wat CI draait)", vb_cmds, herhaal, goed=(0, 1)
            )
        )
    log("  geheugen: nationale keten in een kindproces")
    kind = subprocess.run(
        [sys.executable, __file__, "--geheugen-kind", str(nederland), "--uit", str(uit / "geheugen")],
        env=OMGEVING,
        capture_output=True,
        text=True,
        check=False,
    )
    if kind.returncode == 0:
        d = json.loads(kind.stdout.strip().splitlines()[-1])
        wat = "valideer+bereken+rapporten" if d["rapport"] else "valideer+bereken (zonder rapport)"
        metingen.append(
            Meting(g, f"piekgeheugen nationaal: {wat}", d["maxrss_mb"], eenheid="MB", doel=DOEL_GEHEUGEN)
        )
    else:
        metingen.append(
            Meting(
                g,
                "piekgeheugen nationaal",
                eenheid="MB",
                doel=DOEL_GEHEUGEN,
                opmerking="kindproces faalde: " + (kind.stderr.strip().splitlines() or ["?"])[-1],
            )
        )
    vloeren = {m.groep: m.cpu for m in metingen if m.naam.startswith("calamine")}
    for m in metingen:
        if m.vloer and m.vloer_cpu is None:
            m.vloer_cpu = vloeren.get(m.groep)
    return metingen


def _duur(seconden: float | None) -> str:
    if seconden is None:
        return "-"
    return f"{seconden * 1000:.0f} ms" if seconden < 10 else f"{seconden:.1f} s"


def tabel(metingen: Sequence[Meting]) -> str:
    regels = []
    kop = f"{'Meting':<58} {'Mediaan':>9} {'CPU':>9} {'x vloer':>8} {'(cpu)':>7}  {'Doel':<14} {'Oordeel':<7}"
    groep = None
    for m in metingen:
        if m.groep != groep:
            groep = m.groep
            regels += ["", groep, kop, "-" * len(kop)]
        if m.eenheid == "MB":
            waarde = "-" if m.waarde is None else f"{m.waarde:.0f} MB"
        else:
            waarde = _duur(m.waarde)
        cpu = _duur(m.cpu) if m.cpu is not None else ""
        verhouding = f"{m.verhouding:.2f}x" if m.verhouding is not None else ""
        verhouding_cpu = f"{m.verhouding_cpu:.2f}x" if m.verhouding_cpu is not None else ""
        if m.doel is None:
            doel = ""
        elif m.doel_is_verhouding:
            doel = f"<= {m.doel:g}x vloer"
        elif m.eenheid == "MB":
            doel = f"< {m.doel:g} MB"
        else:
            doel = f"< {m.doel:g} s"
        oordeel = {True: "gehaald", False: "NIET", None: ""}[m.gehaald]
        regels.append(
            (
                f"{m.naam[:58]:<58} {waarde:>9} {cpu:>9} {verhouding:>8} {verhouding_cpu:>7}  "
                f"{doel:<14} {oordeel:<7}"
            ).rstrip()
        )
        if m.opmerking:
            regels.append(f"    {m.opmerking}")
    return "\n".join(regels).lstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Meet regioplan op de voorbeelddata en op een landelijke set."
    )
    parser.add_argument(
        "--nederland", type=Path, help="map met de landelijke set (wordt gemaakt als ze leeg is of ontbreekt)"
    )
    parser.add_argument(
        "--herhaal", type=int, default=5, help="runs per meting op de voorbeelddata en bij opstart (mediaan)"
    )
    parser.add_argument(
        "--herhaal-nl", type=int, default=3, help="runs per meting op de landelijke set (mediaan)"
    )
    parser.add_argument(
        "--uit", type=Path, help="map voor de rapporten die de benchmark schrijft (standaard tijdelijk)"
    )
    parser.add_argument("--json", type=Path, help="schrijf de metingen ook als JSON")
    parser.add_argument("--geheugen-kind", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="regioplan-benchmark-") as tijdelijk:
        uit = args.uit or Path(tijdelijk) / "uit"
        if args.geheugen_kind:
            print(json.dumps(geheugen_kind(args.geheugen_kind, uit)))
            return 0

        def log(tekst: str) -> None:
            print(tekst, file=sys.stderr, flush=True)

        nederland = args.nederland or Path(tijdelijk) / "nederland"
        if not nederland.exists() or not provinciemappen(nederland):
            import nederland as generator

            log(f"landelijke set genereren in {nederland} ...")
            t = time.perf_counter()
            generator.genereer(nederland)
            log(f"  klaar in {time.perf_counter() - t:.1f} s")
        metingen = meet(nederland, uit, args.herhaal, args.herhaal_nl, log)
        print(tabel(metingen))
        print(
            f"\nMediaan van {args.herhaal} runs (voorbeeld, opstart) en {args.herhaal_nl} runs (Nederland); "
            f"Python {sys.version.split()[0]}, {os.cpu_count()} cpu's, belasting {os.getloadavg()[0]:.1f}. "
            "Het oordeel "
            "gaat over de wandtijd; ligt die ver boven de CPU-tijd, dan was de machine druk bezet."
        )
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(
                json.dumps([m.als_dict() for m in metingen], indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
