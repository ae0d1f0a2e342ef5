"""How fast is ``regioplan verschil``: the matching of rows on its own, and a whole comparison.

    python benchmarks/verschil.py            # matching 1.000 / 4.000 / 16.000 renamed rows, example data
    python benchmarks/verschil.py --snel     # only the small sizes

The matching is meant to be linear (docs/verschil.md): the time per row should stay about the same as
the number of rows grows. Reported, not asserted (a shared machine makes timings noisy); CPU time
(user + sys) is printed beside the wall time.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from regioplan.api import verschil  # noqa: E402
from regioplan.verschil.koppeling import koppel  # noqa: E402
from regioplan.verschil.stand import Rij  # noqa: E402

VOORBEELD = ROOT / "voorbeelddata" / "overijssel-2024"
RONDE2 = ROOT / "voorbeelddata" / "overijssel-2025-ronde2"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rij(naam: str, capaciteit: int) -> Rij:
    return Rij(
        "asiel",
        naam,
        (("capaciteit", capaciteit), ("startdatum", "2024-01-01"), ("einddatum", "2027-01-01")),
        "telt",
    )


def meet(naam: str, functie) -> float:
    muur, cpu = time.perf_counter(), _cpu()
    functie()
    muur, cpu = time.perf_counter() - muur, _cpu() - cpu
    print(f"{naam:<58} {muur:7.3f} s  (cpu {cpu:6.3f} s)")
    return cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help="alleen de kleine aantallen")
    args = parser.parse_args(argv)
    for n in (1_000, 4_000) if args.snel else (1_000, 4_000, 16_000):
        oud = [_rij(f"Locatie {i} aan de Dorpsstraat", i) for i in range(n)]
        nieuw = [_rij(f"Locatie {i} Dorpsstraat", i) for i in range(n)]
        cpu = meet(f"koppel {n:>6} hernoemde rijen in één gemeente", lambda o=oud, w=nieuw: koppel(o, w))
        print(f"{'':<58} {1e6 * cpu / n:7.0f} µs cpu per rij")
        zelfde = [_rij(f"Locatie {i}", i) for i in range(n)]
        meet(f"koppel {n:>6} rijen met dezelfde naam", lambda z=zelfde: koppel(z, list(z)))
    meet("verschil voorbeelddata (twee mappen)", lambda: verschil(str(VOORBEELD), str(RONDE2)))
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        env = ["-c", "user.name=b", "-c", "user.email=b@example.org"]
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
        for i, bron in enumerate((VOORBEELD, RONDE2)):
            (repo / "w").mkdir(exist_ok=True)
            for p in (repo / "w").glob("*.xlsx"):
                p.unlink()
            for p in bron.glob("*.xlsx"):
                shutil.copyfile(p, repo / "w" / p.name)
            subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
            subprocess.run(["git", *env, "commit", "-q", "-m", f"ronde {i + 1}"], cwd=repo, check=True)
        meet(
            "verschil voorbeelddata (twee git-revisies)", lambda: verschil("main~1:w", "main:w", werkmap=repo)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
