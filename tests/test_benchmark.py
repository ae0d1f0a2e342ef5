"""benchmarks/run.py keeps working: one quick pass on a small generated set (nothing is timed here).

Why: the benchmark calls the library the way users do; when an API changes, a benchmark that quietly
reports "fout" for a row would hide exactly the regressions it exists to show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}


def test_benchmark_meet_elke_rij(tmp_path):
    nl = tmp_path / "nl"
    gen = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "nederland.py"),
            "--uit",
            str(nl),
            "--provincie",
            "Flevoland",
        ],
        env=OMGEVING,
        capture_output=True,
        text=True,
        check=False,
    )
    assert gen.returncode == 0, gen.stderr
    uit = tmp_path / "metingen.json"
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--nederland",
            str(nl),
            "--herhaal",
            "1",
            "--herhaal-nl",
            "1",
            "--uit",
            str(tmp_path / "uit"),
            "--json",
            str(uit),
        ],
        env=OMGEVING,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    metingen = json.loads(uit.read_text(encoding="utf-8"))
    assert not [
        m for m in metingen if m["waarde"] is None or "fout" in m["opmerking"] or "let op" in m["opmerking"]
    ]
    doelen = {m["naam"] for m in metingen if m["doel"] is not None}
    assert (
        len(doelen) == 5
    )  # the five targets of the issue: ratio, all reports, example pipeline, --help, memory
    verhouding = next(m for m in metingen if m["doel_is_verhouding"])
    assert verhouding["verhouding"] is not None and "vloer ernaast gemeten" in verhouding["opmerking"]
    assert "Oordeel" in r.stdout and "Nederland (1 provincies" in r.stdout
