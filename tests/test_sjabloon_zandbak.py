"""Own templates (--sjablonen) run in Jinja's sandbox: no Python internals, no changed context."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import VOORBEELD

KOP = '{% extends "ingebouwd:regionaal-plan.md.j2" %}{% block titelblok %}'


def rapport_met(tmp_path: Path, blok: str) -> subprocess.CompletedProcess:
    sjablonen = tmp_path / "sjablonen"
    sjablonen.mkdir()
    (sjablonen / "regionaal-plan.md.j2").write_text(KOP + blok + "{% endblock %}", encoding="utf-8")
    return subprocess.run(
        [
            sys.executable, "-m", "regioplan", "rapport", str(VOORBEELD), "--regio", "twente", "-f", "md",
            "--sjablonen", str(sjablonen), "--uit", str(tmp_path / "uit"),
        ],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("blok", "attribuut"),
    [
        ("{{ ''.__class__.__mro__ }}", "__class__"),
        ("{{ lipsum.__globals__ }}", "__globals__"),
        ("{{ cyclus.__init__.__globals__ }}", "__init__"),
        ("{{ (range(1)|list).__class__.__base__.__subclasses__() }}", "__class__"),
    ],
)
def test_python_binnenkant_is_niet_bereikbaar(tmp_path, blok, attribuut):
    proces = rapport_met(tmp_path, blok)
    assert proces.returncode == 2
    plek = "fout [sjabloon-fout]: regionaal-plan.md.j2, regel 1: "
    assert f"{plek}het attribuut '{attribuut}' is in een sjabloon niet toegestaan." in proces.stderr
    assert "Traceback" not in proces.stderr and "interne fout" not in proces.stderr
    assert not (tmp_path / "uit" / "regionaal-plan-twente.md").exists()


def test_rapportgegevens_veranderen_kan_niet(tmp_path):
    proces = rapport_met(tmp_path, "{% set d = {'a': 1} %}{{ d.update({'b': 2}) }}")
    assert proces.returncode == 2
    assert "fout [sjabloon-fout]: regionaal-plan.md.j2, regel 1:" in proces.stderr
    assert "Traceback" not in proces.stderr


def test_rekenfout_in_eigen_sjabloon_is_een_nette_fout(tmp_path):
    proces = rapport_met(tmp_path, "{{ 1 / 0 }}")
    assert proces.returncode == 2
    assert "fout [sjabloon-fout]: regionaal-plan.md.j2, regel 1: deling door nul." in proces.stderr
    assert "Traceback" not in proces.stderr


def test_gewoon_eigen_sjabloon_werkt_in_de_zandbak(tmp_path):
    proces = rapport_met(
        tmp_path,
        "# {{ titel|upper }} ({{ gemeenten|length }} gemeenten)"
        "{% for k, v in {'x': 1}.items() %} {{ k }}{% endfor %}",
    )
    assert proces.returncode == 0, proces.stderr
    tekst = (tmp_path / "uit" / "regionaal-plan-twente.md").read_text(encoding="utf-8")
    assert "# REGIONAAL PLAN TWENTE (14 gemeenten) x\n" in tekst
