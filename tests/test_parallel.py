"""Several reports in parallel processes (regioplan.rapport.parallel): same files, order, whole errors."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from regioplan.fouten import RegioplanFout
from regioplan.rapport.parallel import Voortgang, aantal_processen, per_rapport

from .conftest import VOORBEELD


def kwadraat_met_pid(sleutel: str) -> tuple[str, int, int]:
    """A task for a pool: module level, so a spawned process can import it."""
    return sleutel, int(sleutel) ** 2, os.getpid()


def faal_bij_drie(sleutel: str) -> str:
    if sleutel == "3":
        raise RegioplanFout("sjabloon-fout", f"rapport {sleutel} gaat mis", "kijk in het sjabloon")
    return sleutel


def test_per_rapport_geeft_de_volgorde_van_de_sleutels_en_gebruikt_andere_processen():
    sleutels = [str(i) for i in range(6)]
    gezien: list[Voortgang] = []
    uit = per_rapport(sleutels, kwadraat_met_pid, 2, gezien.append, eerst=["5"])
    assert [(s, k) for s, k, _ in uit] == [(s, int(s) ** 2) for s in sleutels]
    pids = {pid for _, _, pid in uit}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert [v.nummer for v in gezien] == [1, 2, 3, 4, 5, 6]
    assert {v.sleutel for v in gezien} == set(sleutels) and {v.totaal for v in gezien} == {6}


def test_per_rapport_met_een_proces_blijft_in_dit_proces():
    gezien: list[Voortgang] = []
    uit = per_rapport(["2", "1"], kwadraat_met_pid, 1, gezien.append)
    assert [(s, k, p) for s, k, p in uit] == [("2", 4, os.getpid()), ("1", 1, os.getpid())]
    assert [(v.nummer, v.sleutel) for v in gezien] == [(1, "2"), (2, "1")]


def test_een_fout_in_een_proces_komt_heel_aan():
    with pytest.raises(RegioplanFout) as fout:
        per_rapport(["1", "2", "3", "4"], faal_bij_drie, 2)
    assert fout.value.code == "sjabloon-fout"
    assert fout.value.bericht == "rapport 3 gaat mis"
    assert fout.value.hint == "kijk in het sjabloon"


def test_regioplanfout_overleeft_pickle():
    terug = pickle.loads(pickle.dumps(RegioplanFout("a-b", "bericht", "hint")))
    assert (terug.code, terug.bericht, terug.hint, str(terug)) == ("a-b", "bericht", "hint", "[a-b] bericht")


@pytest.mark.parametrize(
    ("rapporten", "formaten", "gevraagd", "verwacht"),
    [
        (3, ("md", "html"), 4, 1),  # text only: milliseconds, no pool
        (3, ("pdf",), 8, 3),  # never more than reports
        (1, ("docx",), 8, 1),
        (7, ("html", "pdf"), 2, 2),
        (7, ("pdf",), 0, 1),  # at least one
    ],
)
def test_aantal_processen(rapporten, formaten, gevraagd, verwacht):
    assert aantal_processen(rapporten, formaten, gevraagd) == verwacht


def test_aantal_processen_standaard_een_per_kern():
    kernen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    assert aantal_processen(50, ("pdf",)) == min(50, kernen)


def regioplan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args], capture_output=True, text=True, check=False, timeout=900
    )


def test_cli_parallel_en_een_voor_een_geven_dezelfde_bestanden_met_voortgang(tmp_path: Path):
    bestanden = {}
    for n in ("1", "3"):
        uit = tmp_path / f"p{n}"
        proces = regioplan(
            "rapport",
            str(VOORBEELD),
            "--regio",
            "alle",
            "-f",
            "docx",
            "-f",
            "md",
            "--processen",
            n,
            "--uit",
            str(uit),
        )
        assert proces.returncode == 0, proces.stderr
        regels = proces.stderr.splitlines()
        assert f"3 rapporten maken, {'één voor één' if n == '1' else '3 tegelijk'}" in proces.stderr
        klaar = [r for r in regels if r.startswith("klaar (")]
        assert [r.split(")")[0] for r in klaar] == ["klaar (1 van 3", "klaar (2 van 3", "klaar (3 van 3"]
        assert {r.split(": ")[1] for r in klaar} == {"twente", "ijsselland", "overijssel"}
        geschreven = [r.removeprefix("geschreven: ") for r in regels if r.startswith("geschreven: ")]
        assert [Path(p).name for p in geschreven] == [
            f"{naam}.{ext}"
            for naam in (
                "regionaal-plan-twente",
                "regionaal-plan-ijsselland",
                "provinciaal-verslag-overijssel",
            )
            for ext in ("docx", "md")
        ]
        bestanden[n] = {p.name: p.read_bytes() for p in uit.iterdir()}
    assert len(bestanden["1"]) == 6
    assert bestanden["1"] == bestanden["3"]


def test_cli_alleen_tekst_meldt_geen_voortgang(tmp_path: Path):
    proces = regioplan("rapport", str(VOORBEELD), "--regio", "alle", "--uit", str(tmp_path))
    assert proces.returncode == 0, proces.stderr
    assert "rapporten maken" not in proces.stderr and "klaar (" not in proces.stderr


def test_cli_processen_nul_is_een_gebruiksfout(tmp_path: Path):
    proces = regioplan(
        "rapport", str(VOORBEELD), "--regio", "twente", "--processen", "0", "--uit", str(tmp_path)
    )
    assert proces.returncode == 2
    assert "--processen" in proces.stderr and "Traceback" not in proces.stderr
    assert not any(tmp_path.iterdir())


def test_cli_een_traag_rapport_meldt_vooraf_wat_tijd_kost(tmp_path: Path):
    proces = regioplan("rapport", str(VOORBEELD), "--regio", "twente", "-f", "docx", "--uit", str(tmp_path))
    assert proces.returncode == 0, proces.stderr
    assert "rapport twente maken; met PDF of Word duurt dat enkele seconden" in proces.stderr
    assert "klaar (" not in proces.stderr
